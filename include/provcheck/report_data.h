// report_data: what the HTML report reads from the store, beyond what
// Store's own methods return: a run's metadata, every document's current
// score and finding counts in one pass, findings with their row ids, the
// other side of each contradiction, and the sources the documents cite.
//
// Everything is read inside one read transaction (a snapshot), so a report
// written while another audit commits is consistent.
#ifndef PROVCHECK_REPORT_DATA_H_
#define PROVCHECK_REPORT_DATA_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "provcheck/document.h"
#include "provcheck/engine.h"
#include "provcheck/finding.h"
#include "provcheck/rule.h"
#include "provcheck/score.h"

struct sqlite3;

namespace provcheck {

class Store;

// One row of `runs`.
struct ReportRun {
  int64_t id = 0;
  std::string started;   // ISO 8601 UTC
  std::string finished;  // empty if the run was interrupted
  std::string tool_version;
  std::string rules_digest;
  std::string arguments;
  int analysed = 0;
  int reused = 0;
  int failed = 0;
};

// A document with its current score, as the overview table shows it.
struct ReportDocument {
  int64_t id = 0;
  std::string path;
  std::string sha256;
  uint64_t bytes = 0;
  DocumentMetadata metadata;
  std::string rules_digest;
  int64_t last_run = 0;
  bool scored = false;  // false only for a document with no score row
  Score score;
  bool has_mean_reliability = false;  // scores.mean_reliability IS NOT NULL
  DocumentStats stats;
  std::array<int, kReportedKindCount> findings_by_kind{};  // indexed by Kind
};

// A finding and its row id (for anchors), with `related` filled in from the
// contradictions table when the database has one.
struct ReportFinding {
  int64_t id = 0;
  Finding finding;
};

struct ReportDocumentDetail {
  std::vector<ReportFinding> findings;  // line, then column order
  std::vector<Claim> claims;            // text order
};

// A source with the documents of the report that cite it.
struct ReportSource {
  int64_t id = 0;
  std::string name;
  std::string type;  // `unknown` when no registry entry matched
  std::vector<std::string> aliases;
  double prior = 0;
  double reliability = 0;
  int claims = 0;                     // across every stored document
  int confirmed = 0;                  // evidence across runs
  int contradicted = 0;               // evidence across runs
  std::vector<int64_t> document_ids;  // citing documents, in the report
  int report_claims = 0;              // claims in the report's documents
};

// A contradiction finding that the contradictions table names, where it
// stands, and the other side(s) it disagrees with.
struct ContradictionSide {
  int64_t document_id = 0;
  int line = 0;
  std::vector<RelatedLocation> related;
};

// The other side of each contradiction finding, by finding id.
struct ContradictionLinks {
  // False when the database predates the contradictions table (schema v1):
  // contradiction findings then render without their other side.
  bool table_present = false;
  // True when the table is there but none of its columns could be read as
  // a finding or claim id: a schema this build does not know.
  bool unrecognised_layout = false;
  absl::flat_hash_map<int64_t, ContradictionSide> by_finding;
};

class ReportReader {
 public:
  // Starts a read transaction on the store's connection; it ends (without
  // writing anything) when the reader is destroyed.
  static absl::StatusOr<std::unique_ptr<ReportReader>> Open(Store& store);
  ~ReportReader();
  ReportReader(const ReportReader&) = delete;
  ReportReader& operator=(const ReportReader&) = delete;

  // The run `id`, or the latest run when `id` is empty; nullopt if none.
  absl::StatusOr<std::optional<ReportRun>> Run(std::optional<int64_t> id);
  absl::StatusOr<int> RunCount();

  // The documents `run_id` covered (analysed or reused), or every stored
  // document when empty; ordered by path.
  absl::StatusOr<std::vector<ReportDocument>> Documents(
      std::optional<int64_t> run_id);

  // Findings (with related locations from `links`) and claims of one
  // document.
  absl::StatusOr<ReportDocumentDetail> Detail(int64_t document_id,
                                              const ContradictionLinks& links);

  absl::StatusOr<ContradictionLinks> Contradictions();

  // Sources cited by at least one of `document_ids`, by name.
  absl::StatusOr<std::vector<ReportSource>> Sources(
      const std::vector<int64_t>& document_ids);

 private:
  struct Statements;
  explicit ReportReader(sqlite3* db);
  sqlite3* db_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace provcheck

#endif  // PROVCHECK_REPORT_DATA_H_
