#include "provcheck/engine.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/prose.h"
#include "engine/article_extent.h"
#include "engine/speaker_names.h"
#include "provcheck/segment.h"
#include "re2/re2.h"

namespace provcheck {
namespace {

using KindMask = unsigned;

KindMask Bit(Kind kind) { return 1u << static_cast<int>(kind); }

KindMask MaskOf(const std::vector<Kind>& kinds) {
  KindMask mask = 0;
  for (Kind kind : kinds) mask |= Bit(kind);
  return mask;
}

struct Candidate {
  const RuleMatch* match;
  size_t sentence;  // the sentence holding the match's start
  bool kept = true;
  // Whether its unless-near has been decided; until then it silences
  // nothing, as it may yet be dropped itself.
  bool settled = false;
};

// Index of the range holding `offset`, or of the last range before it.
size_t RangeIndexOf(const std::vector<TextRange>& ranges, size_t offset) {
  auto it = std::upper_bound(
      ranges.begin(), ranges.end(), offset,
      [](size_t value, const TextRange& range) { return value < range.begin; });
  return it == ranges.begin() ? 0
                              : static_cast<size_t>(it - ranges.begin() - 1);
}

// What an anaphor can stand for: a person ("he", "the minister"), a body
// named as such ("the company"), any non-person the text named or described
// ("it": "the board", "police", "a Gallup poll"), any of those but a
// document ("they": a document is one thing, and "they said" after
// "according to the agreement" is the parties), or anyone.
enum class Referent {
  kPerson = 0,
  kOrganisation = 1,
  kThing = 2,
  kCollective = 3,
  kEither = 4
};

// What a source can be referred back to as. The source registry
// (rules/sources) types every name and role, so the vocabulary of
// institutions lives in one place, as data: a person for "he", anything
// else (an institution, an outlet, a document) for "it" or "the company".
// A source the registry calls "described" ("the report", "the commission")
// is a pointer, not a name: "it" may refer to it, but "the company" or
// "the government" wants a body named as such. Records in the plural ("the
// figures", "F.A.A. records") are never referred back to: "it" is singular,
// and "it said" after "the figures showed" is the body that published
// them. Without a registry nothing is typed (kUntyped), and only "they"
// finds an antecedent.
enum class AntecedentKind {
  kPerson,
  kOrganisation,
  kState,
  kDescribed,
  kDocument,
  kRecords,
  kUntyped
};

AntecedentKind AntecedentKindOfType(std::string_view type) {
  if (type == "person") return AntecedentKind::kPerson;
  // A document ("a Gallup poll") is what "it" refers to, as a described
  // source is; "the company" or "the agency" wants the body itself.
  if (type == "described") return AntecedentKind::kDescribed;
  if (type == "document") return AntecedentKind::kDocument;
  if (type == "state") return AntecedentKind::kState;
  if (type == "records") return AntecedentKind::kRecords;
  return AntecedentKind::kOrganisation;
}

AntecedentKind AntecedentKindOf(const Finding& finding,
                                const SourceRegistry* sources) {
  if (sources == nullptr) return AntecedentKind::kUntyped;
  return AntecedentKindOfType(sources->Resolve(finding).profile.type);
}

// The word an anaphor refers back with: "government" for "The government".
std::string AnaphorWord(std::string_view anaphor) {
  std::string word = absl::AsciiStrToLower(std::string(anaphor));
  if (word.starts_with("the ")) word = word.substr(4);
  return word;
}

// What an anaphor can stand for. The registry says which words stand for
// anyone (`refers anyone`: "the statement", "the spokesman"); "it" stands
// for any thing. "they" stands for a thing too ("Labour ... They say",
// "police ... they said"), never for the one person named last: with a
// registry to tell the two apart, "They say" after "Larry Ellison said" is a
// crowd the text has not named, and stays unresolved. A body the registry
// does not know is typed as a person, so "they" after it stays unresolved
// too: a speaker left for the reader to work out is better than words put in
// one person's mouth. Otherwise the registry says, as for a source, whether
// the word is a person ("he", "the minister") or a body ("the company"), so
// the vocabulary of people lives in rules/sources alone. The registry may
// also say which names the word takes (an `antecedent` pattern; see
// FitsTheAntecedent). The word is resolved once for all three.
struct AnaphorTarget {
  Referent referent = Referent::kEither;
  std::shared_ptr<const re2::RE2> antecedent;  // null: any of its kind
};

AnaphorTarget TargetOf(std::string_view anaphor,
                       const SourceRegistry* sources) {
  AnaphorTarget target;
  std::string word = AnaphorWord(anaphor);
  AntecedentKind kind = AntecedentKind::kUntyped;
  bool refers_to_anyone = false;
  if (sources != nullptr) {
    Finding probe;
    probe.kind = Kind::kAttribution;
    probe.source = word;
    SourceProfile profile = sources->Resolve(probe).profile;
    kind = AntecedentKindOfType(profile.type);
    refers_to_anyone = profile.refers_to_anyone;
    target.antecedent = std::move(profile.antecedent);
  }
  if (refers_to_anyone) {
    target.referent = Referent::kEither;
  } else if (word == "it") {
    target.referent = Referent::kThing;
  } else if (word == "they") {
    target.referent =
        sources == nullptr ? Referent::kEither : Referent::kCollective;
  } else {
    target.referent = kind == AntecedentKind::kPerson ? Referent::kPerson
                                                      : Referent::kOrganisation;
  }
  return target;
}

// Whether an anaphor may refer back to `name`. The registry may say which
// names its word takes (`antecedent`, from TargetOf: "the government" takes a
// government or one of its ministries, never the company named last). A
// capitalised body after "the" ("the Ministry", "The Army") is the short
// form of a name, so it refers back only to a source whose name holds the
// word ("Finance Ministry", "U.S. Army"): "General Electric Co said it won
// an Army contract. The Army said ..." is the Army speaking, not GE. Other
// lower-case bodies take the last body of their kind, named as it may be:
// "the exchange" is the NYSE and "the department" the USDA as often as not.
bool FitsTheAntecedent(std::string_view anaphor, std::string_view name,
                       const re2::RE2* antecedent) {
  if (antecedent != nullptr) {
    return RE2::FullMatch(re2::StringPiece(name.data(), name.size()),
                          *antecedent);
  }
  if (anaphor.size() < 5 ||
      absl::AsciiStrToLower(std::string(anaphor.substr(0, 4))) != "the " ||
      !absl::ascii_isupper(static_cast<unsigned char>(anaphor[4]))) {
    return true;
  }
  return absl::AsciiStrToLower(std::string(name))
             .find(absl::AsciiStrToLower(std::string(anaphor.substr(4)))) !=
         std::string::npos;
}

// Whether the document names `name` as a body elsewhere, by what follows
// it there: a stock ticker ("Texaco <TX>") or a company's legal form
// ("Texaco Inc", "Cominco Ltd", "Bayer AG"). Wire copy names a company in
// full once and bare after that ("Texaco said"), and a bare name is typed a
// person by the registry's default, so "it said" after it stayed
// unresolved and "he said" could take it. Only a legal form: a body named
// after a person ("Trump University", "Clinton Foundation") says nothing
// about the bare name, whom "he said" still takes. The registry types the
// fuller name too, so a word that is no body's stays out. Returns the
// fuller name ("Texaco Inc"), which a later "it" is resolved to.
std::optional<std::string> NamedAsBodyInText(std::string_view text,
                                             std::string_view name,
                                             const SourceRegistry& sources) {
  constexpr int kMaxMentions = 16;
  int mentions = 0;
  for (size_t at = text.find(name);
       at != std::string_view::npos && mentions < kMaxMentions;
       at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    // Whole words only: "Shell" is not in "Shellfish".
    if ((at > 0 &&
         absl::ascii_isalnum(static_cast<unsigned char>(text[at - 1]))) ||
        end + 1 >= text.size() || text[end] != ' ') {
      continue;
    }
    ++mentions;
    if (text[end + 1] == '<') return std::string(name);
    size_t word_end = end + 1;
    while (word_end < text.size() &&
           absl::ascii_isalnum(static_cast<unsigned char>(text[word_end]))) {
      ++word_end;
    }
    if (word_end == end + 1 ||
        !IsLegalForm(text.substr(end + 1, word_end - end - 1))) {
      continue;
    }
    Finding probe;
    probe.kind = Kind::kAttribution;
    probe.source = std::string(text.substr(at, word_end - at));
    if (AntecedentKindOf(probe, &sources) == AntecedentKind::kOrganisation) {
      return probe.source;
    }
  }
  return std::nullopt;
}

// A lead runs to a few words: a headline, a dateline or a byline that ends
// in a full stop ("By Jane Roe.") is no lead.
constexpr size_t kMinLeadWords = 6;
// A lead governs a brief: the wire item whose later sentences give the
// terms and figures of the announcement its lead reports. In a longer
// story the reporter's own background follows the lead as often (read
// on BBC: 4 of 10 findings the lead silenced were the writer's own), so
// `or-lead` applies only to documents of at most this many sentences.
constexpr size_t kMaxBriefSentences = 12;

// The document's lead: its first sentence that ends as a sentence does
// and has kMinLeadWords, so that a headline above the story is passed
// over. npos when none does.
size_t LeadSentence(std::string_view text, const Segmentation& segments) {
  for (size_t s = 0; s < segments.sentences.size(); ++s) {
    const std::string_view sentence =
        text.substr(segments.sentences[s].begin, segments.sentences[s].size());
    if (EndsAsASentence(sentence) && WordCount(sentence) >= kMinLeadWords) {
      return s;
    }
  }
  return std::string_view::npos;
}

// For each sentence, whether it stands inside a quotation: it opens with a
// quotation mark, or one opened earlier in its paragraph is still open.
// Each paragraph starts closed, and a mark that opens a sentence opens
// whatever came before: a quotation that runs over several paragraphs
// opens each with a mark and closes only the last, and scraped text often
// runs those paragraphs into one line.
std::vector<bool> InQuotation(std::string_view text,
                              const Segmentation& segments) {
  std::vector<bool> inside(segments.sentences.size(), false);
  bool open = false;
  size_t line = static_cast<size_t>(-1);
  for (size_t s = 0; s < segments.sentences.size(); ++s) {
    if (segments.sentence_line[s] != line) {
      line = segments.sentence_line[s];
      open = false;
    }
    const std::string_view sentence =
        text.substr(segments.sentences[s].begin, segments.sentences[s].size());
    const bool opens =
        sentence.starts_with("\u201C") || sentence.starts_with('"');
    inside[s] = open || opens;
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (sentence[i] == '"') {
        open = i == 0 || !open;
      } else if (sentence.substr(i).starts_with("\u201C")) {
        open = true;
      } else if (sentence.substr(i).starts_with("\u201D")) {
        open = false;
      }
    }
  }
  return inside;
}

bool Overlaps(const RuleMatch& a, const RuleMatch& b) {
  return a.begin < b.end && b.begin < a.end;
}

std::string_view CaptureValue(const std::vector<Capture>& captures,
                              std::string_view name) {
  for (const Capture& capture : captures) {
    if (capture.name == name) return capture.value;
  }
  return {};
}

}  // namespace

std::string RenderMessage(std::string_view message_template,
                          const std::vector<Capture>& captures) {
  std::string out;
  for (size_t i = 0; i < message_template.size(); ++i) {
    const char c = message_template[i];
    if (c != '{') {
      out.push_back(c);
      continue;
    }
    // Find the matching close brace; conditionals may nest a {name}.
    size_t depth = 0, close = i;
    for (; close < message_template.size(); ++close) {
      if (message_template[close] == '{') ++depth;
      if (message_template[close] == '}' && --depth == 0) break;
    }
    if (close >= message_template.size()) {
      out.append(message_template.substr(i));
      break;
    }
    std::string_view body = message_template.substr(i + 1, close - i - 1);
    if (!body.empty() && body[0] == '?') {
      size_t colon = body.find(':');
      std::string_view name = body.substr(1, colon - 1);
      std::string value(CaptureValue(captures, name));
      if (colon != std::string_view::npos && !CleanSourceName(value).empty()) {
        out += RenderMessage(body.substr(colon + 1), captures);
      }
    } else {
      std::string_view value = CaptureValue(captures, body);
      out += body == "source" || body == "role" ? CleanSourceName(value)
                                                : std::string(value);
    }
    i = close;
  }
  return out;
}

std::string_view SourcingName(Sourcing sourcing) {
  switch (sourcing) {
    case Sourcing::kAttributed:
      return "attributed";
    case Sourcing::kCited:
      return "cited";
    case Sourcing::kVague:
      return "vague";
    case Sourcing::kUnattributed:
      return "unattributed";
  }
  return "unattributed";
}

std::optional<Sourcing> ParseSourcing(std::string_view name) {
  for (Sourcing sourcing : {Sourcing::kAttributed, Sourcing::kCited,
                            Sourcing::kVague, Sourcing::kUnattributed}) {
    if (SourcingName(sourcing) == name) return sourcing;
  }
  return std::nullopt;
}

namespace {

// Everything after matching: filtering, findings, claims and the score.
DocumentResult ResultOf(const Document& document, const Segmentation& segments,
                        const std::vector<RuleMatch>& matches,
                        const AnalysisConfig& config) {
  const ScoreWeights& weights = config.weights;
  DocumentResult result;
  result.path = document.path;
  result.sha256 = document.sha256;
  result.bytes = document.raw_bytes;
  const std::string_view text = document.text;

  std::vector<Candidate> candidates;
  candidates.reserve(matches.size());
  for (const RuleMatch& match : matches) {
    candidates.push_back(
        Candidate{&match, RangeIndexOf(segments.sentences, match.begin)});
  }

  // Findings of opt-in packs stand apart from the default packs': they are
  // resolved against the default findings but never displace, drop or merge
  // with one, and they take no part in claims or the score. So the default
  // findings and the score are the same whichever packs are enabled, as
  // `audit` (which runs the default packs only) stores them.
  auto opt_in = [](const Candidate& candidate) {
    return candidate.match->rule->opt_in;
  };

  // 1. Of overlapping findings of one kind, the earliest (then the longest)
  // stands: two attribution rules agreeing on a clause are one finding.
  // Each layer (default, opt-in) merges within itself.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.match->begin != b.match->begin) {
                       return a.match->begin < b.match->begin;
                     }
                     return a.match->end > b.match->end;
                   });
  std::array<std::array<size_t, kKindCount>, 2> kept_until{};
  for (Candidate& candidate : candidates) {
    size_t& until = kept_until[opt_in(candidate)]
                              [static_cast<int>(candidate.match->rule->kind)];
    if (candidate.match->begin < until) {
      candidate.kept = false;
    } else {
      until = candidate.match->end;
    }
  }

  // 2. yields-to: a finding gives way to an overlapping one of a stronger
  // kind. Candidates are sorted by start, so the scan stops early. Default
  // findings look only at default ones; then an opt-in finding looks at
  // both, and also gives way to a default finding of its own kind, which
  // already says what it would.
  auto yield = [&candidates](Candidate& candidate) {
    const bool from_opt_in = candidate.match->rule->opt_in;
    const KindMask yields = MaskOf(candidate.match->rule->yields_to);
    for (const Candidate& other : candidates) {
      if (other.match->begin >= candidate.match->end) break;
      const bool other_opt_in = other.match->rule->opt_in;
      if (&other == &candidate || !other.kept ||
          (other_opt_in && !from_opt_in)) {
        continue;
      }
      const KindMask mask = from_opt_in && !other_opt_in
                                ? yields | Bit(candidate.match->rule->kind)
                                : yields;
      if ((mask & Bit(other.match->rule->kind)) &&
          Overlaps(*other.match, *candidate.match)) {
        candidate.kept = false;
        return;
      }
    }
  };

  // 3. unless-near: a finding is dropped when a sentence within reach in the
  // same paragraph holds one of the named kinds.
  auto kinds_by_sentence = [&](bool with_opt_in) {
    std::vector<KindMask> kinds(segments.sentences.size(), 0);
    for (const Candidate& candidate : candidates) {
      if (candidate.kept &&
          (candidate.settled || candidate.match->rule->unless_near.empty()) &&
          (with_opt_in || !opt_in(candidate)) &&
          candidate.sentence < kinds.size()) {
        const KindMask kind = Bit(candidate.match->rule->kind);
        kinds[candidate.sentence] |= kind;
        const Governs governs = candidate.match->rule->governs;
        if (governs != Governs::kOwnSentence) {
          const size_t line = segments.sentence_line[candidate.sentence];
          for (size_t s = candidate.sentence + 1;
               s < kinds.size() && (governs == Governs::kRestOfDocument ||
                                    segments.sentence_line[s] == line);
               ++s) {
            kinds[s] |= kind;
          }
        }
      }
    }
    return kinds;
  };
  // Both computed once, and only if a rule asks.
  std::vector<bool> in_quotation;
  std::optional<size_t> lead;
  auto drop_unless_near = [&](Candidate& candidate,
                              const std::vector<KindMask>& kinds) {
    const Rule& rule = *candidate.match->rule;
    if (!candidate.kept || rule.unless_near.empty() ||
        candidate.sentence >= kinds.size()) {
      return;
    }
    const KindMask wanted = MaskOf(rule.unless_near);
    const size_t line = segments.sentence_line[candidate.sentence];
    const size_t first = candidate.sentence >= static_cast<size_t>(rule.reach)
                             ? candidate.sentence - rule.reach
                             : 0;
    const size_t last =
        std::min(kinds.size() - 1, candidate.sentence + rule.reach);
    for (size_t s = first; s <= last; ++s) {
      if ((rule.reach_across_paragraphs || segments.sentence_line[s] == line) &&
          (kinds[s] & wanted)) {
        candidate.kept = false;
        return;
      }
    }
    if (rule.reach_quote_run && in_quotation.empty()) {
      in_quotation = InQuotation(text, segments);
    }
    if (rule.reach_quote_run && in_quotation[candidate.sentence]) {
      size_t start = candidate.sentence;
      while (start > 0 && in_quotation[start - 1]) --start;
      for (size_t s = start > 0 ? start - 1 : 0; s < first; ++s) {
        if (kinds[s] & wanted) {
          candidate.kept = false;
          return;
        }
      }
    }
    if (rule.lead_reach > 0) {
      if (!lead.has_value()) {
        lead = segments.sentences.size() <= kMaxBriefSentences
                   ? LeadSentence(text, segments)
                   : std::string_view::npos;
      }
      if (*lead < kinds.size() && candidate.sentence > *lead &&
          candidate.sentence - *lead <= static_cast<size_t>(rule.lead_reach) &&
          (kinds[*lead] & wanted)) {
        candidate.kept = false;
      }
    }
  };

  // Steps 2 and 3 settle the default findings first; the opt-in ones are
  // then resolved against them and each other.
  for (Candidate& candidate : candidates) {
    if (candidate.kept && !opt_in(candidate) &&
        !candidate.match->rule->yields_to.empty()) {
      yield(candidate);
    }
  }
  // A finding with an unless-near is decided only after every finding of
  // the kinds it names: "Polls show she leads by 5 percent" holds a vague
  // attribution that itself gives way to a nearby attribution, and only
  // once it stands may it silence the unattributed claim. Rules that name
  // each other's kinds (none ship) are decided together, in text order.
  auto settle_unless_near = [&](bool opt_in_pass) {
    for (;;) {
      KindMask pending = 0;
      for (const Candidate& candidate : candidates) {
        if (opt_in(candidate) == opt_in_pass && !candidate.settled &&
            !candidate.match->rule->unless_near.empty()) {
          pending |= Bit(candidate.match->rule->kind);
        }
      }
      if (pending == 0) return;
      const std::vector<KindMask> kinds = kinds_by_sentence(opt_in_pass);
      bool progress = false;
      for (const bool cycle : {false, true}) {
        for (Candidate& candidate : candidates) {
          const Rule& rule = *candidate.match->rule;
          if (opt_in(candidate) != opt_in_pass || candidate.settled ||
              rule.unless_near.empty() ||
              (!cycle && (MaskOf(rule.unless_near) & pending))) {
            continue;
          }
          drop_unless_near(candidate, kinds);
          candidate.settled = true;
          progress = true;
        }
        if (progress) break;
      }
    }
  };
  settle_unless_near(false);
  for (Candidate& candidate : candidates) {
    if (candidate.kept && opt_in(candidate)) yield(candidate);
  }
  settle_unless_near(true);

  // Findings, with positions in the original file.
  const LineIndex original_lines(document.original);

  std::vector<bool> boilerplate_line(segments.lines.size(), false);
  // The speaker an anaphor ("he said", "the company said") refers back to:
  // the last named source of a fitting kind (a person for "he", an
  // organisation for "the company", any non-person for "it" or "they"), if
  // it was named within kAnaphorReach paragraphs. One list for all let "the
  // company said" inherit a minister, and "the group said" a city.
  constexpr size_t kAnaphorReach = 3;
  auto within_reach = [](size_t named_at, size_t line) {
    return line >= named_at && line - named_at <= kAnaphorReach;
  };
  struct Antecedent {
    std::string name;
    size_t line = 0;
    bool mentioned = false;  // set by a mention, not by a speaker
    // Where an anaphor that took the name last stood: a chain of "it said"
    // keeps the name in reach of the next "it", not of a role word.
    size_t chain_line = 0;
  };
  // By Referent: person, body, thing, collective.
  std::array<Antecedent, 4> antecedents;
  Antecedent latest;
  // "..., analysts said. But ..., they added." "They" takes the unnamed
  // group of the sentence before, not the body named before that; it
  // stays unresolved, as the group names no one.
  bool unnamed_group_since_antecedent = false;
  // Bare names the document also names as a body (NamedAsBodyInText).
  absl::flat_hash_map<std::string, std::optional<std::string>> named_as_body;
  auto body_named_in_text =
      [&](const std::string& name) -> std::optional<std::string> {
    auto [it, fresh] = named_as_body.try_emplace(name);
    if (fresh) it->second = NamedAsBodyInText(text, name, *config.sources);
    return it->second;
  };
  // People named in full so far, by their last word (FullNameOf).
  absl::flat_hash_map<std::string, std::string> full_name_by_surname;
  // Surnames the document uses alone, as a speaker or a subject ("Redford
  // said", "Mr Brown", "added Gallas"): a story goes on to call a person by
  // his surname, seldom a body by its last word ("Deutsche Boerse", "Ask
  // Jeeves", "Standard Life"). So a mention's full name counts as a
  // person's only when its last word is among them.
  absl::flat_hash_set<std::string> surnames_used_alone;
  // What the courtesy titles the document gives a surname say of its
  // gender: "Mr Galloway" is not the "she" after him.
  absl::flat_hash_map<std::string, Gender> gender_by_surname;
  for (const Candidate& candidate : candidates) {
    const Kind kind = candidate.match->rule->kind;
    if (!candidate.kept ||
        (kind != Kind::kAttribution && kind != Kind::kMention)) {
      continue;
    }
    const std::string name =
        CleanSourceName(CaptureValue(candidate.match->captures, "source"));
    if (const std::string_view surname = SurnameOfShortForm(name);
        !surname.empty()) {
      surnames_used_alone.insert(std::string(surname));
    }
    if (const Gender gender = GenderOfCourtesyForm(name);
        gender != Gender::kUnknown) {
      // Mr and Mrs Hassan in one story leave the surname's gender unknown.
      auto [it, fresh] =
          gender_by_surname.try_emplace(std::string(LastWordOf(name)), gender);
      if (!fresh && it->second != gender) it->second = Gender::kUnknown;
    }
  }
  // Whom a mention names. A lone word ("Chelsea", "Labour", "Desailly")
  // could be a club, a party or a place as well as a person: it names a
  // person only as the surname of someone named in full before, or after a
  // courtesy title ("Mr Adams"), and is otherwise someone unknown. A longer
  // name names a person when the registry would type it as a person
  // speaking, the document uses its last word alone, and the text does not
  // name it as a body ("Trump University").
  struct Mentioned {
    enum class Who { kPerson, kUnknown, kNoOne } who = Who::kNoOne;
    std::string name;
  };
  auto person_mentioned = [&](const RuleMatch& match) -> Mentioned {
    using Who = Mentioned::Who;
    const std::string name =
        CleanSourceName(CaptureValue(match.captures, "source"));
    if (name.empty()) return {};
    if (const std::string* full = FullNameOf(name, full_name_by_surname)) {
      return {Who::kPerson, *full};
    }
    if (IsCourtesyForm(name)) return {Who::kPerson, name};
    if (!IsFullName(name)) {
      return {SurnameOfShortForm(name) == name ? Who::kUnknown : Who::kNoOne,
              ""};
    }
    if (!surnames_used_alone.contains(std::string(LastWordOf(name)))) {
      return {};
    }
    if (config.sources != nullptr) {
      Finding as_speaker;
      as_speaker.rule_id = match.rule->id;
      as_speaker.kind = Kind::kAttribution;
      as_speaker.source = name;
      as_speaker.role = CleanSourceName(CaptureValue(match.captures, "role"));
      const SourceResolution resolution = config.sources->Resolve(as_speaker);
      if (resolution.profile.type != "person") return {};
      if (resolution.known) return {Who::kPerson, resolution.name};
    }
    if (body_named_in_text(name).has_value()) return {};
    return {Who::kPerson, name};
  };
  std::vector<Finding> opt_in_findings;
  for (const Candidate& candidate : candidates) {
    if (!candidate.kept) continue;
    const RuleMatch& match = *candidate.match;
    const Rule& rule = *match.rule;
    const size_t line = RangeIndexOf(segments.lines, match.begin);
    if (rule.kind == Kind::kMention) {
      // A mention fills the slot for "he" and "she" when no speaker is in
      // reach, takes it from an earlier mention, and keeps a speaker in
      // reach when it names him again. It never displaces another speaker:
      // in "Smith said ... Jones was sent off. 'It hurt,' he said" the
      // quotation is still Smith's. Someone unknown ("O'Leary has been in
      // talks ... and he said") leaves a mentioned person in doubt, and the
      // "he" after him unresolved.
      Antecedent& slot = antecedents[static_cast<int>(Referent::kPerson)];
      const bool in_reach = !slot.name.empty() && within_reach(slot.line, line);
      const Mentioned mentioned = person_mentioned(match);
      if (mentioned.who == Mentioned::Who::kPerson) {
        if (in_reach && !slot.mentioned && slot.name == mentioned.name) {
          slot.line = line;
        } else if (!in_reach || slot.mentioned) {
          slot = Antecedent{mentioned.name, line, /*mentioned=*/true};
        }
        // A full name a speaker gave stands: "Republican Donald Trump" is
        // no better a name for "Trump" than "Donald Trump".
        if (IsFullName(mentioned.name)) {
          full_name_by_surname.try_emplace(
              std::string(LastWordOf(mentioned.name)), mentioned.name);
        }
      } else if (mentioned.who == Mentioned::Who::kUnknown && in_reach &&
                 slot.mentioned) {
        slot = Antecedent{};
      }
      continue;
    }
    std::vector<Capture> resolved;
    const std::vector<Capture>* captures = &match.captures;
    if (const std::string_view anaphor =
            CaptureValue(match.captures, "anaphor");
        !anaphor.empty()) {
      resolved = match.captures;
      const AnaphorTarget target = TargetOf(anaphor, config.sources);
      const Antecedent& antecedent =
          target.referent == Referent::kEither
              ? latest
              : antecedents[static_cast<int>(target.referent)];
      const bool plural_after_unnamed_group =
          unnamed_group_since_antecedent &&
          absl::EqualsIgnoreCase(
              absl::string_view(anaphor.data(), anaphor.size()), "they");
      const Gender wanted = GenderOfPronoun(anaphor);
      const auto gender =
          gender_by_surname.find(std::string(LastWordOf(antecedent.name)));
      // "he" is one person, and not a man the text calls "Mr" when it asks
      // for "she".
      const bool gender_clashes =
          wanted != Gender::kUnknown && gender != gender_by_surname.end() &&
          gender->second != Gender::kUnknown && gender->second != wanted;
      const bool two_people =
          wanted != Gender::kUnknown &&
          NamesTwoPeople(antecedent.name, surnames_used_alone);
      // "the president" after a run of "he said" is as often a new person
      // as the one the run quotes, so a person's role word reaches only as
      // far as the name itself; "he", "it" and "the company" follow the run.
      const bool person_role_word =
          target.referent == Referent::kPerson && wanted == Gender::kUnknown;
      // And a role word ("the official", "the minister") means someone whose
      // role the story gave, as a speaker; a person only mentioned is what
      // "he" or "she" may mean, not it. (Only the person slot holds
      // mentions.)
      const bool role_word_after_mention =
          person_role_word && antecedent.mentioned;
      const size_t reach_from =
          person_role_word ? antecedent.line
                           : std::max(antecedent.line, antecedent.chain_line);
      const bool in_reach =
          !antecedent.name.empty() && !plural_after_unnamed_group &&
          !gender_clashes && !two_people && !role_word_after_mention &&
          within_reach(reach_from, line) &&
          FitsTheAntecedent(anaphor, antecedent.name, target.antecedent.get());
      resolved.push_back(
          Capture{"source", in_reach ? antecedent.name : std::string(anaphor)});
      // For the message, which must not say "named earlier" of an "it"
      // that nothing in reach names.
      resolved.push_back(Capture{in_reach ? "antecedent" : "unresolved",
                                 std::string(anaphor)});
      captures = &resolved;
      // The speaker described ("the official said") now holds the floor,
      // and the "he said" after him is not the person mentioned before.
      if (role_word_after_mention) {
        antecedents[static_cast<int>(Referent::kPerson)] = Antecedent{};
      }
      // A name an anaphor took is named again, for reach: a wire story's
      // "Acme Inc said ... the company said ... it added ... the company
      // said" keeps Acme in reach however long the chain runs, as a reader
      // keeps it in mind.
      if (in_reach) {
        const std::string& name = antecedent.name;
        for (Antecedent* slot : {&latest, &antecedents[0], &antecedents[1],
                                 &antecedents[2], &antecedents[3]}) {
          if (slot->name == name) slot->chain_line = line;
        }
      }
    }
    Finding finding;
    finding.rule_id = rule.id;
    finding.kind = rule.kind;
    finding.severity = rule.severity;
    finding.begin = match.begin;
    finding.end = match.end;
    std::tie(finding.start, finding.stop) =
        SpanPositions(document, original_lines, match.begin, match.end);
    finding.message = RenderMessage(rule.message, *captures);
    finding.text =
        std::string(text.substr(match.begin, match.end - match.begin));
    finding.source = CleanSourceName(CaptureValue(*captures, "source"));
    finding.role = CleanSourceName(CaptureValue(*captures, "role"));
    if (rule.opt_in) {
      // An opt-in finding may take an antecedent but never sets one, and
      // never makes a line boilerplate: both would change default findings.
      opt_in_findings.push_back(std::move(finding));
      continue;
    }
    if (rule.kind == Kind::kAttribution && captures == &match.captures &&
        !finding.source.empty()) {
      AntecedentKind antecedent_kind = AntecedentKind::kUntyped;
      bool known = false;  // listed in the registry by name or alias
      if (config.sources != nullptr) {
        const SourceResolution resolution = config.sources->Resolve(finding);
        antecedent_kind = AntecedentKindOfType(resolution.profile.type);
        known = resolution.known;
      }
      // A short form the document gives in full elsewhere is reported by
      // its full name, so that message, store and a later "he" or "it"
      // carry one name: a person's surname after the full name
      // (FullNameOf), or a bare name the text names as a body ("Texaco ...
      // Texaco Inc", NamedAsBodyInText).
      auto take_name = [&](const std::string& name) {
        if (name == finding.source) return;
        resolved = match.captures;
        for (Capture& capture : resolved) {
          if (capture.name == "source") capture.value = name;
        }
        finding.message = RenderMessage(rule.message, resolved);
        finding.source = name;
      };
      if (antecedent_kind == AntecedentKind::kPerson && !known) {
        // A person named in full before wins over a body of the same name:
        // "Robert Salomon, managing director of Salomon Inc, said ...
        // Salomon said he was deluged with calls".
        if (const std::string* full =
                FullNameOf(finding.source, full_name_by_surname)) {
          take_name(*full);
        } else if (const std::optional<std::string> body =
                       finding.role.empty() && NamesSomeone(finding.source)
                           ? body_named_in_text(finding.source)
                           : std::nullopt;
                   body.has_value()) {
          antecedent_kind = AntecedentKind::kOrganisation;
          take_name(*body);
        } else if (IsFullName(finding.source)) {
          full_name_by_surname[std::string(LastWordOf(finding.source))] =
              finding.source;
        }
      }
      // A body described ("The paper, which ..., said", "its board said")
      // points back to the body named before it, so it does not displace
      // a name still in reach: the "it" after it is that name, and so is
      // "the statement said" or "the spokesman said" (which take `latest`).
      const bool described = !NamesSomeone(finding.source);
      const Antecedent current{finding.source, line};
      if (antecedent_kind != AntecedentKind::kRecords) {
        const bool keeps_latest =
            described && antecedent_kind == AntecedentKind::kDescribed &&
            !DescribesSeveral(finding.source) && NamesSomeone(latest.name) &&
            within_reach(latest.line, line);
        if (keeps_latest) {
          latest.line = line;
        } else {
          latest = current;
        }
        unnamed_group_since_antecedent = false;
      }
      auto set = [&](Referent referent) {
        Antecedent& slot = antecedents[static_cast<int>(referent)];
        if (described && NamesSomeone(slot.name) &&
            within_reach(slot.line, line)) {
          slot.line = line;  // mentioned again, so still in reach after
          return;
        }
        slot = current;
      };
      switch (antecedent_kind) {
        case AntecedentKind::kPerson:
          // Not for people: "the home secretary" after a detainee named
          // before is someone else, and read on BBC so were most of them.
          antecedents[static_cast<int>(Referent::kPerson)] = current;
          break;
        case AntecedentKind::kOrganisation:
          set(Referent::kOrganisation);
          set(Referent::kThing);
          set(Referent::kCollective);
          break;
        case AntecedentKind::kDescribed:
          // Bodies in the plural ("The two institutes said") are what a
          // later "they" refers to, never "it". They point back to names
          // joined before ("Enzon Inc and Kodak Co said ... The companies
          // said"), which stay the antecedent, but not to one name.
          if (DescribesSeveral(finding.source)) {
            Antecedent& slot =
                antecedents[static_cast<int>(Referent::kCollective)];
            if (absl::StrContains(slot.name, " and ")) {
              set(Referent::kCollective);
            } else {
              slot = current;
            }
            break;
          }
          set(Referent::kThing);
          set(Referent::kCollective);
          break;
        case AntecedentKind::kState:
          // "Iraq said ... It said" is Iraq, but "the company" or "the
          // ministry" after it is a body of its own, and "they" are its
          // officials (read on Reuters: "Britain also warned ..., they
          // said").
          set(Referent::kThing);
          break;
        case AntecedentKind::kDocument:
          // "the report" is a new thing, not the body named before.
          antecedents[static_cast<int>(Referent::kThing)] = current;
          break;
        case AntecedentKind::kRecords:
        case AntecedentKind::kUntyped:
          break;
      }
    }
    if (rule.kind == Kind::kVagueAttribution) {
      unnamed_group_since_antecedent = true;
      // An unnamed speaker ends a run of "he said": the person named before
      // reaches only as far as his own name does ("..., analysts said").
      antecedents[static_cast<int>(Referent::kPerson)].chain_line = 0;
      // "A spokesman said ... He said" and "'...,' said one dealer. He
      // added" are that unnamed person, not the person named before.
      if (SpeaksForOneUnnamed(finding.text)) {
        antecedents[static_cast<int>(Referent::kPerson)] = Antecedent{};
      }
    }
    result.findings.push_back(std::move(finding));
    if (rule.kind == Kind::kBoilerplate && match.end > match.begin) {
      // A document-scope finding (a menu, a link list) spans lines.
      const size_t last = RangeIndexOf(segments.lines, match.end - 1);
      for (size_t i = RangeIndexOf(segments.lines, match.begin);
           i <= last && i < boilerplate_line.size(); ++i) {
        boilerplate_line[i] = true;
      }
    }
  }
  // Built-in line findings. A line a rule named already keeps that finding:
  // what the text itself says is the clearer message. Markup comes before
  // repetition since it holds whatever else the run contains.
  auto line_finding = [&](size_t index, const char* rule_id,
                          std::string message) {
    const TextRange& line = segments.lines[index];
    const std::string_view content = text.substr(line.begin, line.size());
    const size_t lead = content.find_first_not_of(" \t\r\f\v");
    const size_t last = content.find_last_not_of(" \t\r\f\v");
    Finding finding;
    finding.rule_id = rule_id;
    finding.kind = Kind::kBoilerplate;
    finding.severity = Severity::kWarning;
    finding.begin = line.begin + lead;
    finding.end = line.begin + last + 1;
    std::tie(finding.start, finding.stop) =
        SpanPositions(document, original_lines, finding.begin, finding.end);
    finding.message = std::move(message);
    finding.text = std::string(content.substr(lead, last + 1 - lead));
    return finding;
  };
  for (const LineStructure& markup : document.structure) {
    std::string why = markup.furniture;
    if (why.empty() && markup.chars > 0 &&
        markup.link_chars >= kLinkDenseShare * markup.chars) {
      why = absl::StrCat("link text ", 100 * markup.link_chars / markup.chars,
                         "%");
    }
    if (why.empty()) continue;
    const size_t index = RangeIndexOf(segments.lines, markup.begin);
    if (index >= segments.lines.size() || boilerplate_line[index]) continue;
    boilerplate_line[index] = true;
    result.findings.push_back(
        line_finding(index, kPageStructureRuleId,
                     absl::StrCat("Page furniture by its markup (", why,
                                  "), not this article's own text")));
  }
  if (config.repeated_lines != nullptr) {
    // The number of documents is left out of the message: it grows with
    // the corpus, and an audit reuses findings while their lines recur.
    for (const auto& repeated :
         config.repeated_lines->Repeated(text, segments)) {
      const size_t index = repeated.first;
      if (boilerplate_line[index]) continue;  // a rule named it already
      boilerplate_line[index] = true;
      result.findings.push_back(line_finding(
          index, kRepeatedLineRuleId,
          absl::StrCat(
              "Line recurs word for word in ",
              config.repeated_lines->options().min_documents,
              " or more documents of this run: page furniture or a standing "
              "footer, not this article's own text")));
    }
  }
  if (document.format == Format::kPlainText) {
    // Plain text only: HTML has its markup to go by (above), and Markdown
    // is written, not scraped, so a list of points before its body is
    // the author's.
    const std::vector<bool> outside = LinesOutsideArticle(text, segments.lines);
    for (size_t index = 0; index < outside.size(); ++index) {
      if (!outside[index] || boilerplate_line[index]) continue;
      boilerplate_line[index] = true;
      result.findings.push_back(line_finding(
          index, kOutsideArticleRuleId,
          "Short line outside the article's body, in text that reads as a "
          "whole page: a menu, a teaser or a caption, not this article's own "
          "text"));
    }
  }
  if (config.contradictions != nullptr) {
    if (auto it = config.contradictions->find(document.path);
        it != config.contradictions->end()) {
      result.findings.insert(result.findings.end(), it->second.begin(),
                             it->second.end());
    }
  }
  auto by_position = [](const Finding& a, const Finding& b) {
    if (a.start.line != b.start.line) return a.start.line < b.start.line;
    return a.start.column < b.start.column;
  };
  std::stable_sort(result.findings.begin(), result.findings.end(), by_position);

  DocumentStats& stats = result.stats;
  for (size_t i = 0; i < segments.lines.size(); ++i) {
    const TextRange& line = segments.lines[i];
    const std::string_view content = text.substr(line.begin, line.size());
    if (content.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
      continue;
    }
    ++stats.lines;
    if (boilerplate_line[i]) ++stats.boilerplate_lines;
  }
  stats.sentences = static_cast<int>(segments.sentences.size());
  // Claims: each sentence that carries a sourcing finding, sourced by its
  // best one (named, then cited, then vague).
  std::vector<const Finding*> best(segments.sentences.size(), nullptr);
  auto rank = [](Kind kind) {
    switch (kind) {
      case Kind::kAttribution:
        return 4;
      case Kind::kCitation:
        return 3;
      case Kind::kVagueAttribution:
        return 2;
      case Kind::kUnattributedClaim:
        return 1;
      default:
        return 0;
    }
  };
  for (const Finding& finding : result.findings) {
    const size_t s = RangeIndexOf(segments.sentences, finding.begin);
    if (s >= best.size() || rank(finding.kind) == 0) continue;
    if (best[s] == nullptr || rank(finding.kind) > rank(best[s]->kind)) {
      best[s] = &finding;
    }
  }
  for (size_t s = 0; s < best.size(); ++s) {
    if (best[s] == nullptr || boilerplate_line[segments.sentence_line[s]]) {
      continue;
    }
    const Finding& finding = *best[s];
    const TextRange& sentence = segments.sentences[s];
    Claim claim;
    claim.begin = sentence.begin;
    claim.end = sentence.end;
    std::tie(claim.start, claim.stop) =
        SpanPositions(document, original_lines, sentence.begin, sentence.end);
    claim.text = std::string(text.substr(sentence.begin, sentence.size()));
    claim.cue = finding.text;
    claim.rule_id = finding.rule_id;
    const bool named = finding.kind == Kind::kAttribution;
    const bool cited = finding.kind == Kind::kCitation;
    const bool vague = finding.kind == Kind::kVagueAttribution;
    claim.sourcing = named   ? Sourcing::kAttributed
                     : cited ? Sourcing::kCited
                     : vague ? Sourcing::kVague
                             : Sourcing::kUnattributed;
    if (named || cited) {
      SourceResolution resolution;
      if (config.sources != nullptr) {
        resolution = config.sources->Resolve(finding);
        claim.reliability = config.sources->ReliabilityOf(resolution);
      } else {
        resolution.name = finding.source;
        resolution.profile = SourceProfile{"unknown", 0.3, "no registry"};
        claim.reliability = resolution.profile.prior;
      }
      claim.source = resolution.name;
      claim.source_type = resolution.profile.type;
      claim.source_named = resolution.profile.named;
      stats.reliability_sum += claim.reliability;
    }
    claim.credit = ClaimCredit(named, cited, vague, claim.reliability, weights);
    stats.credit += claim.credit;
    ++stats.claims;
    switch (claim.sourcing) {
      case Sourcing::kAttributed:
        ++stats.attributed_claims;
        break;
      case Sourcing::kCited:
        ++stats.cited_claims;
        break;
      case Sourcing::kVague:
        ++stats.vague_claims;
        break;
      case Sourcing::kUnattributed:
        ++stats.unattributed_claims;
        break;
    }
    result.claims.push_back(std::move(claim));
  }
  for (const Finding& finding : result.findings) {
    if (finding.kind == Kind::kVagueAttribution) ++stats.vague_attributions;
    if (finding.kind == Kind::kContradiction) {
      ++(finding.severity == Severity::kError ? stats.contradictions
                                              : stats.minor_contradictions);
    }
  }
  result.score = ComputeScore(stats, weights);

  // Opt-in findings join only now, after claims and score are settled.
  if (!opt_in_findings.empty()) {
    result.findings.insert(result.findings.end(),
                           std::make_move_iterator(opt_in_findings.begin()),
                           std::make_move_iterator(opt_in_findings.end()));
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     by_position);
  }
  return result;
}

}  // namespace

DocumentResult AnalyzeDocument(const Document& document,
                               const AnalysisConfig& config) {
  const Segmentation segments = Segment(document.text);
  return ResultOf(document, segments,
                  config.matcher->Match(document.text, segments), config);
}

std::vector<DocumentResult> AnalyzeDocuments(
    const std::vector<Document>& documents, const AnalysisConfig& config) {
  std::vector<Segmentation> segments;
  segments.reserve(documents.size());
  std::vector<Matcher::BatchItem> items;
  items.reserve(documents.size());
  for (const Document& document : documents) {
    segments.push_back(Segment(document.text));
    items.push_back(Matcher::BatchItem{document.text, &segments.back()});
  }
  const std::vector<std::vector<RuleMatch>> matches =
      config.matcher->MatchBatch(items, config.lane, config.lanes);
  std::vector<DocumentResult> results;
  results.reserve(documents.size());
  for (size_t i = 0; i < documents.size(); ++i) {
    results.push_back(ResultOf(documents[i], segments[i], matches[i], config));
  }
  return results;
}

}  // namespace provcheck
