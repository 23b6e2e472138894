// The subcommands of the provcheck binary. Each returns the process exit
// code: 0 clean, 1 findings at or above the failure level (or failed rule
// examples), 2 usage error, bad rules or unreadable input.
#ifndef PROVCHECK_CLI_COMMANDS_H_
#define PROVCHECK_CLI_COMMANDS_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "provcheck/cross_check.h"
#include "provcheck/engine.h"
#include "provcheck/facts.h"
#include "provcheck/matcher.h"
#include "provcheck/pipeline.h"
#include "provcheck/sources.h"

namespace provcheck::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

// Unset optionals fall back to the config file (.provcheck.toml), then to
// the defaults noted.
struct LintOptions {
  std::string rules_dir;  // empty: the shipped packs
  std::string format = "text";
  std::optional<std::string> fail_on;    // default "error"
  std::optional<std::string> min_level;  // default "info": show everything
  std::optional<double> min_score;       // default: none
  bool no_exit = false;  // findings and scores never fail the run
  std::string config;    // empty: the nearest .provcheck.toml upwards
  bool no_config = false;
  std::string baseline;        // report only findings not in this file
  std::string write_baseline;  // record every finding here
  std::string diff_base;       // report only lines changed since this rev
  std::string color = "auto";
  int threads = 0;                        // 0: one per core
  std::vector<std::string> enable_packs;  // opt-in packs to turn on
  std::vector<std::string> paths;
};

struct RulesOptions {
  std::string rules_dir;
  std::string format = "text";
};

struct AuditOptions {
  std::string rules_dir;
  std::string db = "provenance.db";
  std::string format = "text";
  bool force = false;
  int threads = 0;
  std::vector<std::string> paths;
  std::string html;  // also write the HTML report of this run here
};

// explain, sources and history read the store.
struct StoreQueryOptions {
  std::string db = "provenance.db";
  std::string format = "text";
  std::string path;  // explain: required; history: optional filter
};

int RunLint(const LintOptions& options);
// argc/argv are recorded with the run.
int RunAudit(const AuditOptions& options, int argc, char** argv);
int RunExplain(const StoreQueryOptions& options);
int RunSources(const StoreQueryOptions& options);
int RunHistory(const StoreQueryOptions& options);
struct FactsOptions {
  std::string rules_dir;  // the ledger is rules_dir/facts
  std::string file;       // facts add: the file to append to
  std::string id, event, date, quantity, person, source, checked;
  std::vector<std::string> entities;
};
int RunFactsCheck(const FactsOptions& options);
int RunFactsAdd(const FactsOptions& options);

int RunRulesCheck(const RulesOptions& options);
int RunRulesList(const RulesOptions& options);

// The rules directory to use: the flag, else $PROVCHECK_RULES, else the
// packs shipped beside the binary (share/provcheck/rules when installed,
// the source tree's rules/ when run from a build directory).
std::string ResolveRulesDir(const std::string& flag);

// Loads and compiles every pack, opt-in packs included (what `rules check`
// and `rules list` show), on one thread per core, printing any error to
// stderr.
std::unique_ptr<Matcher> LoadMatcherOrReport(const std::string& rules_dir);

// Everything analysis needs from a rules directory: the compiled packs and
// the source registry (rules_dir/sources).
struct LoadedRules {
  // The default packs and the opt-in packs asked for.
  std::unique_ptr<Matcher> matcher;
  // Opt-in packs loaded but not asked for: never compiled or run, but known
  // by name, so a config that turns one off is not an error.
  std::vector<RulePack> dormant;
  std::unique_ptr<SourceRegistry> sources;
  Ledger ledger;  // rules_dir/facts
  std::unique_ptr<ClaimExtractor> extractor;
  // Changes whenever a pattern, message or source prior changes: results
  // stored under one digest are reusable only under the same digest.
  std::string digest;
  AnalysisConfig config() const {
    return AnalysisConfig{matcher.get(), sources.get(), ScoreWeights{}};
  }
  // Every loaded rule, dormant ones included.
  std::vector<const Rule*> all_rules() const;
};
// Loads the packs of `rules_dir` and of `extra_dirs` (a config's
// rules-dirs; a rule id defined twice is an error naming both files),
// compiles the default packs and the opt-in packs named in `opt_in`, and
// loads rules_dir's sources and ledger. Compiles on up to `threads`
// threads. Prints any error to stderr and returns nullopt.
std::optional<LoadedRules> LoadRulesOrReport(
    const std::string& rules_dir, int threads,
    const std::vector<std::string>& extra_dirs = {},
    const std::set<std::string>& opt_in = {});

// What the first pass over the corpus finds for the analysis pass.
struct CorpusChecks {
  ContradictionMap contradictions;  // findings by document path
  RepeatedLines repeated_lines;
};

// The first pass over `paths`: their claims cross-checked among themselves
// and against `earlier` claims (from past audits), and their recurring
// lines counted.
CorpusChecks CheckCorpus(const LoadedRules& rules,
                         const std::vector<std::string>& paths, int threads,
                         std::vector<KeyedClaim> earlier = {});

int DefaultThreads();

}  // namespace provcheck::cli

#endif  // PROVCHECK_CLI_COMMANDS_H_
