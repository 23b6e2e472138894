// What lint does to a document's findings between analysis and printing:
// the configuration's severities and source lists, in-document suppressions,
// the diff base and the baseline; then what fails the run and what is shown.
// The analysis itself (and so the score) is never changed.
#ifndef PROVCHECK_CONFIG_POLICY_H_
#define PROVCHECK_CONFIG_POLICY_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config/baseline.h"
#include "config/git.h"
#include "provcheck/config.h"
#include "provcheck/engine.h"
#include "provcheck/printer.h"
#include "provcheck/sources.h"

namespace provcheck {

inline constexpr char kMinScoreId[] = "provcheck.min-score";

struct PolicySettings {
  std::optional<Severity> fail_level = Severity::kError;  // nullopt: none
  Severity min_level = Severity::kInfo;
  std::optional<double> min_score;  // overrides the config's top level
  // Hash each finding's line for the report (SARIF's partialFingerprints).
  bool line_hashes = false;
  // The compiled rules of opt-in packs, by id, with their pack's name. Such
  // a rule starts off, or on when `enabled_packs` (--enable-pack) names its
  // pack, as if that pack were on by default; then `[packs] NAME = true` or
  // `false` in each layer that applies turns it on or off. `[rules]` sets
  // the severity of a rule that is on but never turns an opt-in pack on,
  // and neither does `[packs] "*"`.
  std::map<std::string, std::string, std::less<>> opt_in_rules;
  std::set<std::string> enabled_packs;
};

struct PolicyOutcome {
  DocumentReport report;  // what is shown
  bool failed = false;    // a finding at the fail level, or a low score
  // Findings that fail the run but are below --min-level, so not shown.
  int hidden_failing = 0;
};

class Policy {
 public:
  // Pointers may be null (no registry, baseline, recording or diff base);
  // those given must outlive the policy.
  Policy(const Config& config, PolicySettings settings,
         const SourceRegistry* sources, Baseline* baseline, Baseline* record,
         const ChangedLines* changed);

  // `original` is the document's text as analysed, standard input's too
  // ("" when unknown: then no suppression is read and fingerprints use the
  // finding alone).
  PolicyOutcome Apply(DocumentResult result, std::string_view original,
                      Format format);

  // A rule's severity from the config's top level, or nullopt when off.
  std::optional<Severity> TopLevelSeverity(const Rule& rule) const;

  // Errors for `[rules]` and `[packs]` keys that name no loaded rule.
  absl::Status CheckRuleNames(const std::vector<const Rule*>& rules) const;

 private:
  std::vector<const RuleSettings*> LayersFor(const std::string& path) const;
  // A rule's severity under `layers`, or nullopt when it is off (opt-in
  // packs included).
  std::optional<Severity> SeverityUnder(
      const std::vector<const RuleSettings*>& layers, std::string_view rule_id,
      Severity rule_severity) const;
  std::optional<double> MinScoreFor(const std::string& path) const;
  void ApplySourceLists(Finding& finding) const;

  const Config& config_;
  PolicySettings settings_;
  const SourceRegistry* sources_;
  Baseline* baseline_;
  Baseline* record_;
  const ChangedLines* changed_;
};

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_POLICY_H_
