// Markdown to analysis text.
#ifndef PROVCHECK_INGEST_MARKDOWN_H_
#define PROVCHECK_INGEST_MARKDOWN_H_

#include <string>
#include <string_view>

namespace provcheck {

// Returns the prose of a Markdown document, byte-aligned with it: the result
// has the same length, and every byte that is not prose (front matter, fenced
// code, HTML comments and tags, link destinations, images, inline code,
// heading, quote and list markers, emphasis markers, a leading BOM, '\r') is
// replaced by a space, so offsets need no mapping. Newlines stay, except the
// soft breaks inside a paragraph, which become spaces: the result holds one
// paragraph per line. Headings, list items and table rows (whose pipes are
// kept) are paragraphs of their own.
std::string MarkdownToText(std::string_view markdown);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_MARKDOWN_H_
