// Person names: titles stripped, spellings compared.
//
// StripTitles drops, from the front of a name, any run of: "the";
// qualifiers (former, acting, late, then-, ex-, outgoing, incoming,
// interim); nationality or organisation adjectives (US, U.S., Russian,
// French, EU, UN, "Russia's"...) but only when a title follows them, since
// French and English are also surnames; and titles, including compound
// ones built from modifiers and a head ("Prime Minister", "Deputy Foreign
// Minister", "Secretary of State", "Attorney General", "Secretary-General").
// A comma ends the name ("Antony Blinken, the secretary of state"). Periods
// in titles are optional (Dr, Dr.; U.S., US). Nothing is dropped from the
// end other than after a comma, and a name that is all titles strips to "".
//
// JaroWinkler works on code points (UTF-8 decoded; a stray byte counts as
// U+FFFD), compares them after simple case folding (ASCII, Latin-1,
// Latin Extended-A, Greek, Cyrillic and Armenian capitals), and adds the
// Winkler prefix bonus (scale 0.1, at most four code points) without a
// threshold.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "provcheck/normalize.h"

namespace provcheck {
namespace {

// ---------------------------------------------------------------------------
// Code points.

char32_t DecodeNext(std::string_view s, size_t* i) {
  constexpr char32_t kReplacement = 0xFFFD;
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  size_t size = 0;
  char32_t value = 0;
  if ((b0 & 0xE0) == 0xC0) {
    size = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    size = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    size = 4;
    value = b0 & 0x07;
  } else {
    ++*i;
    return kReplacement;
  }
  if (*i + size > s.size()) {
    ++*i;
    return kReplacement;
  }
  for (size_t k = 1; k < size; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return kReplacement;
    }
    value = (value << 6) | (b & 0x3F);
  }
  *i += size;
  return value;
}

// Simple case folding for the scripts names in news are written in; other
// code points are left alone.
char32_t FoldCase(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1
  if (c >= 0x100 && c <= 0x17F) {                          // Latin Ext-A
    // Pairs are upper-even/lower-odd except in 0x139–0x148 and 0x179–0x17E,
    // where they are upper-odd/lower-even; U+0130, U+0138, U+0149 and U+017F
    // stand alone.
    const bool odd_upper =
        (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x178) return 0xFF;  // Ÿ folds into Latin-1
    if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x531 && c <= 0x556) return c + 48;  // Armenian
  return c;
}

std::u32string FoldedCodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) out.push_back(FoldCase(DecodeNext(s, &i)));
  return out;
}

double Jaro(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t window = std::max(a.size(), b.size()) / 2 > 0
                            ? std::max(a.size(), b.size()) / 2 - 1
                            : 0;
  std::vector<bool> a_matched(a.size(), false);
  std::vector<bool> b_matched(b.size(), false);
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t from = i > window ? i - window : 0;
    const size_t to = std::min(b.size(), i + window + 1);
    for (size_t j = from; j < to; ++j) {
      if (b_matched[j] || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t half_transpositions = 0;
  size_t j = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions) / 2.0;
  return (m / static_cast<double>(a.size()) +
          m / static_cast<double>(b.size()) + (m - t) / m) /
         3.0;
}

double JaroWinklerFolded(const std::u32string& a, const std::u32string& b) {
  const double jaro = Jaro(a, b);
  size_t prefix = 0;
  const size_t limit = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

// ---------------------------------------------------------------------------
// Tokens and titles.

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits on white space (including U+00A0).
std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsSpace(s[i]) || nbsp) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      if (nbsp) ++i;
    } else {
      current.push_back(s[i]);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// Lower case without periods: "U.S." -> "us", "Dr." -> "dr".
std::string Key(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '.') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return out;
}

template <size_t N>
bool In(std::string_view key, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), key) != std::end(table);
}

constexpr std::string_view kQualifiers[] = {
    "the",      "former",  "acting", "late",    "outgoing",
    "incoming", "interim", "then",   "retired", "new",
};

// Titles that stand alone before a name.
constexpr std::string_view kTitleHeads[] = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "president",
    "president-elect",
    "vice-president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "secretary-general",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "adm",
    "admiral",
    "sgt",
    "sergeant",
    "ambassador",
    "envoy",
    "mayor",
    "judge",
    "justice",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "ayatollah",
    "rabbi",
    "rev",
    "reverend",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commissioner",
    "director",
    "officer",
    "leader",
    "chief",
    "marshal",
    "attorney",
    "lieutenant",
    "commander",
    "emir",
    "sultan",
    "patriarch",
    "archbishop",
    "bishop",
    "cardinal",
};

// Words that make a compound title with a following head ("Prime
// Minister", "Foreign Minister", "Attorney General") but are not titles on
// their own.
constexpr std::string_view kTitleModifiers[] = {
    "prime",     "deputy",   "vice",    "foreign",    "defence",
    "defense",   "interior", "finance", "health",     "economy",
    "economic",  "home",     "state",   "first",      "senior",
    "assistant", "under",    "trade",   "energy",     "education",
    "security",  "national", "supreme", "lieutenant", "attorney",
    "executive", "managing", "chief",   "army",       "armed",
    "forces",    "military", "staff",   "top",        "opposition",
    "party",     "central",  "bank",    "press",      "field",
};

// What may follow "of" in "Secretary of State", "Minister of Foreign
// Affairs".
constexpr std::string_view kOfPortfolio[] = {
    "state",     "defense",  "defence",  "foreign",     "affairs",
    "the",       "interior", "finance",  "health",      "justice",
    "treasury",  "homeland", "security", "commerce",    "energy",
    "education", "labor",    "labour",   "agriculture", "transportation",
    "staff",
};

constexpr std::string_view kNationalities[] = {
    "us",         "usa",       "american",    "uk",          "british",
    "english",    "scottish",  "welsh",       "irish",       "french",
    "german",     "russian",   "ukrainian",   "chinese",     "japanese",
    "indian",     "israeli",   "palestinian", "iranian",     "iraqi",
    "syrian",     "turkish",   "armenian",    "azerbaijani", "georgian",
    "italian",    "spanish",   "polish",      "dutch",       "belgian",
    "swedish",    "norwegian", "finnish",     "danish",      "canadian",
    "australian", "mexican",   "brazilian",   "argentine",   "egyptian",
    "saudi",      "qatari",    "emirati",     "pakistani",   "afghan",
    "korean",     "south",     "north",       "eu",          "un",
    "nato",       "european",  "belarusian",  "hungarian",   "greek",
    "lebanese",   "jordanian", "kazakh",      "venezuelan",  "colombian",
    "nigerian",   "kenyan",    "ethiopian",   "sudanese",    "yemeni",
    "libyan",     "tunisian",  "moroccan",    "algerian",    "serbian",
    "croatian",   "romanian",  "bulgarian",   "czech",       "slovak",
    "austrian",   "swiss",     "portuguese",  "taiwanese",   "vietnamese",
    "thai",       "filipino",  "indonesian",  "malaysian",   "white",
    "house",      "kremlin",   "state",       "federal",     "county",
};

// The length of the title starting at keys[i], or 0: the longest run of
// modifiers and heads that ends with a head ("Chief Justice", "Deputy
// Prime Minister"), then "of" and a portfolio after a secretary or
// minister. Modifiers alone are not a title.
size_t TitleLength(const std::vector<std::string>& keys, size_t i) {
  size_t end = i;
  for (size_t j = i; j < keys.size(); ++j) {
    const bool head = In(keys[j], kTitleHeads);
    if (!head && !In(keys[j], kTitleModifiers)) break;
    if (head) end = j + 1;
  }
  if (end == i) return 0;
  const std::string& last = keys[end - 1];
  if ((last == "secretary" || last == "minister") && end + 1 < keys.size() &&
      keys[end] == "of" && In(keys[end + 1], kOfPortfolio)) {
    end += 2;
    while (end < keys.size() && In(keys[end], kOfPortfolio)) ++end;
  }
  return end - i;
}

bool IsPossessive(std::string_view token) {
  return token.size() > 2 &&
         (token.substr(token.size() - 2) == "'s" ||
          (token.size() > 4 &&
           token.substr(token.size() - 4) == "\xE2\x80\x99s"));
}

// The given names and the surname of a name whose titles are stripped.
struct NameParts {
  std::u32string given;
  std::u32string surname;
};

NameParts Split(std::string_view name) {
  const std::vector<std::string> tokens = Tokens(StripTitles(name));
  NameParts parts;
  if (tokens.empty()) return parts;
  parts.surname = FoldedCodePoints(tokens.back());
  std::string given;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!given.empty()) given += ' ';
    given += tokens[i];
  }
  parts.given = FoldedCodePoints(given);
  return parts;
}

}  // namespace

std::string StripTitles(std::string_view name) {
  std::vector<std::string> tokens = Tokens(name);
  // A comma ends the name: "Antony Blinken, the US secretary of state".
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t comma = tokens[i].find(',');
    if (comma == std::string::npos) continue;
    tokens[i].erase(comma);
    tokens.resize(tokens[i].empty() ? i : i + 1);
    break;
  }
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const std::string& t : tokens) keys.push_back(Key(t));
  size_t i = 0;
  while (i < tokens.size()) {
    // "then-President", "ex-Minister": the prefix goes, the title stays.
    for (std::string_view prefix : {"then-", "ex-"}) {
      if (keys[i].size() > prefix.size() &&
          keys[i].compare(0, prefix.size(), prefix) == 0 &&
          TitleLength({keys[i].substr(prefix.size())}, 0) > 0) {
        keys[i].erase(0, prefix.size());
        tokens[i].erase(0, prefix.size());
      }
    }
    if (In(keys[i], kQualifiers)) {
      ++i;
      continue;
    }
    if (size_t n = TitleLength(keys, i)) {
      i += n;
      continue;
    }
    // Adjectives and possessives count only before a title: "Russian
    // Foreign Minister", "Russia's President", but "Judith French".
    size_t j = i;
    while (j < tokens.size() &&
           (In(keys[j], kNationalities) || IsPossessive(tokens[j]))) {
      ++j;
    }
    if (j > i && TitleLength(keys, j) > 0) {
      i = j;
      continue;
    }
    break;
  }
  std::string out;
  for (size_t k = i; k < tokens.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += tokens[k];
  }
  return out;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  return JaroWinklerFolded(FoldedCodePoints(a), FoldedCodePoints(b));
}

bool IsSpellingVariant(std::string_view a, std::string_view b) {
  constexpr double kMinSimilarity = 0.9;
  const NameParts x = Split(a);
  const NameParts y = Split(b);
  if (x.surname.empty() || x.surname != y.surname) return false;
  if (x.given.empty() || y.given.empty() || x.given == y.given) return false;
  // Anton/Antony, Martin/Martina: a prefix is another name, not a spelling.
  const std::u32string& shorter =
      x.given.size() < y.given.size() ? x.given : y.given;
  const std::u32string& longer =
      x.given.size() < y.given.size() ? y.given : x.given;
  if (longer.compare(0, shorter.size(), shorter) == 0) return false;
  return JaroWinklerFolded(x.given, y.given) >= kMinSimilarity;
}

}  // namespace provcheck
