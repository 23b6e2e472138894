// The read queries of the HTML report (provcheck/report_data.h). They use
// the store's connection but their own statements, so the report never
// depends on the store's write path.
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "provcheck/report_data.h"
#include "provcheck/rule.h"
#include "provcheck/store.h"
#include "store/rows.h"

namespace provcheck {
namespace {

// One prepared statement; finalised when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) : db_(db) {
    rc_ = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  absl::Status Error(std::string_view what) const {
    return absl::InternalError(absl::StrCat("cannot read the report data (",
                                            std::string(what),
                                            "): ", sqlite3_errmsg(db_)));
  }

  // Rebinds from the start; every bind is int64 or NULL.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void Bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
  }
  void BindOptional(int index, std::optional<int64_t> value) {
    if (value.has_value()) {
      sqlite3_bind_int64(stmt_, index, *value);
    } else {
      sqlite3_bind_null(stmt_, index);
    }
  }
  int Step() { return sqlite3_step(stmt_); }

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
  int Columns() const { return sqlite3_column_count(stmt_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

constexpr std::string_view kDocumentsSql =
    "SELECT d.id, d.path, d.sha256, d.bytes, d.title, d.publisher, d.url, "
    "d.published, d.rules_digest, d.last_run, s.total, s.provenance, "
    "s.mean_reliability, s.vague_penalty, s.boilerplate_penalty, "
    "s.contradiction_penalty, s.lines, s.sentences, s.boilerplate_lines, "
    "s.claims, s.attributed_claims, s.cited_claims, s.vague_claims, "
    "s.unattributed_claims, s.vague_attributions, s.contradictions "
    "FROM documents d LEFT JOIN scores s ON s.document_id = d.id AND "
    "s.run_id = (SELECT max(run_id) FROM scores WHERE document_id = d.id) "
    "WHERE ?1 IS NULL OR d.id IN "
    "(SELECT document_id FROM run_documents WHERE run_id = ?1) "
    "ORDER BY d.path";

// What a column of the contradictions table holds. Schema v2 keeps one row
// per contradiction finding: its document and position, and one related
// location (the other side). Reading the table by column names rather than
// positions keeps the report working across revisions of that table, and
// also reads layouts that name the findings or claims on each side by id.
enum class ColumnRole {
  kNone,
  kFinding,   // a finding id (one side)
  kClaim,     // a claim id (one side)
  kDocument,  // this side's document id ...
  kLine,      // ... and the line and column of its finding
  kColumn,
  kRule,
  kRelatedPath,  // the other side, written out
  kRelatedLine,
  kRelatedText,
};

ColumnRole RoleOf(const std::string& name) {
  const bool id = name.ends_with("id");
  if (id && name.find("finding") != std::string::npos) {
    return ColumnRole::kFinding;
  }
  if (id && name.find("claim") != std::string::npos) return ColumnRole::kClaim;
  if (name == "document_id") return ColumnRole::kDocument;
  if (name == "line") return ColumnRole::kLine;
  if (name == "column") return ColumnRole::kColumn;
  if (name == "rule") return ColumnRole::kRule;
  if (name == "related_path" || name == "other_path") {
    return ColumnRole::kRelatedPath;
  }
  if (name == "related_line" || name == "other_line") {
    return ColumnRole::kRelatedLine;
  }
  if (name == "related_text" || name == "other_text") {
    return ColumnRole::kRelatedText;
  }
  return ColumnRole::kNone;
}

}  // namespace

struct ReportReader::Statements {
  explicit Statements(sqlite3* db)
      : findings(db, absl::StrCat("SELECT ", store::kFindingColumns,
                                  " FROM findings WHERE document_id = ?1 "
                                  "ORDER BY line, column, id")),
        claims(db, absl::StrCat("SELECT ", store::kClaimColumns,
                                " FROM claims WHERE document_id = ?1 "
                                "ORDER BY id")) {}
  Statement findings;
  Statement claims;
};

ReportReader::ReportReader(sqlite3* db)
    : db_(db), statements_(std::make_unique<Statements>(db)) {}

ReportReader::~ReportReader() {
  statements_.reset();  // finalise before the transaction ends
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

absl::StatusOr<std::unique_ptr<ReportReader>> ReportReader::Open(Store& store) {
  sqlite3* db = store.handle();
  // DEFERRED: the snapshot starts at the first read, and no lock is taken
  // that could hold up an audit writing at the same time.
  if (sqlite3_exec(db, "BEGIN DEFERRED", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    return absl::InternalError(absl::StrCat(
        "cannot start reading the report data: ", sqlite3_errmsg(db)));
  }
  std::unique_ptr<ReportReader> reader(new ReportReader(db));
  if (!reader->statements_->findings.ok()) {
    return reader->statements_->findings.Error("findings");
  }
  if (!reader->statements_->claims.ok()) {
    return reader->statements_->claims.Error("claims");
  }
  return reader;
}

absl::StatusOr<std::optional<ReportRun>> ReportReader::Run(
    std::optional<int64_t> id) {
  Statement query(db_,
                  "SELECT id, started, finished, tool_version, rules_digest, "
                  "arguments, analysed, reused, failed FROM runs "
                  "WHERE ?1 IS NULL OR id = ?1 ORDER BY id DESC LIMIT 1");
  if (!query.ok()) return query.Error("runs");
  query.BindOptional(1, id);
  const int rc = query.Step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) return query.Error("runs");
  ReportRun run;
  run.id = query.Int(0);
  run.started = query.Text(1);
  run.finished = query.Text(2);
  run.tool_version = query.Text(3);
  run.rules_digest = query.Text(4);
  run.arguments = query.Text(5);
  run.analysed = query.IntAsInt(6);
  run.reused = query.IntAsInt(7);
  run.failed = query.IntAsInt(8);
  return run;
}

absl::StatusOr<int> ReportReader::RunCount() {
  Statement query(db_, "SELECT count(*) FROM runs");
  if (!query.ok() || query.Step() != SQLITE_ROW) return query.Error("runs");
  return query.IntAsInt(0);
}

absl::StatusOr<std::vector<ReportDocument>> ReportReader::Documents(
    std::optional<int64_t> run_id) {
  std::vector<ReportDocument> documents;
  std::map<int64_t, size_t> index;
  {
    Statement query(db_, kDocumentsSql);
    if (!query.ok()) return query.Error("documents");
    query.BindOptional(1, run_id);
    int rc;
    while ((rc = query.Step()) == SQLITE_ROW) {
      ReportDocument& d = documents.emplace_back();
      d.id = query.Int(0);
      d.path = query.Text(1);
      d.sha256 = query.Text(2);
      d.bytes = static_cast<uint64_t>(query.Int(3));
      d.metadata.title = query.Text(4);
      d.metadata.publisher = query.Text(5);
      d.metadata.url = query.Text(6);
      d.metadata.published = query.Text(7);
      d.rules_digest = query.Text(8);
      d.last_run = query.Int(9);
      d.scored = !query.IsNull(10);
      d.score.total = query.Real(10);
      d.score.provenance = query.Real(11);
      d.has_mean_reliability = !query.IsNull(12);
      d.score.mean_reliability = query.Real(12);
      d.score.vague_penalty = query.Real(13);
      d.score.boilerplate_penalty = query.Real(14);
      d.score.contradiction_penalty = query.Real(15);
      DocumentStats& s = d.stats;
      s.lines = query.IntAsInt(16);
      s.sentences = query.IntAsInt(17);
      s.boilerplate_lines = query.IntAsInt(18);
      s.claims = query.IntAsInt(19);
      s.attributed_claims = query.IntAsInt(20);
      s.cited_claims = query.IntAsInt(21);
      s.vague_claims = query.IntAsInt(22);
      s.unattributed_claims = query.IntAsInt(23);
      s.vague_attributions = query.IntAsInt(24);
      s.contradictions = query.IntAsInt(25);
      index[d.id] = documents.size() - 1;
    }
    if (rc != SQLITE_DONE) return query.Error("documents");
  }
  Statement counts(db_,
                   "SELECT document_id, kind, count(*) FROM findings "
                   "GROUP BY document_id, kind");
  if (!counts.ok()) return counts.Error("finding counts");
  int rc;
  while ((rc = counts.Step()) == SQLITE_ROW) {
    auto it = index.find(counts.Int(0));
    const std::optional<Kind> kind = ParseKind(counts.Text(1));
    // A store written by hand may hold any text; only a kind a finding can
    // carry has a count.
    if (it == index.end() || !kind.has_value() ||
        static_cast<int>(*kind) >= kReportedKindCount) {
      continue;
    }
    documents[it->second].findings_by_kind[static_cast<int>(*kind)] =
        counts.IntAsInt(2);
  }
  if (rc != SQLITE_DONE) return counts.Error("finding counts");
  return documents;
}

absl::StatusOr<ReportDocumentDetail> ReportReader::Detail(
    int64_t document_id, const ContradictionLinks& links) {
  ReportDocumentDetail detail;
  Statement& findings = statements_->findings;
  findings.Reset();
  findings.Bind(1, document_id);
  int rc;
  while ((rc = findings.Step()) == SQLITE_ROW) {
    absl::StatusOr<store::FindingRow> row =
        store::ReadFindingRow(findings.get());
    if (!row.ok()) {
      findings.Reset();
      return row.status();
    }
    ReportFinding& item = detail.findings.emplace_back();
    item.id = row->id;
    item.finding = std::move(row->finding);
    if (auto it = links.by_finding.find(item.id);
        it != links.by_finding.end()) {
      item.finding.related = it->second.related;
    }
  }
  findings.Reset();
  if (rc != SQLITE_DONE) return findings.Error("findings");

  Statement& claims = statements_->claims;
  claims.Reset();
  claims.Bind(1, document_id);
  while ((rc = claims.Step()) == SQLITE_ROW) {
    absl::StatusOr<Claim> claim = store::ReadClaimRow(claims.get());
    if (!claim.ok()) {
      claims.Reset();
      return claim.status();
    }
    detail.claims.push_back(*std::move(claim));
  }
  claims.Reset();
  if (rc != SQLITE_DONE) return claims.Error("claims");
  return detail;
}

absl::StatusOr<ContradictionLinks> ReportReader::Contradictions() {
  ContradictionLinks links;
  std::vector<std::pair<int, ColumnRole>> columns;  // index in SELECT *, role
  {
    Statement info(db_, "PRAGMA table_info(contradictions)");
    if (!info.ok()) return info.Error("contradictions layout");
    int rc;
    int position = 0;
    while ((rc = info.Step()) == SQLITE_ROW) {
      links.table_present = true;
      columns.emplace_back(position++, RoleOf(info.Text(1)));
    }
    if (rc != SQLITE_DONE) return info.Error("contradictions layout");
  }
  if (!links.table_present) return links;
  const auto has = [&](ColumnRole role) {
    return std::any_of(columns.begin(), columns.end(),
                       [&](auto column) { return column.second == role; });
  };
  const bool has_side = has(ColumnRole::kFinding) || has(ColumnRole::kClaim) ||
                        (has(ColumnRole::kDocument) && has(ColumnRole::kLine));
  if (!has_side) {
    links.unrecognised_layout = true;
    return links;
  }

  Statement rows(db_, "SELECT * FROM contradictions");
  Statement finding_at(db_,
                       "SELECT d.path, f.line, f.text, d.id FROM findings f "
                       "JOIN documents d ON d.id = f.document_id "
                       "WHERE f.id = ?1");
  Statement claim_at(db_,
                     "SELECT d.path, c.line, c.text, d.id FROM claims c "
                     "JOIN documents d ON d.id = c.document_id "
                     "WHERE c.id = ?1");
  // A claim's side of a contradiction is shown on the contradiction
  // finding that lies within the claim's sentence.
  Statement finding_of_claim(
      db_,
      "SELECT f.id FROM findings f JOIN claims c ON c.document_id = "
      "f.document_id WHERE c.id = ?1 AND f.kind = 'contradiction' AND "
      "f.line BETWEEN c.line AND c.end_line ORDER BY f.line, f.column "
      "LIMIT 1");
  // A row that names its document and position stands for the
  // contradiction finding there.
  Statement finding_at_position(
      db_,
      "SELECT f.id FROM findings f WHERE f.document_id = ?1 AND f.kind = "
      "'contradiction' AND f.line = ?2 AND (?3 IS NULL OR f.column = ?3) "
      "ORDER BY f.column, f.id LIMIT 1");
  for (const Statement* s : {&rows, &finding_at, &claim_at, &finding_of_claim,
                             &finding_at_position}) {
    if (!s->ok()) return s->Error("contradictions");
  }

  struct Side {
    std::optional<int64_t> finding;
    int64_t document_id = 0;
    RelatedLocation location;
  };
  const auto locate = [](Statement& query, int64_t id, Side* out) -> bool {
    query.Reset();
    query.Bind(1, id);
    const bool found = query.Step() == SQLITE_ROW;
    if (found) {
      out->location = {query.Text(0), query.IntAsInt(1), query.Text(2)};
      out->document_id = query.Int(3);
    }
    query.Reset();
    return found;
  };
  int rc;
  while ((rc = rows.Step()) == SQLITE_ROW) {
    std::vector<Side> sides;
    RelatedLocation explicit_related;
    bool has_explicit = false;
    std::optional<int64_t> document;
    std::optional<int64_t> line;
    std::optional<int64_t> column_number;
    for (const auto& [column, role] : columns) {
      if (column >= rows.Columns()) break;
      const bool null = rows.IsNull(column);
      switch (role) {
        case ColumnRole::kFinding:
          if (!null) {
            Side side;
            side.finding = rows.Int(column);
            if (locate(finding_at, *side.finding, &side)) {
              sides.push_back(std::move(side));
            }
          }
          break;
        case ColumnRole::kClaim:
          if (!null) {
            Side side;
            const int64_t claim = rows.Int(column);
            if (!locate(claim_at, claim, &side)) break;
            finding_of_claim.Reset();
            finding_of_claim.Bind(1, claim);
            if (finding_of_claim.Step() == SQLITE_ROW) {
              side.finding = finding_of_claim.Int(0);
            }
            finding_of_claim.Reset();
            sides.push_back(std::move(side));
          }
          break;
        case ColumnRole::kDocument:
          if (!null) document = rows.Int(column);
          break;
        case ColumnRole::kLine:
          if (!null) line = rows.Int(column);
          break;
        case ColumnRole::kColumn:
          if (!null) column_number = rows.Int(column);
          break;
        case ColumnRole::kRelatedPath:
          has_explicit = has_explicit || !null;
          explicit_related.path = rows.Text(column);
          break;
        case ColumnRole::kRelatedLine:
          explicit_related.line = rows.IntAsInt(column);
          break;
        case ColumnRole::kRelatedText:
          explicit_related.text = rows.Text(column);
          break;
        case ColumnRole::kRule:
        case ColumnRole::kNone:
          break;
      }
    }
    if (document.has_value() && line.has_value()) {
      finding_at_position.Reset();
      finding_at_position.Bind(1, *document);
      finding_at_position.Bind(2, *line);
      finding_at_position.BindOptional(3, column_number);
      std::optional<int64_t> finding;
      if (finding_at_position.Step() == SQLITE_ROW) {
        finding = finding_at_position.Int(0);
      }
      finding_at_position.Reset();
      Side side;
      if (finding.has_value() && locate(finding_at, *finding, &side)) {
        side.finding = finding;
        sides.push_back(std::move(side));
      }
    }
    const auto same_place = [](const RelatedLocation& a,
                               const RelatedLocation& b) {
      return a.path == b.path && a.line == b.line;
    };
    for (size_t i = 0; i < sides.size(); ++i) {
      if (!sides[i].finding.has_value()) continue;
      ContradictionSide& linked = links.by_finding[*sides[i].finding];
      linked.document_id = sides[i].document_id;
      linked.line = sides[i].location.line;
      std::vector<RelatedLocation>& related = linked.related;
      const auto add = [&](const RelatedLocation& location) {
        if (same_place(location, sides[i].location)) return;
        for (const RelatedLocation& known : related) {
          if (same_place(known, location)) return;
        }
        related.push_back(location);
      };
      for (size_t j = 0; j < sides.size(); ++j) {
        if (j != i) add(sides[j].location);
      }
      if (has_explicit) add(explicit_related);
    }
  }
  if (rc != SQLITE_DONE) return rows.Error("contradictions");
  return links;
}

absl::StatusOr<std::vector<ReportSource>> ReportReader::Sources(
    const std::vector<int64_t>& document_ids) {
  const std::set<int64_t> wanted(document_ids.begin(), document_ids.end());
  std::map<int64_t, ReportSource> by_id;
  {
    Statement cites(db_,
                    "SELECT source_id, document_id, count(*) FROM claims "
                    "WHERE source_id IS NOT NULL "
                    "GROUP BY source_id, document_id ORDER BY document_id");
    if (!cites.ok()) return cites.Error("citing documents");
    int rc;
    while ((rc = cites.Step()) == SQLITE_ROW) {
      if (!wanted.contains(cites.Int(1))) continue;
      ReportSource& source = by_id[cites.Int(0)];
      source.document_ids.push_back(cites.Int(1));
      source.report_claims += cites.IntAsInt(2);
    }
    if (rc != SQLITE_DONE) return cites.Error("citing documents");
  }
  {
    Statement list(db_,
                   "SELECT id, name, type, prior, claims, confirmed, "
                   "contradicted, reliability FROM sources");
    if (!list.ok()) return list.Error("sources");
    int rc;
    while ((rc = list.Step()) == SQLITE_ROW) {
      auto it = by_id.find(list.Int(0));
      if (it == by_id.end()) continue;
      ReportSource& source = it->second;
      source.id = list.Int(0);
      source.name = list.Text(1);
      source.type = list.Text(2);
      source.prior = list.Real(3);
      source.claims = list.IntAsInt(4);
      source.confirmed = list.IntAsInt(5);
      source.contradicted = list.IntAsInt(6);
      source.reliability = list.Real(7);
    }
    if (rc != SQLITE_DONE) return list.Error("sources");
  }
  {
    Statement aliases(db_,
                      "SELECT source_id, alias FROM source_aliases "
                      "ORDER BY alias");
    if (!aliases.ok()) return aliases.Error("source aliases");
    int rc;
    while ((rc = aliases.Step()) == SQLITE_ROW) {
      if (auto it = by_id.find(aliases.Int(0)); it != by_id.end()) {
        it->second.aliases.push_back(aliases.Text(1));
      }
    }
    if (rc != SQLITE_DONE) return aliases.Error("source aliases");
  }
  std::vector<ReportSource> sources;
  for (auto& [id, source] : by_id) {
    if (source.id != 0) sources.push_back(std::move(source));
  }
  std::sort(sources.begin(), sources.end(),
            [](const ReportSource& a, const ReportSource& b) {
              return a.name < b.name;
            });
  return sources;
}

}  // namespace provcheck
