#include "store/rows.h"

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provcheck/rule.h"

namespace provcheck::store {

absl::StatusOr<FindingRow> ReadFindingRow(sqlite3_stmt* stmt) {
  FindingRow row;
  row.id = ColumnInt(stmt, 0);
  const std::string kind_name = ColumnText(stmt, 2);
  const std::string severity_name = ColumnText(stmt, 3);
  const std::optional<Kind> kind = ParseKind(kind_name);
  const std::optional<Severity> severity = ParseSeverity(severity_name);
  if (!kind.has_value() || !severity.has_value()) {
    return absl::DataLossError(
        absl::StrCat("finding ", row.id, " has unknown kind '", kind_name,
                     "' or severity '", severity_name, "'"));
  }
  Finding& finding = row.finding;
  finding.rule_id = ColumnText(stmt, 1);
  finding.kind = *kind;
  finding.severity = *severity;
  finding.start = {ColumnIntAsInt(stmt, 4), ColumnIntAsInt(stmt, 5)};
  finding.stop = {ColumnIntAsInt(stmt, 6), ColumnIntAsInt(stmt, 7)};
  finding.begin = static_cast<size_t>(ColumnInt(stmt, 8));
  finding.end = static_cast<size_t>(ColumnInt(stmt, 9));
  finding.message = ColumnText(stmt, 10);
  finding.text = ColumnText(stmt, 11);
  finding.source = ColumnText(stmt, 12);
  finding.role = ColumnText(stmt, 13);
  return row;
}

absl::StatusOr<Claim> ReadClaimRow(sqlite3_stmt* stmt) {
  const std::string sourcing_name = ColumnText(stmt, 8);
  const std::optional<Sourcing> sourcing = ParseSourcing(sourcing_name);
  if (!sourcing.has_value()) {
    return absl::DataLossError(absl::StrCat("claim ", ColumnInt(stmt, 0),
                                            " has unknown sourcing '",
                                            sourcing_name, "'"));
  }
  Claim claim;
  claim.start = {ColumnIntAsInt(stmt, 1), ColumnIntAsInt(stmt, 2)};
  claim.stop = {ColumnIntAsInt(stmt, 3), ColumnIntAsInt(stmt, 4)};
  claim.begin = static_cast<size_t>(ColumnInt(stmt, 5));
  claim.end = static_cast<size_t>(ColumnInt(stmt, 6));
  claim.text = ColumnText(stmt, 7);
  claim.sourcing = *sourcing;
  claim.source = ColumnText(stmt, 9);
  claim.source_type = ColumnText(stmt, 10);
  claim.reliability = ColumnReal(stmt, 11);
  claim.cue = ColumnText(stmt, 12);
  claim.rule_id = ColumnText(stmt, 13);
  claim.credit = ColumnReal(stmt, 14);
  return claim;
}

}  // namespace provcheck::store
