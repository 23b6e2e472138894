#include "provcheck/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

Config ParseOk(const std::string& text) {
  absl::StatusOr<Config> config = ParseConfig(text, "dir/.provcheck.toml");
  EXPECT_TRUE(config.ok()) << config.status();
  return config.ok() ? *config : Config{};
}

std::string ParseError(const std::string& text) {
  absl::StatusOr<Config> config = ParseConfig(text, "dir/.provcheck.toml");
  EXPECT_FALSE(config.ok());
  return std::string(config.status().message());
}

TEST(ParseConfigTest, ReadsTheTopLevelSettings) {
  const Config config = ParseOk(
      "fail-on = \"warning\"\nmin-level = \"warning\"\nmin-score = 40\n"
      "ignore = [\"archive/**\"]\ngitignore = false\n");
  EXPECT_EQ(config.fail_on, "warning");
  EXPECT_EQ(config.min_level, "warning");
  EXPECT_EQ(config.min_score, 40.0);
  EXPECT_THAT(config.ignore, ElementsAre("archive/**"));
  EXPECT_FALSE(config.gitignore);
}

TEST(ParseConfigTest, AnEmptyFileChangesNothing) {
  const Config config = ParseOk("# nothing yet\n");
  EXPECT_FALSE(config.fail_on);
  EXPECT_FALSE(config.min_score);
  EXPECT_TRUE(config.gitignore);
  EXPECT_TRUE(config.rules.entries.empty());
}

TEST(ParseConfigTest, RulesAndPacksBecomeSettingEntries) {
  const Config config = ParseOk(
      "[rules]\n\"vague-attribution.hearsay-adverb\" = \"error\"\n"
      "\"unattributed-claim\" = \"off\"\n[packs]\nboilerplate = false\n");
  ASSERT_EQ(config.rules.entries.size(), 3u);
  const RuleSettingEntry* hearsay = nullptr;
  const RuleSettingEntry* boilerplate = nullptr;
  for (const RuleSettingEntry& entry : config.rules.entries) {
    if (entry.pattern == "vague-attribution.hearsay-adverb") hearsay = &entry;
    if (entry.pattern == "boilerplate") boilerplate = &entry;
  }
  ASSERT_NE(hearsay, nullptr);
  EXPECT_EQ(hearsay->action.severity, Severity::kError);
  EXPECT_EQ(hearsay->location.line, 2);
  ASSERT_NE(boilerplate, nullptr);
  EXPECT_TRUE(boilerplate->action.off);
  EXPECT_TRUE(boilerplate->from_packs);
}

TEST(ParseConfigTest, ReadsSourceLists) {
  const Config config = ParseOk(
      "[sources]\nallow = [\"Reuters\", \"AP\"]\ndeny = [\"Arbiter "
      "Briefing\"]\n");
  EXPECT_THAT(config.allow_sources, ElementsAre("Reuters", "AP"));
  EXPECT_THAT(config.deny_sources, ElementsAre("Arbiter Briefing"));
}

TEST(ParseConfigTest, ReadsPathSectionsInOrder) {
  const Config config = ParseOk(
      "[[paths]]\nmatch = [\"opinion/**\"]\nmin-score = 0\n"
      "rules = { \"vague-attribution\" = \"info\" }\n"
      "[[paths]]\nmatch = \"*.draft.md\"\n[paths.packs]\nboilerplate = "
      "false\n");
  ASSERT_EQ(config.paths.size(), 2u);
  EXPECT_THAT(config.paths[0].match, ElementsAre("opinion/**"));
  EXPECT_EQ(config.paths[0].min_score, 0.0);
  ASSERT_EQ(config.paths[0].rules.entries.size(), 1u);
  EXPECT_EQ(config.paths[0].rules.entries[0].action.severity, Severity::kInfo);
  EXPECT_THAT(config.paths[1].match, ElementsAre("*.draft.md"));
  EXPECT_TRUE(config.paths[1].rules.entries[0].action.off);
}

TEST(ParseConfigTest, RulesDirsAreRelativeToTheConfigFile) {
  const Config config = ParseOk("rules-dirs = [\"house\", \"/abs/rules\"]\n");
  ASSERT_EQ(config.rules_dirs.size(), 2u);
  EXPECT_EQ(std::filesystem::path(config.rules_dirs[0]),
            std::filesystem::current_path() / "dir" / "house");
  EXPECT_EQ(config.rules_dirs[1], "/abs/rules");
}

TEST(ParseConfigTest, SyntaxErrorNamesFileLineAndColumn) {
  EXPECT_THAT(ParseError("fail-on = \"warning\"\nmin-score = = 3\n"),
              StartsWith("dir/.provcheck.toml:2:"));
}

TEST(ParseConfigTest, UnknownKeyIsNamedWithItsLine) {
  EXPECT_EQ(ParseError("fail-on = \"error\"\nfial-on = \"info\"\n"),
            "dir/.provcheck.toml:2:1: error: fial-on: unknown key");
}

TEST(ParseConfigTest, BadSeverityNamesTheRuleKey) {
  EXPECT_EQ(ParseError("[rules]\n\"boilerplate.*\" = \"fatal\"\n"),
            "dir/.provcheck.toml:2:19: error: rules.\"boilerplate.*\": "
            "expected \"error\", \"warning\", \"info\" or \"off\", got "
            "\"fatal\"");
}

TEST(ParseConfigTest, BadFailOnIsRejected) {
  EXPECT_THAT(ParseError("fail-on = \"sometimes\"\n"),
              HasSubstr(":1:11: error: fail-on: expected \"error\""));
}

TEST(ParseConfigTest, MinScoreMustBeFromZeroToHundred) {
  EXPECT_THAT(ParseError("min-score = 140\n"),
              HasSubstr("min-score: expected a number from 0 to 100"));
  EXPECT_THAT(ParseError("min-score = \"40\"\n"),
              HasSubstr("min-score: expected a number from 0 to 100"));
}

TEST(ParseConfigTest, PathSectionWithoutMatchIsRejected) {
  EXPECT_THAT(ParseError("[[paths]]\nmin-score = 3\n"),
              HasSubstr("paths[0]: a [[paths]] section needs `match` globs"));
}

TEST(ParseConfigTest, UnknownKeyInsidePathSectionNamesItsSection) {
  EXPECT_THAT(ParseError("[[paths]]\nmatch = [\"a\"]\nfail-on = \"info\"\n"),
              HasSubstr(":3:1: error: paths[0].fail-on: unknown key"));
}

TEST(LoadConfigFileTest, MissingFileIsAnError) {
  EXPECT_FALSE(LoadConfigFile("/no/such/.provcheck.toml").ok());
}

TEST(FindUpwardsTest, FindsTheNearestFileInAParent) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) /
                        ("find-upwards-" + std::to_string(::getpid()));
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / kConfigFileName) << "\n";
  std::ofstream(root / "a" / kConfigFileName) << "\n";
  EXPECT_EQ(FindUpwards((root / "a" / "b").string(), kConfigFileName),
            (root / "a" / kConfigFileName).string());
  EXPECT_EQ(FindUpwards(root.string(), kConfigFileName),
            (root / kConfigFileName).string());
  fs::remove_all(root);
}

TEST(FindUpwardsTest, NoFileAnywhereUpIsNullopt) {
  EXPECT_FALSE(FindUpwards("/", "provcheck-no-such-file-anywhere"));
}

TEST(RulePatternMatchesTest, NamesRulesByIdPackPrefixOrWildcard) {
  EXPECT_TRUE(
      RulePatternMatches("boilerplate.navigation", "boilerplate.navigation"));
  EXPECT_TRUE(RulePatternMatches("boilerplate", "boilerplate.navigation"));
  EXPECT_TRUE(RulePatternMatches("boilerplate.*", "boilerplate.navigation"));
  EXPECT_TRUE(RulePatternMatches("*", "boilerplate.navigation"));
}

TEST(RulePatternMatchesTest, APrefixMustEndAtADot) {
  EXPECT_FALSE(RulePatternMatches("vague", "vague-attribution.impersonal"));
  EXPECT_FALSE(RulePatternMatches("boilerplate.nav", "boilerplate.navigation"));
  EXPECT_FALSE(RulePatternMatches("citation", "boilerplate.navigation"));
}

TEST(NamesPackTest, OnlyThePackNameOrItsWildcardNamesAPack) {
  EXPECT_TRUE(NamesPack("weasel-words", "weasel-words"));
  EXPECT_TRUE(NamesPack("weasel-words.*", "weasel-words"));
  EXPECT_FALSE(NamesPack("*", "weasel-words"));
  EXPECT_FALSE(NamesPack("weasel-words.hedge-adverb", "weasel-words"));
  EXPECT_FALSE(NamesPack("weasel", "weasel-words"));
}

TEST(PacksTurnedOnTest, CollectsPacksSetTrueAtTheTopAndInPathSections) {
  const Config config = ParseOk(
      "[packs]\nweasel-words = true\nboilerplate = false\n"
      "[rules]\n\"peacock\" = \"info\"\n"
      "[[paths]]\nmatch = [\"explainers/**\"]\n"
      "packs = { \"hedges.*\" = true }\n");
  EXPECT_THAT(PacksTurnedOn(config), ElementsAre("hedges", "weasel-words"));
}

RuleSettings Settings(
    std::vector<std::tuple<std::string, std::string, bool>> entries) {
  RuleSettings settings;
  for (auto& [pattern, action, from_packs] : entries) {
    RuleSettingEntry entry;
    entry.pattern = pattern;
    entry.from_packs = from_packs;
    if (action == "off") {
      entry.action.off = true;
    } else if (action != "on") {
      entry.action.severity = ParseSeverity(action);
    }
    settings.entries.push_back(std::move(entry));
  }
  return settings;
}

TEST(ResolveSeverityTest, UnnamedRuleKeepsItsSeverity) {
  const RuleSettings settings = Settings({{"citation", "error", false}});
  EXPECT_EQ(ResolveSeverity({&settings}, "boilerplate.navigation",
                            Severity::kWarning),
            Severity::kWarning);
}

TEST(ResolveSeverityTest, OffTurnsTheRuleOff) {
  const RuleSettings settings = Settings({{"boilerplate", "off", false}});
  EXPECT_EQ(ResolveSeverity({&settings}, "boilerplate.navigation",
                            Severity::kWarning),
            std::nullopt);
}

TEST(ResolveSeverityTest, TheMostSpecificPatternWins) {
  const RuleSettings settings =
      Settings({{"boilerplate.navigation", "info", false},
                {"boilerplate.*", "off", false},
                {"*", "error", false}});
  EXPECT_EQ(ResolveSeverity({&settings}, "boilerplate.navigation",
                            Severity::kWarning),
            Severity::kInfo);
  EXPECT_EQ(ResolveSeverity({&settings}, "boilerplate.credit-line",
                            Severity::kWarning),
            std::nullopt);
  EXPECT_EQ(ResolveSeverity({&settings}, "citation.bracketed", Severity::kInfo),
            Severity::kError);
}

TEST(ResolveSeverityTest, RulesEntriesWinOverPacks) {
  const RuleSettings settings =
      Settings({{"boilerplate", "off", true},
                {"boilerplate.navigation", "error", false}});
  EXPECT_EQ(ResolveSeverity({&settings}, "boilerplate.navigation",
                            Severity::kWarning),
            Severity::kError);
  EXPECT_EQ(ResolveSeverity({&settings}, "boilerplate.credit-line",
                            Severity::kWarning),
            std::nullopt);
}

TEST(ResolveSeverityTest, ALaterLayerOverridesAnEarlierOne) {
  const RuleSettings top = Settings({{"boilerplate", "off", true}});
  const RuleSettings path = Settings({{"boilerplate", "on", true}});
  EXPECT_EQ(ResolveSeverity({&top, &path}, "boilerplate.navigation",
                            Severity::kWarning),
            Severity::kWarning);
  EXPECT_EQ(ResolveSeverity({&path, &top}, "boilerplate.navigation",
                            Severity::kWarning),
            std::nullopt);
}

}  // namespace
}  // namespace provcheck
