#include "ingest/markdown.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace provcheck {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(
      std::string(PROVCHECK_SOURCE_DIR) + "/fixtures/ingest/" + name,
      std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Blanks are what the tests care about, but trailing ones are noise.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) {
      continue;
    }
    if (c == '\n' && !out.empty() && out.back() == ' ') out.pop_back();
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TEST(MarkdownTest, OutputIsByteAlignedWithInput) {
  const std::string md = ReadFixture("article.md");
  ASSERT_FALSE(md.empty());
  const std::string text = MarkdownToText(md);
  ASSERT_EQ(text.size(), md.size());
  // Whatever survives is unchanged and in place.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '\n') {
      ASSERT_EQ(text[i], md[i]) << "at offset " << i;
    }
  }
  const size_t claim = md.find("Officials said");
  EXPECT_EQ(text.substr(claim, 14), "Officials said");
}

TEST(MarkdownTest, YamlFrontMatterIsBlanked) {
  const std::string md = "---\ntitle: A claim\n---\nBody text.\n";
  EXPECT_EQ(MarkdownToText(md), "   \n              \n   \nBody text.\n");
}

TEST(MarkdownTest, TomlFrontMatterIsBlanked) {
  const std::string md = "+++\ntitle = \"x\"\n+++\nBody.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "\n\n\nBody.\n");
}

TEST(MarkdownTest, DashesWithoutClosingLineAreNotFrontMatter) {
  const std::string md = "---\nStill prose here.\n";
  EXPECT_EQ(MarkdownToText(md), "   \nStill prose here.\n");
}

TEST(MarkdownTest, FrontMatterOnlyCountsAtTheVeryStart) {
  const std::string md = "Intro.\n\n---\nkey: value\n---\n";
  const std::string text = MarkdownToText(md);
  EXPECT_NE(text.find("key: value"), std::string::npos);
}

TEST(MarkdownTest, FencedCodeIsBlankedWithItsInfoString) {
  const std::string md =
      "Before.\n```python title=\"x\"\nprint('claim')\n```\nAfter.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Before.\n\n\n\nAfter.\n");
}

TEST(MarkdownTest, TildeFenceNeedsMatchingCloser) {
  // A ``` line does not close a ~~~~ fence.
  const std::string md = "~~~~\ncode\n```\nmore code\n~~~~\nProse.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "\n\n\n\n\nProse.\n");
}

TEST(MarkdownTest, UnclosedFenceBlanksToEndOfDocument) {
  const std::string md = "Prose.\n```\ncode\nstill code\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Prose.\n\n\n\n");
}

TEST(MarkdownTest, FenceInsideBlockquoteIsBlanked) {
  const std::string md = "> ```\n> code\n> ```\n> Quoted prose.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "\n\n\nQuoted prose.\n");
}

TEST(MarkdownTest, MultiLineHtmlCommentIsBlanked) {
  const std::string md = "One.\n\n<!-- note\n# not a heading\n-->\nTwo.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "One.\n\n\n\n\nTwo.\n");
}

TEST(MarkdownTest, InlineHtmlCommentIsBlanked) {
  const std::string md = "A claim <!-- check it --> stands.\n";
  EXPECT_EQ(MarkdownToText(md), "A claim                   stands.\n");
}

TEST(MarkdownTest, InlineHtmlTagsAreBlanked) {
  const std::string md = "Say <span class=\"x\">this</span> now.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Say this now.\n");
}

TEST(MarkdownTest, LessThanThatStartsNoTagIsKept) {
  const std::string md = "Growth was < 3% and x<y.\n";
  EXPECT_EQ(MarkdownToText(md), md);
}

TEST(MarkdownTest, LinkKeepsTextAndBlanksDestination) {
  const std::string md = "Per [Reuters](https://r.com/a \"t\") today.\n";
  EXPECT_EQ(MarkdownToText(md),
            "Per  Reuters" + std::string(22, ' ') + " today.\n");
}

TEST(MarkdownTest, ImageIsBlankedEntirely) {
  const std::string md = "See ![a chart](chart.png) here.\n";
  EXPECT_EQ(MarkdownToText(md), "See                       here.\n");
}

TEST(MarkdownTest, ReferenceLinkKeepsTextAndBlanksDefinition) {
  const std::string md =
      "Read [the report][r] and [Other].\n\n[r]: https://x.org/r\n"
      "[other]: https://x.org/o \"t\"\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Read the report and Other .\n\n\n\n");
}

TEST(MarkdownTest, BracketedAttributionWithoutDefinitionIsKept) {
  const std::string md = "The talks failed [BFMTV].\n";
  EXPECT_EQ(MarkdownToText(md), md);
}

TEST(MarkdownTest, FootnoteReferenceIsBlanked) {
  const std::string md = "A claim.[^1]\n\n[^1]: The source.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "A claim.\n\nThe source.\n");
}

TEST(MarkdownTest, InlineCodeIsBlanked) {
  const std::string md = "Run `rm -rf` now and ``a ` b`` too.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Run now and too.\n");
}

TEST(MarkdownTest, UnmatchedBacktickIsKept) {
  const std::string md = "It`s fine.\n";
  EXPECT_EQ(MarkdownToText(md), md);
}

TEST(MarkdownTest, HeadingMarkersAreBlanked) {
  EXPECT_EQ(MarkdownToText("## Title ##\n"), "   Title   \n");
  EXPECT_EQ(MarkdownToText("#hashtag\n"), "#hashtag\n");
}

TEST(MarkdownTest, SetextUnderlineIsBlanked) {
  const std::string md = "Title\n=====\nBody.\n";
  EXPECT_EQ(MarkdownToText(md), "Title\n     \nBody.\n");
}

TEST(MarkdownTest, ThematicBreakIsBlanked) {
  EXPECT_EQ(MarkdownToText("One.\n\n* * *\n\nTwo.\n"),
            "One.\n\n     \n\nTwo.\n");
}

TEST(MarkdownTest, BlockquoteMarkersAreBlanked) {
  EXPECT_EQ(MarkdownToText("> > Nested quote.\n"), "    Nested quote.\n");
}

TEST(MarkdownTest, ListMarkersAreBlanked) {
  const std::string md =
      "- one\n* two\n+ three\n1. four\n2) five\n- [x] done\n";
  EXPECT_EQ(MarkdownToText(md),
            "  one\n  two\n  three\n   four\n   five\n      done\n");
}

TEST(MarkdownTest, ListItemsStayOnSeparateLines) {
  const std::string md = "- first item\n- second item\n";
  EXPECT_EQ(MarkdownToText(md), "  first item\n  second item\n");
}

TEST(MarkdownTest, LazyLineAfterListItemContinuesIt) {
  const std::string md = "- an item\nwrapped without indent\n";
  EXPECT_EQ(MarkdownToText(md), "  an item wrapped without indent\n");
}

TEST(MarkdownTest, ListItemContinuationJoinsItsItem) {
  const std::string md = "- a long item\n  that wraps\n- next\n";
  EXPECT_EQ(MarkdownToText(md), "  a long item   that wraps\n  next\n");
}

TEST(MarkdownTest, NumberAtLineStartInsideParagraphIsNotAList) {
  const std::string md = "Sales grew in\n2016. Then fell.\n";
  EXPECT_EQ(MarkdownToText(md), "Sales grew in 2016. Then fell.\n");
}

TEST(MarkdownTest, EmphasisMarkersAreBlanked) {
  const std::string md = "A *big* and **bold** and _quiet_ ~~gone~~ claim.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)),
            "A big and bold and quiet gone claim.\n");
}

TEST(MarkdownTest, IntrawordUnderscoresAreKept) {
  const std::string md = "Call snake_case_name now.\n";
  EXPECT_EQ(MarkdownToText(md), md);
}

TEST(MarkdownTest, LoneAsteriskIsKept) {
  const std::string md = "Prices * rose 5 * 3 times.\n";
  EXPECT_EQ(MarkdownToText(md), md);
}

TEST(MarkdownTest, EmphasisAroundLinkIsBlanked) {
  const std::string md = "**[Reuters](https://r.com)** said.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Reuters said.\n");
}

TEST(MarkdownTest, BackslashEscapeKeepsTheCharacter) {
  EXPECT_EQ(MarkdownToText("Not \\*emphasis\\*.\n"), "Not  *emphasis *.\n");
}

TEST(MarkdownTest, TablePipesAreKeptAndDelimiterRowBlanked) {
  const std::string md = "| Country | Share |\n|---|:--:|\n| Armenia | 40% |\n";
  EXPECT_EQ(MarkdownToText(md),
            "| Country | Share |\n          \n| Armenia | 40% |\n");
}

TEST(MarkdownTest, TableRowsStayOnSeparateLines) {
  const std::string md = "a | b\n--|--\nc | d\ne | f\n";
  const std::string text = MarkdownToText(md);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4);
}

TEST(MarkdownTest, SoftLineBreakJoinsParagraph) {
  const std::string md = "The minister said\nthe talks would resume.\n";
  EXPECT_EQ(MarkdownToText(md), "The minister said the talks would resume.\n");
}

TEST(MarkdownTest, BlankLineSeparatesParagraphs) {
  const std::string md = "One.\n\nTwo.\n";
  EXPECT_EQ(MarkdownToText(md), md);
}

TEST(MarkdownTest, HeadingIsItsOwnParagraph) {
  const std::string md = "# Title\nFirst line.\nSecond line.\n";
  EXPECT_EQ(MarkdownToText(md), "  Title\nFirst line. Second line.\n");
}

TEST(MarkdownTest, ParagraphIsNotJoinedToFollowingBlock) {
  const std::string md = "Prose.\n# Heading\nProse.\n- item\n\nProse.\n> q\n";
  EXPECT_EQ(MarkdownToText(md),
            "Prose.\n  Heading\nProse.\n  item\n\nProse.\n  q\n");
}

TEST(MarkdownTest, BlockquoteContinuationLinesAreJoined) {
  const std::string md = "> We are ready\n> to sign.\n";
  EXPECT_EQ(MarkdownToText(md), "  We are ready   to sign.\n");
}

TEST(MarkdownTest, CarriageReturnsAreBlankedAndParagraphsJoined) {
  const std::string md = "One\r\ntwo.\r\n\r\nThree.\r\n";
  EXPECT_EQ(MarkdownToText(md), "One  two. \n \nThree. \n");
}

TEST(MarkdownTest, LeadingBomIsBlanked) {
  const std::string md = "\xEF\xBB\xBF---\na: b\n---\nText.\n";
  EXPECT_EQ(MarkdownToText(md), "      \n    \n   \nText.\n");
}

TEST(MarkdownTest, HtmlScriptBlockIsBlanked) {
  const std::string md = "<script>\nvar claim = 1;\n</script>\nProse.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "\n\n\nProse.\n");
}

TEST(MarkdownTest, HtmlBlockKeepsItsText) {
  const std::string md = "<div align=\"center\">\nCentred prose.\n</div>\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Centred prose.\n\n");
}

TEST(MarkdownTest, AutolinkIsBlanked) {
  const std::string md = "Mail <desk@example.org> or <https://x.org>.\n";
  EXPECT_EQ(Squeeze(MarkdownToText(md)), "Mail or .\n");
}

TEST(MarkdownTest, PathologicalInputStaysFast) {
  // Unmatched brackets, backticks and emphasis runs that would make a naive
  // search quadratic.
  std::string md;
  for (int i = 0; i < 100000; ++i) {
    md += "[a `` *b _c <d <!-- <? <![CDATA[ <!X <script> <a x=\" ";
  }
  const std::string text = MarkdownToText(md);
  EXPECT_EQ(text.size(), md.size());
}

}  // namespace
}  // namespace provcheck
