// report: printers turn results into one output format each. A printer never
// re-analyses text, so a new format touches only its own file.
#ifndef PROVCHECK_PRINTER_H_
#define PROVCHECK_PRINTER_H_

#include <array>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "provcheck/diagnostic.h"
#include "provcheck/engine.h"
#include "provcheck/rule.h"

namespace provcheck {

struct RunSummary {
  int documents = 0;
  int unreadable = 0;  // inputs that could not be read or were binary
  std::array<int, 3> findings_by_severity{};  // indexed by Severity
};

// Something lint says about a document that is not a finding of a rule.
struct Notice {
  std::string id;  // "provcheck.unused-suppression", "provcheck.min-score"
  Diagnostic diagnostic;
};

// What lint knows about a document besides its analysis: its findings as
// configured (severity overrides, suppressions, baseline, diff base), their
// line hashes, and notices such as an unused suppression or a score below
// the minimum. Only formats that can carry these look at them.
struct DocumentReport {
  DocumentResult result;
  // Parallel to result.findings: a hash of the text of the line each starts
  // on ("" when unknown), for formats that track findings across edits.
  std::vector<std::string> line_hashes;
  std::vector<Notice> notices;
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void Begin() {}
  // Called once per document, in input order, as soon as it is analysed, so
  // output streams and memory stays flat on large corpora.
  virtual void PrintDocument(const DocumentResult& result) = 0;
  // What lint calls; formats that carry more than findings override it.
  virtual void PrintReport(const DocumentReport& report) {
    PrintDocument(report.result);
  }
  virtual void End(const RunSummary& summary) = 0;
};

// A rule as a format that describes its rules (SARIF) lists it.
struct RuleInfo {
  std::string id;
  std::string description;       // the rule's one-line description
  std::string pack_description;  // its pack's
  Kind kind = Kind::kAttribution;
  Severity severity = Severity::kInfo;  // after the configuration
  bool enabled = true;                  // false when configured off
  std::vector<std::string> examples;    // text the rule matches
  std::vector<std::string> counters;    // text it must not
};

// `path:line:col: severity: message [rule-id]`, grouped per file, then a
// one-line summary. `color` adds ANSI colours (for a terminal).
std::unique_ptr<Printer> MakeTextPrinter(std::ostream& out, bool color);

// The JSON contract of spec/json-output.md (schema 1).
std::unique_ptr<Printer> MakeJsonPrinter(std::ostream& out,
                                         std::string tool_version);

// SARIF 2.1.0 for GitHub code scanning: every rule in tool.driver, one
// result per finding with a repository-relative location (`uri_root` is the
// directory locations are relative to: the repository's root).
std::unique_ptr<Printer> MakeSarifPrinter(std::ostream& out,
                                          std::string tool_version,
                                          std::vector<RuleInfo> rules,
                                          std::string uri_root);

// GitHub Actions workflow commands (::error file=…::…), grouped per file,
// with `file=` relative to `path_root` (the repository's root, as GitHub
// wants it). At most `max_per_level` annotations per level are emitted
// (GitHub shows no more per step); the rest are printed as plain log lines
// and counted in a closing note.
inline constexpr int kGithubAnnotationsPerLevel = 10;
std::unique_ptr<Printer> MakeGithubPrinter(
    std::ostream& out, std::string path_root,
    int max_per_level = kGithubAnnotationsPerLevel);

}  // namespace provcheck

#endif  // PROVCHECK_PRINTER_H_
