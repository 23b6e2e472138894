// extract: dates, quantities and person names normalised so that claims in
// different words can be compared (Boost.Spirit X3 grammars).
#ifndef PROVCHECK_NORMALIZE_H_
#define PROVCHECK_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck {

// Days are counted from 1970-01-01 (day 0), proleptic Gregorian.
int32_t DayNumber(int year, int month, int day);
// "2023-09-19"
std::string DayToIso(int32_t day);

enum class DatePrecision { kDay, kMonth, kYear, kApproximate };

// A closed interval of days a date expression can mean: "September 2023" is
// 1–30 September 2023 at month precision; "mid-September" is about the
// 10th–20th, approximate.
struct DateInterval {
  int32_t first = 0;
  int32_t last = 0;
  DatePrecision precision = DatePrecision::kDay;
  bool Overlaps(const DateInterval& other) const {
    return first <= other.last && other.first <= last;
  }
};

struct DateMention {
  size_t begin = 0;  // byte range in the text searched
  size_t end = 0;
  DateInterval interval;
};

// Finds every date expression in `text` and normalises it. `reference` is
// the document's own date (a day number) when known: relative expressions
// ("last year", "Sept. 19" without a year, "three decades earlier") resolve
// against it and are skipped without it. Numeric dates: ISO (2023-09-19)
// always; slashed dates day/month/year (19/09/2023), the international
// order, except when the second number cannot be a month (09/19/2023 is
// then read month/day); see the .cc for the whole policy.
std::vector<DateMention> FindDates(std::string_view text,
                                   std::optional<int32_t> reference);

struct Quantity {
  double value = 0;  // the stated value ("nearly 120,000" -> 120000)
  double low = 0;    // what the wording allows ("nearly" -> [108000, 120000])
  double high = 0;
  std::string unit;  // normalised: "percent", "km", "people", "" for a count
  bool approximate = false;
};

struct QuantityMention {
  size_t begin = 0;
  size_t end = 0;
  Quantity quantity;
  std::string noun;  // the word the number counts ("residents"), lower case
};

// "nearly 120,000 residents", "1.2 million", "80 percent", "80%",
// "a 12-kilometer segment", "about 1,200", "dozens of".
std::vector<QuantityMention> FindQuantities(std::string_view text);

// Person names: titles and roles stripped ("US Secretary of State Antony
// Blinken" -> "Antony Blinken").
std::string StripTitles(std::string_view name);

// Jaro–Winkler similarity in [0, 1] over code points.
double JaroWinkler(std::string_view a, std::string_view b);

// True when `a` and `b` (titles stripped) are spellings of one person's name:
// the same surname, given names that differ but are close (Jaro–Winkler
// >= 0.9) and are not one the prefix of the other (Anton/Antony and
// Martin/Martina are different people), and not identical.
bool IsSpellingVariant(std::string_view a, std::string_view b);

}  // namespace provcheck

#endif  // PROVCHECK_NORMALIZE_H_
