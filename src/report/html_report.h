// The HTML reliability report: one self-contained file a fact-checker can
// send to an editor. It renders from the store (never re-analysing text),
// through the page templates in reports/ (see report/template.h), and
// re-reads each document's file only to show its text with the findings
// highlighted in place.
#ifndef PROVCHECK_REPORT_HTML_REPORT_H_
#define PROVCHECK_REPORT_HTML_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "provcheck/report_data.h"
#include "provcheck/store.h"

namespace provcheck::report {

struct HtmlReportOptions {
  std::string templates_dir;  // the page templates (reports/)
  // Only the documents this run covered; every stored document when empty.
  std::optional<int64_t> run_id;
  // Relative document paths are resolved against this directory (they were
  // stored as given to `provcheck audit`); empty: the current directory.
  std::string root;
  std::string tool_version;  // of the provcheck writing the report
  // Per-document sections start open when the report has at most this many
  // documents; a large report opens fast because closed sections are not
  // laid out.
  size_t expand_up_to = 12;
  // Texts larger than this are not embedded (the findings are listed).
  uint64_t max_text_bytes = 8u << 20;
  // Up to this many documents the report is one self-contained file. Above
  // it, `out_path` is an index (overview, chart, sources) and each document
  // gets its own self-contained page in a folder beside it, OUT_files/, so
  // that opening the report never means parsing every text at once.
  size_t split_above = 200;
};

// Writes the report to `out_path` (and, when split, the pages of OUT_files/
// first), each through a temporary file renamed into place, so a reader
// never sees half a page; creates the directories.
absl::Status WriteHtmlReport(Store& store, const HtmlReportOptions& options,
                             const std::string& out_path);

// The grade band a score falls in; the README documents the cut-offs.
struct Grade {
  std::string_view letter;  // A (best) to D
  std::string_view label;   // "well sourced", …
  int rank = 0;             // 0 for A: sorts best first
};
Grade GradeOf(double score);

// The Content-Security-Policy source expression for an inline block:
// 'sha256-' + base64 of the SHA-256 of its exact bytes.
std::string CspHashSource(std::string_view block);

// A finding's highlight on one line: a byte range of the line, the index of
// the finding, and whether it is the finding's first piece (a finding that
// spans lines, or crosses another finding, is cut into pieces; only the
// first is focusable and counted).
struct HighlightSpan {
  size_t begin = 0;
  size_t end = 0;
  size_t finding = 0;
  bool first = true;
  std::vector<HighlightSpan> children;  // nested inside, in text order
};

struct HighlightedLine {
  int number = 0;         // 1-based
  std::string_view text;  // without its line break
  std::vector<HighlightSpan> spans;
};

// Splits `original` into lines and places every finding on them by its
// stored line and column (code points, end exclusive). Overlapping findings
// nest; a finding that crosses the end of an enclosing one continues after
// it as another piece. Indices of findings whose start lies outside the text
// go to `unplaced`.
std::vector<HighlightedLine> HighlightText(
    std::string_view original, const std::vector<ReportFinding>& findings,
    std::vector<size_t>* unplaced);

}  // namespace provcheck::report

#endif  // PROVCHECK_REPORT_HTML_REPORT_H_
