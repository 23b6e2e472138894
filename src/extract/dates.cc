// Date expressions in news prose, found with a Boost.Spirit X3 grammar and
// normalised to closed intervals of days.
//
// Policy.
//  - Calendar dates: "19 September 2023", "19th of September", "September
//    19, 2023", "Sept. 19", "Sep 19"; ranges within a month ("19–20
//    September 2023", "September 19-20, 2023") and across months ("Sept. 28
//    – Oct. 2, 2023") are one interval at day precision. Without a year the
//    year is the reference's (not the nearest occurrence: an article of
//    3 January saying "Dec. 28" gets the coming December); without a
//    reference such dates are skipped.
//  - Numeric dates: ISO 2023-09-19 always. Slashed dates need a four-digit
//    year and are read day/month/year, the order of most of the world's
//    press; only when the second number cannot be a month (> 12) are they
//    read month/day/year (09/19/2023). 13/13/2023 and 31/02/2023 are not
//    dates. Two-digit years and dotted dates (19.09.2023) are not read:
//    they collide with scores, versions and decimals.
//  - Months: "September 2022" at month precision. A month name alone is not
//    a date ("in September" has no year we could trust). Months may be
//    abbreviated (Jan., Feb., Sept., Sep, Oct.) and are written lower case,
//    capitalised or in capitals; "may" and "march" count only capitalised,
//    so the verbs never do.
//  - Parts: early/mid/late of a month are the 1st–10th, 10th–20th and
//    20th–last (approximate; the thirds overlap by a day because writers do
//    not agree where they end); of a year, January–April, May–August and
//    September–December; of a decade, years 0–3, 3–6 and 6–9.
//  - Years: a four-digit year 1000–2100 is a date only after one of in,
//    since, by, until, till, from, during, of, before, after, through,
//    throughout, circa, between, year ("the year 2000"), after a month, or
//    after early/mid/late. A bare number is a count ("2020 votes"). After
//    "of", "by" and "from" a following plural noun makes it a count again
//    ("a total of 2000 votes"). "from 2019 to 2021", "between 2019 and 2021"
//    are one interval, and a list after a year ("in 2008, 2012 and 2016")
//    gives one mention per year. The preposition is not part of the mention;
//    early/mid/late are, since they change what it means. A text that is
//    only a year ("2020", a ledger's date field) is that year.
//  - Decades: "the 1990s", "1990s", "the early 1990s": approximate; "the
//    1800s" and "the 1900s" are read as centuries (the decade 1900–1909 is
//    rarely meant), "the 2000s" as a decade. Thirds of a century are years
//    0–30, 30–60 and 60–99.
//  - Relative to the reference, skipped without one: today, yesterday,
//    tomorrow; last/this/next year, month, week (weeks start on Monday,
//    approximate) and month names ("last September": the latest September
//    before the reference's month); "the last/past year|month|week" is the
//    period running up to the reference (approximate); "N units
//    ago/earlier/later" with N a numeral, one..twenty or a tens word, "a",
//    "a few" (2–4), "a couple of" (2) or "several" (3–7), for units days to
//    centuries, approximate with half a unit of slack either side.
//  - "one year after the war", "two decades before", "a year since": these
//    count from an event, not from the document, so they give nothing (the
//    grammar still recognises them so their numbers are not counts).
//  - Weekdays are ignored ("Tuesday, Sept. 19" is just "Sept. 19").
//  - A reference outside the years 1–9999 counts as no reference.
// Mentions are leftmost-longest: the scan tries the grammar at each word
// start, the grammar tries longer forms first, and the scan resumes after a
// match, so the results are sorted and never overlap.
//
// Cost: the grammar is only tried at word starts that begin with a digit or
// with one of the words a date can start with (a lookup in a constant word
// set), and each attempt reads a bounded number of bytes, so a scan is
// linear in the text.

#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/prose.h"
#include "extract/date_spans.h"
#include "extract/grammar_util.h"
#include "provcheck/normalize.h"

namespace provcheck {
namespace {

namespace x3 = boost::spirit::x3;
namespace chrono = std::chrono;

using extract_internal::AsciiLower;
using extract_internal::IsAsciiAlnum;
using extract_internal::IsAsciiDigit;
using extract_internal::IsAsciiLower;
using extract_internal::kDash;
using extract_internal::kDigit;
using extract_internal::Keyword;
using extract_internal::Keywords;
using extract_internal::kOptionalSpaces;
using extract_internal::kSpaces;
using extract_internal::LetterRun;
using extract_internal::ParseWithState;
using extract_internal::SpaceAt;
using extract_internal::TextSpan;
using extract_internal::W;
using extract_internal::WordSet;

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2100;

// ---------------------------------------------------------------------------
// What the grammar recognised, before any reference date is applied.

enum class Form {
  kNone,
  kCalendar,       // day (and month, year) with an optional range end
  kMonthYear,      // September 2022
  kPartOfMonth,    // mid-September (2023)
  kPartOfYear,     // early 2020
  kPartOfDecade,   // the late 1990s
  kDecade,         // the 1990s
  kYear,           // in 2020; from 2019 to 2021
  kRelativeDay,    // yesterday, today, tomorrow
  kRelativeUnit,   // last year, this month, next week
  kRollingUnit,    // the past year
  kRelativeMonth,  // last September
  kOffset,         // three decades earlier
  kEventOffset,    // one year after (the war): nothing to resolve
};

enum Unit {
  kDayUnit = 1,
  kWeekUnit,
  kMonthUnit,
  kYearUnit,
  kDecadeUnit,
  kCenturyUnit
};

// Triggers before a year. kCountCheck: a plural noun after the year turns it
// back into a count ("of 2000 votes").
enum Trigger { kPlainTrigger = 1, kCountCheckTrigger = 2 };

struct Parsed {
  Form form = Form::kNone;
  int year = 0;  // 0: not written
  int month = 0;
  int day = 0;
  int year2 = 0;  // end of a range; 0: no range
  int month2 = 0;
  int day2 = 0;
  int part = 0;      // 1 early, 2 mid, 3 late
  int relative = 0;  // -1 last/yesterday, 0 this/today, 1 next/tomorrow
  int unit = 0;      // Unit
  int count_low = 0;
  int count_high = 0;
  int direction = 0;  // -1 ago/earlier, 1 later, 0 relative to an event
  int trigger = 0;    // Trigger
  const char* begin = nullptr;  // where the mention starts, when not at the
                                // parse start (the preposition is left out)
};

struct StateTag;

template <typename Context>
Parsed& State(const Context& ctx) {
  return x3::get<StateTag>(ctx);
}

// ---------------------------------------------------------------------------
// Primitive parsers.

constexpr int kAbbreviation = 100;  // added to a month's value

// Full names, then abbreviations (value + kAbbreviation: a period may follow).
constexpr Keyword kMonths[] = {
    {"january", 1},
    {"february", 2},
    {"march", 3, true},
    {"april", 4},
    {"may", 5, true},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"jan", 1 + kAbbreviation},
    {"feb", 2 + kAbbreviation},
    {"mar", 3 + kAbbreviation, true},
    {"apr", 4 + kAbbreviation},
    {"jun", 6 + kAbbreviation},
    {"jul", 7 + kAbbreviation},
    {"aug", 8 + kAbbreviation},
    {"sep", 9 + kAbbreviation},
    {"sept", 9 + kAbbreviation},
    {"oct", 10 + kAbbreviation},
    {"nov", 11 + kAbbreviation},
    {"dec", 12 + kAbbreviation},
};

// A month name; abbreviations take an optional period ("Sept.").
struct MonthParser : x3::parser<MonthParser> {
  using attribute_type = int;
  static constexpr bool has_attribute = true;

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx,
             RContext& rctx, Attribute& attr) const {
    int value = 0;
    Iterator it = first;
    if (!Keywords(kMonths).parse(it, last, ctx, rctx, value)) return false;
    if (value > kAbbreviation) {
      value -= kAbbreviation;
      if (it != last && *it == '.') ++it;
    }
    x3::traits::move_to(value, attr);
    first = it;
    return true;
  }
};

// Reads exactly `n` ASCII digits at `p`.
inline bool Digits(const char* p, const char* end, int n, int* value) {
  if (end - p < n) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    if (!IsAsciiDigit(p[i])) return false;
    v = v * 10 + (p[i] - '0');
  }
  *value = v;
  return true;
}

// A day of the month: one or two digits, 1–31, an optional ordinal suffix
// (19th, 1st), and then not a letter or digit ("19kg", "195" are not days).
struct DayParser : x3::parser<DayParser> {
  using attribute_type = int;
  static constexpr bool has_attribute = true;

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute& attr) const {
    const char* p = first;
    int value = 0;
    int n = 0;
    while (p + n != last && n < 3 && IsAsciiDigit(p[n])) {
      value = value * 10 + (p[n] - '0');
      ++n;
    }
    if (n == 0 || n > 2 || value < 1 || value > 31) return false;
    p += n;
    const size_t letters = LetterRun(p, last);
    if (letters == 2) {
      const char a = AsciiLower(p[0]);
      const char b = AsciiLower(p[1]);
      if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
          (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
        p += 2;
      }
    }
    if (p != last && IsAsciiAlnum(*p)) return false;
    x3::traits::move_to(value, attr);
    first = p;
    return true;
  }
};

// True when what follows a number at `p` continues it ("2,000", "20.5",
// "20%"), so the digits before are not a year.
inline bool ContinuesNumber(const char* p, const char* end) {
  if (p == end) return false;
  if (IsAsciiAlnum(*p) || *p == '%') return true;
  if ((*p == ',' || *p == '.') && p + 1 != end && IsAsciiDigit(p[1])) {
    return true;
  }
  return false;
}

// A four-digit year, 1000–2100, that is not the start of a longer number.
struct YearParser : x3::parser<YearParser> {
  using attribute_type = int;
  static constexpr bool has_attribute = true;

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute& attr) const {
    int value = 0;
    if (!Digits(first, last, 4, &value)) return false;
    if (value < kMinYear || value > kMaxYear) return false;
    if (ContinuesNumber(first + 4, last)) return false;
    x3::traits::move_to(value, attr);
    first += 4;
    return true;
  }
};

// A decade: "1990s", "1990's", "1990’s"; the attribute is its first year.
struct DecadeParser : x3::parser<DecadeParser> {
  using attribute_type = int;
  static constexpr bool has_attribute = true;

  template <typename Iterator, typename Context, typename RContext,
            typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context&, RContext&,
             Attribute& attr) const {
    int value = 0;
    if (!Digits(first, last, 4, &value)) return false;
    if (value < kMinYear || value > kMaxYear || value % 10 != 0) return false;
    const char* p = first + 4;
    const std::string_view rest(p, static_cast<size_t>(last - p));
    if (rest.substr(0, 1) == "s") {
      p += 1;
    } else if (rest.substr(0, 2) == "'s") {
      p += 2;
    } else if (rest.substr(0, 4) == "\xE2\x80\x99s") {  // U+2019
      p += 4;
    } else {
      return false;
    }
    if (p != last && IsAsciiAlnum(*p)) return false;
    x3::traits::move_to(value, attr);
    first = p;
    return true;
  }
};

// Exactly two or four digits not followed by another digit.
constexpr auto kTwoDigits = x3::uint_parser<int, 10, 2, 2>() >> !kDigit;
constexpr auto kFourDigits = x3::uint_parser<int, 10, 4, 4>() >> !kDigit;

constexpr MonthParser kMonthName{};
constexpr DayParser kDayOfMonth{};
constexpr YearParser kYearNumber{};
constexpr DecadeParser kDecadeNumber{};

constexpr Keyword kParts[] = {{"early", 1}, {"mid", 2}, {"late", 3}};

constexpr Keyword kYearTriggers[] = {
    {"in", kPlainTrigger},      {"since", kPlainTrigger},
    {"by", kCountCheckTrigger}, {"until", kPlainTrigger},
    {"till", kPlainTrigger},    {"from", kCountCheckTrigger},
    {"during", kPlainTrigger},  {"of", kCountCheckTrigger},
    {"before", kPlainTrigger},  {"after", kPlainTrigger},
    {"through", kPlainTrigger}, {"throughout", kPlainTrigger},
    {"circa", kPlainTrigger},   {"year", kPlainTrigger},
};

constexpr Keyword kRelatives[] = {{"last", -1}, {"this", 0}, {"next", 1}};
constexpr Keyword kRelativeUnits[] = {
    {"year", kYearUnit}, {"month", kMonthUnit}, {"week", kWeekUnit}};
constexpr Keyword kRelativeDays[] = {
    {"yesterday", -1}, {"today", 0}, {"tomorrow", 1}};

constexpr Keyword kCountWords[] = {
    {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
    {"five", 5},       {"six", 6},       {"seven", 7},     {"eight", 8},
    {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},
    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},    {"forty", 40},    {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},   {"eighty", 80},   {"ninety", 90},
};

constexpr Keyword kOffsetUnits[] = {
    {"day", kDayUnit},         {"days", kDayUnit},
    {"week", kWeekUnit},       {"weeks", kWeekUnit},
    {"month", kMonthUnit},     {"months", kMonthUnit},
    {"year", kYearUnit},       {"years", kYearUnit},
    {"decade", kDecadeUnit},   {"decades", kDecadeUnit},
    {"century", kCenturyUnit}, {"centuries", kCenturyUnit},
};

// ago/earlier/later count from the document's date; before/after/since
// from an event the text names (direction 0).
constexpr Keyword kDirections[] = {
    {"ago", -1},   {"earlier", -1}, {"later", 1},
    {"before", 0}, {"after", 0},    {"since", 0},
};

// ---------------------------------------------------------------------------
// Semantic actions. Every alternative starts by clearing the state and ends
// by naming its form, and fields set inside an optional part are set by the
// part's last element, so a branch that fails half way leaves nothing
// behind that a later branch could mistake for its own.

constexpr auto kReset = [](auto& ctx) { State(ctx) = Parsed(); };

constexpr auto Set(int Parsed::*field) {
  return [field](auto& ctx) { State(ctx).*field = x3::_attr(ctx); };
}

constexpr auto SetForm(Form form) {
  return [form](auto& ctx) { State(ctx).form = form; };
}

constexpr auto SetCount(int low, int high) {
  return [low, high](auto& ctx) {
    State(ctx).count_low = low;
    State(ctx).count_high = high;
  };
}

constexpr auto kSetCount = [](auto& ctx) {
  State(ctx).count_low = State(ctx).count_high = x3::_attr(ctx);
};

// The second day of a range within a month must come after the first.
constexpr auto kSetDay2 = [](auto& ctx) {
  Parsed& s = State(ctx);
  if (x3::_attr(ctx) <= s.day) {
    x3::_pass(ctx) = false;
    return;
  }
  s.day2 = x3::_attr(ctx);
};

// A year range must run forward.
constexpr auto kSetYear2 = [](auto& ctx) {
  Parsed& s = State(ctx);
  if (x3::_attr(ctx) <= s.year) {
    x3::_pass(ctx) = false;
    return;
  }
  s.year2 = x3::_attr(ctx);
};

// A year whose mention starts at the year itself, not at the trigger word.
constexpr auto kSetYearHere = [](auto& ctx) {
  const auto& range = x3::_attr(ctx);
  const char* p = &*range.begin();
  State(ctx).year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 +
                    (p[2] - '0') * 10 + (p[3] - '0');
  State(ctx).begin = p;
};

// The second month of a cross-month range; its day is validated later.
constexpr auto kSetMonth2 = Set(&Parsed::month2);

// ISO and slashed dates are checked here, so an impossible one fails the
// parse instead of becoming a mention.
constexpr bool ValidDate(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear) return false;
  return chrono::year_month_day(chrono::year(y), chrono::month(m),
                                chrono::day(d))
      .ok();
}

constexpr auto kSetIso = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  const int y = boost::fusion::at_c<0>(attr);
  const int m = boost::fusion::at_c<1>(attr);
  const int d = boost::fusion::at_c<2>(attr);
  if (m < 1 || m > 12 || d < 1 || !ValidDate(y, m, d)) {
    x3::_pass(ctx) = false;
    return;
  }
  Parsed& s = State(ctx);
  s.year = y;
  s.month = m;
  s.day = d;
};

// Day first, unless the second number cannot be a month.
constexpr auto kSetSlashed = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  int d = boost::fusion::at_c<0>(attr);
  int m = boost::fusion::at_c<1>(attr);
  const int y = boost::fusion::at_c<2>(attr);
  if (m > 12) std::swap(d, m);
  if (m < 1 || m > 12 || d < 1 || !ValidDate(y, m, d)) {
    x3::_pass(ctx) = false;
    return;
  }
  Parsed& s = State(ctx);
  s.year = y;
  s.month = m;
  s.day = d;
};

// ---------------------------------------------------------------------------
// The grammar.

constexpr auto kOf = W("of");
constexpr auto kYearSep = (kOptionalSpaces >> ',' >> kOptionalSpaces) | kSpaces;
constexpr auto kRangeSep = (kOptionalSpaces >> kDash >> kOptionalSpaces) |
                           (kSpaces >> (W("to") | W("through")) >> kSpaces);
constexpr auto kYearTail = -(kYearSep >> kYearNumber[Set(&Parsed::year)]);

constexpr auto kIso =
    (kFourDigits >> '-' >> kTwoDigits >> '-' >> kTwoDigits)[kSetIso];
constexpr auto kSlashed = (x3::uint_parser<int, 10, 1, 2>() >> '/' >>
                           x3::uint_parser<int, 10, 1, 2>() >> '/' >>
                           kFourDigits >> !x3::lit('/'))[kSetSlashed];
constexpr auto kNumericDate =
    x3::eps[kReset] >> (kIso | kSlashed) >> x3::eps[SetForm(Form::kCalendar)];

// 19 September – 2 October 2023
constexpr auto kDayMonthCross =
    x3::eps[kReset] >> kDayOfMonth[Set(&Parsed::day)] >> kSpaces >>
    -(kOf >> kSpaces) >> kMonthName[Set(&Parsed::month)] >> kRangeSep
    >> kDayOfMonth[Set(&Parsed::day2)] >> kSpaces >>
    -(kOf >> kSpaces) >> kMonthName[kSetMonth2] >> kYearTail
    >> x3::eps[SetForm(Form::kCalendar)];

// 19 September 2023, 19–20 September, the 19th of September
constexpr auto kDayMonth = x3::eps[kReset] >> kDayOfMonth[Set(&Parsed::day)] >>
                           -(kRangeSep >> kDayOfMonth[kSetDay2]) >> kSpaces >>
                           -(kOf >> kSpaces) >>
                           kMonthName[Set(&Parsed::month)] >> kYearTail
                           >> x3::eps[SetForm(Form::kCalendar)];

// Sept. 28 – Oct. 2, 2023
constexpr auto kMonthDayCross =
    x3::eps[kReset] >> kMonthName[Set(&Parsed::month)] >> kOptionalSpaces >>
    kDayOfMonth[Set(&Parsed::day)] >> kRangeSep >> kMonthName[kSetMonth2] >>
    kOptionalSpaces >> kDayOfMonth[Set(&Parsed::day2)] >> kYearTail >>
    x3::eps[SetForm(Form::kCalendar)];

// September 19, 2023; Sept. 19; September 19-20, 2023
constexpr auto kMonthDay = x3::eps[kReset] >> kMonthName[Set(&Parsed::month)] >>
                           kOptionalSpaces >> kDayOfMonth[Set(&Parsed::day)] >>
                           -(kRangeSep >> kDayOfMonth[kSetDay2]) >> kYearTail
                           >> x3::eps[SetForm(Form::kCalendar)];

// September 2022, September of 2022
constexpr auto kMonthYear =
    x3::eps[kReset] >> kMonthName[Set(&Parsed::month)] >>
    ((kSpaces >> kOf >> kSpaces) | kYearSep) >>
    kYearNumber[Set(&Parsed::year)] >> x3::eps[SetForm(Form::kMonthYear)];

constexpr auto kPartOf = Keywords(kParts)[Set(&Parsed::part)] >>
                         (kDash | kSpaces);

constexpr auto kPartOfMonth = x3::eps[kReset] >> kPartOf >>
                              kMonthName[Set(&Parsed::month)] >> kYearTail >>
                              x3::eps[SetForm(Form::kPartOfMonth)];
constexpr auto kPartOfDecade = x3::eps[kReset] >> kPartOf >>
                               kDecadeNumber[Set(&Parsed::year)] >>
                               x3::eps[SetForm(Form::kPartOfDecade)];
constexpr auto kPartOfYear = x3::eps[kReset] >> kPartOf >>
                             kYearNumber[Set(&Parsed::year)] >>
                             x3::eps[SetForm(Form::kPartOfYear)];

constexpr auto kWholeDecade = x3::eps[kReset] >>
                              kDecadeNumber[Set(&Parsed::year)] >>
                              x3::eps[SetForm(Form::kDecade)];

constexpr auto kYearRangeSep =
    (kOptionalSpaces >> kDash >> kOptionalSpaces) |
    (kSpaces >> (W("to") | W("through") | W("until")) >> kSpaces);

// in 2020; from 2019 to 2021. A numeric date after the trigger is left for
// the scan to find at its own start.
constexpr auto kTriggeredYear =
    x3::eps[kReset] >> Keywords(kYearTriggers)[Set(&Parsed::trigger)] >> kSpaces
    >> !(kIso | kSlashed) >> x3::raw[kYearNumber][kSetYearHere] >>
    -(kYearRangeSep >> kYearNumber[kSetYear2]) >> x3::eps[SetForm(Form::kYear)];

constexpr auto kBetweenYears =
    x3::eps[kReset] >> W("between") >> kSpaces
    >> x3::raw[kYearNumber][kSetYearHere] >> kSpaces >> W("and") >> kSpaces
    >> kYearNumber[kSetYear2] >> x3::eps[SetForm(Form::kYear)];

constexpr auto kRelativeUnit =
    x3::eps[kReset] >> Keywords(kRelatives)[Set(&Parsed::relative)] >> kSpaces
    >> Keywords(kRelativeUnits)[Set(&Parsed::unit)] >>
    x3::eps[SetForm(Form::kRelativeUnit)];

constexpr auto kRollingUnit = x3::eps[kReset] >> W("the") >> kSpaces >>
                              (W("last") | W("past")) >> kSpaces >>
                              Keywords(kRelativeUnits)[Set(&Parsed::unit)] >>
                              x3::eps[SetForm(Form::kRollingUnit)];

constexpr auto kRelativeMonth =
    x3::eps[kReset] >> Keywords(kRelatives)[Set(&Parsed::relative)] >> kSpaces
    >>
    kMonthName[Set(&Parsed::month)] >> x3::eps[SetForm(Form::kRelativeMonth)];

constexpr auto kRelativeDay = x3::eps[kReset] >>
                              Keywords(kRelativeDays)[Set(&Parsed::relative)] >>
                              x3::eps[SetForm(Form::kRelativeDay)];

constexpr auto kCount =
    (W("a") >> kSpaces >> W("few"))[SetCount(2, 4)] |
    (W("a") >> kSpaces >> W("couple") >> kSpaces >> kOf)[SetCount(2, 2)] |
    W("several")[SetCount(3, 7)] | (W("a") | W("an"))[SetCount(1, 1)] |
    Keywords(kCountWords)[kSetCount] |
    (x3::uint_parser<int, 10, 1, 3>() >> !kDigit)[kSetCount];

constexpr auto kSetDirection = [](auto& ctx) {
  State(ctx).direction = x3::_attr(ctx);
  State(ctx).form = x3::_attr(ctx) == 0 ? Form::kEventOffset : Form::kOffset;
};

constexpr auto kOffsetPhrase =
    x3::eps[kReset] >> kCount >> kSpaces >>
    Keywords(kOffsetUnits)[Set(&Parsed::unit)] >> kSpaces >>
    Keywords(kDirections)[kSetDirection];

// Longer forms first: X3 alternatives are ordered, the first match wins.
constexpr auto kDateGrammar =
    kNumericDate | kDayMonthCross | kDayMonth | kWholeDecade | kOffsetPhrase |
    kMonthDayCross | kMonthYear | kMonthDay | kPartOfMonth | kPartOfDecade |
    kPartOfYear | kTriggeredYear | kBetweenYears | kRollingUnit |
    kRelativeUnit | kRelativeMonth | kRelativeDay;

// After a year: ", 2012", " and 2016", ", 2012, and 2016".
constexpr auto kYearListTail = ((kOptionalSpaces >> ',' >> kOptionalSpaces >>
                                 -((W("and") | W("or")) >> kSpaces)) |
                                (kSpaces >> (W("and") | W("or")) >> kSpaces)) >>
                               x3::raw[kYearNumber][kSetYearHere];

// ---------------------------------------------------------------------------
// Scanning.

// Lower-case first words of the grammar's word-initial forms; anything else
// cannot start a date, so the grammar is not tried there.
constexpr std::string_view kStartWords[] = {
    "a",         "after",     "an",       "apr",        "april",    "aug",
    "august",    "before",    "between",  "by",         "circa",    "dec",
    "december",  "during",    "early",    "eight",      "eighteen", "eighty",
    "eleven",    "feb",       "february", "fifteen",    "fifty",    "five",
    "forty",     "four",      "fourteen", "from",       "in",       "jan",
    "january",   "jul",       "july",     "jun",        "june",     "last",
    "late",      "mar",       "march",    "may",        "mid",      "next",
    "nine",      "nineteen",  "ninety",   "nov",        "november", "oct",
    "october",   "of",        "one",      "sep",        "sept",     "september",
    "seven",     "seventeen", "seventy",  "several",    "since",    "six",
    "sixteen",   "sixty",     "ten",      "the",        "thirteen", "thirty",
    "this",      "three",     "through",  "throughout", "till",     "today",
    "tomorrow",  "twelve",    "twenty",   "two",        "until",    "year",
    "yesterday",
};
constexpr WordSet kStartWordSet(kStartWords);

bool IsStartWord(std::string_view word) { return kStartWordSet.Contains(word); }

// Irregular plurals and words ending in -s that are not plural, for the
// "of 2000 votes" check.
bool LooksLikePluralNoun(std::string_view word) {
  if (word.empty() || !IsAsciiLower(word[0])) return false;
  constexpr std::string_view kIrregular[] = {"people", "children", "men",
                                             "women", "police"};
  for (std::string_view w : kIrregular) {
    if (word == w) return true;
  }
  constexpr std::string_view kNotPlural[] = {"was",  "has", "is",   "as", "its",
                                             "this", "his", "thus", "us"};
  for (std::string_view w : kNotPlural) {
    if (word == w) return false;
  }
  return word.size() > 2 && word.back() == 's' && word[word.size() - 2] != 's';
}

// The word after the white space at `p`, if any.
std::string_view NextWord(const char* p, const char* end) {
  while (size_t n = SpaceAt(p, end)) p += n;
  return std::string_view(p, LetterRun(p, end));
}

struct Match {
  size_t begin = 0;
  size_t end = 0;
  Parsed parsed;
};

// A text that is nothing but a year ("2020" as a ledger's date field or a
// heading) is that year; only in running text does a bare year need a
// trigger word.
std::optional<Match> WholeTextYear(std::string_view text) {
  const std::string_view year = TrimBlanks(text);
  int value = 0;
  if (year.size() != 4 ||
      !Digits(year.data(), year.data() + year.size(), 4, &value)) {
    return std::nullopt;
  }
  if (value < kMinYear || value > kMaxYear) return std::nullopt;
  Match m;
  m.begin = static_cast<size_t>(year.data() - text.data());
  m.end = m.begin + year.size();
  m.parsed.form = Form::kYear;
  m.parsed.year = value;
  return m;
}

// Leftmost-longest matches of the grammar, in text order.
std::vector<Match> Scan(std::string_view text) {
  std::vector<Match> out;
  if (std::optional<Match> year = WholeTextYear(text)) {
    out.push_back(*year);
    return out;
  }
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (!IsAsciiAlnum(c) || (i > 0 && IsAsciiAlnum(text[i - 1]))) {
      ++i;
      continue;
    }
    const size_t word_end = i + std::max<size_t>(LetterRun(begin + i, end), 1);
    if (IsAsciiDigit(c)) {
      // Not the tail of "1,200", "3.19" or "10:19".
      if (i >= 2 && IsAsciiDigit(text[i - 2]) &&
          (text[i - 1] == ',' || text[i - 1] == '.' || text[i - 1] == ':' ||
           text[i - 1] == '/')) {
        ++i;
        continue;
      }
    } else if (!IsStartWord(text.substr(i, word_end - i))) {
      i = word_end;
      continue;
    }
    Parsed parsed;
    const char* first = begin + i;
    bool ok = false;
    ok = ParseWithState<StateTag>(first, end, kDateGrammar, parsed);
    if (ok && parsed.form == Form::kYear &&
        parsed.trigger == kCountCheckTrigger && parsed.year2 == 0 &&
        LooksLikePluralNoun(NextWord(first, end))) {
      ok = false;
    }
    if (!ok) {
      i = word_end;
      continue;
    }
    const char* mention_begin = parsed.begin ? parsed.begin : begin + i;
    out.push_back({static_cast<size_t>(mention_begin - begin),
                   static_cast<size_t>(first - begin), parsed});
    // A list of years after a single year: "in 2008, 2012 and 2016".
    if (parsed.form == Form::kYear && parsed.year2 == 0) {
      for (;;) {
        Parsed next;
        const char* p = first;
        if (!ParseWithState<StateTag>(p, end, kYearListTail, next)) {
          break;
        }
        next.form = Form::kYear;
        out.push_back({static_cast<size_t>(next.begin - begin),
                       static_cast<size_t>(p - begin), next});
        first = p;
      }
    }
    i = static_cast<size_t>(first - begin);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Resolution against the reference date.

using chrono::sys_days;
using chrono::year_month_day;

year_month_day ToCivil(int32_t day_number) {
  return year_month_day(sys_days(chrono::days(day_number)));
}

int LastDayOfMonth(int y, int m) {
  return static_cast<int>(static_cast<unsigned>(
      chrono::year_month_day_last(chrono::year(y),
                                  chrono::month_day_last(chrono::month(m)))
          .day()));
}

DateInterval Interval(int32_t first, int32_t last, DatePrecision p) {
  DateInterval d;
  d.first = first;
  d.last = last;
  d.precision = p;
  return d;
}

DateInterval MonthInterval(int y, int m, DatePrecision p) {
  return Interval(DayNumber(y, m, 1), DayNumber(y, m, LastDayOfMonth(y, m)), p);
}

DateInterval YearsInterval(int y1, int y2, DatePrecision p) {
  return Interval(DayNumber(y1, 1, 1), DayNumber(y2, 12, 31), p);
}

// `day_number` moved by `n` calendar months, clamped to the month's end
// (31 March minus one month is 28 or 29 February).
int32_t AddMonths(int32_t day_number, int n) {
  const year_month_day ymd = ToCivil(day_number);
  const int y = static_cast<int>(ymd.year());
  const int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  const int d = static_cast<int>(static_cast<unsigned>(ymd.day()));
  const int total = y * 12 + (m - 1) + n;
  const int ny = total >= 0 ? total / 12 : (total - 11) / 12;
  const int nm = total - ny * 12 + 1;
  return DayNumber(ny, nm, std::min(d, LastDayOfMonth(ny, nm)));
}

// `day_number` moved by `n` units.
int32_t Shift(int32_t day_number, int unit, int n) {
  switch (unit) {
    case kDayUnit:
      return day_number + n;
    case kWeekUnit:
      return day_number + 7 * n;
    case kMonthUnit:
      return AddMonths(day_number, n);
    case kYearUnit:
      return AddMonths(day_number, 12 * n);
    case kDecadeUnit:
      return AddMonths(day_number, 120 * n);
    default:
      return AddMonths(day_number, 1200 * n);
  }
}

// Half a unit, the slack either side of "N units ago".
int32_t HalfUnitDays(int unit) {
  switch (unit) {
    case kDayUnit:
      return 0;
    case kWeekUnit:
      return 3;
    case kMonthUnit:
      return 15;
    case kYearUnit:
      return 182;
    case kDecadeUnit:
      return 1826;
    default:
      return 18262;
  }
}

int YearOf(int32_t day_number) {
  return static_cast<int>(ToCivil(day_number).year());
}
int MonthOf(int32_t day_number) {
  return static_cast<int>(static_cast<unsigned>(ToCivil(day_number).month()));
}

// "the 1800s" and "the 1900s" are centuries; "the 2000s" and "the 1990s"
// decades.
int DecadeLength(int first_year) {
  return first_year % 100 == 0 && first_year < 2000 ? 100 : 10;
}

std::optional<DateInterval> ResolveCalendar(const Parsed& p,
                                            std::optional<int32_t> reference) {
  int y = p.year;
  if (y == 0) {
    if (!reference) return std::nullopt;
    y = YearOf(*reference);
  }
  const int m2 = p.month2 != 0 ? p.month2 : p.month;
  const int d2 = p.day2 != 0 ? p.day2 : p.day;
  // "Dec. 28 – Jan. 3, 2024": the written year is the range's end.
  const int y1 = p.month2 != 0 && p.month2 < p.month ? y - 1 : y;
  if (!ValidDate(y1, p.month, p.day) || !ValidDate(y, m2, d2)) {
    return std::nullopt;
  }
  const int32_t first = DayNumber(y1, p.month, p.day);
  const int32_t last = DayNumber(y, m2, d2);
  if (last < first) return std::nullopt;
  return Interval(first, last, DatePrecision::kDay);
}

std::optional<DateInterval> Resolve(const Parsed& p,
                                    std::optional<int32_t> reference) {
  constexpr DatePrecision kApprox = DatePrecision::kApproximate;
  switch (p.form) {
    case Form::kCalendar:
      return ResolveCalendar(p, reference);
    case Form::kMonthYear:
      return MonthInterval(p.year, p.month, DatePrecision::kMonth);
    case Form::kPartOfMonth: {
      int y = p.year;
      if (y == 0) {
        if (!reference) return std::nullopt;
        y = YearOf(*reference);
      }
      const int last = LastDayOfMonth(y, p.month);
      const int from[] = {1, 10, 20};
      const int to[] = {10, 20, last};
      return Interval(DayNumber(y, p.month, from[p.part - 1]),
                      DayNumber(y, p.month, to[p.part - 1]), kApprox);
    }
    case Form::kPartOfYear: {
      const int from_month = 1 + 4 * (p.part - 1);
      return Interval(DayNumber(p.year, from_month, 1),
                      DayNumber(p.year, from_month + 4, 1) - 1, kApprox);
    }
    case Form::kPartOfDecade: {
      const int length = DecadeLength(p.year);
      const int from = (p.part - 1) * length * 3 / 10;
      const int to = p.part == 3 ? length - 1 : from + length * 3 / 10;
      return YearsInterval(p.year + from, p.year + to, kApprox);
    }
    case Form::kDecade:
      return YearsInterval(p.year, p.year + DecadeLength(p.year) - 1, kApprox);
    case Form::kYear:
      return YearsInterval(p.year, p.year2 != 0 ? p.year2 : p.year,
                           DatePrecision::kYear);
    case Form::kEventOffset:
    case Form::kNone:
      return std::nullopt;
    default:
      break;
  }
  // Everything below counts from the reference.
  if (!reference) return std::nullopt;
  const int32_t ref = *reference;
  switch (p.form) {
    case Form::kRelativeDay:
      return Interval(ref + p.relative, ref + p.relative, DatePrecision::kDay);
    case Form::kRelativeUnit:
      if (p.unit == kYearUnit) {
        const int y = YearOf(ref) + p.relative;
        return YearsInterval(y, y, DatePrecision::kYear);
      }
      if (p.unit == kMonthUnit) {
        const int32_t shifted = AddMonths(ref, p.relative);
        return MonthInterval(YearOf(shifted), MonthOf(shifted),
                             DatePrecision::kMonth);
      } else {
        // 1970-01-01 (day 0) was a Thursday: Monday is day 4 mod 7.
        const int32_t weekday = ((ref - 4) % 7 + 7) % 7;  // 0 = Monday
        const int32_t monday = ref - weekday + 7 * p.relative;
        return Interval(monday, monday + 6, kApprox);
      }
    case Form::kRollingUnit:
      return Interval(Shift(ref, p.unit, -1), ref, kApprox);
    case Form::kRelativeMonth: {
      const int ref_year = YearOf(ref);
      const int ref_month = MonthOf(ref);
      int y = ref_year;
      if (p.relative < 0 && p.month >= ref_month) y = ref_year - 1;
      if (p.relative > 0 && p.month <= ref_month) y = ref_year + 1;
      return MonthInterval(y, p.month, DatePrecision::kMonth);
    }
    case Form::kOffset: {
      // "999 centuries ago" would leave the years std::chrono can hold.
      if (p.unit == kCenturyUnit && p.count_high > 100) return std::nullopt;
      const int half = HalfUnitDays(p.unit);
      if (p.direction < 0) {
        return Interval(Shift(ref, p.unit, -p.count_high) - half,
                        Shift(ref, p.unit, -p.count_low) + half, kApprox);
      }
      return Interval(Shift(ref, p.unit, p.count_low) - half,
                      Shift(ref, p.unit, p.count_high) + half, kApprox);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

int32_t DayNumber(int year, int month, int day) {
  // Months outside 1–12 and days outside the month carry over, so callers
  // can do arithmetic ("the 0th of March" is the last day of February).
  const int total = year * 12 + (month - 1);
  const int y = total >= 0 ? total / 12 : (total - 11) / 12;
  const int m = total - y * 12 + 1;
  const sys_days first =
      sys_days(chrono::year(y) / chrono::month(static_cast<unsigned>(m)) /
               chrono::day(1));
  return static_cast<int32_t>(first.time_since_epoch().count()) + (day - 1);
}

std::string DayToIso(int32_t day) {
  const year_month_day ymd = ToCivil(day);
  const int y = static_cast<int>(ymd.year());
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%04d-%02u-%02u", y < 0 ? "-" : "",
                y < 0 ? -y : y, static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::vector<DateMention> FindDates(std::string_view text,
                                   std::optional<int32_t> reference) {
  // A reference must be a plausible document date: day arithmetic near the
  // ends of int32_t would overflow, and std::chrono years stop at 32767.
  if (reference && (*reference < DayNumber(1, 1, 1) ||
                    *reference > DayNumber(9999, 12, 31))) {
    reference = std::nullopt;
  }
  std::vector<DateMention> out;
  for (const Match& m : Scan(text)) {
    std::optional<DateInterval> interval = Resolve(m.parsed, reference);
    if (!interval) continue;
    DateMention mention;
    mention.begin = m.begin;
    mention.end = m.end;
    mention.interval = *interval;
    out.push_back(mention);
  }
  return out;
}

namespace extract_internal {

std::vector<TextSpan> DateSpans(std::string_view text) {
  std::vector<TextSpan> out;
  for (const Match& m : Scan(text)) out.push_back({m.begin, m.end});
  return out;
}

}  // namespace extract_internal
}  // namespace provcheck
