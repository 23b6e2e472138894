#include "config/policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

namespace provcheck {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kText[] =
    "Analysts say the port will close.\n"
    "Next Article\n"
    "The minister said so, according to Arbiter Briefing.\n";

Finding MakeFinding(std::string rule, Kind kind, Severity severity, int line,
                    std::string text = "x", std::string source = "") {
  Finding finding;
  finding.rule_id = std::move(rule);
  finding.kind = kind;
  finding.severity = severity;
  finding.start = Position{line, 1};
  finding.stop = Position{line, 1 + static_cast<int>(text.size())};
  finding.message = "message";
  finding.text = std::move(text);
  finding.source = std::move(source);
  return finding;
}

DocumentResult MakeResult(const std::string& path = "docs/a.md") {
  DocumentResult result;
  result.path = path;
  result.score.total = 30;
  result.findings = {
      MakeFinding("vague-attribution.unnamed-group", Kind::kVagueAttribution,
                  Severity::kWarning, 1, "Analysts say"),
      MakeFinding("boilerplate.navigation", Kind::kBoilerplate,
                  Severity::kWarning, 2, "Next Article"),
      MakeFinding("citation.source-label", Kind::kCitation, Severity::kInfo, 3,
                  "Arbiter Briefing", "Arbiter Briefing"),
  };
  return result;
}

std::vector<std::string> RulesOf(const PolicyOutcome& outcome) {
  std::vector<std::string> rules;
  for (const Finding& f : outcome.report.result.findings) {
    rules.push_back(f.rule_id);
  }
  return rules;
}

Config ParseOk(const std::string& text) {
  absl::StatusOr<Config> config = ParseConfig(
      text, (std::filesystem::current_path() / ".provcheck.toml").string());
  EXPECT_TRUE(config.ok()) << config.status();
  return config.ok() ? *config : Config{};
}

TEST(PolicyTest, WithoutConfigEveryFindingIsShownUnchanged) {
  const Config config;
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(MakeResult(), kText, Format::kMarkdown);
  EXPECT_THAT(RulesOf(outcome),
              ElementsAre("vague-attribution.unnamed-group",
                          "boilerplate.navigation", "citation.source-label"));
  EXPECT_FALSE(outcome.failed);
  EXPECT_THAT(outcome.report.line_hashes, SizeIs(3));
}

TEST(PolicyTest, HashesFindingLinesOnlyWhenAsked) {
  const Config config;
  Policy plain(config, {}, nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(
      plain.Apply(MakeResult(), kText, Format::kMarkdown).report.line_hashes,
      Each(IsEmpty()));
  PolicySettings settings;
  settings.line_hashes = true;
  Policy hashing(config, settings, nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(
      hashing.Apply(MakeResult(), kText, Format::kMarkdown).report.line_hashes,
      Each(SizeIs(16)));
}

TEST(PolicyTest, AnOffRuleDisappears) {
  const Config config = ParseOk("[packs]\nboilerplate = false\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(
      RulesOf(policy.Apply(MakeResult(), kText, Format::kMarkdown)),
      ElementsAre("vague-attribution.unnamed-group", "citation.source-label"));
}

TEST(PolicyTest, AnOverriddenSeverityIsWhatIsShownAndFails) {
  const Config config = ParseOk("[rules]\n\"boilerplate\" = \"error\"\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(MakeResult(), kText, Format::kMarkdown);
  EXPECT_EQ(outcome.report.result.findings[1].severity, Severity::kError);
  EXPECT_TRUE(outcome.failed);
}

TEST(PolicyTest, APathSectionAppliesOnlyToItsPaths) {
  const Config config = ParseOk(
      "[[paths]]\nmatch = [\"opinion/**\"]\n"
      "rules = { \"vague-attribution\" = \"off\" }\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(RulesOf(policy.Apply(MakeResult("opinion/a.md"), kText,
                                   Format::kMarkdown)),
              ElementsAre("boilerplate.navigation", "citation.source-label"));
  EXPECT_THAT(
      RulesOf(policy.Apply(MakeResult("news/a.md"), kText, Format::kMarkdown)),
      SizeIs(3));
}

TEST(PolicyTest, ASuppressedFindingDisappears) {
  const Config config;
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome = policy.Apply(
      MakeResult(), "Analysts say.\n<!-- provcheck-disable-next-line -->\n",
      Format::kMarkdown);
  // The directive on line 2 covers line 3 only.
  EXPECT_THAT(RulesOf(outcome), ElementsAre("vague-attribution.unnamed-group",
                                            "boilerplate.navigation"));
  EXPECT_THAT(outcome.report.notices, IsEmpty());
}

TEST(PolicyTest, AnUnusedSuppressionIsANotice) {
  const Config config;
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome = policy.Apply(
      MakeResult(), "<!-- provcheck-disable-next-line citation -->\n",
      Format::kMarkdown);
  ASSERT_THAT(outcome.report.notices, SizeIs(1));
  EXPECT_EQ(outcome.report.notices[0].id, "provcheck.unused-suppression");
  EXPECT_FALSE(outcome.failed);
}

TEST(PolicyTest, FindingsOnAPlainTextDirectiveLineAreDropped) {
  const Config config;
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(MakeResult("a.txt"),
                   "provcheck: disable-next-line boilerplate\nNext Article\n",
                   Format::kPlainText);
  EXPECT_THAT(RulesOf(outcome), ElementsAre("citation.source-label"));
}

TEST(PolicyTest, BelowMinLevelIsHiddenButStillFails) {
  const Config config;
  PolicySettings settings;
  settings.fail_level = Severity::kWarning;
  settings.min_level = Severity::kError;
  Policy policy(config, settings, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(MakeResult(), kText, Format::kMarkdown);
  EXPECT_THAT(RulesOf(outcome), IsEmpty());
  EXPECT_TRUE(outcome.failed);
  EXPECT_EQ(outcome.hidden_failing, 2);
}

TEST(PolicyTest, AScoreBelowTheMinimumFailsWithANotice) {
  const Config config;
  PolicySettings settings;
  settings.min_score = 40;
  Policy policy(config, settings, nullptr, nullptr, nullptr, nullptr);
  DocumentResult result = MakeResult();
  result.score.total = 12.5;
  const PolicyOutcome outcome =
      policy.Apply(std::move(result), kText, Format::kMarkdown);
  EXPECT_TRUE(outcome.failed);
  ASSERT_THAT(outcome.report.notices, SizeIs(1));
  EXPECT_EQ(outcome.report.notices[0].diagnostic.ToString(),
            "docs/a.md: error: provenance score 12.5 is below the minimum 40");
}

TEST(PolicyTest, APathSectionCanLowerTheMinimumScore) {
  const Config config = ParseOk(
      "min-score = 40\n[[paths]]\nmatch = \"opinion/\"\nmin-score = 0\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  EXPECT_FALSE(
      policy.Apply(MakeResult("opinion/a.md"), kText, Format::kMarkdown)
          .failed);
  EXPECT_TRUE(
      policy.Apply(MakeResult("news/a.md"), kText, Format::kMarkdown).failed);
}

TEST(PolicyTest, ADeniedSourceIsAnError) {
  const Config config = ParseOk("[sources]\ndeny = [\"arbiter briefing\"]\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(MakeResult(), kText, Format::kMarkdown);
  const Finding& citation = outcome.report.result.findings[2];
  EXPECT_EQ(citation.severity, Severity::kError);
  EXPECT_THAT(citation.message,
              HasSubstr("(Arbiter Briefing is on the deny list)"));
  EXPECT_TRUE(outcome.failed);
}

TEST(PolicyTest, ASourceOffTheAllowListIsAWarning) {
  const Config config = ParseOk("[sources]\nallow = [\"Reuters\"]\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  const Finding citation = policy.Apply(MakeResult(), kText, Format::kMarkdown)
                               .report.result.findings[2];
  EXPECT_EQ(citation.severity, Severity::kWarning);
  EXPECT_THAT(citation.message, HasSubstr("is not on the allow list"));
}

TEST(PolicyTest, BaselinedFindingsAreNotReported) {
  const Config config;
  Baseline record(std::filesystem::current_path().string());
  Policy recording(config, {}, nullptr, nullptr, &record, nullptr);
  EXPECT_THAT(RulesOf(recording.Apply(MakeResult(), kText, Format::kMarkdown)),
              IsEmpty());
  EXPECT_EQ(record.size(), 3u);

  // Lines moved and a new finding added: only the new one is reported.
  DocumentResult later = MakeResult();
  for (Finding& finding : later.findings) finding.start.line += 1;
  later.findings.push_back(MakeFinding("vague-attribution.impersonal",
                                       Kind::kVagueAttribution,
                                       Severity::kWarning, 5, "it was noted"));
  const std::string moved =
      std::string("New first line.\n") + kText + "And it was noted.\n";
  Policy checking(config, {}, nullptr, &record, nullptr, nullptr);
  EXPECT_THAT(
      RulesOf(checking.Apply(std::move(later), moved, Format::kMarkdown)),
      ElementsAre("vague-attribution.impersonal"));
}

TEST(PolicyTest, WithADiffBaseOnlyChangedLinesAreReported) {
  const Config config;
  const std::string cwd = std::filesystem::current_path().string();
  const ChangedLines changed(cwd, {{"docs/a.md", {{2, 2}}}}, {});
  Policy policy(config, {}, nullptr, nullptr, nullptr, &changed);
  EXPECT_THAT(RulesOf(policy.Apply(MakeResult(), kText, Format::kMarkdown)),
              ElementsAre("boilerplate.navigation"));
}

TEST(PolicyTest, WithADiffBaseAnUntouchedDocumentKeepsItsLowScore) {
  Config config = ParseOk("min-score = 90\n");
  const ChangedLines changed(std::filesystem::current_path().string(), {}, {});
  Policy policy(config, {}, nullptr, nullptr, nullptr, &changed);
  EXPECT_FALSE(policy.Apply(MakeResult(), kText, Format::kMarkdown).failed);
}

TEST(PolicyTest, ConfigNamesThatMatchNoRuleAreErrors) {
  const Config config = ParseOk("[rules]\n\"vague-atribution\" = \"off\"\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  Rule rule;
  rule.id = "vague-attribution.impersonal";
  const absl::Status status = policy.CheckRuleNames({&rule});
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(
      status.message(),
      HasSubstr(".provcheck.toml:2:1: error: rules.\"vague-atribution\": "
                "no loaded rule or pack has this name"));
}

TEST(PolicyTest, BuiltInPageStructureRuleCanBeConfigured) {
  const Config config =
      ParseOk("[rules]\n\"boilerplate.page-structure\" = \"info\"\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  EXPECT_TRUE(policy.CheckRuleNames({}).ok());
}

TEST(PolicyTest, BuiltInCrossDocumentRulesCanBeConfigured) {
  const Config config = ParseOk(
      "[rules]\n\"boilerplate.repeated-line\" = \"off\"\n"
      "\"contradiction.*\" = \"warning\"\n");
  Policy policy(config, {}, nullptr, nullptr, nullptr, nullptr);
  EXPECT_TRUE(policy.CheckRuleNames({}).ok());
}

// A result holding one default finding and one of the opt-in pack
// "weasel-words".
DocumentResult WithOptInFinding(const std::string& path = "docs/a.md") {
  DocumentResult result;
  result.path = path;
  result.findings = {
      MakeFinding("vague-attribution.unnamed-group", Kind::kVagueAttribution,
                  Severity::kWarning, 1, "Analysts say"),
      MakeFinding("weasel-words.hedge-adverb", Kind::kVagueAttribution,
                  Severity::kInfo, 3, "probably"),
  };
  return result;
}

PolicySettings OptInSettings(std::set<std::string> enabled = {}) {
  PolicySettings settings;
  settings.opt_in_rules = {{"weasel-words.hedge-adverb", "weasel-words"}};
  settings.enabled_packs = std::move(enabled);
  return settings;
}

TEST(PolicyOptInTest, AnOptInPackIsOffUnlessEnabled) {
  const Config config;
  Policy policy(config, OptInSettings(), nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(
      RulesOf(policy.Apply(WithOptInFinding(), kText, Format::kMarkdown)),
      ElementsAre("vague-attribution.unnamed-group"));
}

TEST(PolicyOptInTest, EnablePackTurnsItOnAtItsOwnSeverity) {
  const Config config;
  Policy policy(config, OptInSettings({"weasel-words"}), nullptr, nullptr,
                nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(WithOptInFinding(), kText, Format::kMarkdown);
  EXPECT_THAT(RulesOf(outcome), ElementsAre("vague-attribution.unnamed-group",
                                            "weasel-words.hedge-adverb"));
  EXPECT_EQ(outcome.report.result.findings[1].severity, Severity::kInfo);
}

TEST(PolicyOptInTest, PacksTableTurnsItOnAndRulesTableSetsItsSeverity) {
  const Config config = ParseOk(
      "[packs]\nweasel-words = true\n"
      "[rules]\n\"weasel-words.hedge-adverb\" = \"warning\"\n");
  Policy policy(config, OptInSettings(), nullptr, nullptr, nullptr, nullptr);
  const PolicyOutcome outcome =
      policy.Apply(WithOptInFinding(), kText, Format::kMarkdown);
  ASSERT_THAT(outcome.report.result.findings, SizeIs(2));
  EXPECT_EQ(outcome.report.result.findings[1].severity, Severity::kWarning);
}

TEST(PolicyOptInTest, RulesTableAloneDoesNotTurnAnOptInPackOn) {
  const Config config = ParseOk(
      "[rules]\n\"weasel-words.hedge-adverb\" = \"warning\"\n"
      "\"*\" = \"info\"\n[packs]\n\"*\" = true\n");
  Policy policy(config, OptInSettings(), nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(
      RulesOf(policy.Apply(WithOptInFinding(), kText, Format::kMarkdown)),
      ElementsAre("vague-attribution.unnamed-group"));
}

TEST(PolicyOptInTest, PathSectionsSwitchAnOptInPackPerFile) {
  const Config config = ParseOk(
      "[[paths]]\nmatch = [\"explainers/**\"]\n"
      "packs = { weasel-words = true }\n");
  Policy policy(config, OptInSettings(), nullptr, nullptr, nullptr, nullptr);
  EXPECT_THAT(RulesOf(policy.Apply(WithOptInFinding("explainers/a.md"), kText,
                                   Format::kMarkdown)),
              ElementsAre("vague-attribution.unnamed-group",
                          "weasel-words.hedge-adverb"));
  EXPECT_THAT(RulesOf(policy.Apply(WithOptInFinding("news/a.md"), kText,
                                   Format::kMarkdown)),
              ElementsAre("vague-attribution.unnamed-group"));
}

TEST(PolicyOptInTest, ConfigCanTurnOffWhatEnablePackTurnedOn) {
  // --enable-pack makes the pack on by default; the config still applies.
  const Config config = ParseOk(
      "[[paths]]\nmatch = [\"news/**\"]\n"
      "packs = { weasel-words = false }\n");
  Policy policy(config, OptInSettings({"weasel-words"}), nullptr, nullptr,
                nullptr, nullptr);
  EXPECT_THAT(RulesOf(policy.Apply(WithOptInFinding("news/a.md"), kText,
                                   Format::kMarkdown)),
              ElementsAre("vague-attribution.unnamed-group"));
  EXPECT_THAT(RulesOf(policy.Apply(WithOptInFinding("explainers/a.md"), kText,
                                   Format::kMarkdown)),
              SizeIs(2));
}

TEST(PolicyOptInTest, TopLevelSeverityOfAnOptInRuleFollowsThePack) {
  Rule rule;
  rule.id = "weasel-words.hedge-adverb";
  rule.severity = Severity::kInfo;
  rule.opt_in = true;
  const Config off;
  EXPECT_EQ(Policy(off, OptInSettings(), nullptr, nullptr, nullptr, nullptr)
                .TopLevelSeverity(rule),
            std::nullopt);
  const Config on = ParseOk("[packs]\nweasel-words = true\n");
  EXPECT_EQ(Policy(on, OptInSettings(), nullptr, nullptr, nullptr, nullptr)
                .TopLevelSeverity(rule),
            Severity::kInfo);
}

}  // namespace
}  // namespace provcheck
