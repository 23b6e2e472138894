// Runs a helper program (git) with its standard streams captured.
#ifndef PROVCHECK_CONFIG_PROCESS_H_
#define PROVCHECK_CONFIG_PROCESS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace provcheck {

struct ProcessResult {
  int exit_code = -1;  // -1 when it was killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up on PATH) in `directory` (empty: the current one),
// feeding it `input` on standard input. Fails only when it cannot be
// started; a non-zero exit is the caller's to judge.
absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                         const std::string& input = "",
                                         const std::string& directory = "");

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_PROCESS_H_
