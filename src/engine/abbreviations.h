// Words that Segment() must not mistake for the end of a sentence, and the
// words that show a sentence has begun after an ambiguous period. Kept apart
// from segment.cc so the lists can be reviewed (and extended) on their own.
#ifndef PROVCHECK_ENGINE_ABBREVIATIONS_H_
#define PROVCHECK_ENGINE_ABBREVIATIONS_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace provcheck::segment_internal {

// What an abbreviation's period means for the sentence around it; the kinds
// differ in what may follow the abbreviation while the sentence goes on.
enum class AbbreviationKind {
  // Mr., Dr., Gen.: a name follows, so the period never ends a sentence.
  kTitle,
  // Sept., Jan.: a day number or year follows; never ends a sentence.
  kMonth,
  // No., vs., e.g.: introduce or qualify what follows; never ends a
  // sentence.
  kReference,
  // Jr., Ave., Bros., et al.: close a name, which often closes the sentence
  // too, so they end one only before a typical sentence opener (see
  // kSentenceOpeners): "King Jr. Day" goes on, "King Jr. He wept" breaks.
  // St. is here too: "St. Louis" goes on, "Main St. The house" breaks.
  kNameEnd,
  // Inc., Corp., Co., Ltd., etc.: usually the last word of their sentence, so
  // they end one before any capital, unless the capital word is all-caps
  // ("Inc. CEO") or another company suffix ("Co. Ltd.").
  kTrailing,
};

struct Abbreviation {
  std::string_view word;  // without the final period; inner periods kept
  AbbreviationKind kind;
  // Matched in any letter case ("E.g.", "Etc."). Such words are stored in
  // lower case. The rest match exactly: "No." is an abbreviation, "no." is a
  // word ending a sentence.
  bool any_case;
};

// Sorted by byte order of `word` for binary search (checked below).
inline constexpr auto kAbbreviations = std::to_array<Abbreviation>({
    {"Adm", AbbreviationKind::kTitle, false},
    {"Apr", AbbreviationKind::kMonth, false},
    {"Atty", AbbreviationKind::kTitle, false},
    {"Aug", AbbreviationKind::kMonth, false},
    {"Ave", AbbreviationKind::kNameEnd, false},
    {"Blvd", AbbreviationKind::kNameEnd, false},
    {"Brig", AbbreviationKind::kTitle, false},
    {"Bros", AbbreviationKind::kNameEnd, false},
    {"Capt", AbbreviationKind::kTitle, false},
    {"Cmdr", AbbreviationKind::kTitle, false},
    {"Co", AbbreviationKind::kTrailing, false},
    {"Col", AbbreviationKind::kTitle, false},
    {"Corp", AbbreviationKind::kTrailing, false},
    {"Cpl", AbbreviationKind::kTitle, false},
    {"Dec", AbbreviationKind::kMonth, false},
    {"Del", AbbreviationKind::kTitle, false},
    {"Dept", AbbreviationKind::kNameEnd, false},
    {"Det", AbbreviationKind::kTitle, false},
    {"Dr", AbbreviationKind::kTitle, false},
    {"Feb", AbbreviationKind::kMonth, false},
    {"Fig", AbbreviationKind::kReference, false},
    {"Ft", AbbreviationKind::kTitle, false},
    {"Gen", AbbreviationKind::kTitle, false},
    {"Gov", AbbreviationKind::kTitle, false},
    {"Hon", AbbreviationKind::kTitle, false},
    {"Inc", AbbreviationKind::kTrailing, false},
    {"Insp", AbbreviationKind::kTitle, false},
    {"Jan", AbbreviationKind::kMonth, false},
    {"Jr", AbbreviationKind::kNameEnd, false},
    {"Jul", AbbreviationKind::kMonth, false},
    {"Jun", AbbreviationKind::kMonth, false},
    {"Lt", AbbreviationKind::kTitle, false},
    {"Ltd", AbbreviationKind::kTrailing, false},
    {"Maj", AbbreviationKind::kTitle, false},
    {"Mar", AbbreviationKind::kMonth, false},
    {"Messrs", AbbreviationKind::kTitle, false},
    {"Mr", AbbreviationKind::kTitle, false},
    {"Mrs", AbbreviationKind::kTitle, false},
    {"Ms", AbbreviationKind::kTitle, false},
    {"Mt", AbbreviationKind::kTitle, false},
    {"No", AbbreviationKind::kReference, false},
    {"Nos", AbbreviationKind::kReference, false},
    {"Nov", AbbreviationKind::kMonth, false},
    {"Oct", AbbreviationKind::kMonth, false},
    {"Pfc", AbbreviationKind::kTitle, false},
    {"Pres", AbbreviationKind::kTitle, false},
    {"Prof", AbbreviationKind::kTitle, false},
    {"Pvt", AbbreviationKind::kTitle, false},
    {"Rd", AbbreviationKind::kNameEnd, false},
    {"Rep", AbbreviationKind::kTitle, false},
    {"Reps", AbbreviationKind::kTitle, false},
    {"Rev", AbbreviationKind::kTitle, false},
    {"Sen", AbbreviationKind::kTitle, false},
    {"Sens", AbbreviationKind::kTitle, false},
    {"Sep", AbbreviationKind::kMonth, false},
    {"Sept", AbbreviationKind::kMonth, false},
    {"Sgt", AbbreviationKind::kTitle, false},
    {"Sr", AbbreviationKind::kNameEnd, false},
    {"St", AbbreviationKind::kNameEnd, false},
    {"Supt", AbbreviationKind::kTitle, false},
    {"Univ", AbbreviationKind::kNameEnd, false},
    {"Vol", AbbreviationKind::kReference, false},
    {"al", AbbreviationKind::kNameEnd, false},
    {"approx", AbbreviationKind::kReference, true},
    {"cf", AbbreviationKind::kReference, true},
    {"e.g", AbbreviationKind::kReference, true},
    {"etc", AbbreviationKind::kTrailing, true},
    {"i.e", AbbreviationKind::kReference, true},
    {"p", AbbreviationKind::kReference, false},
    {"pp", AbbreviationKind::kReference, false},
    {"v", AbbreviationKind::kReference, false},
    {"vs", AbbreviationKind::kReference, true},
});

static_assert(std::ranges::is_sorted(kAbbreviations, {}, &Abbreviation::word));

// Capitalised words that almost always start a sentence rather than continue
// a name. After an ambiguous period (a dotted acronym such as "U.S." or a
// suffix such as "Jr.") a sentence ends only if one of these follows: "in the
// U.S. The next day" breaks, "the U.S. State Department" does not. Sorted.
inline constexpr auto kSentenceOpeners = std::to_array<std::string_view>(
    {"A",     "After", "An",    "And",       "As",      "At",   "Before",
     "But",   "He",    "Her",   "His",       "However", "I",    "If",
     "In",    "It",    "Its",   "Meanwhile", "On",      "She",  "So",
     "That",  "The",   "Their", "There",     "These",   "They", "This",
     "Those", "We",    "When",  "While",     "Yet"});

static_assert(std::ranges::is_sorted(kSentenceOpeners));

// Returns the abbreviation spelled `word` (without its final period), or
// nullptr if `word` is not one.
constexpr const Abbreviation* FindAbbreviation(std::string_view word) {
  auto find = [](std::string_view key) -> const Abbreviation* {
    const auto* it =
        std::ranges::lower_bound(kAbbreviations, key, {}, &Abbreviation::word);
    return it != kAbbreviations.end() && it->word == key ? it : nullptr;
  };
  if (const Abbreviation* exact = find(word)) return exact;
  // The longest any-case entry is "approx"; longer words cannot match.
  constexpr size_t kMaxAnyCase = 8;
  if (word.size() > kMaxAnyCase) return nullptr;
  std::array<char, kMaxAnyCase> lower{};
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const Abbreviation* folded =
      find(std::string_view(lower.data(), word.size()));
  return folded != nullptr && folded->any_case ? folded : nullptr;
}

constexpr bool IsSentenceOpener(std::string_view word) {
  return std::ranges::binary_search(kSentenceOpeners, word);
}

}  // namespace provcheck::segment_internal

#endif  // PROVCHECK_ENGINE_ABBREVIATIONS_H_
