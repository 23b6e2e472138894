#include "provcheck/engine.h"

#include "engine/matcher_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::SizeIs;

// Three kinds of rule, enough to exercise how findings are resolved.
constexpr char kRules[] = R"pack(pack p
rule named {
  kind attribution
  match "(?P<source>State Department|Lavrov) said"
  message "Claim attributed to {source}{?role: ({role})}"
}
rule vague {
  kind vague-attribution
  severity warning
  match "(?i:officials)(?: at the State Department)? said"
  message "Vague"
  yields-to attribution
}
rule claim {
  kind unattributed-claim
  match "^.*\d{4}.*$"
  message "Unattributed"
  unless-near attribution within 1
}
rule anaphor {
  kind attribution
  match "(?P<anaphor>[Hh]e|[Tt]he company|[Tt]hey) added"
  message "Claim attributed to {source}"
}
rule wire-claim {
  kind unattributed-claim
  match "^.*\d{3}.*cents.*$"
  message "Unattributed"
  unless-near attribution within 1 across-paragraphs
}
rule menu {
  kind boilerplate
  scope document
  match "(?m)(?:^MENU [a-z]+\n){2,}"
  message "Menu"
}
)pack";

class AnalyzeDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_ = testing::CompileTestMatcher(kRules);
    ASSERT_NE(matcher_, nullptr);
  }

  DocumentResult Analyze(std::string text,
                         const SourceRegistry* sources = nullptr) {
    Document document;
    document.path = "doc.txt";
    document.original = text;
    document.text = std::move(text);
    return AnalyzeDocument(document,
                           AnalysisConfig{matcher_.get(), sources, {}});
  }

  // Types "State Department" as an institution, anyone else as a person.
  std::unique_ptr<SourceRegistry> Registry() {
    auto registry = SourceRegistry::Parse(
        R"sources(
match name "(?i:.*department.*)" { type official-body prior 0.7 basis "test" }
default attribution { type person prior 0.55 basis "test" }
)sources",
        "test.sources");
    EXPECT_TRUE(registry.ok()) << registry.status();
    return registry.ok() ? *std::move(registry) : nullptr;
  }

  std::unique_ptr<Matcher> matcher_;
};

TEST_F(AnalyzeDocumentTest, BoilerplateSpanningLinesMarksEveryLineItCovers) {
  const DocumentResult result =
      Analyze("Story text.\nMENU home\nMENU news\nMENU sport\nMore text.\n");
  EXPECT_EQ(result.stats.lines, 5);
  EXPECT_EQ(result.stats.boilerplate_lines, 3);
}

TEST_F(AnalyzeDocumentTest, VagueFindingYieldsToAnOverlappingAttribution) {
  const DocumentResult result =
      Analyze("Officials at the State Department said so.");
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].rule_id, "named");
}

TEST_F(AnalyzeDocumentTest, VagueFindingStandsAlone) {
  const DocumentResult result = Analyze("Officials said so.");
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].kind, Kind::kVagueAttribution);
}

TEST_F(AnalyzeDocumentTest, ClaimWithSpeakerInNextSentenceIsAttributed) {
  const DocumentResult result =
      Analyze("The deal was signed in 2019. Lavrov said so.");
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, ClaimOutOfReachOfTheSpeakerIsFlagged) {
  const DocumentResult result =
      Analyze("The deal was signed in 2019. It rained. Lavrov said so.");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[0].rule_id, "claim");
}

TEST_F(AnalyzeDocumentTest, SpeakerInAnotherParagraphIsOutOfReach) {
  const DocumentResult result =
      Analyze("The deal was signed in 2019.\nLavrov said so.");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[0].rule_id, "claim");
}

TEST_F(AnalyzeDocumentTest, AcrossParagraphsReachesTheParagraphBefore) {
  const DocumentResult result =
      Analyze("Lavrov said so.\nThe bid was 250 cents a share.");
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, AcrossParagraphsStillCountsSentences) {
  const DocumentResult result =
      Analyze("Lavrov said so.\nIt rained.\nThe bid was 250 cents a share.");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "wire-claim");
}

TEST_F(AnalyzeDocumentTest, AnAnaphorTakesTheLastSourceOfItsKind) {
  const auto registry = Registry();
  const DocumentResult result = Analyze(
      "Lavrov said so. State Department said no. He added more. The company "
      "added less. They added nothing.",
      registry.get());
  std::vector<std::string> sources;
  for (const Finding& finding : result.findings) {
    sources.push_back(finding.source);
  }
  EXPECT_THAT(sources, ElementsAre("Lavrov", "State Department", "Lavrov",
                                   "State Department", "State Department"));
}

TEST_F(AnalyzeDocumentTest, AnAnaphorWithNoFittingSourceStaysUnresolved) {
  const auto registry = Registry();
  const DocumentResult result =
      Analyze("Lavrov said so. The company added less.", registry.get());
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].source, "company");  // cleaned, unresolved
}

TEST_F(AnalyzeDocumentTest, WithoutASourceRegistryOnlyTheyFindsAnAntecedent) {
  const DocumentResult result =
      Analyze("Lavrov said so. He added more. They added nothing.");
  std::vector<std::string> sources;
  for (const Finding& finding : result.findings) {
    sources.push_back(finding.source);
  }
  EXPECT_THAT(sources, ElementsAre("Lavrov", "He", "Lavrov"));
}

TEST_F(AnalyzeDocumentTest, ColumnsCountCodePointsNotBytes) {
  const DocumentResult result = Analyze("“Peace,” Lavrov said.");
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].start.line, 1);
  EXPECT_EQ(result.findings[0].start.column, 10);
  EXPECT_EQ(result.findings[0].stop.column, 21);
  EXPECT_EQ(result.findings[0].text, "Lavrov said");
}

TEST_F(AnalyzeDocumentTest, FindingsCarryTheSourceAndRenderedMessage) {
  const DocumentResult result = Analyze("Then Lavrov said it.");
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].source, "Lavrov");
  EXPECT_EQ(result.findings[0].message, "Claim attributed to Lavrov");
}

TEST_F(AnalyzeDocumentTest, FindingsAreSortedByLineThenColumn) {
  const DocumentResult result =
      Analyze("Officials said one.\nLavrov said two. Officials said three.");
  ASSERT_THAT(result.findings, SizeIs(3));
  EXPECT_EQ(result.findings[0].start.line, 1);
  EXPECT_EQ(result.findings[1].start.column, 1);
  EXPECT_EQ(result.findings[2].start.column, 18);
}

TEST_F(AnalyzeDocumentTest, StatsCountClaimsByHowTheyAreSourced) {
  const DocumentResult result =
      Analyze("Lavrov said it.\n\nOfficials said so.\nIt happened in 1999.");
  EXPECT_EQ(result.stats.lines, 3);
  EXPECT_EQ(result.stats.claims, 3);
  EXPECT_EQ(result.stats.attributed_claims, 1);
  EXPECT_EQ(result.stats.vague_claims, 1);
  EXPECT_EQ(result.stats.unattributed_claims, 1);
  EXPECT_EQ(result.stats.vague_attributions, 1);
}

// An HTML-like document: its text plus what the markup said per line.
Document WithStructure(std::string text, std::vector<LineStructure> lines) {
  Document document;
  document.path = "page.html";
  document.format = Format::kHtml;
  document.original = text;
  document.text = std::move(text);
  document.structure = std::move(lines);
  return document;
}

TEST_F(AnalyzeDocumentTest, FurnitureLineIsAPageStructureFinding) {
  const Document document = WithStructure(
      "Home\nStory text.\n", {{0, "inside <nav>", 4, 4}, {5, "", 11, 0}});
  const DocumentResult result =
      AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}});
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].rule_id, kPageStructureRuleId);
  EXPECT_EQ(result.findings[0].text, "Home");
  EXPECT_EQ(result.findings[0].message,
            "Page furniture by its markup (inside <nav>), not this article's "
            "own text");
  EXPECT_EQ(result.stats.boilerplate_lines, 1);
}

TEST_F(AnalyzeDocumentTest, LinkDenseLineSaysHowMuchIsLinkText) {
  const Document document = WithStructure("Story text.\nMore on this story\n",
                                          {{0, "", 10, 0}, {12, "", 15, 12}});
  const DocumentResult result =
      AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}});
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].text, "More on this story");
  EXPECT_EQ(result.findings[0].message,
            "Page furniture by its markup (link text 80%), not this article's "
            "own text");
}

TEST_F(AnalyzeDocumentTest, SentenceWithSomeLinksIsNotLinkDense) {
  const Document document =
      WithStructure("Story text with a link.\n", {{0, "", 19, 6}});
  const DocumentResult result =
      AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}});
  EXPECT_THAT(result.findings, SizeIs(0));
}

TEST_F(AnalyzeDocumentTest, LineARuleFlaggedKeepsOnlyTheRuleFinding) {
  const Document document =
      WithStructure("MENU home\nMENU news\n",
                    {{0, "inside <nav>", 8, 8}, {10, "inside <nav>", 8, 8}});
  const DocumentResult result =
      AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}});
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].rule_id, "menu");
}

TEST_F(AnalyzeDocumentTest, ClaimOnAFurnitureLineIsNotCounted) {
  const Document document = WithStructure("Lavrov said the talks failed.\n",
                                          {{0, "class 'related'", 24, 0}});
  const DocumentResult result =
      AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}});
  EXPECT_THAT(result.claims, SizeIs(0));
}

TEST(RenderMessageTest, InsertsCapturesAndOptionalSegments) {
  const std::vector<Capture> with_role = {{"source", "Ann Lee"},
                                          {"role", "the analyst"}};
  EXPECT_EQ(RenderMessage("To {source}{?role: ({role})}", with_role),
            "To Ann Lee (analyst)");
  const std::vector<Capture> without_role = {{"source", "Ann Lee"}};
  EXPECT_EQ(RenderMessage("To {source}{?role: ({role})}", without_role),
            "To Ann Lee");
}

TEST(CleanSourceNameTest, StripsPunctuationArticleAndPossessive) {
  EXPECT_EQ(CleanSourceName("  the Kremlin’s,"), "Kremlin");
  EXPECT_EQ(CleanSourceName("“Reuters”"), "Reuters");
  EXPECT_EQ(CleanSourceName("Ann\n  Lee"), "Ann Lee");
  EXPECT_EQ(CleanSourceName("Theresa May"), "Theresa May");
}

}  // namespace
}  // namespace provcheck
