#include "provcheck/rule.h"

#include <array>
#include <utility>

namespace provcheck {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> Lookup(
    const std::array<std::pair<Enum, std::string_view>, N>& table,
    std::string_view name) {
  for (const auto& [value, text] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
std::string_view NameOf(
    const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [candidate, text] : table) {
    if (candidate == value) return text;
  }
  return "?";
}

constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverities{{
    {Severity::kInfo, "info"},
    {Severity::kWarning, "warning"},
    {Severity::kError, "error"},
}};

constexpr std::array<std::pair<Kind, std::string_view>, kKindCount> kKinds{{
    {Kind::kAttribution, "attribution"},
    {Kind::kCitation, "citation"},
    {Kind::kVagueAttribution, "vague-attribution"},
    {Kind::kBoilerplate, "boilerplate"},
    {Kind::kContradiction, "contradiction"},
    {Kind::kUnattributedClaim, "unattributed-claim"},
    {Kind::kMention, "mention"},
}};

constexpr std::array<std::pair<Scope, std::string_view>, 3> kScopes{{
    {Scope::kLine, "line"},
    {Scope::kSentence, "sentence"},
    {Scope::kDocument, "document"},
}};

}  // namespace

std::string_view SeverityName(Severity severity) {
  return NameOf(kSeverities, severity);
}
std::optional<Severity> ParseSeverity(std::string_view name) {
  return Lookup(kSeverities, name);
}
std::string_view KindName(Kind kind) { return NameOf(kKinds, kind); }
std::optional<Kind> ParseKind(std::string_view name) {
  return Lookup(kKinds, name);
}
std::string_view ScopeName(Scope scope) { return NameOf(kScopes, scope); }
std::optional<Scope> ParseScope(std::string_view name) {
  return Lookup(kScopes, name);
}

PackSelection SelectPacks(std::vector<RulePack> packs,
                          const std::set<std::string>& enabled) {
  PackSelection selection;
  for (RulePack& pack : packs) {
    if (pack.opt_in && !enabled.contains(pack.name)) {
      selection.dormant.push_back(std::move(pack));
    } else {
      selection.active.push_back(std::move(pack));
    }
  }
  return selection;
}

}  // namespace provcheck
