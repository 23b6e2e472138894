// set_floor: what one RE2::Set pass over the text costs with provcheck's own
// compiled patterns, as a standalone process (bench/compare runs it beside
// `provcheck lint` under /usr/bin/time).
//
//   set_floor [--rules DIR] [--mode patterns|atoms] PATH...
//
// PATHs are files, or directories walked recursively for *.txt (the BBC
// dataset's README.txt and ORIGINAL-README.TXT are skipped); a directory
// given as a symlink is followed. Each file is read, turned into analysis
// text with DocumentFromBytes (plain text, as the CLI reads .txt) and split
// with Segment, then:
//
//   patterns  (default, "the floor") one RE2::Set per scope built from the
//             full patterns (UNANCHORED, the Matcher's options: 64 MiB
//             max_mem, no error logging); every line is matched against the
//             line set, every sentence against the sentence set, the whole
//             text against the document set. No captures, no second pass.
//   atoms     what provcheck's prefilter costs: one re2::FilteredRE2 (minimum
//             atom length 3) per scope fed the same patterns, its atoms
//             compiled into one case-insensitive RE2::Set of
//             RE2::QuoteMeta(atom), matched against every segment of that
//             scope. No AllPotentials, no pattern runs.
//
// Empty segments are skipped, as the Matcher skips them. One line goes to
// stdout:
//
//   set_floor mode=M files=F input_bytes=B text_bytes=T seconds=S
//     compile_seconds=C mb_per_s=R hits=H dfa_out_of_memory=O
//
// seconds (steady clock) covers reading, ingesting, segmenting and matching;
// compile_seconds covers loading the rule packs and building the sets.
// MB/s is text_bytes / 10^6 / seconds. hits is the number of set entries
// (patterns or atoms) reported over all segments; dfa_out_of_memory counts
// the segments whose Set::Match gave up because its DFA ran out of memory
// (RE2::Set has no slower fallback, so those segments count no hits).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "provcheck/diagnostic.h"
#include "provcheck/document.h"
#include "provcheck/ingest.h"
#include "provcheck/rule.h"
#include "provcheck/rule_parser.h"
#include "provcheck/segment.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"

#ifndef PROVCHECK_SOURCE_DIR
#define PROVCHECK_SOURCE_DIR "."
#endif

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kScopes = 3;         // Scope::kLine, kSentence, kDocument
constexpr int kMinAtomLength = 3;  // as Matcher::Prefilter

enum class Mode { kPatterns, kAtoms };

struct Options {
  std::string rules_dir = std::string(PROVCHECK_SOURCE_DIR) + "/rules";
  Mode mode = Mode::kPatterns;
  std::vector<std::string> paths;
};

void Usage(std::FILE* out) {
  std::fprintf(out,
               "usage: set_floor [--rules DIR] [--mode patterns|atoms] "
               "PATH...\n");
}

// Returns false (after printing why) on a bad command line.
bool ParseArgs(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      Usage(stdout);
      std::exit(0);
    }
    if (arg == "--rules" || arg == "--mode") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "set_floor: %s needs a value\n", argv[i]);
        return false;
      }
      const std::string_view value = argv[++i];
      if (arg == "--rules") {
        options->rules_dir = std::string(value);
      } else if (value == "patterns") {
        options->mode = Mode::kPatterns;
      } else if (value == "atoms") {
        options->mode = Mode::kAtoms;
      } else {
        std::fprintf(stderr, "set_floor: unknown mode '%s'\n", argv[i]);
        return false;
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      std::fprintf(stderr, "set_floor: unknown option '%s'\n", argv[i]);
      return false;
    }
    options->paths.emplace_back(arg);
  }
  if (options->paths.empty()) {
    Usage(stderr);
    return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsArticle(const fs::path& path) {
  if (Lower(path.extension().string()) != ".txt") return false;
  const std::string name = Lower(path.filename().string());
  return name != "readme.txt" && name != "original-readme.txt";
}

// Files in argument order; each directory's files sorted. The iterator opens
// a directory argument through a symlink but follows none below it.
bool ExpandPaths(const std::vector<std::string>& args,
                 std::vector<std::string>* files) {
  for (const std::string& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->is_regular_file(ec) && IsArticle(it->path())) {
          found.push_back(it->path().string());
        }
      }
      if (ec) {
        std::fprintf(stderr, "set_floor: %s: %s\n", arg.c_str(),
                     ec.message().c_str());
        return false;
      }
      std::sort(found.begin(), found.end());
      files->insert(files->end(), found.begin(), found.end());
    } else if (fs::is_regular_file(arg, ec)) {
      files->push_back(arg);
    } else {
      std::fprintf(stderr, "set_floor: %s: no such file or directory\n",
                   arg.c_str());
      return false;
    }
  }
  return true;
}

RE2::Options PatternOptions() {  // as the Matcher's
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

int ScopeIndex(provcheck::Scope scope) {
  switch (scope) {
    case provcheck::Scope::kLine:
      return 0;
    case provcheck::Scope::kSentence:
      return 1;
    case provcheck::Scope::kDocument:
      return 2;
  }
  return 2;
}

// One set per scope, null where the scope has nothing to match.
struct Sets {
  std::unique_ptr<RE2::Set> sets[kScopes];
  int patterns[kScopes] = {0, 0, 0};
  int entries[kScopes] = {0, 0, 0};  // patterns, or atoms in atoms mode
};

// Mode patterns: the full patterns of each scope in one set.
bool BuildPatternSets(const std::vector<provcheck::RulePack>& packs,
                      Sets* out) {
  const RE2::Options options = PatternOptions();
  for (auto& set : out->sets) {
    set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  }
  for (const provcheck::RulePack& pack : packs) {
    for (const provcheck::Rule& rule : pack.rules) {
      const int scope = ScopeIndex(rule.scope);
      for (const provcheck::Pattern& pattern : rule.patterns) {
        std::string error;
        if (out->sets[scope]->Add(pattern.regex, &error) < 0) {
          std::fprintf(stderr, "set_floor: rule %s: %s\n", rule.id.c_str(),
                       error.c_str());
          return false;
        }
        ++out->patterns[scope];
        ++out->entries[scope];
      }
    }
  }
  for (int scope = 0; scope < kScopes; ++scope) {
    if (out->patterns[scope] == 0) {
      out->sets[scope].reset();
    } else if (!out->sets[scope]->Compile()) {
      std::fprintf(stderr, "set_floor: RE2::Set::Compile failed (scope %d)\n",
                   scope);
      return false;
    }
  }
  return true;
}

// Mode atoms: the prefilter's atoms of each scope in one case-insensitive
// set, as Matcher::Compile builds them.
bool BuildAtomSets(const std::vector<provcheck::RulePack>& packs, Sets* out) {
  const RE2::Options options = PatternOptions();
  std::vector<std::unique_ptr<re2::FilteredRE2>> filters;
  for (int scope = 0; scope < kScopes; ++scope) {
    filters.push_back(std::make_unique<re2::FilteredRE2>(kMinAtomLength));
  }
  for (const provcheck::RulePack& pack : packs) {
    for (const provcheck::Rule& rule : pack.rules) {
      const int scope = ScopeIndex(rule.scope);
      for (const provcheck::Pattern& pattern : rule.patterns) {
        int id = -1;
        if (filters[scope]->Add(pattern.regex, options, &id) != RE2::NoError) {
          std::fprintf(stderr, "set_floor: rule %s: FilteredRE2 refused %s\n",
                       rule.id.c_str(), pattern.regex.c_str());
          return false;
        }
        ++out->patterns[scope];
      }
    }
  }
  RE2::Options atom_options = options;
  atom_options.set_case_sensitive(false);  // atoms are lower case
  for (int scope = 0; scope < kScopes; ++scope) {
    // FilteredRE2 refuses to compile with no patterns.
    if (out->patterns[scope] == 0) continue;
    std::vector<std::string> atoms;
    filters[scope]->Compile(&atoms);
    if (atoms.empty()) continue;
    auto set = std::make_unique<RE2::Set>(atom_options, RE2::UNANCHORED);
    for (const std::string& atom : atoms) {
      if (set->Add(RE2::QuoteMeta(atom), nullptr) < 0) {
        std::fprintf(stderr, "set_floor: atom '%s' does not compile\n",
                     atom.c_str());
        return false;
      }
    }
    if (!set->Compile()) {
      std::fprintf(stderr, "set_floor: the atoms of scope %d do not compile\n",
                   scope);
      return false;
    }
    out->entries[scope] = static_cast<int>(atoms.size());
    out->sets[scope] = std::move(set);
  }
  return true;
}

struct Counts {
  int64_t files = 0;
  int64_t input_bytes = 0;
  int64_t text_bytes = 0;
  int64_t hits = 0;
  int64_t out_of_memory = 0;
};

void MatchRanges(const RE2::Set* set, std::string_view text,
                 const std::vector<provcheck::TextRange>& ranges,
                 std::vector<int>* found, Counts* counts) {
  if (set == nullptr) return;
  for (const provcheck::TextRange& range : ranges) {
    if (range.size() == 0) continue;
    found->clear();
    RE2::Set::ErrorInfo error;
    if (!set->Match(re2::StringPiece(text.data() + range.begin, range.size()),
                    found, &error) &&
        error.kind == RE2::Set::kOutOfMemory) {
      ++counts->out_of_memory;
    }
    counts->hits += static_cast<int64_t>(found->size());
  }
}

bool ScanFile(const std::string& path, const Sets& sets, Counts* counts) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "set_floor: %s: cannot open\n", path.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  counts->input_bytes += static_cast<int64_t>(bytes.size());
  provcheck::Diagnostics warnings;  // e.g. invalid UTF-8, repaired
  auto document = provcheck::DocumentFromBytes(
      path, std::move(bytes), provcheck::Format::kPlainText, &warnings);
  if (!document.ok()) {
    std::fprintf(stderr, "set_floor: %s: %s (skipped)\n", path.c_str(),
                 std::string(document.status().message()).c_str());
    return true;
  }
  const std::string_view text = document->text;
  ++counts->files;
  counts->text_bytes += static_cast<int64_t>(text.size());
  const provcheck::Segmentation segments = provcheck::Segment(text);
  const std::vector<provcheck::TextRange> whole = {
      provcheck::TextRange{0, text.size()}};
  std::vector<int> found;
  MatchRanges(sets.sets[0].get(), text, segments.lines, &found, counts);
  MatchRanges(sets.sets[1].get(), text, segments.sentences, &found, counts);
  MatchRanges(sets.sets[2].get(), text, whole, &found, counts);
  return true;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) return 2;
  const char* mode_name =
      options.mode == Mode::kPatterns ? "patterns" : "atoms";

  std::vector<std::string> files;
  if (!ExpandPaths(options.paths, &files)) return 2;

  const Clock::time_point compile_start = Clock::now();
  auto packs = provcheck::LoadRulePacks(options.rules_dir);
  if (!packs.ok()) {
    std::fprintf(stderr, "set_floor: %s\n",
                 std::string(packs.status().message()).c_str());
    return 1;
  }
  Sets sets;
  const bool built = options.mode == Mode::kPatterns
                         ? BuildPatternSets(*packs, &sets)
                         : BuildAtomSets(*packs, &sets);
  if (!built) return 1;
  const double compile_seconds = SecondsSince(compile_start);
  std::fprintf(stderr,
               "set_floor: %s: %zu files; rules %s: %d line, %d sentence, "
               "%d document patterns; set entries %d / %d / %d\n",
               mode_name, files.size(), options.rules_dir.c_str(),
               sets.patterns[0], sets.patterns[1], sets.patterns[2],
               sets.entries[0], sets.entries[1], sets.entries[2]);

  Counts counts;
  const Clock::time_point start = Clock::now();
  for (const std::string& file : files) {
    if (!ScanFile(file, sets, &counts)) return 1;
  }
  const double seconds = SecondsSince(start);

  const double mb_per_s =
      seconds > 0 ? static_cast<double>(counts.text_bytes) / 1e6 / seconds : 0;
  std::printf(
      "set_floor mode=%s files=%lld input_bytes=%lld text_bytes=%lld "
      "seconds=%.3f compile_seconds=%.3f mb_per_s=%.3f hits=%lld "
      "dfa_out_of_memory=%lld\n",
      mode_name, static_cast<long long>(counts.files),
      static_cast<long long>(counts.input_bytes),
      static_cast<long long>(counts.text_bytes), seconds, compile_seconds,
      mb_per_s, static_cast<long long>(counts.hits),
      static_cast<long long>(counts.out_of_memory));
  return 0;
}
