// report: the HTML reliability report, from an existing database
// (`provcheck report`) or at the end of an audit (`provcheck audit --html`).
#ifndef PROVCHECK_CLI_REPORT_COMMAND_H_
#define PROVCHECK_CLI_REPORT_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>

#include "provcheck/store.h"
#include "report/html_report.h"

namespace provcheck::cli {

struct ReportOptions {
  std::string db = "provenance.db";
  std::string html;            // required: where to write the report
  std::optional<int64_t> run;  // only this run's documents; default: all
  std::string templates;       // empty: ResolveReportsDir
  std::string root;  // relative document paths resolve here; default: cwd
  // Above this many documents: an index and a page per document.
  size_t split_above = report::HtmlReportOptions{}.split_above;
};

int RunReport(const ReportOptions& options);

// The page templates to use: the flag, else $PROVCHECK_REPORTS, else the
// templates shipped beside the binary (share/provcheck/reports when
// installed, the source tree's reports/ when run from a build directory).
std::string ResolveReportsDir(const std::string& flag);

// Writes the report of `run_id`'s documents to `out`; prints any error to
// stderr and returns false.
bool WriteRunReport(Store& store, int64_t run_id, const std::string& out);

}  // namespace provcheck::cli

#endif  // PROVCHECK_CLI_REPORT_COMMAND_H_
