#include "provcheck/document.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace provcheck {

void OffsetMap::AddAnchor(size_t text_offset, size_t original_offset) {
  // A second anchor at the same text offset supersedes the first: the last
  // word on where a byte came from is the one the builder meant.
  if (!anchors_.empty() && anchors_.back().first == text_offset) {
    anchors_.back().second = original_offset;
    return;
  }
  // Out-of-order anchors would break the binary search for every later
  // lookup, so they are refused rather than stored.
  if (!anchors_.empty() && anchors_.back().first > text_offset) return;
  anchors_.emplace_back(text_offset, original_offset);
}

size_t OffsetMap::ToOriginal(size_t text_offset) const {
  // upper_bound finds the first anchor past the offset; the one before it
  // governs. Before the first anchor the texts still agree byte for byte.
  auto it = std::upper_bound(
      anchors_.begin(), anchors_.end(), text_offset,
      [](size_t offset, const std::pair<size_t, size_t>& anchor) {
        return offset < anchor.first;
      });
  if (it == anchors_.begin()) return text_offset;
  --it;
  return it->second + (text_offset - it->first);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t pos = text.find('\n'); pos != std::string_view::npos;
       pos = text.find('\n', pos + 1)) {
    line_starts_.push_back(pos + 1);
  }
}

Position LineIndex::At(size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  const size_t line = static_cast<size_t>(it - line_starts_.begin());
  const size_t start = line_starts_[line - 1];
  // Continuation bytes (10xxxxxx) do not start a code point, so counting the
  // other bytes counts code points. A '\r' of a "\r\n" is simply the last
  // column of its line, which is where an editor puts the cursor too.
  int column = 1;
  for (size_t i = start; i < byte_offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return Position{static_cast<int>(line), column};
}

std::string_view LineIndex::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
  const size_t begin = line_starts_[line - 1];
  const size_t end = static_cast<size_t>(line) < line_starts_.size()
                         ? line_starts_[line] - 1
                         : text_.size();
  std::string_view out = text_.substr(begin, end - begin);
  if (out.ends_with('\r')) out.remove_suffix(1);
  return out;
}

std::pair<Position, Position> SpanPositions(const Document& document,
                                            const LineIndex& original_lines,
                                            size_t begin, size_t end) {
  const Position start = original_lines.At(document.offsets.ToOriginal(begin));
  if (end <= begin) return {start, start};
  size_t stop = document.offsets.ToOriginal(end - 1) + 1;
  while (stop < document.original.size() &&
         (static_cast<unsigned char>(document.original[stop]) & 0xC0) == 0x80) {
    ++stop;
  }
  return {start, original_lines.At(stop)};
}

}  // namespace provcheck
