#include "engine/speaker_names.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace provcheck {
namespace {

// The few English titles that stand before one name alone ("Mr Funaro",
// "Lord Falconer", "Sir Edward"), with the gender they give; roles
// ("Judge", "Senator") are the rules' to split off.
struct CourtesyTitle {
  std::string_view title;
  Gender gender;
};
constexpr std::array<CourtesyTitle, 16> kCourtesyTitles = {{
    {"Mr", Gender::kMale},
    {"Mr.", Gender::kMale},
    {"Sir", Gender::kMale},
    {"Lord", Gender::kMale},
    {"Mrs", Gender::kFemale},
    {"Mrs.", Gender::kFemale},
    {"Ms", Gender::kFemale},
    {"Ms.", Gender::kFemale},
    {"Miss", Gender::kFemale},
    {"Dame", Gender::kFemale},
    {"Lady", Gender::kFemale},
    {"Mx", Gender::kUnknown},
    {"Dr", Gender::kUnknown},
    {"Dr.", Gender::kUnknown},
    {"Prof", Gender::kUnknown},
    {"Prof.", Gender::kUnknown},
}};

const CourtesyTitle* CourtesyTitleOf(std::string_view word) {
  for (const CourtesyTitle& title : kCourtesyTitles) {
    if (word == title.title) return &title;
  }
  return nullptr;
}

bool IsCourtesyTitle(std::string_view word) {
  return CourtesyTitleOf(word) != nullptr;
}

// "Mr Funaro", "Dr. Roe": a courtesy title and one name, which names a
// person whether or not the text gave the name in full. Null when the name
// is no such form.
const CourtesyTitle* CourtesyFormOf(std::string_view name) {
  const std::string_view last = LastWordOf(name);
  if (last.size() == name.size() || !IsCapitalisedWord(last) ||
      last.back() == '.') {
    return nullptr;
  }
  return CourtesyTitleOf(name.substr(0, name.size() - last.size() - 1));
}

}  // namespace

bool NamesSomeone(std::string_view source) {
  for (const std::string_view determiner :
       {"The ", "His ", "Her ", "Its ", "Their ", "Our ", "My ", "A ", "An "}) {
    if (source.starts_with(determiner)) {
      source.remove_prefix(determiner.size());
      break;
    }
  }
  return std::any_of(source.begin(), source.end(), [](char c) {
    return absl::ascii_isupper(static_cast<unsigned char>(c));
  });
}

bool DescribesSeveral(std::string_view source) {
  const std::string_view head = LastWordOf(source);
  if (head.size() < 3 || head.back() != 's') return false;
  const char before = head[head.size() - 2];
  return before != 's' && before != 'u' && before != 'i' && before != '\'' &&
         !head.ends_with("\u2019s");
}

bool IsLegalForm(std::string_view word) {
  static constexpr std::string_view kLegalForms[] = {
      "Inc",     "Corp",     "Corporation", "Co",         "Cos",  "Ltd",
      "Limited", "Plc",      "PLC",         "LLC",        "LP",   "Bancorp",
      "AG",      "SA",       "NV",          "BV",         "AB",   "ASA",
      "SpA",     "GmbH",     "KK",          "Bhd",        "Oy",   "Pty",
      "Cie",     "Holdings", "Group",       "Industries", "Bank", "Airlines",
      "Airways", "Party"};
  return std::find(std::begin(kLegalForms), std::end(kLegalForms), word) !=
         std::end(kLegalForms);
}

std::string_view LastWordOf(std::string_view name) {
  const size_t space = name.rfind(' ');
  return space == std::string_view::npos ? name : name.substr(space + 1);
}

bool IsCapitalisedWord(std::string_view word) {
  return word.size() >= 2 &&
         absl::ascii_isupper(static_cast<unsigned char>(word[0])) &&
         !absl::ascii_isupper(static_cast<unsigned char>(word[1]));
}

std::string_view SurnameOfShortForm(std::string_view name) {
  const std::string_view last = LastWordOf(name);
  if (!IsCapitalisedWord(last) || last.back() == '.') return {};
  if (last.size() == name.size()) return last;
  const std::string_view head = name.substr(0, name.size() - last.size() - 1);
  if (head.ends_with("'s") || head.ends_with("\u2019s") ||
      head.ends_with("'") || head.ends_with("\u2019")) {
    return last;
  }
  return IsCourtesyTitle(head) ? last : std::string_view();
}

bool IsCourtesyForm(std::string_view name) {
  return CourtesyFormOf(name) != nullptr;
}

Gender GenderOfCourtesyForm(std::string_view name) {
  const CourtesyTitle* title = CourtesyFormOf(name);
  return title == nullptr ? Gender::kUnknown : title->gender;
}

bool NamesTwoPeople(std::string_view name,
                    const absl::flat_hash_set<std::string>& surnames) {
  const size_t and_at = name.find(" and ");
  if (and_at == std::string_view::npos ||
      !surnames.contains(std::string(LastWordOf(name.substr(0, and_at))))) {
    return false;
  }
  auto capitalised_words = [](std::string_view part) {
    const std::vector<absl::string_view> words = absl::StrSplit(
        absl::string_view(part.data(), part.size()), ' ', absl::SkipEmpty());
    return words.size() >= 2 &&
           std::all_of(words.begin(), words.end(), [](absl::string_view word) {
             return absl::ascii_isupper(static_cast<unsigned char>(word[0]));
           });
  };
  return capitalised_words(name.substr(0, and_at)) &&
         capitalised_words(name.substr(and_at + 5));
}

Gender GenderOfPronoun(std::string_view anaphor) {
  const absl::string_view word(anaphor.data(), anaphor.size());
  if (absl::EqualsIgnoreCase(word, "he")) return Gender::kMale;
  if (absl::EqualsIgnoreCase(word, "she")) return Gender::kFemale;
  return Gender::kUnknown;
}

bool SpeaksForOneUnnamed(std::string_view text) {
  static constexpr std::string_view kOnes[] = {"a ", "an ", "one ", "another "};
  auto opens_with_one = [](std::string_view words) {
    return std::any_of(
        std::begin(kOnes), std::end(kOnes),
        [&](std::string_view one) { return words.starts_with(one); });
  };
  const std::string lower = absl::AsciiStrToLower(std::string(text));
  if (opens_with_one(lower)) return true;
  for (const std::string_view verb : {"said ", "says ", "told "}) {
    for (size_t at = lower.find(verb); at != std::string::npos;
         at = lower.find(verb, at + 1)) {
      if (opens_with_one(std::string_view(lower).substr(at + verb.size()))) {
        return true;
      }
    }
  }
  return false;
}

bool IsFullName(std::string_view name) {
  const std::string_view last = LastWordOf(name);
  return last.size() < name.size() && IsCapitalisedWord(last) &&
         last.back() != '.' && SurnameOfShortForm(name).empty() &&
         name.find(" and ") == std::string_view::npos &&
         name.find(" & ") == std::string_view::npos;
}

const std::string* FullNameOf(
    std::string_view name,
    const absl::flat_hash_map<std::string, std::string>& full_names) {
  const std::string_view surname = SurnameOfShortForm(name);
  if (surname.empty()) return nullptr;
  const auto it = full_names.find(std::string(surname));
  return it == full_names.end() ? nullptr : &it->second;
}

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

}  // namespace provcheck
