// The store's SQL schema as a list of migrations (docs/schema.md explains
// every table and column). Store::Open applies, in one transaction, every step
// whose version is above the file's PRAGMA user_version; a new schema version
// is one more entry here plus kStoreSchemaVersion in provcheck/store.h.
#ifndef PROVCHECK_STORE_SCHEMA_H_
#define PROVCHECK_STORE_SCHEMA_H_

#include <array>
#include <string_view>

#include "provcheck/store.h"

namespace provcheck {

struct StoreMigration {
  int version;           // the user_version the database has after this step
  std::string_view sql;  // run with sqlite3_exec: several statements
};

// Version 1: runs, documents, sources, claims, findings and score history.
// Optional text is NULL rather than '' so that `IS NULL` reads naturally in
// ad-hoc queries.
inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  tool_version TEXT NOT NULL,
  rules_digest TEXT NOT NULL,
  arguments TEXT NOT NULL,
  analysed INTEGER NOT NULL DEFAULT 0,
  reused INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  title TEXT,
  publisher TEXT,
  url TEXT,
  published TEXT,
  rules_digest TEXT NOT NULL,
  last_run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX documents_sha256 ON documents(sha256);

CREATE TABLE run_documents (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  reused INTEGER NOT NULL CHECK (reused IN (0, 1)),
  PRIMARY KEY (run_id, document_id)
) WITHOUT ROWID;
CREATE INDEX run_documents_document ON run_documents(document_id);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type TEXT NOT NULL DEFAULT 'unknown',
  prior REAL NOT NULL CHECK (prior BETWEEN 0 AND 1),
  claims INTEGER NOT NULL DEFAULT 0,
  confirmed INTEGER NOT NULL DEFAULT 0,
  contradicted INTEGER NOT NULL DEFAULT 0,
  reliability REAL NOT NULL CHECK (reliability BETWEEN 0 AND 1)
);

CREATE TABLE source_aliases (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  alias TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE INDEX source_aliases_source ON source_aliases(source_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  line INTEGER NOT NULL,
  column INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_column INTEGER NOT NULL,
  begin_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  sourcing TEXT NOT NULL
    CHECK (sourcing IN ('attributed', 'cited', 'vague', 'unattributed')),
  source TEXT,
  source_type TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  cue TEXT,
  rule TEXT,
  reliability REAL NOT NULL,
  credit REAL NOT NULL
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_source ON claims(source_id);

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  rule TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  line INTEGER NOT NULL,
  column INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_column INTEGER NOT NULL,
  begin_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  message TEXT NOT NULL,
  text TEXT NOT NULL,
  source TEXT,
  role TEXT
);
CREATE INDEX findings_document ON findings(document_id);

CREATE TABLE scores (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  total REAL NOT NULL,
  provenance REAL NOT NULL,
  mean_reliability REAL,
  vague_penalty REAL NOT NULL,
  boilerplate_penalty REAL NOT NULL,
  contradiction_penalty REAL NOT NULL,
  lines INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  boilerplate_lines INTEGER NOT NULL,
  claims INTEGER NOT NULL,
  attributed_claims INTEGER NOT NULL,
  cited_claims INTEGER NOT NULL,
  vague_claims INTEGER NOT NULL,
  unattributed_claims INTEGER NOT NULL,
  vague_attributions INTEGER NOT NULL,
  contradictions INTEGER NOT NULL,
  PRIMARY KEY (document_id, run_id)
) WITHOUT ROWID;
CREATE INDEX scores_run ON scores(run_id);
)sql";

// v2: contradictions. Keyed claims are kept per document so that claims of
// earlier audits take part in later cross-checks, and every contradiction
// found is linked to the other side it disagrees with.
inline constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE claim_keys (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('event-date', 'quantity', 'person')),
  event TEXT,
  entities TEXT,
  date_first INTEGER,
  date_last INTEGER,
  date_precision INTEGER,
  quantity_value REAL,
  quantity_low REAL,
  quantity_high REAL,
  quantity_unit TEXT,
  when_first INTEGER,
  when_last INTEGER,
  person TEXT,
  line INTEGER NOT NULL,
  column INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_column INTEGER NOT NULL,
  begin_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL
);
CREATE INDEX claim_keys_document ON claim_keys(document_id);
CREATE INDEX claim_keys_event ON claim_keys(type, event);
CREATE INDEX claim_keys_person ON claim_keys(person);

CREATE TABLE contradictions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  rule TEXT NOT NULL,
  line INTEGER NOT NULL,
  column INTEGER NOT NULL,
  text TEXT NOT NULL,
  message TEXT NOT NULL,
  related_path TEXT NOT NULL,
  related_line INTEGER NOT NULL,
  related_text TEXT NOT NULL
);
CREATE INDEX contradictions_document ON contradictions(document_id);
CREATE INDEX contradictions_related ON contradictions(related_path);
)sql";

inline constexpr std::array<StoreMigration, 2> kStoreMigrations{{
    {1, kSchemaV1},
    {2, kSchemaV2},
}};

static_assert(kStoreMigrations.back().version == kStoreSchemaVersion,
              "the last migration must bring the schema to "
              "kStoreSchemaVersion");

}  // namespace provcheck

#endif  // PROVCHECK_STORE_SCHEMA_H_
