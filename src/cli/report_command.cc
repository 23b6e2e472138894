#include "cli/report_command.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "provcheck/version.h"
#include "report/html_report.h"

namespace provcheck::cli {
namespace {

std::filesystem::path ExecutableDir() {
  std::error_code error;
  std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

bool Write(Store& store, const report::HtmlReportOptions& options,
           const std::string& out) {
  if (absl::Status written = report::WriteHtmlReport(store, options, out);
      !written.ok()) {
    std::cerr << written.message() << '\n';
    return false;
  }
  return true;
}

}  // namespace

// Like the rules, templates are data read at run time rather than compiled
// in: a newsroom can restyle its report without a rebuild.
std::string ResolveReportsDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("PROVCHECK_REPORTS"); env && *env) {
    return env;
  }
  const std::filesystem::path dir = ExecutableDir();
  for (const char* relative :
       {"../share/provcheck/reports", "../reports", "../../reports"}) {
    std::error_code error;
    const std::filesystem::path candidate = dir / relative;
    if (std::filesystem::exists(candidate / "report.mustache", error)) {
      return std::filesystem::weakly_canonical(candidate, error).string();
    }
  }
  return "reports";
}

bool WriteRunReport(Store& store, int64_t run_id, const std::string& out) {
  report::HtmlReportOptions options;
  options.templates_dir = ResolveReportsDir("");
  options.run_id = run_id;
  options.tool_version = PROVCHECK_VERSION;
  return Write(store, options, out);
}

int RunReport(const ReportOptions& options) {
  std::error_code error;
  if (!std::filesystem::exists(options.db, error)) {
    // Opening would create an empty database; say what is wrong instead.
    std::cerr << options.db
              << ": error: no such database (run `provcheck audit --db "
              << options.db << " PATH...` first)\n";
    return kExitError;
  }
  auto store = Store::Open(options.db, StoreOptions{});
  if (!store.ok()) {
    std::cerr << store.status().message() << '\n';
    return kExitError;
  }
  report::HtmlReportOptions report;
  report.templates_dir = ResolveReportsDir(options.templates);
  report.run_id = options.run;
  report.root = options.root;
  report.split_above = options.split_above;
  report.tool_version = PROVCHECK_VERSION;
  return Write(**store, report, options.html) ? kExitClean : kExitError;
}

}  // namespace provcheck::cli
