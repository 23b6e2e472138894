// segment: the units rules are scoped to.
#ifndef PROVCHECK_SEGMENT_H_
#define PROVCHECK_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace provcheck {

// A half-open byte range [begin, end) of a Document's analysis text.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

struct Segmentation {
  // Every line, without its terminator; blank lines included so that line i
  // is lines[i].
  std::vector<TextRange> lines;
  // Sentences, in order, trimmed of surrounding white space. A sentence never
  // crosses a line: the analysis text holds one paragraph per line.
  std::vector<TextRange> sentences;
  // For each sentence, the index of its line.
  std::vector<size_t> sentence_line;
};

// Splits analysis text into lines and sentences. Copes with abbreviations
// (U.S., Mr., Dr., Sept., e.g.), initials (J. R. R. Tolkien), decimals and
// numbers (3.5, 1.2 million), ellipses, and closing quotes or brackets after
// the terminator ("...peace." She said). Runs in time linear in the text.
Segmentation Segment(std::string_view text);

// The index of the range in `ranges` (sorted, not overlapping) that holds
// `offset`, or of the last range before it; 0 when none is before it.
size_t RangeIndexOf(const std::vector<TextRange>& ranges, size_t offset);

}  // namespace provcheck

#endif  // PROVCHECK_SEGMENT_H_
