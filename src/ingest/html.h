// HTML to analysis text.
#ifndef PROVCHECK_INGEST_HTML_H_
#define PROVCHECK_INGEST_HTML_H_

#include <string>
#include <string_view>

#include "provcheck/document.h"

namespace provcheck {

struct HtmlText {
  std::string text;   // one block per line, ending in '\n' unless empty
  OffsetMap offsets;  // text offset -> offset in the HTML given
  std::vector<LineStructure> structure;  // one per line of `text`
};

// Extracts the prose of an HTML page: tags, comments and the contents of
// script, style, noscript, template, svg and similar elements are dropped,
// character references are decoded, white space is collapsed, and block-level
// elements end lines (table cells are joined by " | "). The <title> is kept as
// a line of its own. Every output byte maps back to the input byte it came
// from; decoded references map to their '&', collapsed white space to its
// first character. Runs in linear time and never fails: broken markup is
// read the way a browser would, or close to it.
//
// Each line also gets what the markup says about it (`structure`): how much
// of it is link text, and whether it sits in page furniture. A line is
// furniture when most of it lies inside an element that marks furniture
// (nav, aside, menu, form; header or footer outside an article; ARIA
// navigation, banner, contentinfo, complementary or search roles; a class or
// id naming a sidebar, menu, share bar, related links, comments, cookie
// notice, newsletter, promo, breadcrumb, widget or ad), with no <article>,
// <main> or <h1> between it and that element. An element that holds the
// page's longest low-link paragraph, or more than half its text, is a
// layout wrapper (an ASP.NET <form>, a "sidebar-layout" page div) and
// marks nothing.
HtmlText HtmlToText(std::string_view html);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_HTML_H_
