#include "provcheck/segment.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/abbreviations.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The sentences of `text`, cut out of it by their byte offsets, so every
// expectation also checks that the offsets are exact.
std::vector<std::string> Sentences(std::string_view text) {
  const Segmentation seg = Segment(text);
  std::vector<std::string> out;
  for (const TextRange& r : seg.sentences) {
    out.emplace_back(text.substr(r.begin, r.size()));
  }
  return out;
}

TEST(SegmentTest, SplitsPlainSentences) {
  EXPECT_THAT(Sentences("The vote passed. Turnout was low."),
              ElementsAre("The vote passed.", "Turnout was low."));
}

TEST(SegmentTest, EmptyTextHasOneEmptyLineAndNoSentences) {
  const Segmentation seg = Segment("");
  EXPECT_THAT(seg.lines, ElementsAre(TextRange{0, 0}));
  EXPECT_THAT(seg.sentences, IsEmpty());
  EXPECT_THAT(seg.sentence_line, IsEmpty());
}

TEST(SegmentTest, KeepsBlankLinesInLines) {
  const std::string_view text = "First.\n\n   \nLast.";
  const Segmentation seg = Segment(text);
  EXPECT_THAT(seg.lines, ElementsAre(TextRange{0, 6}, TextRange{7, 7},
                                     TextRange{8, 11}, TextRange{12, 17}));
  EXPECT_THAT(Sentences(text), ElementsAre("First.", "Last."));
}

TEST(SegmentTest, TrailingNewlineEndsWithEmptyLine) {
  const Segmentation seg = Segment("One.\n");
  EXPECT_THAT(seg.lines, ElementsAre(TextRange{0, 4}, TextRange{5, 5}));
}

TEST(SegmentTest, ExcludesCarriageReturnFromLine) {
  const std::string_view text = "One.\r\nTwo.\r";
  const Segmentation seg = Segment(text);
  EXPECT_THAT(seg.lines, ElementsAre(TextRange{0, 4}, TextRange{6, 10}));
  EXPECT_THAT(Sentences(text), ElementsAre("One.", "Two."));
}

TEST(SegmentTest, RecordsLineOfEachSentence) {
  const Segmentation seg = Segment("A one. A two.\n\nB one.\nC one. C two.");
  EXPECT_THAT(seg.sentence_line, ElementsAre(0, 0, 2, 3, 3));
}

TEST(SegmentTest, NeverCrossesALine) {
  EXPECT_THAT(Sentences("A heading without a stop\nthe next paragraph"),
              ElementsAre("A heading without a stop", "the next paragraph"));
}

TEST(SegmentTest, OffsetsAreAbsoluteByteOffsets) {
  const std::string_view text = "Héllo.\nIt’s done. Yes.";
  const Segmentation seg = Segment(text);
  // "Héllo." is 7 bytes; the second line starts at byte 8; "It’s" is 6.
  EXPECT_THAT(seg.sentences, ElementsAre(TextRange{0, 7}, TextRange{8, 20},
                                         TextRange{21, 25}));
}

TEST(SegmentTest, TrimsAsciiAndUnicodeSpace) {
  // U+00A0 no-break space, U+2009 thin space, U+3000 ideographic space.
  EXPECT_THAT(Sentences("\t \u00a0First one.\u2009 Second one.\u3000 "),
              ElementsAre("First one.", "Second one."));
}

TEST(SegmentTest, WhiteSpaceOnlyLineHasNoSentence) {
  EXPECT_THAT(Segment(" \u00a0\t").sentences, IsEmpty());
}

TEST(SegmentTest, KeepsHeadingWithoutTerminatorAsOneSentence) {
  EXPECT_THAT(Sentences("Armenia and Azerbaijan: what we know so far"),
              ElementsAre("Armenia and Azerbaijan: what we know so far"));
}

TEST(SegmentTest, SplitsAfterQuestionAndExclamationMarks) {
  EXPECT_THAT(
      Sentences("Is it over? Nobody knows! Talks resume today."),
      ElementsAre("Is it over?", "Nobody knows!", "Talks resume today."));
}

TEST(SegmentTest, DoesNotSplitBeforeLowercaseWord) {
  EXPECT_THAT(Sentences("\"Why now?\" she asked. Nobody replied."),
              ElementsAre("\"Why now?\" she asked.", "Nobody replied."));
}

TEST(SegmentTest, SplitsAfterThreeDotEllipsisBeforeCapital) {
  EXPECT_THAT(Sentences("He waited... Then he left."),
              ElementsAre("He waited...", "Then he left."));
}

TEST(SegmentTest, DoesNotSplitAfterEllipsisBeforeLowercase) {
  EXPECT_THAT(Sentences("He left... and came back."),
              ElementsAre("He left... and came back."));
}

TEST(SegmentTest, TreatsUnicodeEllipsisAsTerminator) {
  EXPECT_THAT(
      Sentences("He left\u2026 and came back\u2026 Then silence."),
      ElementsAre("He left\u2026 and came back\u2026", "Then silence."));
}

TEST(SegmentTest, KeepsClosingStraightQuoteWithSentence) {
  EXPECT_THAT(Sentences("\"We want peace.\" She said it twice."),
              ElementsAre("\"We want peace.\"", "She said it twice."));
}

TEST(SegmentTest, KeepsClosingCurlyQuoteWithSentence) {
  EXPECT_THAT(Sentences("“We want peace.” She said it twice."),
              ElementsAre("“We want peace.”", "She said it twice."));
}

TEST(SegmentTest, KeepsClosingGuillemetAndSingleQuoteWithSentence) {
  EXPECT_THAT(Sentences("«C’est fini.» ‘It is over.’ Then applause."),
              ElementsAre("«C’est fini.»", "‘It is over.’", "Then applause."));
}

TEST(SegmentTest, ContinuesAfterQuoteEndingInComma) {
  const std::string_view text =
      "“France will stand by the region,” stated Hasmik Tolmajyan, the "
      "Armenian ambassador in Paris. She spoke on Monday.";
  EXPECT_THAT(Sentences(text),
              ElementsAre("“France will stand by the region,” stated Hasmik "
                          "Tolmajyan, the Armenian ambassador in Paris.",
                          "She spoke on Monday."));
}

TEST(SegmentTest, KeepsClosingBracketWithSentence) {
  EXPECT_THAT(
      Sentences("Prices rose (again.) Markets fell [briefly.] Fine."),
      ElementsAre("Prices rose (again.)", "Markets fell [briefly.]", "Fine."));
}

TEST(SegmentTest, SplitsBeforeOpeningQuoteFollowedByCapital) {
  EXPECT_THAT(Sentences("He paused. “We will win,” he said."),
              ElementsAre("He paused.", "“We will win,” he said."));
}

TEST(SegmentTest, DoesNotSplitBeforeOpeningQuoteFollowedByLowercase) {
  EXPECT_THAT(Sentences("He called it a. \"minor\" issue."),
              ElementsAre("He called it a. \"minor\" issue."));
}

TEST(SegmentTest, SplitsBeforeDashLedSentence) {
  EXPECT_THAT(Sentences("Talks ended. — The next round is in May."),
              ElementsAre("Talks ended.", "— The next round is in May."));
}

TEST(SegmentTest, SplitsBeforeCurrencyAmount) {
  EXPECT_THAT(Sentences("The deal closed. $5 million changed hands."),
              ElementsAre("The deal closed.", "$5 million changed hands."));
}

TEST(SegmentTest, DoesNotSplitAfterTitleBeforeName) {
  EXPECT_THAT(
      Sentences(
          "Mr. Smith met Dr. Jones and Gen. Lt. Col. Brown. They talked."),
      ElementsAre("Mr. Smith met Dr. Jones and Gen. Lt. Col. Brown.",
                  "They talked."));
}

TEST(SegmentTest, DoesNotSplitAfterAMilitaryRankOrADelegatesTitle) {
  EXPECT_THAT(
      Sentences("It was over, said Del. Stacey Plaskett. Brig. Gen. Ann Roe, "
                "Cpl. Dan Lee and Pfc. Jo Fox agreed."),
      ElementsAre("It was over, said Del. Stacey Plaskett.",
                  "Brig. Gen. Ann Roe, Cpl. Dan Lee and Pfc. Jo Fox agreed."));
}

TEST(SegmentTest, DoesNotSplitAfterHyphenatedTitle) {
  EXPECT_THAT(Sentences("The ex-Gov. Cuomo declined."),
              ElementsAre("The ex-Gov. Cuomo declined."));
}

TEST(SegmentTest, DoesNotSplitAfterTitleInsideBracket) {
  EXPECT_THAT(Sentences("A source (Sen. Warren) spoke."),
              ElementsAre("A source (Sen. Warren) spoke."));
}

TEST(SegmentTest, DoesNotSplitAfterMonthBeforeDay) {
  EXPECT_THAT(Sentences("It began on Sept. 19 and ended Jan. 3, 2024."),
              ElementsAre("It began on Sept. 19 and ended Jan. 3, 2024."));
}

TEST(SegmentTest, DoesNotSplitAfterNumberAbbreviationBeforeDigit) {
  EXPECT_THAT(Sentences("He lives at No. 10 Downing Street."),
              ElementsAre("He lives at No. 10 Downing Street."));
}

TEST(SegmentTest, DoesNotSplitAfterLatinAbbreviationsInAnyCase) {
  EXPECT_THAT(Sentences("Big cities, e.g. Paris, grew. E.g. Lyon did."),
              ElementsAre("Big cities, e.g. Paris, grew.", "E.g. Lyon did."));
}

TEST(SegmentTest, DoesNotSplitAfterVersusInCaseName) {
  EXPECT_THAT(
      Sentences("Roe v. Wade was overturned. Dobbs vs. Jackson did it."),
      ElementsAre("Roe v. Wade was overturned.", "Dobbs vs. Jackson did it."));
}

TEST(SegmentTest, SplitsAfterCompanySuffixBeforeCapital) {
  EXPECT_THAT(Sentences("Shares of Apple Inc. The company declined."),
              ElementsAre("Shares of Apple Inc.", "The company declined."));
}

TEST(SegmentTest, DoesNotSplitAfterCompanySuffixBeforeAllCapsWord) {
  EXPECT_THAT(Sentences("Apple Inc. CEO Tim Cook spoke."),
              ElementsAre("Apple Inc. CEO Tim Cook spoke."));
}

TEST(SegmentTest, DoesNotSplitBetweenCompanySuffixes) {
  EXPECT_THAT(Sentences("Samsung Electronics Co. Ltd. said so."),
              ElementsAre("Samsung Electronics Co. Ltd. said so."));
}

TEST(SegmentTest, SplitsAfterEtcBeforeCapital) {
  EXPECT_THAT(Sentences("They sold guns, tanks, etc. Nobody asked."),
              ElementsAre("They sold guns, tanks, etc.", "Nobody asked."));
}

TEST(SegmentTest, DoesNotSplitAfterDottedAcronymBeforeName) {
  EXPECT_THAT(Sentences("The U.S. State Department and the U.N. Security "
                        "Council disagreed."),
              ElementsAre("The U.S. State Department and the U.N. Security "
                          "Council disagreed."));
}

TEST(SegmentTest, SplitsAfterDottedAcronymBeforeFunctionWord) {
  EXPECT_THAT(Sentences("He moved to the U.S. The next day he spoke."),
              ElementsAre("He moved to the U.S.", "The next day he spoke."));
}

TEST(SegmentTest, SplitsAfterClockTimeBeforeFunctionWordOnly) {
  EXPECT_THAT(Sentences("It starts at 9 a.m. ET today. We left at 3 p.m. "
                        "It rained."),
              ElementsAre("It starts at 9 a.m. ET today.", "We left at 3 p.m.",
                          "It rained."));
}

TEST(SegmentTest, DoesNotSplitAfterNameSuffixBeforeName) {
  EXPECT_THAT(Sentences("Martin Luther King Jr. Day is a holiday."),
              ElementsAre("Martin Luther King Jr. Day is a holiday."));
}

TEST(SegmentTest, SplitsAfterNameSuffixBeforeFunctionWord) {
  EXPECT_THAT(
      Sentences("The award went to Martin Luther King Jr. He wept."),
      ElementsAre("The award went to Martin Luther King Jr.", "He wept."));
}

TEST(SegmentTest, DoesNotSplitAfterSaintBeforeName) {
  EXPECT_THAT(Sentences("He flew to St. Louis on Friday."),
              ElementsAre("He flew to St. Louis on Friday."));
}

TEST(SegmentTest, SplitsAfterStreetAbbreviationBeforeFunctionWord) {
  EXPECT_THAT(Sentences("He lives on Main St. The house is old."),
              ElementsAre("He lives on Main St.", "The house is old."));
}

TEST(SegmentTest, DoesNotSplitAfterAvenueBeforeQuadrant) {
  EXPECT_THAT(Sentences("Pennsylvania Ave. NW was closed."),
              ElementsAre("Pennsylvania Ave. NW was closed."));
}

TEST(SegmentTest, DoesNotSplitAfterInitials) {
  EXPECT_THAT(
      Sentences("J. R. R. Tolkien met George W. Bush. Not really."),
      ElementsAre("J. R. R. Tolkien met George W. Bush.", "Not really."));
}

TEST(SegmentTest, DoesNotSplitAfterAccentedInitial) {
  EXPECT_THAT(Sentences("The novelist É. Zola wrote it."),
              ElementsAre("The novelist É. Zola wrote it."));
}

TEST(SegmentTest, DoesNotSplitInsideNumbers) {
  EXPECT_THAT(Sentences("Growth hit 3.5 percent, or 1.2 million jobs, in v2.0 "
                        "of the $4.5bn plan."),
              ElementsAre("Growth hit 3.5 percent, or 1.2 million jobs, in "
                          "v2.0 of the $4.5bn plan."));
}

TEST(SegmentTest, SplitsAfterYearFollowedByCapital) {
  EXPECT_THAT(Sentences("It happened in 2023. The year was hard."),
              ElementsAre("It happened in 2023.", "The year was hard."));
}

TEST(SegmentTest, DoesNotSplitAfterListEnumerator) {
  EXPECT_THAT(Sentences("1. Introduction"), ElementsAre("1. Introduction"));
}

TEST(SegmentTest, DoesNotSplitInsideUrlsOrEmails) {
  EXPECT_THAT(Sentences("See www.bbc.co.uk/news and example.com or write to "
                        "desk@example.org for more."),
              ElementsAre("See www.bbc.co.uk/news and example.com or write to "
                          "desk@example.org for more."));
}

TEST(SegmentTest, SplitsAfterUrlEndingSentence) {
  EXPECT_THAT(Sentences("Read it at example.com. The site is free."),
              ElementsAre("Read it at example.com.", "The site is free."));
}

TEST(SegmentTest, SplitsAfterAbbreviationInsideClosedQuote) {
  EXPECT_THAT(Sentences("He answered: \"No.\" She laughed."),
              ElementsAre("He answered: \"No.\"", "She laughed."));
}

TEST(SegmentTest, DoesNotSplitOffLeadingPunctuation) {
  EXPECT_THAT(Sentences("... The story went on."),
              ElementsAre("... The story went on."));
}

TEST(SegmentTest, KeepsMultibyteTextIntact) {
  EXPECT_THAT(Sentences("Pashinyan’s office — in Yerevan — replied. Émile "
                        "Zola’s heirs did not. Ереван молчит."),
              ElementsAre("Pashinyan’s office — in Yerevan — replied.",
                          "Émile Zola’s heirs did not.", "Ереван молчит."));
}

TEST(SegmentTest, SplitsBeforeArmenianCapital) {
  EXPECT_THAT(Sentences("He spoke Armenian. Երևանը լուռ է."),
              ElementsAre("He spoke Armenian.", "Երևանը լուռ է."));
}

TEST(SegmentTest, DecodesInvalidUtf8WithoutLosingBytes) {
  const std::string text = "Bad \xff byte. Next \xc3 one.";
  EXPECT_THAT(Sentences(text), ElementsAre("Bad \xff byte.", "Next \xc3 one."));
}

TEST(SegmentTest, SegmentsRealisticNewsParagraph) {
  const std::string_view text =
      "U.S. Secretary of State Antony Blinken said on Sept. 19 that the "
      "fighting in Nagorno-Karabakh must stop. Speaking to reporters in New "
      "York, Mr. Blinken added that Washington was “deeply concerned.” "
      "Armenia’s Prime Minister Nikol Pashinyan said 2.5 million people were "
      "at risk... Azerbaijan’s foreign ministry, which called the operation "
      "“local anti-terror measures,” did not respond. Reuters could not "
      "independently verify the claims (see www.reuters.com/world.)";
  EXPECT_THAT(
      Sentences(text),
      ElementsAre("U.S. Secretary of State Antony Blinken said on Sept. 19 "
                  "that the fighting in Nagorno-Karabakh must stop.",
                  "Speaking to reporters in New York, Mr. Blinken added that "
                  "Washington was “deeply concerned.”",
                  "Armenia’s Prime Minister Nikol Pashinyan said 2.5 million "
                  "people were at risk...",
                  "Azerbaijan’s foreign ministry, which called the operation "
                  "“local anti-terror measures,” did not respond.",
                  "Reuters could not independently verify the claims (see "
                  "www.reuters.com/world.)"));
}

TEST(SegmentTest, SegmentsSeveralParagraphs) {
  const std::string_view text =
      "YEREVAN (Reuters) - Talks stalled. Both sides blamed each other.\n"
      "\n"
      "Related coverage\n"
      "Officials in Baku declined to comment. A spokesman was unavailable.";
  const Segmentation seg = Segment(text);
  EXPECT_EQ(seg.lines.size(), 4u);
  EXPECT_THAT(Sentences(text),
              ElementsAre("YEREVAN (Reuters) - Talks stalled.",
                          "Both sides blamed each other.", "Related coverage",
                          "Officials in Baku declined to comment.",
                          "A spokesman was unavailable."));
  EXPECT_THAT(seg.sentence_line, ElementsAre(0, 0, 2, 3, 3));
}

TEST(SegmentTest, SegmentsTwoMegabyteLine) {
  const std::string_view unit =
      "Mr. Blinken said the U.S. would give $1.5bn on Sept. 19. Nobody knew "
      "why... It was “late.” ";
  std::string text;
  while (text.size() < (2u << 20)) text.append(unit);
  const Segmentation seg = Segment(text);
  EXPECT_EQ(seg.lines.size(), 1u);
  EXPECT_EQ(seg.sentences.size(), 3 * (text.size() / unit.size()));
}

TEST(SegmentTest, SegmentsTwoMegabyteLineWithoutSpaces) {
  std::string text;
  while (text.size() < (2u << 20)) text.append("a.B?");
  const Segmentation seg = Segment(text);
  EXPECT_THAT(seg.sentences, ElementsAre(TextRange{0, text.size()}));
}

TEST(AbbreviationsTest, MatchesTitlesOnlyInTheirOwnCase) {
  using segment_internal::FindAbbreviation;
  EXPECT_NE(FindAbbreviation("Dr"), nullptr);
  EXPECT_EQ(FindAbbreviation("dr"), nullptr);
  EXPECT_EQ(FindAbbreviation("no"), nullptr);
}

TEST(AbbreviationsTest, MatchesLatinAbbreviationsInAnyCase) {
  using segment_internal::FindAbbreviation;
  EXPECT_NE(FindAbbreviation("I.E"), nullptr);
  EXPECT_NE(FindAbbreviation("Etc"), nullptr);
  EXPECT_EQ(FindAbbreviation("Approximately"), nullptr);
}

}  // namespace
}  // namespace provcheck
