// End-to-end: `provcheck audit` into SQLite, and the commands that read it.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "run_command.h"

namespace provcheck {
namespace {

using ::provcheck::testing::ReadFileOrEmpty;
using ::provcheck::testing::RunProvcheck;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("provcheck-audit-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "audit.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs a query and returns the first column of the first row as text.
  std::string Query(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      value = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  std::string Audit(const std::string& args) {
    return "audit --db '" + db_ + "' " + args;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(AuditTest, StoresEveryDocumentWithItsFindingsClaimsAndScore) {
  const auto run = RunProvcheck(Audit("fixtures/seeds"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "5");
  EXPECT_EQ(Query("SELECT count(*) FROM scores"), "5");
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE kind = 'boilerplate'"),
            "10");
  EXPECT_EQ(Query("SELECT count(*) FROM claims c JOIN sources s ON "
                  "c.source_id = s.id WHERE s.name = 'Togroul Djuvarli'"),
            "1");
  EXPECT_EQ(Query("PRAGMA integrity_check"), "ok");
  EXPECT_THAT(run.out, HasSubstr("5 analysed, 0 reused"));
}

TEST_F(AuditTest, ScoreIsTheSameNumberLintPrints) {
  const auto lint =
      RunProvcheck("lint --format json --fail-on none fixtures/seeds");
  const auto audit = RunProvcheck(Audit("--format json fixtures/seeds"));
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  const auto lint_json = nlohmann::json::parse(lint.out);
  const auto audit_json = nlohmann::json::parse(audit.out);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(lint_json["documents"][i]["score"],
              audit_json["documents"][i]["score"]);
    const std::string path = lint_json["documents"][i]["path"];
    EXPECT_EQ(std::stod(Query("SELECT s.total FROM scores s JOIN documents d "
                              "ON s.document_id = d.id WHERE d.path = '" +
                              path + "'")),
              lint_json["documents"][i]["score"].get<double>());
  }
}

TEST_F(AuditTest, LintWithAnOptInPackPrintsTheScoreAuditStores) {
  // audit runs the default packs only; lint's opt-in findings never enter
  // the score, so the two agree whatever lint enabled.
  const auto lint = RunProvcheck(
      "lint --no-config --enable-pack weasel-words --format json --fail-on "
      "none fixtures/seeds");
  const auto audit = RunProvcheck(Audit("--format json fixtures/seeds"));
  ASSERT_EQ(lint.exit_code, 0) << lint.err;
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  const auto lint_json = nlohmann::json::parse(lint.out);
  const auto audit_json = nlohmann::json::parse(audit.out);
  int opt_in_findings = 0;
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(lint_json["documents"][i]["score"],
              audit_json["documents"][i]["score"]);
    for (const auto& finding : lint_json["documents"][i]["findings"]) {
      opt_in_findings +=
          finding["rule"].get<std::string>().starts_with("weasel-words.");
    }
  }
  EXPECT_GT(opt_in_findings, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE rule LIKE "
                  "'weasel-words.%'"),
            "0");
}

TEST_F(AuditTest, UnchangedDocumentsAreReusedAndForceReanalyses) {
  ASSERT_EQ(RunProvcheck(Audit("fixtures/lint")).exit_code, 0);
  const auto again = RunProvcheck(Audit("fixtures/lint"));
  EXPECT_THAT(again.out, HasSubstr("0 analysed, 3 reused"));
  const auto forced = RunProvcheck(Audit("--force fixtures/lint"));
  EXPECT_THAT(forced.out, HasSubstr("3 analysed, 0 reused"));
  EXPECT_EQ(Query("SELECT count(*) FROM runs"), "3");
  // Every run records a score per document, reused or not, so history has a
  // point for each run.
  EXPECT_EQ(Query("SELECT count(*) FROM scores"), "9");
  EXPECT_EQ(Query("SELECT sum(reused) FROM run_documents"), "3");
}

TEST_F(AuditTest, DocumentsInAContradictionAreAlwaysAnalysedAgain) {
  // Their findings depend on the other documents, which may have changed.
  ASSERT_EQ(RunProvcheck(Audit("fixtures/seeds")).exit_code, 0);
  const auto again = RunProvcheck(Audit("fixtures/seeds"));
  EXPECT_THAT(again.out, HasSubstr("2 analysed, 3 reused"));
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE kind = 'contradiction'"),
            "3");
}

TEST_F(AuditTest, ChangedDocumentReplacesItsRows) {
  const fs::path article = dir_ / "article.txt";
  std::ofstream(article) << "Officials said the bridge would reopen.\n";
  ASSERT_EQ(RunProvcheck(Audit("'" + article.string() + "'")).exit_code, 0);
  EXPECT_EQ(Query("SELECT count(*) FROM findings"), "1");
  std::ofstream(article) << "Mayor Ann Lee said the bridge would reopen.\n"
                            "Critics argue it is unsafe.\n";
  const auto run = RunProvcheck(Audit("'" + article.string() + "'"));
  EXPECT_THAT(run.out, HasSubstr("1 analysed, 0 reused"));
  EXPECT_EQ(Query("SELECT count(*) FROM findings"), "2");
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE kind = 'attribution'"),
            "1");
}

TEST_F(AuditTest, ExplainSaysWhyLineByLine) {
  ASSERT_EQ(RunProvcheck(Audit("fixtures/seeds")).exit_code, 0);
  const auto run = RunProvcheck("explain --db '" + db_ +
                                "' fixtures/seeds/004_2d75c3c5078d4155.txt");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Why this score"));
  EXPECT_THAT(run.out,
              HasSubstr("Togroul Djuvarli (person, reliability 0.62)"));
  EXPECT_THAT(run.out, HasSubstr("2 of 13 lines"));
}

TEST_F(AuditTest, ExplainOfAnUnauditedPathIsAnError) {
  ASSERT_EQ(RunProvcheck(Audit("fixtures/seeds")).exit_code, 0);
  const auto run = RunProvcheck("explain --db '" + db_ + "' nowhere.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("nowhere.txt: error: not in"));
}

TEST_F(AuditTest, SourcesListTypeReliabilityAndCitingDocuments) {
  ASSERT_EQ(RunProvcheck(Audit("fixtures/seeds")).exit_code, 0);
  const auto run = RunProvcheck("sources --format json --db '" + db_ + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  bool found_unknown = false;
  for (const auto& source : json["sources"]) {
    if (source["name"] == "Arbiter Briefing") {
      found_unknown = true;
      EXPECT_EQ(source["type"], "unknown");
      EXPECT_LT(source["reliability"].get<double>(), 0.5);
      EXPECT_EQ(source["documents"][0],
                "fixtures/seeds/000_b82a472d6e1e91d7.txt");
    }
  }
  EXPECT_TRUE(found_unknown) << run.out;
}

TEST_F(AuditTest, SourcesListNoPronounOrDescription) {
  const fs::path article = dir_ / "pier.txt";
  std::ofstream(article) << "The pier will close in 2027, he said.\n\n"
                            "The company said the repair costs $4 million.\n\n"
                            "Harbour master Elena Costa said it was unsafe.\n";
  ASSERT_EQ(RunProvcheck(Audit("'" + article.string() + "'")).exit_code, 0);
  EXPECT_EQ(Query("SELECT group_concat(name) FROM sources"), "Elena Costa");
  // The claims keep the words that point to their speakers.
  EXPECT_EQ(Query("SELECT count(*) FROM claims WHERE sourcing = 'attributed' "
                  "AND source_id IS NULL AND source IN ('he', 'company')"),
            "2");
}

TEST_F(AuditTest, HistoryHasOneScorePerRun) {
  ASSERT_EQ(
      RunProvcheck(Audit("fixtures/seeds/000_b82a472d6e1e91d7.txt")).exit_code,
      0);
  ASSERT_EQ(
      RunProvcheck(Audit("--force fixtures/seeds/000_b82a472d6e1e91d7.txt"))
          .exit_code,
      0);
  const auto run = RunProvcheck("history --format json --db '" + db_ +
                                "' fixtures/seeds/000_b82a472d6e1e91d7.txt");
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["history"].size(), 2u);
  EXPECT_EQ(json["history"][0]["run"], 1);
  EXPECT_EQ(json["history"][1]["run"], 2);
}

TEST_F(AuditTest, MetadataComesFromFrontMatterAndSidecarFiles) {
  ASSERT_EQ(RunProvcheck(Audit("fixtures/lint")).exit_code, 0);
  EXPECT_EQ(Query("SELECT publisher FROM documents WHERE path = "
                  "'fixtures/lint/harbour-report.md'"),
            "Coastline Weekly");
  EXPECT_EQ(Query("SELECT published FROM documents WHERE path = "
                  "'fixtures/lint/harbour-report.md'"),
            "2024-03-14");
  EXPECT_EQ(Query("SELECT title FROM documents WHERE path = "
                  "'fixtures/lint/clinic-closure.txt'"),
            "Rural clinic to close after funding review");
}

TEST_F(AuditTest, ClaimsOfEarlierAuditsTakePart) {
  // 004 alone first; then 001 alone: its misspelt Blinken is found against
  // the claim 004's audit stored, and the link is kept in contradictions.
  ASSERT_EQ(
      RunProvcheck(Audit("fixtures/seeds/004_2d75c3c5078d4155.txt")).exit_code,
      0);
  ASSERT_EQ(
      RunProvcheck(Audit("fixtures/seeds/001_bcf1065cbd2681a0.txt")).exit_code,
      0);
  EXPECT_EQ(Query("SELECT count(*) FROM contradictions c JOIN documents d ON "
                  "d.id = c.document_id WHERE d.path = "
                  "'fixtures/seeds/001_bcf1065cbd2681a0.txt' AND "
                  "c.related_path = 'fixtures/seeds/004_2d75c3c5078d4155.txt' "
                  "AND c.rule = 'contradiction.name-variant'"),
            "1");
  EXPECT_EQ(Query("SELECT count(*) FROM claim_keys"),
            Query("SELECT count(*) FROM claim_keys WHERE document_id IN "
                  "(SELECT id FROM documents)"));
}

TEST_F(AuditTest, NonSqliteFileIsRefusedUntouched) {
  std::ofstream(db_) << "not a database\n";
  const auto run = RunProvcheck(Audit("fixtures/seeds"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("not an SQLite database"));
  EXPECT_EQ(ReadFileOrEmpty(db_), "not a database\n");
}

TEST_F(AuditTest, UnreadableInputIsReportedAndTheRestStored) {
  const auto run = RunProvcheck(Audit(
      "fixtures/ingest/binary.bin fixtures/seeds/000_b82a472d6e1e91d7.txt"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("binary.bin: error: "));
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(Query("SELECT failed FROM runs"), "1");
}

// kill -9 at an arbitrary moment: the database passes integrity_check, holds
// whole documents only, and a second run finishes the rest.
TEST_F(AuditTest, KilledAuditLeavesAConsistentDatabaseAndResumes) {
  const fs::path corpus = dir_ / "corpus";
  fs::create_directories(corpus);
  constexpr int kDocuments = 1500;
  for (int i = 0; i < kDocuments; ++i) {
    std::ofstream(corpus / ("doc" + std::to_string(10000 + i) + ".txt"))
        << "Mayor Ann Lee said the bridge " << i
        << " would reopen in 2025.\n"
        // Numbered, so that no long line recurs across the documents (that
        // would be boilerplate.repeated-line, a fifth finding).
        << "Critics argue bridge " << i
        << " is unsafe. Officials said so.\n\nAdvertisement\n";
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execl(PROVCHECK_BINARY, PROVCHECK_BINARY, "audit", "--db", db_.c_str(),
          "-j", "2", corpus.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill once some documents are in, well before all are.
  for (int waited = 0; waited < 200; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (fs::exists(db_) && !Query("SELECT count(*) FROM documents").empty() &&
        std::stoi(Query("SELECT count(*) FROM documents")) >= 50) {
      break;
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the audit finished before the kill";

  EXPECT_EQ(Query("PRAGMA integrity_check"), "ok");
  const int stored = std::stoi(Query("SELECT count(*) FROM documents"));
  EXPECT_GT(stored, 0);
  EXPECT_LT(stored, kDocuments);
  // Whole documents only: each stored one has its score and its findings.
  EXPECT_EQ(Query("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                  "(SELECT 1 FROM scores s WHERE s.document_id = d.id)"),
            "0");
  EXPECT_EQ(Query("SELECT count(*) FROM documents d WHERE (SELECT count(*) "
                  "FROM findings f WHERE f.document_id = d.id) != 4"),
            "0");

  const auto resumed = RunProvcheck(Audit("'" + corpus.string() + "'"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.out,
              HasSubstr(std::to_string(kDocuments - stored) + " analysed, " +
                        std::to_string(stored) + " reused"));
  EXPECT_EQ(Query("SELECT count(*) FROM documents"),
            std::to_string(kDocuments));
}

}  // namespace
}  // namespace provcheck
