#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provcheck/report_data.h"
#include "provcheck/store.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;

Finding MakeFinding(Kind kind, int line, int column, int end_column,
                    std::string text) {
  Finding finding;
  finding.rule_id = "test.rule";
  finding.kind = kind;
  finding.start = {line, column};
  finding.stop = {line, end_column};
  finding.message = "message of " + text;
  finding.text = std::move(text);
  return finding;
}

class ReportQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "provcheck_report_queries_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() +
            ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix);
    }
    auto store = Store::Open(path_, StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Saves a document with the given findings and one claim citing `source`.
  void Save(int64_t run, const std::string& path, std::vector<Finding> findings,
            const std::string& source = "") {
    DocumentResult result;
    result.path = path;
    result.sha256 = "digest-of-" + path;
    result.findings = std::move(findings);
    result.score.total = 42.5;
    result.stats.lines = 3;
    std::vector<SourceRecord> sources;
    if (!source.empty()) {
      Claim claim;
      claim.start = {1, 1};
      claim.stop = {1, 10};
      claim.text = "A claim.";
      claim.sourcing = Sourcing::kAttributed;
      claim.source = source;
      claim.source_type = "person";
      claim.reliability = 0.7;
      result.claims.push_back(claim);
      SourceRecord record;
      record.name = source;
      record.type = "person";
      record.prior = 0.7;
      record.reliability = 0.7;
      sources.push_back(record);
    }
    ASSERT_TRUE(
        store_->SaveDocument(run, "rules", result, DocumentMetadata{}, sources)
            .ok());
  }

  int64_t Run() {
    auto run = store_->BeginRun(RunInfo{"9.9.9", "rules", "provcheck audit"});
    EXPECT_TRUE(run.ok());
    return run.ok() ? *run : 0;
  }

  void Exec(const std::string& sql) {
    char* error = nullptr;
    ASSERT_EQ(
        sqlite3_exec(store_->handle(), sql.c_str(), nullptr, nullptr, &error),
        SQLITE_OK)
        << (error ? error : "");
  }

  std::unique_ptr<ReportReader> Reader() {
    auto reader = ReportReader::Open(*store_);
    EXPECT_TRUE(reader.ok()) << reader.status();
    return reader.ok() ? *std::move(reader) : nullptr;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportQueriesTest, LatestRunIsReadWhenNoneIsNamed) {
  Run();
  const int64_t second = Run();
  auto run = Reader()->Run(std::nullopt);
  ASSERT_TRUE(run.ok() && run->has_value());
  EXPECT_EQ((*run)->id, second);
  EXPECT_EQ((*run)->tool_version, "9.9.9");
}

TEST_F(ReportQueriesTest, NoRunIsNulloptNotAnError) {
  auto run = Reader()->Run(std::nullopt);
  ASSERT_TRUE(run.ok());
  EXPECT_FALSE(run->has_value());
}

TEST_F(ReportQueriesTest, DocumentsCarryScoreAndCountsByKind) {
  const int64_t run = Run();
  Save(run, "b.txt",
       {MakeFinding(Kind::kVagueAttribution, 1, 1, 5, "some"),
        MakeFinding(Kind::kVagueAttribution, 2, 1, 5, "many"),
        MakeFinding(Kind::kBoilerplate, 3, 1, 5, "Next")});
  Save(run, "a.txt", {});
  auto documents = Reader()->Documents(std::nullopt);
  ASSERT_TRUE(documents.ok()) << documents.status();
  ASSERT_EQ(documents->size(), 2u);
  EXPECT_EQ((*documents)[0].path, "a.txt");  // by path
  const ReportDocument& b = (*documents)[1];
  EXPECT_TRUE(b.scored);
  EXPECT_DOUBLE_EQ(b.score.total, 42.5);
  EXPECT_EQ(b.findings_by_kind[static_cast<int>(Kind::kVagueAttribution)], 2);
  EXPECT_EQ(b.findings_by_kind[static_cast<int>(Kind::kBoilerplate)], 1);
}

TEST_F(ReportQueriesTest, RunScopedDocumentsAreOnlyThoseTheRunCovered) {
  const int64_t first = Run();
  Save(first, "old.txt", {});
  const int64_t second = Run();
  Save(second, "new.txt", {});
  auto documents = Reader()->Documents(second);
  ASSERT_TRUE(documents.ok()) << documents.status();
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_EQ((*documents)[0].path, "new.txt");
}

TEST_F(ReportQueriesTest, DetailReturnsFindingsWithIdsInLineOrder) {
  const int64_t run = Run();
  Save(run, "a.txt",
       {MakeFinding(Kind::kAttribution, 1, 4, 9, "first"),
        MakeFinding(Kind::kCitation, 2, 1, 3, "second")});
  auto reader = Reader();
  auto documents = reader->Documents(std::nullopt);
  ASSERT_TRUE(documents.ok());
  auto detail = reader->Detail((*documents)[0].id, ContradictionLinks{});
  ASSERT_TRUE(detail.ok()) << detail.status();
  ASSERT_EQ(detail->findings.size(), 2u);
  EXPECT_GT(detail->findings[0].id, 0);
  EXPECT_EQ(detail->findings[0].finding.text, "first");
  EXPECT_EQ(detail->findings[1].finding.kind, Kind::kCitation);
}

TEST_F(ReportQueriesTest, MissingContradictionsTableIsReportedAsAbsent) {
  Exec("DROP TABLE IF EXISTS contradictions;");  // as in schema v1
  auto links = Reader()->Contradictions();
  ASSERT_TRUE(links.ok()) << links.status();
  EXPECT_FALSE(links->table_present);
  EXPECT_TRUE(links->by_finding.empty());
}

TEST_F(ReportQueriesTest, ContradictionBetweenTwoFindingsLinksEachToTheOther) {
  const int64_t run = Run();
  Save(run, "one.txt", {MakeFinding(Kind::kContradiction, 6, 1, 8, "Anthony")});
  Save(run, "two.txt", {MakeFinding(Kind::kContradiction, 7, 3, 9, "Antony")});
  Exec(
      "DROP TABLE IF EXISTS contradictions;"
      "CREATE TABLE contradictions (id INTEGER PRIMARY KEY, finding_id "
      "INTEGER, other_finding_id INTEGER, related_path TEXT, related_line "
      "INTEGER, related_text TEXT, kind TEXT);"
      "INSERT INTO contradictions (finding_id, other_finding_id, kind) "
      "SELECT a.id, b.id, 'person' FROM findings a, findings b "
      "WHERE a.text = 'Anthony' AND b.text = 'Antony';");
  auto reader = Reader();
  auto links = reader->Contradictions();
  ASSERT_TRUE(links.ok()) << links.status();
  EXPECT_TRUE(links->table_present);
  auto documents = reader->Documents(std::nullopt);
  ASSERT_TRUE(documents.ok());
  auto one = reader->Detail((*documents)[0].id, *links);
  auto two = reader->Detail((*documents)[1].id, *links);
  ASSERT_TRUE(one.ok() && two.ok());
  ASSERT_EQ(one->findings[0].finding.related.size(), 1u);
  EXPECT_EQ(one->findings[0].finding.related[0].path, "two.txt");
  EXPECT_EQ(one->findings[0].finding.related[0].line, 7);
  ASSERT_EQ(two->findings[0].finding.related.size(), 1u);
  EXPECT_EQ(two->findings[0].finding.related[0].path, "one.txt");
}

TEST_F(ReportQueriesTest, ContradictionWithTheLedgerLinksToTheLedgerEntry) {
  const int64_t run = Run();
  Save(run, "one.txt",
       {MakeFinding(Kind::kContradiction, 3, 1, 18, "In September 2022")});
  Exec(
      "DROP TABLE IF EXISTS contradictions;"
      "CREATE TABLE contradictions (id INTEGER PRIMARY KEY, finding_id "
      "INTEGER, related_path TEXT, related_line INTEGER, related_text TEXT, "
      "kind TEXT);"
      "INSERT INTO contradictions (finding_id, related_path, related_line, "
      "related_text, kind) SELECT id, 'rules/facts/events.facts', 4, "
      "'19-20 September 2023', 'event-date' FROM findings;");
  auto reader = Reader();
  auto links = reader->Contradictions();
  ASSERT_TRUE(links.ok()) << links.status();
  ASSERT_EQ(links->by_finding.size(), 1u);
  const RelatedLocation& related =
      links->by_finding.begin()->second.related.at(0);
  EXPECT_EQ(related.path, "rules/facts/events.facts");
  EXPECT_EQ(related.line, 4);
  EXPECT_EQ(related.text, "19-20 September 2023");
}

TEST_F(ReportQueriesTest,
       StoreRowOfAContradictionLinksItsFindingToTheOtherSide) {
  const int64_t run = Run();
  Save(run, "one.txt",
       {MakeFinding(Kind::kContradiction, 3, 1, 18, "In September 2022")});
  // The layout of schema v2: the finding's document and position, and the
  // related location written out.
  Exec(
      "DROP TABLE IF EXISTS contradictions;"
      "CREATE TABLE contradictions (id INTEGER PRIMARY KEY, document_id "
      "INTEGER NOT NULL, run_id INTEGER NOT NULL, rule TEXT NOT NULL, line "
      "INTEGER NOT NULL, column INTEGER NOT NULL, text TEXT NOT NULL, message "
      "TEXT NOT NULL, related_path TEXT NOT NULL, related_line INTEGER NOT "
      "NULL, related_text TEXT NOT NULL);"
      "INSERT INTO contradictions (document_id, run_id, rule, line, column, "
      "text, message, related_path, related_line, related_text) SELECT "
      "document_id, run_id, 'contradiction.event-date', 3, 1, 'In September "
      "2022', 'm', 'rules/facts/events.facts', 4, '19-20 September 2023' "
      "FROM findings;");
  auto reader = Reader();
  auto links = reader->Contradictions();
  ASSERT_TRUE(links.ok()) << links.status();
  EXPECT_FALSE(links->unrecognised_layout);
  ASSERT_EQ(links->by_finding.size(), 1u);
  const ContradictionSide& side = links->by_finding.begin()->second;
  EXPECT_EQ(side.line, 3);
  ASSERT_EQ(side.related.size(), 1u);
  EXPECT_EQ(side.related[0].path, "rules/facts/events.facts");
  EXPECT_EQ(side.related[0].line, 4);
}

TEST_F(ReportQueriesTest, ContradictionsTableWithoutIdColumnsIsUnrecognised) {
  Exec(
      "DROP TABLE IF EXISTS contradictions;"
      "CREATE TABLE contradictions (id INTEGER PRIMARY KEY, note TEXT);");
  auto links = Reader()->Contradictions();
  ASSERT_TRUE(links.ok()) << links.status();
  EXPECT_TRUE(links->unrecognised_layout);
  EXPECT_TRUE(links->by_finding.empty());
}

TEST_F(ReportQueriesTest, SourcesListOnlyThoseCitedByTheReportsDocuments) {
  const int64_t run = Run();
  Save(run, "a.txt", {}, "Hasmik Tolmajyan");
  Save(run, "b.txt", {}, "Leyla Abdullayeva");
  auto reader = Reader();
  auto documents = reader->Documents(std::nullopt);
  ASSERT_TRUE(documents.ok());
  auto sources = reader->Sources({(*documents)[0].id});
  ASSERT_TRUE(sources.ok()) << sources.status();
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].name, "Hasmik Tolmajyan");
  EXPECT_EQ((*sources)[0].type, "person");
  EXPECT_THAT((*sources)[0].document_ids, ElementsAre((*documents)[0].id));
  EXPECT_EQ((*sources)[0].report_claims, 1);
}

TEST_F(ReportQueriesTest, ReaderLeavesNoTransactionOpen) {
  Reader().reset();
  EXPECT_NE(sqlite3_get_autocommit(store_->handle()), 0);
}

}  // namespace
}  // namespace provcheck
