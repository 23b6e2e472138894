#include "ingest/hard_wrap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace provcheck {
namespace {

std::string Unwrapped(std::string text) {
  UnwrapHardWrappedLines(text);
  return text;
}

// Wire copy as Reuters filed it in 1987: 66 columns, paragraphs indented.
constexpr char kWireCopy[] =
    "The bank is issuing a 10 billion yen step-up eurobond maturing\n"
    "on March 25, 1992 and priced at 101-3/4 pct, lead manager Warburg\n"
    "Securities said.\n"
    "    The bonds pay 4-1/2 pct in the first two years and five pct\n"
    "thereafter, and will be listed in Luxembourg, the manager added.\n";

TEST(HardWrapTest, TheLinesOfAWrappedParagraphBecomeOne) {
  EXPECT_EQ(
      Unwrapped(kWireCopy),
      "The bank is issuing a 10 billion yen step-up eurobond maturing "
      "on March 25, 1992 and priced at 101-3/4 pct, lead manager Warburg "
      "Securities said.\n"
      "    The bonds pay 4-1/2 pct in the first two years and five pct "
      "thereafter, and will be listed in Luxembourg, the manager added.\n");
}

TEST(HardWrapTest, OnlyNewlinesChangeSoOffsetsStillHold) {
  const std::string original = kWireCopy;
  const std::string text = Unwrapped(original);
  ASSERT_EQ(text.size(), original.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != original[i]) {
      EXPECT_EQ(original[i], '\n') << "at " << i;
      EXPECT_EQ(text[i], ' ') << "at " << i;
    }
  }
}

TEST(HardWrapTest, ABlankLineEndsAParagraph) {
  const std::string text =
      "The ministry said exports rose 12 pct in the year to March, led by\n"
      "machinery and cars, while imports fell for the third month running.\n"
      "\n"
      "Officials expect the surplus to widen again when the yen weakens in\n"
      "the summer, the ministry's annual report on trade said on Friday.\n";
  EXPECT_EQ(
      Unwrapped(text),
      "The ministry said exports rose 12 pct in the year to March, led by "
      "machinery and cars, while imports fell for the third month running.\n"
      "\n"
      "Officials expect the surplus to widen again when the yen weakens in "
      "the summer, the ministry's annual report on trade said on Friday.\n");
}

TEST(HardWrapTest, ALineThatEndsASentenceWithRoomToSpareEndsItsParagraph) {
  const std::string text =
      "The company said it would close two plants in Ohio and cut about\n"
      "1,200 jobs by the end of the year.\n"
      "Its shares fell 2 dlrs to 31 dlrs in heavy trading on the New York\n"
      "Stock Exchange after the announcement.\n";
  EXPECT_EQ(
      Unwrapped(text),
      "The company said it would close two plants in Ohio and cut about "
      "1,200 jobs by the end of the year.\n"
      "Its shares fell 2 dlrs to 31 dlrs in heavy trading on the New York "
      "Stock Exchange after the announcement.\n");
}

TEST(HardWrapTest, ASignOffAfterAFullLastLineStaysOnItsOwn) {
  const std::string text =
      "The company said it would close two plants in Ohio and cut about\n"
      "1,200 jobs by the end of the year, a spokesman for the firm said.\n"
      "Reuter\n";
  EXPECT_EQ(
      Unwrapped(text),
      "The company said it would close two plants in Ohio and cut about "
      "1,200 jobs by the end of the year, a spokesman for the firm said.\n"
      "Reuter\n");
}

TEST(HardWrapTest, TableRowsAndListItemsKeepTheirLines) {
  const std::string text =
      "Based on data for the week ended February 26, the adjusted world\n"
      "price for upland cotton is determined as follows, in cts per lb:\n"
      "Northern European Price               66.32\n"
      "Average U.S. spot mkt location        10.42\n"
      "The adjustments will be reviewed by the department each week, and\n"
      "the price will be published on Thursdays at 1600 hrs local time:\n"
      "- at the department's offices in Washington, and\n"
      "- on the wire services that carry the department's bulletins.\n";
  const std::string out = Unwrapped(text);
  EXPECT_NE(out.find("adjusted world price for upland"), std::string::npos);
  EXPECT_NE(out.find("per lb:\nNorthern European Price"), std::string::npos);
  EXPECT_NE(out.find("66.32\nAverage"), std::string::npos);
  EXPECT_NE(out.find("10.42\nThe adjustments"), std::string::npos);
  EXPECT_NE(out.find("local time:\n- at"), std::string::npos);
  EXPECT_NE(out.find("and\n- on"), std::string::npos);
}

TEST(HardWrapTest, ATableRowWiderThanTheWrapDoesNotStopTheUnwrapping) {
  const std::string text =
      "The department said the adjusted world price for upland cotton is\n"
      "determined as follows, in cents per lb, for the week ended Feb 26,\n"
      "and that the price will be used to set certificate payment rates:\n"
      "Northern European Price      66.32     Adjustments      10.42     "
      "Adjusted world price      53.57\n";
  EXPECT_EQ(Unwrapped(text).find("cotton is\ndetermined"), std::string::npos);
}

TEST(HardWrapTest, OneSentencePerLineIsLeftAlone) {
  const std::string text =
      "We will cut taxes for every working family in this country.\n"
      "Our opponents raised them eleven times in four years.\n"
      "Unemployment is the lowest it has been since 1970.\n"
      "That is the record we will run on in November.\n";
  EXPECT_EQ(Unwrapped(text), text);
}

TEST(HardWrapTest, ParagraphsLongerThanAWrapWidthAreLeftAlone) {
  const std::string text =
      "Oil prices rose\n"
      "Crude oil prices rose sharply on Monday after the cartel agreed to cut "
      "output by a million barrels a day, traders said, in a move that "
      "surprised the market\n"
      "Analysts expect the rise to hold through the winter months\n";
  EXPECT_EQ(Unwrapped(text), text);
}

TEST(HardWrapTest, ASingleBreakIsNoEvidenceOfAWrap) {
  const std::string text =
      "Talks on the border resumed in Geneva on Tuesday after a pause of\n"
      "two months\n";
  EXPECT_EQ(Unwrapped(text), text);
}

TEST(HardWrapTest, WidthsCountCodePointsNotBytes) {
  // Curly quotes are three bytes each; counted as bytes, the first line
  // would look wider than the wrap and its break a paragraph's end.
  const std::string text =
      "“We will not sign,” the Azerbaijani negotiator told the envoys in\n"
      "Geneva, according to two diplomats who attended the session on\n"
      "Monday and who asked not to be named because the talks are secret.\n";
  const std::string out = Unwrapped(text);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

}  // namespace
}  // namespace provcheck
