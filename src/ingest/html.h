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
};

// Extracts the prose of an HTML page: tags, comments and the contents of
// script, style, noscript, template, svg and similar elements are dropped,
// character references are decoded, white space is collapsed, and block-level
// elements end lines (table cells are joined by " | "). The <title> is kept as
// a line of its own. Every output byte maps back to the input byte it came
// from; decoded references map to their '&', collapsed white space to its
// first character. Runs in linear time and never fails: broken markup is
// read the way a browser would, or close to it.
HtmlText HtmlToText(std::string_view html);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_HTML_H_
