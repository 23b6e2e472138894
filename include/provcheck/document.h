// A document as the pipeline sees it: the file's (repaired) bytes, the prose
// text that rules run over, and the way back from one to the other.
#ifndef PROVCHECK_DOCUMENT_H_
#define PROVCHECK_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace provcheck {

enum class Format { kPlainText, kMarkdown, kHtml };

// Maps byte offsets in a document's analysis text back to byte offsets in its
// original bytes. Plain text and Markdown keep the two byte-aligned (markup is
// blanked, not removed), so their map is empty, the identity. HTML drops tags
// and decodes entities, so it records an anchor wherever the two drift apart;
// between anchors the texts advance together.
class OffsetMap {
 public:
  // Anchors must be added with strictly increasing text offsets.
  void AddAnchor(size_t text_offset, size_t original_offset);
  size_t ToOriginal(size_t text_offset) const;
  bool empty() const { return anchors_.empty(); }

 private:
  std::vector<std::pair<size_t, size_t>> anchors_;  // (text, original)
};

// 1-based line and column; the column counts Unicode code points, as an editor
// shows them.
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

// Resolves byte offsets of one UTF-8 text to positions. Built once per
// document; each lookup is a binary search plus a scan of one line prefix.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Position At(size_t byte_offset) const;
  // The text of 1-based line `line` without its break ("\n" or "\r\n"); ""
  // past the last line.
  std::string_view Line(int line) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// What is known about a document besides its text: from Markdown front
// matter, an HTML <title> and <meta> tags, or a sidecar PATH.meta file
// (`key: value` lines).
struct DocumentMetadata {
  std::string title;
  std::string publisher;
  std::string url;
  std::string published;  // as written; ISO 8601 where the source used it
};

// What an HTML page's markup says about one line of its analysis text. The
// ingest records what it saw; the engine decides what counts as furniture.
struct LineStructure {
  size_t begin = 0;  // the line's first byte in the analysis text
  // Why the markup places the line in page furniture ("inside <nav>",
  // "class 'related-posts'"); empty when it does not.
  std::string furniture;
  int chars = 0;       // visible code points
  int link_chars = 0;  // of them, inside <a>
  friend bool operator==(const LineStructure&, const LineStructure&) = default;
};

struct Document {
  std::string path;  // as given on the command line; "-" for stdin
  Format format = Format::kPlainText;
  std::string original;  // the file's bytes, invalid UTF-8 replaced by U+FFFD
  // What rules run over: only prose (no front matter, code, comments or
  // tags), one paragraph per line.
  std::string text;
  OffsetMap offsets;  // text -> original
  // HTML only: one entry per non-empty line of `text`, in order.
  std::vector<LineStructure> structure;
  std::string sha256;  // hex digest of the raw bytes as read
  uint64_t raw_bytes = 0;
  DocumentMetadata metadata;
};

// Start and (exclusive) end positions in the original file of a byte range
// of the document's analysis text. The end maps the range's last byte and
// steps past its code point, since an end offset can sit on the far side of
// an anchor (after a decoded entity, say).
std::pair<Position, Position> SpanPositions(const Document& document,
                                            const LineIndex& original_lines,
                                            size_t begin, size_t end);

}  // namespace provcheck

#endif  // PROVCHECK_DOCUMENT_H_
