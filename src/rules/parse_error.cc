#include "rules/parse_error.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "absl/strings/str_cat.h"
#include "provcheck/document.h"

namespace provcheck {

std::pair<int, int> LineAndColumn(std::string_view source, size_t offset) {
  // One lookup: an index of every line is built for it, which costs one
  // pass, as the scan it replaces did. Many lookups into one file build the
  // LineIndex once instead (ParseRulePack).
  const Position position = LineIndex(source).At(offset);
  return {position.line, position.column};
}

// "file:line:col: error: message", the offending line, and a caret under the
// column, as compilers print it.
absl::Status ErrorAt(std::string_view source, std::string_view file,
                     size_t offset, std::string_view message) {
  offset = std::min(offset, source.size());
  auto [line, column] = LineAndColumn(source, offset);
  size_t begin = source.rfind('\n', offset == 0 ? 0 : offset - 1);
  begin = (begin == std::string_view::npos || offset == 0) ? 0 : begin + 1;
  if (offset > 0 && source[offset - 1] == '\n') begin = offset;
  size_t end = source.find('\n', begin);
  if (end == std::string_view::npos) end = source.size();
  std::string_view text = source.substr(begin, end - begin);
  return absl::InvalidArgumentError(
      absl::StrCat(std::string(file), ":", line, ":", column,
                   ": error: ", std::string(message), "\n", std::string(text),
                   "\n", std::string(column - 1, ' '), "^"));
}

size_t SkipBlanksAndComments(std::string_view source, size_t offset) {
  while (offset < source.size()) {
    if (std::isspace(static_cast<unsigned char>(source[offset]))) {
      ++offset;
    } else if (source[offset] == '#') {
      while (offset < source.size() && source[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  return offset;
}

}  // namespace provcheck
