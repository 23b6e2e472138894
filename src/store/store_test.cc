#include "provcheck/store.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/schema.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A fresh database path per test; leftovers of an earlier run are removed.
std::string TempDatabase(const std::string& name) {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string path =
      ::testing::TempDir() + "provcheck_store_" + test->name() + "_" + name;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix);
  }
  return path;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << bytes;
}

// Runs SQL on a separate raw connection, as another program would.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// The first column of the first row of `sql`, as text ("" if no row).
std::string QueryText(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    return "";
  }
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    if (text != nullptr) value = reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(stmt);
  return value;
}

int64_t QueryInt(sqlite3* db, const std::string& sql) {
  return std::stoll("0" + QueryText(db, sql));
}

std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                 const StoreOptions& options = {}) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

int64_t BeginRunOrDie(Store& store) {
  absl::StatusOr<int64_t> run =
      store.BeginRun({"0.1.0", "rules-digest", "provcheck audit news/"});
  EXPECT_TRUE(run.ok()) << run.status();
  return run.ok() ? *run : 0;
}

Finding MakeFinding(int line, const std::string& rule_id) {
  Finding finding;
  finding.rule_id = rule_id;
  finding.kind = Kind::kVagueAttribution;
  finding.severity = Severity::kWarning;
  finding.begin = static_cast<size_t>(line) * 100;
  finding.end = finding.begin + 12;
  finding.start = {line, 3};
  finding.stop = {line, 15};
  finding.message = "vague source: 'analysts say'";
  finding.text = "analysts say";
  return finding;
}

Claim MakeClaim(int line, Sourcing sourcing, const std::string& source) {
  Claim claim;
  claim.begin = static_cast<size_t>(line) * 100;
  claim.end = claim.begin + 40;
  claim.start = {line, 1};
  claim.stop = {line, 41};
  claim.text = "The ministry cut the budget by 12 percent.";
  claim.sourcing = sourcing;
  claim.source = source;
  claim.source_type = source.empty() ? "" : "outlet";
  claim.reliability = source.empty() ? 0 : 0.8;
  claim.cue = source.empty() ? "" : "according to " + source;
  claim.rule_id = source.empty() ? "" : "attribution.according-to";
  claim.credit = source.empty() ? 0 : 1;
  return claim;
}

DocumentResult MakeResult(const std::string& path, int findings, int claims,
                          double total = 55.5) {
  DocumentResult result;
  result.path = path;
  result.sha256 = "sha-of-" + path;
  result.bytes = 1234;
  for (int i = 0; i < findings; ++i) {
    result.findings.push_back(MakeFinding(i + 1, "vague.analysts-say"));
  }
  for (int i = 0; i < claims; ++i) {
    result.claims.push_back(MakeClaim(i + 1, Sourcing::kUnattributed, ""));
  }
  result.stats.lines = 10;
  result.stats.sentences = 12;
  result.stats.claims = claims;
  result.stats.unattributed_claims = claims;
  result.stats.vague_attributions = findings;
  result.score.total = total;
  result.score.provenance = 0.25;
  return result;
}

absl::Status Save(Store& store, int64_t run, const DocumentResult& result,
                  const std::vector<SourceRecord>& sources = {}) {
  return store.SaveDocument(run, "rules-digest", result, DocumentMetadata(),
                            sources);
}

SourceRecord MakeSource(const std::string& name, const std::string& type,
                        double prior, std::vector<std::string> aliases = {}) {
  SourceRecord source;
  source.name = name;
  source.type = type;
  source.prior = prior;
  source.aliases = std::move(aliases);
  return source;
}

const SourceRecord* FindSource(const std::vector<SourceRecord>& sources,
                               const std::string& name) {
  for (const SourceRecord& source : sources) {
    if (source.name == name) return &source;
  }
  return nullptr;
}

TEST(StoreTest, OpenCreatesTheSchemaAtTheCurrentUserVersion) {
  const std::string path = TempDatabase("new.db");
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);

  EXPECT_EQ(QueryInt(store->handle(), "PRAGMA user_version"),
            kStoreSchemaVersion);
  EXPECT_EQ(QueryText(store->handle(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryText(store->handle(),
                      "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                      "sqlite_master WHERE type = 'table' ORDER BY name)"),
            "claim_keys claims contradictions documents findings "
            "run_documents runs scores "
            "source_aliases sources");
  EXPECT_EQ(QueryText(store->handle(),
                      "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                      "sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                      "ORDER BY name)"),
            "claim_keys_document claim_keys_event claim_keys_person "
            "claims_document claims_source contradictions_document "
            "contradictions_related documents_sha256 findings_document "
            "run_documents_document scores_run source_aliases_source");
}

TEST(StoreTest, ReopeningIsIdempotent) {
  const std::string path = TempDatabase("reopen.db");
  std::string schema;
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    const int64_t run = BeginRunOrDie(*store);
    ASSERT_TRUE(Save(*store, run, MakeResult("a.txt", 2, 1)).ok());
    schema = QueryText(store->handle(),
                       "SELECT group_concat(sql, ';') FROM sqlite_master");
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);

  EXPECT_EQ(QueryInt(store->handle(), "PRAGMA user_version"),
            kStoreSchemaVersion);
  EXPECT_EQ(QueryText(store->handle(),
                      "SELECT group_concat(sql, ';') FROM sqlite_master"),
            schema);
  absl::StatusOr<std::optional<StoredDocument>> found =
      store->FindDocument("a.txt");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_TRUE(found->has_value());
}

TEST(StoreTest, NewerSchemaVersionIsRefusedAndLeftUntouched) {
  const std::string path = TempDatabase("newer.db");
  RawExec(path, "CREATE TABLE future (x); PRAGMA user_version = 3;");
  const std::string before = ReadBytes(path);

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {});

  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message(),
            path +
                ": error: database schema version 3 is newer than this "
                "provcheck supports (2); upgrade provcheck");
  EXPECT_EQ(ReadBytes(path), before);
}

TEST(StoreTest, TextFileIsRefusedAndLeftUntouched) {
  const std::string path = TempDatabase("x.db");
  const std::string text = "Officials said the bridge would reopen.\n";
  WriteBytes(path, text);

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {});

  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message(), path + ": error: not an SQLite database");
  EXPECT_EQ(ReadBytes(path), text);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

// A store of several pages, closed so that the WAL is checkpointed into the
// main file and the file alone holds everything.
void WriteSeveralPages(const std::string& path) {
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(
        Save(*store, run, MakeResult("doc" + std::to_string(i), 20, 5)).ok());
  }
}

TEST(StoreTest, TruncatedDatabaseIsRefusedAndLeftUntouched) {
  const std::string path = TempDatabase("truncated.db");
  WriteSeveralPages(path);
  const auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 8 * 4096u);
  std::filesystem::resize_file(path, size / 2);
  const std::string before = ReadBytes(path);

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {});

  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(),
              HasSubstr(path + ": error: database is corrupt"));
  EXPECT_EQ(ReadBytes(path), before);
}

TEST(StoreTest, OverwrittenPagesAreRefusedAndLeftUntouched) {
  const std::string path = TempDatabase("scribbled.db");
  WriteSeveralPages(path);
  std::string bytes = ReadBytes(path);
  // Keep page 1 (header and schema) and scribble over the table pages.
  for (size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = '\xA5';
  WriteBytes(path, bytes);

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {});

  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(),
              HasSubstr(path + ": error: database is corrupt"));
  EXPECT_EQ(ReadBytes(path), bytes);
}

TEST(StoreTest, SaveDocumentRoundTripsThroughExplain) {
  const std::string path = TempDatabase("roundtrip.db");
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);

  DocumentResult result;
  result.path = "news/budget.md";
  result.sha256 = "ab12";
  result.bytes = 4321;
  Finding attribution = MakeFinding(2, "attribution.according-to");
  attribution.kind = Kind::kAttribution;
  attribution.severity = Severity::kInfo;
  attribution.source = "Reuters";
  attribution.role = "news agency";
  Finding vague = MakeFinding(5, "vague.analysts-say");
  vague.severity = Severity::kError;
  result.findings = {attribution, vague};
  Claim attributed = MakeClaim(2, Sourcing::kAttributed, "Reuters");
  Claim cited = MakeClaim(3, Sourcing::kCited, "Unregistered Outlet");
  Claim unattributed = MakeClaim(5, Sourcing::kUnattributed, "");
  unattributed.text = "Prices will rise.";
  result.claims = {attributed, cited, unattributed};
  result.stats = {.lines = 7,
                  .sentences = 9,
                  .boilerplate_lines = 1,
                  .claims = 3,
                  .attributed_claims = 1,
                  .cited_claims = 1,
                  .vague_claims = 0,
                  .unattributed_claims = 1,
                  .vague_attributions = 1,
                  .contradictions = 0};
  result.score = {.total = 61.5,
                  .provenance = 0.53,
                  .vague_penalty = 4,
                  .boilerplate_penalty = 2.1,
                  .contradiction_penalty = 0};
  DocumentMetadata metadata{.title = "Budget cut",
                            .publisher = "Daily",
                            .url = "https://example.org/b",
                            .published = "2024-03-01"};
  ASSERT_TRUE(store
                  ->SaveDocument(run, "digest-1", result, metadata,
                                 {MakeSource("Reuters", "outlet", 0.8)})
                  .ok());

  absl::StatusOr<std::optional<StoredExplanation>> explained =
      store->Explain("news/budget.md");
  ASSERT_TRUE(explained.ok()) << explained.status();
  ASSERT_TRUE(explained->has_value());
  const StoredExplanation& got = **explained;

  EXPECT_EQ(got.document.path, "news/budget.md");
  EXPECT_EQ(got.document.sha256, "ab12");
  EXPECT_EQ(got.document.rules_digest, "digest-1");
  EXPECT_EQ(got.document.last_run, run);
  EXPECT_DOUBLE_EQ(got.document.score, 61.5);
  EXPECT_EQ(got.metadata.title, "Budget cut");
  EXPECT_EQ(got.metadata.publisher, "Daily");
  EXPECT_EQ(got.metadata.url, "https://example.org/b");
  EXPECT_EQ(got.metadata.published, "2024-03-01");

  EXPECT_DOUBLE_EQ(got.score.total, 61.5);
  EXPECT_DOUBLE_EQ(got.score.provenance, 0.53);
  EXPECT_DOUBLE_EQ(got.score.vague_penalty, 4);
  EXPECT_DOUBLE_EQ(got.score.boilerplate_penalty, 2.1);
  EXPECT_DOUBLE_EQ(got.score.contradiction_penalty, 0);
  EXPECT_EQ(got.stats.lines, 7);
  EXPECT_EQ(got.stats.sentences, 9);
  EXPECT_EQ(got.stats.boilerplate_lines, 1);
  EXPECT_EQ(got.stats.claims, 3);
  EXPECT_EQ(got.stats.attributed_claims, 1);
  EXPECT_EQ(got.stats.cited_claims, 1);
  EXPECT_EQ(got.stats.vague_claims, 0);
  EXPECT_EQ(got.stats.unattributed_claims, 1);
  EXPECT_EQ(got.stats.vague_attributions, 1);
  EXPECT_EQ(got.stats.contradictions, 0);

  ASSERT_EQ(got.findings.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    const Finding& want = result.findings[i];
    const Finding& have = got.findings[i];
    EXPECT_EQ(have.rule_id, want.rule_id);
    EXPECT_EQ(have.kind, want.kind);
    EXPECT_EQ(have.severity, want.severity);
    EXPECT_EQ(have.begin, want.begin);
    EXPECT_EQ(have.end, want.end);
    EXPECT_TRUE(have.start == want.start);
    EXPECT_TRUE(have.stop == want.stop);
    EXPECT_EQ(have.message, want.message);
    EXPECT_EQ(have.text, want.text);
    EXPECT_EQ(have.source, want.source);
    EXPECT_EQ(have.role, want.role);
  }

  ASSERT_EQ(got.claims.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    const Claim& want = result.claims[i];
    const Claim& have = got.claims[i];
    EXPECT_EQ(have.begin, want.begin);
    EXPECT_EQ(have.end, want.end);
    EXPECT_TRUE(have.start == want.start);
    EXPECT_TRUE(have.stop == want.stop);
    EXPECT_EQ(have.text, want.text);
    EXPECT_EQ(have.sourcing, want.sourcing);
    EXPECT_EQ(have.source, want.source);
    EXPECT_EQ(have.source_type, want.source_type);
    EXPECT_DOUBLE_EQ(have.reliability, want.reliability);
    EXPECT_EQ(have.cue, want.cue);
    EXPECT_EQ(have.rule_id, want.rule_id);
    EXPECT_DOUBLE_EQ(have.credit, want.credit);
  }
  // Only a registered source is linked; the claim keeps the name either way.
  EXPECT_EQ(QueryText(store->handle(),
                      "SELECT group_concat(ifnull(s.name, '-'), ',') FROM "
                      "(SELECT source_id FROM claims ORDER BY id) c "
                      "LEFT JOIN sources s ON s.id = c.source_id"),
            "Reuters,-,-");
}

TEST(StoreTest, ExplainOfAnUnknownPathIsEmpty) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("unknown.db"));
  ASSERT_NE(store, nullptr);

  absl::StatusOr<std::optional<StoredExplanation>> explained =
      store->Explain("never-seen.txt");

  ASSERT_TRUE(explained.ok()) << explained.status();
  EXPECT_FALSE(explained->has_value());
}

TEST(StoreTest, ExplainRefusesAFindingKindThisBuildDoesNotKnow) {
  const std::string path = TempDatabase("newer-kind.db");
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, run, MakeResult("a.txt", 2, 1)).ok());
  RawExec(path, "UPDATE findings SET kind = 'from-the-future'");

  absl::StatusOr<std::optional<StoredExplanation>> explained =
      store->Explain("a.txt");

  ASSERT_FALSE(explained.ok());
  EXPECT_EQ(explained.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(explained.status().message(),
              ::testing::HasSubstr("unknown kind 'from-the-future'"));
}

TEST(StoreTest, SavingAgainReplacesFindingsAndClaimsButKeepsEveryScore) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("resave.db"));
  ASSERT_NE(store, nullptr);
  const int64_t first = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, first, MakeResult("a.txt", 5, 4, 40)).ok());
  const int64_t second = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, second, MakeResult("a.txt", 2, 1, 70)).ok());

  sqlite3* db = store->handle();
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM findings"), 2);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM claims"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM scores"), 2);
  absl::StatusOr<std::vector<ScoreHistoryEntry>> history =
      store->History("a.txt");
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].run_id, first);
  EXPECT_DOUBLE_EQ((*history)[0].total, 40);
  EXPECT_EQ((*history)[1].run_id, second);
  EXPECT_DOUBLE_EQ((*history)[1].total, 70);
  EXPECT_THAT((*history)[0].started,
              ::testing::MatchesRegex(
                  "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
}

TEST(StoreTest, HistoryOfAllDocumentsIsOrderedByRunThenPath) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("history.db"));
  ASSERT_NE(store, nullptr);
  const int64_t first = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, first, MakeResult("b.txt", 1, 1, 20)).ok());
  ASSERT_TRUE(Save(*store, first, MakeResult("a.txt", 1, 1, 10)).ok());
  const int64_t second = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, second, MakeResult("a.txt", 1, 1, 30)).ok());

  absl::StatusOr<std::vector<ScoreHistoryEntry>> history = store->History("");

  ASSERT_TRUE(history.ok()) << history.status();
  std::vector<std::string> rows;
  for (const ScoreHistoryEntry& entry : *history) {
    rows.push_back(std::to_string(entry.run_id) + " " + entry.path + " " +
                   std::to_string(static_cast<int>(entry.total)));
  }
  EXPECT_THAT(rows, ElementsAre(std::to_string(first) + " a.txt 10",
                                std::to_string(first) + " b.txt 20",
                                std::to_string(second) + " a.txt 30"));
}

TEST(StoreTest, FindDocumentReturnsDigestsOfTheLastAnalysis) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("find.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  ASSERT_TRUE(store
                  ->SaveDocument(run, "digest-7", MakeResult("a.txt", 1, 1, 42),
                                 DocumentMetadata(), {})
                  .ok());

  absl::StatusOr<std::optional<StoredDocument>> found =
      store->FindDocument("a.txt");
  absl::StatusOr<std::optional<StoredDocument>> missing =
      store->FindDocument("b.txt");

  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_TRUE(found->has_value());
  EXPECT_GT((*found)->id, 0);
  EXPECT_EQ((*found)->path, "a.txt");
  EXPECT_EQ((*found)->sha256, "sha-of-a.txt");
  EXPECT_EQ((*found)->rules_digest, "digest-7");
  EXPECT_EQ((*found)->last_run, run);
  EXPECT_DOUBLE_EQ((*found)->score, 42);
  ASSERT_TRUE(missing.ok()) << missing.status();
  EXPECT_FALSE(missing->has_value());
}

TEST(StoreTest, MarkReusedRecordsTheRunAndCarriesTheScore) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("reused.db"));
  ASSERT_NE(store, nullptr);
  const int64_t first = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, first, MakeResult("a.txt", 1, 1, 42)).ok());
  const int64_t second = BeginRunOrDie(*store);
  absl::StatusOr<std::optional<StoredDocument>> found =
      store->FindDocument("a.txt");
  ASSERT_TRUE(found.ok() && found->has_value());

  ASSERT_TRUE(store->MarkReused(second, (*found)->id).ok());

  sqlite3* db = store->handle();
  EXPECT_EQ(QueryText(db,
                      "SELECT group_concat(run_id || ':' || reused, ' ') FROM "
                      "(SELECT * FROM run_documents ORDER BY run_id)"),
            std::to_string(first) + ":0 " + std::to_string(second) + ":1");
  absl::StatusOr<std::vector<ScoreHistoryEntry>> history =
      store->History("a.txt");
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].run_id, second);
  EXPECT_DOUBLE_EQ((*history)[1].total, 42);
  // Reuse is not a new analysis.
  EXPECT_EQ(store->FindDocument("a.txt").value()->last_run, first);
}

TEST(StoreTest, FinishRunRecordsTotals) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("finish.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);

  ASSERT_TRUE(
      store->FinishRun(run, {.analysed = 3, .reused = 2, .failed = 1}).ok());

  EXPECT_EQ(QueryText(store->handle(),
                      "SELECT analysed || ' ' || reused || ' ' || failed || "
                      "' ' || (finished IS NOT NULL) FROM runs"),
            "3 2 1 1");
  EXPECT_EQ(store->FinishRun(run + 1, {}).code(), absl::StatusCode::kNotFound);
}

TEST(StoreTest, SourcesAreUpsertedWithAliasesAndReliabilityFromPrior) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("sources.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  DocumentResult result = MakeResult("a.txt", 0, 0);
  result.claims = {MakeClaim(1, Sourcing::kAttributed, "Reuters")};
  ASSERT_TRUE(Save(*store, run, result,
                   {MakeSource("Reuters", "outlet", 0.8,
                               {"Reuters news agency", "Thomson Reuters"}),
                    MakeSource("Jane Doe", "person", 0.6)})
                  .ok());

  absl::StatusOr<std::vector<SourceRecord>> sources = store->ListSources();

  ASSERT_TRUE(sources.ok()) << sources.status();
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_EQ((*sources)[0].name, "Jane Doe");  // sorted by name
  const SourceRecord& reuters = (*sources)[1];
  EXPECT_EQ(reuters.name, "Reuters");
  EXPECT_EQ(reuters.type, "outlet");
  EXPECT_DOUBLE_EQ(reuters.prior, 0.8);
  EXPECT_DOUBLE_EQ(reuters.reliability, 0.8);
  EXPECT_EQ(reuters.confirmed, 0);
  EXPECT_EQ(reuters.contradicted, 0);
  EXPECT_THAT(reuters.aliases,
              ElementsAre("Reuters news agency", "Thomson Reuters"));
}

TEST(StoreTest, KnownSourceKeepsItsTypeAndPrior) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("keep.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, run, MakeResult("a.txt", 0, 0),
                   {MakeSource("Reuters", "outlet", 0.8)})
                  .ok());

  ASSERT_TRUE(Save(*store, run, MakeResult("b.txt", 0, 0),
                   {MakeSource("REUTERS", "unknown", 0.3, {"Reuters UK"})})
                  .ok());

  absl::StatusOr<std::vector<SourceRecord>> sources = store->ListSources();
  ASSERT_TRUE(sources.ok()) << sources.status();
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].name, "Reuters");
  EXPECT_EQ((*sources)[0].type, "outlet");
  EXPECT_DOUBLE_EQ((*sources)[0].prior, 0.8);
  EXPECT_THAT((*sources)[0].aliases, ElementsAre("Reuters UK"));
}

TEST(StoreTest, SourceClaimCountFollowsTheLatestClaimsByNameOrAlias) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("count.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  const std::vector<SourceRecord> known = {
      MakeSource("Reuters", "outlet", 0.8, {"Reuters news agency"})};
  DocumentResult a = MakeResult("a.txt", 0, 0);
  a.claims = {MakeClaim(1, Sourcing::kAttributed, "reuters"),
              MakeClaim(2, Sourcing::kCited, "REUTERS NEWS AGENCY")};
  DocumentResult b = MakeResult("b.txt", 0, 0);
  b.claims = {MakeClaim(1, Sourcing::kAttributed, "Reuters")};
  ASSERT_TRUE(Save(*store, run, a, known).ok());
  ASSERT_TRUE(Save(*store, run, b, known).ok());
  EXPECT_EQ(store->ListSources().value()[0].claims, 3);

  // a.txt no longer cites Reuters; it passes no source records at all.
  a.claims = {MakeClaim(1, Sourcing::kUnattributed, "")};
  ASSERT_TRUE(Save(*store, run, a).ok());

  EXPECT_EQ(store->ListSources().value()[0].claims, 1);
}

TEST(StoreTest, AClaimWhoseWordsNameNoOneLinksToNoSource) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("pointer.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  // An older run stored "company" as a source of its own.
  const std::vector<SourceRecord> known = {
      MakeSource("company", "described", 0.7)};
  DocumentResult result = MakeResult("a.txt", 0, 0);
  result.claims = {MakeClaim(1, Sourcing::kAttributed, "company")};
  result.claims[0].source_named = false;
  ASSERT_TRUE(Save(*store, run, result, known).ok());

  EXPECT_EQ(store->ListSources().value()[0].claims, 0);
  EXPECT_EQ(QueryInt(store->handle(),
                     "SELECT count(*) FROM claims WHERE source = 'company' "
                     "AND source_id IS NULL"),
            1);
}

TEST(StoreTest, SourceListsTheDocumentsCitingIt) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("citing.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  const std::vector<SourceRecord> known = {MakeSource("Reuters", "outlet", 0.8),
                                           MakeSource("AFP", "outlet", 0.8)};
  for (const char* path : {"z.txt", "a.txt"}) {
    DocumentResult result = MakeResult(path, 0, 0);
    result.claims = {MakeClaim(1, Sourcing::kAttributed, "Reuters"),
                     MakeClaim(2, Sourcing::kAttributed, "Reuters")};
    ASSERT_TRUE(Save(*store, run, result, known).ok());
  }

  absl::StatusOr<std::vector<SourceRecord>> sources = store->ListSources();

  ASSERT_TRUE(sources.ok()) << sources.status();
  const SourceRecord* reuters = FindSource(*sources, "Reuters");
  const SourceRecord* afp = FindSource(*sources, "AFP");
  ASSERT_NE(reuters, nullptr);
  ASSERT_NE(afp, nullptr);
  EXPECT_THAT(reuters->documents, ElementsAre("a.txt", "z.txt"));
  EXPECT_TRUE(afp->documents.empty());
}

TEST(StoreTest, UpdateSourceEvidenceChangesCountsAndReliability) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("evidence.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, run, MakeResult("a.txt", 0, 0),
                   {MakeSource("Reuters", "outlet", 0.8, {"Reuters UK"})})
                  .ok());

  ASSERT_TRUE(store->UpdateSourceEvidence("Reuters", 2, 1, 0.7).ok());
  ASSERT_TRUE(store->UpdateSourceEvidence("reuters uk", 1, 0, 0.75).ok());

  const SourceRecord reuters = store->ListSources().value()[0];
  EXPECT_EQ(reuters.confirmed, 3);
  EXPECT_EQ(reuters.contradicted, 1);
  EXPECT_DOUBLE_EQ(reuters.reliability, 0.75);
  EXPECT_DOUBLE_EQ(reuters.prior, 0.8);
}

TEST(StoreTest, UpdateSourceEvidenceOfAnUnknownSourceIsNotFound) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("nosource.db"));
  ASSERT_NE(store, nullptr);

  absl::Status status = store->UpdateSourceEvidence("Nobody", 1, 0, 0.5);

  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
}

TEST(StoreTest, ForeignKeysAreOnSoDeletingADocumentCascades) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("cascade.db"));
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  ASSERT_TRUE(Save(*store, run, MakeResult("a.txt", 3, 2)).ok());
  ASSERT_TRUE(Save(*store, run, MakeResult("b.txt", 1, 1)).ok());
  sqlite3* db = store->handle();
  ASSERT_EQ(QueryInt(db, "PRAGMA foreign_keys"), 1);

  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM documents WHERE path = 'a.txt'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);

  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM findings"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM claims"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM scores"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM run_documents"), 1);
  // And a row pointing nowhere is refused.
  EXPECT_NE(sqlite3_exec(db, "INSERT INTO run_documents VALUES (999, 999, 0)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
}

TEST(StoreTest, WriteLockedByAnotherProcessFailsAfterTheBusyTimeout) {
  const std::string path = TempDatabase("locked.db");
  std::unique_ptr<Store> store = OpenOrDie(path, {.busy_timeout_ms = 100});
  ASSERT_NE(store, nullptr);
  const int64_t run = BeginRunOrDie(*store);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);

  const auto start = std::chrono::steady_clock::now();
  absl::Status status = Save(*store, run, MakeResult("a.txt", 1, 1));
  const auto waited = std::chrono::steady_clock::now() - start;
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);

  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(status.message(), HasSubstr("locked"));
  EXPECT_EQ(status.message(),
            path +
                ": error: database is locked by another process (waited 100 "
                "ms)");
  EXPECT_GE(waited, std::chrono::milliseconds(90));
  EXPECT_FALSE(store->FindDocument("a.txt").value().has_value());
}

TEST(StoreTest, EmptyVersion0DatabaseIsMigrated) {
  const std::string path = TempDatabase("v0.db");
  // A valid SQLite file with no tables and user_version 0.
  RawExec(path, "CREATE TABLE scratch (x); DROP TABLE scratch;");
  ASSERT_GT(std::filesystem::file_size(path), 0u);

  std::unique_ptr<Store> store = OpenOrDie(path);

  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryInt(store->handle(), "PRAGMA user_version"),
            kStoreSchemaVersion);
  const int64_t run = BeginRunOrDie(*store);
  EXPECT_TRUE(Save(*store, run, MakeResult("a.txt", 1, 1)).ok());
}

TEST(StoreTest, Version1DatabaseIsUpgradedKeepingItsData) {
  const std::string path = TempDatabase("v1.db");
  // Exactly what a provcheck of schema 1 wrote, with one document in it.
  RawExec(path, std::string(kSchemaV1) +
                    "INSERT INTO runs (started, tool_version, rules_digest, "
                    "arguments) VALUES ('2026-01-01T00:00:00Z', '0.1.0', 'd', "
                    "'');"
                    "INSERT INTO documents (path, sha256, bytes, rules_digest, "
                    "last_run) VALUES ('old.txt', 'x', 1, 'd', 1);"
                    "PRAGMA user_version = 1;");
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryInt(store->handle(), "PRAGMA user_version"), 2);
  EXPECT_EQ(QueryInt(store->handle(), "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(QueryInt(store->handle(), "SELECT count(*) FROM claim_keys"), 0);
}

TEST(StoreTest, KeyedClaimsRoundTripAndSkipTheExcludedPaths) {
  std::unique_ptr<Store> store = OpenOrDie(TempDatabase("keys.db"));
  const int64_t run = BeginRunOrDie(*store);
  KeyedClaim key;
  key.type = KeyedClaim::Type::kEventDate;
  key.event = "offensive";
  key.entities = {"azerbaijan", "nagorno-karabakh"};
  key.date = DateInterval{19619, 19620, DatePrecision::kDay};
  key.path = "a.txt";
  key.start = Position{3, 4};
  key.stop = Position{3, 18};
  key.text = "September 2022";
  key.sentence = "In September 2022, …";
  ASSERT_TRUE(store
                  ->SaveDocument(run, "digest", MakeResult("a.txt", 1, 1), {},
                                 {}, {key})
                  .ok());
  ASSERT_TRUE(store
                  ->SaveDocument(run, "digest", MakeResult("b.txt", 1, 1), {},
                                 {}, {key})
                  .ok());
  auto loaded = store->LoadKeyedClaims({"b.txt"});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_EQ(loaded->size(), 1u);
  const KeyedClaim& back = (*loaded)[0];
  EXPECT_EQ(back.path, "a.txt");
  EXPECT_EQ(back.entities, key.entities);
  EXPECT_EQ(back.date.first, 19619);
  EXPECT_EQ(back.date.last, 19620);
  EXPECT_EQ(back.start, key.start);
  EXPECT_EQ(back.text, key.text);
}

TEST(StoreTest, FailedMigrationLeavesTheOldSchema) {
  const std::string path = TempDatabase("clash.db");
  // A table the v1 step creates already exists, so the step fails part-way.
  RawExec(path, "CREATE TABLE findings (x);");

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {});

  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(),
              HasSubstr("cannot migrate the database from schema version 0 "
                        "to 1"));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(QueryInt(db, "PRAGMA user_version"), 0);
  EXPECT_EQ(QueryText(db, "SELECT group_concat(name) FROM sqlite_master"),
            "findings");
  sqlite3_close(db);
}

// The crash test's corpus: document i has a known number of findings and
// claims, so a reader can tell a whole document from a half-written one.
constexpr int kCrashDocuments = 2000;
int CrashFindings(int i) { return 1 + i % 4; }
int CrashClaims(int i) { return 1 + i % 3; }
std::string CrashPath(int i) { return "news/" + std::to_string(i) + ".txt"; }

absl::Status WriteCrashCorpus(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(path, {});
  if (!store.ok()) return store.status();
  absl::StatusOr<int64_t> run = (*store)->BeginRun({"test", "d", "crash"});
  if (!run.ok()) return run.status();
  for (int i = 0; i < kCrashDocuments; ++i) {
    DocumentResult result =
        MakeResult(CrashPath(i), CrashFindings(i), CrashClaims(i));
    result.claims[0] = MakeClaim(1, Sourcing::kAttributed, "Reuters");
    absl::Status status =
        (*store)->SaveDocument(*run, "d", result, DocumentMetadata(),
                               {MakeSource("Reuters", "outlet", 0.8)});
    if (!status.ok()) return status;
  }
  return (*store)->FinishRun(*run, {.analysed = kCrashDocuments});
}

// Checks that every stored document is whole; returns how many there are.
int ExpectOnlyWholeDocuments(const std::string& path) {
  std::unique_ptr<Store> store = OpenOrDie(path);
  if (store == nullptr) return -1;
  sqlite3* db = store->handle();
  EXPECT_EQ(QueryText(db, "PRAGMA integrity_check"), "ok");
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(
      sqlite3_prepare_v2(
          db,
          "SELECT d.path, "
          "(SELECT count(*) FROM findings f WHERE f.document_id = d.id), "
          "(SELECT count(*) FROM claims c WHERE c.document_id = d.id), "
          "(SELECT count(*) FROM scores s WHERE s.document_id = d.id), "
          "(SELECT count(*) FROM run_documents r WHERE r.document_id = d.id) "
          "FROM documents d",
          -1, &stmt, nullptr),
      SQLITE_OK);
  int documents = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    ++documents;
    const std::string document =
        reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    SCOPED_TRACE(document);
    const int i = std::stoi(document.substr(5));
    EXPECT_EQ(sqlite3_column_int(stmt, 1), CrashFindings(i));
    EXPECT_EQ(sqlite3_column_int(stmt, 2), CrashClaims(i));
    EXPECT_GE(sqlite3_column_int(stmt, 3), 1);
    EXPECT_GE(sqlite3_column_int(stmt, 4), 1);
  }
  sqlite3_finalize(stmt);
  // The source's count agrees with the claims that survived.
  EXPECT_EQ(QueryInt(db, "SELECT ifnull(max(claims), 0) FROM sources"),
            QueryInt(db,
                     "SELECT count(*) FROM claims "
                     "WHERE source_id IS NOT NULL"));
  return documents;
}

TEST(StoreTest, KillNineLeavesOnlyWholeDocuments) {
  const std::string path = TempDatabase("crash.db");
  const unsigned seed = std::random_device()();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random(seed);
  const int delay_ms = std::uniform_int_distribution<int>(50, 300)(random);

  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    // _exit: the child must not run the parent's test machinery.
    _exit(WriteCrashCorpus(path).ok() ? 0 : 1);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  kill(child, SIGKILL);
  int wait_status = 0;
  ASSERT_EQ(waitpid(child, &wait_status, 0), child);
  if (WIFEXITED(wait_status)) {
    // The child finished before the kill: nothing is tested but the result.
    EXPECT_EQ(WEXITSTATUS(wait_status), 0);
  }

  const int committed = ExpectOnlyWholeDocuments(path);
  std::cout << "[          ] killed after " << delay_ms << " ms ("
            << (WIFSIGNALED(wait_status) ? "mid-run" : "already finished")
            << "): " << committed << " documents committed\n";
  EXPECT_GE(committed, 0);
  EXPECT_LE(committed, kCrashDocuments);

  const absl::Status rerun = WriteCrashCorpus(path);
  ASSERT_TRUE(rerun.ok()) << rerun;
  EXPECT_EQ(ExpectOnlyWholeDocuments(path), kCrashDocuments);
}

}  // namespace
}  // namespace provcheck
