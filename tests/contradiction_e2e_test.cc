// End-to-end: contradictions across documents and with the reference ledger.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

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
using ::testing::HasSubstr;

// Contradiction findings of a lint JSON run, as "file-name:line:rule".
std::set<std::string> Contradictions(const std::string& json_text) {
  std::set<std::string> found;
  for (const LintFinding& finding : LintFindings(json_text)) {
    if (finding.kind == "contradiction") {
      found.insert(finding.file + ":" + std::to_string(finding.line) + ":" +
                   finding.rule);
    }
  }
  return found;
}

TEST(ContradictionTest, SeedsDisagreeWithTheLedgerAndEachOther) {
  const auto run =
      RunProvcheck("lint --format json --fail-on none fixtures/seeds");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Contradictions(run.out),
            (std::set<std::string>{
                "001_bcf1065cbd2681a0.txt:6:contradiction.name-variant",
                "004_2d75c3c5078d4155.txt:3:contradiction.event-date",
                "004_2d75c3c5078d4155.txt:7:contradiction.name-variant"}));
}

TEST(ContradictionTest, LedgerContradictionPointsAtTheFact) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none "
      "fixtures/seeds/004_2d75c3c5078d4155.txt");
  const auto json = nlohmann::json::parse(run.out);
  for (const auto& finding : json["documents"][0]["findings"]) {
    if (finding["rule"] != "contradiction.event-date") continue;
    EXPECT_EQ(finding["severity"], "error");
    EXPECT_EQ(finding["text"], "September 2022");
    EXPECT_THAT(finding["message"].get<std::string>(),
                HasSubstr("19–20 September 2023 in the reference ledger"));
    EXPECT_THAT(finding["related"][0]["path"].get<std::string>(),
                HasSubstr("rules/facts/caucasus.facts"));
    return;
  }
  ADD_FAILURE() << "no event-date contradiction: " << run.out;
}

TEST(ContradictionTest, TrapsWrittenToFoolItComeOutClean) {
  // Same value in two formats, approximate versus exact within tolerance,
  // an earlier event of the same kind in one story, people who share a
  // surname (Martin/Martina, Anton/Antony).
  const auto run = RunProvcheck(
      "lint --format json --fail-on none fixtures/contradictions/traps");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Contradictions(run.out).empty()) << run.out;
}

TEST(ContradictionTest, MisdatedSigningAndMisspeltNameAreCaughtOnBothSides) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none fixtures/contradictions/caught");
  EXPECT_EQ(
      Contradictions(run.out),
      (std::set<std::string>{"league-a.txt:3:contradiction.event-date",
                             "league-a.txt:3:contradiction.name-variant",
                             "league-b.txt:3:contradiction.event-date",
                             "league-b.txt:3:contradiction.name-variant"}));
}

TEST(ContradictionTest, ContradictionsFailTheRunAtErrorLevel) {
  EXPECT_EQ(RunProvcheck("lint fixtures/contradictions/caught").exit_code, 1);
}

TEST(ContradictionTest, ContradictionsLowerTheScore) {
  const auto alone = RunProvcheck(
      "lint --format json --fail-on none "
      "fixtures/contradictions/caught/league-a.txt");
  const auto together = RunProvcheck(
      "lint --format json --fail-on none fixtures/contradictions/caught");
  const double score_alone =
      nlohmann::json::parse(alone.out)["documents"][0]["score"];
  const double score_together =
      nlohmann::json::parse(together.out)["documents"][0]["score"];
  EXPECT_LT(score_together, score_alone);
}

TEST(FactsCommandTest, ShippedLedgerIsValid) {
  const auto run = RunProvcheck("facts check --rules rules");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("all valid"));
}

TEST(FactsCommandTest, AddAppendsAValidFactAndRefusesABadOne) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) /
      ("provcheck-facts-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(PROVCHECK_SOURCE_DIR) + "/rules", dir,
                        std::filesystem::copy_options::recursive);
  const std::string rules = "--rules '" + dir.string() + "' ";
  const auto added = RunProvcheck(
      "facts add " + rules +
      "bridge-2024 --event signing --entity 'Kestrel Council' "
      "--date '3 April 2024' --source 'Council minutes' --checked 2024-04-10");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(RunProvcheck("facts check " + rules).exit_code, 0);
  const auto bad = RunProvcheck("facts add " + rules +
                                "bad-one --event war --entity X --date 2020 "
                                "--source s --checked 2024-01-01");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("unknown event class 'war'"));
  const auto duplicate = RunProvcheck(
      "facts add " + rules +
      "bridge-2024 --person 'Ann Lee' --source s --checked 2024-01-01");
  EXPECT_EQ(duplicate.exit_code, 2);
  EXPECT_THAT(duplicate.err, HasSubstr("already in the ledger"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace provcheck
