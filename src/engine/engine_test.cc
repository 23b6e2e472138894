#include "provcheck/engine.h"

#include <string>
#include <string_view>

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
  match "(?P<source>State Department|Sergei Lavrov|Mr Lavrov|Lavrov|Acme Corp|Acme Corp and State Department|Acme|Zeta) said"
  message "Claim attributed to {source}{?role: ({role})}"
}
rule state {
  kind attribution
  match "(?P<source>Iraq) said"
  message "Claim attributed to {source}"
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
  match "(?P<anaphor>[Hh]e|[Ii]t|[Tt]he company|[Tt]he Department|[Tt]he government|[Tt]he spokesman|[Tt]hey) added"
  message "{?antecedent:{source}, as {antecedent}}{?unresolved:{unresolved}, no one named}"
}
rule story-spokesman {
  kind attribution
  match "(?P<anaphor>A spokesman) added"
  message "{?antecedent:{source}, as {antecedent}}"
  unresolved-as vague
}
rule described {
  kind attribution
  match "[Tt]he (?P<source>report|agency|agencies) found"
  message "Claim attributed to {source}"
}
rule document {
  kind attribution
  match "(?P<source>[Aa] [A-Z][a-z]+ poll) found"
  message "Claim attributed to {source}"
}
rule records {
  kind attribution
  match "[Tt]he (?P<source>figures) showed"
  message "Claim attributed to {source}"
}
rule wire-claim {
  kind unattributed-claim
  match "^.*\d{3}.*cents.*$"
  message "Unattributed"
  unless-near attribution within 1 across-paragraphs
}
rule lead-claim {
  kind unattributed-claim
  match "^.*\d{2} pct.*$"
  message "Unattributed"
  unless-near attribution within 1 across-paragraphs or-lead 3
}
rule release-claim {
  kind unattributed-claim
  match "^.*\d+ mln.*$"
  message "Unattributed"
  unless-near attribution within 1 across-paragraphs
  release-period "\d+ mln" "\b(?:in|for) (?P<period>[A-Z][a-z]+)"
}
rule quote-claim {
  kind unattributed-claim
  match "^\"Our.*$"
  message "Unattributed quotation"
  unless-near attribution within 1 or-quote-run
}
rule sole-claim {
  kind unattributed-claim
  match "^.*\d+ tonnes.*$"
  message "Unattributed"
  unless-near attribution, vague-attribution within 1 across-paragraphs or-sole-body
}
rule turn {
  kind attribution
  scope line
  match "^(?P<span>(?P<source>[A-Z]{2,}):)"
  message "Claim attributed to {source}"
  governs paragraph
}
rule text-of {
  kind attribution
  scope line
  match "^(?P<span>Following is the text of (?P<source>[a-z ]+)):"
  message "Claim attributed to {source}"
  governs document
}
rule menu {
  kind boilerplate
  scope document
  match "(?m)(?:^MENU [a-z]+\n){2,}"
  message "Menu"
}
)pack";

// A story whose `last` sentence stands four sentences after its `first`,
// three one-line paragraphs between them: out of reach of the test rules'
// `within 1` and `or-lead 3`.
std::string FourSentencesOn(std::string_view first, std::string_view last) {
  return std::string(first) + "\nIt rained.\nIt poured.\nIt cleared.\n" +
         std::string(last);
}

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

  // Types "State Department" as an institution, "he" as a person (as the
  // shipped registry does: the engine asks it what an anaphor stands for),
  // "the report" as a document, another lower-case source ("the agency") as
  // described, anyone else as a person.
  std::unique_ptr<SourceRegistry> Registry() {
    auto registry = SourceRegistry::Parse(
        R"sources(
match rule "state" { type state prior 0.7 basis "test" }
match name "(?i:.*poll)" { type document prior 0.65 basis "test" }
match name "figures" { type records prior 0.6 basis "test" }
match name "(?i:.*department.*)|Acme Corp" { type official-body prior 0.7 basis "test" }
match name "government" {
  type described prior 0.7 basis "test"
  antecedent "(?i:.*\b(?:government|department)\b.*)"
}
match name "report" { type document prior 0.4 basis "test" }
match name "spokesman" { type person prior 0.4 basis "test" named no refers anyone }
match name "a spokesman" { type person prior 0.4 basis "test" named no refers body }
match name "he|she" { type person prior 0.4 basis "test" named no }
match name "[a-z][a-z ]*" { type described prior 0.4 basis "test" }
default attribution { type person prior 0.55 basis "test" }
)sources",
        "test.sources");
    EXPECT_TRUE(registry.ok()) << registry.status();
    return registry.ok() ? *std::move(registry) : nullptr;
  }

  // The source of each finding.
  std::vector<std::string> Sources(std::string text,
                                   const SourceRegistry* registry) {
    std::vector<std::string> sources;
    for (const Finding& finding : Analyze(std::move(text), registry).findings) {
      sources.push_back(finding.source);
    }
    return sources;
  }
  DocumentResult AnalyzeWithRegistry(std::string text) {
    return Analyze(std::move(text), Registry().get());
  }
  std::vector<std::string> SourcesWithRegistry(std::string text) {
    return Sources(std::move(text), Registry().get());
  }
  // The second finding of `text`, read with the registry, which must make
  // two.
  Finding SecondOfTwoFindings(std::string text) {
    const std::unique_ptr<SourceRegistry> registry = Registry();
    const DocumentResult result = Analyze(std::move(text), registry.get());
    EXPECT_THAT(result.findings, SizeIs(2));
    return result.findings.size() == 2 ? result.findings[1] : Finding{};
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

TEST_F(AnalyzeDocumentTest, ABriefsAttributedLeadReachesItsNextSentences) {
  const DocumentResult result = Analyze(
      "ACME ISSUES NOTES\nLavrov said the notes were priced on Monday.\nIt "
      "rained.\nThey pay 15 pct a year.");
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, TheLeadReachesNoFurtherThanOrLeadSays) {
  const DocumentResult result =
      Analyze(FourSentencesOn("Lavrov said the notes were priced on Monday.",
                              "They pay 15 pct a year."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "lead-claim");
}

TEST_F(AnalyzeDocumentTest, ALongStorysLeadReachesOnlyItsNeighbour) {
  std::string story =
      "Lavrov said the notes were priced on Monday.\nThey pay 15 pct a year.\n";
  for (int i = 0; i < 12; ++i) story += "It rained.\n";
  const DocumentResult result = Analyze(story);
  ASSERT_THAT(result.findings, SizeIs(1));
  std::string longer =
      "Lavrov said the notes were priced on Monday.\nIt rained.\nThey pay 15 "
      "pct a year.\n";
  for (int i = 0; i < 12; ++i) longer += "It rained.\n";
  const DocumentResult long_result = Analyze(longer);
  ASSERT_THAT(long_result.findings, SizeIs(2));
  EXPECT_EQ(long_result.findings[1].rule_id, "lead-claim");
}

TEST_F(AnalyzeDocumentTest, AReleasesLeadSourcesLaterFiguresForItsPeriod) {
  const DocumentResult result = Analyze(
      FourSentencesOn("Reserves rose to 16 mln in February, Lavrov said.",
                      "Currency fell to 7 mln in February."));
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest,
       AReleaseAfterTheLeadSourcesLaterFiguresForItsPeriod) {
  const DocumentResult result = Analyze(FourSentencesOn(
      "It rained.\nReserves rose to 16 mln in February, Lavrov said.",
      "Currency fell to 7 mln in February."));
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, AReleaseSourcesNoFigureBeforeIt) {
  const DocumentResult result = Analyze(
      FourSentencesOn("Currency fell to 7 mln in February.",
                      "Reserves rose to 16 mln in February, Lavrov said."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[0].rule_id, "release-claim");
}

TEST_F(AnalyzeDocumentTest, AReleasesLeadDoesNotSourceAnotherPeriod) {
  const DocumentResult result = Analyze(
      FourSentencesOn("Reserves rose to 16 mln in February, Lavrov said.",
                      "Currency fell to 7 mln in March."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "release-claim");
}

TEST_F(AnalyzeDocumentTest, ALeadWithoutAFigureIsNoRelease) {
  const DocumentResult result =
      Analyze(FourSentencesOn("The talks will end in February, Lavrov said.",
                              "Currency fell to 7 mln in February."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "release-claim");
}

TEST_F(AnalyzeDocumentTest, AnUnattributedLeadIsNoRelease) {
  const DocumentResult result =
      Analyze(FourSentencesOn("Reserves rose to 16 mln in February, it seems.",
                              "Currency fell to 7 mln in February."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[0].rule_id, "release-claim");
  EXPECT_EQ(result.findings[1].rule_id, "release-claim");
}

TEST_F(AnalyzeDocumentTest, ASoleBodySourcesEveryLaterClaim) {
  const DocumentResult result = AnalyzeWithRegistry(FourSentencesOn(
      "Acme Corp said sales rose.", "Exports reached 500 tonnes."));
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, ASoleBodysShortFormIsTheSameSource) {
  const DocumentResult result = AnalyzeWithRegistry(
      FourSentencesOn("Acme Corp said sales rose.\nAcme said costs fell.",
                      "Exports reached 500 tonnes."));
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named"),
                                           Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, ASolePersonSourcesNoClaimOutOfReach) {
  const DocumentResult result = AnalyzeWithRegistry(FourSentencesOn(
      "Sergei Lavrov said talks went well.", "Exports reached 500 tonnes."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "sole-claim");
}

TEST_F(AnalyzeDocumentTest, ASecondNamedSourceEndsASoleBodysReach) {
  const DocumentResult result = AnalyzeWithRegistry(
      FourSentencesOn("Acme Corp said sales rose.\nState Department said no.",
                      "Exports reached 500 tonnes."));
  ASSERT_THAT(result.findings, SizeIs(3));
  EXPECT_EQ(result.findings[2].rule_id, "sole-claim");
}

TEST_F(AnalyzeDocumentTest, AnUnnamedSpeakerEndsASoleBodysReach) {
  const DocumentResult result = AnalyzeWithRegistry(
      FourSentencesOn("Acme Corp said sales rose.\nOfficials said it may.",
                      "Exports reached 500 tonnes."));
  ASSERT_THAT(result.findings, SizeIs(3));
  EXPECT_EQ(result.findings[2].rule_id, "sole-claim");
}

TEST_F(AnalyzeDocumentTest, ASoleBodySourcesNoClaimBeforeItIsNamed) {
  const DocumentResult result = AnalyzeWithRegistry(FourSentencesOn(
      "Exports reached 500 tonnes.", "Acme Corp said sales rose."));
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[0].rule_id, "sole-claim");
}

TEST_F(AnalyzeDocumentTest, AQuotationRunTakesTheSpeakerBeforeItsStart) {
  const DocumentResult result = Analyze(
      "Lavrov said so. \"It was fine. It rained. \"Our share is large.\"");
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "named")));
}

TEST_F(AnalyzeDocumentTest, AQuotationRunEndsWhereTheWriterSpeaks) {
  const DocumentResult result = Analyze(
      "Lavrov said so. \"It was fine.\" He left. It rained. \"Our share is "
      "large.\"");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "quote-claim");
}

TEST_F(AnalyzeDocumentTest, AGoverningFindingPutsItsWholeParagraphInReach) {
  const DocumentResult result = Analyze(
      "CLINTON: Thank you. It rained. It poured. We spent 2016 dollars.");
  EXPECT_THAT(result.findings, ElementsAre(Field(&Finding::rule_id, "turn")));
}

TEST_F(AnalyzeDocumentTest, AGoverningFindingDoesNotReachTheNextParagraph) {
  const DocumentResult result = Analyze(
      "CLINTON: Thank you. It rained.\nIt poured. It cleared. We spent 2016 "
      "dollars.");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "claim");
}

TEST_F(AnalyzeDocumentTest,
       AFindingThatGovernsTheDocumentReachesEveryLaterParagraph) {
  const DocumentResult result = Analyze(
      "Following is the text of a statement:\nIt rained.\nIt poured. It "
      "cleared. We spent 2016 dollars.");
  EXPECT_THAT(result.findings,
              ElementsAre(Field(&Finding::rule_id, "text-of")));
}

TEST_F(AnalyzeDocumentTest, AFindingThatGovernsTheDocumentDoesNotReachBack) {
  const DocumentResult result = Analyze(
      "It rained. It poured. We spent 2016 dollars.\nIt cleared.\nFollowing "
      "is the text of a statement:\nIt rained again.");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[0].rule_id, "claim");
}

TEST_F(AnalyzeDocumentTest, AcrossParagraphsStillCountsSentences) {
  const DocumentResult result =
      Analyze("Lavrov said so.\nIt rained.\nThe bid was 250 cents a share.");
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].rule_id, "wire-claim");
}

TEST_F(AnalyzeDocumentTest, AnAnaphorTakesTheLastSourceOfItsKind) {
  EXPECT_THAT(SourcesWithRegistry(
                  "Lavrov said so. State Department said no. He added more. "
                  "The company added less. They added nothing."),
              ElementsAre("Lavrov", "State Department", "Lavrov",
                          "State Department", "State Department"));
}

TEST_F(AnalyzeDocumentTest, ItOpeningWhatABareNameSaidIsThatName) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. Zeta said in a "
                                  "statement it added more."),
              ElementsAre("State Department", "Zeta", "Zeta"));
}

TEST_F(AnalyzeDocumentTest, ItAsTheTagClosingASentenceIsNotTheBareNameInIt) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. Sales fell after "
                                  "Zeta said so, it added."),
              ElementsAre("State Department", "Zeta", "State Department"));
}

TEST_F(AnalyzeDocumentTest, ItInsideABareNamesQuotationIsNotThatName) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. Zeta said: \"The "
                                  "bill, it added more.\""),
              ElementsAre("State Department", "Zeta", "State Department"));
}

TEST_F(AnalyzeDocumentTest, TheyAfterAnUnnamedGroupIsTheGroupNotTheBodyBefore) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. Officials said "
                                  "more. They added nothing."),
              ElementsAre("State Department", "", "They"));
}

TEST_F(AnalyzeDocumentTest, ItAfterAnUnnamedGroupStillTakesTheBody) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. Officials said "
                                  "more. It added nothing."),
              ElementsAre("State Department", "", "State Department"));
}

TEST_F(AnalyzeDocumentTest, AnAnaphorWithNoFittingSourceStaysUnresolved) {
  const auto registry = Registry();
  const DocumentResult result =
      Analyze("Lavrov said so. The company added less.", registry.get());
  ASSERT_THAT(result.findings, SizeIs(2));
  EXPECT_EQ(result.findings[1].source, "company");  // cleaned, unresolved
}

TEST_F(AnalyzeDocumentTest, ADescriptionDoesNotDisplaceTheNameBeforeIt) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. The agency found "
                                  "more. It added less."),
              ElementsAre("State Department", "agency", "State Department"));
}

TEST_F(AnalyzeDocumentTest, TheyTakesBodiesDescribedInThePluralOverOneName) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. The agencies "
                                  "found more. They added less."),
              ElementsAre("State Department", "agencies", "agencies"));
}

TEST_F(AnalyzeDocumentTest, BodiesInThePluralKeepTheNamesJoinedBeforeThem) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp and State Department said no. The "
                                  "agencies found more. They added less."),
              ElementsAre("Acme Corp and State Department", "agencies",
                          "Acme Corp and State Department"));
}

TEST_F(AnalyzeDocumentTest, ItSkipsBodiesDescribedInThePlural) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. The agencies "
                                  "found more. It added less."),
              ElementsAre("State Department", "agencies", "State Department"));
}

TEST_F(AnalyzeDocumentTest, ItRefersToAStateButTheCompanyDoesNot) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said no. Iraq said so. It added "
                                  "less. The company added more."),
              ElementsAre("Acme Corp", "Iraq", "Iraq", "Acme Corp"));
}

TEST_F(AnalyzeDocumentTest, ABareNameTheTextNamesInFullIsABody) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp shares rose. Acme said no. It "
                                  "added less."),
              ElementsAre("Acme Corp", "Acme Corp"));
}

TEST_F(AnalyzeDocumentTest, ABareNameInABodyNamedAfterItStaysAPerson) {
  // "Trump University ... Trump said ... He added": only a legal form
  // ("Inc", "Corp") makes the bare name the body's.
  EXPECT_THAT(SourcesWithRegistry("Lavrov Department was sued. Lavrov said "
                                  "no. He added less."),
              ElementsAre("Lavrov", "Lavrov"));
}

TEST_F(AnalyzeDocumentTest, ABareBodysMessageNamesItInFull) {
  const std::unique_ptr<SourceRegistry> registry = Registry();
  const DocumentResult result =
      Analyze("Acme Corp shares rose. Acme said no.", registry.get());
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].message, "Claim attributed to Acme Corp");
}

TEST_F(AnalyzeDocumentTest, ABareNameWithATickerElsewhereIsABody) {
  EXPECT_THAT(SourcesWithRegistry("Zeta <ZT> shares rose. Zeta said no. It "
                                  "added less."),
              ElementsAre("Zeta", "Zeta"));
}

TEST_F(AnalyzeDocumentTest, ABareNameTheTextNeverNamesAsABodyStaysAPerson) {
  EXPECT_THAT(SourcesWithRegistry("Zeta Smith arrived. Zeta said no. It added "
                                  "less. He added more."),
              ElementsAre("Zeta", "It", "Zeta"));
}

TEST_F(AnalyzeDocumentTest, ASurnameTakesTheFullNameGivenBefore) {
  EXPECT_THAT(SourcesWithRegistry("Sergei Lavrov said no. Lavrov said yes."),
              ElementsAre("Sergei Lavrov", "Sergei Lavrov"));
}

TEST_F(AnalyzeDocumentTest, ACourtesyTitleAndSurnameTakeTheFullName) {
  EXPECT_THAT(SourcesWithRegistry("Sergei Lavrov said no. Mr Lavrov said yes."),
              ElementsAre("Sergei Lavrov", "Sergei Lavrov"));
}

TEST_F(AnalyzeDocumentTest, ASurnameBeforeTheFullNameStaysAsWritten) {
  EXPECT_THAT(SourcesWithRegistry("Lavrov said no. Sergei Lavrov said yes."),
              ElementsAre("Lavrov", "Sergei Lavrov"));
}

TEST_F(AnalyzeDocumentTest, AClaimSourcedByWordsThatNameNoOneSaysSo) {
  const std::unique_ptr<SourceRegistry> registry = Registry();
  const DocumentResult result =
      Analyze("The plant shut, he added.\n\nLavrov said no.", registry.get());
  ASSERT_THAT(result.claims, SizeIs(2));
  EXPECT_EQ(result.claims[0].source, "he");
  EXPECT_FALSE(result.claims[0].source_named);
  EXPECT_TRUE(result.claims[1].source_named);
}

TEST_F(AnalyzeDocumentTest, AResolvedAnaphorsMessageGivesTheNameAndTheWord) {
  EXPECT_EQ(SecondOfTwoFindings("Lavrov said no. He added more.").message,
            "Lavrov, as He");
}

TEST_F(AnalyzeDocumentTest, AnUnresolvedAnaphorsMessageSaysNoOneIsNamed) {
  const DocumentResult result = Analyze("He added more.");
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].message, "He, no one named");
}

TEST_F(AnalyzeDocumentTest, TheMessageNamesTheFullName) {
  EXPECT_EQ(
      SecondOfTwoFindings("Sergei Lavrov said no. Lavrov said yes.").message,
      "Claim attributed to Sergei Lavrov");
}

TEST_F(AnalyzeDocumentTest, TheSpokesmanSkipsABodyDescribedAfterTheName) {
  // "Deutsche Lufthansa AG said ... a company statement said ... the
  // statement said": the description points back to the name.
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said no. The agency found more. "
                                  "The spokesman added less."),
              ElementsAre("Acme Corp", "agency", "Acme Corp"));
}

TEST_F(AnalyzeDocumentTest, TheSpokesmanSpeaksForTheBodyNamedLast) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said no. The spokesman added "
                                  "less."),
              ElementsAre("Acme Corp", "Acme Corp"));
}

TEST_F(AnalyzeDocumentTest, AnUnnamedSpokesmanAfterABodyIsThatBodysSpokesman) {
  const Finding spokesman =
      SecondOfTwoFindings("Acme Corp said no. A spokesman added more.");
  EXPECT_EQ(spokesman.rule_id, "story-spokesman");
  EXPECT_EQ(spokesman.source, "Acme Corp");
  EXPECT_EQ(spokesman.message, "Acme Corp, as A spokesman");
}

TEST_F(AnalyzeDocumentTest, AnUnresolvedAnaphorBecomesTheUnresolvedAsRules) {
  // After a person (one the text titles; a bare "Lavrov" could be a body,
  // whose spokesman he would be) the spokesman is no one named: the vague
  // rule's finding.
  const Finding spokesman =
      SecondOfTwoFindings("Mr Lavrov said no. A spokesman added more.");
  EXPECT_EQ(spokesman.rule_id, "vague");
  EXPECT_EQ(spokesman.kind, Kind::kVagueAttribution);
  EXPECT_EQ(spokesman.severity, Severity::kWarning);
  EXPECT_EQ(spokesman.message, "Vague");
  EXPECT_EQ(spokesman.text, "A spokesman added");
  EXPECT_EQ(spokesman.source, "");
}

TEST_F(AnalyzeDocumentTest, ItRefersToTheLastDescribedDocument) {
  EXPECT_THAT(
      SourcesWithRegistry(
          "State Department said no. The report found more. It added less."),
      ElementsAre("State Department", "report", "report"));
}

TEST_F(AnalyzeDocumentTest, ACompanyNounWantsANamedBodyNotADescribedOne) {
  EXPECT_THAT(
      SourcesWithRegistry(
          "State Department said no. The report found more. The company added "
          "less."),
      ElementsAre("State Department", "report", "State Department"));
}

TEST_F(AnalyzeDocumentTest, TheyStandsForABodyNotThePersonNamedLast) {
  EXPECT_THAT(
      SourcesWithRegistry(
          "State Department said no. Lavrov said so. They added nothing."),
      ElementsAre("State Department", "Lavrov", "State Department"));
}

TEST_F(AnalyzeDocumentTest, TheyAfterOnlyAPersonStaysUnresolved) {
  EXPECT_THAT(SourcesWithRegistry("Lavrov said so. They added nothing."),
              ElementsAre("Lavrov", "They"));
}

TEST_F(AnalyzeDocumentTest, ABodyNounSkipsANamedDocument) {
  EXPECT_THAT(
      SourcesWithRegistry(
          "State Department said no. A Gallup poll found more. The company "
          "added less. It added nothing."),
      ElementsAre("State Department", "A Gallup poll", "State Department",
                  "A Gallup poll"));
}

TEST_F(AnalyzeDocumentTest, ItSkipsADocumentTheSpeakerCited) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said a Gallup poll found more. "
                                  "It added nothing."),
              ElementsAre("Acme Corp", "a Gallup poll", "Acme Corp"));
}

TEST_F(AnalyzeDocumentTest, ItTakesADocumentThatSpeaksInItsOwnSentence) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said more. A Gallup poll found "
                                  "less. It added nothing."),
              ElementsAre("Acme Corp", "A Gallup poll", "A Gallup poll"));
}

TEST_F(AnalyzeDocumentTest, ACapitalisedBodyTakesOnlyASourceNamedWithIt) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. The Department "
                                  "added more."),
              ElementsAre("State Department", "State Department"));
}

TEST_F(AnalyzeDocumentTest, ACapitalisedBodyStaysUnresolvedAfterAnotherName) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said no. The company added less. "
                                  "The Department added more."),
              ElementsAre("Acme Corp", "Acme Corp", "Department"));
}

TEST_F(AnalyzeDocumentTest, TheGovernmentNeverRefersBackToACompany) {
  EXPECT_THAT(SourcesWithRegistry("Acme Corp said no. The government added "
                                  "more."),
              ElementsAre("Acme Corp", "government"));
}

TEST_F(AnalyzeDocumentTest, TheGovernmentTakesOneOfItsDepartments) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. The government "
                                  "added more."),
              ElementsAre("State Department", "State Department"));
}

TEST_F(AnalyzeDocumentTest, TheySkipsADocumentForTheBodyBefore) {
  EXPECT_THAT(
      SourcesWithRegistry("State Department said no. A Gallup poll found "
                          "more. They added nothing."),
      ElementsAre("State Department", "A Gallup poll", "State Department"));
}

TEST_F(AnalyzeDocumentTest, NothingRefersBackToRecords) {
  EXPECT_THAT(SourcesWithRegistry("State Department said no. The figures "
                                  "showed more. It added nothing."),
              ElementsAre("State Department", "figures", "State Department"));
}

TEST_F(AnalyzeDocumentTest, HeSkipsADescribedSource) {
  EXPECT_THAT(SourcesWithRegistry(
                  "Lavrov said so. The report found more. He added more."),
              ElementsAre("Lavrov", "report", "Lavrov"));
}

TEST_F(AnalyzeDocumentTest, WithoutASourceRegistryOnlyTheyFindsAnAntecedent) {
  EXPECT_THAT(
      Sources("Lavrov said so. He added more. They added nothing.", nullptr),
      ElementsAre("Lavrov", "He", "Lavrov"));
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

// An opt-in pack beside kRules, written to collide with every way default
// findings are resolved: same kind and span, a stronger kind over a default
// one's span, a neighbour that would silence an unless-near rule, a line
// that would count as boilerplate.
constexpr char kOptInRules[] = R"pack(pack extra "Test opt-in pack" opt-in
rule extra.hedge {
  kind vague-attribution
  match "probably"
  message "Hedge"
  yields-to attribution
}
rule extra.officials {
  kind vague-attribution
  match "(?i:officials) said"
  message "Officials again"
}
rule extra.named {
  kind attribution
  match "(?P<source>Officials|Sources) said"
  message "Named"
}
rule extra.state {
  kind vague-attribution
  match "State Department"
  message "Vague state"
  yields-to attribution
}
rule extra.banner {
  kind boilerplate
  scope line
  match "^BANNER.*$"
  message "Banner"
}
)pack";

class OptInAnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    default_only_ = testing::CompileTestMatcher(kRules);
    with_opt_in_ = testing::CompileTestMatcher({kRules, kOptInRules});
    ASSERT_NE(default_only_, nullptr);
    ASSERT_NE(with_opt_in_, nullptr);
  }

  static DocumentResult AnalyzeWith(const Matcher& matcher,
                                    const std::string& text) {
    Document document;
    document.path = "doc.txt";
    document.original = text;
    document.text = text;
    return AnalyzeDocument(document, AnalysisConfig{&matcher, nullptr, {}});
  }

  // Analyses TEXT with and without the opt-in pack, checks that the default
  // findings, claims and score are the same both ways, and returns the
  // opt-in findings.
  std::vector<Finding> OptInFindings(const std::string& text) {
    const DocumentResult alone = AnalyzeWith(*default_only_, text);
    const DocumentResult both = AnalyzeWith(*with_opt_in_, text);
    std::vector<std::string> alone_ids, both_ids;
    std::vector<Finding> extra;
    for (const Finding& finding : alone.findings) {
      alone_ids.push_back(finding.rule_id + "@" + finding.text);
    }
    for (const Finding& finding : both.findings) {
      if (finding.rule_id.starts_with("extra.")) {
        extra.push_back(finding);
      } else {
        both_ids.push_back(finding.rule_id + "@" + finding.text);
      }
    }
    EXPECT_EQ(both_ids, alone_ids) << text;
    EXPECT_EQ(both.score.total, alone.score.total) << text;
    EXPECT_EQ(both.stats.claims, alone.stats.claims) << text;
    EXPECT_EQ(both.stats.vague_claims, alone.stats.vague_claims) << text;
    EXPECT_EQ(both.stats.vague_attributions, alone.stats.vague_attributions)
        << text;
    EXPECT_EQ(both.stats.boilerplate_lines, alone.stats.boilerplate_lines)
        << text;
    EXPECT_EQ(both.claims.size(), alone.claims.size()) << text;
    return extra;
  }

  std::unique_ptr<Matcher> default_only_;
  std::unique_ptr<Matcher> with_opt_in_;
};

TEST_F(OptInAnalysisTest, OptInFindingIsListedButTheScoreIgnoresIt) {
  // Without the opt-in hedge the sentence is an unattributed claim; the
  // hedge, a vague attribution, would otherwise make it a vague claim and
  // add a vague-attribution penalty.
  const std::vector<Finding> extra =
      OptInFindings("The bridge was probably built in 1120.");
  EXPECT_THAT(extra, ElementsAre(Field(&Finding::rule_id, "extra.hedge")));
}

TEST_F(OptInAnalysisTest, OptInFindingGivesWayToADefaultOneOfItsKind) {
  // extra.officials repeats the default vague finding and is dropped;
  // extra.named, of another kind, stays.
  EXPECT_THAT(OptInFindings("Officials said so."),
              ElementsAre(Field(&Finding::rule_id, "extra.named")));
}

TEST_F(OptInAnalysisTest, OptInAttributionNeverDropsADefaultVagueFinding) {
  // The default vague rule yields to attribution, but not to an opt-in one.
  EXPECT_THAT(OptInFindings("Sources said so. Officials said so."),
              ElementsAre(Field(&Finding::rule_id, "extra.named"),
                          Field(&Finding::rule_id, "extra.named")));
}

TEST_F(OptInAnalysisTest, OptInAttributionNeverSilencesAnUnlessNearRule) {
  // "claim" is dropped near an attribution; the opt-in one does not count.
  EXPECT_THAT(OptInFindings("The deal was signed in 2019. Sources said so."),
              ElementsAre(Field(&Finding::rule_id, "extra.named")));
}

TEST_F(OptInAnalysisTest, OptInFindingYieldsToADefaultAttribution) {
  EXPECT_THAT(OptInFindings("The State Department said so."), SizeIs(0));
}

TEST_F(OptInAnalysisTest, OptInBoilerplateDoesNotMakeALineBoilerplate) {
  EXPECT_THAT(OptInFindings("BANNER of the day\nLavrov said it in 2019.\n"),
              ElementsAre(Field(&Finding::rule_id, "extra.banner")));
}

TEST_F(OptInAnalysisTest, OptInFindingsAreSortedAmongTheOthers) {
  const DocumentResult result =
      AnalyzeWith(*with_opt_in_,
                  "Lavrov said so.\nIt was probably late.\n"
                  "It was probably 1999. Lavrov said so.\n");
  EXPECT_THAT(result.findings,
              ElementsAre(Field(&Finding::rule_id, "named"),
                          Field(&Finding::rule_id, "extra.hedge"),
                          Field(&Finding::rule_id, "extra.hedge"),
                          Field(&Finding::rule_id, "named")));
}

// Eight short lines, each `item` and a letter, then two paragraphs of prose:
// a scraped page's header and its article.
std::string MenuThenProse(const std::string& item) {
  std::string page;
  for (char c = 'A'; c < 'I'; ++c) page += item + c + "\n";
  const std::string prose =
      "The council voted to close the old bridge to traffic for six months "
      "while engineers repair the cracked supports beneath the road.\n";
  return page + prose + prose;
}

TEST_F(AnalyzeDocumentTest, ShortLinesAroundAPlainTextPagesBodyAreFurniture) {
  const DocumentResult result = Analyze(
      MenuThenProse("Section ") + "Related stories\nSign up\nContact us\n");
  int outside = 0;
  for (const Finding& finding : result.findings) {
    outside += finding.rule_id == kOutsideArticleRuleId;
  }
  EXPECT_EQ(outside, 11);
  EXPECT_EQ(result.stats.boilerplate_lines, 11);
}

TEST_F(AnalyzeDocumentTest, MarkdownIsNeverReadAsAPage) {
  Document document;
  document.path = "draft.md";
  document.format = Format::kMarkdown;
  document.original = document.text = MenuThenProse("- Point ");
  const DocumentResult result =
      AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}});
  EXPECT_THAT(result.findings, ::testing::Each(::testing::Not(Field(
                                   &Finding::rule_id, kOutsideArticleRuleId))));
}

TEST_F(AnalyzeDocumentTest, ABatchGivesEachDocumentWhatItGetsAlone) {
  Document first;
  first.path = "first.txt";
  first.text = first.original =
      "Lavrov said talks would resume.\nHe added that 2023 was decisive.";
  Document second;
  second.path = "second.txt";
  second.text = second.original = "Officials said it would end in 2024.";
  const AnalysisConfig config{matcher_.get(), nullptr, {}};
  const std::vector<DocumentResult> batch =
      AnalyzeDocuments({first, second}, config);
  ASSERT_THAT(batch, SizeIs(2));
  for (const auto& [document, result] :
       {std::pair(&first, &batch[0]), std::pair(&second, &batch[1])}) {
    const DocumentResult alone = AnalyzeDocument(*document, config);
    EXPECT_EQ(result->path, document->path);
    EXPECT_EQ(result->score.total, alone.score.total);
    ASSERT_EQ(result->findings.size(), alone.findings.size());
    for (size_t i = 0; i < alone.findings.size(); ++i) {
      EXPECT_EQ(result->findings[i].rule_id, alone.findings[i].rule_id);
      EXPECT_EQ(result->findings[i].text, alone.findings[i].text);
      EXPECT_EQ(result->findings[i].source, alone.findings[i].source);
    }
  }
  EXPECT_EQ(batch[0].findings.front().source, "Lavrov");
  EXPECT_THAT(batch[1].findings,
              ::testing::Contains(Field(&Finding::rule_id, "vague")));
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

// A finding with an unless-near rule may silence another only if it stands
// itself: "study" gives way to an attribution a sentence away, and "figure"
// to a vague attribution in its own sentence.
constexpr char kChainedRules[] = R"pack(pack p
rule named {
  kind attribution
  match "(?P<source>Lavrov) said"
  message "Claim attributed to {source}"
}
rule study {
  kind vague-attribution
  severity warning
  match "[Pp]olls show"
  message "Vague"
  unless-near attribution within 1
}
rule figure {
  kind unattributed-claim
  match "^.*\d+ percent.*$"
  message "Unattributed"
  unless-near vague-attribution within 0
}
)pack";

class ChainedUnlessNearTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_ = testing::CompileTestMatcher(kChainedRules);
    ASSERT_NE(matcher_, nullptr);
  }

  std::vector<std::string> RuleIds(std::string text) {
    Document document;
    document.path = "doc.txt";
    document.original = text;
    document.text = std::move(text);
    std::vector<std::string> ids;
    for (const Finding& finding :
         AnalyzeDocument(document, AnalysisConfig{matcher_.get(), nullptr, {}})
             .findings) {
      ids.push_back(finding.rule_id);
    }
    return ids;
  }

  std::unique_ptr<Matcher> matcher_;
};

TEST_F(ChainedUnlessNearTest, AStandingVagueFindingSilencesTheClaimItCovers) {
  EXPECT_THAT(RuleIds("Polls show 52 percent back the plan."),
              ElementsAre("study"));
}

TEST_F(ChainedUnlessNearTest, ADroppedVagueFindingSilencesNothing) {
  EXPECT_THAT(RuleIds("Lavrov said so. Polls show 52 percent back the plan."),
              ElementsAre("named", "figure"));
}

// A speaker rule, "he added" / "she added", and a mention rule: a name
// (with a courtesy title or not) as a sentence's subject.
constexpr char kMentionRules[] = R"pack(pack m
rule said {
  kind attribution
  match "(?P<source>(?:Mrs |Mr |Ms )?[A-Z][a-z]+(?: [A-Z][a-z]+)?(?: and [A-Z][a-z]+ [A-Z][a-z]+)?) said"
  message "{source}"
}
rule pronoun {
  kind attribution
  match "(?P<anaphor>[Hh]e|[Ss]he|[Tt]he official) added"
  message "{?antecedent:{source}}{?unresolved:unresolved}"
}
rule vague {
  kind vague-attribution
  match "(?i:one banker) said"
  message "vague"
}
rule subject {
  kind mention
  scope sentence
  match "^(?P<source>(?:Mrs |Mr |Ms )?[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:is|was|has|won)\b"
  message "{source} mentioned"
}
rule quote-claim {
  kind unattributed-claim
  match "^\"Our.*$"
  message "Unattributed quotation"
  unless-near attribution, mention within 1
}
)pack";

class MentionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_ = testing::CompileTestMatcher(kMentionRules);
    ASSERT_NE(matcher_, nullptr);
    auto registry = SourceRegistry::Parse(
        R"sources(
match name "he|she|He|She|official" { type person prior 0.4 basis "test" named no }
default attribution { type person prior 0.55 basis "test" }
)sources",
        "test.sources");
    ASSERT_TRUE(registry.ok()) << registry.status();
    registry_ = *std::move(registry);
  }

  DocumentResult Analyze(const std::string& text) {
    Document document;
    document.path = "doc.txt";
    document.original = text;
    document.text = text;
    return AnalyzeDocument(document,
                           AnalysisConfig{matcher_.get(), registry_.get(), {}});
  }

  // The message of each finding: the source's name, or "unresolved".
  std::vector<std::string> Messages(const std::string& text) {
    std::vector<std::string> messages;
    for (const Finding& finding : Analyze(text).findings) {
      messages.push_back(finding.message);
    }
    return messages;
  }

  std::unique_ptr<Matcher> matcher_;
  std::unique_ptr<SourceRegistry> registry_;
};

// An opt-in pack's mention of "Jane Doe", whom the default packs do not
// mention.
constexpr char kOptInMentionRules[] = R"pack(pack extra opt-in
rule singer {
  kind mention
  scope sentence
  match "^(?P<source>[A-Z][a-z]+ [A-Z][a-z]+) sang\b"
  message "{source} mentioned"
}
)pack";

TEST_F(MentionTest, AnOptInMentionNeverChangesWhomAnAnaphorTakes) {
  const std::unique_ptr<Matcher> with_opt_in =
      testing::CompileTestMatcher({kMentionRules, kOptInMentionRules});
  ASSERT_NE(with_opt_in, nullptr);
  Document document;
  document.path = "doc.txt";
  document.text = document.original =
      "Jane Doe sang. She added more. Ms Doe is glad.";
  const DocumentResult result = AnalyzeDocument(
      document, AnalysisConfig{with_opt_in.get(), registry_.get(), {}});
  ASSERT_THAT(result.findings, SizeIs(1));
  EXPECT_EQ(result.findings[0].message, "unresolved");
}

TEST_F(MentionTest, AMentionNamedInUnlessNearPutsAPersonInReach) {
  // The story introduces the speaker without a verb of speech: "McIlroy is
  // brimming with confidence. \"I've been waiting six years ...\"".
  EXPECT_THAT(
      Analyze("Gordon Brown is in Kenya. \"Our plan is good.\"").findings,
      SizeIs(0));
  EXPECT_THAT(Messages("It rained in Kenya. \"Our plan is good.\""),
              ElementsAre("Unattributed quotation"));
}

TEST_F(MentionTest, AMentionIsNeverReported) {
  EXPECT_THAT(
      Analyze("Gordon Brown is in Kenya. Mr Brown has a plan.").findings,
      SizeIs(0));
}

TEST_F(MentionTest, HeTakesThePersonMentionedWhenNoSpeakerIsInReach) {
  EXPECT_THAT(
      Messages("Gordon Brown is in Kenya. Mr Brown has a plan. He added more."),
      ElementsAre("Gordon Brown"));
}

TEST_F(MentionTest, AMentionDoesNotDisplaceASpeakerInReach) {
  EXPECT_THAT(Messages("Sergei Lavrov said no. Mr Jones was sent off. He "
                       "added more."),
              ElementsAre("Sergei Lavrov", "Sergei Lavrov"));
}

TEST_F(MentionTest, AMentionTakesTheSlotFromAnEarlierMention) {
  EXPECT_THAT(Messages("Mr Brown is in Kenya. Mr Jones was sent off. He added "
                       "more."),
              ElementsAre("Mr Jones"));
}

// "Deutsche Boerse" is never "Boerse" alone: a body, as far as the text
// shows, so "he" does not take it.
TEST_F(MentionTest, AFullNameWhoseLastWordIsNeverUsedAloneNamesNoPerson) {
  EXPECT_THAT(Messages("Deutsche Boerse is to buy it. He added more."),
              ElementsAre("unresolved"));
}

TEST_F(MentionTest, SomeoneUnknownLeavesAMentionedPersonInDoubt) {
  EXPECT_THAT(Messages("Mr Brown is in Kenya. Chelsea won again. He added "
                       "more."),
              ElementsAre("unresolved"));
}

TEST_F(MentionTest, AMentionGivesALaterSurnameItsFullName) {
  EXPECT_THAT(Messages("Sergei Lavrov is in Paris. Lavrov said no."),
              ElementsAre("Sergei Lavrov"));
}

TEST_F(MentionTest, AMentionDoesNotRenameAFullNameASpeakerGave) {
  EXPECT_THAT(Messages("Sergei Lavrov said no. Minister Lavrov was there. "
                       "Lavrov said yes."),
              ElementsAre("Sergei Lavrov", "Sergei Lavrov"));
}

TEST_F(MentionTest, TheOfficialIsNotAPersonOnlyMentioned) {
  EXPECT_THAT(Messages("Mr Brown is in Kenya. The official added more."),
              ElementsAre("unresolved"));
}

TEST_F(MentionTest, HeAfterTheOfficialIsNotThePersonMentionedBefore) {
  EXPECT_THAT(Messages("Mr Brown is in Kenya. The official added more. He "
                       "added this."),
              ElementsAre("unresolved", "unresolved"));
}

TEST_F(MentionTest, TheOfficialStillTakesASpeaker) {
  EXPECT_THAT(Messages("Mr Brown said no. The official added more."),
              ElementsAre("Mr Brown", "Mr Brown"));
}

// Each paragraph is a line; a name reaches three lines on, and each "he"
// that takes it carries it three lines further.
TEST_F(MentionTest, ARunOfHeKeepsTheSpeakerInReach) {
  EXPECT_THAT(Messages("Mr Brown said no.\nHe added a.\nHe added b.\nHe "
                       "added c.\nHe added d.\nHe added e."),
              ElementsAre("Mr Brown", "Mr Brown", "Mr Brown", "Mr Brown",
                          "Mr Brown", "Mr Brown"));
}

TEST_F(MentionTest, ARoleWordReachesOnlyAsFarAsTheNameItself) {
  EXPECT_THAT(Messages("Mr Brown said no.\nHe added a.\nHe added b.\nHe "
                       "added c.\nThe official added d."),
              ElementsAre("Mr Brown", "Mr Brown", "Mr Brown", "Mr Brown",
                          "unresolved"));
}

TEST_F(MentionTest, AnUnnamedSpeakerEndsTheRunOfHe) {
  EXPECT_THAT(
      Messages("Mr Brown said no.\nHe added a.\nHe added b.\nOne "
               "banker said so.\nHe added c."),
      ElementsAre("Mr Brown", "Mr Brown", "Mr Brown", "vague", "unresolved"));
}

TEST_F(MentionTest, HeAfterOneUnnamedSpeakerIsNotTheNamedOneBefore) {
  EXPECT_THAT(Messages("Mr Brown said no. One banker said so. He added more."),
              ElementsAre("Mr Brown", "vague", "unresolved"));
}

TEST_F(MentionTest, HeIsNotTwoPeople) {
  EXPECT_THAT(Messages("Bush was in Ohio. Jeb Bush and Chris Christie said "
                       "no. He added more."),
              ElementsAre("Jeb Bush and Chris Christie", "unresolved"));
}

TEST_F(MentionTest, HeDoesNotTakeAWomanTheTextCallsMrs) {
  EXPECT_THAT(Messages("Mrs Hassan said no. He added more."),
              ElementsAre("Mrs Hassan", "unresolved"));
}

TEST_F(MentionTest, SheTakesAWomanTheTextCallsMrs) {
  EXPECT_THAT(Messages("Mrs Hassan said no. She added more."),
              ElementsAre("Mrs Hassan", "Mrs Hassan"));
}

}  // namespace
}  // namespace provcheck
