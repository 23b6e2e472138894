#include "provcheck/repetition.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr char kFooter[] =
    "Dana Whitfield writes a weekly column on regional transport for the "
    "Gazette.";

// A headline, one paragraph of its own, then `last` as the final line.
std::string Story(int n, const std::string& last) {
  return "Headline number " + std::to_string(n) + "\n\nStory " +
         std::to_string(n) + " has its own first paragraph, unlike the rest " +
         "of the stories here.\n\n" + last + "\n";
}

// Counts every text, in order, as the first pass does.
RepeatedLines CountAll(const std::vector<std::string>& texts,
                       RepetitionOptions options = {}) {
  RepeatedLines repeated(options);
  for (const std::string& text : texts) {
    repeated.Count(repeated.Fingerprint(text, Segment(text)));
  }
  return repeated;
}

std::vector<std::pair<size_t, int>> RepeatedIn(const RepeatedLines& repeated,
                                               const std::string& text) {
  return repeated.Repeated(text, Segment(text));
}

TEST(RepeatedLinesTest, FlagsALongLineInEnoughDistinctDocuments) {
  const std::vector<std::string> texts = {Story(1, kFooter), Story(2, kFooter),
                                          Story(3, kFooter), Story(4, kFooter)};
  const RepeatedLines repeated = CountAll(texts);
  // Line 4 (index 4: headline, blank, paragraph, blank, footer).
  EXPECT_THAT(RepeatedIn(repeated, texts[0]), ElementsAre(Pair(4, 4)));
}

TEST(RepeatedLinesTest, IgnoresALineInTooFewDocuments) {
  const std::vector<std::string> texts = {Story(1, kFooter), Story(2, kFooter),
                                          Story(3, kFooter)};
  EXPECT_THAT(RepeatedIn(CountAll(texts), texts[0]), IsEmpty());
}

TEST(RepeatedLinesTest, IgnoresShortFormulaeHoweverOftenTheyRecur) {
  const std::string formula = "Terms of the deal were not disclosed.";
  std::vector<std::string> texts;
  for (int n = 0; n < 20; ++n) texts.push_back(Story(n, formula));
  EXPECT_THAT(RepeatedIn(CountAll(texts), texts[0]), IsEmpty());
}

TEST(RepeatedLinesTest, CountsCopiesOfADocumentOnce) {
  const std::vector<std::string> texts = {Story(1, kFooter), Story(1, kFooter),
                                          Story(1, kFooter), Story(2, kFooter),
                                          Story(3, kFooter)};
  EXPECT_THAT(RepeatedIn(CountAll(texts), texts[0]), IsEmpty());
}

TEST(RepeatedLinesTest, NeverFlagsTheFirstLine) {
  std::vector<std::string> texts;
  for (int n = 0; n < 5; ++n) {
    texts.push_back(std::string(kFooter) + "\n\nStory " + std::to_string(n) +
                    " has a paragraph that no other story here shares.\n");
  }
  EXPECT_THAT(RepeatedIn(CountAll(texts), texts[0]), IsEmpty());
}

TEST(RepeatedLinesTest, IgnoresCaseAndRunsOfSpace) {
  const std::string shouted =
      "DANA WHITFIELD writes a weekly   column on regional transport for "
      "the Gazette.";
  const std::vector<std::string> texts = {Story(1, kFooter), Story(2, kFooter),
                                          Story(3, kFooter), Story(4, shouted)};
  EXPECT_THAT(RepeatedIn(CountAll(texts), texts[3]), ElementsAre(Pair(4, 4)));
}

TEST(RepeatedLinesTest, DigitsDoNotCountAsWords) {
  const std::string table = "04/09/87 03/09/87 04/09/87 03/09/87 11 12 13 14";
  std::vector<std::string> texts;
  for (int n = 0; n < 6; ++n) texts.push_back(Story(n, table));
  EXPECT_THAT(RepeatedIn(CountAll(texts), texts[0]), IsEmpty());
}

TEST(RepeatedLinesTest, ZeroMinimumDocumentsTurnsTheSignalOff) {
  std::vector<std::string> texts;
  for (int n = 0; n < 6; ++n) texts.push_back(Story(n, kFooter));
  EXPECT_THAT(RepeatedIn(CountAll(texts, {.min_documents = 0}), texts[0]),
              IsEmpty());
}

TEST(RepeatedLinesTest, DigestNamesOnlyDocumentsWithRepeatedLines) {
  const std::vector<std::string> texts = {Story(1, kFooter), Story(2, kFooter),
                                          Story(3, kFooter), Story(4, kFooter),
                                          Story(5, "A closing line.")};
  const RepeatedLines repeated = CountAll(texts);
  const std::string footer_digest = repeated.RepeatedDigest(
      repeated.Fingerprint(texts[0], Segment(texts[0])));
  EXPECT_EQ(footer_digest.size(), 16u);
  EXPECT_EQ(repeated.RepeatedDigest(
                repeated.Fingerprint(texts[1], Segment(texts[1]))),
            footer_digest);
  EXPECT_EQ(repeated.RepeatedDigest(
                repeated.Fingerprint(texts[4], Segment(texts[4]))),
            "");
}

}  // namespace
}  // namespace provcheck
