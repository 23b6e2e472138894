#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "nlohmann/json.hpp"
#include "provcheck/engine.h"

namespace provcheck::cli {
namespace {

std::string Where(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line) + ":" +
         std::to_string(location.column);
}

// Why an example fails, or "" when it holds.
std::string CheckExample(const Matcher& matcher, const Rule& rule,
                         const RuleExample& example) {
  const std::vector<RuleMatch> matches = matcher.MatchRule(rule, example.text);
  if (!example.must_match) {
    if (matches.empty()) return "";
    const RuleMatch& first = matches.front();
    return "counter-example matches: \"" +
           example.text.substr(first.begin, first.end - first.begin) + "\"";
  }
  if (matches.empty()) return "example does not match";
  for (const auto& [name, expected] : example.captures) {
    bool found = false;
    std::string seen;
    for (const RuleMatch& match : matches) {
      for (const Capture& capture : match.captures) {
        if (capture.name != name) continue;
        const std::string value = CleanSourceName(capture.value);
        if (value == expected) found = true;
        if (seen.empty()) seen = value;
      }
    }
    if (!found) {
      return "capture " + name + " is \"" + seen + "\", expected \"" +
             expected + "\"";
    }
  }
  return "";
}

}  // namespace

int RunRulesCheck(const RulesOptions& options) {
  const std::string dir = ResolveRulesDir(options.rules_dir);
  std::unique_ptr<Matcher> matcher = LoadMatcherOrReport(dir);
  if (!matcher) return kExitError;
  int rules = 0, examples = 0, failures = 0;
  for (const Rule* rule : matcher->rules()) {
    ++rules;
    if (rule->examples.empty()) {
      std::cerr << Where(rule->location) << ": warning: rule " << rule->id
                << " has no examples\n";
    }
    for (const RuleExample& example : rule->examples) {
      ++examples;
      const std::string failure = CheckExample(*matcher, *rule, example);
      if (failure.empty()) continue;
      ++failures;
      std::cerr << Where(example.location) << ": error: rule " << rule->id
                << ": " << failure << "\n  " << example.text << '\n';
    }
  }
  const auto opt_in =
      std::count_if(matcher->packs().begin(), matcher->packs().end(),
                    [](const RulePack& pack) { return pack.opt_in; });
  std::cout << matcher->packs().size() << " packs";
  if (opt_in > 0) std::cout << " (" << opt_in << " opt-in)";
  std::cout << ", " << rules << " rules, " << examples << " examples: "
            << (failures == 0 ? "all pass"
                              : std::to_string(failures) + " failed")
            << " (" << dir << ")\n";
  return failures == 0 ? kExitClean : kExitFindings;
}

int RunRulesList(const RulesOptions& options) {
  std::unique_ptr<Matcher> matcher =
      LoadMatcherOrReport(ResolveRulesDir(options.rules_dir));
  if (!matcher) return kExitError;
  if (options.format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const Rule* rule : matcher->rules()) {
      rules.push_back({{"id", rule->id},
                       {"kind", std::string(KindName(rule->kind))},
                       {"severity", std::string(SeverityName(rule->severity))},
                       {"scope", std::string(ScopeName(rule->scope))},
                       {"description", rule->description},
                       {"opt_in", rule->opt_in}});
    }
    std::cout << nlohmann::ordered_json{{"schema", 1}, {"rules", rules}}.dump(2)
              << '\n';
    return kExitClean;
  }
  size_t id_width = 2, kind_width = 4;
  for (const Rule* rule : matcher->rules()) {
    id_width = std::max(id_width, rule->id.size());
    kind_width = std::max(kind_width, KindName(rule->kind).size());
  }
  for (const Rule* rule : matcher->rules()) {
    std::string id = rule->id, kind(KindName(rule->kind));
    id.resize(id_width, ' ');
    kind.resize(kind_width, ' ');
    std::string severity(SeverityName(rule->severity));
    severity.resize(8, ' ');
    // An opt-in rule runs only when its pack is enabled (lint
    // --enable-pack, or [packs] in .provcheck.toml): say so where it is
    // listed.
    std::cout << id << "  " << kind << "  " << severity
              << (rule->opt_in ? "[opt-in] " : "") << rule->description << '\n';
  }
  return kExitClean;
}

}  // namespace provcheck::cli
