#include "config/suppress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace provcheck {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kVague[] = "vague-attribution.unnamed-group";

TEST(SuppressionsTest, DisableNextLineCoversOnlyTheNextLine) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable-next-line -->\nAnalysts say.\nAnalysts say.\n",
      Format::kMarkdown);
  EXPECT_TRUE(s.Suppress(kVague, Position{2, 1}));
  EXPECT_FALSE(s.Suppress(kVague, Position{3, 1}));
  EXPECT_FALSE(s.Suppress(kVague, Position{1, 40}));
}

TEST(SuppressionsTest, DisableNextLineWithARuleLeavesOtherRules) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable-next-line vague-attribution -->\nText.\n",
      Format::kMarkdown);
  EXPECT_FALSE(s.Suppress("boilerplate.navigation", Position{2, 1}));
  EXPECT_TRUE(s.Suppress(kVague, Position{2, 1}));
}

TEST(SuppressionsTest, DisableRunsUntilEnable) {
  Suppressions s = Suppressions::Parse(
      "One.\n<!-- provcheck-disable -->\nTwo.\nThree.\n"
      "<!-- provcheck-enable -->\nFour.\n",
      Format::kMarkdown);
  EXPECT_FALSE(s.Suppress(kVague, Position{1, 1}));
  EXPECT_TRUE(s.Suppress(kVague, Position{3, 1}));
  EXPECT_TRUE(s.Suppress("boilerplate.navigation", Position{4, 2}));
  EXPECT_FALSE(s.Suppress(kVague, Position{6, 1}));
}

TEST(SuppressionsTest, DisableWithoutEnableRunsToTheEnd) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable boilerplate.* -->\n\n\nFooter\n", Format::kHtml);
  EXPECT_TRUE(s.Suppress("boilerplate.navigation", Position{4, 1}));
  EXPECT_FALSE(s.Suppress(kVague, Position{4, 1}));
}

TEST(SuppressionsTest, DisableStartsAfterTheCommentOnItsOwnLine) {
  Suppressions s = Suppressions::Parse(
      "Before <!-- provcheck-disable --> after\n", Format::kHtml);
  EXPECT_FALSE(s.Suppress(kVague, Position{1, 1}));
  EXPECT_TRUE(s.Suppress(kVague, Position{1, 35}));
}

TEST(SuppressionsTest, EnableWithARuleClosesOnlyThatRulesRange) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable vague-attribution, boilerplate -->\nA\n"
      "<!-- provcheck-enable boilerplate -->\nB\n",
      Format::kMarkdown);
  EXPECT_TRUE(s.Suppress("boilerplate.navigation", Position{2, 1}));
  EXPECT_FALSE(s.Suppress("boilerplate.navigation", Position{4, 1}));
  EXPECT_TRUE(s.Suppress(kVague, Position{4, 1}));
}

TEST(SuppressionsTest, PlainTextDirectiveIsALineOfItsOwn) {
  Suppressions s = Suppressions::Parse(
      "Intro.\nprovcheck: disable-next-line vague-attribution\n"
      "Analysts say so.\nAnalysts say so.\n",
      Format::kPlainText);
  EXPECT_TRUE(s.Suppress(kVague, Position{3, 1}));
  EXPECT_FALSE(s.Suppress(kVague, Position{4, 1}));
  EXPECT_TRUE(s.IsDirectiveLine(2));
  EXPECT_FALSE(s.IsDirectiveLine(3));
}

TEST(SuppressionsTest, PlainTextIgnoresHtmlComments) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable -->\nAnalysts say.\n", Format::kPlainText);
  EXPECT_TRUE(s.empty());
}

TEST(SuppressionsTest, MarkdownCodeFenceHoldsExamplesNotDirectives) {
  Suppressions s = Suppressions::Parse(
      "```\n<!-- provcheck-disable -->\n```\nAnalysts say.\n",
      Format::kMarkdown);
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.Suppress(kVague, Position{4, 1}));
}

TEST(SuppressionsTest, OtherCommentsAreNotDirectives) {
  Suppressions s = Suppressions::Parse(
      "<!-- editor: check this -->\n<!-- provcheck-disabled -->\nText\n",
      Format::kMarkdown);
  EXPECT_TRUE(s.empty());
}

TEST(SuppressionsTest, ColumnsCountCodePoints) {
  Suppressions s = Suppressions::Parse(
      "«Él» <!-- provcheck-disable-next-line -->\nx\n", Format::kMarkdown);
  const Diagnostics unused = s.Unused("a.md");
  ASSERT_THAT(unused, SizeIs(1));
  EXPECT_EQ(unused[0].column, 6);
}

TEST(SuppressionsTest, ADirectiveThatSuppressedNothingIsReported) {
  Suppressions s = Suppressions::Parse(
      "Line one.\n<!-- provcheck-disable-next-line boilerplate -->\nText\n",
      Format::kMarkdown);
  EXPECT_FALSE(s.Suppress(kVague, Position{3, 1}));
  const Diagnostics unused = s.Unused("docs/a.md");
  ASSERT_THAT(unused, SizeIs(1));
  EXPECT_EQ(unused[0].ToString(),
            "docs/a.md:2:1: warning: unused suppression: "
            "provcheck-disable-next-line boilerplate suppresses nothing "
            "[provcheck.unused-suppression]");
}

TEST(SuppressionsTest, EachIdleRuleOfADirectiveIsReported) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable-next-line vague-attribution boilerplate -->\n"
      "Analysts say.\n",
      Format::kMarkdown);
  EXPECT_TRUE(s.Suppress(kVague, Position{2, 1}));
  const Diagnostics unused = s.Unused("a.md");
  ASSERT_THAT(unused, SizeIs(1));
  EXPECT_THAT(unused[0].message, HasSubstr(": boilerplate suppresses nothing"));
}

TEST(SuppressionsTest, AUsedDirectiveIsNotReported) {
  Suppressions s = Suppressions::Parse(
      "<!-- provcheck-disable-next-line -->\nAnalysts say.\n",
      Format::kMarkdown);
  EXPECT_TRUE(s.Suppress(kVague, Position{2, 5}));
  EXPECT_THAT(s.Unused("a.md"), IsEmpty());
}

}  // namespace
}  // namespace provcheck
