#include "provcheck/store.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "provcheck/engine.h"
#include "provcheck/rule.h"
#include "store/rows.h"
#include "store/schema.h"

namespace provcheck {
namespace {

// What every SQLite database file starts with (sqlite.org/fileformat.html).
constexpr std::string_view kSqliteHeader("SQLite format 3\0", 16);

struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DatabasePtr = std::unique_ptr<sqlite3, DatabaseCloser>;

std::string Prefix(const std::string& path) {
  return absl::StrCat(path, ": error: ");
}

// Turns an SQLite result code into the message a user sees. A busy database
// gets its own wording because it is the one failure the user can fix by
// waiting for the other process.
absl::Status SqliteError(const std::string& path, sqlite3* db,
                         int busy_timeout_ms, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return absl::UnavailableError(absl::StrCat(
        Prefix(path), "database is locked by another process (waited ",
        busy_timeout_ms, " ms)"));
  }
  const char* detail =
      db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(primary);
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    return absl::DataLossError(
        absl::StrCat(Prefix(path), std::string(what), ": ", detail));
  }
  return absl::InternalError(
      absl::StrCat(Prefix(path), std::string(what), ": ", detail));
}

// One use of a cached statement. Resets it on scope exit, so that a
// statement never keeps a read transaction open between calls.
class Query {
 public:
  explicit Query(const StatementPtr& stmt) : stmt_(stmt.get()) {}
  ~Query() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& BindInt(int index, int64_t value) {
    Record(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Query& BindReal(int index, double value) {
    Record(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }
  Query& BindNull(int index) {
    Record(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  // SQLITE_TRANSIENT: callers pass temporaries that die before Step().
  Query& BindText(int index, std::string_view value) {
    Record(sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                               SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
  }
  // Empty optional text is stored as NULL (see schema.h).
  Query& BindOptionalText(int index, std::string_view value) {
    return value.empty() ? BindNull(index) : BindText(index, value);
  }

  // SQLITE_ROW, SQLITE_DONE, or the error (a failed bind included).
  int Step() {
    if (bind_rc_ != SQLITE_OK) return bind_rc_;
    return sqlite3_step(stmt_);
  }
  // Steps to the end, ignoring rows; SQLITE_DONE on success.
  int Run() {
    int rc;
    while ((rc = Step()) == SQLITE_ROW) {
    }
    return rc;
  }

  int64_t Int(int column) const { return store::ColumnInt(stmt_, column); }
  int IntAsInt(int column) const {
    return store::ColumnIntAsInt(stmt_, column);
  }
  double Real(int column) const { return store::ColumnReal(stmt_, column); }
  bool IsNull(int column) const { return store::ColumnIsNull(stmt_, column); }
  std::string Text(int column) const {
    return store::ColumnText(stmt_, column);
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  void Record(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

// Reads the first column of every row of `sql`, for pragmas.
int ReadColumn(sqlite3* db, const char* sql, std::vector<std::string>* rows) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) return rc;
  Query query(stmt);
  while ((rc = query.Step()) == SQLITE_ROW) rows->push_back(query.Text(0));
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int ReadUserVersion(sqlite3* db, int* version) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &raw, nullptr);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) return rc;
  Query query(stmt);
  rc = query.Step();
  if (rc != SQLITE_ROW) return rc;
  *version = query.IntAsInt(0);
  return SQLITE_OK;
}

absl::Status NewerSchemaError(const std::string& path, int version) {
  return absl::FailedPreconditionError(
      absl::StrCat(Prefix(path), "database schema version ", version,
                   " is newer than this provcheck supports (",
                   kStoreSchemaVersion, "); upgrade provcheck"));
}

// Looks at the file before SQLite does, so that a file that is not a
// database (a mistyped --db pointing at an article, say) is refused with a
// plain message and without SQLite ever opening it for writing.
absl::Status CheckHeader(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error || size == 0) return absl::OkStatus();  // new, or SQLite reports
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::OkStatus();  // unreadable: SQLite says why
  std::string header(kSqliteHeader.size(), '\0');
  file.read(header.data(), static_cast<std::streamsize>(header.size()));
  if (file.gcount() != static_cast<std::streamsize>(header.size()) ||
      header != kSqliteHeader) {
    return absl::InvalidArgumentError(
        absl::StrCat(Prefix(path), "not an SQLite database"));
  }
  return absl::OkStatus();
}

absl::Status CorruptError(const std::string& path, const std::string& problem) {
  return absl::DataLossError(absl::StrCat(
      Prefix(path), "database is corrupt (", problem,
      "); it was left untouched: restore it from a backup or move it aside"));
}

// Refuses a damaged file before anything is written to it.
absl::Status QuickCheck(const std::string& path, sqlite3* db,
                        int busy_timeout_ms) {
  std::vector<std::string> rows;
  const int rc = ReadColumn(db, "PRAGMA quick_check", &rows);
  const int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return SqliteError(path, db, busy_timeout_ms, rc, "");
  }
  if (rc != SQLITE_OK) return CorruptError(path, sqlite3_errmsg(db));
  if (rows.size() != 1 || rows[0] != "ok") {
    return CorruptError(path, rows.empty() ? "no result" : rows[0]);
  }
  return absl::OkStatus();
}

// Brings the schema from the file's user_version to kStoreSchemaVersion in
// one transaction, so an interrupted upgrade leaves the old schema intact.
absl::Status Migrate(const std::string& path, sqlite3* db,
                     int busy_timeout_ms) {
  auto fail = [&](int rc, std::string_view what) {
    const absl::Status status =
        SqliteError(path, db, busy_timeout_ms, rc, what);
    if (!sqlite3_get_autocommit(db)) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    return status;
  };
  int version = 0;
  int rc = ReadUserVersion(db, &version);
  if (rc != SQLITE_OK) return fail(rc, "cannot read the schema version");
  if (version == kStoreSchemaVersion) return absl::OkStatus();

  rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return fail(rc, "cannot start the schema migration");
  // Another process may have migrated while this one waited for the lock.
  rc = ReadUserVersion(db, &version);
  if (rc != SQLITE_OK) return fail(rc, "cannot read the schema version");
  if (version > kStoreSchemaVersion) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return NewerSchemaError(path, version);
  }
  for (const StoreMigration& migration : kStoreMigrations) {
    if (migration.version <= version) continue;
    const std::string what =
        absl::StrCat("cannot migrate the database from schema version ",
                     version, " to ", migration.version);
    rc = sqlite3_exec(db, std::string(migration.sql).c_str(), nullptr, nullptr,
                      nullptr);
    if (rc != SQLITE_OK) return fail(rc, what);
    // Pragmas take no parameters; the version is our own constant.
    const std::string set_version =
        absl::StrCat("PRAGMA user_version = ", migration.version);
    rc = sqlite3_exec(db, set_version.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return fail(rc, what);
  }
  rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return fail(rc, "cannot commit the schema migration");
  return absl::OkStatus();
}

// Mean reliability of the sources the claims name; nullopt when none does.
std::optional<double> MeanReliability(const std::vector<Claim>& claims) {
  double sum = 0;
  int count = 0;
  for (const Claim& claim : claims) {
    if (claim.source.empty()) continue;
    sum += claim.reliability;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return sum / count;
}

}  // namespace

// Every statement the store runs, prepared once when the store opens, plus
// what error messages need to name the file. Not thread-safe, like the Store.
struct Store::Statements {
  std::string path;
  int busy_timeout_ms = 0;
  sqlite3* db = nullptr;

  StatementPtr begin_immediate;
  StatementPtr begin_deferred;
  StatementPtr commit;
  StatementPtr rollback;

  StatementPtr insert_run;
  StatementPtr finish_run;
  StatementPtr find_document;
  StatementPtr upsert_document;
  StatementPtr document_source_ids;
  StatementPtr delete_findings;
  StatementPtr delete_claims;
  StatementPtr insert_source;
  StatementPtr source_by_name;
  StatementPtr insert_alias;
  StatementPtr resolve_source;
  StatementPtr insert_finding;
  StatementPtr insert_claim;
  StatementPtr count_source_claims;
  StatementPtr insert_score;
  StatementPtr insert_run_document;
  StatementPtr copy_score;
  StatementPtr update_evidence;
  StatementPtr list_sources;
  StatementPtr list_aliases;
  StatementPtr list_source_documents;
  StatementPtr explain_document;
  StatementPtr latest_score;
  StatementPtr explain_claims;
  StatementPtr explain_findings;
  StatementPtr history;
  StatementPtr delete_claim_keys;
  StatementPtr insert_claim_key;
  StatementPtr delete_contradictions;
  StatementPtr insert_contradiction;
  StatementPtr load_claim_keys;

  absl::Status Prepare();

  absl::Status Error(int rc, std::string_view what) const {
    return SqliteError(path, db, busy_timeout_ms, rc, what);
  }

  // Runs a statement that returns nothing to completion.
  absl::Status Done(Query& query, std::string_view what) const {
    const int rc = query.Run();
    if (rc != SQLITE_DONE) return Error(rc, what);
    return absl::OkStatus();
  }

  // The first column of the first row, if there is a row.
  absl::StatusOr<std::optional<int64_t>> OptionalInt(
      Query& query, std::string_view what) const {
    const int rc = query.Step();
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) return Error(rc, what);
    std::optional<int64_t> value;
    if (!query.IsNull(0)) value = query.Int(0);
    return value;
  }

  // Runs `body` inside BEGIN [IMMEDIATE] ... COMMIT and rolls back if either
  // fails. Writers take the write lock up front (IMMEDIATE) so they wait
  // busy_timeout for it instead of failing half-way on a lock upgrade.
  template <typename Body>
  absl::Status InTransaction(bool write, std::string_view what, Body body) {
    Query begin(write ? begin_immediate : begin_deferred);
    absl::Status status = Done(begin, what);
    if (!status.ok()) return status;
    status = body();
    if (status.ok()) {
      Query end(commit);
      status = Done(end, what);
    }
    // A failed statement may already have ended the transaction.
    if (!status.ok() && !sqlite3_get_autocommit(db)) {
      Query undo(rollback);
      undo.Run();
    }
    return status;
  }
};

absl::Status Store::Statements::Prepare() {
  const std::pair<StatementPtr Statements::*, std::string> kSql[] = {
      {&Statements::begin_immediate, "BEGIN IMMEDIATE"},
      {&Statements::begin_deferred, "BEGIN"},
      {&Statements::commit, "COMMIT"},
      {&Statements::rollback, "ROLLBACK"},
      // SQLite stamps the times, so every run uses one clock and format.
      {&Statements::insert_run,
       "INSERT INTO runs (started, tool_version, rules_digest, arguments) "
       "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3) "
       "RETURNING id"},
      {&Statements::finish_run,
       "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
       "analysed = ?2, reused = ?3, failed = ?4 WHERE id = ?1"},
      {&Statements::find_document,
       "SELECT d.id, d.path, d.sha256, d.rules_digest, d.last_run, "
       "(SELECT s.total FROM scores s WHERE s.document_id = d.id "
       "ORDER BY s.run_id DESC LIMIT 1) "
       "FROM documents d WHERE d.path = ?1"},
      {&Statements::upsert_document,
       "INSERT INTO documents (path, sha256, bytes, title, publisher, url, "
       "published, rules_digest, last_run) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
       "ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, "
       "bytes = excluded.bytes, title = excluded.title, "
       "publisher = excluded.publisher, url = excluded.url, "
       "published = excluded.published, "
       "rules_digest = excluded.rules_digest, "
       "last_run = excluded.last_run "
       "RETURNING id"},
      {&Statements::document_source_ids,
       "SELECT DISTINCT source_id FROM claims "
       "WHERE document_id = ?1 AND source_id IS NOT NULL"},
      {&Statements::delete_findings,
       "DELETE FROM findings WHERE document_id = ?1"},
      {&Statements::delete_claims, "DELETE FROM claims WHERE document_id = ?1"},
      // A source's type and prior are set when it is first seen; later
      // documents do not overwrite what the user may have curated.
      {&Statements::insert_source,
       "INSERT INTO sources (name, type, prior, reliability) "
       "VALUES (?1, ?2, ?3, ?3) ON CONFLICT (name) DO NOTHING"},
      {&Statements::source_by_name, "SELECT id FROM sources WHERE name = ?1"},
      {&Statements::insert_alias,
       "INSERT INTO source_aliases (source_id, alias) VALUES (?1, ?2) "
       "ON CONFLICT (alias) DO NOTHING"},
      // A canonical name wins over another source's alias.
      {&Statements::resolve_source,
       "SELECT id, 0 AS rank FROM sources WHERE name = ?1 "
       "UNION ALL "
       "SELECT source_id, 1 FROM source_aliases WHERE alias = ?1 "
       "ORDER BY rank LIMIT 1"},
      {&Statements::insert_finding,
       "INSERT INTO findings (document_id, run_id, rule, kind, severity, "
       "line, column, end_line, end_column, begin_offset, end_offset, "
       "message, text, source, role) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
       "?14, ?15)"},
      {&Statements::insert_claim,
       "INSERT INTO claims (document_id, run_id, line, column, end_line, "
       "end_column, begin_offset, end_offset, text, sourcing, source, "
       "source_type, source_id, cue, rule, reliability, credit) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
       "?14, ?15, ?16, ?17)"},
      {&Statements::count_source_claims,
       "UPDATE sources SET claims = "
       "(SELECT count(*) FROM claims WHERE source_id = ?1) WHERE id = ?1"},
      {&Statements::insert_score,
       "INSERT OR REPLACE INTO scores (document_id, run_id, total, "
       "provenance, mean_reliability, vague_penalty, boilerplate_penalty, "
       "contradiction_penalty, lines, sentences, boilerplate_lines, "
       "claims, attributed_claims, cited_claims, vague_claims, "
       "unattributed_claims, vague_attributions, contradictions) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
       "?14, ?15, ?16, ?17, ?18)"},
      // Analysed (reused = 0) wins when a run both reuses and analyses.
      {&Statements::insert_run_document,
       "INSERT INTO run_documents (run_id, document_id, reused) "
       "VALUES (?1, ?2, ?3) ON CONFLICT (run_id, document_id) "
       "DO UPDATE SET reused = min(reused, excluded.reused)"},
      // A reused document's score stands for the new run too, so that
      // every run's scores are complete rows of `scores`.
      {&Statements::copy_score,
       "INSERT OR IGNORE INTO scores (document_id, run_id, total, "
       "provenance, mean_reliability, vague_penalty, boilerplate_penalty, "
       "contradiction_penalty, lines, sentences, boilerplate_lines, "
       "claims, attributed_claims, cited_claims, vague_claims, "
       "unattributed_claims, vague_attributions, contradictions) "
       "SELECT document_id, ?1, total, provenance, mean_reliability, "
       "vague_penalty, boilerplate_penalty, contradiction_penalty, lines, "
       "sentences, boilerplate_lines, claims, attributed_claims, "
       "cited_claims, vague_claims, unattributed_claims, "
       "vague_attributions, contradictions FROM scores "
       "WHERE document_id = ?2 AND run_id < ?1 "
       "ORDER BY run_id DESC LIMIT 1"},
      {&Statements::update_evidence,
       "UPDATE sources SET confirmed = confirmed + ?2, "
       "contradicted = contradicted + ?3, reliability = ?4 WHERE id = ?1"},
      {&Statements::list_sources,
       "SELECT id, name, type, prior, claims, confirmed, contradicted, "
       "reliability FROM sources ORDER BY name, id"},
      {&Statements::list_aliases,
       "SELECT source_id, alias FROM source_aliases ORDER BY alias"},
      {&Statements::list_source_documents,
       "SELECT DISTINCT c.source_id, d.path FROM claims c "
       "JOIN documents d ON d.id = c.document_id "
       "WHERE c.source_id IS NOT NULL ORDER BY d.path"},
      {&Statements::explain_document,
       "SELECT id, path, sha256, rules_digest, last_run, title, "
       "publisher, url, published FROM documents WHERE path = ?1"},
      {&Statements::latest_score,
       "SELECT total, provenance, vague_penalty, boilerplate_penalty, "
       "contradiction_penalty, lines, sentences, boilerplate_lines, "
       "claims, attributed_claims, cited_claims, vague_claims, "
       "unattributed_claims, vague_attributions, contradictions "
       "FROM scores WHERE document_id = ?1 "
       "ORDER BY run_id DESC LIMIT 1"},
      {&Statements::explain_claims,
       absl::StrCat("SELECT ", store::kClaimColumns,
                    " FROM claims WHERE document_id = ?1 ORDER BY id")},
      {&Statements::explain_findings,
       absl::StrCat("SELECT ", store::kFindingColumns,
                    " FROM findings WHERE document_id = ?1 ORDER BY id")},
      {&Statements::history,
       "SELECT s.run_id, r.started, d.path, s.total FROM scores s "
       "JOIN runs r ON r.id = s.run_id "
       "JOIN documents d ON d.id = s.document_id "
       "WHERE ?1 = '' OR d.path = ?1 ORDER BY s.run_id, d.path"},
      {&Statements::delete_claim_keys,
       "DELETE FROM claim_keys WHERE document_id = ?1"},
      {&Statements::insert_claim_key,
       "INSERT INTO claim_keys (document_id, type, event, entities, "
       "date_first, date_last, date_precision, quantity_value, quantity_low, "
       "quantity_high, quantity_unit, when_first, when_last, person, line, "
       "column, end_line, end_column, begin_offset, end_offset, text, "
       "sentence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
       "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)"},
      {&Statements::delete_contradictions,
       "DELETE FROM contradictions WHERE document_id = ?1"},
      {&Statements::insert_contradiction,
       "INSERT INTO contradictions (document_id, run_id, rule, line, column, "
       "text, message, related_path, related_line, related_text) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      {&Statements::load_claim_keys,
       "SELECT d.path, k.type, k.event, k.entities, k.date_first, "
       "k.date_last, k.date_precision, k.quantity_value, k.quantity_low, "
       "k.quantity_high, k.quantity_unit, k.when_first, k.when_last, "
       "k.person, k.line, k.column, k.end_line, k.end_column, "
       "k.begin_offset, k.end_offset, k.text, k.sentence "
       "FROM claim_keys k JOIN documents d ON d.id = k.document_id "
       "ORDER BY d.path, k.id"},
  };
  for (const auto& [member, sql] : kSql) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.c_str(), -1,
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    (this->*member).reset(raw);
    if (rc != SQLITE_OK) {
      return Error(rc, absl::StrCat("cannot prepare \"", sql, "\""));
    }
  }
  return absl::OkStatus();
}

Store::Store(sqlite3* db) : db_(db) {}

Store::~Store() {
  // Statements must be finalized before the connection closes.
  statements_.reset();
  sqlite3_close_v2(db_);
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(
    const std::string& path, const StoreOptions& options) {
  if (absl::Status status = CheckHeader(path); !status.ok()) return status;

  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DatabasePtr db(raw);  // open allocates a handle even when it fails
  if (rc != SQLITE_OK) {
    return SqliteError(path, db.get(), options.busy_timeout_ms, rc,
                       "cannot open the database");
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);

  // Everything up to the journal mode only reads, so a refused file keeps
  // every byte it had.
  int version = 0;
  rc = ReadUserVersion(db.get(), &version);
  if ((rc & 0xff) == SQLITE_BUSY) {
    return SqliteError(path, db.get(), options.busy_timeout_ms, rc, "");
  }
  if (rc != SQLITE_OK) return CorruptError(path, sqlite3_errmsg(db.get()));
  if (version > kStoreSchemaVersion) return NewerSchemaError(path, version);
  if (absl::Status status = QuickCheck(path, db.get(), options.busy_timeout_ms);
      !status.ok()) {
    return status;
  }

  // WAL keeps every committed transaction across a kill -9 and lets readers
  // run beside a writer; NORMAL sync is safe with WAL (only durability of
  // the last commits across a power cut is traded, never consistency).
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON",
        "PRAGMA synchronous = NORMAL"}) {
    std::vector<std::string> ignored;
    rc = ReadColumn(db.get(), pragma, &ignored);
    if (rc != SQLITE_OK) {
      return SqliteError(path, db.get(), options.busy_timeout_ms, rc,
                         absl::StrCat("cannot set \"", pragma, "\""));
    }
  }
  if (absl::Status status = Migrate(path, db.get(), options.busy_timeout_ms);
      !status.ok()) {
    return status;
  }

  auto statements = std::make_unique<Statements>();
  statements->path = path;
  statements->busy_timeout_ms = options.busy_timeout_ms;
  statements->db = db.get();
  if (absl::Status status = statements->Prepare(); !status.ok()) {
    return status;
  }
  std::unique_ptr<Store> store(new Store(db.release()));
  store->statements_ = std::move(statements);
  return store;
}

absl::StatusOr<int64_t> Store::BeginRun(const RunInfo& info) {
  Statements& s = *statements_;
  Query query(s.insert_run);
  query.BindText(1, info.tool_version)
      .BindText(2, info.rules_digest)
      .BindText(3, info.arguments);
  absl::StatusOr<std::optional<int64_t>> id =
      s.OptionalInt(query, "cannot record the run");
  if (!id.ok()) return id.status();
  if (!id->has_value()) {
    return absl::InternalError(
        absl::StrCat(Prefix(s.path), "cannot record the run: no id"));
  }
  return **id;
}

absl::Status Store::FinishRun(int64_t run_id, const RunTotals& totals) {
  Statements& s = *statements_;
  Query query(s.finish_run);
  query.BindInt(1, run_id)
      .BindInt(2, totals.analysed)
      .BindInt(3, totals.reused)
      .BindInt(4, totals.failed);
  if (absl::Status status = s.Done(query, "cannot finish the run");
      !status.ok()) {
    return status;
  }
  if (sqlite3_changes(db_) == 0) {
    return absl::NotFoundError(
        absl::StrCat(Prefix(s.path), "no run ", run_id, " to finish"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<StoredDocument>> Store::FindDocument(
    const std::string& path) {
  Statements& s = *statements_;
  Query query(s.find_document);
  query.BindText(1, path);
  const int rc = query.Step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) {
    return s.Error(rc, absl::StrCat("cannot look up ", path));
  }
  StoredDocument document;
  document.id = query.Int(0);
  document.path = query.Text(1);
  document.sha256 = query.Text(2);
  document.rules_digest = query.Text(3);
  document.last_run = query.Int(4);
  document.score = query.Real(5);
  return document;
}

namespace {

constexpr char kEntitySeparator = '\x1f';

std::string_view KeyTypeName(KeyedClaim::Type type) {
  switch (type) {
    case KeyedClaim::Type::kEventDate:
      return "event-date";
    case KeyedClaim::Type::kQuantity:
      return "quantity";
    case KeyedClaim::Type::kPerson:
      return "person";
  }
  return "person";
}

}  // namespace

absl::Status Store::InsertKeyedClaim(Statements& s, int64_t document_id,
                                     const KeyedClaim& key,
                                     const std::string& what) {
  std::string entities;
  for (const std::string& entity : key.entities) {
    if (!entities.empty()) entities.push_back(kEntitySeparator);
    entities += entity;
  }
  Query insert(s.insert_claim_key);
  insert.BindInt(1, document_id)
      .BindText(2, KeyTypeName(key.type))
      .BindOptionalText(3, key.event)
      .BindOptionalText(4, entities)
      .BindOptionalText(14, key.person)
      .BindInt(15, key.start.line)
      .BindInt(16, key.start.column)
      .BindInt(17, key.stop.line)
      .BindInt(18, key.stop.column)
      .BindInt(19, static_cast<int64_t>(key.begin))
      .BindInt(20, static_cast<int64_t>(key.end))
      .BindText(21, key.text)
      .BindText(22, key.sentence);
  for (int index = 5; index <= 13; ++index) insert.BindNull(index);
  if (key.type == KeyedClaim::Type::kEventDate) {
    insert.BindInt(5, key.date.first)
        .BindInt(6, key.date.last)
        .BindInt(7, static_cast<int64_t>(key.date.precision));
  } else if (key.type == KeyedClaim::Type::kQuantity) {
    insert.BindReal(8, key.quantity.value)
        .BindReal(9, key.quantity.low)
        .BindReal(10, key.quantity.high)
        .BindText(11, key.quantity.unit);
    if (key.when)
      insert.BindInt(12, key.when->first).BindInt(13, key.when->last);
  }
  return s.Done(insert, what);
}

absl::StatusOr<std::vector<KeyedClaim>> Store::LoadKeyedClaims(
    const absl::flat_hash_set<std::string>& excluding) {
  Statements& s = *statements_;
  Query query(s.load_claim_keys);
  std::vector<KeyedClaim> keys;
  int rc;
  while ((rc = query.Step()) == SQLITE_ROW) {
    std::string path = query.Text(0);
    if (excluding.contains(path)) continue;
    KeyedClaim& key = keys.emplace_back();
    key.path = std::move(path);
    const std::string type = query.Text(1);
    key.type = type == "event-date" ? KeyedClaim::Type::kEventDate
               : type == "quantity" ? KeyedClaim::Type::kQuantity
                                    : KeyedClaim::Type::kPerson;
    key.event = query.Text(2);
    const std::string entities = query.Text(3);
    for (size_t start = 0; start <= entities.size() && !entities.empty();) {
      size_t end = entities.find(kEntitySeparator, start);
      if (end == std::string::npos) end = entities.size();
      key.entities.push_back(entities.substr(start, end - start));
      start = end + 1;
    }
    if (!query.IsNull(4)) {
      key.date.first = static_cast<int32_t>(query.Int(4));
      key.date.last = static_cast<int32_t>(query.Int(5));
      key.date.precision = static_cast<DatePrecision>(query.Int(6));
    }
    if (!query.IsNull(7)) {
      key.quantity.value = query.Real(7);
      key.quantity.low = query.Real(8);
      key.quantity.high = query.Real(9);
      key.quantity.unit = query.Text(10);
    }
    if (!query.IsNull(11)) {
      key.when = DateInterval{static_cast<int32_t>(query.Int(11)),
                              static_cast<int32_t>(query.Int(12)),
                              DatePrecision::kDay};
    }
    key.person = query.Text(13);
    key.start = Position{static_cast<int>(query.Int(14)),
                         static_cast<int>(query.Int(15))};
    key.stop = Position{static_cast<int>(query.Int(16)),
                        static_cast<int>(query.Int(17))};
    key.begin = static_cast<size_t>(query.Int(18));
    key.end = static_cast<size_t>(query.Int(19));
    key.text = query.Text(20);
    key.sentence = query.Text(21);
  }
  if (rc != SQLITE_DONE) return s.Error(rc, "cannot read stored claims");
  return keys;
}

absl::Status Store::SaveDocument(int64_t run_id,
                                 const std::string& rules_digest,
                                 const DocumentResult& result,
                                 const DocumentMetadata& metadata,
                                 const std::vector<SourceRecord>& sources) {
  return SaveDocument(run_id, rules_digest, result, metadata, sources, {});
}

absl::Status Store::SaveDocument(int64_t run_id,
                                 const std::string& rules_digest,
                                 const DocumentResult& result,
                                 const DocumentMetadata& metadata,
                                 const std::vector<SourceRecord>& sources,
                                 const std::vector<KeyedClaim>& keyed_claims) {
  Statements& s = *statements_;
  const std::string what = absl::StrCat("cannot save ", result.path);
  for (const SourceRecord& source : sources) {
    if (source.name.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(Prefix(s.path), what, ": a source has no name"));
    }
  }
  return s.InTransaction(/*write=*/true, what, [&]() -> absl::Status {
    int64_t document_id = 0;
    {
      Query upsert(s.upsert_document);
      upsert.BindText(1, result.path)
          .BindText(2, result.sha256)
          .BindInt(3, static_cast<int64_t>(result.bytes))
          .BindOptionalText(4, metadata.title)
          .BindOptionalText(5, metadata.publisher)
          .BindOptionalText(6, metadata.url)
          .BindOptionalText(7, metadata.published)
          .BindText(8, rules_digest)
          .BindInt(9, run_id);
      absl::StatusOr<std::optional<int64_t>> id = s.OptionalInt(upsert, what);
      if (!id.ok()) return id.status();
      if (!id->has_value()) return s.Error(SQLITE_INTERNAL, what);
      document_id = **id;
    }

    // Sources whose claim counts this save changes: those the old claims
    // cited, and those the new ones cite.
    std::set<int64_t> touched;
    {
      Query old_sources(s.document_source_ids);
      old_sources.BindInt(1, document_id);
      int rc;
      while ((rc = old_sources.Step()) == SQLITE_ROW) {
        touched.insert(old_sources.Int(0));
      }
      if (rc != SQLITE_DONE) return s.Error(rc, what);
    }
    for (const StatementPtr* stmt :
         {&s.delete_findings, &s.delete_claims, &s.delete_claim_keys,
          &s.delete_contradictions}) {
      Query remove(*stmt);
      remove.BindInt(1, document_id);
      if (absl::Status status = s.Done(remove, what); !status.ok()) {
        return status;
      }
    }

    for (const SourceRecord& source : sources) {
      {
        Query insert(s.insert_source);
        insert.BindText(1, source.name)
            .BindText(2, source.type.empty() ? "unknown" : source.type)
            .BindReal(3, source.prior);
        if (absl::Status status = s.Done(insert, what); !status.ok()) {
          return status;
        }
      }
      int64_t source_id = 0;
      {
        Query lookup(s.source_by_name);
        lookup.BindText(1, source.name);
        absl::StatusOr<std::optional<int64_t>> id = s.OptionalInt(lookup, what);
        if (!id.ok()) return id.status();
        if (!id->has_value()) return s.Error(SQLITE_INTERNAL, what);
        source_id = **id;
      }
      touched.insert(source_id);
      for (const std::string& alias : source.aliases) {
        if (alias.empty()) continue;
        Query insert(s.insert_alias);
        insert.BindInt(1, source_id).BindText(2, alias);
        if (absl::Status status = s.Done(insert, what); !status.ok()) {
          return status;
        }
      }
    }

    for (const Finding& finding : result.findings) {
      Query insert(s.insert_finding);
      insert.BindInt(1, document_id)
          .BindInt(2, run_id)
          .BindText(3, finding.rule_id)
          .BindText(4, KindName(finding.kind))
          .BindText(5, SeverityName(finding.severity))
          .BindInt(6, finding.start.line)
          .BindInt(7, finding.start.column)
          .BindInt(8, finding.stop.line)
          .BindInt(9, finding.stop.column)
          .BindInt(10, static_cast<int64_t>(finding.begin))
          .BindInt(11, static_cast<int64_t>(finding.end))
          .BindText(12, finding.message)
          .BindText(13, finding.text)
          .BindOptionalText(14, finding.source)
          .BindOptionalText(15, finding.role);
      if (absl::Status status = s.Done(insert, what); !status.ok()) {
        return status;
      }
    }

    for (const Claim& claim : result.claims) {
      std::optional<int64_t> source_id;
      // Words that name no one ("the company") link to no source, even one
      // an older run stored under them.
      if (!claim.source.empty() && claim.source_named) {
        Query resolve(s.resolve_source);
        resolve.BindText(1, claim.source);
        absl::StatusOr<std::optional<int64_t>> id =
            s.OptionalInt(resolve, what);
        if (!id.ok()) return id.status();
        source_id = *id;
      }
      Query insert(s.insert_claim);
      insert.BindInt(1, document_id)
          .BindInt(2, run_id)
          .BindInt(3, claim.start.line)
          .BindInt(4, claim.start.column)
          .BindInt(5, claim.stop.line)
          .BindInt(6, claim.stop.column)
          .BindInt(7, static_cast<int64_t>(claim.begin))
          .BindInt(8, static_cast<int64_t>(claim.end))
          .BindText(9, claim.text)
          .BindText(10, SourcingName(claim.sourcing))
          .BindOptionalText(11, claim.source)
          .BindOptionalText(12, claim.source_type)
          .BindOptionalText(14, claim.cue)
          .BindOptionalText(15, claim.rule_id)
          .BindReal(16, claim.reliability)
          .BindReal(17, claim.credit);
      if (source_id.has_value()) {
        insert.BindInt(13, *source_id);
        touched.insert(*source_id);
      } else {
        insert.BindNull(13);
      }
      if (absl::Status status = s.Done(insert, what); !status.ok()) {
        return status;
      }
    }

    for (const KeyedClaim& key : keyed_claims) {
      if (absl::Status status = InsertKeyedClaim(s, document_id, key, what);
          !status.ok()) {
        return status;
      }
    }
    for (const Finding& finding : result.findings) {
      if (finding.kind != Kind::kContradiction) continue;
      for (const RelatedLocation& related : finding.related) {
        Query insert(s.insert_contradiction);
        insert.BindInt(1, document_id)
            .BindInt(2, run_id)
            .BindText(3, finding.rule_id)
            .BindInt(4, finding.start.line)
            .BindInt(5, finding.start.column)
            .BindText(6, finding.text)
            .BindText(7, finding.message)
            .BindText(8, related.path)
            .BindInt(9, related.line)
            .BindText(10, related.text);
        if (absl::Status status = s.Done(insert, what); !status.ok()) {
          return status;
        }
      }
    }

    for (int64_t source_id : touched) {
      Query recount(s.count_source_claims);
      recount.BindInt(1, source_id);
      if (absl::Status status = s.Done(recount, what); !status.ok()) {
        return status;
      }
    }

    {
      const DocumentStats& stats = result.stats;
      const Score& score = result.score;
      const std::optional<double> mean = MeanReliability(result.claims);
      Query insert(s.insert_score);
      insert.BindInt(1, document_id)
          .BindInt(2, run_id)
          .BindReal(3, score.total)
          .BindReal(4, score.provenance)
          .BindReal(6, score.vague_penalty)
          .BindReal(7, score.boilerplate_penalty)
          .BindReal(8, score.contradiction_penalty)
          .BindInt(9, stats.lines)
          .BindInt(10, stats.sentences)
          .BindInt(11, stats.boilerplate_lines)
          .BindInt(12, stats.claims)
          .BindInt(13, stats.attributed_claims)
          .BindInt(14, stats.cited_claims)
          .BindInt(15, stats.vague_claims)
          .BindInt(16, stats.unattributed_claims)
          .BindInt(17, stats.vague_attributions)
          .BindInt(18, stats.contradictions);
      if (mean.has_value()) {
        insert.BindReal(5, *mean);
      } else {
        insert.BindNull(5);
      }
      if (absl::Status status = s.Done(insert, what); !status.ok()) {
        return status;
      }
    }

    Query covered(s.insert_run_document);
    covered.BindInt(1, run_id).BindInt(2, document_id).BindInt(3, 0);
    return s.Done(covered, what);
  });
}

absl::Status Store::MarkReused(int64_t run_id, int64_t document_id) {
  Statements& s = *statements_;
  const std::string what =
      absl::StrCat("cannot mark document ", document_id, " reused");
  return s.InTransaction(/*write=*/true, what, [&]() -> absl::Status {
    {
      Query covered(s.insert_run_document);
      covered.BindInt(1, run_id).BindInt(2, document_id).BindInt(3, 1);
      if (absl::Status status = s.Done(covered, what); !status.ok()) {
        return status;
      }
    }
    Query copy(s.copy_score);
    copy.BindInt(1, run_id).BindInt(2, document_id);
    return s.Done(copy, what);
  });
}

absl::StatusOr<std::vector<SourceRecord>> Store::ListSources() {
  Statements& s = *statements_;
  constexpr std::string_view kWhat = "cannot list sources";
  std::vector<SourceRecord> sources;
  absl::Status status = s.InTransaction(
      /*write=*/false, kWhat, [&]() -> absl::Status {
        std::map<int64_t, size_t> index;  // source id -> position in sources
        int rc;
        {
          Query query(s.list_sources);
          while ((rc = query.Step()) == SQLITE_ROW) {
            SourceRecord& source = sources.emplace_back();
            source.id = query.Int(0);
            source.name = query.Text(1);
            source.type = query.Text(2);
            source.prior = query.Real(3);
            source.claims = query.IntAsInt(4);
            source.confirmed = query.IntAsInt(5);
            source.contradicted = query.IntAsInt(6);
            source.reliability = query.Real(7);
            index[source.id] = sources.size() - 1;
          }
          if (rc != SQLITE_DONE) return s.Error(rc, kWhat);
        }
        {
          Query query(s.list_aliases);
          while ((rc = query.Step()) == SQLITE_ROW) {
            if (auto it = index.find(query.Int(0)); it != index.end()) {
              sources[it->second].aliases.push_back(query.Text(1));
            }
          }
          if (rc != SQLITE_DONE) return s.Error(rc, kWhat);
        }
        Query query(s.list_source_documents);
        while ((rc = query.Step()) == SQLITE_ROW) {
          if (auto it = index.find(query.Int(0)); it != index.end()) {
            sources[it->second].documents.push_back(query.Text(1));
          }
        }
        if (rc != SQLITE_DONE) return s.Error(rc, kWhat);
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return sources;
}

absl::Status Store::UpdateSourceEvidence(const std::string& name,
                                         int confirmed_delta,
                                         int contradicted_delta,
                                         double reliability) {
  Statements& s = *statements_;
  const std::string what = absl::StrCat("cannot update source ", name);
  if (!(reliability >= 0 && reliability <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat(Prefix(s.path), what, ": reliability ", reliability,
                     " is not between 0 and 1"));
  }
  return s.InTransaction(/*write=*/true, what, [&]() -> absl::Status {
    std::optional<int64_t> source_id;
    {
      Query resolve(s.resolve_source);
      resolve.BindText(1, name);
      absl::StatusOr<std::optional<int64_t>> id = s.OptionalInt(resolve, what);
      if (!id.ok()) return id.status();
      source_id = *id;
    }
    if (!source_id.has_value()) {
      return absl::NotFoundError(
          absl::StrCat(Prefix(s.path), what, ": no such source"));
    }
    Query update(s.update_evidence);
    update.BindInt(1, *source_id)
        .BindInt(2, confirmed_delta)
        .BindInt(3, contradicted_delta)
        .BindReal(4, reliability);
    return s.Done(update, what);
  });
}

absl::StatusOr<std::optional<StoredExplanation>> Store::Explain(
    const std::string& path) {
  Statements& s = *statements_;
  const std::string what = absl::StrCat("cannot read back ", path);
  std::optional<StoredExplanation> explanation;
  absl::Status status = s.InTransaction(
      /*write=*/false, what, [&]() -> absl::Status {
        StoredExplanation found;
        int rc;
        {
          Query query(s.explain_document);
          query.BindText(1, path);
          rc = query.Step();
          if (rc == SQLITE_DONE) return absl::OkStatus();  // never analysed
          if (rc != SQLITE_ROW) return s.Error(rc, what);
          StoredDocument& document = found.document;
          document.id = query.Int(0);
          document.path = query.Text(1);
          document.sha256 = query.Text(2);
          document.rules_digest = query.Text(3);
          document.last_run = query.Int(4);
          found.metadata.title = query.Text(5);
          found.metadata.publisher = query.Text(6);
          found.metadata.url = query.Text(7);
          found.metadata.published = query.Text(8);
        }
        {
          Query query(s.latest_score);
          query.BindInt(1, found.document.id);
          rc = query.Step();
          if (rc == SQLITE_ROW) {
            found.score.total = query.Real(0);
            found.score.provenance = query.Real(1);
            found.score.vague_penalty = query.Real(2);
            found.score.boilerplate_penalty = query.Real(3);
            found.score.contradiction_penalty = query.Real(4);
            DocumentStats& stats = found.stats;
            stats.lines = query.IntAsInt(5);
            stats.sentences = query.IntAsInt(6);
            stats.boilerplate_lines = query.IntAsInt(7);
            stats.claims = query.IntAsInt(8);
            stats.attributed_claims = query.IntAsInt(9);
            stats.cited_claims = query.IntAsInt(10);
            stats.vague_claims = query.IntAsInt(11);
            stats.unattributed_claims = query.IntAsInt(12);
            stats.vague_attributions = query.IntAsInt(13);
            stats.contradictions = query.IntAsInt(14);
            found.document.score = found.score.total;
          } else if (rc != SQLITE_DONE) {
            return s.Error(rc, what);
          }
        }
        {
          Query query(s.explain_claims);
          query.BindInt(1, found.document.id);
          while ((rc = query.Step()) == SQLITE_ROW) {
            absl::StatusOr<Claim> claim = store::ReadClaimRow(query.get());
            if (!claim.ok()) {
              return absl::DataLossError(absl::StrCat(
                  Prefix(s.path), what, ": ", claim.status().message()));
            }
            found.claims.push_back(*std::move(claim));
          }
          if (rc != SQLITE_DONE) return s.Error(rc, what);
        }
        Query query(s.explain_findings);
        query.BindInt(1, found.document.id);
        while ((rc = query.Step()) == SQLITE_ROW) {
          absl::StatusOr<store::FindingRow> row =
              store::ReadFindingRow(query.get());
          if (!row.ok()) {
            return absl::DataLossError(absl::StrCat(Prefix(s.path), what, ": ",
                                                    row.status().message()));
          }
          found.findings.push_back(std::move(row->finding));
        }
        if (rc != SQLITE_DONE) return s.Error(rc, what);
        explanation = std::move(found);
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return explanation;
}

absl::StatusOr<std::vector<ScoreHistoryEntry>> Store::History(
    const std::string& path) {
  Statements& s = *statements_;
  Query query(s.history);
  query.BindText(1, path);
  std::vector<ScoreHistoryEntry> entries;
  int rc;
  while ((rc = query.Step()) == SQLITE_ROW) {
    ScoreHistoryEntry& entry = entries.emplace_back();
    entry.run_id = query.Int(0);
    entry.started = query.Text(1);
    entry.path = query.Text(2);
    entry.total = query.Real(3);
  }
  if (rc != SQLITE_DONE) return s.Error(rc, "cannot read the score history");
  return entries;
}

}  // namespace provcheck
