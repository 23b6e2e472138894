#include "provcheck/matcher.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/parallel.h"
#include "common/sha256.h"
#include "provcheck/source_name.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace provcheck {

struct Matcher::CompiledPattern {
  const Rule* rule = nullptr;
  // Owned by the scope's Prefilter: FilteredRE2 compiles every pattern it
  // is given and keeps it, and a second copy of our own doubled the cost of
  // loading the rules (two of the boilerplate patterns take 60–100 ms each
  // to compile).
  const RE2* regex = nullptr;
  std::vector<std::string> group_names;  // by group index; "" if unnamed
  int span_group = -1;                   // the group named "span", if any
  // The rule's `reject` clauses: capture name and a full-match pattern.
  std::vector<std::pair<std::string, std::shared_ptr<const RE2>>> rejects;
};

struct Matcher::CompiledRelease {
  const Rule* rule = nullptr;
  std::unique_ptr<const RE2> figure;
  std::unique_ptr<const RE2> period;
  int period_group = 0;  // the group named "period", or 0 for the match
};

// The one-pass prefilter, one per scope. FilteredRE2 works out, for every
// pattern, the literal strings ("atoms") a match must contain; one
// case-insensitive RE2::Set of all atoms finds which of them a segment holds,
// and only the patterns those atoms allow run their own RE2. A set of the
// full patterns was the first design: its DFA, the union of large
// Unicode-class patterns, thrashed at under 1 MB/s (bench/README.md). Each
// scope has its own atoms, so a line is not scanned for the words of
// sentence patterns, nor the other way round.
struct Matcher::Prefilter {
  // A scope's patterns are split between several FilteredRE2s so that
  // threads can compile them side by side: compiling is most of a lint of a
  // few drafts (bench/README.md). One atom set still serves them all.
  struct Shard {
    // Built in place: FilteredRE2's move constructor drops min_atom_len.
    explicit Shard(int min_atom_length) : filter(min_atom_length) {}
    re2::FilteredRE2 filter;
    std::vector<int> pattern_ids;    // filter's id -> index into patterns_
    std::vector<std::string> atoms;  // as filter.Compile() numbers them
    std::vector<int> from_set;       // atom set's id -> filter's, or -1
  };
  std::vector<std::unique_ptr<Shard>> shards;  // none: the scope is empty
  std::unique_ptr<RE2::Set> atoms;  // null when no pattern has an atom

  // FilteredRE2::AllPotentials allocates and walks its whole prefilter tree
  // on every call: 7 us a segment, more than the atom scan and the pattern
  // runs together. Many segments hold the same atoms ("said" alone is the
  // commonest), so the answers are remembered, up to a bound that keeps
  // memory flat on any corpus.
  static constexpr size_t kMaxRemembered = 1 << 16;
  absl::Mutex mutex;
  absl::flat_hash_map<std::vector<int>, std::vector<int>> potentials
      ABSL_GUARDED_BY(mutex);

  // Indexes into patterns_ of the patterns that can match a segment holding
  // `atom_ids` (the atom set's, sorted), in ascending order. `held` and
  // `allowed` are scratch, kept by the caller: most segments of text without
  // copies come here.
  void Potentials(const std::vector<int>& atom_ids, std::vector<int>& out,
                  std::vector<int>& held, std::vector<int>& allowed) {
    {
      absl::ReaderMutexLock lock(&mutex);
      if (auto it = potentials.find(atom_ids); it != potentials.end()) {
        out = it->second;
        return;
      }
    }
    out.clear();
    for (const auto& shard : shards) {
      held.clear();
      for (int id : atom_ids) {
        if (shard->from_set[id] >= 0) held.push_back(shard->from_set[id]);
      }
      shard->filter.AllPotentials(held, &allowed);
      for (int id : allowed) out.push_back(shard->pattern_ids[id]);
    }
    std::sort(out.begin(), out.end());
    absl::MutexLock lock(&mutex);
    if (potentials.size() < kMaxRemembered) potentials.emplace(atom_ids, out);
  }

  // The ids of the atoms `segment` holds, sorted.
  void ScanAtoms(std::string_view segment, std::vector<int>& out) const {
    out.clear();
    if (atoms) {
      atoms->Match(re2::StringPiece(segment.data(), segment.size()), &out);
    }
    std::sort(out.begin(), out.end());
  }

  // One case-insensitive set over the atoms of all the shards, and each
  // shard's map from the set's atom ids to its own.
  absl::Status BuildAtomSet(const RE2::Options& options) {
    std::vector<std::string> all;
    absl::flat_hash_map<std::string, int> ids;
    for (const auto& shard : shards) {
      for (const std::string& atom : shard->atoms) {
        if (ids.emplace(atom, static_cast<int>(all.size())).second) {
          all.push_back(atom);
        }
      }
    }
    for (const auto& shard : shards) {
      shard->from_set.assign(all.size(), -1);
      for (size_t local = 0; local < shard->atoms.size(); ++local) {
        shard->from_set[ids[shard->atoms[local]]] = static_cast<int>(local);
      }
    }
    if (all.empty()) return absl::OkStatus();
    RE2::Options atom_options = options;
    atom_options.set_case_sensitive(false);  // atoms are lower case
    auto set = std::make_unique<RE2::Set>(atom_options, RE2::UNANCHORED);
    for (const std::string& atom : all) {
      if (set->Add(RE2::QuoteMeta(atom), nullptr) < 0) {
        return absl::InternalError(
            "error: an atom of the prefilter does not compile");
      }
    }
    if (!set->Compile()) {
      return absl::ResourceExhaustedError(
          "error: the prefilter's atoms are too many to compile together");
    }
    atoms = std::move(set);
    return absl::OkStatus();
  }
};

namespace {

std::string_view CaptureOf(const RuleMatch& match, std::string_view name) {
  for (const Capture& capture : match.captures) {
    if (capture.name == name) return capture.value;
  }
  return {};
}

size_t NextCodePoint(re2::StringPiece text, size_t position) {
  ++position;
  while (position < text.size() &&
         (static_cast<unsigned char>(text[position]) & 0xC0) == 0x80) {
    ++position;
  }
  return position;
}

size_t ScopeIndex(Scope scope) {
  switch (scope) {
    case Scope::kLine:
      return 0;
    case Scope::kSentence:
      return 1;
    case Scope::kDocument:
      return 2;
  }
  return 2;
}

// Matches that begin together keep the order of scope (lines, sentences,
// the document) and then of the patterns in their packs, which decides ties
// between rules; stable, for one pattern's matches in the order found.
void SortByBegin(std::vector<RuleMatch>& matches) {
  std::stable_sort(matches.begin(), matches.end(),
                   [](const RuleMatch& a, const RuleMatch& b) {
                     const size_t a_scope = ScopeIndex(a.rule->scope);
                     const size_t b_scope = ScopeIndex(b.rule->scope);
                     return std::tie(a.begin, a_scope, a.pattern) <
                            std::tie(b.begin, b_scope, b.pattern);
                   });
}

// `at-least N per-document`: a rule with fewer matches than its minimum in
// one document keeps none of them there.
void DropRulesBelowMinimum(std::vector<RuleMatch>& matches) {
  absl::flat_hash_map<const Rule*, int> counts;
  for (const RuleMatch& match : matches) {
    if (match.rule->min_per_document > 1) ++counts[match.rule];
  }
  if (counts.empty()) return;
  std::erase_if(matches, [&counts](const RuleMatch& match) {
    auto it = counts.find(match.rule);
    return it != counts.end() && it->second < match.rule->min_per_document;
  });
}

// The line (a paragraph) of `text` that holds byte `at`, without its line
// break.
std::string_view LineAround(std::string_view text, size_t at) {
  size_t begin = 0;
  if (at > 0) {
    const size_t newline = text.rfind('\n', at - 1);
    if (newline != std::string_view::npos) begin = newline + 1;
  }
  const size_t end = std::min(text.find('\n', at), text.size());
  return text.substr(begin, end - begin);
}

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  // Unicode classes such as \p{Lu} make large automata; the default 8 MiB
  // makes RE2 fall back to slower engines on long scraped paragraphs.
  options.set_max_mem(64 << 20);
  return options;
}

}  // namespace

bool Matcher::Rejected(const CompiledPattern& pattern, const RuleMatch& match,
                       std::string_view text, std::string_view before,
                       std::string_view after) {
  for (const auto& [capture, regex] : pattern.rejects) {
    // `before` is the segment's text ahead of the match, uncleaned: RE2 has
    // no lookbehind, and "sources close to the Fed say" must not make the
    // Fed the speaker.
    if (capture == kRejectBefore) {
      if (RE2::FullMatch(before, *regex)) return true;
      continue;
    }
    // `after` is its text past the match, for the same want of lookahead:
    // "Acme Corp called for" is a demand unless "redemption" follows.
    if (capture == kRejectAfter) {
      if (RE2::FullMatch(after, *regex)) return true;
      continue;
    }
    // `paragraph` is the line that holds the match, found only for the
    // few rules that ask: most matches never need it.
    if (capture == kRejectParagraph) {
      const size_t at = before.data() + before.size() - text.data();
      if (RE2::FullMatch(LineAround(text, at), *regex)) return true;
      continue;
    }
    const std::string value = CleanSourceName(CaptureOf(match, capture));
    if (!value.empty() && RE2::FullMatch(value, *regex)) return true;
  }
  return false;
}

Matcher::Matcher() = default;
Matcher::~Matcher() = default;

bool Matcher::HoldsReleaseFigure(const Rule& rule,
                                 std::string_view sentence) const {
  for (const CompiledRelease& release : releases_) {
    if (release.rule == &rule) {
      return RE2::PartialMatch(sentence, *release.figure);
    }
  }
  return false;
}

const Rule* Matcher::UnresolvedAs(const Rule& rule) const {
  auto it = unresolved_as_.find(&rule);
  return it == unresolved_as_.end() ? nullptr : it->second;
}

std::vector<std::string_view> Matcher::ReleasePeriods(
    const Rule& rule, std::string_view sentence) const {
  std::vector<std::string_view> periods;
  for (const CompiledRelease& release : releases_) {
    if (release.rule != &rule) continue;
    const re2::StringPiece text(sentence.data(), sentence.size());
    const int group = release.period_group;
    std::vector<re2::StringPiece> submatch(group + 1);
    size_t at = 0;
    while (at <= text.size() &&
           release.period->Match(text, at, text.size(), RE2::UNANCHORED,
                                 submatch.data(), group + 1)) {
      if (!submatch[group].empty()) {
        periods.emplace_back(submatch[group].data(), submatch[group].size());
      }
      // Past the match; past one more byte when it was empty, so the scan
      // always ends.
      const size_t end = submatch[0].data() + submatch[0].size() - text.data();
      at = submatch[0].empty() ? end + 1 : end;
    }
  }
  return periods;
}

namespace {

// Patterns a FilteredRE2 compiles at most. Chosen for two cores with room
// for more: a hundred sentence patterns make four shards, and threads share
// out the shards and the reject patterns. More shards cost matching nothing
// measurable (bench/README.md, "Compiling the rules on every core").
constexpr size_t kMaxPatternsPerShard = 25;

std::string CompileError(const Rule& rule, const Pattern& pattern,
                         const std::string& what, const std::string& error) {
  return absl::StrCat(pattern.location.file, ":", pattern.location.line, ":",
                      pattern.location.column, ": error: rule ", rule.id, ": ",
                      what, " does not compile: ", error);
}

std::string Fingerprint(const std::vector<RulePack>& packs) {
  std::string fingerprint;
  for (const RulePack& pack : packs) {
    // "opt-in" only when set, so the digests of existing stores still hold.
    absl::StrAppend(&fingerprint, "pack ", pack.name,
                    pack.opt_in ? " opt-in\n" : "\n");
    for (const Rule& rule : pack.rules) {
      absl::StrAppend(
          &fingerprint, "rule ", rule.id, " ", std::string(KindName(rule.kind)),
          " ", std::string(SeverityName(rule.severity)), " ",
          std::string(ScopeName(rule.scope)), " ", rule.message, " ",
          rule.reach, rule.reach_across_paragraphs ? " across" : "",
          rule.lead_reach > 0 ? absl::StrCat(" lead ", rule.lead_reach) : "",
          rule.reach_quote_run ? " quote-run" : "",
          rule.reach_list ? " list" : "",
          rule.reach_sole_body ? " sole-body" : "",
          rule.governs == Governs::kParagraph        ? " governs-paragraph"
          : rule.governs == Governs::kRestOfDocument ? " governs-document"
                                                     : "",
          rule.min_per_document > 0
              ? absl::StrCat(" at-least ", rule.min_per_document)
              : "",
          "\n");
      for (Kind kind : rule.yields_to) {
        absl::StrAppend(&fingerprint, "yields ", std::string(KindName(kind)));
      }
      for (Kind kind : rule.unless_near) {
        absl::StrAppend(&fingerprint, "near ", std::string(KindName(kind)));
      }
      for (const auto& [capture, pattern] : rule.rejects) {
        absl::StrAppend(&fingerprint, "reject ", capture, " ", pattern.regex,
                        "\n");
      }
      if (!rule.unresolved_as.empty()) {
        absl::StrAppend(&fingerprint, "unresolved-as ", rule.unresolved_as,
                        "\n");
      }
      if (rule.release_period.has_value()) {
        absl::StrAppend(&fingerprint, "release ",
                        rule.release_period->figure.regex, " ",
                        rule.release_period->period.regex, "\n");
      }
      for (const Pattern& pattern : rule.patterns) {
        absl::StrAppend(&fingerprint, "match ", pattern.regex, "\n");
      }
    }
  }
  return fingerprint;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Matcher>> Matcher::Compile(
    std::vector<RulePack> packs, int threads, int min_atom_length) {
  std::unique_ptr<Matcher> matcher(new Matcher());
  matcher->packs_ = std::move(packs);
  matcher->digest_ = Sha256Hex(Fingerprint(matcher->packs_));
  const RE2::Options options = PatternOptions();

  // Every regex to compile, in pack order: a rule's rejects, then its
  // patterns. An error is reported for the first in this order, however
  // the threads finish.
  struct RejectJob {
    const Rule* rule;
    const Pattern* pattern;
    size_t order;
    std::shared_ptr<const RE2> regex;
  };
  struct PatternJob {
    const Pattern* pattern;
    size_t order;
    size_t rejects_begin;  // the rule's rejects in reject_jobs
    size_t rejects_end;
  };
  std::vector<RejectJob> reject_jobs;
  std::vector<PatternJob> pattern_jobs;  // by index into patterns_
  std::array<std::vector<size_t>, 3> scope_patterns;
  size_t order = 0;
  for (const RulePack& pack : matcher->packs_) {
    for (const Rule& rule : pack.rules) {
      const size_t rejects_begin = reject_jobs.size();
      for (const auto& [capture, pattern] : rule.rejects) {
        reject_jobs.push_back(RejectJob{&rule, &pattern, order++, nullptr});
      }
      for (const Pattern& pattern : rule.patterns) {
        scope_patterns[ScopeIndex(rule.scope)].push_back(pattern_jobs.size());
        pattern_jobs.push_back(
            PatternJob{&pattern, order++, rejects_begin, reject_jobs.size()});
        CompiledPattern compiled;
        compiled.rule = &rule;
        matcher->patterns_.push_back(std::move(compiled));
      }
    }
  }

  // Each scope's patterns in shards of near-equal size.
  struct ShardJob {
    Prefilter::Shard* shard;
    std::vector<size_t> patterns;  // indexes into patterns_
  };
  std::vector<ShardJob> shard_jobs;
  for (size_t scope = 0; scope < 3; ++scope) {
    matcher->prefilters_[scope] = std::make_unique<Prefilter>();
    const std::vector<size_t>& ids = scope_patterns[scope];
    if (ids.empty()) continue;
    const size_t count =
        (ids.size() + kMaxPatternsPerShard - 1) / kMaxPatternsPerShard;
    for (size_t k = 0; k < count; ++k) {
      auto& shard = matcher->prefilters_[scope]->shards.emplace_back(
          std::make_unique<Prefilter::Shard>(min_atom_length));
      shard_jobs.push_back(ShardJob{
          shard.get(),
          std::vector<size_t>(ids.begin() + ids.size() * k / count,
                              ids.begin() + ids.size() * (k + 1) / count)});
    }
  }

  // The shards first, as the larger tasks; the rejects fill in after. Each
  // task writes only its own entries, so none needs a lock.
  std::vector<std::string> errors(order);
  auto compile_reject = [&](RejectJob& job) {
    job.regex = std::make_shared<const RE2>(job.pattern->regex, options);
    if (!job.regex->ok()) {
      errors[job.order] = CompileError(*job.rule, *job.pattern,
                                       "reject pattern", job.regex->error());
    }
  };
  auto compile_shard = [&](ShardJob& job) {
    for (size_t index : job.patterns) {
      const PatternJob& pattern = pattern_jobs[index];
      int id = -1;
      if (job.shard->filter.Add(pattern.pattern->regex, options, &id) !=
          RE2::NoError) {
        // FilteredRE2 drops a pattern that does not compile, and its
        // message with it: compile it again for the message. The shard's
        // numbering is off from here, and the whole compile fails.
        const RE2 failed(pattern.pattern->regex, options);
        errors[pattern.order] = CompileError(
            *matcher->patterns_[index].rule, *pattern.pattern, "pattern",
            absl::StrCat(failed.error(),
                         " (RE2 has no backreferences or lookaround)"));
        return;
      }
      if (id != static_cast<int>(job.shard->pattern_ids.size())) {
        errors[pattern.order] =
            "error: rule " + matcher->patterns_[index].rule->id +
            ": the prefilter numbered a pattern out of order";
        return;
      }
      job.shard->pattern_ids.push_back(static_cast<int>(index));
    }
    job.shard->filter.Compile(&job.shard->atoms);
  };
  ParallelFor(shard_jobs.size() + reject_jobs.size(), threads,
              [&](int, size_t task) {
                if (task < shard_jobs.size()) {
                  compile_shard(shard_jobs[task]);
                } else {
                  compile_reject(reject_jobs[task - shard_jobs.size()]);
                }
              });
  for (const std::string& error : errors) {
    if (!error.empty()) return absl::InvalidArgumentError(error);
  }
  // A rule may name another to give its unresolved findings to; the other
  // must be loaded, or those findings would have no rule.
  absl::flat_hash_map<std::string_view, const Rule*> rule_by_id;
  for (const RulePack& pack : matcher->packs_) {
    for (const Rule& rule : pack.rules) rule_by_id.emplace(rule.id, &rule);
  }
  for (const RulePack& pack : matcher->packs_) {
    for (const Rule& rule : pack.rules) {
      if (rule.unresolved_as.empty()) continue;
      auto it = rule_by_id.find(rule.unresolved_as);
      if (it == rule_by_id.end() || it->second == &rule) {
        const SourceLocation& at = rule.unresolved_as_location;
        return absl::InvalidArgumentError(
            absl::StrCat(at.file, ":", at.line, ":", at.column,
                         ": error: rule ", rule.id, ": unresolved-as names ",
                         it == rule_by_id.end()
                             ? absl::StrCat("rule ", rule.unresolved_as,
                                            ", which no enabled pack defines")
                             : std::string("the rule itself")));
      }
      matcher->unresolved_as_.emplace(&rule, it->second);
    }
  }

  for (const RulePack& pack : matcher->packs_) {
    for (const Rule& rule : pack.rules) {
      if (!rule.release_period.has_value()) continue;
      CompiledRelease release;
      release.rule = &rule;
      for (auto [pattern, regex] :
           {std::pair{&rule.release_period->figure, &release.figure},
            std::pair{&rule.release_period->period, &release.period}}) {
        *regex = std::make_unique<const RE2>(pattern->regex, options);
        if (!(*regex)->ok()) {
          return absl::InvalidArgumentError(CompileError(
              rule, *pattern, "release-period pattern", (*regex)->error()));
        }
      }
      const auto& groups = release.period->NamedCapturingGroups();
      if (auto it = groups.find("period"); it != groups.end()) {
        release.period_group = it->second;
      }
      matcher->releases_.push_back(std::move(release));
    }
  }

  for (const ShardJob& job : shard_jobs) {
    for (size_t id = 0; id < job.patterns.size(); ++id) {
      CompiledPattern& compiled = matcher->patterns_[job.patterns[id]];
      const PatternJob& pattern = pattern_jobs[job.patterns[id]];
      const RE2* regex = &job.shard->filter.GetRE2(static_cast<int>(id));
      compiled.group_names.resize(regex->NumberOfCapturingGroups() + 1);
      // CapturingGroupNames lists every group, so one name may stand for
      // several alternatives ((?P<role>…)|…(?P<role>…)).
      for (const auto& [index, name] : regex->CapturingGroupNames()) {
        compiled.group_names[index] = name;
        if (name == "span") compiled.span_group = index;
      }
      const Rule& rule = *compiled.rule;
      for (size_t r = pattern.rejects_begin; r < pattern.rejects_end; ++r) {
        compiled.rejects.emplace_back(
            rule.rejects[r - pattern.rejects_begin].first,
            reject_jobs[r].regex);
      }
      compiled.regex = regex;
    }
  }
  // A reject names a target the rule's patterns give, or the reject never
  // fires and nothing says so: "reject aftr" would test nothing.
  absl::flat_hash_map<const Rule*, absl::flat_hash_set<std::string>>
      groups_of_rule;
  for (const CompiledPattern& compiled : matcher->patterns_) {
    auto& names = groups_of_rule[compiled.rule];
    for (const std::string& name : compiled.group_names) {
      if (!name.empty()) names.insert(name);
    }
  }
  for (const RulePack& pack : matcher->packs_) {
    for (const Rule& rule : pack.rules) {
      const auto& names = groups_of_rule[&rule];
      for (const auto& [target, pattern] : rule.rejects) {
        if (target == "0" || target == kRejectBefore ||
            target == kRejectAfter || target == kRejectParagraph ||
            names.contains(target)) {
          continue;
        }
        const SourceLocation& at = pattern.location;
        return absl::InvalidArgumentError(absl::StrCat(
            at.file, ":", at.line, ":", at.column, ": error: rule ", rule.id,
            ": reject names '", target,
            "', which is no capture of the rule's patterns, nor 0, before, "
            "after or paragraph"));
      }
    }
  }

  for (auto& prefilter : matcher->prefilters_) {
    if (absl::Status built = prefilter->BuildAtomSet(options); !built.ok()) {
      return built;
    }
  }
  return matcher;
}

std::vector<const Rule*> Matcher::rules() const {
  std::vector<const Rule*> all;
  for (const RulePack& pack : packs_) {
    for (const Rule& rule : pack.rules) all.push_back(&rule);
  }
  return all;
}

void Matcher::FindAll(const CompiledPattern& pattern, std::string_view text,
                      TextRange range, size_t segment_index,
                      std::vector<RuleMatch>& out) const {
  // The segment alone is the subject, so ^ and $ mean its ends.
  const re2::StringPiece segment(text.data() + range.begin, range.size());
  const int groups = static_cast<int>(pattern.group_names.size());
  // FindAll runs once per segment and potential pattern, hundreds of
  // thousands of times a corpus, mostly to find nothing: no heap for the
  // groups of an ordinary pattern.
  absl::InlinedVector<re2::StringPiece, 8> submatches(groups);
  size_t position = 0;
  // A search from the segment's end could only find an empty match, which
  // is never kept; patterns that end in `$` or `.*` would pay a second
  // RE2 call per match for it.
  while (position < segment.size() &&
         pattern.regex->Match(segment, position, segment.size(),
                              RE2::UNANCHORED, submatches.data(), groups)) {
    const re2::StringPiece whole = submatches[0];
    const size_t begin = whole.data() - segment.data();
    const size_t end = begin + whole.size();
    if (end > begin) {
      RuleMatch match;
      match.rule = pattern.rule;
      match.pattern = static_cast<uint32_t>(&pattern - patterns_.data());
      match.segment = segment_index;
      match.begin = range.begin + begin;
      match.end = range.begin + end;
      // "{0}" in a message is the whole match.
      match.captures.push_back(Capture{"0", std::string(whole)});
      for (int g = 1; g < groups; ++g) {
        if (pattern.group_names[g].empty() || submatches[g].data() == nullptr) {
          continue;
        }
        match.captures.push_back(
            Capture{pattern.group_names[g], std::string(submatches[g])});
      }
      if (pattern.span_group > 0 && !submatches[pattern.span_group].empty()) {
        const re2::StringPiece span = submatches[pattern.span_group];
        match.begin = range.begin + (span.data() - segment.data());
        match.end = match.begin + span.size();
      }
      if (Rejected(
              pattern, match, text, std::string_view(segment.data(), begin),
              std::string_view(segment.data() + end, segment.size() - end))) {
        // "But Smith said" is rejected as a whole, yet "Smith said" inside
        // it is a match: search again from the next code point.
        position = NextCodePoint(segment, begin);
        continue;
      }
      out.push_back(std::move(match));
      position = end;
    } else {
      position = NextCodePoint(segment, begin);  // an empty match
    }
  }
}

void Matcher::Potentials(Scope scope, std::string_view segment,
                         Scratch& scratch) const {
  Prefilter& prefilter = *prefilters_[ScopeIndex(scope)];
  scratch.potentials.clear();
  if (prefilter.shards.empty()) return;
  prefilter.ScanAtoms(segment, scratch.atoms);
  prefilter.Potentials(scratch.atoms, scratch.potentials, scratch.shard_atoms,
                       scratch.shard_potentials);
}

void Matcher::QueueSegment(Scope scope, std::string_view text, TextRange range,
                           uint32_t item, uint32_t segment_index,
                           Scratch& scratch,
                           std::vector<std::vector<PendingRun>>& runs) const {
  if (range.size() == 0) return;
  Potentials(scope, text.substr(range.begin, range.size()), scratch);
  for (int id : scratch.potentials) {
    runs[id].push_back(PendingRun{item, segment_index, range});
  }
}

void Matcher::FindAtoms(Scope scope, std::string_view segment,
                        std::vector<int>& out) const {
  prefilters_[ScopeIndex(scope)]->ScanAtoms(segment, out);
}

std::vector<int> Matcher::PotentialPatterns(Scope scope,
                                            std::string_view segment) const {
  Scratch scratch;
  Potentials(scope, segment, scratch);
  return std::move(scratch.potentials);
}

std::vector<RuleMatch> Matcher::Match(std::string_view text,
                                      const Segmentation& segments) const {
  std::vector<std::vector<RuleMatch>> batch =
      MatchBatch({BatchItem{text, &segments}});
  return std::move(batch.front());
}

std::vector<std::vector<RuleMatch>> Matcher::MatchBatch(
    const std::vector<BatchItem>& items, int lane, int lanes) const {
  // The prefilter pass first: every segment's atoms say which patterns run
  // on it, and the runs wait, grouped by pattern.
  std::vector<std::vector<PendingRun>> runs(patterns_.size());
  Scratch scratch;
  for (uint32_t item = 0; item < items.size(); ++item) {
    const std::string_view text = items[item].text;
    const Segmentation& segments = *items[item].segments;
    for (uint32_t i = 0; i < segments.lines.size(); ++i) {
      QueueSegment(Scope::kLine, text, segments.lines[i], item, i, scratch,
                   runs);
    }
    for (uint32_t i = 0; i < segments.sentences.size(); ++i) {
      QueueSegment(Scope::kSentence, text, segments.sentences[i], item, i,
                   scratch, runs);
    }
    QueueSegment(Scope::kDocument, text, TextRange{0, text.size()}, item, 0,
                 scratch, runs);
  }
  // Then each pattern over its segments, scope by scope, starting at this
  // lane's share of the patterns. The order found in does not matter:
  // SortByBegin puts matches that begin together in scope and pattern
  // order, the order rules rely on to win a tie.
  std::vector<std::vector<RuleMatch>> out(items.size());
  const size_t count = patterns_.size();
  const size_t first_pattern =
      lanes > 1 ? count * static_cast<size_t>(lane) / lanes : 0;
  for (Scope scope : {Scope::kLine, Scope::kSentence, Scope::kDocument}) {
    for (size_t step = 0; step < count; ++step) {
      const size_t id = (first_pattern + step) % count;
      const CompiledPattern& pattern = patterns_[id];
      if (pattern.rule->scope != scope) continue;
      for (const PendingRun& run : runs[id]) {
        FindAll(pattern, items[run.item].text, run.range, run.segment,
                out[run.item]);
      }
    }
  }
  for (std::vector<RuleMatch>& matches : out) {
    DropRulesBelowMinimum(matches);
    SortByBegin(matches);
  }
  return out;
}

std::vector<RuleMatch> Matcher::MatchRule(const Rule& rule,
                                          std::string_view text) const {
  const Segmentation segments = Segment(text);
  const std::vector<TextRange> whole = {TextRange{0, text.size()}};
  const std::vector<TextRange>& units =
      rule.scope == Scope::kLine       ? segments.lines
      : rule.scope == Scope::kSentence ? segments.sentences
                                       : whole;
  std::vector<RuleMatch> out;
  for (const CompiledPattern& pattern : patterns_) {
    if (pattern.rule != &rule) continue;
    for (size_t i = 0; i < units.size(); ++i) {
      FindAll(pattern, text, units[i], i, out);
    }
  }
  DropRulesBelowMinimum(out);
  SortByBegin(out);
  return out;
}

std::string_view CaptureValue(const std::vector<Capture>& captures,
                              std::string_view name) {
  for (const Capture& capture : captures) {
    if (capture.name == name) return capture.value;
  }
  return {};
}

}  // namespace provcheck
