// Messages about the input itself (not findings about its content): a file
// that could not be read, bytes that were not UTF-8.
#ifndef PROVCHECK_DIAGNOSTIC_H_
#define PROVCHECK_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace provcheck {

struct Diagnostic {
  enum class Level { kWarning, kError };
  Level level = Level::kError;
  std::string path;
  int line = 0;    // 0 when the message is about the whole file
  int column = 0;  // 0 when unknown
  std::string message;

  // "path:line:col: warning: message", or "path: error: message".
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace provcheck

#endif  // PROVCHECK_DIAGNOSTIC_H_
