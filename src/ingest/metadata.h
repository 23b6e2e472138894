// Document metadata from the places articles keep it.
#ifndef PROVCHECK_INGEST_METADATA_H_
#define PROVCHECK_INGEST_METADATA_H_

#include <string_view>

#include "provcheck/document.h"

namespace provcheck {

// Reads `key: value` lines (YAML front matter, a sidecar .meta file). Keys
// are case-insensitive; title, publisher (or source, site, outlet), url (or
// link, canonical) and date (or published, published_at, pubdate) are kept.
// Values already set are not overwritten, so the first place that says
// wins. Surrounding quotes are removed.
void ReadKeyValueMetadata(std::string_view text, DocumentMetadata* metadata);

// The YAML front matter block of a Markdown file ("---" … "---" at the very
// start), or empty.
std::string_view FrontMatter(std::string_view markdown);

// <title>, and <meta> tags with og:title, og:site_name, og:url,
// article:published_time, or a <link rel="canonical">.
void ReadHtmlMetadata(std::string_view html, DocumentMetadata* metadata);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_METADATA_H_
