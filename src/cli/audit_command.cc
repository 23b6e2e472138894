// audit: analyse, store in SQLite, print a per-document summary.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "cli/commands.h"
#include "cli/report_command.h"
#include "common/sha256.h"
#include "nlohmann/json.hpp"
#include "provcheck/cross_check.h"
#include "provcheck/ingest.h"
#include "provcheck/pipeline.h"
#include "provcheck/store.h"
#include "provcheck/version.h"

namespace provcheck::cli {
namespace {

struct SummaryRow {
  std::string path;
  double score = 0;
  bool reused = false;
  int claims = 0;
  double attributed_share = 0;                    // of claims, named or cited
  std::array<int, kReportedKindCount> by_kind{};  // indexed by Kind
};

SummaryRow RowOf(const DocumentResult& result) {
  SummaryRow row;
  row.path = result.path;
  row.score = result.score.total;
  row.claims = result.stats.claims;
  if (row.claims > 0) {
    row.attributed_share = static_cast<double>(result.stats.attributed_claims +
                                               result.stats.cited_claims) /
                           row.claims;
  }
  for (const Finding& finding : result.findings) {
    ++row.by_kind[static_cast<int>(finding.kind)];
  }
  return row;
}

// The sources a document's claims lean on, as the store keeps them.
std::vector<SourceRecord> SourcesOf(const DocumentResult& result,
                                    const SourceRegistry& registry) {
  absl::flat_hash_map<std::string, size_t> seen;
  std::vector<SourceRecord> records;
  for (const Claim& claim : result.claims) {
    if (claim.source.empty() || !claim.source_named ||
        seen.contains(claim.source)) {
      continue;
    }
    seen[claim.source] = records.size();
    SourceRecord record;
    record.name = claim.source;
    record.type = claim.source_type;
    Finding probe;
    probe.source = claim.source;
    const SourceResolution resolution = registry.Resolve(probe);
    record.prior =
        resolution.known ? resolution.profile.prior : claim.reliability;
    for (const KnownSource& known : registry.known()) {
      if (known.name == claim.source) record.aliases = known.aliases;
    }
    record.reliability = claim.reliability;
    records.push_back(std::move(record));
  }
  return records;
}

std::string CommandLine(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) line += ' ';
    line += argv[i];
  }
  return line;
}

// A one-line progress bar on stderr, redrawn in place; only on a terminal.
class Progress {
 public:
  explicit Progress(size_t total)
      : total_(total), enabled_(total >= 20 && isatty(STDERR_FILENO)) {}
  void Tick() {
    ++done_;
    if (!enabled_ || (done_ % 10 != 0 && done_ != total_)) return;
    const int width = 30;
    const int filled = static_cast<int>(width * done_ / total_);
    std::cerr << "\r[" << std::string(filled, '#')
              << std::string(width - filled, ' ') << "] " << done_ << "/"
              << total_ << std::flush;
    if (done_ == total_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  size_t total_;
  size_t done_ = 0;
  bool enabled_;
};

}  // namespace

int RunAudit(const AuditOptions& options, int argc, char** argv) {
  const int threads = options.threads > 0 ? options.threads : DefaultThreads();
  std::optional<LoadedRules> rules =
      LoadRulesOrReport(ResolveRulesDir(options.rules_dir), threads);
  if (!rules) return kExitError;
  auto store = Store::Open(options.db, StoreOptions{});
  if (!store.ok()) {
    std::cerr << store.status().message() << '\n';
    return kExitError;
  }

  // Evidence gathered by earlier audits moves each source off its prior.
  auto known_sources = (*store)->ListSources();
  if (!known_sources.ok()) {
    std::cerr << known_sources.status().message() << '\n';
    return kExitError;
  }
  for (const SourceRecord& source : *known_sources) {
    if (source.confirmed + source.contradicted > 0) {
      rules->sources->SetReliability(source.name, source.reliability);
    }
  }

  Diagnostics path_errors;
  const std::vector<std::string> paths =
      ExpandPaths(options.paths, &path_errors);
  for (const Diagnostic& error : path_errors) {
    std::cerr << error.ToString() << '\n';
  }

  // What the store already holds, read once: workers consult it without
  // touching the database.
  absl::flat_hash_map<std::string, StoredDocument> stored;
  for (const std::string& path : paths) {
    auto document = (*store)->FindDocument(path);
    if (!document.ok()) {
      std::cerr << document.status().message() << '\n';
      return kExitError;
    }
    if (document->has_value()) stored[path] = **document;
  }

  auto run_id = (*store)->BeginRun(
      RunInfo{PROVCHECK_VERSION, rules->digest, CommandLine(argc, argv)});
  if (!run_id.ok()) {
    std::cerr << run_id.status().message() << '\n';
    return kExitError;
  }

  PipelineOptions pipeline;
  pipeline.threads = threads;
  // Claims of this run's documents, and of every other document audited
  // before: contradictions with earlier audits count too.
  CorpusSignals signals =
      CollectCorpusSignals(paths, *rules->extractor, pipeline.threads);
  std::vector<KeyedClaim> keyed = std::move(signals.claims);
  absl::flat_hash_map<std::string, std::vector<KeyedClaim>> keyed_by_path;
  for (const KeyedClaim& claim : keyed)
    keyed_by_path[claim.path].push_back(claim);
  auto earlier = (*store)->LoadKeyedClaims(
      absl::flat_hash_set<std::string>(paths.begin(), paths.end()));
  if (!earlier.ok()) {
    std::cerr << earlier.status().message() << '\n';
    return kExitError;
  }
  CrossChecker checker(rules->ledger);
  checker.Add(std::move(keyed));
  checker.Add(*std::move(earlier));
  const ContradictionMap contradictions = checker.Check();
  AnalysisConfig config = rules->config();
  config.contradictions = &contradictions;
  config.repeated_lines = &signals.repeated_lines;
  // A document's repeated lines depend on the other documents: which of
  // its lines recur is folded into the digest its findings are stored under,
  // so they are reused only while the same lines recur.
  auto DocumentDigest = [&](const std::string& path) {
    auto it = signals.repeated_by_path.find(path);
    return it == signals.repeated_by_path.end()
               ? rules->digest
               : Sha256Hex(rules->digest + "\nrepeated " + it->second);
  };
  // Its contradictions too: one that has or had any is analysed again, so
  // its stored findings never go stale.
  absl::flat_hash_set<std::string> had_contradictions;
  if (sqlite3_stmt* query = nullptr;
      sqlite3_prepare_v2((*store)->handle(),
                         "SELECT DISTINCT d.path FROM findings f JOIN "
                         "documents d ON f.document_id = d.id WHERE f.kind = "
                         "'contradiction'",
                         -1, &query, nullptr) == SQLITE_OK) {
    while (sqlite3_step(query) == SQLITE_ROW) {
      had_contradictions.insert(
          reinterpret_cast<const char*>(sqlite3_column_text(query, 0)));
    }
    sqlite3_finalize(query);
  }
  if (!options.force) {
    pipeline.unchanged = [&](const std::string& path, const std::string& sha) {
      auto it = stored.find(path);
      return it != stored.end() && it->second.sha256 == sha &&
             it->second.rules_digest == DocumentDigest(path) &&
             !contradictions.contains(path) &&
             !had_contradictions.contains(path);
    };
  }

  RunTotals totals;
  totals.failed = static_cast<int>(path_errors.size());
  std::vector<SummaryRow> rows;
  bool store_failed = false;
  Progress progress(paths.size());
  AnalyzePaths(paths, config, pipeline, [&](DocumentOutcome&& outcome) {
    progress.Tick();
    for (const Diagnostic& warning : outcome.warnings) {
      std::cerr << warning.ToString() << '\n';
    }
    if (!outcome.status.ok()) {
      std::cerr << outcome.path << ": error: " << outcome.status.message()
                << '\n';
      ++totals.failed;
      return;
    }
    if (store_failed) return;
    absl::Status saved;
    if (outcome.reused) {
      const StoredDocument& previous = stored[outcome.path];
      saved = (*store)->MarkReused(*run_id, previous.id);
      SummaryRow row;
      row.path = outcome.path;
      row.score = previous.score;
      row.reused = true;
      rows.push_back(row);
      ++totals.reused;
    } else {
      const DocumentResult& result = *outcome.result;
      saved = (*store)->SaveDocument(
          *run_id, DocumentDigest(outcome.path), result, outcome.metadata,
          SourcesOf(result, *rules->sources), keyed_by_path[outcome.path]);
      rows.push_back(RowOf(result));
      ++totals.analysed;
    }
    if (!saved.ok()) {
      // Everything committed so far stays; the run stops writing.
      std::cerr << saved.message() << '\n';
      store_failed = true;
    }
  });
  if (absl::Status finished = (*store)->FinishRun(*run_id, totals);
      !finished.ok() && !store_failed) {
    std::cerr << finished.message() << '\n';
    store_failed = true;
  }

  if (options.format == "json") {
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    for (const SummaryRow& row : rows) {
      nlohmann::ordered_json by_kind = nlohmann::ordered_json::object();
      for (int kind = 0; kind < 6; ++kind) {
        by_kind[std::string(KindName(static_cast<Kind>(kind)))] =
            row.by_kind[kind];
      }
      documents.push_back({{"path", row.path},
                           {"score", row.score},
                           {"reused", row.reused},
                           {"claims", row.claims},
                           {"attributed_share", row.attributed_share},
                           {"findings", by_kind}});
    }
    nlohmann::ordered_json out = {
        {"schema", 1},
        {"tool", {{"name", "provcheck"}, {"version", PROVCHECK_VERSION}}},
        {"run",
         {{"id", *run_id},
          {"database", options.db},
          {"analysed", totals.analysed},
          {"reused", totals.reused},
          {"failed", totals.failed}}},
        {"documents", documents}};
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << std::left << std::setw(48) << "document" << std::right
              << std::setw(7) << "score" << std::setw(8) << "claims"
              << std::setw(7) << "named" << std::setw(7) << "attr"
              << std::setw(6) << "cite" << std::setw(7) << "vague"
              << std::setw(7) << "boiler" << std::setw(8) << "unattr" << '\n';
    for (const SummaryRow& row : rows) {
      std::string path = row.path;
      if (path.size() > 46) path = "…" + path.substr(path.size() - 45);
      std::cout << std::left << std::setw(48) << path << std::right
                << std::fixed << std::setprecision(1) << std::setw(7)
                << row.score;
      if (row.reused) {
        std::cout << "  (unchanged, stored results reused)\n";
        continue;
      }
      std::ostringstream share;
      share << std::fixed << std::setprecision(0) << row.attributed_share * 100
            << "%";
      std::cout << std::setw(8) << row.claims << std::setw(7) << share.str()
                << std::setw(7)
                << row.by_kind[static_cast<int>(Kind::kAttribution)]
                << std::setw(6)
                << row.by_kind[static_cast<int>(Kind::kCitation)]
                << std::setw(7)
                << row.by_kind[static_cast<int>(Kind::kVagueAttribution)]
                << std::setw(7)
                << row.by_kind[static_cast<int>(Kind::kBoilerplate)]
                << std::setw(8)
                << row.by_kind[static_cast<int>(Kind::kUnattributedClaim)]
                << '\n';
    }
    std::cout << "\nrun " << *run_id << " into " << options.db << ": "
              << totals.analysed << " analysed, " << totals.reused
              << " reused (unchanged), " << totals.failed << " failed\n";
  }
  // The report reads back what was stored, so it is written last.
  const bool report_failed =
      !options.html.empty() && !WriteRunReport(**store, *run_id, options.html);
  return (totals.failed > 0 || store_failed || report_failed) ? kExitError
                                                              : kExitClean;
}

}  // namespace provcheck::cli
