// Building blocks shared by the date and quantity grammars (Boost.Spirit X3).
//
// The grammars work on raw UTF-8 bytes without a skipper: white space is
// matched explicitly so that "19 September" and "19September" can be told
// apart and byte offsets stay exact. Every primitive here is a literal type,
// so whole grammars can be constexpr objects: no static initialisation, no
// global mutable state. The primitives are written for `const char*`
// iterators, the only kind the grammars are run on.
#ifndef PROVCHECK_EXTRACT_GRAMMAR_UTIL_H_
#define PROVCHECK_EXTRACT_GRAMMAR_UTIL_H_

#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace provcheck {
namespace extract_internal {

namespace x3 = boost::spirit::x3;

// ASCII classification by value: std::isalpha and friends are undefined for
// the negative chars UTF-8 continuation bytes become.
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiLetter(char c) {
  return IsAsciiUpper(c) || IsAsciiLower(c);
}
constexpr bool IsAsciiAlnum(char c) {
  return IsAsciiLetter(c) || IsAsciiDigit(c);
}
constexpr char AsciiLower(char c) {
  return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// A constant set of lower-case ASCII words, looked up case-insensitively.
// The scans ask it about almost every word of a text, so lookups compare
// the first eight letters packed into an integer instead of calling memcmp
// through std::string_view's comparison.
template <size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(const std::string_view (&words)[N]) {
    for (size_t i = 0; i < N; ++i) entries_[i] = {Pack(words[i]), words[i]};
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
  }

  bool Contains(std::string_view word) const {
    if (word.empty()) return false;
    const uint64_t key = Pack(word);
    auto it =
        std::lower_bound(entries_.begin(), entries_.end(), key,
                         [](const Entry& e, uint64_t k) { return e.key < k; });
    for (; it != entries_.end() && it->key == key; ++it) {
      if (EqualsLower(word, it->word)) return true;
    }
    return false;
  }

 private:
  struct Entry {
    uint64_t key = 0;
    std::string_view word;
  };

  static constexpr uint64_t Pack(std::string_view word) {
    uint64_t key = 0;
    for (size_t i = 0; i < 8; ++i) {
      const unsigned char c =
          i < word.size() ? static_cast<unsigned char>(AsciiLower(word[i])) : 0;
      key = (key << 8) | c;
    }
    return key;
  }

  static constexpr bool EqualsLower(std::string_view word,
                                    std::string_view lower) {
    if (word.size() != lower.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (AsciiLower(word[i]) != lower[i]) return false;
    }
    return true;
  }

  std::array<Entry, N> entries_{};
};

// Length of the maximal run of ASCII letters starting at `p`.
inline size_t LetterRun(const char* p, const char* end) {
  size_t n = 0;
  while (p + n != end && IsAsciiLetter(p[n])) ++n;
  return n;
}

// How a word may be written in running text: as in the table (lower case),
// capitalised at the start of a sentence or of a name, or in capitals in a
// headline. "sEpTeMbEr" is none of these and is not the word.
constexpr bool SpellingMatches(std::string_view written,
                               std::string_view lower) {
  if (written.size() != lower.size() || written.empty()) return false;
  bool all_lower = true;
  bool capitalised = true;
  bool all_upper = true;
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (AsciiLower(c) != lower[i]) return false;
    if (!IsAsciiLower(c)) all_lower = false;
    if (i == 0 ? !IsAsciiUpper(c) : !IsAsciiLower(c)) capitalised = false;
    if (IsAsciiLower(c)) all_upper = false;
  }
  return all_lower || capitalised || all_upper;
}

constexpr bool IsCapitalised(std::string_view written) {
  return !written.empty() && IsAsciiUpper(written[0]);
}

// One spelling in a keyword table. `capital_only` marks words that are also
// common lower-case English words ("may", "march"): only their capitalised
// or upper-case forms count.
struct Keyword {
  std::string_view word;  // lower case
  int value;
  bool capital_only = false;
};

// Matches a whole word (a maximal run of ASCII letters) that is one of the
// table's words; the attribute is the entry's value. Because the run is
// maximal, "Mar" never matches the start of "Marcus".
struct KeywordParser : x3::parser<KeywordParser> {
  using attribute_type = int;
  static constexpr bool has_attribute = true;

  constexpr KeywordParser(const Keyword* entries, size_t size)
      : entries(entries), size(size) {}

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute& attr) const {
    const size_t n = LetterRun(first, last);
    if (n == 0) return false;
    const std::string_view written(first, n);
    for (size_t i = 0; i < size; ++i) {
      const Keyword& k = entries[i];
      if (!SpellingMatches(written, k.word)) continue;
      if (k.capital_only && IsAsciiLower(written[0])) continue;
      x3::traits::move_to(k.value, attr);
      first += n;
      return true;
    }
    return false;
  }

  const Keyword* entries;
  size_t size;
};

template <size_t N>
constexpr KeywordParser Keywords(const Keyword (&table)[N]) {
  return KeywordParser(table, N);
}

// Matches one whole word, spelled as SpellingMatches allows; no attribute.
struct WordParser : x3::parser<WordParser> {
  using attribute_type = x3::unused_type;
  static constexpr bool has_attribute = false;

  constexpr explicit WordParser(std::string_view word) : word(word) {}

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute&) const {
    const size_t n = LetterRun(first, last);
    if (n == 0 || !SpellingMatches(std::string_view(first, n), word)) {
      return false;
    }
    first += n;
    return true;
  }

  std::string_view word;
};

constexpr WordParser W(std::string_view word) { return WordParser(word); }

// Byte length of the white space character at `p`, or 0: ASCII blanks and
// the no-break and thin spaces news sites put between "19" and "September".
inline size_t SpaceAt(const char* p, const char* end) {
  if (p == end) return 0;
  const char c = *p;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  // Checked byte by byte: this runs on every character the noun and
  // boundary checks look at.
  if (c == '\xC2') return end - p >= 2 && p[1] == '\xA0' ? 2 : 0;  // U+00A0
  if (c != '\xE2' || end - p < 3 || p[1] != '\x80') return 0;
  // U+2007 figure space, U+2009 thin space, U+202F narrow no-break space.
  return p[2] == '\x87' || p[2] == '\x89' || p[2] == '\xAF' ? 3 : 0;
}

// Byte length of the dash at `p`, or 0: hyphen, the Unicode hyphens
// U+2010–U+2012, en and em dash, minus sign. Ranges are written with any
// of them.
inline size_t DashAt(const char* p, const char* end) {
  if (p == end) return 0;
  if (*p == '-') return 1;
  if (*p != '\xE2' || end - p < 3) return 0;
  if (p[1] == '\x80') {
    const auto c = static_cast<unsigned char>(p[2]);
    return c >= 0x90 && c <= 0x94 ? 3 : 0;  // U+2010–U+2014
  }
  return p[1] == '\x88' && p[2] == '\x92' ? 3 : 0;  // U+2212
}

// White space: at least `min` characters of it.
struct SpaceParser : x3::parser<SpaceParser> {
  using attribute_type = x3::unused_type;
  static constexpr bool has_attribute = false;

  constexpr explicit SpaceParser(int min) : min(min) {}

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute&) const {
    const char* p = first;
    const char* end = last;
    int count = 0;
    while (size_t n = SpaceAt(p, end)) {
      p += n;
      ++count;
    }
    if (count < min) return false;
    first = p;
    return true;
  }

  int min;
};

inline constexpr SpaceParser kSpaces(1);          // required white space
inline constexpr SpaceParser kOptionalSpaces(0);  // optional white space

// One dash character (see DashAt).
struct DashParser : x3::parser<DashParser> {
  using attribute_type = x3::unused_type;
  static constexpr bool has_attribute = false;

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute&) const {
    const size_t n = DashAt(first, last);
    if (n == 0) return false;
    first += n;
    return true;
  }
};

inline constexpr DashParser kDash{};

// Character-range parsers compare byte values; x3::digit and x3::alpha go
// through <cctype>, which is not defined for negative chars.
inline constexpr auto kDigit = x3::char_('0', '9');
inline constexpr auto kLetter = x3::char_('a', 'z') | x3::char_('A', 'Z');
inline constexpr auto kAlnum = kDigit | kLetter;

// Runs `parser` at `first` with `state` reachable from semantic actions as
// x3::get<Tag>(ctx). Unlike x3::with, this does not copy the grammar object
// on every call, which would cost more than most parse attempts.
template <typename Tag, typename Parser, typename State>
bool ParseWithState(const char*& first, const char* last, const Parser& parser,
                    State& state) {
  const auto context = x3::make_context<Tag>(state);
  x3::unused_type unused;
  return parser.parse(first, last, context, unused, unused);
}

}  // namespace extract_internal
}  // namespace provcheck

#endif  // PROVCHECK_EXTRACT_GRAMMAR_UTIL_H_
