// Hard-wrapped plain text to one paragraph per line.
#ifndef PROVCHECK_INGEST_HARD_WRAP_H_
#define PROVCHECK_INGEST_HARD_WRAP_H_

#include <cstddef>
#include <string>

namespace provcheck {

// Wire copy, mail archives and text saved from terminals break every
// paragraph into lines of at most some width (Reuters' 1987 copy at 66
// columns). Rules read one paragraph per line, as ingest gives them for
// Markdown and HTML, so a sentence wrapped across lines would be read as two
// fragments: "lead manager Warburg" / "Securities said." named "Securities".
//
// When `text` reads as hard-wrapped, replaces each newline that only wraps
// a paragraph by a space, in place; byte offsets are unchanged, so findings
// still point at the lines the file has. Returns how many it replaced.
//
// Text reads as hard-wrapped when most of its line breaks fall where the
// next word would not have fitted within the widest line, and most fall
// mid-sentence: a file of one sentence or one paragraph per line fails the
// second test, and one of long unwrapped paragraphs has too few breaks
// inside a paragraph to pass the first. In such text a break is kept where
// the next line is indented, blank, a list item or a table row, and where a
// line that ends a sentence left room for the next word (the paragraph
// ended) or is followed by a short sign-off ("Reuter").
size_t UnwrapHardWrappedLines(std::string& text);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_HARD_WRAP_H_
