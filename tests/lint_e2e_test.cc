// End-to-end: the provcheck binary on the fixtures, as a user runs it.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "run_command.h"

namespace provcheck {
namespace {

using ::provcheck::testing::ReadFileOrEmpty;
using ::provcheck::testing::RunProvcheck;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kSeeds[] = "fixtures/seeds";

TEST(LintSeedsTest, JsonMatchesTheGoldenFileByteForByte) {
  // tests/golden/seeds.json was read line by line against the articles; any
  // change to rules or engine that moves a finding shows up here. Regenerate
  // with scripts/update-golden after reading the diff.
  const auto run =
      RunProvcheck(std::string("lint --format json --fail-on none ") + kSeeds);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, ReadFileOrEmpty(std::string(PROVCHECK_SOURCE_DIR) +
                                     "/tests/golden/seeds.json"));
}

TEST(LintSeedsTest, MeetsTheSharedExpectations) {
  const std::string checks =
      std::string(PROVCHECK_SOURCE_DIR) + "/../shared/checks";
  if (!std::filesystem::exists(checks + "/seeds.expect")) {
    GTEST_SKIP() << "../shared/checks is absent (a user's clone has none); "
                    "the golden-file test covers the same findings";
  }
  const std::string json =
      ::testing::TempDir() + "seeds-" + std::to_string(::getpid()) + ".json";
  const auto run =
      RunProvcheck(std::string("lint --format json --fail-on none ") + kSeeds);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::ofstream(json) << run.out;
  for (const char* expectations :
       {"seeds.expect", "seeds-contradictions.expect"}) {
    const std::string command = "python3 '" + checks + "/seed_expect.py' '" +
                                json + "' '" + checks + "/" + expectations +
                                "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << expectations;
  }
}

TEST(LintSeedsTest, JsonFollowsTheContractShape) {
  const auto run =
      RunProvcheck(std::string("lint --format json --fail-on none ") + kSeeds);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["schema"], 1);
  EXPECT_EQ(json["tool"]["name"], "provcheck");
  ASSERT_EQ(json["documents"].size(), 5u);
  for (const auto& document : json["documents"]) {
    EXPECT_THAT(document["path"].get<std::string>(),
                StartsWith("fixtures/seeds/"));
    EXPECT_EQ(document["sha256"].get<std::string>().size(), 64u);
    EXPECT_GE(document["score"].get<double>(), 0.0);
    EXPECT_LE(document["score"].get<double>(), 100.0);
    int previous_line = 0, previous_column = 0;
    for (const auto& finding : document["findings"]) {
      for (const char* key : {"rule", "kind", "severity", "line", "column",
                              "end_line", "end_column", "message", "text"}) {
        EXPECT_TRUE(finding.contains(key)) << key;
      }
      const int line = finding["line"], column = finding["column"];
      EXPECT_TRUE(line > previous_line ||
                  (line == previous_line && column >= previous_column))
          << "findings must be sorted by line, then column";
      previous_line = line;
      previous_column = column;
    }
  }
}

TEST(LintSeedsTest, ScoresOrderTheArticlesAsAFactCheckerWould) {
  const auto run =
      RunProvcheck(std::string("lint --format json --fail-on none ") + kSeeds);
  const auto json = nlohmann::json::parse(run.out);
  std::map<std::string, double> score;
  for (const auto& document : json["documents"]) {
    score[std::filesystem::path(document["path"].get<std::string>())
              .filename()
              .string()
              .substr(0, 3)] = document["score"];
  }
  EXPECT_GT(score["004"], score["000"]);
  EXPECT_GT(score["004"], score["003"]);
  EXPECT_GT(score["001"], score["003"]);
}

TEST(LintTextTest, PrintsPathLineColumnSeverityMessageAndRule) {
  const auto run = RunProvcheck(
      "lint --fail-on none fixtures/seeds/004_2d75c3c5078d4155.txt");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out,
              HasSubstr("fixtures/seeds/004_2d75c3c5078d4155.txt:10:337: info: "
                        "Claim attributed to Togroul Djuvarli (Azerbaijani "
                        "analyst) [attribution.according-to]\n"));
  EXPECT_THAT(run.out, HasSubstr("1 file, "));
}

TEST(LintTextTest, ASpeakerWrappedAcrossLinesIsNamedWholeAtItsFirstLine) {
  const auto run =
      RunProvcheck("lint --fail-on none fixtures/ingest/wrapped-wire.txt");
  EXPECT_THAT(run.out,
              HasSubstr("fixtures/ingest/wrapped-wire.txt:2:50: info: Claim "
                        "attributed to Warburg Securities (manager) "
                        "[attribution.name-cue]\n"));
  EXPECT_THAT(run.out, HasSubstr("wrapped-wire.txt:6:1: warning: Boilerplate: "
                                 "wire sign-off"));
}

TEST(LintTextTest, TranscriptTurnsAreAttributedToTheirSpeakers) {
  const auto run = RunProvcheck(
      "lint --fail-on none fixtures/transcript/mayoral-debate.txt");
  EXPECT_THAT(run.out,
              HasSubstr("mayoral-debate.txt:5:1: info: Claim attributed to "
                        "REYES [attribution.transcript-speaker]\n"));
  EXPECT_THAT(run.out, HasSubstr("mayoral-debate.txt:7:1: info: Claim "
                                 "attributed to DANA OKAFOR "));
}

TEST(LintTextTest, OnlyTheWritersOwnFigureInATranscriptIsUnattributed) {
  const auto run = RunProvcheck(
      "lint --fail-on none fixtures/transcript/mayoral-debate.txt");
  // Every figure in a turn, its third sentence's too, is the speaker's;
  // the closing paragraph is the writer's.
  const std::string flagged = "[unattributed-claim.check-worthy]";
  const size_t first = run.out.find(flagged);
  ASSERT_NE(first, std::string::npos) << run.out;
  EXPECT_EQ(run.out.find(flagged, first + 1), std::string::npos) << run.out;
  EXPECT_THAT(run.out, HasSubstr("mayoral-debate.txt:13:22: info: "
                                 "Check-worthy claim"));
}

TEST(LintTextTest, NoColourWhenNotATerminal) {
  const auto run = RunProvcheck("lint --fail-on none fixtures/seeds");
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
}

TEST(LintExitCodeTest, FindingsBelowTheFailLevelExitZero) {
  EXPECT_EQ(RunProvcheck("lint --fail-on error fixtures/lint").exit_code, 0);
}

TEST(LintExitCodeTest, FindingsAtTheFailLevelExitOne) {
  EXPECT_EQ(RunProvcheck("lint --fail-on warning fixtures/seeds").exit_code, 1);
  EXPECT_EQ(RunProvcheck("lint --fail-on info fixtures/seeds").exit_code, 1);
}

TEST(LintExitCodeTest, FailOnNoneNeverFailsOnFindings) {
  EXPECT_EQ(RunProvcheck("lint --fail-on none fixtures/seeds").exit_code, 0);
}

TEST(LintExitCodeTest, UnreadableInputWinsOverFailOnNone) {
  EXPECT_EQ(RunProvcheck("lint --fail-on none fixtures/ingest/binary.bin "
                         "fixtures/seeds")
                .exit_code,
            2);
}

TEST(LintExitCodeTest, CleanDocumentExitsZeroEvenOnInfo) {
  EXPECT_EQ(RunProvcheck("lint --fail-on info fixtures/lint/quiet-note.txt")
                .exit_code,
            0);
}

TEST(LintInputTest, MissingFileIsReportedAndTheOthersStillRun) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none no/such/file.txt "
      "fixtures/seeds/000_b82a472d6e1e91d7.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("no/such/file.txt: error: "));
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["documents"].size(), 1u);
}

TEST(LintInputTest, BinaryFileIsSkippedWithAnError) {
  const auto run = RunProvcheck(
      "lint --fail-on none fixtures/ingest/binary.bin "
      "fixtures/lint/quiet-note.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, AllOf(HasSubstr("fixtures/ingest/binary.bin: error: "),
                             HasSubstr("binary")));
  EXPECT_THAT(run.out, HasSubstr("1 file, "));
}

TEST(LintInputTest, InvalidUtf8IsRepairedWithAWarningAndAnalysed) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none fixtures/ingest/invalid_utf8.txt");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.err, AllOf(StartsWith("fixtures/ingest/invalid_utf8.txt:"),
                             HasSubstr(": warning: invalid UTF-8")));
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["documents"].size(), 1u);
}

TEST(LintInputTest, DashReadsStandardInput) {
  const auto run = RunProvcheck("lint --format json --fail-on none -",
                                "Officials said the bridge would reopen.\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["documents"].size(), 1u);
  EXPECT_EQ(json["documents"][0]["path"], "-");
  EXPECT_EQ(json["documents"][0]["findings"][0]["kind"], "vague-attribution");
}

TEST(LintInputTest, MarkdownCodeFrontMatterAndCommentsAreNotProse) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none fixtures/lint/harbour-report.md");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& finding :
       run.out.empty()
           ? nlohmann::json::array()
           : nlohmann::json::parse(run.out)["documents"][0]["findings"]) {
    const std::string text = finding["text"];
    EXPECT_EQ(text.find("Nobody Here"), std::string::npos);
    EXPECT_EQ(text.find("Code Block"), std::string::npos);
    EXPECT_EQ(text.find("editor:"), std::string::npos);
  }
}

TEST(LintInputTest, DirectoriesAreWalkedInSortedOrder) {
  const auto run =
      RunProvcheck("lint --format json --fail-on none fixtures/seeds");
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["documents"].size(), 5u);
  EXPECT_EQ(json["documents"][0]["path"],
            "fixtures/seeds/000_b82a472d6e1e91d7.txt");
  EXPECT_EQ(json["documents"][4]["path"],
            "fixtures/seeds/004_2d75c3c5078d4155.txt");
}

TEST(LintInputTest, OutputIsTheSameWithOneOrTwoWorkers) {
  const auto one = RunProvcheck(
      "lint --format json --fail-on none -j 1 fixtures/seeds fixtures/lint");
  const auto two = RunProvcheck(
      "lint --format json --fail-on none -j 2 fixtures/seeds fixtures/lint");
  EXPECT_EQ(one.out, two.out);
}

TEST(LintOtherTopicsTest, FlagsAttributionVagueAndBoilerplateOutsideTheSeeds) {
  const auto run = RunProvcheck(
      "lint --format json --fail-on none fixtures/lint/clinic-closure.txt");
  const auto json = nlohmann::json::parse(run.out);
  std::map<std::string, std::set<int>> lines_by_kind;
  std::set<std::string> sources;
  for (const auto& finding : json["documents"][0]["findings"]) {
    lines_by_kind[finding["kind"]].insert(finding["line"].get<int>());
    if (finding.contains("source")) sources.insert(finding["source"]);
  }
  EXPECT_TRUE(sources.count("Priya Raman")) << run.out;
  EXPECT_TRUE(sources.count("Northshire Health Authority")) << run.out;
  EXPECT_TRUE(sources.count("Tom Evans")) << run.out;
  EXPECT_TRUE(lines_by_kind["vague-attribution"].count(6)) << run.out;
  EXPECT_EQ(lines_by_kind["boilerplate"], (std::set<int>{3, 9, 10, 11}))
      << run.out;
}

TEST(RulesCommandTest, ShippedPacksPassTheirOwnExamples) {
  const auto run = RunProvcheck("rules check --rules rules");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("all pass"));
}

TEST(RulesCommandTest, ListShowsIdKindAndSeverity) {
  const auto run = RunProvcheck("rules list --rules rules");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("attribution.according-to"));
  EXPECT_THAT(run.out, HasSubstr("vague-attribution"));
}

TEST(RulesCommandTest, SyntaxErrorExitsTwoWithFileLineAndCaret) {
  const auto run =
      RunProvcheck("rules check --rules fixtures/rules-bad/syntax");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, AllOf(HasSubstr("broken.rules:5:3: error: expected "),
                             HasSubstr("\n  ^")));
}

TEST(RulesCommandTest, Re2ErrorExitsTwoAndNamesTheRule) {
  const auto run =
      RunProvcheck("lint --rules fixtures/rules-bad/lookaround fixtures/seeds");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err,
              HasSubstr("rule demo.lookahead: pattern does not compile"));
  EXPECT_TRUE(run.out.empty()) << "nothing is analysed with half-loaded rules";
}

TEST(RulesCommandTest, FailingExampleExitsOne) {
  const auto run =
      RunProvcheck("rules check --rules fixtures/rules-bad/example");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("rule demo.said: example does not match"));
}

TEST(RulesCommandTest, NewRuleIsADataChangeOnly) {
  // A rules directory written at run time: no rebuild, and it fires.
  const std::string dir =
      ::testing::TempDir() + "provcheck-new-rule-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/mine.rules")
      << "pack mine \"A rule added by a user\"\n"
         "rule mine.harbour {\n  kind citation\n  severity warning\n"
         "  match \"(?P<source>harbour master)\"\n"
         "  message \"Cited to {source}\"\n"
         "  example \"said the harbour master\" source = \"harbour "
         "master\"\n}\n";
  const auto run =
      RunProvcheck("lint --format json --fail-on warning --rules '" + dir +
                   "' fixtures/lint/harbour-report.md");
  std::filesystem::remove_all(dir);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("\"rule\":\"mine.harbour\""));
}

TEST(CommandLineTest, VersionAndHelpExitZero) {
  const auto version = RunProvcheck("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, StartsWith("provcheck 0."));
  EXPECT_EQ(RunProvcheck("lint --help").exit_code, 0);
  EXPECT_EQ(RunProvcheck("rules --help").exit_code, 0);
}

TEST(CommandLineTest, UsageErrorExitsTwo) {
  EXPECT_EQ(RunProvcheck("lint --format yaml fixtures/seeds").exit_code, 2);
  EXPECT_EQ(RunProvcheck("frobnicate").exit_code, 2);
  EXPECT_EQ(RunProvcheck("lint").exit_code, 2);
}

}  // namespace
}  // namespace provcheck
