// End-to-end: opt-in rule packs (the shipped weasel-words pack) — off by
// default, on with --enable-pack, listed and checked by `rules`, and never a
// change to the provenance score.
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint_json.h"
#include "nlohmann/json.hpp"
#include "run_command.h"

namespace provcheck {
namespace {

using ::provcheck::testing::LintFinding;
using ::provcheck::testing::LintFindings;
using ::provcheck::testing::RunProvcheck;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Invented explainer copy: a vague crowd the default packs flag, and a
// superlative, a hedge and a vague quantity only weasel-words flags.
constexpr char kExplainer[] = "fixtures/weasel/explainer.md";

std::vector<std::string> RulesOfPack(const std::vector<LintFinding>& findings,
                                     const std::string& pack) {
  std::vector<std::string> rules;
  for (const LintFinding& finding : findings) {
    if (finding.rule.starts_with(pack + ".")) rules.push_back(finding.rule);
  }
  return rules;
}

double ScoreOf(const std::string& json_text) {
  return nlohmann::json::parse(json_text)["documents"][0]["score"]
      .get<double>();
}

TEST(OptInPackTest, WeaselWordsIsOffByDefault) {
  const auto run = RunProvcheck(
      std::string("lint --no-config --format json --fail-on none ") +
      kExplainer);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto findings = LintFindings(run.out);
  EXPECT_THAT(RulesOfPack(findings, "weasel-words"), IsEmpty()) << run.out;
  EXPECT_THAT(RulesOfPack(findings, "vague-attribution"),
              Contains("vague-attribution.unnamed-group"));
}

TEST(OptInPackTest, EnablePackTurnsItOnAndLeavesTheRestAndTheScoreAlone) {
  const std::string args =
      std::string("lint --no-config --format json --fail-on none ") +
      kExplainer;
  const auto plain = RunProvcheck(args);
  const auto enabled = RunProvcheck(args + " --enable-pack weasel-words");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(enabled.exit_code, 0) << enabled.err;
  const auto with_pack = LintFindings(enabled.out);
  EXPECT_THAT(RulesOfPack(with_pack, "weasel-words"),
              AllOf(Contains("weasel-words.superlative"),
                    Contains("weasel-words.hedge-adverb"),
                    Contains("weasel-words.vague-quantity")));
  for (const LintFinding& finding : with_pack) {
    if (finding.rule.starts_with("weasel-words.")) {
      EXPECT_EQ(finding.kind, "vague-attribution");  // the contract's kinds
    }
  }
  EXPECT_EQ(RulesOfPack(with_pack, "vague-attribution"),
            RulesOfPack(LintFindings(plain.out), "vague-attribution"));
  EXPECT_EQ(ScoreOf(enabled.out), ScoreOf(plain.out));
}

TEST(OptInPackTest, ScoresOfTheExampleArticlesDoNotMoveWithThePack) {
  const std::string args =
      "lint --no-config --format json --fail-on none fixtures/seeds";
  const auto plain = RunProvcheck(args);
  const auto enabled = RunProvcheck(args + " --enable-pack weasel-words");
  ASSERT_EQ(enabled.exit_code, 0) << enabled.err;
  const auto plain_json = nlohmann::json::parse(plain.out);
  const auto enabled_json = nlohmann::json::parse(enabled.out);
  ASSERT_EQ(plain_json["documents"].size(), enabled_json["documents"].size());
  for (size_t i = 0; i < plain_json["documents"].size(); ++i) {
    EXPECT_EQ(enabled_json["documents"][i]["score"],
              plain_json["documents"][i]["score"]);
  }
  EXPECT_THAT(RulesOfPack(LintFindings(enabled.out), "weasel-words"),
              Not(IsEmpty()));
}

TEST(OptInPackTest, UnknownPackNameExitsTwoAndListsTheOptInPacks) {
  const auto run = RunProvcheck(
      std::string("lint --no-config --enable-pack weasle-words ") + kExplainer);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--enable-pack weasle-words: no loaded pack "
                                 "has this name (opt-in packs: "
                                 "weasel-words)"));
  EXPECT_TRUE(run.out.empty()) << "nothing is analysed";
}

TEST(OptInPackTest, NamingADefaultPackExitsTwo) {
  const auto run = RunProvcheck(
      std::string("lint --no-config --enable-pack boilerplate ") + kExplainer);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--enable-pack boilerplate: this pack is on "
                                 "by default"));
}

TEST(OptInPackTest, RulesListMarksOptInRules) {
  const auto text = RunProvcheck("rules list --rules rules");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("weasel-words.hedge-adverb"));
  EXPECT_THAT(text.out, HasSubstr("[opt-in] probably"));
  EXPECT_THAT(text.out, Not(HasSubstr("[opt-in] analysts say")));

  const auto json = RunProvcheck("rules list --rules rules --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  std::set<std::string> opt_in, default_on;
  // Parsed into a variable: a range-for over a temporary's member dangles.
  const nlohmann::json listed = nlohmann::json::parse(json.out);
  for (const auto& rule : listed["rules"]) {
    (rule["opt_in"].get<bool>() ? opt_in : default_on)
        .insert(rule["id"].get<std::string>());
  }
  EXPECT_TRUE(opt_in.contains("weasel-words.vague-quantity"));
  EXPECT_TRUE(default_on.contains("vague-attribution.unnamed-group"));
  for (const std::string& id : opt_in) {
    EXPECT_TRUE(id.starts_with("weasel-words.")) << id;
  }
}

TEST(OptInPackTest, RulesCheckChecksOptInPacksToo) {
  const auto run = RunProvcheck("rules check --rules rules");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("(1 opt-in)"));
  EXPECT_THAT(run.out, HasSubstr("all pass"));
}

}  // namespace
}  // namespace provcheck
