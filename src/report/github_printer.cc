#include <algorithm>
#include <array>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "config/glob.h"
#include "provcheck/printer.h"

namespace provcheck {
namespace {

// Workflow-command escaping, as GitHub's own toolkit does it: the message
// ("data") escapes %, CR and LF; property values also escape : and ,.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

enum Level { kNotice = 0, kWarning = 1, kError = 2 };

Level LevelOf(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return kError;
    case Severity::kWarning:
      return kWarning;
    case Severity::kInfo:
      return kNotice;
  }
  return kNotice;
}

constexpr std::array<const char*, 3> kCommands = {"notice", "warning", "error"};

class GithubPrinter : public Printer {
 public:
  GithubPrinter(std::ostream& out, std::string path_root, int max_per_level)
      : out_(out),
        path_root_(std::move(path_root)),
        max_per_level_(max_per_level) {}

  void PrintDocument(const DocumentResult& result) override {
    DocumentReport report{result, {}, {}};
    PrintReport(report);
  }

  void PrintReport(const DocumentReport& report) override {
    const DocumentResult& result = report.result;
    if (result.findings.empty() && report.notices.empty()) return;
    const std::string file = EscapeProperty(
        result.path == "-"
            ? result.path
            : RelativeTo(path_root_, result.path).value_or(result.path));
    out_ << "::group::" << EscapeData(result.path) << '\n';
    for (const Finding& finding : result.findings) {
      const Level level = LevelOf(finding.severity);
      const std::string severity(SeverityName(finding.severity));
      if (Annotate(level)) {
        std::string properties =
            absl::StrCat("file=", file, ",line=", finding.start.line,
                         ",endLine=", finding.stop.line);
        // GitHub accepts columns only on a one-line span, and its
        // endColumn is the span's last column (ours is one past it).
        if (finding.start.line == finding.stop.line) {
          absl::StrAppend(
              &properties, ",col=", finding.start.column, ",endColumn=",
              std::max(finding.start.column, finding.stop.column - 1));
        }
        absl::StrAppend(
            &properties, ",title=",
            EscapeProperty(absl::StrCat(finding.rule_id, " (", severity, ")")));
        out_ << "::" << kCommands[level] << ' ' << properties
             << "::" << EscapeData(finding.message) << '\n';
      } else {
        // Beyond what GitHub shows the log still has it, in the form of the
        // text format (which no runner reads as a command).
        out_ << result.path << ':' << finding.start.line << ':'
             << finding.start.column << ": " << severity << ": "
             << EscapeData(finding.message) << " [" << finding.rule_id << "]\n";
      }
    }
    for (const Notice& notice : report.notices) {
      const Diagnostic& diagnostic = notice.diagnostic;
      const Level level =
          diagnostic.level == Diagnostic::Level::kError ? kError : kWarning;
      if (Annotate(level)) {
        std::string properties = absl::StrCat("file=", file);
        if (diagnostic.line > 0) {
          absl::StrAppend(&properties, ",line=", diagnostic.line);
        }
        if (diagnostic.column > 0) {
          absl::StrAppend(&properties, ",col=", diagnostic.column);
        }
        absl::StrAppend(&properties, ",title=", EscapeProperty(notice.id));
        out_ << "::" << kCommands[level] << ' ' << properties
             << "::" << EscapeData(diagnostic.message) << '\n';
      } else {
        out_ << EscapeData(diagnostic.ToString()) << '\n';
      }
    }
    out_ << "::endgroup::\n";
  }

  void End(const RunSummary& summary) override {
    const auto& by = summary.findings_by_severity;
    const int total = by[0] + by[1] + by[2];
    out_ << "provcheck: " << summary.documents
         << (summary.documents == 1 ? " file, " : " files, ") << total
         << (total == 1 ? " finding" : " findings") << " ("
         << by[static_cast<int>(Severity::kError)] << " errors, "
         << by[static_cast<int>(Severity::kWarning)] << " warnings, "
         << by[static_cast<int>(Severity::kInfo)] << " info)";
    if (summary.unreadable > 0) {
      out_ << ", " << summary.unreadable << " unreadable";
    }
    out_ << '\n';
    const int hidden = overflow_[0] + overflow_[1] + overflow_[2];
    if (hidden > 0) {
      out_ << "provcheck: " << hidden
           << (hidden == 1 ? " more entry is" : " more entries are")
           << " not annotated (GitHub shows " << max_per_level_
           << " per level in a step): see each file's group in this log, or "
              "upload --format sarif to code scanning\n";
    }
  }

 private:
  bool Annotate(Level level) {
    if (annotated_[level] < max_per_level_) {
      ++annotated_[level];
      return true;
    }
    ++overflow_[level];
    return false;
  }

  std::ostream& out_;
  std::string path_root_;
  int max_per_level_;
  std::array<int, 3> annotated_{};
  std::array<int, 3> overflow_{};
};

}  // namespace

std::unique_ptr<Printer> MakeGithubPrinter(std::ostream& out,
                                           std::string path_root,
                                           int max_per_level) {
  return std::make_unique<GithubPrinter>(out, std::move(path_root),
                                         max_per_level);
}

}  // namespace provcheck
