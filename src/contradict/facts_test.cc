#include "provcheck/facts.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kLedger[] = R"facts(# a ledger
event offensive "offensive|seized"
mention person "(?:Minister)\s+(?P<name>\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)"

fact k-2023 {
  event     offensive
  entities  "Nagorno-Karabakh" "Azerbaijan"
  date      "19–20 September 2023"
  source    "wire reports"
  checked   2024-06-03
}
fact blinken {
  person    "Antony Blinken"
  source    "State Department"
  checked   2024-06-03
}
)facts";

TEST(ParseLedgerTest, ReadsEventsMentionsAndFacts) {
  auto ledger = ParseLedger(kLedger, "l.facts");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  ASSERT_EQ(ledger->events.size(), 1u);
  EXPECT_EQ(ledger->events[0].name, "offensive");
  ASSERT_EQ(ledger->person_mentions.size(), 1u);
  ASSERT_EQ(ledger->facts.size(), 2u);
  const Fact& offensive = ledger->facts[0];
  EXPECT_EQ(offensive.entities.size(), 2u);
  ASSERT_TRUE(offensive.date.has_value());
  EXPECT_EQ(DayToIso(offensive.date->first), "2023-09-19");
  EXPECT_EQ(DayToIso(offensive.date->last), "2023-09-20");
  EXPECT_EQ(offensive.location.line, 5);
  EXPECT_EQ(ledger->facts[1].person, "Antony Blinken");
}

TEST(ParseLedgerTest, FormatFactRoundTrips) {
  auto ledger = ParseLedger(kLedger, "l.facts");
  ASSERT_TRUE(ledger.ok());
  const std::string again = std::string("event offensive \"offensive\"\n") +
                            FormatFact(ledger->facts[0]);
  auto reparsed = ParseLedger(again, "again.facts");
  ASSERT_TRUE(reparsed.ok()) << reparsed.status() << "\n" << again;
  EXPECT_EQ(reparsed->facts[0].date_text, "19–20 September 2023");
}

TEST(ParseLedgerTest, UnknownEventClassIsAnErrorAtTheValue) {
  auto ledger = ParseLedger(
      "fact x {\n  event war\n  entities \"A\"\n  date \"2020\"\n"
      "  source \"s\"\n  checked 2024-01-01\n}",
      "bad.facts");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(std::string(ledger.status().message()),
              StartsWith("bad.facts:2:9: error: unknown event class 'war'"));
}

TEST(ParseLedgerTest, DateThatDoesNotNormaliseIsAnError) {
  auto ledger = ParseLedger(
      "event e \"e\"\nfact x {\n  event e\n  entities \"A\"\n"
      "  date \"sometime soon\"\n  source \"s\"\n  checked 2024-01-01\n}",
      "bad.facts");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(std::string(ledger.status().message()),
              HasSubstr("is not one absolute date or range"));
}

TEST(ParseLedgerTest, FactWithoutSourceIsAnError) {
  auto ledger = ParseLedger(
      "fact x {\n  person \"Ann Lee\"\n  checked 2024-01-01\n}", "bad.facts");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(std::string(ledger.status().message()),
              HasSubstr("needs a `source` and a `checked` date"));
}

TEST(ParseLedgerTest, SyntaxErrorShowsLineColumnAndCaret) {
  auto ledger = ParseLedger("fact x {\n  persn \"Ann Lee\"\n}", "bad.facts");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(std::string(ledger.status().message()),
              StartsWith("bad.facts:2:3: error: expected a field"));
  EXPECT_THAT(std::string(ledger.status().message()), HasSubstr("\n  ^"));
}

TEST(ParseLedgerTest, AFieldsBadValueNamesWhatWasExpected) {
  auto ledger =
      ParseLedger("fact x {\n  checked 22 November 2026\n}", "bad.facts");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(
      std::string(ledger.status().message()),
      StartsWith("bad.facts:2:11: error: expected a date (YYYY-MM-DD)\n"));
}

TEST(ParseLedgerTest, AFactWithoutANameNamesTheNameExpected) {
  auto ledger = ParseLedger("fact {\n}", "bad.facts");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(std::string(ledger.status().message()),
              StartsWith("bad.facts:1:6: error: expected a name\n"));
}

TEST(ParseLedgerTest, ShippedLedgerLoads) {
  auto ledger = LoadLedger(std::string(PROVCHECK_SOURCE_DIR) + "/rules/facts");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_FALSE(ledger->facts.empty());
}

}  // namespace
}  // namespace provcheck
