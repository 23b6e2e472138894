#include "common/prose.h"

#include <gtest/gtest.h>

namespace provcheck {
namespace {

TEST(EndsAsASentenceTest, AFullStopQuestionOrExclamationEndsOne) {
  EXPECT_TRUE(EndsAsASentence("He left."));
  EXPECT_TRUE(EndsAsASentence("Did he?"));
  EXPECT_TRUE(EndsAsASentence("Out!"));
  EXPECT_TRUE(EndsAsASentence("And then\u2026"));
}

TEST(EndsAsASentenceTest, ClosingQuotesAndBracketsAfterTheStopAreSetAside) {
  EXPECT_TRUE(EndsAsASentence("\u201CIt is over.\u201D"));
  EXPECT_TRUE(EndsAsASentence("\"It is over.\" "));
  EXPECT_TRUE(EndsAsASentence("(See below.)"));
  EXPECT_TRUE(EndsAsASentence("\u2018Done.\u2019"));
}

TEST(EndsAsASentenceTest, AHeadlineOrAClauseCutByAWrapDoesNot) {
  EXPECT_FALSE(EndsAsASentence("Oil prices rise"));
  EXPECT_FALSE(EndsAsASentence("priced at 101-3/4 pct, lead manager Warburg"));
  EXPECT_FALSE(EndsAsASentence("The minister said:"));
  EXPECT_FALSE(EndsAsASentence(""));
  EXPECT_FALSE(EndsAsASentence("\u201D"));
}

TEST(WordCountTest, CountsRunsOfNonBlankCharacters) {
  EXPECT_EQ(WordCount(""), 0u);
  EXPECT_EQ(WordCount("   "), 0u);
  EXPECT_EQ(WordCount("Webb emerged, naked."), 3u);
  EXPECT_EQ(WordCount("  two\twords  "), 2u);
}

TEST(TrimBlanksTest, DropsBlanksAtBothEndsOnly) {
  EXPECT_EQ(TrimBlanks(" \tPlayer | Plays |\r\n"), "Player | Plays |");
  EXPECT_EQ(TrimBlanks("a  b"), "a  b");
}

TEST(TrimBlanksTest, AllBlanksIsEmpty) {
  EXPECT_EQ(TrimBlanks(" \t\r\n"), "");
  EXPECT_EQ(TrimBlanks(""), "");
}

}  // namespace
}  // namespace provcheck
