#ifndef PROVCHECK_STORE_ROWS_H_
#define PROVCHECK_STORE_ROWS_H_

// Column access and the finding and claim rows, shared by the store's own
// queries (Store::Explain) and the report's (report_queries.cc): both read
// the same tables, and a column added to one must not be missed by the
// other.
#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "provcheck/engine.h"
#include "provcheck/finding.h"

namespace provcheck::store {

inline int64_t ColumnInt(sqlite3_stmt* stmt, int column) {
  return sqlite3_column_int64(stmt, column);
}
inline int ColumnIntAsInt(sqlite3_stmt* stmt, int column) {
  return static_cast<int>(sqlite3_column_int64(stmt, column));
}
inline double ColumnReal(sqlite3_stmt* stmt, int column) {
  return sqlite3_column_double(stmt, column);
}
inline bool ColumnIsNull(sqlite3_stmt* stmt, int column) {
  return sqlite3_column_type(stmt, column) == SQLITE_NULL;
}
// NULL reads as "" (optional text is stored as NULL, see schema.h).
inline std::string ColumnText(sqlite3_stmt* stmt, int column) {
  const unsigned char* text = sqlite3_column_text(stmt, column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     sqlite3_column_bytes(stmt, column));
}

// The columns ReadFindingRow and ReadClaimRow expect, in this order.
inline constexpr char kFindingColumns[] =
    "id, rule, kind, severity, line, column, end_line, end_column, "
    "begin_offset, end_offset, message, text, source, role";
inline constexpr char kClaimColumns[] =
    "id, line, column, end_line, end_column, begin_offset, end_offset, "
    "text, sourcing, source, source_type, reliability, cue, rule, credit";

struct FindingRow {
  int64_t id = 0;
  Finding finding;  // without related locations
};

// DataLoss when a stored kind, severity or sourcing is not one this build
// knows (a newer provcheck wrote it).
absl::StatusOr<FindingRow> ReadFindingRow(sqlite3_stmt* stmt);
absl::StatusOr<Claim> ReadClaimRow(sqlite3_stmt* stmt);

}  // namespace provcheck::store

#endif  // PROVCHECK_STORE_ROWS_H_
