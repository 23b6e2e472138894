// Quantities in news prose, found with a Boost.Spirit X3 grammar and
// normalised to a value with the interval its wording allows.
//
// Policy.
//  - Numbers: digits with or without thousands commas ("1,200,000",
//    "120000"), decimals ("1.2"), scale words and suffixes ("1.2 million",
//    "1.2m", "4.5bn", "50k"), number words ("three", "twenty-five", "a
//    hundred", "two thousand", "a dozen", "half a million"). Number words
//    count only when a counted noun follows ("three people", not "one of
//    them"): alone they are too often pronouns or idioms.
//  - Units, normalised: "percent" (%, percent, per cent, pct),
//    "percentage points", "km" (km, kilometres, kilometers, "12-kilometer"),
//    "mi", "m" (metres, not "m" after a number, which is a million), "kg",
//    "t", "ha", "km2", "mi2", "lb", and currencies by ISO code ($ and US$
//    USD, € EUR, £ GBP, yen JPY, yuan CNY, roubles RUB, rupees INR). Counts
//    of things have unit "": the thing is the noun.
//  - Wording, as [low, high] around the stated value v:
//      exact                                      [v, v]
//      about, around, roughly, some, an estimated [0.9v, 1.1v]
//      nearly, almost, close to, just under       [0.9v, v]
//      more than, over, at least, above, upwards  [v, 1.5v]
//      up to, as many as, fewer/less than, under  [v/1.5, v]
//      "5,000 to 6,000", "between 5,000 and 6,000", "10–15%": [5000, 6000],
//        value the midpoint
//      dozens of [24, 99] (value 24), scores of [40, 99], hundreds of
//        [200, 999], thousands of [2,000, 9,999], tens of thousands of
//        [20,000, 99,999], hundreds of thousands of [200,000, 999,999],
//        millions of, tens of millions of, billions of likewise
//      a few hundred [200, 500], several hundred [300, 900] (and thousand,
//        million, billion)
//    Everything but exact values is approximate. Unbounded wordings get
//    half as much again because "more than 5,000" is rarely said of 50,000.
//  - The noun is the head of the noun phrase after the quantity, lower
//    case, plural kept: "120,000 residents fled" -> "residents", "a
//    12-kilometer border segment" -> "segment", "80 percent of voters" ->
//    "voters". It is found by a word heuristic (no tagger): up to three
//    words that are not function words, stopping after a plural.
//  - Not quantities: numbers inside date expressions (the grammar in
//    dates.cc decides, so "19 September 2023" and "in 2020" give nothing),
//    a four-digit year before a singular noun ("the 2020 election"), parts
//    of names and labels ("Formula 1", "Article 5", "Windows 11", "the 737
//    Max", "G20", "COVID-19", "No. 10"), numbers joined by hyphens, colons
//    or slashes ("4-3 win", "10:30", "24/7", phone numbers), numbers with a
//    leading zero ("020"), ordinals ("21st"), numbers glued to letters
//    ("5G") and numbers followed by another number ("7946 0958").
//
// Cost: as for dates, the grammar is tried only at digits, currency signs
// and words that can start a quantity, and each attempt reads a bounded
// number of bytes, so a scan is linear in the text (plus one date scan).

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extract/date_spans.h"
#include "extract/grammar_util.h"
#include "provcheck/normalize.h"

namespace provcheck {
namespace {

namespace x3 = boost::spirit::x3;

using extract_internal::AsciiLower;
using extract_internal::DashAt;
using extract_internal::DateSpans;
using extract_internal::IsAsciiAlnum;
using extract_internal::IsAsciiDigit;
using extract_internal::IsAsciiLetter;
using extract_internal::IsAsciiLower;
using extract_internal::IsAsciiUpper;
using extract_internal::kDash;
using extract_internal::kDigit;
using extract_internal::Keyword;
using extract_internal::Keywords;
using extract_internal::kLetter;
using extract_internal::kOptionalSpaces;
using extract_internal::kSpaces;
using extract_internal::LetterRun;
using extract_internal::ParseWithState;
using extract_internal::SpaceAt;
using extract_internal::TextSpan;
using extract_internal::W;
using extract_internal::WordSet;

// ---------------------------------------------------------------------------
// What the grammar recognised.

enum Modifier { kExact = 0, kAbout, kNearly, kAbove, kBelow };

// Normalised units; the index is the attribute of the unit tables.
enum UnitId {
  kNoUnit = 0,
  kPercent,
  kPercentagePoints,
  kKm,
  kMi,
  kMetre,
  kKg,
  kTonne,
  kHectare,
  kKm2,
  kMi2,
  kPound,
  kUsd,
  kEur,
  kGbp,
  kJpy,
  kCny,
  kRub,
  kInr,
};

constexpr std::string_view kUnitNames[] = {
    "",    "percent", "percentage points",
    "km",  "mi",      "m",
    "kg",  "t",       "ha",
    "km2", "mi2",     "lb",
    "USD", "EUR",     "GBP",
    "JPY", "CNY",     "RUB",
    "INR",
};

static_assert(std::size(kUnitNames) == kInr + 1);

enum RangeSeparator { kNoRange = 0, kHyphenRange, kOtherRange };

struct QState {
  int modifier = kExact;
  // The number as written.
  double value = 0;
  double scale = 1;
  bool plain = true;  // digits only: no commas, decimals, scale or unit
  const char* number_begin = nullptr;
  const char* number_end = nullptr;
  // A range's second number.
  double value2 = 0;
  double scale2 = 1;
  int range = kNoRange;
  int pending_range = kNoRange;
  int unit = kNoUnit;
  bool adjectival_unit = false;  // "a 12-kilometer segment"
  bool words = false;            // written in words: needs a noun
  bool vague = false;            // dozens of, a few hundred
  double vague_low = 0;
  double vague_high = 0;
  // Number words being assembled.
  int lead = 0;
  int rest = 0;
};

struct StateTag;

template <typename Context>
QState& State(const Context& ctx) {
  return x3::get<StateTag>(ctx);
}

// ---------------------------------------------------------------------------
// Tables.

constexpr Keyword kScaleWords[] = {
    {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
    {"bn", 9},       {"mn", 6},      {"mln", 6},     {"tn", 12},
};
// Suffixes written against the digits: "1.2m", "$4.5bn", "50k".
constexpr Keyword kGluedScales[] = {
    {"k", 3}, {"m", 6}, {"mn", 6}, {"mln", 6}, {"bn", 9}, {"b", 9}, {"tn", 12},
};
constexpr Keyword kGluedUnits[] = {{"km", kKm}, {"kg", kKg}};
// After a hyphen: "a 12-kilometer segment", "a 5-mile stretch".
constexpr Keyword kAdjectivalUnits[] = {
    {"km", kKm},     {"kilometer", kKm},    {"kilometre", kKm},
    {"mile", kMi},   {"metre", kMetre},     {"meter", kMetre},
    {"kg", kKg},     {"kilogram", kKg},     {"tonne", kTonne},
    {"ton", kTonne}, {"hectare", kHectare}, {"percent", kPercent},
};
constexpr Keyword kUnitWords[] = {
    {"percent", kPercent}, {"pct", kPercent},      {"km", kKm},
    {"kms", kKm},          {"kilometers", kKm},    {"kilometres", kKm},
    {"kilometer", kKm},    {"kilometre", kKm},     {"miles", kMi},
    {"mile", kMi},         {"metres", kMetre},     {"meters", kMetre},
    {"metre", kMetre},     {"meter", kMetre},      {"kg", kKg},
    {"kilograms", kKg},    {"kilogrammes", kKg},   {"tonnes", kTonne},
    {"tons", kTonne},      {"hectares", kHectare}, {"ha", kHectare},
    {"dollars", kUsd},     {"euros", kEur},        {"pounds", kPound},
    {"yen", kJpy},         {"yuan", kCny},         {"renminbi", kCny},
    {"rubles", kRub},      {"roubles", kRub},      {"rupees", kInr},
    {"usd", kUsd},         {"eur", kEur},          {"gbp", kGbp},
};
constexpr Keyword kSquareUnits[] = {
    {"kilometres", kKm2}, {"kilometers", kKm2}, {"km", kKm2},
    {"miles", kMi2},      {"mi", kMi2},
};

constexpr Keyword kSmallNumbers[] = {
    {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
    {"five", 5},       {"six", 6},       {"seven", 7},     {"eight", 8},
    {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},
    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},    {"forty", 40},    {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},   {"eighty", 80},   {"ninety", 90},
};
constexpr Keyword kTens[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};
constexpr Keyword kDigitWords[] = {
    {"one", 1}, {"two", 2},   {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9},
};
constexpr Keyword kWordScales[] = {
    {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}};
constexpr Keyword kFewScales[] = {
    {"hundred", 2}, {"thousand", 3}, {"million", 6}, {"billion", 9}};

// ---------------------------------------------------------------------------
// Semantic actions (see dates.cc for the discipline that keeps a failed
// branch from leaving state behind).

constexpr double Pow10(int n) {
  double v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

// The value of the digits in [p, end) ("1,200.5"), or -1 for what is an
// identifier rather than a number: a superfluous leading zero ("020",
// "007"), more than nine digits without thousands separators (phone and
// account numbers), or more than fifteen digits, beyond what a double holds
// exactly.
inline double DigitsValue(const char* p, const char* end, bool* plain) {
  constexpr int kMaxPlainDigits = 9;
  constexpr int kMaxDigits = 15;
  if (end - p > 1 && p[0] == '0' && IsAsciiDigit(p[1])) return -1;
  double mantissa = 0;
  int digits = 0;
  int integer_digits = 0;
  int decimals = 0;
  bool after_point = false;
  bool grouped = false;
  for (; p != end; ++p) {
    if (*p == ',') {
      grouped = true;
    } else if (*p == '.') {
      after_point = true;
    } else {
      mantissa = mantissa * 10 + (*p - '0');
      ++digits;
      if (after_point) {
        ++decimals;
      } else {
        ++integer_digits;
      }
    }
  }
  if (digits > kMaxDigits || (!grouped && integer_digits > kMaxPlainDigits)) {
    return -1;
  }
  *plain = !grouped && !after_point;
  return mantissa / Pow10(decimals);
}

constexpr auto kReset = [](auto& ctx) { State(ctx) = QState(); };

// Clears all but the modifier, which is parsed before the alternatives.
constexpr auto kResetCore = [](auto& ctx) {
  const int modifier = State(ctx).modifier;
  State(ctx) = QState();
  State(ctx).modifier = modifier;
};

constexpr auto SetModifier(Modifier m) {
  return [m](auto& ctx) { State(ctx).modifier = m; };
}

constexpr auto kSetNumber = [](auto& ctx) {
  QState& s = State(ctx);
  const auto& range = x3::_attr(ctx);
  const char* b = &*range.begin();
  const char* e = b + (range.end() - range.begin());
  bool plain = true;
  const double v = DigitsValue(b, e, &plain);
  if (v < 0) {
    x3::_pass(ctx) = false;
    return;
  }
  s.value = v;
  s.plain = s.plain && plain;
  s.number_begin = b;
  s.number_end = e;
};

constexpr auto kSetNumber2 = [](auto& ctx) {
  const auto& range = x3::_attr(ctx);
  const char* b = &*range.begin();
  const char* e = b + (range.end() - range.begin());
  bool plain = true;
  const double v = DigitsValue(b, e, &plain);
  if (v < 0) {
    x3::_pass(ctx) = false;
    return;
  }
  State(ctx).value2 = v;
};

// A range must rise ("fell from 6,000 to 5,000" is two numbers, "4–3" a
// score), and a bare hyphen needs a unit or scale to be a range ("10-15%",
// "2-3 million"), else the single-number branch gets to look at it.
constexpr auto kCommitRange = [](auto& ctx) {
  QState& s = State(ctx);
  const double scale1 = s.scale != 1 ? s.scale : s.scale2;
  if (s.value2 * s.scale2 <= s.value * scale1 ||
      (s.pending_range == kHyphenRange && s.unit == kNoUnit && s.scale == 1 &&
       s.scale2 == 1)) {
    x3::_pass(ctx) = false;
    return;
  }
  s.range = s.pending_range;
  s.plain = false;
};

constexpr auto kSetScale = [](auto& ctx) {
  State(ctx).scale = Pow10(x3::_attr(ctx));
  State(ctx).plain = false;
};
constexpr auto kSetScale2 = [](auto& ctx) {
  State(ctx).scale2 = Pow10(x3::_attr(ctx));
};

constexpr auto SetUnit(int unit) {
  return [unit](auto& ctx) {
    State(ctx).unit = unit;
    State(ctx).plain = false;
  };
}
constexpr auto kSetUnit = [](auto& ctx) {
  State(ctx).unit = x3::_attr(ctx);
  State(ctx).plain = false;
};
constexpr auto kSetAdjectivalUnit = [](auto& ctx) {
  State(ctx).unit = x3::_attr(ctx);
  State(ctx).adjectival_unit = true;
  State(ctx).plain = false;
};

constexpr auto SetPendingRange(int kind) {
  return [kind](auto& ctx) { State(ctx).pending_range = kind; };
}

constexpr auto SetVague(double value, double high) {
  return [value, high](auto& ctx) {
    QState& s = State(ctx);
    s.vague = true;
    s.value = value;
    s.vague_low = value;
    s.vague_high = high;
    s.plain = false;
  };
}

// "a few hundred", "several thousand": low and high multiples of the scale.
constexpr auto SetFew(int low, int high) {
  return [low, high](auto& ctx) {
    State(ctx).lead = low;
    State(ctx).rest = high;
  };
}
constexpr auto kCommitFew = [](auto& ctx) {
  QState& s = State(ctx);
  const double scale = Pow10(x3::_attr(ctx));
  s.vague = true;
  s.value = s.lead * scale;
  s.vague_low = s.lead * scale;
  s.vague_high = s.rest * scale;
  s.plain = false;
};

constexpr auto SetLead(int v) {
  return [v](auto& ctx) { State(ctx).lead = v; };
}
constexpr auto SetWord(int QState::*field) {
  return [field](auto& ctx) { State(ctx).*field = x3::_attr(ctx); };
}
// "twenty-five"
constexpr auto SetCompound(int QState::*field) {
  return [field](auto& ctx) {
    const auto& attr = x3::_attr(ctx);
    State(ctx).*field =
        boost::fusion::at_c<0>(attr) + boost::fusion::at_c<1>(attr);
  };
}

constexpr auto WordsValue(double multiplier) {
  return [multiplier](auto& ctx) {
    QState& s = State(ctx);
    s.words = true;
    s.plain = false;
    s.value = s.lead * multiplier;
  };
}
constexpr auto kWordsHundreds = [](auto& ctx) {
  QState& s = State(ctx);
  s.words = true;
  s.plain = false;
  s.value = s.lead * 100.0 + s.rest;
};
constexpr auto kWordsScale = [](auto& ctx) {
  QState& s = State(ctx);
  s.value *= Pow10(x3::_attr(ctx));
};
constexpr auto kLeadTimesScale = [](auto& ctx) {
  QState& s = State(ctx);
  s.words = true;
  s.plain = false;
  s.value = s.lead * Pow10(x3::_attr(ctx));
};
constexpr auto kHalfScale = [](auto& ctx) {
  QState& s = State(ctx);
  s.words = true;
  s.plain = false;
  s.value = 0.5 * Pow10(x3::_attr(ctx));
};

// ---------------------------------------------------------------------------
// The grammar.

constexpr auto kOf = W("of");

constexpr auto kAboveWords =
    (W("more") >> kSpaces >> W("than")) |
    (W("greater") >> kSpaces >> W("than")) |
    (W("just") >> kSpaces >> W("over")) | (W("well") >> kSpaces >> W("over")) |
    W("over") | (W("upwards") >> kSpaces >> kOf) |
    (W("in") >> kSpaces >> W("excess") >> kSpaces >> kOf) | W("above") |
    (W("at") >> kSpaces >> W("least")) |
    (W("no") >> kSpaces >> (W("fewer") | W("less")) >> kSpaces >> W("than"));
constexpr auto kBelowWords =
    (W("up") >> kSpaces >> W("to")) |
    (W("as") >> kSpaces >> (W("many") | W("much")) >> kSpaces >> W("as")) |
    ((W("fewer") | W("less")) >> kSpaces >> W("than")) | W("under") |
    W("below") | (W("no") >> kSpaces >> W("more") >> kSpaces >> W("than")) |
    (W("at") >> kSpaces >> W("most"));
constexpr auto kNearlyWords =
    W("nearly") | W("almost") | (W("close") >> kSpaces >> W("to")) |
    (W("just") >> kSpaces >> W("under")) |
    (W("just") >> kSpaces >> W("shy") >> kSpaces >> kOf) | W("approaching");
constexpr auto kAboutWords =
    W("about") | W("around") | W("roughly") | W("approximately") | W("some") |
    (W("an") >> kSpaces >> W("estimated")) | W("estimated") | W("circa") |
    (W("approx") >> -x3::lit('.'));
constexpr auto kModifierWords =
    kAboveWords[SetModifier(kAbove)] | kBelowWords[SetModifier(kBelow)] |
    kNearlyWords[SetModifier(kNearly)] | kAboutWords[SetModifier(kAbout)];

constexpr auto kCurrency =
    ((x3::lit("US$") | x3::lit('$') | W("usd"))[SetUnit(kUsd)] |
     (x3::lit("\xE2\x82\xAC") | W("eur"))[SetUnit(kEur)] |  // €
     (x3::lit("\xC2\xA3") | W("gbp"))[SetUnit(kGbp)]) >>    // £
    kOptionalSpaces;

constexpr auto kDigits = ((x3::uint_parser<unsigned, 10, 1, 3>() >>
                           +(',' >> x3::uint_parser<unsigned, 10, 3, 3>() >>
                             !kDigit)) |
                          +kDigit) >>
                         -('.' >> +kDigit);
constexpr auto kNumber1 = x3::raw[kDigits][kSetNumber];
constexpr auto kNumber2 = x3::raw[kDigits][kSetNumber2];

constexpr auto kGluedScale = Keywords(kGluedScales);
constexpr auto kSpacedScale = kSpaces >> Keywords(kScaleWords);
constexpr auto kScale1 = kGluedScale[kSetScale] | kSpacedScale[kSetScale];
constexpr auto kScale2 = kGluedScale[kSetScale2] | kSpacedScale[kSetScale2];

constexpr auto kSpacedUnit =
    (W("per") >> kSpaces >> W("cent"))[SetUnit(kPercent)] |
    (W("percentage") >> kSpaces >>
     (W("points") | W("point")))[SetUnit(kPercentagePoints)] |
    (W("square") >> kSpaces >> Keywords(kSquareUnits))[kSetUnit] |
    (W("sq") >> -x3::lit('.') >> kSpaces >> Keywords(kSquareUnits))[kSetUnit] |
    (W("pounds") >> kSpaces >> W("sterling"))[SetUnit(kGbp)] |
    Keywords(kUnitWords)[kSetUnit];

constexpr auto kUnitSuffix =
    (kOptionalSpaces >> '%')[SetUnit(kPercent)] |
    Keywords(kGluedUnits)[kSetUnit] |
    (kDash >> Keywords(kAdjectivalUnits))[kSetAdjectivalUnit] |
    (kSpaces >> kSpacedUnit);

// Nothing may be glued to the end of a quantity ("5G", "21st"), and a
// second decimal point makes a version or an address ("2.0.1").
constexpr auto kEndOfNumber =
    !(kLetter | kDigit | (x3::lit('.') >> kDigit) | (x3::lit(',') >> kDigit));

constexpr auto kRangeSep =
    (x3::lit('-') >> &kDigit)[SetPendingRange(kHyphenRange)] |
    ((kOptionalSpaces >> kDash >> kOptionalSpaces) |
     (kSpaces >> W("to") >> kSpaces))[SetPendingRange(kOtherRange)];

// 5,000 to 6,000 people; 10-15%; $2–3 billion
constexpr auto kRangeCore = x3::eps[kResetCore] >> -kCurrency >> kNumber1 >>
                            -kScale1 >> kRangeSep >> -kCurrency >> kNumber2 >>
                            -kScale2 >> -kUnitSuffix >> kEndOfNumber >>
                            x3::eps[kCommitRange];

constexpr auto kBetweenCore =
    x3::eps[kResetCore] >> W("between") >> kSpaces >> -kCurrency >> kNumber1 >>
    -kScale1 >> kSpaces >>
    W("and") >> x3::eps[SetPendingRange(kOtherRange)] >> kSpaces >> -kCurrency
    >> kNumber2 >> -kScale2 >> -kUnitSuffix >> kEndOfNumber
    >> x3::eps[kCommitRange];

constexpr auto kSingleCore = x3::eps[kResetCore] >> -kCurrency >> kNumber1 >>
                             -kScale1 >> -kUnitSuffix >> kEndOfNumber;

constexpr auto kVagueCount = x3::eps[kResetCore] >>
                             ((W("tens") >> kSpaces >> kOf >> kSpaces >>
                               W("thousands"))[SetVague(2e4, 99999)] |
                              (W("hundreds") >> kSpaces >> kOf >> kSpaces >>
                               W("thousands"))[SetVague(2e5, 999999)] |
                              (W("tens") >> kSpaces >> kOf >> kSpaces >>
                               W("millions"))[SetVague(2e7, 99999999)] |
                              (W("hundreds") >> kSpaces >> kOf >> kSpaces >>
                               W("millions"))[SetVague(2e8, 999999999)] |
                              W("dozens")[SetVague(24, 99)] |
                              W("scores")[SetVague(40, 99)] |
                              W("hundreds")[SetVague(200, 999)] |
                              W("thousands")[SetVague(2000, 9999)] |
                              W("millions")[SetVague(2e6, 9999999)] |
                              W("billions")[SetVague(2e9, 9999999999)]) >>
                             kSpaces >> kOf;

constexpr auto kFewScale = x3::eps[kResetCore] >>
                           ((W("a") >> kSpaces >> W("few"))[SetFew(2, 5)] |
                            W("several")[SetFew(3, 9)]) >>
                           kSpaces >> Keywords(kFewScales)[kCommitFew];

// One to ninety-nine in words, stored in `field`.
constexpr auto SmallNumber(int QState::*field) {
  return (Keywords(kTens) >> kDash >>
          Keywords(kDigitWords))[SetCompound(field)] |
         Keywords(kSmallNumbers)[SetWord(field)];
}
constexpr auto kSmallNumber = SmallNumber(&QState::lead);
constexpr auto kLeadNumber = (W("a") | W("an"))[SetLead(1)] | kSmallNumber;

constexpr auto kWordsCore =
    x3::eps[kResetCore] >>
    ((kLeadNumber >> kSpaces >> W("hundred") >>
      -(kSpaces >> -(W("and") >> kSpaces) >> SmallNumber(&QState::rest)) >>
      x3::eps[kWordsHundreds] >>
      -(kSpaces >> Keywords(kWordScales)[kWordsScale])) |
     (W("half") >> kSpaces >> W("a") >> kSpaces >>
      Keywords(kWordScales)[kHalfScale]) |
     (kLeadNumber >> kSpaces >> Keywords(kWordScales)[kLeadTimesScale]) |
     (kLeadNumber >> kSpaces >> W("dozen") >> x3::eps[WordsValue(12)]) |
     (kSmallNumber >> x3::eps[WordsValue(1)])) >>
    -(kSpaces >> kSpacedUnit) >> kEndOfNumber;

// The mention starts at the modifier.
constexpr auto kQuantityGrammar = x3::eps[kReset] >>
                                  -(kModifierWords >> kSpaces) >>
                                  (kVagueCount | kFewScale | kBetweenCore |
                                   kRangeCore | kSingleCore | kWordsCore);

// ---------------------------------------------------------------------------
// Scanning.

// Lower-case first words of the word-initial forms.
constexpr std::string_view kStartWords[] = {
    "a",           "about",     "above",         "almost",   "an",
    "approaching", "approx",    "approximately", "around",   "as",
    "at",          "below",     "between",       "billions", "circa",
    "close",       "dozens",    "eight",         "eighteen", "eighty",
    "eleven",      "estimated", "eur",           "fewer",    "fifteen",
    "fifty",       "five",      "forty",         "four",     "fourteen",
    "gbp",         "greater",   "half",          "hundreds", "in",
    "just",        "less",      "millions",      "more",     "nearly",
    "nine",        "nineteen",  "ninety",        "no",       "one",
    "over",        "roughly",   "scores",        "seven",    "seventeen",
    "seventy",     "several",   "six",           "sixteen",  "sixty",
    "some",        "ten",       "tens",          "thirteen", "thirty",
    "thousands",   "three",     "twelve",        "twenty",   "two",
    "under",       "up",        "upwards",       "us",       "usd",
    "well",
};
constexpr WordSet kStartWordsSet(kStartWords);

// Words that end a noun phrase before its head: function words, pronouns,
// auxiliaries, the commonest verbs of reporting and irregular past tenses
// (the regular ones end in -ed, see HeadNoun).
constexpr std::string_view kStopWords[] = {
    "a",       "about",   "according", "across",  "after",    "again",
    "against", "ago",     "all",       "almost",  "along",    "already",
    "also",    "among",   "an",        "and",     "are",      "around",
    "as",      "at",      "be",        "became",  "because",  "been",
    "before",  "began",   "being",     "between", "both",     "brought",
    "built",   "but",     "by",        "came",    "can",      "come",
    "comes",   "could",   "did",       "do",      "does",     "down",
    "during",  "each",    "earlier",   "either",  "else",     "ever",
    "every",   "fell",    "fled",      "for",     "found",    "from",
    "gave",    "got",     "grew",      "had",     "has",      "have",
    "he",      "held",    "her",       "here",    "him",      "his",
    "how",     "i",       "if",        "in",      "includes", "including",
    "into",    "is",      "it",        "its",     "just",     "kept",
    "last",    "later",   "left",      "less",    "lies",     "like",
    "lost",    "made",    "may",       "means",   "met",      "might",
    "more",    "most",    "must",      "my",      "near",     "nearly",
    "next",    "no",      "nor",       "not",     "now",      "of",
    "off",     "on",      "once",      "only",    "onto",     "or",
    "other",   "our",     "out",       "over",    "paid",     "per",
    "ran",     "remain",  "remains",   "rose",    "run",      "runs",
    "said",    "saw",     "say",       "says",    "seems",    "sent",
    "she",     "should",  "since",     "so",      "some",     "spent",
    "still",   "stood",   "such",      "than",    "that",     "the",
    "their",   "them",    "then",      "there",   "these",    "they",
    "this",    "those",   "though",    "through", "thus",     "to",
    "told",    "too",     "took",      "toward",  "towards",  "under",
    "until",   "up",      "upon",      "us",      "very",     "via",
    "was",     "we",      "went",      "were",    "what",     "when",
    "where",   "whether", "which",     "while",   "who",      "whom",
    "whose",   "will",    "with",      "within",  "without",  "would",
    "yet",     "you",     "your",
};
constexpr WordSet kStopWordsSet(kStopWords);

// Plurals without a final s, which end the noun phrase like other plurals.
// ("police" and "staff" are left out: they are as often modifiers, as in
// "300 police officers".)
constexpr std::string_view kIrregularPlurals[] = {
    "cattle", "children", "men", "people", "personnel", "sheep", "women",
};
constexpr WordSet kIrregularPluralsSet(kIrregularPlurals);

// Lower-case nouns that label rather than count ("article 5", "flight
// 370").
constexpr std::string_view kLabelNouns[] = {
    "amendment", "article",    "chapter", "clause",     "exit",      "flight",
    "gate",      "grade",      "highway", "interstate", "level",     "line",
    "model",     "no",         "number",  "page",       "paragraph", "phase",
    "platform",  "resolution", "room",    "route",      "section",   "stage",
    "version",   "volume",
};
constexpr WordSet kLabelNounsSet(kLabelNouns);

// Capitalised words that open sentences or precede counts, so a number after
// them is not a label ("In 300 cases", "Some 300 people"). Lower case.
constexpr std::string_view kNotLabels[] = {
    "about",  "after", "all",  "almost", "also",  "and",    "another",
    "around", "as",    "at",   "before", "but",   "by",     "during",
    "for",    "from",  "in",   "just",   "last",  "nearly", "of",
    "on",     "only",  "or",   "over",   "since", "so",     "some",
    "than",   "that",  "the",  "then",   "these", "those",  "to",
    "total",  "until", "when", "while",  "with",
};
constexpr WordSet kNotLabelsSet(kNotLabels);

bool IsPlural(std::string_view lower) {
  if (kIrregularPluralsSet.Contains(lower)) return true;
  if (lower.size() < 3 || lower.back() != 's') return false;
  const char before = lower[lower.size() - 2];
  // "bus", "crisis", "glass" are singular.
  return before != 's' && before != 'u' && before != 'i';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

const char* SkipSpaces(const char* p, const char* end) {
  while (size_t n = SpaceAt(p, end)) p += n;
  return p;
}

// A word for the noun heuristic: letters, with inner hyphens and
// apostrophes ("war-torn", "children's" stops at the apostrophe).
std::string_view WordAt(const char* p, const char* end) {
  const char* q = p;
  while (q != end) {
    if (IsAsciiLetter(*q)) {
      ++q;
    } else if (*q == '-' && q != p && q + 1 != end && IsAsciiLetter(q[1])) {
      ++q;
    } else {
      break;
    }
  }
  return std::string_view(p, static_cast<size_t>(q - p));
}

// Where the counted noun of a quantity is.
enum NounAt {
  kNounNext,           // "120,000 residents", "a 12-kilometer segment"
  kNounNextOrAfterOf,  // "$4.5bn loan", "$4.5bn of assets", "dozens of"
  kNounAfterOf,        // "80 percent of voters", "12 km of road", but not
                       // "20 km away"
};

// `after_article`: "a 12 km stretch" uses the measure as an adjective, as
// "a 12-km stretch" does; "12 km away" does not.
NounAt NounPlacement(const QState& s, bool after_article) {
  if (s.vague) return kNounNextOrAfterOf;
  if (s.unit == kNoUnit || s.adjectival_unit) return kNounNext;
  if (s.unit >= kUsd || after_article) return kNounNextOrAfterOf;
  return kNounAfterOf;
}

// The head noun after a quantity ending at `p` (see the policy above).
std::string HeadNoun(const char* p, const char* end, NounAt placement,
                     bool has_unit) {
  if (p != end && *p == '-') {
    const std::string_view hyphenated = WordAt(p + 1, end);
    // "a 10-year plan": the number counts years, whatever the plan is.
    if (!has_unit) return Lower(hyphenated);
    // "12-kilometer-long segment": skip the adjective's tail.
    p += 1 + hyphenated.size();
  }
  const char* q = SkipSpaces(p, end);
  if (q == p) return "";
  p = q;
  if (placement != kNounNext) {
    // Vague counts end with their "of"; shares and measures are followed
    // by it.
    const std::string_view w = WordAt(p, end);
    if (Lower(w) == "of") {
      p = SkipSpaces(p + w.size(), end);
    } else if (placement == kNounAfterOf) {
      return "";
    }
    const std::string lower = Lower(WordAt(p, end));
    if (lower == "the" || lower == "their" || lower == "its" ||
        lower == "our" || lower == "all") {
      p = SkipSpaces(p + lower.size(), end);
    }
  }
  std::string head;
  for (int taken = 0; taken < 3; ++taken) {
    const std::string_view w = WordAt(p, end);
    if (w.empty()) break;
    const std::string lower = Lower(w);
    if (kStopWordsSet.Contains(lower)) break;
    // A participle after a noun is a verb ("a segment opened").
    if (taken > 0 && lower.size() >= 4 &&
        lower.compare(lower.size() - 2, 2, "ed") == 0) {
      break;
    }
    head = lower;
    if (IsPlural(lower)) break;
    const char* next = p + w.size();
    q = SkipSpaces(next, end);
    if (q == next) break;  // punctuation ends the phrase
    p = q;
  }
  return head;
}

// The word that ends right before `p` (after white space), if any.
std::string_view PreviousWord(const char* begin, const char* p) {
  const char* q = p;
  while (q != begin) {
    const char c = q[-1];
    if (c == ' ' || c == '\t' || c == '\n') {
      --q;
    } else if (q - begin >= 2 && q[-2] == '\xC2' && c == '\xA0') {
      q -= 2;
    } else {
      break;
    }
  }
  if (q == p) return {};
  const char* w = q;
  while (w != begin && IsAsciiLetter(w[-1])) --w;
  return std::string_view(w, static_cast<size_t>(q - w));
}

// True when the plain number [b, e) is a label, a time, a phone number or
// a year rather than a count (see the policy above).
bool IsNotACount(const char* text_begin, const char* text_end, const char* b,
                 const char* e) {
  // Joined to more digits: "4-3", "10:30", "24/7", "202-555-0143".
  if (e != text_end && (*e == ':' || *e == '/')) return true;
  if (size_t n = DashAt(e, text_end);
      n && e + n != text_end && IsAsciiDigit(e[n])) {
    return true;
  }
  // Followed or preceded by another number: "020 7946 0958".
  const char* after = SkipSpaces(e, text_end);
  if (after != e && after != text_end && IsAsciiDigit(*after)) return true;
  const char* before = b;
  while (before != text_begin && before[-1] == ' ') --before;
  if (before != b && before != text_begin && IsAsciiDigit(before[-1])) {
    return true;
  }
  // "'s": "the 2020's", a year or a name.
  if (e != text_end && (*e == '\'' || *e == '\xE2')) {
    const std::string_view rest(e, static_cast<size_t>(text_end - e));
    if (rest.substr(0, 2) == "'s" || rest.substr(0, 4) == "\xE2\x80\x99s") {
      return true;
    }
  }
  // Times: "at 10 a.m.".
  const std::string_view next = WordAt(after, text_end);
  const std::string next_lower = Lower(next);
  if (after != e &&
      (next_lower == "a" || next_lower == "p" || next_lower == "am" ||
       next_lower == "pm" || next_lower == "gmt" || next_lower == "utc")) {
    if (next_lower.size() > 1 || (after + 1 != text_end && after[1] == '.')) {
      return true;
    }
  }
  // Labels: "Formula 1", "Article 5", "article 5", "No. 10".
  const std::string_view prev = PreviousWord(text_begin, b);
  if (b - text_begin >= 2 && b[-1] == ' ' && b[-2] == '.') {
    const char* period = b - 2;
    const char* w = period;
    while (w != text_begin && IsAsciiLetter(w[-1])) --w;
    const std::string lower =
        Lower(std::string_view(w, static_cast<size_t>(period - w)));
    if (lower == "no" || lower == "nos" || lower == "art" || lower == "fig" ||
        lower == "vol" || lower == "ch" || lower == "p" || lower == "pp" ||
        lower == "sec") {
      return true;
    }
  }
  const bool prev_adjacent =
      !prev.empty() && prev.data() + prev.size() + 1 == b;
  // Any capital makes a name: "Formula", "iPhone".
  if (prev_adjacent && std::any_of(prev.begin(), prev.end(), IsAsciiUpper) &&
      !kNotLabelsSet.Contains(prev)) {
    return true;
  }
  if (prev_adjacent && kLabelNounsSet.Contains(prev)) return true;
  // "the 737 Max", "a 2020 Toyota": a determiner before, a name after.
  if (after != e && !next.empty() && IsAsciiUpper(next[0])) {
    const std::string prev_lower = Lower(prev);
    if (prev_lower == "the" || prev_lower == "a" || prev_lower == "an" ||
        (!prev.empty() && IsAsciiUpper(prev[0]))) {
      return true;
    }
  }
  // A year before a singular noun: "the 2020 election".
  if (e - b == 4) {
    const int v = (b[0] - '0') * 1000 + (b[1] - '0') * 100 + (b[2] - '0') * 10 +
                  (b[3] - '0');
    if (v >= 1000 && v <= 2100 && after != e && !next.empty() &&
        IsAsciiLower(next[0]) && !IsPlural(next_lower) &&
        !kStopWordsSet.Contains(next_lower)) {
      return true;
    }
  }
  return false;
}

// True when a number may start at byte `i`: not inside a word, a longer
// number ("1,200"), a hyphenated name ("COVID-19") or a score ("4-3").
bool NumberMayStartAt(std::string_view text, size_t i) {
  if (i == 0) return true;
  const char prev = text[i - 1];
  if (IsAsciiAlnum(prev)) return false;
  if (prev == '.' || prev == ',' || prev == '+' || prev == '#' || prev == '/' ||
      prev == ':' || prev == '_' || prev == '@') {
    return false;
  }
  // A dash just before: a compound or a score.
  for (size_t len : {size_t{1}, size_t{3}}) {
    if (i >= len && DashAt(text.data() + i - len, text.data() + i) == len) {
      return false;
    }
  }
  return true;
}

bool CurrencyMayStartAt(std::string_view text, size_t i) {
  return i == 0 || !IsAsciiLetter(text[i - 1]);
}

Quantity Normalise(const QState& s) {
  Quantity q;
  q.unit = std::string(kUnitNames[s.unit]);
  if (s.vague) {
    q.value = s.value;
    q.low = s.vague_low;
    q.high = s.vague_high;
    q.approximate = true;
    return q;
  }
  const double v = s.value * s.scale;
  if (s.range != kNoRange) {
    // "2-3 million": the first number takes the second's scale.
    const double scale1 = s.scale != 1 ? s.scale : s.scale2;
    q.low = s.value * scale1;
    q.high = s.value2 * s.scale2;
    q.value = (q.low + q.high) / 2;
    q.approximate = true;
    return q;
  }
  q.value = v;
  switch (s.modifier) {
    case kAbout:
      q.low = 0.9 * v;
      q.high = 1.1 * v;
      break;
    case kNearly:
      q.low = 0.9 * v;
      q.high = v;
      break;
    case kAbove:
      q.low = v;
      q.high = 1.5 * v;
      break;
    case kBelow:
      q.low = v / 1.5;
      q.high = v;
      break;
    default:
      q.low = q.high = v;
      break;
  }
  q.approximate = s.modifier != kExact;
  return q;
}

}  // namespace

std::vector<QuantityMention> FindQuantities(std::string_view text) {
  std::vector<QuantityMention> out;
  const std::vector<TextSpan> dates = DateSpans(text);
  size_t next_date = 0;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    size_t word_end = i + 1;
    bool try_here = false;
    if (IsAsciiDigit(c)) {
      try_here = NumberMayStartAt(text, i);
    } else if (c == '$' || c == '\xE2' || c == '\xC2') {
      try_here = CurrencyMayStartAt(text, i) &&
                 (c == '$' || text.substr(i, 3) == "\xE2\x82\xAC" ||
                  text.substr(i, 2) == "\xC2\xA3");
    } else if (IsAsciiLetter(c) && (i == 0 || !IsAsciiAlnum(text[i - 1]))) {
      word_end = i + LetterRun(begin + i, end);
      try_here = kStartWordsSet.Contains(text.substr(i, word_end - i));
    }
    if (!try_here) {
      i = word_end;
      continue;
    }
    QState s;
    const char* first = begin + i;
    const bool ok = ParseWithState<StateTag>(first, end, kQuantityGrammar, s);
    if (!ok) {
      i = word_end;
      continue;
    }
    const size_t match_end = static_cast<size_t>(first - begin);
    bool keep = true;
    // Numbers inside dates belong to the date ("19 September 2023", "three
    // decades earlier"); number words have no digits, so their whole
    // match is checked.
    {
      const size_t nb = s.number_begin != nullptr
                            ? static_cast<size_t>(s.number_begin - begin)
                            : i;
      const size_t ne = s.number_end != nullptr
                            ? static_cast<size_t>(s.number_end - begin)
                            : match_end;
      while (next_date < dates.size() && dates[next_date].end <= nb) {
        ++next_date;
      }
      if (next_date < dates.size() && dates[next_date].begin < ne) {
        keep = false;
      }
    }
    if (keep && s.plain && s.range == kNoRange && s.modifier == kExact &&
        IsNotACount(begin, end, s.number_begin, s.number_end)) {
      keep = false;
    }
    std::string noun;
    if (keep) {
      const std::string before = Lower(PreviousWord(begin, begin + i));
      const bool after_article =
          before == "a" || before == "an" || before == "the";
      noun = HeadNoun(first, end, NounPlacement(s, after_article),
                      s.unit != kNoUnit);
      if (s.words && noun.empty() && s.unit == kNoUnit) keep = false;
    }
    if (!keep) {
      // Step over the whole number so that its tail is not tried again.
      i = s.number_end != nullptr
              ? std::max(word_end, static_cast<size_t>(s.number_end - begin))
              : word_end;
      continue;
    }
    QuantityMention m;
    m.begin = i;
    m.end = match_end;
    m.quantity = Normalise(s);
    m.noun = std::move(noun);
    out.push_back(std::move(m));
    i = match_end;
  }
  return out;
}

}  // namespace provcheck
