// store: one SQLite file holds runs, documents, claims, sources, findings
// and scores (docs/schema.md). Every document is written in one transaction,
// so a killed audit leaves a consistent database that holds each document
// committed before the kill.
#ifndef PROVCHECK_STORE_H_
#define PROVCHECK_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "provcheck/cross_check.h"
#include "provcheck/engine.h"

struct sqlite3;

namespace provcheck {

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kStoreSchemaVersion = 2;

struct StoreOptions {
  // How long a write waits for another process's lock before failing.
  int busy_timeout_ms = 5000;
};

struct RunInfo {
  std::string tool_version;
  std::string rules_digest;
  std::string arguments;  // the command line, for the record
};

struct RunTotals {
  int analysed = 0;
  int reused = 0;  // unchanged documents whose stored results stand
  int failed = 0;  // inputs that could not be read
};

// What a document was when it was last analysed.
struct StoredDocument {
  int64_t id = 0;
  std::string path;
  std::string sha256;
  std::string rules_digest;
  int64_t last_run = 0;
  double score = 0;
};

// A source as the store keeps it. Reliability follows a Beta prior (see
// SourceReliability in provcheck/sources.h); counts are evidence across runs.
struct SourceRecord {
  int64_t id = 0;
  std::string name;  // canonical
  std::string type;  // one of kSourceTypes (sources.h)
  std::vector<std::string> aliases;
  double prior = 0.5;
  int claims = 0;        // claims attributed to it, all documents, latest run
  int confirmed = 0;     // claims later confirmed (ledger, other documents)
  int contradicted = 0;  // claims later contradicted
  double reliability = 0.5;
  std::vector<std::string> documents;  // paths of documents citing it
};

// One row of `provcheck history`.
struct ScoreHistoryEntry {
  int64_t run_id = 0;
  std::string started;  // ISO 8601 UTC
  std::string path;
  double total = 0;
};

// Everything `explain` needs about one document, read back from the store.
struct StoredExplanation {
  StoredDocument document;
  DocumentMetadata metadata;
  Score score;
  DocumentStats stats;
  std::vector<Claim> claims;
  std::vector<Finding> findings;
};

class Store {
 public:
  // Opens (creating if absent) and migrates to kStoreSchemaVersion inside a
  // transaction. Refuses, without writing a byte: a file that is not an
  // SQLite database, a corrupt one, and one written by a newer provcheck.
  // Sets WAL, foreign keys on, busy_timeout.
  static absl::StatusOr<std::unique_ptr<Store>> Open(
      const std::string& path, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  absl::StatusOr<int64_t> BeginRun(const RunInfo& info);
  absl::Status FinishRun(int64_t run_id, const RunTotals& totals);

  // The stored state of a path, if it was ever analysed.
  absl::StatusOr<std::optional<StoredDocument>> FindDocument(
      const std::string& path);

  // Replaces everything stored for `result.path` (findings, claims, score)
  // with this run's, atomically, and upserts the sources its claims cite
  // (`sources`: canonical name -> record with type and prior).
  absl::Status SaveDocument(int64_t run_id, const std::string& rules_digest,
                            const DocumentResult& result,
                            const DocumentMetadata& metadata,
                            const std::vector<SourceRecord>& sources);
  // The same, also replacing the document's keyed claims (what later
  // cross-checks compare against) in the same transaction. Contradiction
  // findings with `related` sides are recorded in `contradictions`.
  absl::Status SaveDocument(int64_t run_id, const std::string& rules_digest,
                            const DocumentResult& result,
                            const DocumentMetadata& metadata,
                            const std::vector<SourceRecord>& sources,
                            const std::vector<KeyedClaim>& keyed_claims);

  // Keyed claims stored for every document whose path is not in `excluding`
  // (the documents of the current run, whose claims are fresh).
  absl::StatusOr<std::vector<KeyedClaim>> LoadKeyedClaims(
      const absl::flat_hash_set<std::string>& excluding);

  // Records that an unchanged document's stored results stand for this run.
  absl::Status MarkReused(int64_t run_id, int64_t document_id);

  absl::StatusOr<std::vector<SourceRecord>> ListSources();
  // Updates evidence counts and reliability of one source (by name).
  absl::Status UpdateSourceEvidence(const std::string& name,
                                    int confirmed_delta, int contradicted_delta,
                                    double reliability);

  absl::StatusOr<std::optional<StoredExplanation>> Explain(
      const std::string& path);
  // Scores over runs; every document when `path` is empty.
  absl::StatusOr<std::vector<ScoreHistoryEntry>> History(
      const std::string& path);

  sqlite3* handle() { return db_; }

 private:
  explicit Store(sqlite3* db);
  struct Statements;
  static absl::Status InsertKeyedClaim(Statements& s, int64_t document_id,
                                       const KeyedClaim& key,
                                       const std::string& what);
  sqlite3* db_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace provcheck

#endif  // PROVCHECK_STORE_H_
