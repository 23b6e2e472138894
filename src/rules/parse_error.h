// Error positions shared by the X3 grammars (rule packs, source registries).
#ifndef PROVCHECK_RULES_PARSE_ERROR_H_
#define PROVCHECK_RULES_PARSE_ERROR_H_

#include <cstddef>
#include <string_view>
#include <utility>

#include "absl/status/status.h"

namespace provcheck {

// 1-based line and code-point column of a byte offset, as LineIndex::At
// gives them.
std::pair<int, int> LineAndColumn(std::string_view source, size_t offset);

// "file:line:col: error: message", the offending line, and a caret under the
// column, as compilers print it.
absl::Status ErrorAt(std::string_view source, std::string_view file,
                     size_t offset, std::string_view message);

// Spirit reports positions before its skipper ran; this steps over the
// white space and # comments it would have skipped.
size_t SkipBlanksAndComments(std::string_view source, size_t offset);

}  // namespace provcheck

#endif  // PROVCHECK_RULES_PARSE_ERROR_H_
