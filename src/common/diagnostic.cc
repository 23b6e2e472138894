#include "provcheck/diagnostic.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace provcheck {

std::string Diagnostic::ToString() const {
  const char* level_name = level == Level::kWarning ? "warning" : "error";
  // The shapes follow the compiler convention so editors and CI annotators
  // can jump to the spot; a column without a line would mean nothing.
  if (line > 0 && column > 0) {
    return absl::StrCat(path, ":", line, ":", column, ": ", level_name, ": ",
                        message);
  }
  if (line > 0) {
    return absl::StrCat(path, ":", line, ": ", level_name, ": ", message);
  }
  return absl::StrCat(path, ": ", level_name, ": ", message);
}

}  // namespace provcheck
