#include <map>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "config/glob.h"
#include "nlohmann/json.hpp"
#include "provcheck/printer.h"

namespace provcheck {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kSchema[] = "https://json.schemastore.org/sarif-2.1.0.json";

// The notifications lint can raise, described once in tool.driver.
constexpr std::pair<const char*, const char*> kNotificationDescriptors[] = {
    {"provcheck.unused-suppression",
     "A provcheck-disable comment that suppresses no finding"},
    {"provcheck.min-score",
     "A document's provenance score is below the configured minimum"},
};

std::string Level(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "none";
}

// RFC 3986: a relative reference with everything but unreserved characters
// and '/' percent-encoded.
std::string PercentEncode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string Quote(const std::string& text) {
  return absl::StrCat("\xE2\x80\x9C", text, "\xE2\x80\x9D");
}

Json RuleDescriptor(const RuleInfo& rule) {
  const std::string kind(KindName(rule.kind));
  std::string description = rule.description;
  if (description.empty()) description = rule.id;
  std::string full = absl::StrCat("Reports ", kind, ": ", description, ".");
  if (!rule.pack_description.empty()) {
    absl::StrAppend(&full, " Pack: ", rule.pack_description, ".");
  }
  std::string help = full;
  std::string markdown = absl::StrCat("**", kind, "**: ", description, "\n");
  constexpr size_t kMaxExamples = 3;
  for (size_t i = 0; i < rule.examples.size() && i < kMaxExamples; ++i) {
    absl::StrAppend(&help, "\nFlags: ", Quote(rule.examples[i]));
    absl::StrAppend(&markdown, "\n- flags: `", rule.examples[i], "`");
  }
  for (size_t i = 0; i < rule.counters.size() && i < kMaxExamples; ++i) {
    absl::StrAppend(&help, "\nDoes not flag: ", Quote(rule.counters[i]));
    absl::StrAppend(&markdown, "\n- does not flag: `", rule.counters[i], "`");
  }
  absl::StrAppend(&help,
                  "\nSuppress one line with <!-- provcheck-disable-next-line ",
                  rule.id, " -->, or configure it in .provcheck.toml.");
  absl::StrAppend(&markdown,
                  "\n\nSuppress one line with `<!-- "
                  "provcheck-disable-next-line ",
                  rule.id, " -->`, or set its severity in `.provcheck.toml`.");
  Json descriptor;
  descriptor["id"] = rule.id;
  descriptor["shortDescription"] = {{"text", description}};
  descriptor["fullDescription"] = {{"text", full}};
  descriptor["help"] = {{"text", help}, {"markdown", markdown}};
  Json configuration;
  configuration["level"] = Level(rule.severity);
  if (!rule.enabled) configuration["enabled"] = false;
  descriptor["defaultConfiguration"] = std::move(configuration);
  descriptor["properties"] = {{"tags", Json::array({"provenance", kind})}};
  return descriptor;
}

// Dumps `json` pretty-printed, its lines after the first indented by
// `indent` spaces, so pieces streamed one by one read as one document.
std::string Dump(const Json& json, int indent) {
  std::string text = json.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string out;
  const std::string pad(static_cast<size_t>(indent), ' ');
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return out;
}

class SarifPrinter : public Printer {
 public:
  SarifPrinter(std::ostream& out, std::string version,
               std::vector<RuleInfo> rules, std::string uri_root)
      : out_(out),
        version_(std::move(version)),
        rules_(std::move(rules)),
        uri_root_(std::move(uri_root)) {
    for (size_t i = 0; i < rules_.size(); ++i) index_[rules_[i].id] = i;
  }

  void Begin() override {
    out_ << "{\n  \"$schema\": \"" << kSchema
         << "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
         << "      \"automationDetails\": {\n        \"id\": \"provcheck/\"\n"
         << "      },\n      \"columnKind\": \"unicodeCodePoints\",\n"
         << "      \"results\": [";
  }

  void PrintDocument(const DocumentResult& result) override {
    DocumentReport report{result, {}, {}};
    PrintReport(report);
  }

  void PrintReport(const DocumentReport& report) override {
    const DocumentResult& result = report.result;
    const std::string uri = Uri(result.path);
    std::map<std::string, int> occurrences;  // line hash -> seen so far
    for (size_t i = 0; i < result.findings.size(); ++i) {
      const Finding& finding = result.findings[i];
      Json item;
      item["ruleId"] = finding.rule_id;
      item["ruleIndex"] = RuleIndex(finding);
      item["level"] = Level(finding.severity);
      item["message"] = {{"text", finding.message}};
      Json region;
      region["startLine"] = finding.start.line;
      region["startColumn"] = finding.start.column;
      region["endLine"] = finding.stop.line;
      region["endColumn"] = finding.stop.column;
      region["snippet"] = {{"text", finding.text}};
      item["locations"] = Json::array(
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", uri}}}, {"region", region}}}}});
      const std::string hash =
          i < report.line_hashes.size() ? report.line_hashes[i] : "";
      if (!hash.empty()) {
        // GitHub's own form: the line's hash and which occurrence of that
        // line in the file this is, so moved text keeps its alert.
        item["partialFingerprints"] = {
            {"primaryLocationLineHash",
             absl::StrCat(hash, ":", ++occurrences[hash])}};
      }
      Json properties;
      properties["kind"] = std::string(KindName(finding.kind));
      properties["severity"] = std::string(SeverityName(finding.severity));
      if (!finding.source.empty()) properties["source"] = finding.source;
      item["properties"] = std::move(properties);
      out_ << (printed_any_ ? ",\n        " : "\n        ") << Dump(item, 8);
      printed_any_ = true;
    }
    for (const Notice& notice : report.notices) {
      Json item;
      item["level"] = notice.diagnostic.level == Diagnostic::Level::kError
                          ? "error"
                          : "warning";
      item["message"] = {{"text", notice.diagnostic.message}};
      Json location = {{"artifactLocation", {{"uri", uri}}}};
      if (notice.diagnostic.line > 0) {
        Json region = {{"startLine", notice.diagnostic.line}};
        if (notice.diagnostic.column > 0) {
          region["startColumn"] = notice.diagnostic.column;
        }
        location["region"] = std::move(region);
      }
      item["locations"] =
          Json::array({{{"physicalLocation", std::move(location)}}});
      item["descriptor"] = {{"id", notice.id}};
      notifications_.push_back(std::move(item));
    }
  }

  void End(const RunSummary& summary) override {
    out_ << (printed_any_ ? "\n      ],\n" : "],\n");
    Json invocation;
    invocation["executionSuccessful"] = summary.unreadable == 0;
    if (!notifications_.empty()) {
      invocation["toolExecutionNotifications"] = std::move(notifications_);
    }
    out_ << "      \"invocations\": " << Dump(Json::array({invocation}), 6)
         << ",\n";
    Json driver;
    driver["name"] = "provcheck";
    driver["version"] = version_;
    driver["semanticVersion"] = version_;
    Json rules = Json::array();
    for (const RuleInfo& rule : rules_) rules.push_back(RuleDescriptor(rule));
    driver["rules"] = std::move(rules);
    Json notifications = Json::array();
    for (const auto& [id, text] : kNotificationDescriptors) {
      notifications.push_back(
          {{"id", id}, {"shortDescription", {{"text", text}}}});
    }
    driver["notifications"] = std::move(notifications);
    out_ << "      \"tool\": " << Dump(Json{{"driver", driver}}, 6)
         << "\n    }\n  ]\n}\n";
  }

 private:
  std::string Uri(const std::string& path) const {
    if (path == "-") return "stdin";
    std::optional<std::string> relative = RelativeTo(uri_root_, path);
    return PercentEncode(relative.value_or(path));
  }

  // Rules the run did not list up front (findings from outside the packs)
  // are described from what their findings say, after the listed ones.
  size_t RuleIndex(const Finding& finding) {
    auto it = index_.find(finding.rule_id);
    if (it != index_.end()) return it->second;
    RuleInfo rule;
    rule.id = finding.rule_id;
    rule.kind = finding.kind;
    rule.severity = finding.severity;
    rules_.push_back(std::move(rule));
    index_[finding.rule_id] = rules_.size() - 1;
    return rules_.size() - 1;
  }

  std::ostream& out_;
  std::string version_;
  std::vector<RuleInfo> rules_;
  std::map<std::string, size_t> index_;
  std::string uri_root_;
  Json notifications_ = Json::array();
  bool printed_any_ = false;
};

}  // namespace

std::unique_ptr<Printer> MakeSarifPrinter(std::ostream& out,
                                          std::string tool_version,
                                          std::vector<RuleInfo> rules,
                                          std::string uri_root) {
  return std::make_unique<SarifPrinter>(out, std::move(tool_version),
                                        std::move(rules), std::move(uri_root));
}

}  // namespace provcheck
