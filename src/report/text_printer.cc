#include <ostream>

#include "absl/strings/str_cat.h"
#include "provcheck/printer.h"

namespace provcheck {
namespace {

class TextPrinter : public Printer {
 public:
  TextPrinter(std::ostream& out, bool color) : out_(out), color_(color) {}

  void PrintDocument(const DocumentResult& result) override {
    if (result.findings.empty()) return;
    if (printed_any_) out_ << '\n';
    printed_any_ = true;
    for (const Finding& finding : result.findings) {
      out_ << Paint(kBold, result.path) << ':' << finding.start.line << ':'
           << finding.start.column << ": "
           << Paint(ColorOf(finding.severity),
                    std::string(SeverityName(finding.severity)))
           << ": " << finding.message << ' '
           << Paint(kDim, absl::StrCat("[", finding.rule_id, "]")) << '\n';
    }
  }

  void End(const RunSummary& summary) override {
    const int total = summary.findings_by_severity[0] +
                      summary.findings_by_severity[1] +
                      summary.findings_by_severity[2];
    if (printed_any_) out_ << '\n';
    out_ << summary.documents << (summary.documents == 1 ? " file" : " files")
         << ", " << total << (total == 1 ? " finding" : " findings") << " ("
         << summary.findings_by_severity[static_cast<int>(Severity::kError)]
         << " errors, "
         << summary.findings_by_severity[static_cast<int>(Severity::kWarning)]
         << " warnings, "
         << summary.findings_by_severity[static_cast<int>(Severity::kInfo)]
         << " info)";
    if (summary.unreadable > 0) {
      out_ << ", " << summary.unreadable << " unreadable";
    }
    out_ << '\n';
  }

 private:
  static constexpr const char* kBold = "\x1b[1m";
  static constexpr const char* kDim = "\x1b[2m";
  static constexpr const char* kRed = "\x1b[31m";
  static constexpr const char* kYellow = "\x1b[33m";
  static constexpr const char* kCyan = "\x1b[36m";

  static const char* ColorOf(Severity severity) {
    switch (severity) {
      case Severity::kError:
        return kRed;
      case Severity::kWarning:
        return kYellow;
      case Severity::kInfo:
        return kCyan;
    }
    return kDim;
  }

  std::string Paint(const char* code, const std::string& text) const {
    if (!color_) return text;
    return absl::StrCat(code, text, "\x1b[0m");
  }

  std::ostream& out_;
  bool color_;
  bool printed_any_ = false;
};

}  // namespace

std::unique_ptr<Printer> MakeTextPrinter(std::ostream& out, bool color) {
  return std::make_unique<TextPrinter>(out, color);
}

}  // namespace provcheck
