// config: a repository's provcheck settings, from `.provcheck.toml`.
//
//   fail-on   = "warning"            # error | warning | info | none
//   min-level = "info"               # lowest severity shown
//   min-score = 40                   # a document scoring below fails the run
//   ignore    = ["archive/**"]       # gitignore-style, relative to this file
//   gitignore = true                 # skip what git ignores
//   rules-dirs = ["house-rules"]     # more rule packs, beside the shipped ones
//
//   [packs]
//   boilerplate = false              # a whole pack off
//   weasel-words = true              # an opt-in pack on
//
//   [rules]                          # an id, a pack, or a prefix ending in .*
//   "vague-attribution.hearsay-adverb" = "error"
//   "unattributed-claim" = "off"
//
//   [sources]
//   allow = ["Reuters"]              # attributions to anyone else: warning
//   deny  = ["Arbiter Briefing"]     # attributions to these: error
//
//   [[paths]]                        # later sections win over earlier ones
//   match = ["opinion/**"]
//   min-score = 0
//   rules = { "vague-attribution" = "info" }
//
// Everything here only decides what is shown and what fails: the analysis,
// and so the provenance score, is the same with any configuration.
#ifndef PROVCHECK_CONFIG_H_
#define PROVCHECK_CONFIG_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provcheck/rule.h"

namespace provcheck {

inline constexpr char kConfigFileName[] = ".provcheck.toml";

// What a `[rules]` or `[packs]` entry does to the rules it names.
struct RuleAction {
  bool off = false;
  std::optional<Severity> severity;  // unset: the rule's own severity
};

struct RuleSettingEntry {
  // A rule id, a pack name or id prefix ("vague-attribution"), or a prefix
  // with a wildcard ("boilerplate.*"); "*" names every rule.
  std::string pattern;
  RuleAction action;
  bool from_packs = false;  // `[packs]` entries yield to `[rules]` entries
  SourceLocation location;  // for "no rule matches" errors
};

// One layer of rule settings: the file's top level or one `[[paths]]`.
struct RuleSettings {
  std::vector<RuleSettingEntry> entries;
};

struct PathSection {
  std::vector<std::string> match;  // gitignore-style globs
  RuleSettings rules;
  std::optional<double> min_score;
  SourceLocation location;
};

struct Config {
  std::string file;  // empty when no file was found
  std::string dir;   // globs and rules-dirs are relative to it
  std::optional<std::string> fail_on;
  std::optional<std::string> min_level;
  std::optional<double> min_score;
  std::vector<std::string> ignore;
  bool gitignore = true;
  std::vector<std::string> rules_dirs;  // resolved against `dir`
  RuleSettings rules;
  std::vector<std::string> allow_sources;
  std::vector<std::string> deny_sources;
  std::vector<PathSection> paths;
};

// Parses a config file's text. Errors read "file:line:col: error: KEY: …".
absl::StatusOr<Config> ParseConfig(std::string_view text,
                                   const std::string& file);

// Reads and parses `file`.
absl::StatusOr<Config> LoadConfigFile(const std::string& file);

// True when a `[packs]` key names the pack itself: "NAME" or "NAME.*". Only
// such a key turns an opt-in pack on ("*" and rule ids never do).
bool NamesPack(std::string_view pattern, std::string_view pack);

// The names `[packs]` turns on (`NAME = true`) anywhere in the file, at the
// top level or in a [[paths]] section ("NAME.*" counts as NAME): the opt-in
// packs among them must be compiled for the files they apply to.
std::set<std::string> PacksTurnedOn(const Config& config);

// The nearest `name` in `start` or one of its parents; nullopt when none.
std::optional<std::string> FindUpwards(const std::string& start,
                                       std::string_view name);

// True when `pattern` names `rule_id`: the id itself, a prefix ending at a
// dot ("vague-attribution" names "vague-attribution.impersonal"), a prefix
// with a trailing ".*", or "*". Suppressions name rules the same way.
bool RulePatternMatches(std::string_view pattern, std::string_view rule_id);

// The severity a rule has under `layers` (applied in order, each overriding
// the ones before for the rules it names), or nullopt when it is off. Within
// a layer the most specific pattern wins, and `[rules]` wins over `[packs]`.
std::optional<Severity> ResolveSeverity(
    const std::vector<const RuleSettings*>& layers, std::string_view rule_id,
    Severity rule_severity);

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_H_
