#include <ostream>

#include "nlohmann/json.hpp"
#include "provcheck/printer.h"

namespace provcheck {
namespace {

// Streams the contract's single JSON document: the envelope is written by
// hand around one serialised object per document, so a corpus of any size is
// printed without holding it in memory.
class JsonPrinter : public Printer {
 public:
  JsonPrinter(std::ostream& out, std::string version)
      : out_(out), version_(std::move(version)) {}

  void Begin() override {
    nlohmann::ordered_json tool = {{"name", "provcheck"},
                                   {"version", version_}};
    out_ << "{\"schema\":1,\"tool\":" << tool.dump() << ",\"documents\":[";
  }

  void PrintDocument(const DocumentResult& result) override {
    nlohmann::ordered_json document;
    document["path"] = result.path;
    document["sha256"] = result.sha256;
    document["score"] = result.score.total;
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding& finding : result.findings) {
      nlohmann::ordered_json item;
      item["rule"] = finding.rule_id;
      item["kind"] = std::string(KindName(finding.kind));
      item["severity"] = std::string(SeverityName(finding.severity));
      item["line"] = finding.start.line;
      item["column"] = finding.start.column;
      item["end_line"] = finding.stop.line;
      item["end_column"] = finding.stop.column;
      item["message"] = finding.message;
      item["text"] = finding.text;
      if (!finding.source.empty()) item["source"] = finding.source;
      if (!finding.related.empty()) {
        nlohmann::ordered_json related = nlohmann::ordered_json::array();
        for (const RelatedLocation& other : finding.related) {
          related.push_back({{"path", other.path},
                             {"line", other.line},
                             {"text", other.text}});
        }
        item["related"] = std::move(related);
      }
      findings.push_back(std::move(item));
    }
    document["findings"] = std::move(findings);
    if (printed_any_) out_ << ',';
    printed_any_ = true;
    // Scraped text can hold invalid UTF-8 only if ingest let it through;
    // replace rather than throw so one bad byte never loses a report.
    out_ << '\n'
         << document.dump(-1, ' ', false,
                          nlohmann::ordered_json::error_handler_t::replace);
  }

  void End(const RunSummary&) override { out_ << "\n]}\n"; }

 private:
  std::ostream& out_;
  std::string version_;
  bool printed_any_ = false;
};

}  // namespace

std::unique_ptr<Printer> MakeJsonPrinter(std::ostream& out,
                                         std::string tool_version) {
  return std::make_unique<JsonPrinter>(out, std::move(tool_version));
}

}  // namespace provcheck
