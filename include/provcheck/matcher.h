// match: every rule pack compiled once, run over a document in one pass per
// scope.
#ifndef PROVCHECK_MATCHER_H_
#define PROVCHECK_MATCHER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "provcheck/rule.h"
#include "provcheck/segment.h"

namespace re2 {
class RE2;
class Set;
}  // namespace re2

namespace provcheck {

struct Capture {
  std::string name;
  std::string value;
  // A name the engine resolved (an anaphor's antecedent, a short form given
  // in full), already clean: CleanSourceName would cut the "'s" that ends
  // a whole name such as "Moody's".
  bool clean = false;
};

// One match of one rule's pattern inside one segment.
struct RuleMatch {
  const Rule* rule = nullptr;
  // Which of the matcher's patterns found it: with the scope, it orders
  // matches that begin together, whatever order the patterns ran in.
  uint32_t pattern = 0;
  size_t segment = 0;  // index into lines or sentences, per the rule's scope
  size_t begin = 0;    // byte range in the analysis text
  size_t end = 0;
  std::vector<Capture> captures;  // named groups that took part
};

// The value of the capture called `name`; empty when that group took no
// part in the match.
std::string_view CaptureValue(const std::vector<Capture>& captures,
                              std::string_view name);

// The compiled form of a set of rule packs. Immutable once built, so one
// instance serves every thread (see MatchBatch's lanes).
class Matcher {
 public:
  // Compiles every pattern; an RE2 error names the rule, its file and line,
  // and RE2's own message.
  // Up to `threads` threads compile side by side; the result is the same.
  // The prefilter keeps the literal atoms of at least `min_atom_length`
  // bytes: shorter ones filter too little to be worth matching (2 and 1
  // were measured slower, bench/README.md); benches try others.
  static constexpr int kDefaultMinAtomLength = 3;
  static absl::StatusOr<std::unique_ptr<Matcher>> Compile(
      std::vector<RulePack> packs, int threads = 1,
      int min_atom_length = kDefaultMinAtomLength);
  ~Matcher();

  // Finds every match in `text`. For each segment of each scope, one pass of
  // an RE2::Set of the literal atoms the patterns require says which
  // patterns can match there; only those run, to find spans and captures.
  // Matches are ordered by begin offset.
  std::vector<RuleMatch> Match(std::string_view text,
                               const Segmentation& segments) const;

  // One document of a batch: its analysis text and its segments.
  struct BatchItem {
    std::string_view text;
    const Segmentation* segments = nullptr;
  };
  // Match() for each item, with the same result, but pattern by pattern
  // across the whole batch: each pattern's DFA runs over every segment of
  // every item that may hold it before the next pattern runs. Matched
  // document by document, a few dozen DFAs took turns on each sentence and
  // evicted each other's states from the cache; that cost more than half
  // the matching time (bench/README.md, "batches").
  //
  // Threads sharing this matcher pass their `lane` of `lanes`: each starts
  // its pattern loop a share of the patterns further on. RE2 builds a DFA's
  // states under a lock of that DFA, so threads that ran the same pattern
  // at the same time met there; a copy of the matcher per thread avoided
  // that, but built every state twice and took 130 MB more (bench/README.md,
  // "Two cores"). The result does not depend on the lane.
  std::vector<std::vector<RuleMatch>> MatchBatch(
      const std::vector<BatchItem>& items, int lane = 0, int lanes = 1) const;

  // Matches of one rule alone against a snippet treated as a document; what
  // `rules check` runs inline examples through.
  std::vector<RuleMatch> MatchRule(const Rule& rule,
                                   std::string_view text) const;

  // For benchmarks and tools, not the matching path. The ids of the
  // prefilter atoms of `scope` found in `segment`, sorted; and the patterns
  // those atoms let run there, by index in pack order (rule by rule,
  // pattern by pattern, every scope counted). A bench that replays the
  // pattern runs asks here, so that it measures the matcher's own shards.
  void FindAtoms(Scope scope, std::string_view segment,
                 std::vector<int>& out) const;
  std::vector<int> PotentialPatterns(Scope scope,
                                     std::string_view segment) const;

  // For a rule with `release-period` (rule.h): whether `sentence` holds the
  // release's figure, and the periods it names (each `period` capture, or
  // each whole match), in order. False and empty for any other rule.
  bool HoldsReleaseFigure(const Rule& rule, std::string_view sentence) const;
  std::vector<std::string_view> ReleasePeriods(const Rule& rule,
                                               std::string_view sentence) const;

  // The rule a finding of `rule` becomes when its anaphor names no one in
  // reach (`unresolved-as`, rule.h); null when `rule` has none.
  const Rule* UnresolvedAs(const Rule& rule) const;

  const std::vector<RulePack>& packs() const { return packs_; }
  std::vector<const Rule*> rules() const;
  // A digest of every pack's content: findings computed under one digest are
  // reusable under it.
  const std::string& digest() const { return digest_; }

 private:
  struct CompiledPattern;
  struct CompiledRelease;
  struct Prefilter;
  // Buffers reused across the segments of one Match call.
  struct Scratch {
    std::vector<int> atoms;
    std::vector<int> potentials;
    std::vector<int> shard_atoms;       // one shard's share of `atoms`
    std::vector<int> shard_potentials;  // and its patterns
  };
  // A segment a pattern may match, queued until the pattern's turn.
  struct PendingRun {
    uint32_t item;
    uint32_t segment;
    TextRange range;
  };
  Matcher();

  // Fills scratch.potentials with the patterns `segment`'s atoms allow.
  void Potentials(Scope scope, std::string_view segment,
                  Scratch& scratch) const;
  // Queues, for every pattern the segment's atoms allow, a run over it.
  void QueueSegment(Scope scope, std::string_view text, TextRange range,
                    uint32_t item, uint32_t segment_index, Scratch& scratch,
                    std::vector<std::vector<PendingRun>>& runs) const;
  // `text` is the whole analysis text; `before` and `after`, the segment's
  // text ahead of the match and past it, views into it.
  static bool Rejected(const CompiledPattern& pattern, const RuleMatch& match,
                       std::string_view text, std::string_view before,
                       std::string_view after);
  void FindAll(const CompiledPattern& pattern, std::string_view text,
               TextRange range, size_t segment_index,
               std::vector<RuleMatch>& out) const;

  std::vector<RulePack> packs_;
  std::vector<CompiledPattern> patterns_;
  // Only run, once per document, on the sentences that hold an attribution
  // and on the few findings no neighbour settled, so they stay outside the
  // prefilter.
  std::vector<CompiledRelease> releases_;
  absl::flat_hash_map<const Rule*, const Rule*> unresolved_as_;
  // One per scope: line, sentence, document.
  std::array<std::unique_ptr<Prefilter>, 3> prefilters_;
  std::string digest_;
};

}  // namespace provcheck

#endif  // PROVCHECK_MATCHER_H_
