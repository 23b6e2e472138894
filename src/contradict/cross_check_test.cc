#include "provcheck/cross_check.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kLedger[] = R"facts(
event offensive "offensive|seized(?:\s+back)?"
event signing "signed"
mention person "(?:Minister|Secretary\s+of\s+State)\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2})"
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

class CrossCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ledger = ParseLedger(kLedger, "ledger.facts");
    ASSERT_TRUE(ledger.ok()) << ledger.status();
    ledger_ = *std::move(ledger);
    auto extractor = ClaimExtractor::Create(ledger_);
    ASSERT_TRUE(extractor.ok());
    extractor_ = *std::move(extractor);
  }

  std::vector<KeyedClaim> Claims(const std::string& path,
                                 const std::string& text) {
    Document document;
    document.path = path;
    document.original = text;
    document.text = text;
    return extractor_->Extract(document, Segment(text));
  }

  ContradictionMap Check(
      const std::vector<std::pair<std::string, std::string>>& documents) {
    CrossChecker checker(ledger_);
    for (const auto& [path, text] : documents) checker.Add(Claims(path, text));
    return checker.Check();
  }

  Ledger ledger_;
  std::unique_ptr<ClaimExtractor> extractor_;
};

TEST_F(CrossCheckTest, MisdatedEventContradictsTheLedger) {
  const ContradictionMap found =
      Check({{"a.txt",
              "In September 2022, Azerbaijan swiftly seized back "
              "Nagorno-Karabakh."}});
  ASSERT_TRUE(found.contains("a.txt"));
  const Finding& finding = found.at("a.txt")[0];
  EXPECT_EQ(finding.rule_id, "contradiction.event-date");
  EXPECT_EQ(finding.text, "September 2022");
  EXPECT_EQ(finding.start.line, 1);
  ASSERT_THAT(finding.related, SizeIs(1));
  EXPECT_EQ(finding.related[0].path, "ledger.facts");
}

TEST_F(CrossCheckTest, ASentenceNamingTwoEventClassesKeysAClaimToEach) {
  const std::vector<KeyedClaim> claims =
      Claims("a.txt",
             "Azerbaijan signed the accord on 3 October 2023, after the "
             "offensive on Nagorno-Karabakh.");
  std::vector<std::string> events;
  for (const KeyedClaim& claim : claims) {
    if (claim.type == KeyedClaim::Type::kEventDate) {
      events.push_back(claim.event);
    }
  }
  EXPECT_THAT(events, ::testing::ElementsAre("offensive", "signing"));
}

TEST_F(CrossCheckTest, ASentenceWithNoEventKeysNoDatedClaim) {
  EXPECT_THAT(Claims("a.txt", "Azerbaijan hosted talks on 3 October 2023."),
              IsEmpty());
}

TEST_F(CrossCheckTest, SameDateInAnotherFormatAgrees) {
  EXPECT_THAT(
      Check({{"a.txt", "On 2023-09-19 Azerbaijan seized Nagorno-Karabakh."}}),
      IsEmpty());
}

TEST_F(CrossCheckTest, AnEventYearsAwayIsAnotherEvent) {
  EXPECT_THAT(Check({{"a.txt",
                      "In 1992 Armenian forces seized Nagorno-Karabakh from "
                      "Azerbaijan."}}),
              IsEmpty());
}

TEST_F(CrossCheckTest, DocumentsThatDisagreeEachCarryAFinding) {
  const ContradictionMap found = Check(
      {{"a.txt", "The Rugby League signed with Channel Nine on 2 June 2023."},
       {"b.txt", "The Rugby League signed with Channel Nine in June 2022."}});
  ASSERT_TRUE(found.contains("a.txt"));
  ASSERT_TRUE(found.contains("b.txt"));
  EXPECT_EQ(found.at("a.txt")[0].related[0].path, "b.txt");
  EXPECT_EQ(found.at("b.txt")[0].related[0].path, "a.txt");
}

TEST_F(CrossCheckTest, OneDocumentNeverContradictsItself) {
  EXPECT_THAT(
      Check(
          {{"a.txt",
            "The Rugby League signed with Channel Nine on 2 June 2023. "
            "The Rugby League first signed with Channel Nine in June 2022."}}),
      IsEmpty());
}

TEST_F(CrossCheckTest, SpellingVariantsOfOnePersonAreFlaggedOnBothSides) {
  const ContradictionMap found =
      Check({{"a.txt", "Secretary of State Anthony Blinken spoke."},
             {"b.txt", "Secretary of State Antony Blinken spoke."}});
  ASSERT_TRUE(found.contains("a.txt"));
  ASSERT_TRUE(found.contains("b.txt"));
  EXPECT_EQ(found.at("a.txt")[0].rule_id, "contradiction.name-variant");
  EXPECT_EQ(found.at("a.txt")[0].severity, Severity::kWarning);
  // a.txt also disagrees with the ledger's spelling.
  EXPECT_THAT(found.at("a.txt")[0].related, SizeIs(2));
}

TEST_F(CrossCheckTest, TheSpellingMostDocumentsUseIsNotFlagged) {
  const ContradictionMap found =
      Check({{"rare.txt", "Minister Anthony Harlow spoke."},
             {"a.txt", "Minister Antony Harlow spoke."},
             {"b.txt", "Minister Antony Harlow arrived."},
             {"c.txt", "Minister Antony Harlow left."}});
  EXPECT_TRUE(found.contains("rare.txt"));
  EXPECT_FALSE(found.contains("a.txt"));
  EXPECT_FALSE(found.contains("b.txt"));
  EXPECT_FALSE(found.contains("c.txt"));
}

TEST_F(CrossCheckTest, PeopleWhoShareASurnameAreNotVariants) {
  EXPECT_THAT(Check({{"a.txt", "Minister Martin Harlow spoke."},
                     {"b.txt", "Minister Martina Harlow spoke."},
                     {"c.txt", "Minister Anton Reyes spoke."},
                     {"d.txt", "Minister Antony Reyes spoke."}}),
              IsEmpty());
}

}  // namespace
}  // namespace provcheck
