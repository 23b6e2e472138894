// Private to src/extract: where the date grammar matched, resolved or not.
#ifndef PROVCHECK_EXTRACT_DATE_SPANS_H_
#define PROVCHECK_EXTRACT_DATE_SPANS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace provcheck {
namespace extract_internal {

struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

// The byte ranges of every date expression the grammar recognises in `text`,
// including those FindDates drops for want of a reference ("Sept. 19",
// "two years ago") or because they are relative to an event ("a year
// after"). FindQuantities uses them so that the 19 and the 2023 of
// "19 September 2023" are never read as counts. Sorted, non-overlapping.
std::vector<TextSpan> DateSpans(std::string_view text);

}  // namespace extract_internal
}  // namespace provcheck

#endif  // PROVCHECK_EXTRACT_DATE_SPANS_H_
