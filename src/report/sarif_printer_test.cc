#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "nlohmann/json.hpp"
#include "provcheck/printer.h"

namespace provcheck {
namespace {

using ::testing::HasSubstr;

RuleInfo MakeRule() {
  RuleInfo rule;
  rule.id = "vague-attribution.impersonal";
  rule.description = "it was noted, it is believed";
  rule.pack_description = "Attributions to no one";
  rule.kind = Kind::kVagueAttribution;
  rule.severity = Severity::kWarning;
  rule.examples = {"It was noted that the port closed."};
  rule.counters = {"She noted that the port closed."};
  return rule;
}

Finding MakeFinding() {
  Finding finding;
  finding.rule_id = "vague-attribution.impersonal";
  finding.kind = Kind::kVagueAttribution;
  finding.severity = Severity::kInfo;  // as a config override left it
  finding.start = Position{3, 5};
  finding.stop = Position{3, 17};
  finding.message = "Vague attribution";
  finding.text = "it was noted";
  return finding;
}

nlohmann::json Print(std::vector<DocumentReport> reports,
                     std::vector<RuleInfo> rules = {MakeRule()}) {
  std::ostringstream out;
  const std::string root = std::filesystem::current_path().string();
  std::unique_ptr<Printer> printer =
      MakeSarifPrinter(out, "0.1.0", std::move(rules), root);
  printer->Begin();
  for (const DocumentReport& report : reports) printer->PrintReport(report);
  printer->End(RunSummary{});
  return nlohmann::json::parse(out.str());
}

DocumentReport Report(std::string path, std::vector<Finding> findings,
                      std::vector<std::string> hashes = {}) {
  DocumentReport report;
  report.result.path = std::move(path);
  report.result.findings = std::move(findings);
  report.line_hashes = std::move(hashes);
  return report;
}

TEST(SarifPrinterTest, DeclaresVersionSchemaAndAutomationId) {
  const nlohmann::json sarif = Print({});
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_THAT(sarif["$schema"].get<std::string>(), HasSubstr("sarif-2.1.0"));
  EXPECT_EQ(sarif["runs"][0]["automationDetails"]["id"], "provcheck/");
  EXPECT_EQ(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
}

TEST(SarifPrinterTest, DescribesEveryRule) {
  const nlohmann::json rule =
      Print({})["runs"][0]["tool"]["driver"]["rules"][0];
  EXPECT_EQ(rule["id"], "vague-attribution.impersonal");
  EXPECT_EQ(rule["shortDescription"]["text"], "it was noted, it is believed");
  EXPECT_THAT(rule["fullDescription"]["text"].get<std::string>(),
              HasSubstr("Attributions to no one"));
  EXPECT_THAT(rule["help"]["text"].get<std::string>(),
              HasSubstr("It was noted that the port closed."));
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "warning");
  EXPECT_FALSE(rule.dump().find("security-severity") != std::string::npos);
}

TEST(SarifPrinterTest, AnOffRuleIsListedDisabled) {
  RuleInfo rule = MakeRule();
  rule.enabled = false;
  EXPECT_EQ(Print({}, {rule})["runs"][0]["tool"]["driver"]["rules"][0]
                             ["defaultConfiguration"]["enabled"],
            false);
}

TEST(SarifPrinterTest, AResultHasRuleLevelMessageAndOneLocation) {
  const nlohmann::json result =
      Print({Report("docs/a b.md", {MakeFinding()},
                    {"0123456789abcdef"})})["runs"][0]["results"][0];
  EXPECT_EQ(result["ruleId"], "vague-attribution.impersonal");
  EXPECT_EQ(result["ruleIndex"], 0);
  EXPECT_EQ(result["level"], "note");  // the finding's, not the rule's
  EXPECT_EQ(result["message"]["text"], "Vague attribution");
  ASSERT_EQ(result["locations"].size(), 1u);
  const nlohmann::json location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "docs/a%20b.md");
  EXPECT_EQ(location["region"]["startLine"], 3);
  EXPECT_EQ(location["region"]["startColumn"], 5);
  EXPECT_EQ(location["region"]["endLine"], 3);
  EXPECT_EQ(location["region"]["endColumn"], 17);
  EXPECT_EQ(result["partialFingerprints"]["primaryLocationLineHash"],
            "0123456789abcdef:1");
}

TEST(SarifPrinterTest, RepeatedLinesCountTheirOccurrences) {
  const nlohmann::json results = Print(
      {Report("a.md", {MakeFinding(), MakeFinding()},
              {"0123456789abcdef", "0123456789abcdef"})})["runs"][0]["results"];
  EXPECT_EQ(results[1]["partialFingerprints"]["primaryLocationLineHash"],
            "0123456789abcdef:2");
}

TEST(SarifPrinterTest, AFindingOfAnUnlistedRuleAddsItsRule) {
  Finding finding = MakeFinding();
  finding.rule_id = "contradiction.event-date";
  finding.kind = Kind::kContradiction;
  const nlohmann::json run = Print({Report("a.md", {finding})})["runs"][0];
  EXPECT_EQ(run["results"][0]["ruleIndex"], 1);
  EXPECT_EQ(run["tool"]["driver"]["rules"][1]["id"],
            "contradiction.event-date");
}

TEST(SarifPrinterTest, NoticesAreToolExecutionNotifications) {
  DocumentReport report = Report("a.md", {});
  Diagnostic unused;
  unused.level = Diagnostic::Level::kWarning;
  unused.path = "a.md";
  unused.line = 4;
  unused.column = 1;
  unused.message = "unused suppression";
  report.notices.push_back(Notice{"provcheck.unused-suppression", unused});
  const nlohmann::json notification = Print(
      {report})["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
  EXPECT_EQ(notification["level"], "warning");
  EXPECT_EQ(notification["descriptor"]["id"], "provcheck.unused-suppression");
  EXPECT_EQ(
      notification["locations"][0]["physicalLocation"]["region"]["startLine"],
      4);
}

}  // namespace
}  // namespace provcheck
