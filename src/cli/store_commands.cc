// explain, sources, history: read back what audits stored.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "nlohmann/json.hpp"
#include "provcheck/store.h"

namespace provcheck::cli {
namespace {

std::unique_ptr<Store> OpenOrReport(const std::string& db) {
  auto store = Store::Open(db, StoreOptions{});
  if (!store.ok()) {
    std::cerr << store.status().message() << '\n';
    return nullptr;
  }
  return *std::move(store);
}

std::string Fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string Excerpt(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  size_t cut = width;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return text.substr(0, cut) + "…";
}

}  // namespace

int RunExplain(const StoreQueryOptions& options) {
  std::unique_ptr<Store> store = OpenOrReport(options.db);
  if (!store) return kExitError;
  auto explanation = store->Explain(options.path);
  if (!explanation.ok()) {
    std::cerr << explanation.status().message() << '\n';
    return kExitError;
  }
  if (!explanation->has_value()) {
    std::cerr << options.path << ": error: not in " << options.db
              << " (run `provcheck audit " << options.path << "` first)\n";
    return kExitError;
  }
  const StoredExplanation& e = **explanation;
  const ScoreWeights weights;  // the documented defaults (README)
  const DocumentStats& s = e.stats;
  // The claims carry the evidence; the totals are derived from them.
  double credit = 0, reliability_sum = 0;
  int sourced = 0;
  for (const Claim& claim : e.claims) {
    credit += claim.credit;
    if (claim.sourcing == Sourcing::kAttributed ||
        claim.sourcing == Sourcing::kCited) {
      reliability_sum += claim.reliability;
      ++sourced;
    }
  }
  std::cout << e.document.path << " — provenance score "
            << Fixed(e.score.total, 1) << " (run " << e.document.last_run
            << ")\n";
  if (!e.metadata.title.empty())
    std::cout << "  title: " << e.metadata.title << '\n';
  std::cout << "\nWhy this score\n";
  std::cout << "  provenance  " << std::setw(6)
            << Fixed(100 * e.score.provenance, 1) << "  = 100 × credit "
            << Fixed(credit, 2) << " / " << s.claims << " claims ("
            << s.attributed_claims << " named, " << s.cited_claims << " cited, "
            << s.vague_claims << " vague, " << s.unattributed_claims
            << " unattributed)\n";
  if (sourced > 0) {
    std::cout << "              mean reliability of the sources leaned on: "
              << Fixed(reliability_sum / sourced, 2) << '\n';
  }
  std::cout << "  vague       " << std::setw(6)
            << Fixed(-e.score.vague_penalty, 1) << "  = "
            << s.vague_attributions << " vague attributions × "
            << Fixed(weights.vague_penalty, 0) << " (at most "
            << Fixed(weights.vague_penalty_cap, 0) << ")\n";
  std::cout << "  boilerplate " << std::setw(6)
            << Fixed(-e.score.boilerplate_penalty, 1) << "  = "
            << s.boilerplate_lines << " of " << s.lines << " lines × "
            << Fixed(weights.boilerplate_penalty, 0) << '\n';
  std::cout << "  contradict. " << std::setw(6)
            << Fixed(-e.score.contradiction_penalty, 1) << "  = "
            << s.contradictions << " × "
            << Fixed(weights.contradiction_penalty, 0) << '\n';
  std::cout << "  total       " << std::setw(6) << Fixed(e.score.total, 1)
            << "  (clamped to 0–100)\n";

  std::cout << "\nClaims, line by line\n";
  for (const Claim& claim : e.claims) {
    std::cout << "  " << std::left << std::setw(8)
              << (std::to_string(claim.start.line) + ":" +
                  std::to_string(claim.start.column))
              << std::setw(13) << std::string(SourcingName(claim.sourcing))
              << std::right << "+" << Fixed(claim.credit, 2) << "  ";
    if (!claim.source.empty()) {
      std::cout << claim.source << " (" << claim.source_type << ", reliability "
                << Fixed(claim.reliability, 2) << ")  ";
    } else if (claim.sourcing == Sourcing::kVague) {
      std::cout << "\"" << Excerpt(claim.cue, 40) << "\"  ";
    }
    std::cout << "— " << Excerpt(claim.text, 70) << '\n';
  }
  int penalised = 0;
  for (const Finding& finding : e.findings) {
    if (finding.kind == Kind::kBoilerplate ||
        finding.kind == Kind::kContradiction) {
      if (penalised++ == 0) std::cout << "\nPenalised lines\n";
      std::cout << "  " << std::left << std::setw(8)
                << (std::to_string(finding.start.line) + ":" +
                    std::to_string(finding.start.column))
                << std::setw(14) << std::string(KindName(finding.kind))
                << std::right << Excerpt(finding.text, 70) << '\n';
    }
  }
  return kExitClean;
}

int RunSources(const StoreQueryOptions& options) {
  std::unique_ptr<Store> store = OpenOrReport(options.db);
  if (!store) return kExitError;
  auto sources = store->ListSources();
  if (!sources.ok()) {
    std::cerr << sources.status().message() << '\n';
    return kExitError;
  }
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const SourceRecord& source : *sources) {
      list.push_back({{"name", source.name},
                      {"type", source.type},
                      {"aliases", source.aliases},
                      {"prior", source.prior},
                      {"reliability", source.reliability},
                      {"claims", source.claims},
                      {"confirmed", source.confirmed},
                      {"contradicted", source.contradicted},
                      {"documents", source.documents}});
    }
    std::cout << nlohmann::ordered_json{{"schema", 1}, {"sources", list}}.dump(
                     2)
              << '\n';
    return kExitClean;
  }
  std::cout << std::left << std::setw(36) << "source" << std::setw(15) << "type"
            << std::right << std::setw(8) << "prior" << std::setw(8) << "now"
            << std::setw(8) << "claims" << std::setw(7) << "conf"
            << std::setw(7) << "contr"
            << "  documents\n";
  for (const SourceRecord& source : *sources) {
    std::cout << std::left << std::setw(36) << Excerpt(source.name, 34)
              << std::setw(15) << source.type << std::right << std::setw(8)
              << Fixed(source.prior, 2) << std::setw(8)
              << Fixed(source.reliability, 2) << std::setw(8) << source.claims
              << std::setw(7) << source.confirmed << std::setw(7)
              << source.contradicted << "  ";
    for (size_t i = 0; i < source.documents.size(); ++i) {
      if (i == 3) {
        std::cout << " +" << source.documents.size() - 3 << " more";
        break;
      }
      std::cout << (i ? ", " : "") << source.documents[i];
    }
    std::cout << '\n';
  }
  return kExitClean;
}

int RunHistory(const StoreQueryOptions& options) {
  std::unique_ptr<Store> store = OpenOrReport(options.db);
  if (!store) return kExitError;
  auto history = store->History(options.path);
  if (!history.ok()) {
    std::cerr << history.status().message() << '\n';
    return kExitError;
  }
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ScoreHistoryEntry& entry : *history) {
      list.push_back({{"run", entry.run_id},
                      {"started", entry.started},
                      {"path", entry.path},
                      {"score", entry.total}});
    }
    std::cout << nlohmann::ordered_json{{"schema", 1}, {"history", list}}.dump(
                     2)
              << '\n';
    return kExitClean;
  }
  std::cout << std::left << std::setw(6) << "run" << std::setw(22) << "started"
            << std::right << std::setw(7) << "score"
            << "  document\n";
  for (const ScoreHistoryEntry& entry : *history) {
    std::cout << std::left << std::setw(6) << entry.run_id << std::setw(22)
              << entry.started << std::right << std::setw(7)
              << Fixed(entry.total, 1) << "  " << entry.path << '\n';
  }
  return kExitClean;
}

}  // namespace provcheck::cli
