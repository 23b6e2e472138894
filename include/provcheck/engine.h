// The per-document pipeline: segment -> match -> findings -> score. A pure
// function of (document, compiled rules), so documents run in parallel and
// results can be reused by content hash.
#ifndef PROVCHECK_ENGINE_H_
#define PROVCHECK_ENGINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "provcheck/document.h"
#include "provcheck/finding.h"
#include "provcheck/matcher.h"
#include "provcheck/repetition.h"
#include "provcheck/score.h"
#include "provcheck/source_name.h"
#include "provcheck/sources.h"

namespace provcheck {

// How a claim is sourced, best first.
enum class Sourcing { kAttributed, kCited, kVague, kUnattributed };
std::string_view SourcingName(Sourcing sourcing);
std::optional<Sourcing> ParseSourcing(std::string_view name);

// A check-worthy sentence and who, if anyone, it is attributed to.
struct Claim {
  size_t begin = 0;  // the sentence, in the analysis text
  size_t end = 0;
  Position start;  // in the original file; `stop` is exclusive
  Position stop;
  std::string text;
  Sourcing sourcing = Sourcing::kUnattributed;
  std::string source;       // canonical name; empty unless attributed/cited
  std::string source_type;  // one of kSourceTypes (sources.h)
  // False when the source's words describe or point to a speaker without
  // naming one (SourceProfile::named): kept, but gathered under no source.
  bool source_named = true;
  double reliability = 0;  // of the source, 0..1 (0 when there is none)
  std::string cue;         // the text of the finding that sources it
  std::string rule_id;     // that finding's rule
  double credit = 0;       // what the claim adds to the provenance share
};

struct DocumentResult {
  std::string path;
  std::string sha256;
  uint64_t bytes = 0;
  std::vector<Finding> findings;  // sorted by line, then column
  std::vector<Claim> claims;      // in text order
  DocumentStats stats;
  Score score;
};

// Renders a rule's message template with a match's captures: "{name}"
// inserts a capture, "{?name:text}" inserts text only when it is non-empty.
std::string RenderMessage(std::string_view message_template,
                          const std::vector<Capture>& captures);

// What a document is analysed with; shared read-only by every worker, each
// with a copy that names its lane.
struct AnalysisConfig {
  const Matcher* matcher = nullptr;
  // Resolves sources to a type and reliability; null treats every source as
  // unknown (prior 0.3).
  const SourceRegistry* sources = nullptr;
  ScoreWeights weights;
  // Contradiction findings by document path, from the cross-check pass;
  // null when there was none. They join the document's findings and score.
  const absl::flat_hash_map<std::string, std::vector<Finding>>* contradictions =
      nullptr;
  // Lines recurring across the run's documents, from the first pass; null
  // when there was none. Each such line is a boilerplate finding.
  const RepeatedLines* repeated_lines = nullptr;
  // This worker's lane among the threads matching at once
  // (Matcher::MatchBatch).
  int lane = 0;
  int lanes = 1;
};

// The rule id of a line flagged for recurring across documents: built in,
// since no pattern can see other documents.
inline constexpr char kRepeatedLineRuleId[] = "boilerplate.repeated-line";

// The rule id of an HTML line whose markup places it in page furniture
// (<nav>, a sidebar, a share bar) or that is mostly link text: built in,
// since patterns see only the text.
inline constexpr char kPageStructureRuleId[] = "boilerplate.page-structure";

// The rule id of a short line of plain text outside the article's body, in
// text that reads as a whole page (a scraper's output): built in, since it
// weighs the whole document's layout.
inline constexpr char kOutsideArticleRuleId[] = "boilerplate.outside-article";

// A line of at least this share of link text is a menu or a link list.
inline constexpr double kLinkDenseShare = 0.7;

// Findings of opt-in rules (Rule::opt_in) are listed with the others but
// stand apart: they never displace, drop or merge with a default finding,
// and claims, stats and score are computed from the default findings alone.
// So a document's score does not depend on which opt-in packs were compiled.
DocumentResult AnalyzeDocument(const Document& document,
                               const AnalysisConfig& config);

// AnalyzeDocument for each document, with the same results, but with the
// patterns run over the whole batch at once (Matcher::MatchBatch), which
// keeps each pattern's automaton in the cache while it runs. The batch is
// the unit of work for a large corpus; a few dozen documents gain most of
// what there is to gain (bench/README.md, "batches").
std::vector<DocumentResult> AnalyzeDocuments(
    const std::vector<Document>& documents, const AnalysisConfig& config);

}  // namespace provcheck

#endif  // PROVCHECK_ENGINE_H_
