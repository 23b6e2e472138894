#include "ingest/html.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "provcheck/document.h"

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

std::string Text(const std::string& html) { return HtmlToText(html).text; }

TEST(HtmlTest, DropsTagsAndKeepsText) {
  EXPECT_EQ(Text("<p>A <b>bold</b> <a href=\"/x\">claim</a>.</p>"),
            "A bold claim.\n");
}

TEST(HtmlTest, EmptyInputGivesEmptyText) {
  EXPECT_EQ(Text(""), "");
  EXPECT_EQ(Text("<html><body></body></html>"), "");
}

TEST(HtmlTest, DropsScriptAndStyleContents) {
  EXPECT_EQ(Text("<p>a</p><script>var s = '</p><p>x';</script>"
                 "<style>p { color: red }</style><p>b</p>"),
            "a\nb\n");
}

TEST(HtmlTest, DropsNoscriptTemplateAndSvgContents) {
  EXPECT_EQ(Text("<p>a</p><noscript><p>enable js</p></noscript>"
                 "<template><p>t</p></template>"
                 "<svg><svg><text>inner</text></svg><text>outer</text></svg>"
                 "<p>b</p>"),
            "a\nb\n");
}

TEST(HtmlTest, DropsTheOptionsOfASelect) {
  EXPECT_EQ(Text("<p>a</p><label>Archives</label><select>"
                 "<option>Select Month</option><option>October 2019</option>"
                 "</select><datalist><option>x</option></datalist><p>b</p>"),
            "a\nArchives\nb\n");
}

TEST(HtmlTest, SelfClosingSvgDropsNothingElse) {
  EXPECT_EQ(Text("<p>a<svg/> b</p>"), "a b\n");
}

TEST(HtmlTest, KeepsTitleAsItsOwnLine) {
  EXPECT_EQ(Text("<html><head><title>Talks &amp; truce</title>"
                 "<meta charset=utf-8></head><body><p>Body.</p></body>"),
            "Talks & truce\nBody.\n");
}

TEST(HtmlTest, DecodesNamedReferences) {
  EXPECT_EQ(Text("&lt;&gt;&amp;&quot;&apos;&#39;&rsquo;&lsquo;&ldquo;"
                 "&rdquo;&mdash;&ndash;&hellip;&eacute;&euro;&copy;"),
            "<>&\"''\xE2\x80\x99\xE2\x80\x98\xE2\x80\x9C\xE2\x80\x9D"
            "\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA6\xC3\xA9\xE2\x82\xAC"
            "\xC2\xA9\n");
}

TEST(HtmlTest, DecodesNumericReferences) {
  EXPECT_EQ(Text("&#65;&#x42;&#X43;&#8212;&#x1F600;"),
            "ABC\xE2\x80\x94\xF0\x9F\x98\x80\n");
}

TEST(HtmlTest, NumericReferencesInC1RangeMeanWindows1252) {
  EXPECT_EQ(Text("it&#146;s"), "it\xE2\x80\x99s\n");
}

TEST(HtmlTest, InvalidNumericReferencesBecomeReplacementCharacter) {
  EXPECT_EQ(Text("a&#0;b&#xD800;c&#x110000;d"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD"
            "d\n");
}

TEST(HtmlTest, UnknownOrBareAmpersandsStayLiteral) {
  EXPECT_EQ(Text("AT&T &foo; & &#; &#xZ;"), "AT&T &foo; & &#; &#xZ;\n");
}

TEST(HtmlTest, NoBreakSpaceBecomesPlainSpace) {
  EXPECT_EQ(Text("10&nbsp;percent and 5\xC2\xA0units"),
            "10 percent and 5 units\n");
}

TEST(HtmlTest, SoftHyphenIsDropped) {
  EXPECT_EQ(Text("fact&shy;check"), "factcheck\n");
}

TEST(HtmlTest, CollapsesWhitespaceWithinBlock) {
  EXPECT_EQ(Text("<p>  one \n\t two   <i> three </i>  </p>"),
            "one two three\n");
}

TEST(HtmlTest, BlockElementsEndLinesWithoutBlankLines) {
  EXPECT_EQ(Text("<div><h1>Head</h1>\n\n<p>One</p><p></p><section><p>Two"
                 "</p></section><ul><li>a</li><li>b</li></ul></div>"),
            "Head\nOne\nTwo\na\nb\n");
}

TEST(HtmlTest, InlineElementsDoNotBreakLines) {
  EXPECT_EQ(Text("<p>un<em>believ</em>able <span>news</span></p>"),
            "unbelievable news\n");
}

TEST(HtmlTest, BrStartsNewLine) {
  EXPECT_EQ(Text("<p>one<br>two<br/><br />three</p>"), "one\ntwo\nthree\n");
}

TEST(HtmlTest, TableCellsAreSeparatedByPipes) {
  EXPECT_EQ(Text("<table><tr><th>Country</th><th>Share</th></tr>"
                 "<tr><td>Armenia</td> <td>40%</td></tr></table>"),
            "Country | Share\nArmenia | 40%\n");
}

TEST(HtmlTest, CommentsAreDropped) {
  EXPECT_EQ(Text("a<!-- x --> b<!---->c<!-->d"), "a bcd\n");
}

TEST(HtmlTest, UnclosedCommentRunsToEnd) {
  EXPECT_EQ(Text("<p>kept</p><!-- never closed <p>lost</p>"), "kept\n");
}

TEST(HtmlTest, DoctypeProcessingInstructionAndCdataAreDropped) {
  EXPECT_EQ(Text("<!DOCTYPE html><?xml version=\"1.0\"?>"
                 "a<![CDATA[ x > y ]]>b"),
            "ab\n");
}

TEST(HtmlTest, QuotedAttributeMayContainGreaterThan) {
  EXPECT_EQ(Text("<a title=\"a > b\" data-x='>'>link</a> text"), "link text\n");
}

TEST(HtmlTest, UnterminatedQuoteEndsTagAtNextGreaterThan) {
  EXPECT_EQ(Text("<a href=\"oops>link</a> more"), "link more\n");
}

TEST(HtmlTest, StrayLessThanIsText) {
  EXPECT_EQ(Text("3 < 4 and a <3 b <"), "3 < 4 and a <3 b <\n");
}

TEST(HtmlTest, UppercaseTagsAreRecognised) {
  EXPECT_EQ(Text("<P>a</P><SCRIPT>x()</SCRIPT><Div>b</DIV>"), "a\nb\n");
}

TEST(HtmlTest, UnclosedScriptDropsRest) {
  EXPECT_EQ(Text("<p>a</p><script>var x = 1;"), "a\n");
}

TEST(HtmlTest, LeadingBomIsSkipped) {
  HtmlText out = HtmlToText("\xEF\xBB\xBFHi");
  EXPECT_EQ(out.text, "Hi\n");
  EXPECT_EQ(out.offsets.ToOriginal(0), 3u);
}

TEST(HtmlTest, CopiedBytesMapToThemselves) {
  const std::string html = "<p>Officials <b>said</b> it.</p>";
  HtmlText out = HtmlToText(html);
  ASSERT_EQ(out.text, "Officials said it.\n");
  for (size_t i = 0; i + 1 < out.text.size(); ++i) {
    if (out.text[i] == ' ') continue;
    EXPECT_EQ(html[out.offsets.ToOriginal(i)], out.text[i]) << "at " << i;
  }
}

TEST(HtmlTest, DecodedReferenceMapsToItsAmpersand) {
  const std::string html = "<p>a &mdash; b</p>";
  HtmlText out = HtmlToText(html);
  ASSERT_EQ(out.text, "a \xE2\x80\x94 b\n");
  const size_t amp = html.find('&');
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(out.offsets.ToOriginal(i), amp) << "byte " << i;
  }
  EXPECT_EQ(out.offsets.ToOriginal(6), html.find(" b") + 1);
}

TEST(HtmlTest, CollapsedSpaceMapsToFirstWhitespace) {
  const std::string html = "<p>one \n\t two</p>";
  HtmlText out = HtmlToText(html);
  ASSERT_EQ(out.text, "one two\n");
  EXPECT_EQ(out.offsets.ToOriginal(3), html.find(' '));
  EXPECT_EQ(out.offsets.ToOriginal(4), html.find("two"));
}

TEST(HtmlTest, EndOfTextMapsToEndOfInput) {
  const std::string html = "<p>a</p>  <!-- c -->";
  HtmlText out = HtmlToText(html);
  ASSERT_EQ(out.text, "a\n");
  EXPECT_EQ(out.offsets.ToOriginal(out.text.size()), html.size());
}

TEST(HtmlTest, LineBreakMapsToTagThatCausedIt) {
  const std::string html = "<p>a</p><p>b</p>";
  HtmlText out = HtmlToText(html);
  ASSERT_EQ(out.text, "a\nb\n");
  EXPECT_EQ(out.offsets.ToOriginal(1), html.find("</p>"));
  EXPECT_EQ(out.offsets.ToOriginal(2), html.rfind('b'));
}

TEST(HtmlTest, FindingInFixtureMapsBackToOriginalLineAndColumn) {
  const std::string html = ReadFixture("article.html");
  ASSERT_FALSE(html.empty());
  HtmlText out = HtmlToText(html);
  // In the page, the sentence's entity-laden quote starts mid-line 18.
  const std::string needle = "\xE2\x80\x9CWe are ready to sign";
  const size_t found = out.text.find(needle);
  ASSERT_NE(found, std::string::npos) << out.text;
  const size_t original = out.offsets.ToOriginal(found);
  EXPECT_EQ(html.substr(original, 7), "&ldquo;");
  EXPECT_EQ(LineIndex(html).At(original), (Position{18, 25}));
  // And a plain word later on the next line.
  const size_t premature = out.text.find("premature");
  ASSERT_NE(premature, std::string::npos);
  EXPECT_EQ(LineIndex(html).At(out.offsets.ToOriginal(premature)),
            (Position{19, 38}));
}

TEST(HtmlTest, FixtureDropsNonProse) {
  const std::string text = HtmlToText(ReadFixture("article.html")).text;
  EXPECT_EQ(text.find("font-family"), std::string::npos);
  EXPECT_EQ(text.find("not prose"), std::string::npos);
  EXPECT_EQ(text.find("editor"), std::string::npos);
  EXPECT_EQ(text.find("Enable JavaScript"), std::string::npos);
  EXPECT_EQ(text.find("chart label"), std::string::npos);
  EXPECT_EQ(text.find("template text"), std::string::npos);
  EXPECT_EQ(text.find("hidden"), std::string::npos);
  EXPECT_NE(text.find("Talks resume in Gen\xC3\xA8ve\n"), std::string::npos);
  EXPECT_NE(text.find("Armenia | 40%\n"), std::string::npos);
}

TEST(HtmlTest, LargeBrokenInputIsHandledInLinearTime) {
  // Each of these would rescan the rest of the input in a naive parser.
  std::string html;
  for (int i = 0; i < 50000; ++i) {
    html += "<a href=\"x>text & <b <!x <p>&#x &amp </";
  }
  HtmlText out = HtmlToText(html);
  EXPECT_FALSE(out.text.empty());
}

// The furniture reason of the line whose text starts with `prefix`, or
// "(no such line)".
std::string FurnitureOf(const std::string& html, std::string_view prefix) {
  const HtmlText out = HtmlToText(html);
  for (const LineStructure& line : out.structure) {
    if (std::string_view(out.text).substr(line.begin).starts_with(prefix)) {
      return line.furniture;
    }
  }
  return "(no such line)";
}

// A paragraph long enough to be the page's main text.
constexpr char kStory[] =
    "<p>The ministry said on Tuesday that the bridge would reopen in May "
    "after repairs that cost far more than the council had planned.</p>";

TEST(HtmlStructureTest, OneEntryPerLineAtItsStart) {
  const HtmlText out = HtmlToText("<p>One</p><p>Two <a href=x>three</a></p>");
  ASSERT_EQ(out.text, "One\nTwo three\n");
  ASSERT_EQ(out.structure.size(), 2u);
  EXPECT_EQ(out.structure[0].begin, 0u);
  EXPECT_EQ(out.structure[1].begin, 4u);
}

TEST(HtmlStructureTest, CountsLinkTextInCodePoints) {
  const HtmlText out =
      HtmlToText("<p>Voir <a href=x>l\xC3\xA9t\xC3\xA9</a> &amp; co</p>");
  ASSERT_EQ(out.structure.size(), 1u);
  EXPECT_EQ(out.structure[0].chars, 11);  // spaces do not count
  EXPECT_EQ(out.structure[0].link_chars, 4);
}

TEST(HtmlStructureTest, NavAsideFooterAndFormAreFurniture) {
  const std::string page = std::string("<nav><a href=/>Home</a></nav>") +
                           kStory +
                           "<aside>More</aside><footer>About us</footer>"
                           "<form><p>Search</p></form>";
  EXPECT_EQ(FurnitureOf(page, "Home"), "inside <nav>");
  EXPECT_EQ(FurnitureOf(page, "More"), "inside <aside>");
  EXPECT_EQ(FurnitureOf(page, "About"), "inside <footer>");
  EXPECT_EQ(FurnitureOf(page, "Search"), "inside <form>");
  EXPECT_EQ(FurnitureOf(page, "The ministry"), "");
}

TEST(HtmlStructureTest, FurnitureRolesCount) {
  const std::string page =
      std::string("<div role=navigation>Sections</div>") + kStory;
  EXPECT_EQ(FurnitureOf(page, "Sections"), "role 'navigation'");
}

TEST(HtmlStructureTest, ClassOrIdNamingFurnitureCounts) {
  const std::string page =
      std::string(kStory) +
      "<div class=\"col related-posts\"><p>Other story</p></div>"
      "<div id=shareButtons>Tweet this</div>";
  EXPECT_EQ(FurnitureOf(page, "Other story"), "class 'related-posts'");
  EXPECT_EQ(FurnitureOf(page, "Tweet"), "id 'shareButtons'");
}

TEST(HtmlStructureTest, ShortWordsMatchOnlyAsWholeWords) {
  const std::string page = std::string(kStory) +
                           "<div class=ad-slot>Buy now</div>"
                           "<div class=adjustable>Kept text</div>";
  EXPECT_EQ(FurnitureOf(page, "Buy now"), "class 'ad-slot'");
  EXPECT_EQ(FurnitureOf(page, "Kept text"), "");
}

TEST(HtmlStructureTest, HeaderInsideArticleHoldsTheByline) {
  const std::string page =
      std::string(
          "<header><p>Site name</p></header><article><header><p>By "
          "A. Writer</p></header>") +
      kStory + "</article>";
  EXPECT_EQ(FurnitureOf(page, "Site name"), "inside <header>");
  EXPECT_EQ(FurnitureOf(page, "By A. Writer"), "");
}

TEST(HtmlStructureTest, FooterOfTheArticleIsNotFurniture) {
  const std::string page =
      std::string("<article>") + kStory +
      "<footer><p>Buses only in the first week.</p><div class=share-bar>"
      "Share</div></footer></article><footer>Contact</footer>";
  EXPECT_EQ(FurnitureOf(page, "Buses only"), "");
  EXPECT_EQ(FurnitureOf(page, "Share"), "class 'share-bar'");
  EXPECT_EQ(FurnitureOf(page, "Contact"), "inside <footer>");
}

TEST(HtmlStructureTest, HeadlineIsNeverFurniture) {
  const std::string page =
      std::string(
          "<header class=masthead><h1>Bridge to reopen</h1>"
          "<p>Menu</p></header>") +
      kStory;
  EXPECT_EQ(FurnitureOf(page, "Bridge"), "");
  EXPECT_EQ(FurnitureOf(page, "Menu"), "inside <header>");
}

TEST(HtmlStructureTest, PositionClassOfTheArticleIsNotFurniture) {
  const std::string page = std::string(kStory) +
                           "<div class=article-footer><p>Last point.</p>"
                           "</div><div class=site-footer>Contact</div>";
  EXPECT_EQ(FurnitureOf(page, "Last point."), "");
  EXPECT_EQ(FurnitureOf(page, "Contact"), "class 'site-footer'");
}

TEST(HtmlStructureTest, TeaserOfTheArticleIsItsStandfirst) {
  const std::string page =
      std::string("<p class=article-teaser>In short.</p>") + kStory +
      "<div class=teaser-list>Next up</div>";
  EXPECT_EQ(FurnitureOf(page, "In short."), "");
  EXPECT_EQ(FurnitureOf(page, "Next up"), "class 'teaser-list'");
}

TEST(HtmlStructureTest, ArticleInsideFurnitureIsNotFurniture) {
  const std::string page = std::string(kStory) +
                           "<div class=sidebar><p>Trending</p><article><p>"
                           "A short piece.</p></article></div>";
  EXPECT_EQ(FurnitureOf(page, "A short piece."), "");
  EXPECT_EQ(FurnitureOf(page, "Trending"), "class 'sidebar'");
}

TEST(HtmlStructureTest, PageWrappedInAFormIsNotFurniture) {
  // ASP.NET wraps the whole page in one <form>.
  const std::string page =
      std::string("<body><form id=aspnetForm><p>Intro</p>") + kStory +
      "<nav>Home</nav></form></body>";
  EXPECT_EQ(FurnitureOf(page, "The ministry"), "");
  EXPECT_EQ(FurnitureOf(page, "Intro"), "");
  EXPECT_EQ(FurnitureOf(page, "Home"), "inside <nav>");
}

TEST(HtmlStructureTest, WrapperHoldingTheLongestParagraphAndMostProseIsLayout) {
  const std::string page =
      std::string("<div class=content-with-sidebar-widget>") + kStory + kStory +
      "<p>Its longest paragraph: " + kStory + "</p></div><div class=x>" +
      kStory + "</div>";
  EXPECT_EQ(FurnitureOf(page, "Its longest"), "");
}

TEST(HtmlStructureTest, CommentHoldingTheLongestParagraphIsFurniture) {
  const std::string page =
      std::string("<div class=post>") + kStory + kStory + kStory +
      "</div><div class=comments><p>Tried it: " + kStory + "</p></div>";
  EXPECT_EQ(FurnitureOf(page, "Tried it"), "class 'comments'");
}

TEST(HtmlStructureTest, BodyClassesDescribeThePageNotARegion) {
  const std::string page =
      std::string("<body class=\"section-commentisfree menu-open\">") + kStory +
      "<p>Second paragraph.</p></body>";
  EXPECT_EQ(FurnitureOf(page, "Second"), "");
}

TEST(HtmlStructureTest, TaxonomyAndNegatedClassesAreIgnored) {
  const std::string page =
      std::string(kStory) +
      "<div class=\"post tag-social category-cookies\"><p>One.</p></div>"
      "<div class=\"no-share has-sidebar\"><p>Two.</p></div>";
  EXPECT_EQ(FurnitureOf(page, "One."), "");
  EXPECT_EQ(FurnitureOf(page, "Two."), "");
}

TEST(HtmlStructureTest, EmbeddedPostIsQuotedContent) {
  const std::string page =
      std::string(kStory) +
      "<div class=social-media-embed><p>The governor wrote back.</p></div>";
  EXPECT_EQ(FurnitureOf(page, "The governor"), "");
}

TEST(HtmlStructureTest, ParentEndTagClosesUnclosedChildren) {
  const std::string page =
      std::string("<div><ul class=menu><li>a<li>b</div>") + kStory;
  EXPECT_EQ(FurnitureOf(page, "b"), "class 'menu'");
  EXPECT_EQ(FurnitureOf(page, "The ministry"), "");
}

TEST(HtmlStructureTest, StrayEndTagClosesNothing) {
  const std::string page =
      std::string("<aside></p></span><p>Box</p>") + "</aside>" + kStory;
  EXPECT_EQ(FurnitureOf(page, "Box"), "inside <aside>");
  EXPECT_EQ(FurnitureOf(page, "The ministry"), "");
}

TEST(HtmlStructureTest, SelfClosedElementMarksNothing) {
  const std::string page =
      std::string("<div class=sidebar/>") + kStory + "<p>More text.</p>";
  EXPECT_EQ(FurnitureOf(page, "More text."), "");
}

}  // namespace
}  // namespace provcheck
