// Source reliability: who a claim leans on and how far to trust them.
//
// Known sources, their aliases and priors are data (rules/sources/*.sources),
// each with the basis of its prior:
//
//   source "Reuters" {
//     type   outlet
//     prior  0.85
//     alias  "Reuter" "Thomson Reuters"
//     basis  "Wikipedia perennial sources: generally reliable"
//   }
//   match role "(?i:.*\b(?:ambassador|minister)\b.*)" {   # or: match name
//     type person  prior 0.7  basis "named official speaking on record"
//   }
//   default citation { type unknown  prior 0.3  basis "…" }
//   match name "government" {
//     type described  prior 0.7  basis "…"
//     antecedent "(?i:.*\b(?:government|ministry)\b.*)"
//   }
//
//   match rule "attribution\.state" {   # what one rule's sources are
//     type state  prior 0.7  basis "…"
//   }
//
// A finding's source is resolved by name or alias first, then by the first
// `match` on its role, name or rule, then by the default for its kind.
#ifndef PROVCHECK_SOURCES_H_
#define PROVCHECK_SOURCES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "provcheck/finding.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace provcheck {

// How many observations a prior is worth. With 10, a 0.85 prior needs a
// handful of contradicted claims to fall below one half: a source's record
// moves its reliability, a single bad day does not.
inline constexpr double kPriorStrength = 10.0;

// The posterior mean of a Beta(prior·s, (1−prior)·s) prior after `confirmed`
// successes and `contradicted` failures.
double BetaReliability(double prior, int confirmed, int contradicted);

// The kinds of source a registry entry may give (its `type`): a person, a
// named institution, a state speaking through its government ("Iraq
// said"), a news outlet, a named document, records in the plural ("F.A.A.
// records"), a speaker described but not named ("the report"), or a label
// nothing identifies.
inline constexpr const char* kSourceTypes[] = {
    "person",   "official-body", "state",     "outlet",
    "document", "records",       "described", "unknown"};

// The gender a name's given name shows ("Hillary Clinton"), or a courtesy
// title ("Mrs Clinton"); what "he" or "she" may refer back to.
enum class Gender { kUnknown, kMale, kFemale };

struct SourceProfile {
  std::string type;  // one of kSourceTypes
  double prior = 0.5;
  std::string basis;  // where the prior comes from
  // When this source is an anaphor's word ("the government"), the names it
  // may refer back to, matched whole; null when any of its kind will do.
  std::shared_ptr<const re2::RE2> antecedent;
  // False (`named no`) for words that describe or point to a speaker
  // without naming one ("the company", "the report", an unresolved "he"):
  // they stand for a different speaker in each document, so the store
  // keeps them on the claim but gathers no source under them.
  bool named = true;
  // Whom an anaphor's word may refer back to. By default the last source
  // of its type (a person for "the minister", a body for "the company").
  // `refers anyone`: whoever the text named last, a person or a body ("the
  // spokesman said", "the statement said"). `refers subject`: a person, as
  // "he" or "she" does, who may have been only mentioned and whose run of
  // "he said" the word carries on ("the 23-year-old said" after "Southampton's
  // David Prutton faces a ban"). `refers body`: whoever the text named
  // last, only when that is a body, whose unnamed spokesman the word is ("Acme
  // Corp said ... A spokesman said"), or a bare name nothing shows to be a
  // person's, which the word then makes a body ("Spie Batignolles said ...
  // A spokesman said"). `refers bare-name`: as its type does,
  // and when no body of its kind is in reach, the last speaker if the text
  // gave only a bare name the registry does not know ("GenCorp said ...
  // The company said"): the word says what the name is.
  enum class Refers { kItsType, kAnyone, kSubject, kBody, kBareName };
  Refers refers = Refers::kItsType;
};

struct KnownSource {
  std::string name;
  std::vector<std::string> aliases;
  SourceProfile profile;
};

struct SourceResolution {
  std::string name;  // canonical when known, else as written
  SourceProfile profile;
  bool known = false;  // listed by name or alias
  // Typed by the registry's default for its kind: no entry matched its
  // name, role or rule.
  bool by_default = false;
};

class SourceRegistry {
 public:
  // Loads every *.sources file under `dir` (sorted); a missing directory is
  // an empty registry, whose defaults treat every source as unknown.
  static absl::StatusOr<std::unique_ptr<SourceRegistry>> Load(
      const std::string& dir);
  static absl::StatusOr<std::unique_ptr<SourceRegistry>> Parse(
      std::string_view text, std::string_view file_name);
  ~SourceRegistry();

  SourceResolution Resolve(const Finding& finding) const;

  // The gender the registry's `gender` entries give a name ("Hillary
  // Clinton" after `match name "Hillary\s.+" { gender female }`); unknown
  // when none matches. Apart from Resolve: a gender types no source, so a
  // name keeps the type and prior its other entries give it.
  Gender GenderOf(std::string_view name) const;

  // Reliability to use for a resolved source: its evidence-updated value when
  // one was set, else its prior.
  double ReliabilityOf(const SourceResolution& resolution) const;
  void SetReliability(const std::string& name, double reliability);

  const std::vector<KnownSource>& known() const { return known_; }
  const std::string& digest() const { return digest_; }

 private:
  struct Match;
  SourceRegistry();
  absl::Status Add(std::string_view text, std::string_view file_name);

  std::vector<KnownSource> known_;
  absl::flat_hash_map<std::string, size_t> by_alias_;  // normalised -> known_
  std::vector<Match> matches_;
  struct GenderMatch;
  std::vector<GenderMatch> gender_matches_;
  absl::flat_hash_map<std::string, SourceProfile> defaults_;  // kind name
  absl::flat_hash_map<std::string, double> reliability_;      // normalised
  std::string digest_;
};

}  // namespace provcheck

#endif  // PROVCHECK_SOURCES_H_
