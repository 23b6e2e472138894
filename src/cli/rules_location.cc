#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "cli/commands.h"
#include "common/sha256.h"
#include "provcheck/pipeline.h"
#include "provcheck/rule_parser.h"

namespace provcheck::cli {
namespace {

std::filesystem::path ExecutableDir() {
  std::error_code error;
  std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

}  // namespace

std::string ResolveRulesDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("PROVCHECK_RULES"); env && *env) {
    return env;
  }
  const std::filesystem::path dir = ExecutableDir();
  for (const char* relative :
       {"../share/provcheck/rules", "../rules", "../../rules"}) {
    std::error_code error;
    std::filesystem::path candidate = dir / relative;
    if (std::filesystem::is_directory(candidate, error)) {
      return std::filesystem::weakly_canonical(candidate, error).string();
    }
  }
  return "rules";
}

std::unique_ptr<Matcher> LoadMatcherOrReport(const std::string& rules_dir) {
  auto packs = LoadRulePacks(rules_dir);
  if (!packs.ok()) {
    std::cerr << packs.status().message() << '\n';
    return nullptr;
  }
  auto matcher = Matcher::Compile(*std::move(packs), DefaultThreads());
  if (!matcher.ok()) {
    std::cerr << matcher.status().message() << '\n';
    return nullptr;
  }
  return *std::move(matcher);
}

std::vector<const Rule*> LoadedRules::all_rules() const {
  std::vector<const Rule*> all = matcher->rules();
  for (const RulePack& pack : dormant) {
    for (const Rule& rule : pack.rules) all.push_back(&rule);
  }
  return all;
}

std::optional<LoadedRules> LoadRulesOrReport(
    const std::string& rules_dir, int threads,
    const std::vector<std::string>& extra_dirs,
    const std::set<std::string>& opt_in) {
  std::vector<RulePack> packs;
  std::map<std::string, std::string> defined;  // rule id -> file
  std::vector<std::string> dirs = {rules_dir};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  for (size_t i = 0; i < dirs.size(); ++i) {
    if (i > 0 && !std::filesystem::is_directory(dirs[i])) {
      std::cerr << dirs[i]
                << ": error: rules directory not found (rules-dirs)\n";
      return std::nullopt;
    }
    absl::StatusOr<std::vector<RulePack>> loaded = LoadRulePacks(dirs[i]);
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << '\n';
      return std::nullopt;
    }
    for (RulePack& pack : *loaded) {
      for (const Rule& rule : pack.rules) {
        auto [it, added] = defined.emplace(rule.id, pack.file);
        if (!added) {
          std::cerr << pack.file << ": error: rule " << rule.id
                    << " is already defined in " << it->second << '\n';
          return std::nullopt;
        }
      }
      packs.push_back(std::move(pack));
    }
  }
  PackSelection selection = SelectPacks(std::move(packs), opt_in);
  LoadedRules rules;
  rules.dormant = std::move(selection.dormant);
  absl::StatusOr<std::unique_ptr<Matcher>> matcher =
      Matcher::Compile(std::move(selection.active), threads);
  if (!matcher.ok()) {
    std::cerr << matcher.status().message() << '\n';
    return std::nullopt;
  }
  rules.matcher = *std::move(matcher);
  auto sources = SourceRegistry::Load(rules_dir + "/sources");
  if (!sources.ok()) {
    std::cerr << sources.status().message() << '\n';
    return std::nullopt;
  }
  rules.sources = *std::move(sources);
  const std::string facts_dir = rules_dir + "/facts";
  auto ledger = LoadLedger(facts_dir);
  if (!ledger.ok()) {
    std::cerr << ledger.status().message() << '\n';
    return std::nullopt;
  }
  rules.ledger = *std::move(ledger);
  auto extractor = ClaimExtractor::Create(rules.ledger);
  if (!extractor.ok()) {
    std::cerr << facts_dir << ": error: " << extractor.status().message()
              << '\n';
    return std::nullopt;
  }
  rules.extractor = *std::move(extractor);
  std::string ledger_digest;
  for (const Fact& fact : rules.ledger.facts) ledger_digest += FormatFact(fact);
  for (const EventClass& event : rules.ledger.events) {
    ledger_digest += event.name + " " + event.pattern + "\n";
  }
  for (const std::string& mention : rules.ledger.person_mentions) {
    ledger_digest += mention + "\n";
  }
  rules.digest =
      Sha256Hex(rules.matcher->digest() + "\n" + rules.sources->digest() +
                "\n" + Sha256Hex(ledger_digest));
  return rules;
}

CorpusChecks CheckCorpus(const LoadedRules& rules,
                         const std::vector<std::string>& paths, int threads,
                         std::vector<KeyedClaim> earlier) {
  CorpusSignals signals =
      CollectCorpusSignals(paths, *rules.extractor, threads);
  CrossChecker checker(rules.ledger);
  checker.Add(std::move(signals.claims));
  checker.Add(std::move(earlier));
  return CorpusChecks{checker.Check(), std::move(signals.repeated_lines)};
}

int DefaultThreads() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace provcheck::cli
