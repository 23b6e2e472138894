#include <unistd.h>

#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "provcheck/ingest.h"
#include "provcheck/pipeline.h"
#include "provcheck/printer.h"
#include "provcheck/version.h"

namespace provcheck::cli {
namespace {

// The lowest severity that fails the run; nullopt for "none".
std::optional<Severity> FailLevel(const std::string& fail_on) {
  if (fail_on == "none") return std::nullopt;
  return ParseSeverity(fail_on);
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace

int RunLint(const LintOptions& options) {
  std::optional<LoadedRules> rules =
      LoadRulesOrReport(ResolveRulesDir(options.rules_dir));
  if (!rules) return kExitError;

  Diagnostics path_errors;
  const std::vector<std::string> paths =
      ExpandPaths(options.paths, &path_errors);
  for (const Diagnostic& error : path_errors) {
    std::cerr << error.ToString() << '\n';
  }

  std::unique_ptr<Printer> printer =
      options.format == "json"
          ? MakeJsonPrinter(std::cout, PROVCHECK_VERSION)
          : MakeTextPrinter(std::cout, UseColor(options.color));
  const std::optional<Severity> fail_level = FailLevel(options.fail_on);
  PipelineOptions pipeline;
  pipeline.threads = options.threads > 0 ? options.threads : DefaultThreads();

  RunSummary summary;
  summary.unreadable = static_cast<int>(path_errors.size());
  bool failed = false;
  printer->Begin();
  AnalyzePaths(
      paths, rules->config(), pipeline, [&](DocumentOutcome&& outcome) {
        for (const Diagnostic& warning : outcome.warnings) {
          std::cerr << warning.ToString() << '\n';
        }
        if (!outcome.status.ok()) {
          std::cerr << outcome.path << ": error: " << outcome.status.message()
                    << '\n';
          ++summary.unreadable;
          return;
        }
        const DocumentResult& result = *outcome.result;
        ++summary.documents;
        for (const Finding& finding : result.findings) {
          ++summary.findings_by_severity[static_cast<int>(finding.severity)];
          if (fail_level && finding.severity >= *fail_level) {
            failed = true;
          }
        }
        printer->PrintDocument(result);
      });
  printer->End(summary);
  std::cout.flush();
  if (summary.unreadable > 0) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace provcheck::cli
