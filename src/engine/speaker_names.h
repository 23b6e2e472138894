// How a speaker's name reads: whether it names someone or describes them,
// its full and short forms, the courtesy title before it and the gender that
// gives, and what the registry's type for it makes it to refer back to. The
// engine's antecedent tracker asks these of the names findings and mentions
// give; none of them reads the document.
#ifndef PROVCHECK_ENGINE_SPEAKER_NAMES_H_
#define PROVCHECK_ENGINE_SPEAKER_NAMES_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "provcheck/sources.h"

namespace provcheck {

// Whether a source names someone, by a capital past its determiner ("Wall
// Street Journal"), or only describes them ("Her campaign", "the paper",
// "trade minister").
bool NamesSomeone(std::string_view source);

// Whether a description names several ("companies", "two institutes",
// "prosecutors") by the English plural of its last word. "-ss", "-us" and
// "-is" are singular ("press", "census", "analysis"), as is a possessive.
bool DescribesSeveral(std::string_view source);

// The words that end a company's name as its legal form, with the few
// kinds of body whose short name is its name ("Lloyds Bank", "United
// Airlines", "Labour Party"). The attribution pack's LEGAL_SUFFIX and
// INCORPORATED and the registry's institution pattern hold the same list
// in their own formats.
bool IsLegalForm(std::string_view word);

// The name's last word ("Funaro" of "Dilson Funaro").
std::string_view LastWordOf(std::string_view name);

// "Funaro", "McCarthy", "O'Neill": a capital, then a small letter. Called
// on a name's last word (LastWordOf), which holds no space.
bool IsCapitalisedWord(std::string_view word);

// The surname a short form of a person's name gives: a bare surname
// ("Funaro"), one after a courtesy title ("Mr Funaro", "Dr. Funaro") or
// after an employer's possessive ("Data Resources' Wyss", "Sumitomo's
// Tsukihara"). Empty when the name is no short form.
std::string_view SurnameOfShortForm(std::string_view name);

// "Mr Funaro", "Dr. Roe", "Lord Falconer": a courtesy title and one name,
// which names a person whether or not the text gave the name in full.
// Courtesy titles are the few English ones that stand before one name
// alone; roles ("Judge", "Senator") are the rules' to split off.
bool IsCourtesyForm(std::string_view name);

// The gender a courtesy form's title gives ("Mr", "Sir", "Lord" / "Mrs",
// "Ms", "Miss", "Dame", "Lady"); unknown for "Dr", "Prof", "Mx" and any
// name that is no courtesy form.
Gender GenderOfCourtesyForm(std::string_view name);

// "Jeb Bush and Chris Christie": two names of two capitalised words or
// more, joined by "and", the first a person the document also calls by
// his surname alone (`surnames`). Not a body's name or a title ("Kidder
// Peabody and Co", "Jack Kirnan of Kidder Peabody and Co", "Philippines
// Trade and Industry Secretary Jose Concepcion").
bool NamesTwoPeople(std::string_view name,
                    const absl::flat_hash_set<std::string>& surnames);

// The gender "he" or "she" asks of its antecedent; unknown for any other
// anaphor.
Gender GenderOfPronoun(std::string_view anaphor);

// Whether a vague finding's speaker is one unnamed person: the finding
// opens with "a", "an", "one" or "another" ("A Seiko Epson official
// said", "One agriculture ministry source said"), or says so after its
// verb ("said a dealer at one European bank"). Not "according to a
// report", a document, nor an article inside the finding ("There is a
// strong argument").
bool SpeaksForOneUnnamed(std::string_view text);

// A name of two words or more, ending in a capitalised word, that is no
// short form: "Dilson Funaro", "Finance Minister Dilson Funaro", "E. Gerald
// Corrigan", but not "Mr Funaro", "John F." or "Bank of Japan figures".
// Nor two names joined ("Nationwide and Halifax", "Blair and Brown"), or a
// post's "and" taken into the name ("Trade and Industry Secretary Patricia
// Hewitt"): the last word is no surname of the whole, and "Halifax said"
// is not both banks.
bool IsFullName(std::string_view name);

// A short form after the full name: in "Finance Minister Dilson Funaro
// said ... Funaro said" one man speaks, and the store counts his claims
// under one name, not two. Only a person a finding named in full earlier
// in the document is taken (`full_names`, by surname), the latest by that
// surname, never a word of the text elsewhere ("Britain's Dixons",
// "Premier Zhao" name no one in full). Null when none is.
const std::string* FullNameOf(
    std::string_view name,
    const absl::flat_hash_map<std::string, std::string>& full_names);

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

// The kind the registry's `type` for a source makes it.
AntecedentKind AntecedentKindOfType(std::string_view type);

}  // namespace provcheck

#endif  // PROVCHECK_ENGINE_SPEAKER_NAMES_H_
