#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "absl/strings/str_join.h"
#include "cli/commands.h"
#include "common/sha256.h"
#include "config/baseline.h"
#include "config/git.h"
#include "config/glob.h"
#include "config/policy.h"
#include "provcheck/config.h"
#include "provcheck/ingest.h"
#include "provcheck/pipeline.h"
#include "provcheck/printer.h"
#include "provcheck/version.h"

namespace provcheck::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kIgnoreFileName[] = ".provcheckignore";

// The lowest severity that fails the run; nullopt for "none".
std::optional<Severity> FailLevel(const std::string& fail_on) {
  if (fail_on == "none") return std::nullopt;
  return ParseSeverity(fail_on);
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

// The config named by --config, else the nearest one upwards, else none.
std::optional<Config> LoadConfigOrReport(const LintOptions& options) {
  std::string file = options.config;
  if (file.empty() && !options.no_config) {
    file =
        FindUpwards(fs::current_path().string(), kConfigFileName).value_or("");
  }
  if (file.empty()) return Config{};
  absl::StatusOr<Config> config = LoadConfigFile(file);
  if (!config.ok()) {
    std::cerr << config.status().message() << '\n';
    return std::nullopt;
  }
  return *std::move(config);
}

// Each --enable-pack name must be an opt-in pack that was loaded: a typo
// must not silently run nothing, and a default pack is on already.
bool CheckEnabledPacksOrReport(const std::vector<std::string>& names,
                               const LoadedRules& rules) {
  std::set<std::string> opt_in, default_on;
  for (const RulePack& pack : rules.matcher->packs()) {
    (pack.opt_in ? opt_in : default_on).insert(pack.name);
  }
  for (const RulePack& pack : rules.dormant) opt_in.insert(pack.name);
  const std::string known =
      opt_in.empty() ? "none is loaded"
                     : absl::StrJoin(opt_in.begin(), opt_in.end(), ", ");
  for (const std::string& name : names) {
    if (opt_in.contains(name)) continue;
    std::cerr << "provcheck: error: --enable-pack " << name << ": "
              << (default_on.contains(name)
                      ? "this pack is on by default; --enable-pack turns on "
                        "opt-in packs"
                      : "no loaded pack has this name")
              << " (opt-in packs: " << known << ")\n";
    return false;
  }
  return true;
}

// Opt-in rule ids with their pack, for the policy to switch per file.
std::map<std::string, std::string, std::less<>> OptInRules(
    const Matcher& matcher) {
  std::map<std::string, std::string, std::less<>> out;
  for (const RulePack& pack : matcher.packs()) {
    if (!pack.opt_in) continue;
    for (const Rule& rule : pack.rules) out.emplace(rule.id, pack.name);
  }
  return out;
}

// Leaves out what .provcheckignore, the config's `ignore` and (in a git
// repository) .gitignore exclude. Standard input is never left out.
std::vector<std::string> DropIgnored(std::vector<std::string> paths,
                                     const Config& config) {
  std::vector<std::pair<PathPatterns, std::string>> lists;  // (patterns, base)
  const std::string cwd = fs::current_path().string();
  if (std::optional<std::string> file = FindUpwards(cwd, kIgnoreFileName)) {
    std::ifstream in(*file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    lists.emplace_back(PathPatterns::Parse(text.str()),
                       fs::path(*file).parent_path().string());
  }
  if (!config.ignore.empty()) {
    lists.emplace_back(PathPatterns::FromLines(config.ignore), config.dir);
  }
  std::set<std::string> git_ignored;
  if (config.gitignore && !FindRepositoryRoot(cwd).empty()) {
    git_ignored = GitIgnoredPaths(paths);
  }
  std::erase_if(paths, [&](const std::string& path) {
    if (path == "-") return false;
    if (git_ignored.contains(path)) return true;
    for (const auto& [patterns, base] : lists) {
      std::optional<std::string> relative = RelativeTo(base, path);
      if (relative && patterns.Matches(*relative)) return true;
    }
    return false;
  });
  return paths;
}

std::vector<RuleInfo> DescribeRules(const Matcher& matcher,
                                    const Policy& policy) {
  std::vector<RuleInfo> out;
  for (const RulePack& pack : matcher.packs()) {
    for (const Rule& rule : pack.rules) {
      // A mention rule reports nothing, so a SARIF reader has nothing to
      // look up under it.
      if (rule.kind == Kind::kMention) continue;
      RuleInfo info;
      info.id = rule.id;
      info.description = rule.description;
      info.pack_description = pack.description;
      info.kind = rule.kind;
      const std::optional<Severity> severity = policy.TopLevelSeverity(rule);
      info.severity = severity.value_or(rule.severity);
      info.enabled = severity.has_value();
      for (const RuleExample& example : rule.examples) {
        (example.must_match ? info.examples : info.counters)
            .push_back(example.text);
      }
      out.push_back(std::move(info));
    }
  }
  return out;
}

}  // namespace

int RunLint(const LintOptions& options) {
  std::optional<Config> config = LoadConfigOrReport(options);
  if (!config) return kExitError;

  // Opt-in packs are compiled only when the command line or the config asks
  // for them anywhere; the policy then switches them per file.
  std::set<std::string> opt_in = PacksTurnedOn(*config);
  opt_in.insert(options.enable_packs.begin(), options.enable_packs.end());
  const std::string rules_dir = ResolveRulesDir(options.rules_dir);
  const int threads = options.threads > 0 ? options.threads : DefaultThreads();
  std::optional<LoadedRules> rules =
      LoadRulesOrReport(rules_dir, threads, config->rules_dirs, opt_in);
  if (!rules) return kExitError;
  if (!CheckEnabledPacksOrReport(options.enable_packs, *rules)) {
    return kExitError;
  }

  PolicySettings settings;
  settings.fail_level =
      FailLevel(options.fail_on.value_or(config->fail_on.value_or("error")));
  settings.min_level = ParseSeverity(options.min_level.value_or(
                                         config->min_level.value_or("info")))
                           .value_or(Severity::kInfo);
  settings.min_score = options.min_score;
  settings.line_hashes = options.format == "sarif";
  settings.opt_in_rules = OptInRules(*rules->matcher);
  settings.enabled_packs.insert(options.enable_packs.begin(),
                                options.enable_packs.end());

  std::optional<Baseline> baseline;
  if (!options.baseline.empty() && options.write_baseline.empty()) {
    absl::StatusOr<Baseline> loaded = Baseline::Load(options.baseline);
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << '\n';
      return kExitError;
    }
    baseline = *std::move(loaded);
  }
  std::optional<Baseline> record;
  if (!options.write_baseline.empty()) {
    std::error_code ec;
    record.emplace(fs::absolute(fs::path(options.write_baseline), ec)
                       .parent_path()
                       .string());
  }

  Diagnostics path_errors;
  const std::vector<std::string> paths =
      DropIgnored(ExpandPaths(options.paths, &path_errors), *config);
  for (const Diagnostic& error : path_errors) {
    std::cerr << error.ToString() << '\n';
  }

  std::optional<ChangedLines> changed;
  if (!options.diff_base.empty()) {
    absl::StatusOr<ChangedLines> since =
        ChangedLines::Since(options.diff_base, paths);
    if (!since.ok()) {
      std::cerr << "provcheck: error: " << since.status().message() << '\n';
      return kExitError;
    }
    changed = *std::move(since);
  }

  Policy policy(*config, settings, rules->sources.get(),
                baseline ? &*baseline : nullptr, record ? &*record : nullptr,
                changed ? &*changed : nullptr);
  if (absl::Status names = policy.CheckRuleNames(rules->all_rules());
      !names.ok()) {
    std::cerr << names.message() << '\n';
    return kExitError;
  }

  // SARIF and GitHub locate files from the repository's root.
  std::string root = FindRepositoryRoot(fs::current_path().string());
  if (root.empty()) root = fs::current_path().string();
  std::unique_ptr<Printer> printer;
  if (options.format == "json") {
    printer = MakeJsonPrinter(std::cout, PROVCHECK_VERSION);
  } else if (options.format == "sarif") {
    printer = MakeSarifPrinter(std::cout, PROVCHECK_VERSION,
                               DescribeRules(*rules->matcher, policy), root);
  } else if (options.format == "github") {
    printer = MakeGithubPrinter(std::cout, root);
  } else {
    printer = MakeTextPrinter(std::cout, UseColor(options.color));
  }
  PipelineOptions pipeline;
  pipeline.threads = threads;
  // Contradictions need every document's claims, and repeated lines every
  // document's lines, before any document can be printed: a first, cheaper
  // pass collects them (memory: the keyed claims and one hash per long
  // line), then the analysis streams as before.
  // Standard input can be read only once, by the analysis pass.
  std::vector<std::string> cross_checked = paths;
  std::erase(cross_checked, "-");
  const CorpusChecks corpus =
      CheckCorpus(*rules, cross_checked, pipeline.threads);
  AnalysisConfig analysis = rules->config();
  analysis.contradictions = &corpus.contradictions;
  analysis.repeated_lines = &corpus.repeated_lines;

  RunSummary summary;
  summary.unreadable = static_cast<int>(path_errors.size());
  bool failed = false;
  int hidden_failing = 0;
  printer->Begin();
  AnalyzePaths(paths, analysis, pipeline, [&](DocumentOutcome&& outcome) {
    for (const Diagnostic& warning : outcome.warnings) {
      std::cerr << warning.ToString() << '\n';
    }
    if (!outcome.status.ok()) {
      std::cerr << outcome.path << ": error: " << outcome.status.message()
                << '\n';
      ++summary.unreadable;
      return;
    }
    ++summary.documents;
    PolicyOutcome checked =
        policy.Apply(*std::move(outcome.result), outcome.original,
                     FormatForPath(outcome.path));
    failed |= checked.failed;
    hidden_failing += checked.hidden_failing;
    for (const Notice& notice : checked.report.notices) {
      std::cerr << notice.diagnostic.ToString() << '\n';
    }
    for (const Finding& finding : checked.report.result.findings) {
      ++summary.findings_by_severity[static_cast<int>(finding.severity)];
    }
    printer->PrintReport(checked.report);
  });
  printer->End(summary);
  std::cout.flush();
  if (hidden_failing > 0 && !options.no_exit) {
    std::cerr << "provcheck: note: " << hidden_failing
              << (hidden_failing == 1 ? " finding fails" : " findings fail")
              << " the run but " << (hidden_failing == 1 ? "is" : "are")
              << " below --min-level, so not shown\n";
  }
  if (record) {
    if (absl::Status written = record->Write(options.write_baseline);
        !written.ok()) {
      std::cerr << written.message() << '\n';
      return kExitError;
    }
    std::cerr << "provcheck: wrote " << record->size()
              << " baseline entries to " << options.write_baseline << '\n';
  }
  if (summary.unreadable > 0) return kExitError;
  if (options.no_exit) return kExitClean;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace provcheck::cli
