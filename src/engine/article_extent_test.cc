#include "engine/article_extent.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provcheck/segment.h"

namespace provcheck {
namespace {

constexpr char kProse[] =
    "The council voted on Tuesday to close the old bridge to traffic for "
    "six months while engineers repair the cracked supports beneath it.";

// Lines joined with newlines, and which of them LinesOutsideArticle flags.
std::vector<bool> Flagged(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return LinesOutsideArticle(text, Segment(text).lines);
}

std::vector<std::string> Menu(int count) {
  std::vector<std::string> lines;
  for (int i = 0; i < count; ++i) {
    lines.push_back("Section " + std::string(1, static_cast<char>('A' + i)));
  }
  return lines;
}

TEST(LinesOutsideArticleTest, FlagsAPageMenuBeforeAndTeasersAfterTheBody) {
  std::vector<std::string> page = Menu(8);
  page.insert(page.end(), {kProse, kProse, kProse, "Related stories",
                           "Bridge reopens after storm", "Sign up"});
  const std::vector<bool> flagged = Flagged(page);
  for (int i = 0; i < 8; ++i) EXPECT_TRUE(flagged[i]) << page[i];
  for (int i = 8; i < 11; ++i) EXPECT_FALSE(flagged[i]);
  for (int i = 11; i < 14; ++i) EXPECT_TRUE(flagged[i]) << page[i];
}

TEST(LinesOutsideArticleTest, AnArticleWithAHeadlineAndAListAfterItIsNoPage) {
  // BBC sport: a headline, the story, then fixtures the story announces.
  std::vector<std::string> story = {"Cup draw pairs old rivals", kProse,
                                    kProse};
  story.insert(story.end(), {"Portsmouth v Gillingham", "West Ham v Norwich",
                             "Watford v Fulham", "Cardiff v Colchester"});
  EXPECT_THAT(Flagged(story), ::testing::Each(false));
}

TEST(LinesOutsideArticleTest, TableRowsBeforeTheBodyDoNotMakeAPage) {
  // A wire story that opens with its earnings table.
  std::vector<std::string> story = {
      "Shr 25 cts vs 30 cts",      "Net 1,200,000 vs 900,000",
      "Revs 12.5 mln vs 11.1 mln", "Nine mths",
      "Shr 75 cts vs 80 cts",      "Net 3,600,000 vs 2,900,000",
      "Revs 37.5 mln vs 33.1 mln", "Avg shrs 4.8 mln vs 4.5 mln",
      "Qtr ended March 31",        kProse};
  EXPECT_THAT(Flagged(story), ::testing::Each(false));
}

TEST(LinesOutsideArticleTest, ATableRowAroundAPageBodyIsNotFurniture) {
  std::vector<std::string> page = Menu(8);
  page.insert(page.end(),
              {kProse, "Planted 76.7 76.7 83.4 83.4", "Menu", "Contact us"});
  const std::vector<bool> flagged = Flagged(page);
  EXPECT_FALSE(flagged[9]);
  EXPECT_TRUE(flagged[10]);
}

TEST(LinesOutsideArticleTest,
     AnExtractorsTableCellsAfterTheBodyAreNotFurniture) {
  // trafilatura writes a table's cells with pipes, here one cell a line.
  std::vector<std::string> page = Menu(8);
  page.insert(page.end(), {kProse, kProse, "| Pos |", "Player |", "Plays |",
                           "| DL |", "Sione Takitaki |"});
  const std::vector<std::string> footer = Menu(6);
  page.insert(page.end(), footer.begin(), footer.end());
  const std::vector<bool> flagged = Flagged(page);
  for (int i = 10; i < 15; ++i) EXPECT_FALSE(flagged[i]) << page[i];
  for (int i = 15; i < 21; ++i) EXPECT_TRUE(flagged[i]) << page[i];
}

TEST(LinesOutsideArticleTest, TheLabelsOfARunOfTablesAreNotFurniture) {
  // A wire story that is a run of supply tables around one paragraph of
  // prose: the labels without figures are the tables', not a page's menu.
  std::vector<std::string> story;
  for (const char* crop :
       {"Total World Grain", "All Wheat", "Coarse Grain", "Corn (Mln Tonnes)",
        "Soybeans", "Soybean Meal", "Soybean Oil", "Cotton (Mln Bales)",
        "Rice (Milled Basis)", "Wheat Flour", "Oats"}) {
    if (story.size() == 32) story.push_back(kProse);
    story.push_back(crop);
    story.push_back("Production 477.26 480.29 481.86 481.92");
    story.push_back("Exports 62.80 62.10 62.53 62.15");
    story.push_back("End Stocks 155.56 163.61 123.08 123.11");
  }
  EXPECT_THAT(Flagged(story), ::testing::Each(false));
}

TEST(LinesOutsideArticleTest, TheBlockWithTheMostWordsIsTheArticle) {
  // A short teaser paragraph, a menu between, then the long story: the
  // teaser's block loses, and the menu before the story is furniture.
  std::vector<std::string> page = Menu(8);
  page.push_back(kProse);
  const std::vector<std::string> menu = Menu(9);
  page.insert(page.end(), menu.begin(), menu.end());
  page.insert(page.end(), {kProse, kProse, kProse});
  const std::vector<bool> flagged = Flagged(page);
  EXPECT_FALSE(flagged[8]);  // the teaser is long: left alone
  for (int i = 9; i < 18; ++i) EXPECT_TRUE(flagged[i]) << page[i];
  EXPECT_FALSE(flagged[18]);
}

TEST(LinesOutsideArticleTest, EntriesBeforeTheLongestAreNoPageFrame) {
  // A live blog: entries of prose, each followed by its short updates; the
  // longest entry is no article in a frame, and the lines before it are
  // the other entries' own.
  std::vector<std::string> blog = Menu(8);
  for (int entry = 0; entry < 3; ++entry) {
    blog.push_back(kProse);
    const std::vector<std::string> updates = Menu(9);
    blog.insert(blog.end(), updates.begin(), updates.end());
  }
  blog.insert(blog.end(), {kProse, kProse, kProse, kProse});
  EXPECT_THAT(Flagged(blog), ::testing::Each(false));
}

TEST(LinesOutsideArticleTest, ShortSentencesRunningOnFromTheBodyAreItsOwn) {
  // A scene told in short paragraphs before the long ones: each ends as a
  // sentence ends, which a menu line does not.
  std::vector<std::string> page = Menu(8);
  page.insert(page.end(),
              {"\"Open the door!\" an officer shouts.", "Webb emerged, naked.",
               "Police used a ram to force open the door.", kProse, kProse,
               "We got her, an officer said.", "Related stories", "Sign up",
               "Contact us"});
  const std::vector<bool> flagged = Flagged(page);
  for (int i = 0; i < 8; ++i) EXPECT_TRUE(flagged[i]) << page[i];
  for (int i = 8; i < 14; ++i) EXPECT_FALSE(flagged[i]) << page[i];
  for (int i = 14; i < 17; ++i) EXPECT_TRUE(flagged[i]) << page[i];
}

TEST(LinesOutsideArticleTest,
     ASentenceCutOffFromTheBodyByAMenuLineIsFurniture) {
  std::vector<std::string> page = Menu(8);
  page.insert(page.end(), {"We use cookies on this site.", "Skip to content",
                           kProse, kProse});
  const std::vector<bool> flagged = Flagged(page);
  EXPECT_TRUE(flagged[8]);
  EXPECT_TRUE(flagged[9]);
  EXPECT_FALSE(flagged[10]);
}

TEST(LinesOutsideArticleTest, TextWithoutProseIsLeftAlone) {
  EXPECT_THAT(Flagged(Menu(20)), ::testing::Each(false));
}

TEST(LinesOutsideArticleTest, ALongParagraphWithoutAFullStopStillCountsAsBody) {
  std::vector<std::string> page = Menu(8);
  std::string long_line;
  for (int i = 0; i < 31; ++i) long_line += "word ";
  page.insert(page.end(), {long_line, "Footer link", "Privacy", "Terms"});
  const std::vector<bool> flagged = Flagged(page);
  EXPECT_FALSE(flagged[8]);
  EXPECT_TRUE(flagged[0]);
  EXPECT_TRUE(flagged[11]);
}

}  // namespace
}  // namespace provcheck
