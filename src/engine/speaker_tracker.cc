#include "engine/speaker_tracker.h"

#include <algorithm>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "provcheck/source_name.h"
#include "re2/re2.h"

namespace provcheck {
namespace {

// A name reaches this many lines (paragraphs, in most text) past where it
// was named. One slot per kind of referent, not one list for all: one list
// let "the company said" inherit a minister, and "the group said" a city.
constexpr size_t kAnaphorReach = 3;

bool WithinReach(size_t named_at, size_t line) {
  return line >= named_at && line - named_at <= kAnaphorReach;
}

// What an anaphor can stand for: a person ("he", "the minister"), a body
// named as such ("the company"), any non-person the text named or described
// ("it": "the board", "police", "a Gallup poll"), any of those but a
// document ("they": a document is one thing, and "they said" after
// "according to the agreement" is the parties), anyone, or whoever spoke
// last when that was a body ("a spokesman"). The first four index the
// tracker's slots.
enum class Referent {
  kPerson = 0,
  kOrganisation = 1,
  kThing = 2,
  kCollective = 3,
  kEither = 4,
  kLastBody = 5
};

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
// anyone (`refers anyone`: "the statement", "the spokesman") and which for
// a person as a pronoun does (`refers subject`: "the 23-year-old"); "it" stands
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
  // Takes a person as "he" does: one only mentioned, and across a run.
  bool as_pronoun = false;
  // With no body of its kind in reach, takes a bare name spoken last
  // (`refers bare-name`).
  bool takes_bare_name = false;
};

AnaphorTarget TargetOf(std::string_view anaphor,
                       const SourceRegistry* sources) {
  AnaphorTarget target;
  std::string word = AnaphorWord(anaphor);
  AntecedentKind kind = AntecedentKind::kUntyped;
  SourceProfile::Refers refers = SourceProfile::Refers::kItsType;
  if (sources != nullptr) {
    Finding probe;
    probe.kind = Kind::kAttribution;
    probe.source = word;
    SourceProfile profile = sources->Resolve(probe).profile;
    kind = AntecedentKindOfType(profile.type);
    refers = profile.refers;
    target.antecedent = std::move(profile.antecedent);
  }
  if (refers == SourceProfile::Refers::kAnyone) {
    target.referent = Referent::kEither;
  } else if (refers == SourceProfile::Refers::kBody) {
    target.referent = Referent::kLastBody;
  } else if (refers == SourceProfile::Refers::kBareName) {
    target.referent = Referent::kOrganisation;
    target.takes_bare_name = true;
  } else if (refers == SourceProfile::Refers::kSubject) {
    target.referent = Referent::kPerson;
    target.as_pronoun = true;
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

// Whether the text before a mention ends in a capitalised word other than
// an article, so that the mention is the tail of a longer name ("Bank" in
// "Amsterdam-Rotterdam Bank NV").
bool EndsAName(std::string_view before) {
  if (before.empty() || before.back() != ' ') return false;
  before.remove_suffix(1);
  const size_t space = before.find_last_of(" \n\t");
  const std::string_view word =
      space == std::string_view::npos ? before : before.substr(space + 1);
  if (word.empty() ||
      !absl::ascii_isupper(static_cast<unsigned char>(word[0])) ||
      word == "The" || word == "A" || word == "An") {
    return false;
  }
  // "New York-based Prospect Group Inc": a compound adjective, not a name.
  const size_t hyphen = word.find_last_of('-');
  return hyphen == std::string_view::npos || hyphen + 1 == word.size() ||
         !absl::ascii_islower(static_cast<unsigned char>(word[hyphen + 1]));
}

// The length of an "'s" or "’s" at `at` in `text`, or 0.
size_t ApostropheSAt(std::string_view text, size_t at) {
  for (std::string_view apostrophe_s : {"'s", "\u2019s"}) {
    if (text.substr(at).starts_with(apostrophe_s)) return apostrophe_s.size();
  }
  return 0;
}

// Where the word of letters and digits that starts at `start` ends.
size_t WordEndAt(std::string_view text, size_t start) {
  size_t end = start;
  while (end < text.size() &&
         absl::ascii_isalnum(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  return end;
}

// Whether every whole-word mention of `name` in `text` carries an "'s"
// after it: "Moody's said", never "Moody said".
bool AlwaysWrittenWithApostropheS(std::string_view text,
                                  std::string_view name) {
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    const bool whole_word =
        (at == 0 ||
         !absl::ascii_isalnum(static_cast<unsigned char>(text[at - 1]))) &&
        (end == text.size() ||
         !absl::ascii_isalnum(static_cast<unsigned char>(text[end])));
    if (whole_word && ApostropheSAt(text, end) == 0) return false;
  }
  return true;
}

// The name as the finding writes it with its "'s" ("Moody's" in "Moody's
// said"), or empty. A person's name never takes "'s" as a verb's subject,
// so a name that does, and that the text never writes bare, is a body's
// whole name ("McDonald's", "Lloyd's", "Albertson's") that CleanSourceName
// took for a possessive. One the text also writes bare ("GM's announced
// plan ... GM said") stays the possessive it is.
std::string NameWithApostropheS(std::string_view text,
                                std::string_view finding_text,
                                std::string_view name) {
  const size_t at = finding_text.find(name);
  if (at == std::string_view::npos) return "";
  const size_t apostrophe_s = ApostropheSAt(finding_text, at + name.size());
  const size_t end = at + name.size() + apostrophe_s;
  if (apostrophe_s == 0 || end >= finding_text.size() ||
      finding_text[end] != ' ') {
    return "";
  }
  // Only when the verb follows at once, and is one no noun shares: "FCC's
  // demands", "USDA's forecast of" and "Mr Park's statement came" are
  // what the name owns, and so is "Gould Inc's systems division said".
  std::string_view verb = finding_text.substr(end + 1);
  for (std::string_view aux : {"has ", "had ", "have "}) {
    if (verb.starts_with(aux)) verb.remove_prefix(aux.size());
  }
  const bool speech_verb =
      verb == "said" || verb == "says" || verb == "told" || verb == "tells" ||
      verb == "added" || verb == "adds" ||
      (verb.size() > 4 && verb.ends_with("ed") &&
       std::all_of(verb.begin(), verb.end(), [](char c) {
         return absl::ascii_islower(static_cast<unsigned char>(c));
       }));
  if (!speech_verb || !AlwaysWrittenWithApostropheS(text, name)) return "";
  return std::string(finding_text.substr(at, end - at));
}

// Whether `name` opens `body`'s name and the rest goes on as a name
// ("Insurance Group Inc", "and Sons Co", "(Far East) Ltd", "Investors
// Service" after "Moody's"): "the Hughes board" is a part of Hughes,
// "Anheuser-Busch Cos' Metal Container Corp" a unit of Anheuser-Busch, and
// "Apple Computer Inc and AST Research Inc" two bodies, which "Apple" does
// not name both of.
bool IsShortFormOfBody(std::string_view name, std::string_view body) {
  if (body.size() <= name.size() + 1 || !body.starts_with(name) ||
      body[name.size()] != ' ') {
    return false;
  }
  const std::string_view rest = body.substr(name.size() + 1);
  const bool goes_on =
      absl::ascii_isupper(static_cast<unsigned char>(rest[0])) ||
      rest[0] == '(' || rest.starts_with("and ") || rest.starts_with("& ");
  const bool names_a_unit = rest.find("' ") != rest.npos ||
                            rest.find("'s ") != rest.npos ||
                            rest.find("\u2019") != rest.npos;
  if (!goes_on || names_a_unit) return false;
  for (size_t at = 0; at < rest.size();) {
    const size_t end = std::min(rest.find(' ', at), rest.size());
    std::string_view word = rest.substr(at, end - at);
    if (word.ends_with(',')) word.remove_suffix(1);
    const std::string_view after = rest.substr(std::min(end + 1, rest.size()));
    if (IsLegalForm(word) &&
        (after.starts_with("and ") || after.starts_with("& "))) {
      return false;
    }
    at = end + 1;
  }
  return true;
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
// `whole_names_only` skips a mention that is the tail of a longer name
// ("Bank" in "Amsterdam-Rotterdam Bank NV").
std::optional<std::string> NamedAsBodyInText(std::string_view text,
                                             std::string_view name,
                                             const SourceRegistry& sources,
                                             bool whole_names_only) {
  constexpr int kMaxMentions = 16;
  int mentions = 0;
  // Whether the text writes `name` with its "'s" everywhere: one scan of
  // the text, the first time a mention carries one.
  std::optional<bool> always_with_apostrophe_s;
  for (size_t at = text.find(name);
       at != std::string_view::npos && mentions < kMaxMentions;
       at = text.find(name, at + 1)) {
    size_t end = at + name.size();
    // A company named with an "'s" ("Heck's Inc") is cleaned of it as a
    // possessive when it speaks bare ("Heck's said" names "Heck"); its full
    // name keeps it.
    const size_t apostrophe_s = ApostropheSAt(text, end);
    end += apostrophe_s;
    // Whole words only: "Shell" is not in "Shellfish".
    if ((at > 0 &&
         absl::ascii_isalnum(static_cast<unsigned char>(text[at - 1]))) ||
        end + 1 >= text.size() || text[end] != ' ' ||
        (whole_names_only && EndsAName(text.substr(0, at)))) {
      continue;
    }
    ++mentions;
    if (text[end + 1] == '<' && apostrophe_s == 0) return std::string(name);
    size_t word_start = end + 1;
    size_t word_end = WordEndAt(text, word_start);
    // A name the text always writes with its "'s" ("Moody's", never
    // "Moody") owns nothing by it: up to three capitalised words before a
    // legal form are its name ("Moody's Investors Service Inc"). One the
    // text also writes bare ("Macrovision said") owns what follows
    // ("Macrovision's Entertainment Technologies Group").
    if (apostrophe_s > 0 && !always_with_apostrophe_s.has_value()) {
      always_with_apostrophe_s = AlwaysWrittenWithApostropheS(text, name);
    }
    const int words_before_form =
        apostrophe_s > 0 && *always_with_apostrophe_s ? 3 : 0;
    for (int word = 0;
         word < words_before_form && word_end > word_start &&
         !IsLegalForm(text.substr(word_start, word_end - word_start)) &&
         absl::ascii_isupper(static_cast<unsigned char>(text[word_start])) &&
         word_end < text.size() && text[word_end] == ' ';
         ++word) {
      word_start = word_end + 1;
      word_end = WordEndAt(text, word_start);
    }
    if (word_end == word_start ||
        !IsLegalForm(text.substr(word_start, word_end - word_start))) {
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

}  // namespace

SpeakerTracker::SpeakerTracker(std::string_view text,
                               const SourceRegistry* sources)
    : text_(text), sources_(sources) {}

void SpeakerTracker::NoteNameUsed(std::string_view name) {
  if (const std::string_view surname = SurnameOfShortForm(name);
      !surname.empty()) {
    surnames_used_alone_.insert(std::string(surname));
  }
  if (IsFullName(name)) {
    const std::string last(LastWordOf(name));
    last_words_of_full_names_.insert(last);
    // A full name's given name may say its gender ("Hillary Clinton"). One
    // the registry does not know says nothing, and so leaves the surname's
    // gender unknown: "Sharon Osbourne" and "Ozzy Osbourne" in one story
    // are two people whom "he" and "she" tell apart only by who spoke last.
    if (sources_ != nullptr) {
      const Gender given = sources_->GenderOf(name);
      auto [it, fresh] = gender_by_given_name_.try_emplace(last, given);
      if (!fresh && it->second != given) it->second = Gender::kUnknown;
    }
  }
  if (const Gender gender = GenderOfCourtesyForm(name);
      gender != Gender::kUnknown) {
    // Mr and Mrs Hassan in one story leave the surname's gender unknown.
    auto [it, fresh] =
        gender_by_surname_.try_emplace(std::string(LastWordOf(name)), gender);
    if (!fresh && it->second != gender) it->second = Gender::kUnknown;
  }
}

Gender SpeakerTracker::GenderOfSurname(std::string_view surname) const {
  const std::string key(surname);
  if (auto it = gender_by_surname_.find(key);
      it != gender_by_surname_.end() && it->second != Gender::kUnknown) {
    return it->second;
  }
  auto it = gender_by_given_name_.find(key);
  return it == gender_by_given_name_.end() ? Gender::kUnknown : it->second;
}

bool SpeakerTracker::SeemsAPerson(std::string_view name) const {
  const std::string last(LastWordOf(name));
  if (gender_by_surname_.contains(last)) return true;
  if (last.size() == name.size()) {
    return last_words_of_full_names_.contains(last);
  }
  // A given name the registry knows ("Steve Brown") is a person's: with no
  // courtesy title, the surname's gender is the given names'.
  return GenderOfSurname(last) != Gender::kUnknown ||
         surnames_used_alone_.contains(last);
}

std::string SpeakerTracker::BodyWrittenWithApostropheS(
    std::string_view finding_text, std::string_view name) const {
  std::string whole = NameWithApostropheS(text_, finding_text, name);
  const std::string& body =
      slots_[static_cast<int>(Referent::kOrganisation)].name;
  return !whole.empty() && IsShortFormOfBody(whole, body) ? body : whole;
}

std::string SpeakerTracker::BodyOpenedBy(std::string_view name,
                                         size_t line) const {
  const Antecedent& body = slots_[static_cast<int>(Referent::kOrganisation)];
  return NamesSomeone(name) && IsShortFormOfBody(name, body.name) &&
                 WithinReach(std::max(body.line, body.chain_line), line)
             ? body.name
             : "";
}

const std::optional<std::string>& SpeakerTracker::BodyNamedInText(
    const std::string& name, bool whole_names_only) {
  auto [it, fresh] =
      named_as_body_.try_emplace(std::pair(name, whole_names_only));
  if (fresh) {
    it->second = NamedAsBodyInText(text_, name, *sources_, whole_names_only);
  }
  return it->second;
}

// A lone word ("Chelsea", "Labour", "Desailly") could be a club, a party or
// a place as well as a person: it names a person only as the surname of
// someone named in full before, or after a courtesy title ("Mr Adams"), and
// is otherwise someone unknown. A longer name names a person when the
// registry would type it as a person speaking, the document uses its last
// word alone, and the text does not name it as a body ("Trump University").
SpeakerTracker::MentionOf SpeakerTracker::PersonMentioned(
    const RuleMatch& mention, std::string* person) {
  const std::string name =
      CleanSourceName(CaptureValue(mention.captures, "source"));
  if (name.empty()) return MentionOf::kNoOne;
  if (const std::string* full = FullNameOf(name, full_name_by_surname_)) {
    *person = *full;
    return MentionOf::kPerson;
  }
  if (IsCourtesyForm(name)) {
    *person = name;
    return MentionOf::kPerson;
  }
  if (!IsFullName(name)) {
    return SurnameOfShortForm(name) == name ? MentionOf::kUnknown
                                            : MentionOf::kNoOne;
  }
  if (!surnames_used_alone_.contains(std::string(LastWordOf(name)))) {
    return MentionOf::kNoOne;
  }
  if (sources_ != nullptr) {
    Finding as_speaker;
    as_speaker.rule_id = mention.rule->id;
    as_speaker.kind = Kind::kAttribution;
    as_speaker.source = name;
    as_speaker.role = CleanSourceName(CaptureValue(mention.captures, "role"));
    const SourceResolution resolution = sources_->Resolve(as_speaker);
    if (resolution.profile.type != "person") return MentionOf::kNoOne;
    if (resolution.known) {
      *person = resolution.name;
      return MentionOf::kPerson;
    }
  }
  if (BodyNamedInText(name).has_value()) return MentionOf::kNoOne;
  *person = name;
  return MentionOf::kPerson;
}

// A mention fills the slot for "he" and "she" when no speaker is in reach,
// takes it from an earlier mention, and keeps a speaker in reach when it
// names him again. Within the speaker's paragraph it never displaces him:
// in "Smith said ... Jones was sent off. 'It hurt,' he said" the quotation
// is still Smith's. A mention that opens a later paragraph does: news
// turns to a new person that way ("... Illarionov told a press conference.
// / Mr Gref, a well-known opponent of nationalisation, was keen to distance
// himself ... The privatisation had been badly handled, he said.").
// Someone unknown ("O'Leary has been in talks ... and he said") leaves a
// mentioned person in doubt, and the "he" after him unresolved.
void SpeakerTracker::Mentioned(const RuleMatch& mention, size_t line,
                               bool opens_paragraph) {
  Antecedent& slot = slots_[static_cast<int>(Referent::kPerson)];
  const bool in_reach = !slot.name.empty() && WithinReach(slot.line, line);
  std::string person;
  const MentionOf who = PersonMentioned(mention, &person);
  if (who == MentionOf::kPerson) {
    if (in_reach && !slot.mentioned && slot.name == person) {
      slot.line = line;
    } else if (!in_reach || slot.mentioned ||
               (opens_paragraph &&
                std::max(slot.line, slot.chain_line) < line)) {
      slot = Antecedent{person, line, /*mentioned=*/true};
    }
    // A full name a speaker gave stands: "Republican Donald Trump" is no
    // better a name for "Trump" than "Donald Trump".
    if (IsFullName(person)) {
      full_name_by_surname_.try_emplace(std::string(LastWordOf(person)),
                                        person);
    }
  } else if (who == MentionOf::kUnknown && in_reach && slot.mentioned) {
    slot = Antecedent{};
  }
}

AnaphorResolution SpeakerTracker::Resolve(std::string_view anaphor, size_t line,
                                          bool in_reported_clause) const {
  const AnaphorTarget target = TargetOf(anaphor, sources_);
  const bool from_latest = target.referent == Referent::kEither ||
                           target.referent == Referent::kLastBody;
  const Antecedent& antecedent =
      from_latest ? latest_ : slots_[static_cast<int>(target.referent)];
  // "A spokesman said" after a body spoke is its spokesman; after a person,
  // whose office the text may not name, he is no one the text names.
  const bool not_a_body =
      target.referent == Referent::kLastBody && !antecedent.body;
  const bool plural_after_unnamed_group =
      unnamed_group_since_antecedent_ &&
      absl::EqualsIgnoreCase(absl::string_view(anaphor.data(), anaphor.size()),
                             "they");
  const Gender wanted = GenderOfPronoun(anaphor);
  // "he" is one person, and not a man the text calls "Mr" when it asks for
  // "she", nor one it names "Bob Goodlatte".
  const Gender antecedent_gender = GenderOfSurname(LastWordOf(antecedent.name));
  const bool gender_clashes = wanted != Gender::kUnknown &&
                              antecedent_gender != Gender::kUnknown &&
                              antecedent_gender != wanted;
  const bool two_people = (wanted != Gender::kUnknown || target.as_pronoun) &&
                          NamesTwoPeople(antecedent.name, surnames_used_alone_);
  // "the president" after a run of "he said" is as often a new person as
  // the one the run quotes, so a person's role word reaches only as far as
  // the name itself; "he", "it", "the company" and a word that refers as a
  // pronoun does ("the 23-year-old") follow the run.
  const bool person_role_word = target.referent == Referent::kPerson &&
                                wanted == Gender::kUnknown &&
                                !target.as_pronoun;
  // And a role word ("the official", "the minister") means someone whose
  // role the story gave, as a speaker; a person only mentioned is what "he"
  // or "she" may mean, not it. (Only the person slot holds mentions.)
  const bool role_word_after_mention = person_role_word && antecedent.mentioned;
  const size_t reach_from =
      person_role_word ? antecedent.line
                       : std::max(antecedent.line, antecedent.chain_line);
  const bool in_reach =
      !antecedent.name.empty() && !not_a_body && !plural_after_unnamed_group &&
      !gender_clashes && !two_people && !role_word_after_mention &&
      WithinReach(reach_from, line) &&
      FitsTheAntecedent(anaphor, antecedent.name, target.antecedent.get());
  AnaphorResolution resolution;
  resolution.source = in_reach ? antecedent.name : std::string(anaphor);
  resolution.resolved = in_reach;
  resolution.introduces_speaker = role_word_after_mention;
  // The bare name spoken last may be the one meant, and the anaphor then
  // shows it to be a body. "GenCorp said ... The company said": no body in
  // reach, but the bare name could be one, and the word says it is. So
  // does a spokesman's: "Spie Batignolles said ... A spokesman said".
  const bool takes_bare_name =
      target.takes_bare_name || target.referent == Referent::kLastBody;
  const bool word_takes_bare_name =
      !in_reach && takes_bare_name &&
      WithinReach(std::max(latest_.line, latest_.chain_line), line);
  // "IC Gas said in a statement it noted the offer": an "it" in what a bare
  // name has just said is that name, and not the body named sentences
  // before. A person would be "he" or "she". A name, not a description
  // ("the Paris-based think tank said it ...", which points back to the
  // OECD named before).
  const std::string_view latest_last_word = LastWordOf(latest_.name);
  const bool it_in_what_it_said =
      in_reported_clause && target.referent == Referent::kThing &&
      latest_.line == line && !latest_last_word.empty() &&
      absl::ascii_isupper(static_cast<unsigned char>(latest_last_word.front()));
  if (latest_.bare_name && (word_takes_bare_name || it_in_what_it_said) &&
      FitsTheAntecedent(anaphor, latest_.name, target.antecedent.get())) {
    resolution.source = latest_.name;
    resolution.resolved = true;
    resolution.names_body = true;
  }
  // A word the registry ties to one kind of body that refers to anyone
  // ("MPs" to a committee) reaches past a person who spoke since to the
  // last body of that kind: "..., the Public Accounts Committee found.
  // Committee chairman Edward Leigh said ... Committee members said".
  if (!resolution.resolved && target.referent == Referent::kEither &&
      target.antecedent != nullptr) {
    for (Referent body : {Referent::kOrganisation, Referent::kThing}) {
      const Antecedent& slot = slots_[static_cast<int>(body)];
      if (!slot.name.empty() &&
          WithinReach(std::max(slot.line, slot.chain_line), line) &&
          FitsTheAntecedent(anaphor, slot.name, target.antecedent.get())) {
        resolution.source = slot.name;
        resolution.resolved = true;
        break;
      }
    }
  }
  return resolution;
}

void SpeakerTracker::Took(const AnaphorResolution& resolution, size_t line) {
  if (resolution.introduces_speaker) {
    slots_[static_cast<int>(Referent::kPerson)] = Antecedent{};
  }
  if (resolution.names_body) {
    // The bare name is a body from here on: "it" and "the company" take
    // it, and "he" does not.
    latest_.body = true;
    latest_.bare_name = false;
    Antecedent& person = slots_[static_cast<int>(Referent::kPerson)];
    if (person.name == latest_.name) person = Antecedent{};
    for (Referent referent :
         {Referent::kOrganisation, Referent::kThing, Referent::kCollective}) {
      slots_[static_cast<int>(referent)] = latest_;
    }
  }
  // A name an anaphor took is named again, for reach: a wire story's "Acme
  // Inc said ... the company said ... it added ... the company said" keeps
  // Acme in reach however long the chain runs, as a reader keeps it in mind.
  if (resolution.resolved) {
    if (latest_.name == resolution.source) latest_.chain_line = line;
    for (Antecedent& slot : slots_) {
      if (slot.name == resolution.source) slot.chain_line = line;
    }
  }
}

std::string SpeakerTracker::Spoke(const Finding& attribution, size_t line,
                                  bool in_reported_clause) {
  std::string name = attribution.source;
  AntecedentKind antecedent_kind = AntecedentKind::kUntyped;
  bool known = false;  // listed in the registry by name or alias
  bool by_default = false;
  if (sources_ != nullptr) {
    const SourceResolution resolution = sources_->Resolve(attribution);
    antecedent_kind = AntecedentKindOfType(resolution.profile.type);
    known = resolution.known;
    by_default = resolution.by_default;
  }
  // A short form the document gives in full elsewhere is reported by its
  // full name, so that message, store and a later "he" or "it" carry one
  // name: a person's surname after the full name (FullNameOf), or a bare
  // name the text names as a body ("Texaco ... Texaco Inc",
  // NamedAsBodyInText).
  if (antecedent_kind == AntecedentKind::kPerson && !known) {
    // A person named in full before wins over a body of the same name:
    // "Robert Salomon, managing director of Salomon Inc, said ... Salomon
    // said he was deluged with calls".
    if (const std::string* full = FullNameOf(name, full_name_by_surname_)) {
      name = *full;
    } else if (attribution.role.empty() && NamesSomeone(name) &&
               BodyNamedInText(name).has_value()) {
      antecedent_kind = AntecedentKind::kOrganisation;
      name = *BodyNamedInText(name);
    } else if (std::string body =
                   attribution.role.empty()
                       ? BodyWrittenWithApostropheS(attribution.text, name)
                       : "";
               !body.empty()) {
      antecedent_kind = AntecedentKind::kOrganisation;
      name = std::move(body);
    } else if (std::string body =
                   attribution.role.empty() ? BodyOpenedBy(name, line) : "";
               !body.empty()) {
      antecedent_kind = AntecedentKind::kOrganisation;
      name = std::move(body);
    } else if (IsFullName(name)) {
      full_name_by_surname_[std::string(LastWordOf(name))] = name;
    }
  } else if (antecedent_kind == AntecedentKind::kOrganisation && !known &&
             attribution.role.empty() && NamesSomeone(name)) {
    // A body the registry types by its name's shape ("Citibank", a bank in
    // one word; "General Motors") is reported by the fuller name the text
    // gives it ("Citibank Ltd said ... Citibank said"), as a bare name is
    // above. Only where the fuller name starts the text's name: "The Bank
    // said" of a central bank is not the tail of "Amsterdam-Rotterdam Bank
    // NV".
    if (const std::optional<std::string>& body =
            BodyNamedInText(name, /*whole_names_only=*/true)) {
      name = *body;
    } else if (std::string body =
                   BodyWrittenWithApostropheS(attribution.text, name);
               !body.empty()) {
      name = std::move(body);
    }
  }
  // A body described ("The paper, which ..., said", "its board said")
  // points back to the body named before it, so it does not displace a
  // name still in reach: the "it" after it is that name, and so is "the
  // statement said" or "the spokesman said" (which take `latest_`).
  const bool described = !NamesSomeone(name);
  Antecedent current{name, line};
  current.body = antecedent_kind == AntecedentKind::kOrganisation;
  current.bare_name = antecedent_kind == AntecedentKind::kPerson &&
                      by_default && name == attribution.source &&
                      attribution.role.empty() && NamesSomeone(name) &&
                      !SeemsAPerson(name);
  // "The company said the study found ... It said": what the speaker cites
  // in its reported clause (a study, a regulator, a court) is not the next
  // "it"; the sentence's subject is. Read on Reuters ("API said the Dunn
  // and Bradstreet study found ... It said" is API). A person named there
  // is still the next "he": keeping the subject for "he" too was tried; it
  // changed 45 BBC findings, and a read of them was mixed.
  if (in_reported_clause && antecedent_kind != AntecedentKind::kPerson) {
    return name;
  }
  if (antecedent_kind != AntecedentKind::kRecords) {
    const bool keeps_latest =
        described && antecedent_kind == AntecedentKind::kDescribed &&
        !DescribesSeveral(name) && NamesSomeone(latest_.name) &&
        WithinReach(latest_.line, line);
    if (keeps_latest) {
      latest_.line = line;
    } else {
      latest_ = current;
    }
    unnamed_group_since_antecedent_ = false;
  }
  auto set = [&](Referent referent) {
    Antecedent& slot = slots_[static_cast<int>(referent)];
    if (described && NamesSomeone(slot.name) && WithinReach(slot.line, line)) {
      slot.line = line;  // mentioned again, so still in reach after
      return;
    }
    slot = current;
  };
  switch (antecedent_kind) {
    case AntecedentKind::kPerson:
      // Not for people: "the home secretary" after a detainee named before
      // is someone else, and read on BBC so were most of them.
      slots_[static_cast<int>(Referent::kPerson)] = current;
      break;
    case AntecedentKind::kOrganisation:
      set(Referent::kOrganisation);
      set(Referent::kThing);
      set(Referent::kCollective);
      break;
    case AntecedentKind::kDescribed:
      // Bodies in the plural ("The two institutes said") are what a later
      // "they" refers to, never "it". They point back to names joined
      // before ("Enzon Inc and Kodak Co said ... The companies said"),
      // which stay the antecedent, but not to one name.
      if (DescribesSeveral(name)) {
        Antecedent& slot = slots_[static_cast<int>(Referent::kCollective)];
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
      // officials (read on Reuters: "Britain also warned ..., they said").
      set(Referent::kThing);
      break;
    case AntecedentKind::kDocument:
      // "the report" is a new thing, not the body named before.
      slots_[static_cast<int>(Referent::kThing)] = current;
      break;
    case AntecedentKind::kRecords:
    case AntecedentKind::kUntyped:
      break;
  }
  return name;
}

void SpeakerTracker::UnnamedSpoke(std::string_view finding_text) {
  unnamed_group_since_antecedent_ = true;
  Antecedent& person = slots_[static_cast<int>(Referent::kPerson)];
  // An unnamed speaker ends a run of "he said": the person named before
  // reaches only as far as his own name does ("..., analysts said").
  person.chain_line = 0;
  // "A spokesman said ... He said" and "'...,' said one dealer. He added"
  // are that unnamed person, not the person named before.
  if (SpeaksForOneUnnamed(finding_text)) person = Antecedent{};
}

}  // namespace provcheck
