#include "config/policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "config/glob.h"
#include "config/suppress.h"
#include "provcheck/cross_check.h"
#include "provcheck/document.h"
#include "provcheck/engine.h"

namespace provcheck {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool Listed(const std::vector<std::string>& list,
            const std::vector<std::string>& names) {
  for (const std::string& entry : list) {
    const std::string wanted = Lower(entry);
    for (const std::string& name : names) {
      if (!name.empty() && Lower(name) == wanted) return true;
    }
  }
  return false;
}

}  // namespace

Policy::Policy(const Config& config, PolicySettings settings,
               const SourceRegistry* sources, Baseline* baseline,
               Baseline* record, const ChangedLines* changed)
    : config_(config),
      settings_(settings),
      sources_(sources),
      baseline_(baseline),
      record_(record),
      changed_(changed) {}

std::vector<const RuleSettings*> Policy::LayersFor(
    const std::string& path) const {
  std::vector<const RuleSettings*> layers = {&config_.rules};
  if (config_.paths.empty() || path == "-") return layers;
  const std::optional<std::string> relative = RelativeTo(config_.dir, path);
  if (!relative) return layers;
  for (const PathSection& section : config_.paths) {
    if (PathPatterns::FromLines(section.match).Matches(*relative)) {
      layers.push_back(&section.rules);
    }
  }
  return layers;
}

std::optional<double> Policy::MinScoreFor(const std::string& path) const {
  std::optional<double> minimum =
      settings_.min_score ? settings_.min_score : config_.min_score;
  if (config_.paths.empty() || path == "-") return minimum;
  const std::optional<std::string> relative = RelativeTo(config_.dir, path);
  if (!relative) return minimum;
  for (const PathSection& section : config_.paths) {
    if (section.min_score &&
        PathPatterns::FromLines(section.match).Matches(*relative)) {
      minimum = section.min_score;
    }
  }
  return minimum;
}

std::optional<Severity> Policy::SeverityUnder(
    const std::vector<const RuleSettings*>& layers, std::string_view rule_id,
    Severity rule_severity) const {
  if (auto pack = settings_.opt_in_rules.find(rule_id);
      pack != settings_.opt_in_rules.end()) {
    bool on = settings_.enabled_packs.contains(pack->second);
    for (const RuleSettings* layer : layers) {
      for (const RuleSettingEntry& entry : layer->entries) {
        if (entry.from_packs && NamesPack(entry.pattern, pack->second)) {
          on = !entry.action.off;
        }
      }
    }
    if (!on) return std::nullopt;
  }
  return ResolveSeverity(layers, rule_id, rule_severity);
}

std::optional<Severity> Policy::TopLevelSeverity(const Rule& rule) const {
  return SeverityUnder({&config_.rules}, rule.id, rule.severity);
}

absl::Status Policy::CheckRuleNames(
    const std::vector<const Rule*>& rules) const {
  // Findings no pattern makes (they compare documents, or read markup): they
  // can be configured like any rule's.
  static constexpr std::array<std::string_view, 6> kBuiltIn = {
      kRepeatedLineRuleId, kPageStructureRuleId, kOutsideArticleRuleId,
      kEventDateRuleId,    kNameVariantRuleId,   kQuantityRuleId};
  auto check = [&](const RuleSettings& settings) -> absl::Status {
    for (const RuleSettingEntry& entry : settings.entries) {
      const bool named =
          std::any_of(rules.begin(), rules.end(),
                      [&](const Rule* rule) {
                        return RulePatternMatches(entry.pattern, rule->id);
                      }) ||
          std::any_of(kBuiltIn.begin(), kBuiltIn.end(),
                      [&](std::string_view id) {
                        return RulePatternMatches(entry.pattern, id);
                      });
      if (named) continue;
      return absl::InvalidArgumentError(absl::StrCat(
          entry.location.file, ":", entry.location.line, ":",
          entry.location.column, ": error: ",
          entry.from_packs ? "packs." : "rules.", "\"", entry.pattern,
          "\": no loaded rule or pack has this name (see `provcheck rules "
          "list`)"));
    }
    return absl::OkStatus();
  };
  if (absl::Status status = check(config_.rules); !status.ok()) return status;
  for (const PathSection& section : config_.paths) {
    if (absl::Status status = check(section.rules); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

void Policy::ApplySourceLists(Finding& finding) const {
  if (finding.source.empty() ||
      (finding.kind != Kind::kAttribution && finding.kind != Kind::kCitation)) {
    return;
  }
  if (config_.deny_sources.empty() && config_.allow_sources.empty()) return;
  std::vector<std::string> names = {finding.source};
  if (sources_ != nullptr) names.push_back(sources_->Resolve(finding).name);
  if (Listed(config_.deny_sources, names)) {
    finding.severity = Severity::kError;
    absl::StrAppend(&finding.message, " (", finding.source,
                    " is on the deny list)");
  } else if (!config_.allow_sources.empty() &&
             !Listed(config_.allow_sources, names)) {
    finding.severity = std::max(finding.severity, Severity::kWarning);
    absl::StrAppend(&finding.message, " (", finding.source,
                    " is not on the allow list)");
  }
}

PolicyOutcome Policy::Apply(DocumentResult result, std::string_view original,
                            Format format) {
  PolicyOutcome outcome;
  const std::string path = result.path;
  const std::vector<const RuleSettings*> layers = LayersFor(path);
  Suppressions suppressions = Suppressions::Parse(original, format);

  // Only baselines read the fingerprint, and only SARIF the line hash; both
  // hash the finding's source line. The lines are indexed once per
  // document, and only when one of them asks: a lookup from the file's
  // start per finding made an HTML page with thousands of furniture
  // findings cost more than its analysis.
  const bool wants_line = record_ != nullptr || baseline_ != nullptr ||
                          (settings_.line_hashes && !original.empty());
  std::optional<LineIndex> original_lines;
  if (wants_line) original_lines.emplace(original);

  std::vector<Finding> kept;
  std::vector<std::string> hashes;
  for (Finding& finding : result.findings) {
    const std::optional<Severity> severity =
        SeverityUnder(layers, finding.rule_id, finding.severity);
    if (!severity) continue;  // configured off
    finding.severity = *severity;
    if (suppressions.IsDirectiveLine(finding.start.line)) continue;
    if (suppressions.Suppress(finding.rule_id, finding.start)) continue;
    ApplySourceLists(finding);

    const std::string_view line = original_lines
                                      ? original_lines->Line(finding.start.line)
                                      : std::string_view();
    const std::string fingerprint =
        record_ != nullptr || baseline_ != nullptr
            ? FindingFingerprint(finding.rule_id, finding.text, line)
            : std::string();
    if (record_ != nullptr) {
      record_->Add(path, finding.rule_id, fingerprint, finding.start.line,
                   finding.text);
      continue;  // recorded is accepted: nothing new to report
    }
    if (changed_ != nullptr &&
        !changed_->Changed(path, finding.start.line, finding.stop.line)) {
      continue;
    }
    if (baseline_ != nullptr &&
        baseline_->Take(path, finding.rule_id, fingerprint)) {
      continue;
    }
    const bool fails =
        settings_.fail_level && finding.severity >= *settings_.fail_level;
    if (finding.severity < settings_.min_level) {
      if (fails) ++outcome.hidden_failing;
      outcome.failed |= fails;
      continue;
    }
    outcome.failed |= fails;
    hashes.push_back(
        original.empty() || !settings_.line_hashes ? "" : LineHash(line));
    kept.push_back(std::move(finding));
  }

  for (Diagnostic& unused : suppressions.Unused(path)) {
    if (changed_ != nullptr &&
        !changed_->Changed(path, unused.line, unused.line)) {
      continue;
    }
    outcome.report.notices.push_back(
        Notice{kUnusedSuppressionId, std::move(unused)});
  }
  const std::optional<double> minimum = MinScoreFor(path);
  if (minimum && result.score.total < *minimum &&
      (changed_ == nullptr || changed_->Touched(path))) {
    Diagnostic low;
    low.level = Diagnostic::Level::kError;
    low.path = path;
    low.message =
        absl::StrFormat("provenance score %.1f is below the minimum %g",
                        result.score.total, *minimum);
    outcome.report.notices.push_back(Notice{kMinScoreId, std::move(low)});
    outcome.failed = true;
  }

  result.findings = std::move(kept);
  outcome.report.result = std::move(result);
  outcome.report.line_hashes = std::move(hashes);
  return outcome;
}

}  // namespace provcheck
