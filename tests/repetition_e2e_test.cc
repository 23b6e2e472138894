// End-to-end: lines that recur across a run's documents are boilerplate.
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

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

// "file-name:line" of every finding of `rule` in a lint JSON run.
std::set<std::string> FindingsOf(const std::string& json_text,
                                 const std::string& rule) {
  std::set<std::string> found;
  for (const LintFinding& finding : LintFindings(json_text)) {
    if (finding.rule == rule) {
      found.insert(finding.file + ":" + std::to_string(finding.line));
    }
  }
  return found;
}

TEST(RepetitionTest, FlagsTheFooterThatRecursAcrossStories) {
  const auto run =
      RunProvcheck("lint --format json --fail-on none fixtures/repetition");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // The syndicated copy carries the footer too; only its article lines are
  // discounted.
  EXPECT_EQ(FindingsOf(run.out, "boilerplate.repeated-line"),
            (std::set<std::string>{"bridge.txt:9", "cycle.txt:9", "ferry.txt:9",
                                   "ferry-copy.txt:9", "tram.txt:9"}));
}

TEST(RepetitionTest, OneDocumentAloneHasNothingToRepeat) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none fixtures/repetition/bridge.txt");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(FindingsOf(run.out, "boilerplate.repeated-line").empty());
}

TEST(RepetitionTest, RepeatedFooterLowersTheScore) {
  const auto alone = RunProvcheck(
      "lint --format json --fail-on none fixtures/repetition/tram.txt");
  const auto together =
      RunProvcheck("lint --format json --fail-on none fixtures/repetition");
  // Parsed into variables: a range-for over a temporary's member dangles.
  const auto alone_json = nlohmann::json::parse(alone.out);
  const auto together_json = nlohmann::json::parse(together.out);
  double score_alone = -1;
  double score_together = -1;
  for (const auto& document : alone_json["documents"]) {
    score_alone = document["score"].get<double>();
  }
  for (const auto& document : together_json["documents"]) {
    if (document["path"].get<std::string>().ends_with("tram.txt")) {
      score_together = document["score"].get<double>();
    }
  }
  ASSERT_GE(score_alone, 0);
  EXPECT_LT(score_together, score_alone);
}

TEST(RepetitionTest, AnAuditReusesDocumentsWhileTheSameLinesRecur) {
  const std::string db =
      ::testing::TempDir() + "repetition-" + std::to_string(::getpid()) + ".db";
  std::filesystem::remove(db);
  const std::string audit = "audit --db '" + db + "' ";
  ASSERT_EQ(RunProvcheck(audit + "fixtures/repetition").exit_code, 0);
  EXPECT_THAT(RunProvcheck(audit + "fixtures/repetition").out,
              ::testing::HasSubstr("0 analysed, 7 reused"));
  // Alone, bridge.txt's footer no longer recurs: its findings are redone.
  EXPECT_THAT(RunProvcheck(audit + "fixtures/repetition/bridge.txt").out,
              ::testing::HasSubstr("1 analysed, 0 reused"));
  std::filesystem::remove(db);
}

}  // namespace
}  // namespace provcheck
