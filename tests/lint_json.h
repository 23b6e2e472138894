// Reads `provcheck lint --format json` output in end-to-end tests.
#ifndef PROVCHECK_TESTS_LINT_JSON_H_
#define PROVCHECK_TESTS_LINT_JSON_H_

#include <filesystem>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace provcheck::testing {

// One finding of a run, with the file name (no directories) of its document.
struct LintFinding {
  std::string file;
  int line = 0;
  std::string rule;
  std::string kind;
  std::string message;
};

// Every finding of a lint JSON run, in output order.
inline std::vector<LintFinding> LintFindings(const std::string& json_text) {
  std::vector<LintFinding> findings;
  // Parsed into a variable: a range-for over a temporary's member dangles.
  const nlohmann::json json = nlohmann::json::parse(json_text);
  for (const auto& document : json["documents"]) {
    const std::string file =
        std::filesystem::path(document["path"].get<std::string>())
            .filename()
            .string();
    for (const auto& finding : document["findings"]) {
      findings.push_back(LintFinding{file, finding["line"].get<int>(),
                                     finding["rule"].get<std::string>(),
                                     finding["kind"].get<std::string>(),
                                     finding["message"].get<std::string>()});
    }
  }
  return findings;
}

}  // namespace provcheck::testing

#endif  // PROVCHECK_TESTS_LINT_JSON_H_
