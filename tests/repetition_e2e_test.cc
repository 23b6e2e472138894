// End-to-end: lines that recur across a run's documents are boilerplate.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
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

// The score of the document whose path ends with `file` in a lint JSON run
// (-1 if there is none).
double ScoreOf(const std::string& json_text, const std::string& file) {
  // Parsed into a variable: a range-for over a temporary's member dangles.
  const auto json = nlohmann::json::parse(json_text);
  for (const auto& document : json["documents"]) {
    if (document["path"].get<std::string>().ends_with(file)) {
      return document["score"].get<double>();
    }
  }
  return -1;
}

// A footer that recurs counts against the article that carries it: the
// article scores below the same article without the footer. (Read alone,
// the footer "Transport Notes appears here every Thursday" is a claim of
// its own, and the score averages over claims, so the article alone with its
// footer is no fixed point to compare with.)
TEST(RepetitionTest, RepeatedFooterLowersTheScore) {
  const auto together =
      RunProvcheck("lint --format json --fail-on none fixtures/repetition");
  ASSERT_EQ(together.exit_code, 0) << together.err;
  const double score_together = ScoreOf(together.out, "tram.txt");

  std::ifstream in("fixtures/repetition/tram.txt");
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  const std::string footer = "Transport Notes appears";
  const size_t at = text.find(footer);
  ASSERT_NE(at, std::string::npos) << "the fixture's footer moved";
  const std::string bare_name =
      "tram-without-footer-" + std::to_string(::getpid()) + ".txt";
  const std::string bare = ::testing::TempDir() + bare_name;
  std::ofstream(bare) << text.substr(0, at);
  const double score_without_footer = ScoreOf(
      RunProvcheck("lint --format json --fail-on none '" + bare + "'").out,
      bare_name);
  std::filesystem::remove(bare);

  ASSERT_GE(score_together, 0);
  ASSERT_GE(score_without_footer, 0);
  EXPECT_LT(score_together, score_without_footer);
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
