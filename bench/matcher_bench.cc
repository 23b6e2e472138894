// Google Benchmark for the per-document pipeline, in stages:
//
//   BM_Segment          Segment() over each document's analysis text
//   BM_MatcherMatch     Segment() + Matcher::Match()
//   BM_AnalyzeDocument  the whole AnalyzeDocument() (match, filters, findings,
//                       claims, score) with ScoreWeights{} and, as the CLI
//                       does, the source registry from <rules>/sources
//   BM_BareSetScan      the floor: one RE2::Set per scope built from the same
//                       patterns, each scanning every whole document once (no
//                       segmentation, no second pass for spans or captures)
//   BM_Pattern/RULE#N/stage:S  only with PROVCHECK_BENCH_PATTERNS=1: the
//                       cost of one pattern over the segments the prefilter
//                       lets it run on, split by RE2 stage (see PatternStage)
//
// One iteration processes the whole in-memory corpus; bytes processed are the
// analysis-text bytes, so the "bytes_per_second" column is the throughput.
// Rates are per CPU second (no UseRealTime): the benchmarks are
// single-threaded, and CPU time stays meaningful on a shared, loaded machine
// where wall time does not.
//
// Corpus: PROVCHECK_BENCH_CORPUS (a directory of .txt files) if set, else
// /work/shared/eval-data/bbc-news-2225 if present (read in place, never
// copied), else a synthetic news-like corpus generated here from a fixed seed.
// Rule packs: PROVCHECK_SOURCE_DIR/rules, or PROVCHECK_BENCH_RULES if set.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "provcheck/document.h"
#include "provcheck/engine.h"
#include "provcheck/ingest.h"
#include "provcheck/matcher.h"
#include "provcheck/rule.h"
#include "provcheck/rule_parser.h"
#include "provcheck/score.h"
#include "provcheck/segment.h"
#include "provcheck/source_name.h"
#include "provcheck/sources.h"
#include "re2/re2.h"
#include "re2/set.h"

#ifndef PROVCHECK_SOURCE_DIR
#define PROVCHECK_SOURCE_DIR "."
#endif

namespace {

namespace fs = std::filesystem;
using provcheck::Document;

constexpr const char* kBbcDir = "/work/shared/eval-data/bbc-news-2225";

// ---------------------------------------------------------------------------
// Synthetic corpus: a few paragraphs per document from a small word list,
// with named and vague attributions, quotes, numbers and a boilerplate line.

std::string SyntheticDocument(std::mt19937& rng) {
  static const std::vector<std::string> kFirst = {
      "Maria", "John",  "Aisha",  "Peter", "Chen",
      "Olga",  "David", "Fatima", "Tomas", "Grace"};
  static const std::vector<std::string> kLast = {
      "Lopez",   "Smith", "Okafor", "Brennan", "Wei",
      "Ivanova", "Cohen", "Haddad", "Novak",   "Mensah"};
  static const std::vector<std::string> kRole = {
      "finance minister", "chief economist", "spokesman", "analyst",
      "union leader",     "chief executive", "professor"};
  static const std::vector<std::string> kOrg = {"the Treasury",
                                                "Reuters",
                                                "the central bank",
                                                "the World Bank",
                                                "the Ministry of Health",
                                                "Oxford University",
                                                "the Football Association"};
  static const std::vector<std::string> kSubject = {
      "The government",       "Profits",      "Inflation", "The company",
      "Ticket sales",         "Unemployment", "The club",  "Exports",
      "The broadband market", "Oil prices"};
  static const std::vector<std::string> kVerb = {
      "rose",        "fell",    "is expected to grow", "slumped", "doubled",
      "will be cut", "climbed", "remained flat"};
  static const std::vector<std::string> kTail = {
      "in the third quarter", "last year",          "over the next decade",
      "since January",        "compared with 2003", "this month"};
  static const std::vector<std::string> kNoun = {"plan",     "deal",   "budget",
                                                 "strategy", "reform", "merger",
                                                 "season",   "policy"};
  static const std::vector<std::string> kAdj = {
      "ambitious", "risky",         "overdue",
      "sensible",  "disappointing", "unprecedented"};
  auto pick = [&](const std::vector<std::string>& words) -> const std::string& {
    return words[std::uniform_int_distribution<size_t>(0,
                                                       words.size() - 1)(rng)];
  };
  auto number = [&] {
    return std::to_string(std::uniform_int_distribution<int>(2, 999)(rng)) +
           "." + std::to_string(std::uniform_int_distribution<int>(0, 9)(rng));
  };
  auto name = [&] { return pick(kFirst) + " " + pick(kLast); };

  std::string doc =
      pick(kSubject) + " " + pick(kVerb) + " as " + pick(kNoun) + " stalls\n\n";
  const int paragraphs = std::uniform_int_distribution<int>(4, 9)(rng);
  for (int p = 0; p < paragraphs; ++p) {
    const int sentences = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) doc += ' ';
      switch (std::uniform_int_distribution<int>(0, 7)(rng)) {
        case 0:
          doc += pick(kSubject) + " " + pick(kVerb) + " by " + number() + "% " +
                 pick(kTail) + ", according to " + pick(kOrg) + ".";
          break;
        case 1:
          doc += "\"The " + pick(kNoun) + " is " + pick(kAdj) +
                 " and we will not back it,\" said " + name() + ", the " +
                 pick(kRole) + ".";
          break;
        case 2: {
          std::string role = pick(kRole);
          role[0] = static_cast<char>(std::toupper(role[0]));
          doc += role + " " + name() + " told the BBC that the " + pick(kNoun) +
                 " was " + pick(kAdj) + ".";
          break;
        }
        case 3:
          doc += "Analysts say " + pick(kSubject) + " " + pick(kVerb) + " " +
                 pick(kTail) + ".";
          break;
        case 4:
          doc += pick(kSubject) + " " + pick(kVerb) + " to $" + number() +
                 " million " + pick(kTail) + ".";
          break;
        case 5:
          doc += "Critics have claimed the " + pick(kNoun) + " is " +
                 pick(kAdj) + ", but officials said it would go ahead.";
          break;
        case 6:
          doc += "Mr " + pick(kLast) + " added: \"It is " + pick(kAdj) +
                 ", frankly. We expect " + number() + " points.\"";
          break;
        default:
          doc += "It is the most " + pick(kAdj) + " " + pick(kNoun) +
                 " the sector has ever seen (AP).";
          break;
      }
    }
    doc += "\n\n";
  }
  if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
    doc +=
        "Copyright 2005 News Group. All rights reserved. Click here to "
        "subscribe to our newsletter.\n";
  }
  return doc;
}

// ---------------------------------------------------------------------------

struct Fixture {
  std::string corpus_name;
  std::vector<Document> documents;
  int64_t text_bytes = 0;  // sum of analysis-text sizes
  std::vector<provcheck::RulePack> packs;
  std::unique_ptr<provcheck::Matcher> matcher;
  std::unique_ptr<provcheck::SourceRegistry> sources;  // null if it failed
  std::string sources_error;
  // BM_BareSetScan: one set per scope, in Scope order; null when empty.
  std::vector<std::unique_ptr<RE2::Set>> sets;
  std::string error;
};

std::vector<std::string> TxtFilesUnder(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    // Articles only: the dataset's README.txt is not news.
    if (it->is_regular_file() && it->path().extension() == ".txt" &&
        it->path().filename().string().find("README") == std::string::npos) {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void AddDocument(Fixture& f, std::string path, std::string bytes) {
  provcheck::Diagnostics warnings;  // e.g. the one Latin-1 BBC file
  auto doc =
      provcheck::DocumentFromBytes(std::move(path), std::move(bytes),
                                   provcheck::Format::kPlainText, &warnings);
  if (!doc.ok()) return;
  f.text_bytes += static_cast<int64_t>(doc->text.size());
  f.documents.push_back(*std::move(doc));
}

Fixture* BuildFixture() {
  auto* f = new Fixture();

  // Rule packs, loaded once.
  const char* rules_env = std::getenv("PROVCHECK_BENCH_RULES");
  const std::string rules_dir =
      rules_env && *rules_env ? rules_env
                              : std::string(PROVCHECK_SOURCE_DIR) + "/rules";
  auto packs = provcheck::LoadRulePacks(rules_dir);
  if (!packs.ok()) {
    f->error = std::string(packs.status().message());
    return f;
  }
  f->packs = *packs;

  // The floor's sets: same patterns, same RE2 options as the Matcher.
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  std::vector<int> counts(3, 0);
  for (int scope = 0; scope < 3; ++scope) {
    f->sets.push_back(std::make_unique<RE2::Set>(options, RE2::UNANCHORED));
  }
  for (const provcheck::RulePack& pack : f->packs) {
    for (const provcheck::Rule& rule : pack.rules) {
      for (const provcheck::Pattern& pattern : rule.patterns) {
        const int scope = static_cast<int>(rule.scope);
        std::string error;
        if (f->sets[scope]->Add(pattern.regex, &error) < 0) {
          f->error = rule.id + ": " + error;
          return f;
        }
        ++counts[scope];
      }
    }
  }
  for (int scope = 0; scope < 3; ++scope) {
    if (counts[scope] == 0) {
      f->sets[scope].reset();
    } else if (!f->sets[scope]->Compile()) {
      f->error = "RE2::Set::Compile failed";
      return f;
    }
  }

  auto matcher = provcheck::Matcher::Compile(*std::move(packs));
  if (!matcher.ok()) {
    f->error = std::string(matcher.status().message());
    return f;
  }
  f->matcher = *std::move(matcher);
  // A registry that does not load only costs BM_AnalyzeDocument its source
  // lookups (null treats every source as unknown); the run goes on, labelled.
  auto sources = provcheck::SourceRegistry::Load(rules_dir + "/sources");
  if (sources.ok()) {
    f->sources = *std::move(sources);
  } else {
    f->sources_error = std::string(sources.status().message());
    std::fprintf(stderr,
                 "WARNING: source registry not loaded, "
                 "BM_AnalyzeDocument runs without it:\n%s\n",
                 f->sources_error.c_str());
  }

  // Corpus, read once into memory.
  const char* corpus_env = std::getenv("PROVCHECK_BENCH_CORPUS");
  std::string corpus_dir = corpus_env && *corpus_env ? corpus_env : "";
  if (corpus_dir.empty() && fs::is_directory(kBbcDir)) corpus_dir = kBbcDir;
  if (!corpus_dir.empty()) {
    for (const std::string& path : TxtFilesUnder(corpus_dir)) {
      std::ifstream in(path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
      AddDocument(*f, path, std::move(bytes));
    }
    f->corpus_name = corpus_dir;
  }
  if (f->documents.empty()) {
    std::mt19937 rng(20240601);
    for (int i = 0; i < 2000; ++i) {
      AddDocument(*f, "synthetic/" + std::to_string(i) + ".txt",
                  SyntheticDocument(rng));
    }
    f->corpus_name = "synthetic (2000 generated documents)";
  }
  std::fprintf(stderr, "corpus: %s: %zu documents, %.2f MB of analysis text\n",
               f->corpus_name.c_str(), f->documents.size(),
               static_cast<double>(f->text_bytes) / 1e6);
  std::fprintf(stderr,
               "rules: %s: %d line, %d sentence, %d document patterns\n",
               rules_dir.c_str(), counts[0], counts[1], counts[2]);
  return f;
}

const Fixture& GetFixture() {
  static const Fixture* fixture = BuildFixture();
  return *fixture;
}

bool Ready(benchmark::State& state, const Fixture& f) {
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return false;
  }
  return true;
}

void Finish(benchmark::State& state, const Fixture& f, int64_t units,
            const char* unit_name) {
  state.SetBytesProcessed(state.iterations() * f.text_bytes);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(f.documents.size()));
  state.counters["docs"] = static_cast<double>(f.documents.size());
  state.counters[unit_name] = static_cast<double>(units);
}

// ---------------------------------------------------------------------------

void BM_Segment(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  int64_t sentences = 0;
  for (auto _ : state) {
    sentences = 0;
    for (const Document& doc : f.documents) {
      provcheck::Segmentation segments = provcheck::Segment(doc.text);
      sentences += static_cast<int64_t>(segments.sentences.size());
      benchmark::DoNotOptimize(segments);
    }
  }
  Finish(state, f, sentences, "sentences");
}

void BM_MatcherMatch(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  int64_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const Document& doc : f.documents) {
      const provcheck::Segmentation segments = provcheck::Segment(doc.text);
      std::vector<provcheck::RuleMatch> found =
          f.matcher->Match(doc.text, segments);
      matches += static_cast<int64_t>(found.size());
      benchmark::DoNotOptimize(found);
    }
  }
  Finish(state, f, matches, "matches");
}

// Segment + Matcher::MatchBatch over batches of state.range(0) documents:
// the same matches as BM_MatcherMatch, pattern by pattern within a batch.
void BM_MatcherMatchBatch(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  const size_t batch_size = static_cast<size_t>(state.range(0));
  int64_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (size_t first = 0; first < f.documents.size(); first += batch_size) {
      const size_t last = std::min(f.documents.size(), first + batch_size);
      std::vector<provcheck::Segmentation> segments;
      segments.reserve(last - first);
      std::vector<provcheck::Matcher::BatchItem> items;
      for (size_t i = first; i < last; ++i) {
        segments.push_back(provcheck::Segment(f.documents[i].text));
        items.push_back({f.documents[i].text, &segments.back()});
      }
      std::vector<std::vector<provcheck::RuleMatch>> found =
          f.matcher->MatchBatch(items);
      for (const auto& one : found) {
        matches += static_cast<int64_t>(one.size());
      }
      benchmark::DoNotOptimize(found);
    }
  }
  Finish(state, f, matches, "matches");
}

void BM_AnalyzeDocument(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  const provcheck::AnalysisConfig config{f.matcher.get(), f.sources.get(),
                                         provcheck::ScoreWeights{}};
  int64_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const Document& doc : f.documents) {
      provcheck::DocumentResult result =
          provcheck::AnalyzeDocument(doc, config);
      findings += static_cast<int64_t>(result.findings.size());
      benchmark::DoNotOptimize(result);
    }
  }
  Finish(state, f, findings, "findings");
  if (!f.sources) state.SetLabel("WITHOUT source registry (failed to load)");
}

void BM_BareSetScan(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  int64_t fired_total = 0;
  std::vector<int> fired;
  for (auto _ : state) {
    fired_total = 0;
    for (const Document& doc : f.documents) {
      for (const auto& set : f.sets) {
        if (!set) continue;
        fired.clear();
        set->Match(doc.text, &fired);
        fired_total += static_cast<int64_t>(fired.size());
      }
      benchmark::DoNotOptimize(fired);
    }
  }
  Finish(state, f, fired_total, "patterns_fired");
}

double Min(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

// On a shared machine the fastest repetition is the one least disturbed.
BENCHMARK(BM_Segment)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Min);
BENCHMARK(BM_MatcherMatch)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Min);
BENCHMARK(BM_MatcherMatchBatch)
    ->Arg(1)
    ->Arg(16)
    ->Arg(64)
    ->Arg(256)
    ->Arg(2225)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Min);
BENCHMARK(BM_AnalyzeDocument)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Min);
BENCHMARK(BM_BareSetScan)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Min);

// ---------------------------------------------------------------------------
// Per-pattern cost (PROVCHECK_BENCH_PATTERNS=1). The Matcher's own
// prefilter says where each pattern runs (Matcher::PotentialPatterns), and
// the patterns are compiled again here, so the shipped hot path carries no
// counters. One pass over the corpus finds, for every
// pattern, the segments it runs on and every RE2::Match call FindAll makes
// there; the stages then replay exactly those calls:
//
//   stage 0  FindAll as the Matcher runs it: captures copied, rejects tested
//   stage 1  RE2::Match with no submatch: the forward DFA alone (it stops at
//            the earliest match end, so on matching calls a lower bound)
//   stage 2  one submatch: forward DFA to the match end + reverse DFA from
//            there for the start
//   stage 3  every group: stage 2 + OnePass/BitState/NFA on the match span
//
// so 1 ≈ forward DFA, 2−1 ≈ reverse DFA, 3−2 ≈ submatch extraction, 0−3 ≈
// provcheck's own work on each match.

enum PatternStage { kFindAll = 0, kForward = 1, kSpan = 2, kSubmatch = 3 };

struct PatternCost {
  std::string name;  // rule id and pattern index
  const provcheck::Rule* rule = nullptr;
  provcheck::Scope scope = provcheck::Scope::kSentence;
  std::unique_ptr<RE2> regex;
  std::vector<std::string> group_names;
  int span_group = -1;
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> rejects;
  // Segments (document text and range) the prefilter lets the pattern run on.
  std::vector<std::string_view> segments;
  // Each RE2::Match call FindAll makes: segment index, start position.
  std::vector<std::pair<size_t, size_t>> calls;
  int64_t matched_segments = 0;
  int64_t matches = 0;
  int64_t rejected = 0;
  int64_t bytes = 0;  // bytes of the segments it runs on
};

// The scopes in the order of a Segmentation's units: lines, sentences, the
// document.
constexpr std::array<provcheck::Scope, 3> kScopes = {
    provcheck::Scope::kLine, provcheck::Scope::kSentence,
    provcheck::Scope::kDocument};

struct PatternFixture {
  std::vector<PatternCost> patterns;
  // The matcher whose prefilter decides where each pattern runs: the
  // fixture's, or one compiled with PROVCHECK_BENCH_MIN_ATOM's atom length.
  std::unique_ptr<provcheck::Matcher> own_matcher;
  const provcheck::Matcher* matcher = nullptr;
  int64_t matches = 0;          // sum over patterns, for the check below
  int64_t matcher_matches = 0;  // what Matcher::Match found
};

std::string_view CaptureOf(
    const std::vector<std::pair<std::string, std::string>>& captures,
    std::string_view name) {
  for (const auto& [capture, value] : captures) {
    if (capture == name) return value;
  }
  return {};
}

// FindAll of src/engine/matcher.cc, with a hook on every RE2 call; returns
// the number of matches kept.
template <typename OnCall>
int64_t RunFindAll(const PatternCost& p, re2::StringPiece segment,
                   int64_t* rejected, OnCall on_call) {
  const int groups = static_cast<int>(p.group_names.size());
  std::vector<re2::StringPiece> submatches(groups);
  std::vector<std::pair<std::string, std::string>> captures;
  int64_t kept = 0;
  size_t position = 0;
  while (position < segment.size()) {
    on_call(position);
    if (!p.regex->Match(segment, position, segment.size(), RE2::UNANCHORED,
                        submatches.data(), groups)) {
      break;
    }
    const size_t begin = submatches[0].data() - segment.data();
    const size_t end = begin + submatches[0].size();
    size_t next = begin + 1;
    while (next < segment.size() &&
           (static_cast<unsigned char>(segment[next]) & 0xC0) == 0x80) {
      ++next;
    }
    if (end == begin) {
      position = next;
      continue;
    }
    captures.clear();
    captures.emplace_back("0", std::string(submatches[0]));
    for (int g = 1; g < groups; ++g) {
      if (p.group_names[g].empty() || submatches[g].data() == nullptr) continue;
      captures.emplace_back(p.group_names[g], std::string(submatches[g]));
    }
    bool reject = false;
    for (const auto& [capture, regex] : p.rejects) {
      // As Matcher::Rejected: `before` is the segment ahead of the match,
      // uncleaned; a capture is cleaned first.
      if (capture == provcheck::kRejectBefore) {
        reject = RE2::FullMatch(segment.substr(0, begin), *regex);
      } else {
        const std::string value =
            provcheck::CleanSourceName(CaptureOf(captures, capture));
        reject = !value.empty() && RE2::FullMatch(value, *regex);
      }
      if (reject) break;
    }
    if (reject) {
      ++*rejected;
      position = next;
      continue;
    }
    ++kept;
    position = end;
  }
  return kept;
}

PatternFixture* BuildPatternFixture() {
  auto* pf = new PatternFixture();
  const Fixture& f = GetFixture();
  if (!f.error.empty()) return pf;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  // PROVCHECK_BENCH_MIN_ATOM tries another atom length without a rebuild;
  // potentials change, matches must not.
  const char* min_atom = std::getenv("PROVCHECK_BENCH_MIN_ATOM");
  const int minlen = min_atom && *min_atom
                         ? std::atoi(min_atom)
                         : provcheck::Matcher::kDefaultMinAtomLength;
  pf->matcher = f.matcher.get();
  if (minlen != provcheck::Matcher::kDefaultMinAtomLength) {
    auto matcher = provcheck::Matcher::Compile(f.packs, 1, minlen);
    if (!matcher.ok()) {
      std::fprintf(stderr, "%s\n",
                   std::string(matcher.status().message()).c_str());
      return pf;
    }
    pf->own_matcher = *std::move(matcher);
    pf->matcher = pf->own_matcher.get();
  }
  for (const provcheck::RulePack& pack : f.packs) {
    for (const provcheck::Rule& rule : pack.rules) {
      for (size_t i = 0; i < rule.patterns.size(); ++i) {
        PatternCost p;
        p.name = rule.id + "#" + std::to_string(i);
        p.rule = &rule;
        p.scope = rule.scope;
        p.regex = std::make_unique<RE2>(rule.patterns[i].regex, options);
        p.group_names.resize(p.regex->NumberOfCapturingGroups() + 1);
        for (const auto& [index, name] : p.regex->CapturingGroupNames()) {
          p.group_names[index] = name;
        }
        for (const auto& [capture, reject] : rule.rejects) {
          p.rejects.emplace_back(capture,
                                 std::make_unique<RE2>(reject.regex, options));
        }
        pf->patterns.push_back(std::move(p));
      }
    }
  }
  // The patterns run where the matcher's own prefilter lets them, so the
  // shards it compiles decide here too: RE2's prefilter tree drops an atom
  // that guards more than eight patterns of one FilteredRE2, and a
  // prefilter rebuilt here unsharded reported thousands of runs the
  // matcher never makes (bench/README.md).
  for (const Document& doc : f.documents) {
    const provcheck::Segmentation segments = provcheck::Segment(doc.text);
    pf->matcher_matches +=
        static_cast<int64_t>(f.matcher->Match(doc.text, segments).size());
    const std::vector<provcheck::TextRange> whole = {
        provcheck::TextRange{0, doc.text.size()}};
    const std::array<const std::vector<provcheck::TextRange>*, 3> units = {
        &segments.lines, &segments.sentences, &whole};
    // A rule with `at-least N per-document` keeps none of its matches in a
    // document where it has fewer; Matcher::Match drops them, so the check
    // below must too (the per-pattern counters keep them: the work was done).
    std::vector<std::pair<const provcheck::Rule*, int64_t>> counted;
    for (int scope = 0; scope < 3; ++scope) {
      for (const provcheck::TextRange& range : *units[scope]) {
        if (range.size() == 0) continue;
        const std::string_view segment(doc.text.data() + range.begin,
                                       range.size());
        for (int pattern :
             pf->matcher->PotentialPatterns(kScopes[scope], segment)) {
          PatternCost& p = pf->patterns[pattern];
          const size_t index = p.segments.size();
          p.segments.push_back(segment);
          p.bytes += static_cast<int64_t>(segment.size());
          const int64_t kept = RunFindAll(
              p, segment, &p.rejected,
              [&](size_t position) { p.calls.emplace_back(index, position); });
          p.matches += kept;
          p.matched_segments += kept > 0;
          pf->matches += kept;
          if (kept > 0 && p.rule->min_per_document > 1) {
            auto it = std::find_if(
                counted.begin(), counted.end(),
                [&](const auto& entry) { return entry.first == p.rule; });
            if (it == counted.end()) {
              counted.emplace_back(p.rule, kept);
            } else {
              it->second += kept;
            }
          }
        }
      }
    }
    for (const auto& [rule, count] : counted) {
      if (count < rule->min_per_document) pf->matches -= count;
    }
  }
  int64_t runs = 0, bytes = 0, calls = 0;
  for (const PatternCost& p : pf->patterns) {
    runs += static_cast<int64_t>(p.segments.size());
    bytes += p.bytes;
    calls += static_cast<int64_t>(p.calls.size());
  }
  std::fprintf(stderr,
               "pattern runs: %lld (segment, pattern) pairs, %.2f MB through "
               "pattern DFAs, %lld RE2::Match calls\n",
               static_cast<long long>(runs), static_cast<double>(bytes) / 1e6,
               static_cast<long long>(calls));
  std::fprintf(stderr,
               "patterns: %zu; matches %lld here, %lld by Matcher::Match%s\n",
               pf->patterns.size(), static_cast<long long>(pf->matches),
               static_cast<long long>(pf->matcher_matches),
               pf->matches == pf->matcher_matches
                   ? ""
                   : " (MISMATCH: the prefilter here is not the Matcher's)");
  return pf;
}

const PatternFixture& GetPatternFixture() {
  static const PatternFixture* fixture = BuildPatternFixture();
  return *fixture;
}

void BM_Pattern(benchmark::State& state, size_t index) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  const PatternCost& p = GetPatternFixture().patterns[index];
  const auto stage = static_cast<PatternStage>(state.range(0));
  const int groups = static_cast<int>(p.group_names.size());
  std::vector<re2::StringPiece> submatches(groups);
  const int wanted = stage == kForward ? 0 : stage == kSpan ? 1 : groups;
  int64_t found = 0;
  for (auto _ : state) {
    found = 0;
    if (stage == kFindAll) {
      int64_t rejected = 0;
      for (std::string_view segment : p.segments) {
        found += RunFindAll(p, segment, &rejected, [](size_t) {});
      }
    } else {
      for (const auto& [segment, position] : p.calls) {
        const std::string_view text = p.segments[segment];
        found += p.regex->Match(text, position, text.size(), RE2::UNANCHORED,
                                submatches.data(), wanted);
      }
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(state.iterations() * p.bytes);
  state.counters["potential_segments"] = static_cast<double>(p.segments.size());
  state.counters["matched_segments"] = static_cast<double>(p.matched_segments);
  state.counters["matches"] = static_cast<double>(p.matches);
  state.counters["rejected"] = static_cast<double>(p.rejected);
  state.counters["re2_calls"] = static_cast<double>(p.calls.size());
  // RE2 extracts submatches with BitState only for programs of at most 512
  // instructions; larger ones fall to the NFA (re2/prog.cc, Flatten).
  state.counters["program_size"] = static_cast<double>(p.regex->ProgramSize());
}

// The prefilter's atom scan alone: Segment, then every line, sentence and
// the document through its scope's atom set (no AllPotentials, no patterns).
void BM_PrefilterScan(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!Ready(state, f)) return;
  const PatternFixture& pf = GetPatternFixture();
  std::vector<int> atoms;
  int64_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const Document& doc : f.documents) {
      const provcheck::Segmentation segments = provcheck::Segment(doc.text);
      const std::vector<provcheck::TextRange> whole = {
          provcheck::TextRange{0, doc.text.size()}};
      const std::array<const std::vector<provcheck::TextRange>*, 3> units = {
          &segments.lines, &segments.sentences, &whole};
      for (int scope = 0; scope < 3; ++scope) {
        for (const provcheck::TextRange& range : *units[scope]) {
          if (range.size() == 0) continue;
          pf.matcher->FindAtoms(
              kScopes[scope],
              std::string_view(doc.text.data() + range.begin, range.size()),
              atoms);
          hits += static_cast<int64_t>(atoms.size());
        }
      }
    }
  }
  Finish(state, f, hits, "atoms_found");
}

void RegisterPatternBenchmarks() {
  const char* enabled = std::getenv("PROVCHECK_BENCH_PATTERNS");
  if (!enabled || std::string_view(enabled) != "1") return;
  const PatternFixture& pf = GetPatternFixture();
  benchmark::RegisterBenchmark("BM_PrefilterScan", BM_PrefilterScan)
      ->Unit(benchmark::kMillisecond)
      ->ComputeStatistics("min", Min);
  for (size_t i = 0; i < pf.patterns.size(); ++i) {
    benchmark::RegisterBenchmark(("BM_Pattern/" + pf.patterns[i].name).c_str(),
                                 BM_Pattern, i)
        ->ArgName("stage")
        ->DenseRange(kFindAll, kSubmatch)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(0.2)
        ->ComputeStatistics("min", Min);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RegisterPatternBenchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
