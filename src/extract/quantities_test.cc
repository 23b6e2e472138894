#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provcheck/normalize.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct QuantityRow {
  const char* text;
  const char* span;
  double value;
  double low;
  double high;
  const char* unit;
  bool approximate;
  const char* noun;
};

constexpr bool kApprox = true;
constexpr bool kExact = false;

// The mentions of `text`, cut out by their offsets.
std::vector<std::string> Spans(std::string_view text) {
  std::vector<std::string> out;
  for (const QuantityMention& m : FindQuantities(text)) {
    out.emplace_back(text.substr(m.begin, m.end - m.begin));
  }
  return out;
}

void ExpectNear(double actual, double expected, const char* what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::fabs(expected)))
      << what;
}

// Checks a table of sentences with exactly one quantity each.
void CheckRows(const QuantityRow* rows, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    const QuantityRow& row = rows[i];
    SCOPED_TRACE(std::string("input: ") + row.text);
    const std::string_view text = row.text;
    const std::vector<QuantityMention> found = FindQuantities(text);
    ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(Spans(text));
    const QuantityMention& m = found[0];
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), row.span);
    ExpectNear(m.quantity.value, row.value, "value");
    ExpectNear(m.quantity.low, row.low, "low");
    ExpectNear(m.quantity.high, row.high, "high");
    EXPECT_EQ(m.quantity.unit, row.unit);
    EXPECT_EQ(m.quantity.approximate, row.approximate);
    EXPECT_EQ(m.noun, row.noun);
  }
}

const QuantityRow kModifierRows[] = {
    {"Nearly 120,000 residents fled.", "Nearly 120,000", 120000, 108000, 120000,
     "", kApprox, "residents"},
    {"They say nearly 120,000 residents fled.", "nearly 120,000", 120000,
     108000, 120000, "", kApprox, "residents"},
    {"The fire destroyed almost 300 homes.", "almost 300", 300, 270, 300, "",
     kApprox, "homes"},
    {"It sent close to 2,000 soldiers.", "close to 2,000", 2000, 1800, 2000, "",
     kApprox, "soldiers"},
    {"He won just under 50 percent of the vote.", "just under 50 percent", 50,
     45, 50, "percent", kApprox, "vote"},
    {"Police detained about 1,200 people.", "about 1,200", 1200, 1080, 1320, "",
     kApprox, "people"},
    {"Around 400 families remain.", "Around 400", 400, 360, 440, "", kApprox,
     "families"},
    {"It deployed roughly 3,500 troops.", "roughly 3,500", 3500, 3150, 3850, "",
     kApprox, "troops"},
    {"Some 5,000 protesters gathered.", "Some 5,000", 5000, 4500, 5500, "",
     kApprox, "protesters"},
    {"Approximately 70 villages were hit.", "Approximately 70", 70, 63, 77, "",
     kApprox, "villages"},
    {"An estimated 100,000 refugees crossed.", "An estimated 100,000", 100000,
     90000, 110000, "", kApprox, "refugees"},
    {"About 80 percent of voters agreed.", "About 80 percent", 80, 72, 88,
     "percent", kApprox, "voters"},
    {"More than 5,000 people marched.", "More than 5,000", 5000, 5000, 7500, "",
     kApprox, "people"},
    {"Police made over 300 arrests.", "over 300", 300, 300, 450, "", kApprox,
     "arrests"},
    {"At least 12 people were killed.", "At least 12", 12, 12, 18, "", kApprox,
     "people"},
    {"Upwards of 1,000 vehicles queued.", "Upwards of 1,000", 1000, 1000, 1500,
     "", kApprox, "vehicles"},
    {"More than 1.2 million people voted.", "More than 1.2 million", 1.2e6,
     1.2e6, 1.8e6, "", kApprox, "people"},
    {"It gathered well over 10,000 signatures.", "well over 10,000", 10000,
     10000, 15000, "", kApprox, "signatures"},
    {"Losses were in excess of $1bn.", "in excess of $1bn", 1e9, 1e9, 1.5e9,
     "USD", kApprox, ""},
    {"Prices rose up to 80 percent.", "up to 80 percent", 80, 80 / 1.5, 80,
     "percent", kApprox, ""},
    {"As many as 3,000 soldiers died.", "As many as 3,000", 3000, 2000, 3000,
     "", kApprox, "soldiers"},
    {"Fewer than 100 people came.", "Fewer than 100", 100, 100 / 1.5, 100, "",
     kApprox, "people"},
    {"Turnout was less than 5%.", "less than 5%", 5, 5 / 1.5, 5, "percent",
     kApprox, ""},
    {"The town is under 20 kilometres away.", "under 20 kilometres", 20,
     20 / 1.5, 20, "km", kApprox, ""},
    {"The hall seats no more than 200 guests.", "no more than 200", 200,
     200 / 1.5, 200, "", kApprox, "guests"},
    {"Nearly $4.5bn was pledged.", "Nearly $4.5bn", 4.5e9, 4.05e9, 4.5e9, "USD",
     kApprox, ""},
    {"It costs about €3 billion in total.", "about €3 billion", 3e9, 2.7e9,
     3.3e9, "EUR", kApprox, ""},
    {"Support fell to more than 80% of adults.", "more than 80%", 80, 80, 120,
     "percent", kApprox, "adults"},
    {"It pumps roughly 1.5 million barrels a day.", "roughly 1.5 million",
     1.5e6, 1.35e6, 1.65e6, "", kApprox, "barrels"},
    {"The front is around 20 km away.", "around 20 km", 20, 18, 22, "km",
     kApprox, ""},
    {"At least 40 dead were counted.", "At least 40", 40, 40, 60, "", kApprox,
     "dead"},
    {"(about 300 people) were there", "about 300", 300, 270, 330, "", kApprox,
     "people"},
    {"It took no fewer than 30 hours.", "no fewer than 30", 30, 30, 45, "",
     kApprox, "hours"},
};

const QuantityRow kNumberRows[] = {
    {"The city has 1.2 million residents.", "1.2 million", 1.2e6, 1.2e6, 1.2e6,
     "", kExact, "residents"},
    {"The show drew 1.2m viewers.", "1.2m", 1.2e6, 1.2e6, 1.2e6, "", kExact,
     "viewers"},
    {"It agreed a $4.5bn loan.", "$4.5bn", 4.5e9, 4.5e9, 4.5e9, "USD", kExact,
     "loan"},
    {"A €3 billion package passed.", "€3 billion", 3e9, 3e9, 3e9, "EUR", kExact,
     "package"},
    {"He paid £40m for it.", "£40m", 4e7, 4e7, 4e7, "GBP", kExact, ""},
    {"It wrote off $4.5bn of assets.", "$4.5bn", 4.5e9, 4.5e9, 4.5e9, "USD",
     kExact, "assets"},
    {"The fund holds US$2.5 billion.", "US$2.5 billion", 2.5e9, 2.5e9, 2.5e9,
     "USD", kExact, ""},
    {"He earns a $50k salary.", "$50k", 5e4, 5e4, 5e4, "USD", kExact, "salary"},
    {"The EU pledged 3 billion euros.", "3 billion euros", 3e9, 3e9, 3e9, "EUR",
     kExact, ""},
    {"It cost 500 million dollars.", "500 million dollars", 5e8, 5e8, 5e8,
     "USD", kExact, ""},
    {"The census counted 1,200,000 people.", "1,200,000", 1.2e6, 1.2e6, 1.2e6,
     "", kExact, "people"},
    {"The region had 120000 residents.", "120000", 120000, 120000, 120000, "",
     kExact, "residents"},
    {"The enclave had 120,000 residents.", "120,000", 120000, 120000, 120000,
     "", kExact, "residents"},
    {"The 2,020 people who came were tired.", "2,020", 2020, 2020, 2020, "",
     kExact, "people"},
    {"There were 2020 votes cast.", "2020", 2020, 2020, 2020, "", kExact,
     "votes"},
    {"Only 6 people came.", "6", 6, 6, 6, "", kExact, "people"},
    {"Turnout was 7.5 percent.", "7.5 percent", 7.5, 7.5, 7.5, "percent",
     kExact, ""},
    {"Inflation was 0.5 percent.", "0.5 percent", 0.5, 0.5, 0.5, "percent",
     kExact, ""},
    {"It has 4,000 displaced residents.", "4,000", 4000, 4000, 4000, "", kExact,
     "residents"},
    {"It sent 300 police officers.", "300", 300, 300, 300, "", kExact,
     "officers"},
    {"It sent 1,000 NATO troops.", "1,000", 1000, 1000, 1000, "", kExact,
     "troops"},
    {"The 120,000 ethnic Armenians left.", "120,000", 120000, 120000, 120000,
     "", kExact, "armenians"},
    {"They destroyed 3,000 homes last year.", "3,000", 3000, 3000, 3000, "",
     kExact, "homes"},
    {"It lasted 12 months.", "12", 12, 12, 12, "", kExact, "months"},
    {"He served 3 years.", "3", 3, 3, 3, "", kExact, "years"},
    {"They adopted a 10-year plan.", "10", 10, 10, 10, "", kExact, "year"},
    {"He found 7,500 ballots.", "7,500", 7500, 7500, 7500, "", kExact,
     "ballots"},
    {"The debt is 90 percent of GDP.", "90 percent", 90, 90, 90, "percent",
     kExact, "gdp"},
    {"100,000 refugees crossed.", "100,000", 100000, 100000, 100000, "", kExact,
     "refugees"},
    {"It holds 40,000 ethnic Armenians.", "40,000", 40000, 40000, 40000, "",
     kExact, "armenians"},
    {"The 1,500 workers struck.", "1,500", 1500, 1500, 1500, "", kExact,
     "workers"},
};

const QuantityRow kUnitRows[] = {
    {"Turnout was 80 percent.", "80 percent", 80, 80, 80, "percent", kExact,
     ""},
    {"Turnout was 80%.", "80%", 80, 80, 80, "percent", kExact, ""},
    {"Turnout was 80 per cent.", "80 per cent", 80, 80, 80, "percent", kExact,
     ""},
    {"Turnout was 80 pct.", "80 pct", 80, 80, 80, "percent", kExact, ""},
    {"Turnout was 80 % overall.", "80 %", 80, 80, 80, "percent", kExact, ""},
    {"Turnout was 2.5 per cent.", "2.5 per cent", 2.5, 2.5, 2.5, "percent",
     kExact, ""},
    {"80 percent of the vote went to him.", "80 percent", 80, 80, 80, "percent",
     kExact, "vote"},
    {"Support rose 3.2 percentage points.", "3.2 percentage points", 3.2, 3.2,
     3.2, "percentage points", kExact, ""},
    {"They built a 12-kilometer segment.", "12-kilometer", 12, 12, 12, "km",
     kExact, "segment"},
    {"They built a 12-kilometer border segment.", "12-kilometer", 12, 12, 12,
     "km", kExact, "segment"},
    {"They built a 12-kilometre-long wall.", "12-kilometre", 12, 12, 12, "km",
     kExact, "wall"},
    {"They built a 12-km fence.", "12-km", 12, 12, 12, "km", kExact, "fence"},
    {"They built 12 km of road.", "12 km", 12, 12, 12, "km", kExact, "road"},
    {"They built 12 kilometres of road.", "12 kilometres", 12, 12, 12, "km",
     kExact, "road"},
    {"They built 12 kilometers of road.", "12 kilometers", 12, 12, 12, "km",
     kExact, "road"},
    {"They built a 12 km stretch of road.", "12 km", 12, 12, 12, "km", kExact,
     "stretch"},
    {"They built 12km of road.", "12km", 12, 12, 12, "km", kExact, "road"},
    {"The queue was 5 miles long.", "5 miles", 5, 5, 5, "mi", kExact, ""},
    {"It was a 5-mile stretch of coast.", "5-mile", 5, 5, 5, "mi", kExact,
     "stretch"},
    {"It was a 20-mile drive.", "20-mile", 20, 20, 20, "mi", kExact, "drive"},
    {"It covers 500 square kilometres.", "500 square kilometres", 500, 500, 500,
     "km2", kExact, ""},
    {"It covers 1,500 square miles.", "1,500 square miles", 1500, 1500, 1500,
     "mi2", kExact, ""},
    {"They shipped 40 tonnes of aid.", "40 tonnes", 40, 40, 40, "t", kExact,
     "aid"},
    {"Fire burned 200 hectares.", "200 hectares", 200, 200, 200, "ha", kExact,
     ""},
    {"He carried 60 kg up the hill.", "60 kg", 60, 60, 60, "kg", kExact, ""},
    {"The wall is 1,500 metres long.", "1,500 metres", 1500, 1500, 1500, "m",
     kExact, ""},
    {"Tokyo spent 10 billion yen.", "10 billion yen", 1e10, 1e10, 1e10, "JPY",
     kExact, ""},
    {"The fine was 5 million roubles.", "5 million roubles", 5e6, 5e6, 5e6,
     "RUB", kExact, ""},
    {"A loaf costs 100 rubles.", "100 rubles", 100, 100, 100, "RUB", kExact,
     ""},
    {"They are 50 kilometers from the border.", "50 kilometers", 50, 50, 50,
     "km", kExact, ""},
    {"The grant is £2 million.", "£2 million", 2e6, 2e6, 2e6, "GBP", kExact,
     ""},
};

const QuantityRow kVagueRows[] = {
    {"Dozens of soldiers were hurt.", "Dozens of", 24, 24, 99, "", kApprox,
     "soldiers"},
    {"They killed dozens of people.", "dozens of", 24, 24, 99, "", kApprox,
     "people"},
    {"Hundreds of homes burned.", "Hundreds of", 200, 200, 999, "", kApprox,
     "homes"},
    {"Thousands of protesters marched.", "Thousands of", 2000, 2000, 9999, "",
     kApprox, "protesters"},
    {"Tens of thousands of refugees fled.", "Tens of thousands of", 20000,
     20000, 99999, "", kApprox, "refugees"},
    {"Hundreds of thousands of people fled.", "Hundreds of thousands of",
     200000, 200000, 999999, "", kApprox, "people"},
    {"It cost millions of dollars.", "millions of", 2e6, 2e6, 9999999, "",
     kApprox, "dollars"},
    {"Scores of bodies were found.", "Scores of", 40, 40, 99, "", kApprox,
     "bodies"},
    {"Several hundred soldiers surrendered.", "Several hundred", 300, 300, 900,
     "", kApprox, "soldiers"},
    {"A few thousand supporters came.", "A few thousand", 2000, 2000, 5000, "",
     kApprox, "supporters"},
    {"Dozens of the wounded died.", "Dozens of", 24, 24, 99, "", kApprox,
     "wounded"},
};

const QuantityRow kWordRows[] = {
    {"Three people were killed.", "Three", 3, 3, 3, "", kExact, "people"},
    {"The siege killed three people.", "three", 3, 3, 3, "", kExact, "people"},
    {"It lasted twelve months.", "twelve", 12, 12, 12, "", kExact, "months"},
    {"They razed a hundred villages.", "a hundred", 100, 100, 100, "", kExact,
     "villages"},
    {"It built two hundred and fifty homes.", "two hundred and fifty", 250, 250,
     250, "", kExact, "homes"},
    {"It closed twenty-five schools.", "twenty-five", 25, 25, 25, "", kExact,
     "schools"},
    {"Three children were rescued.", "Three", 3, 3, 3, "", kExact, "children"},
    {"It sent two thousand troops.", "two thousand", 2000, 2000, 2000, "",
     kExact, "troops"},
    {"She bought a dozen eggs.", "a dozen", 12, 12, 12, "", kExact, "eggs"},
    {"Half a million people fled.", "Half a million", 5e5, 5e5, 5e5, "", kExact,
     "people"},
    {"Only one person survived.", "one", 1, 1, 1, "", kExact, "person"},
    {"Two soldiers died.", "Two", 2, 2, 2, "", kExact, "soldiers"},
    {"A thousand people waited.", "A thousand", 1000, 1000, 1000, "", kExact,
     "people"},
    {"One million people signed.", "One million", 1e6, 1e6, 1e6, "", kExact,
     "people"},
    {"About a dozen houses burned.", "About a dozen", 12, 10.8, 13.2, "",
     kApprox, "houses"},
    {"Nearly three hundred pilgrims drowned.", "Nearly three hundred", 300, 270,
     300, "", kApprox, "pilgrims"},
    {"It fell five percent.", "five percent", 5, 5, 5, "percent", kExact, ""},
    {"Forty-two miners were trapped.", "Forty-two", 42, 42, 42, "", kExact,
     "miners"},
};

const QuantityRow kRangeRows[] = {
    {"Between 5,000 and 6,000 people marched.", "Between 5,000 and 6,000", 5500,
     5000, 6000, "", kApprox, "people"},
    {"It sent 5,000 to 6,000 troops.", "5,000 to 6,000", 5500, 5000, 6000, "",
     kApprox, "troops"},
    {"It sent 5,000–6,000 troops.", "5,000–6,000", 5500, 5000, 6000, "",
     kApprox, "troops"},
    {"Prices rose 10-15% this year.", "10-15%", 12.5, 10, 15, "percent",
     kApprox, ""},
    {"It displaced 2-3 million people.", "2-3 million", 2.5e6, 2e6, 3e6, "",
     kApprox, "people"},
    {"Damage is put at $2–3 billion.", "$2–3 billion", 2.5e9, 2e9, 3e9, "USD",
     kApprox, ""},
    {"The trip takes 3 to 4 hours.", "3 to 4", 3.5, 3, 4, "", kApprox, "hours"},
    {"A 20-30 km corridor was opened.", "20-30 km", 25, 20, 30, "km", kApprox,
     "corridor"},
};

TEST(FindQuantitiesTest, ModifiersSetTheInterval) {
  CheckRows(kModifierRows, std::size(kModifierRows));
}
TEST(FindQuantitiesTest, NumbersScalesAndCurrenciesAreExact) {
  CheckRows(kNumberRows, std::size(kNumberRows));
}
TEST(FindQuantitiesTest, UnitsAreNormalised) {
  CheckRows(kUnitRows, std::size(kUnitRows));
}
TEST(FindQuantitiesTest, VagueCountsAreWideIntervals) {
  CheckRows(kVagueRows, std::size(kVagueRows));
}
TEST(FindQuantitiesTest, NumberWordsBeforeANounAreCounts) {
  CheckRows(kWordRows, std::size(kWordRows));
}
TEST(FindQuantitiesTest, RangesSpanBothEnds) {
  CheckRows(kRangeRows, std::size(kRangeRows));
}

TEST(FindQuantitiesTest, TablesHoldAHundredForms) {
  EXPECT_GE(std::size(kModifierRows) + std::size(kNumberRows) +
                std::size(kUnitRows) + std::size(kVagueRows) +
                std::size(kWordRows) + std::size(kRangeRows),
            100u);
}

// Sentences whose numbers are not quantities.
const char* const kNegativeRows[] = {
    "He won the Formula 1 title.",
    "COVID-19 cases rose.",
    "Regulators grounded the 737 Max.",
    "The G20 summit opened.",
    "NATO invoked Article 5 of the treaty.",
    "See article 5 of the charter.",
    "Windows 11 is out.",
    "Call 202-555-0143 for tickets.",
    "Call +44 20 7946 0958 for tickets.",
    "A 4-3 win sent them through.",
    "A 2–2 draw left both out.",
    "They lost 4–3 on penalties.",
    "The meeting is at 10:30.",
    "The meeting is at 10 a.m. sharp.",
    "We offer 24/7 coverage.",
    "He spoke outside No. 10.",
    "The 21st century began.",
    "The 5G network is live.",
    "On 19 September 2023 it began.",
    "It began in 2020.",
    "The 2020 election was close.",
    "It began on Sept. 19.",
    "It ended three decades earlier.",
    "One of them spoke.",
    "Some people said so.",
    "Over the years it grew.",
    "They talked about the plan.",
    "They killed dozens.",
    "A few spoke.",
    "The meeting was in Room 101.",
    "Flight 370 vanished.",
    "MH17 was shot down.",
    "The iPhone 15 sold well.",
    "F-16 jets flew over.",
    "It evokes the 1990s.",
    "Agent 007 returns.",
    "Version 2.0.1 is out.",
    "It happened in May 2020.",
    "Section 230 protects them.",
    "UN Resolution 2334 passed.",
    "The Boeing 747 retired.",
    "It was a decade-long war.",
    "It was one year after the war.",
    "They fell from 2019 to 2021.",
    "Account 4155550143 was frozen.",
    "It read 1234567890123456789 units.",
    "",
};

TEST(FindQuantitiesTest, LabelsDatesAndCodesAreNotQuantities) {
  ASSERT_GE(std::size(kNegativeRows), 30u);
  for (const char* text : kNegativeRows) {
    SCOPED_TRACE(std::string("input: ") + text);
    EXPECT_THAT(Spans(text), IsEmpty());
  }
}

TEST(FindQuantitiesTest, FallingFiguresAreTwoNumbersNotARange) {
  EXPECT_THAT(Spans("It fell from 6,000 to 5,000 last year."),
              ElementsAre("6,000", "5,000"));
}

TEST(FindQuantitiesTest, MentionsAreSortedAndDoNotOverlap) {
  const std::string text =
      "Nearly 120,000 residents fled a 12-kilometer segment after about "
      "80 percent of homes and $4.5bn of assets were lost; dozens of "
      "soldiers and three civilians died.";
  EXPECT_THAT(Spans(text),
              ElementsAre("Nearly 120,000", "12-kilometer", "about 80 percent",
                          "$4.5bn", "dozens of", "three"));
}

TEST(FindQuantitiesTest, NumbersInsideDatesAreLeftToTheDate) {
  EXPECT_THAT(Spans("On 19 September 2023, 300 people died."),
              ElementsAre("300"));
}

TEST(FindQuantitiesTest, OffsetsAreBytesAfterMultibyteText) {
  const std::string text = "Арцах — около 120,000 residents";
  const std::vector<QuantityMention> found = FindQuantities(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, text.find("120"));
  EXPECT_EQ(found[0].end, text.find(" residents"));
}

TEST(FindQuantitiesTest, LongInputIsScannedWhole) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Nearly 120,000 residents fled. ";
  EXPECT_EQ(FindQuantities(text).size(), 2000u);
}

}  // namespace
}  // namespace provcheck
