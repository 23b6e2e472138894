// A baseline: the findings a repository has accepted, so CI reports only
// new ones. Findings are matched by rule and a content fingerprint, never by
// line number, so an edit elsewhere in the file does not bring them back.
//
//   {
//     "provcheck_baseline": 1,
//     "findings": [
//       {"path": "docs/a.md", "rule": "vague-attribution.impersonal",
//        "fingerprint": "9c1d5e0a7b3f2a64", "count": 1,
//        "line": 3, "text": "it was noted"}
//     ]
//   }
//
// `path` is relative to the baseline file's directory; `line` and `text` are
// there for a reviewer and play no part in matching.
#ifndef PROVCHECK_CONFIG_BASELINE_H_
#define PROVCHECK_CONFIG_BASELINE_H_

#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace provcheck {

// Whitespace runs become one space; leading and trailing ones go.
std::string NormaliseSpace(std::string_view text);

// Hex digest (16 digits) of a rule, the finding's text and the text of the
// line it starts on, each with whitespace normalised.
std::string FindingFingerprint(std::string_view rule_id,
                               std::string_view finding_text,
                               std::string_view line_text);

// Hex digest (16 digits) of a line's text with whitespace normalised.
std::string LineHash(std::string_view line_text);

class Baseline {
 public:
  // `dir` is where paths are relative to: the baseline file's directory.
  explicit Baseline(std::string dir) : dir_(std::move(dir)) {}

  // Errors name the file (and what is wrong); they are the caller's exit 2.
  static absl::StatusOr<Baseline> Load(const std::string& file);
  static absl::StatusOr<Baseline> Parse(std::string_view text,
                                        const std::string& file);

  // True when the finding is in the baseline; each recorded occurrence
  // excuses one finding, so a second copy of an old problem is new.
  bool Take(const std::string& path, const std::string& rule_id,
            const std::string& fingerprint);

  void Add(const std::string& path, const std::string& rule_id,
           const std::string& fingerprint, int line, std::string_view text);

  // One finding per line, sorted, so a baseline diffs well under review.
  std::string Serialise() const;
  absl::Status Write(const std::string& file) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    int count = 0;
    int line = 0;
    std::string text;
  };
  using Key = std::tuple<std::string, std::string, std::string>;
  std::string Relative(const std::string& path) const;

  std::string dir_;
  std::map<Key, Entry> entries_;  // (path, rule, fingerprint)
};

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_BASELINE_H_
