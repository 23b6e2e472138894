#include "provcheck/sources.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace provcheck {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kRegistry[] = R"src(# test registry
source "Reuters" {
  type   outlet
  prior  0.85
  alias  "Reuter" "Thomson Reuters"
  basis  "test"
}
match role "(?i:.*\bambassador\b.*)" {
  type person  prior 0.7  basis "test"
}
match name "(?i:.*\bministry\b.*)" {
  type official-body  prior 0.66  basis "test"
}
default attribution { type person  prior 0.55  basis "test" }
default citation { type unknown  prior 0.3  basis "test" }
)src";

Finding Attribution(std::string source, std::string role = "") {
  Finding finding;
  finding.kind = Kind::kAttribution;
  finding.source = std::move(source);
  finding.role = std::move(role);
  return finding;
}

// The registry the CLI loads when given no other: rules/sources.
absl::StatusOr<std::unique_ptr<SourceRegistry>> LoadShippedRegistry() {
  return SourceRegistry::Load(std::string(PROVCHECK_SOURCE_DIR) +
                              "/rules/sources");
}

// The error parsing `text` as `file` gives, or "" when it parses.
std::string ParseErrorOf(std::string_view text, std::string_view file) {
  auto registry = SourceRegistry::Parse(text, file);
  return registry.ok() ? "" : std::string(registry.status().message());
}

std::unique_ptr<SourceRegistry> Registry() {
  auto registry = SourceRegistry::Parse(kRegistry, "test.sources");
  EXPECT_TRUE(registry.ok()) << registry.status();
  return *std::move(registry);
}

TEST(SourceRegistryTest, ResolvesAnAliasToTheCanonicalName) {
  const SourceResolution resolution =
      Registry()->Resolve(Attribution("thomson  reuters"));
  EXPECT_TRUE(resolution.known);
  EXPECT_EQ(resolution.name, "Reuters");
  EXPECT_EQ(resolution.profile.type, "outlet");
  EXPECT_DOUBLE_EQ(resolution.profile.prior, 0.85);
}

TEST(SourceRegistryTest, RoleMatchGivesAPriorToAnUnlistedPerson) {
  const SourceResolution resolution = Registry()->Resolve(
      Attribution("Hasmik Tolmajyan", "Armenian ambassador in Paris"));
  EXPECT_FALSE(resolution.known);
  EXPECT_EQ(resolution.name, "Hasmik Tolmajyan");
  EXPECT_DOUBLE_EQ(resolution.profile.prior, 0.7);
}

TEST(SourceRegistryTest, NameMatchTypesAnInstitution) {
  const SourceResolution resolution =
      Registry()->Resolve(Attribution("Azerbaijani Defense Ministry"));
  EXPECT_EQ(resolution.profile.type, "official-body");
}

TEST(SourceRegistryTest, RuleMatchTypesWhatOneRuleFinds) {
  auto registry = SourceRegistry::Parse(
      R"src(match rule "attribution\.state" {
  type official-body  prior 0.7  basis "test"
}
default attribution { type person  prior 0.55  basis "test" }
)src",
      "test.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  Finding state = Attribution("Iraq");
  state.rule_id = "attribution.state";
  EXPECT_EQ((*registry)->Resolve(state).profile.type, "official-body");
  Finding person = Attribution("Iraq");
  person.rule_id = "attribution.name-cue";
  EXPECT_EQ((*registry)->Resolve(person).profile.type, "person");
}

TEST(SourceRegistryTest, UnknownCitationFallsToItsKindsDefault) {
  Finding citation = Attribution("Arbiter Briefing");
  citation.kind = Kind::kCitation;
  const SourceResolution resolution = Registry()->Resolve(citation);
  EXPECT_EQ(resolution.profile.type, "unknown");
  EXPECT_DOUBLE_EQ(resolution.profile.prior, 0.3);
}

TEST(SourceRegistryTest, OnlyANameNoEntryMatchesIsTypedByDefault) {
  EXPECT_TRUE(Registry()->Resolve(Attribution("GenCorp")).by_default);
  EXPECT_FALSE(Registry()
                   ->Resolve(Attribution("Azerbaijani Defense Ministry"))
                   .by_default);
  EXPECT_FALSE(Registry()->Resolve(Attribution("Reuters")).by_default);
}

TEST(SourceRegistryTest, EvidenceOverridesThePrior) {
  auto registry = Registry();
  const SourceResolution resolution = registry->Resolve(Attribution("Reuters"));
  EXPECT_DOUBLE_EQ(registry->ReliabilityOf(resolution), 0.85);
  registry->SetReliability("reuters", 0.5);
  EXPECT_DOUBLE_EQ(registry->ReliabilityOf(resolution), 0.5);
}

TEST(SourceRegistryTest, DuplicateAliasIsAnError) {
  EXPECT_THAT(
      ParseErrorOf(
          "source \"A\" { type outlet prior 0.5 alias \"B\" basis \"x\" }\n"
          "source \"B\" { type outlet prior 0.5 basis \"x\" }",
          "dup.sources"),
      StartsWith("dup.sources:2:8: error: source name or alias 'B'"));
}

TEST(SourceRegistryTest, PriorOutsideZeroToOneIsAnError) {
  EXPECT_THAT(
      ParseErrorOf(
          "source \"A\" {\n  type outlet\n  prior 1.5\n  basis \"x\"\n}",
          "p.sources"),
      StartsWith("p.sources:3:9: error: a prior is a probability"));
}

TEST(SourceRegistryTest, EveryPriorMustSayWhereItComesFrom) {
  EXPECT_THAT(
      ParseErrorOf("source \"A\" { type outlet prior 0.5 }", "b.sources"),
      HasSubstr("no 'basis'"));
}

TEST(SourceRegistryTest, AnAntecedentPatternSaysWhichNamesAnAnaphorTakes) {
  auto registry = SourceRegistry::Parse(
      "match name \"government\" {\n  type described prior 0.7 basis \"x\"\n"
      "  antecedent \"(?i:.*ministry.*)\"\n}",
      "g.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceProfile profile =
      (*registry)->Resolve(Attribution("government")).profile;
  ASSERT_NE(profile.antecedent, nullptr);
  EXPECT_TRUE(RE2::FullMatch("Finance Ministry", *profile.antecedent));
  EXPECT_FALSE(RE2::FullMatch("Vestey Group", *profile.antecedent));
}

TEST(SourceRegistryTest, ABadAntecedentPatternIsAnErrorAtItsPlace) {
  EXPECT_THAT(ParseErrorOf("match name \"government\" {\n  type described "
                           "prior 0.7 basis \"x\"\n"
                           "  antecedent \"(unclosed\"\n}",
                           "g.sources"),
              StartsWith("g.sources:3:14: error: antecedent pattern does not "
                         "compile"));
}

TEST(SourceRegistryTest, AnEntryMaySayItsWordsNameNoOne) {
  auto registry = SourceRegistry::Parse(
      "match name \"he\" {\n  type person prior 0.4 basis \"x\"\n"
      "  named no\n}\n"
      "default attribution { type person prior 0.55 basis \"x\" }",
      "n.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_FALSE((*registry)->Resolve(Attribution("he")).profile.named);
  EXPECT_TRUE((*registry)->Resolve(Attribution("Jane Roe")).profile.named);
}

TEST(SourceRegistryTest, NamedIsYesOrNo) {
  EXPECT_THAT(ParseErrorOf("match name \"he\" {\n  type person prior 0.4 "
                           "basis \"x\"\n  named maybe\n}",
                           "n.sources"),
              StartsWith("n.sources:3:9: error: 'named' is yes or no"));
}

TEST(SourceRegistryTest, AnEntryMaySayItsWordRefersToAnyone) {
  auto registry = SourceRegistry::Parse(
      "match name \"spokesman\" {\n  type person prior 0.4 basis \"x\"\n"
      "  refers anyone\n}",
      "r.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ((*registry)->Resolve(Attribution("spokesman")).profile.refers,
            SourceProfile::Refers::kAnyone);
  EXPECT_EQ((*registry)->Resolve(Attribution("he")).profile.refers,
            SourceProfile::Refers::kItsType);
}

TEST(SourceRegistryTest, AnEntryMaySayItsWordRefersAsAPronounDoes) {
  auto registry = SourceRegistry::Parse(
      "match name \"\\d+-year-old\" {\n  type person prior 0.4 "
      "basis \"x\"\n  refers subject\n}",
      "r.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ((*registry)->Resolve(Attribution("23-year-old")).profile.refers,
            SourceProfile::Refers::kSubject);
}

TEST(SourceRegistryTest, AnEntryMaySayItsWordRefersToTheBodyNamedLast) {
  auto registry = SourceRegistry::Parse(
      "match name \"a spokesman\" {\n  type person prior 0.4 "
      "basis \"x\"\n  refers body\n}",
      "r.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ((*registry)->Resolve(Attribution("a spokesman")).profile.refers,
            SourceProfile::Refers::kBody);
}

TEST(SourceRegistryTest, RefersTakesOnlyItsFourValues) {
  EXPECT_THAT(
      ParseErrorOf("match name \"he\" {\n  type person prior 0.4 "
                   "basis \"x\"\n  refers person\n}",
                   "r.sources"),
      StartsWith("r.sources:3:10: error: 'refers' is anyone, subject, body "
                 "or bare-name"));
}

TEST(SourceRegistryTest, AGenderEntrySaysWhatAGivenNameShows) {
  auto registry = SourceRegistry::Parse(
      "match name \"(?:.*\\s)?Hillary\\s.+\" {\n  gender female\n}\n"
      "match name \"(?:.*\\s)?Bob\\s.+\" {\n  gender male\n}",
      "g.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ((*registry)->GenderOf("Secretary Hillary Clinton"),
            Gender::kFemale);
  EXPECT_EQ((*registry)->GenderOf("Bob Goodlatte"), Gender::kMale);
  EXPECT_EQ((*registry)->GenderOf("Ozzy Osbourne"), Gender::kUnknown);
}

TEST(SourceRegistryTest, AGenderEntryTypesNoSource) {
  auto registry = SourceRegistry::Parse(
      "match name \"Bob\\s.+\" {\n  gender male\n}\n"
      "default attribution { type person prior 0.55 basis \"x\" }",
      "g.sources");
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_TRUE((*registry)->Resolve(Attribution("Bob Goodlatte")).by_default);
}

TEST(SourceRegistryTest, ABadPatternIsAnErrorAtItsPlace) {
  EXPECT_THAT(
      ParseErrorOf("match name \"(unclosed\" {\n  gender male\n}", "g.sources"),
      StartsWith("g.sources:1:12: error: pattern does not compile"));
  EXPECT_THAT(ParseErrorOf("match name \"(unclosed\" {\n  type person "
                           "prior 0.5 basis \"x\"\n}",
                           "g.sources"),
              StartsWith("g.sources:1:12: error: pattern does not compile"));
}

TEST(SourceRegistryTest, GenderIsMaleOrFemale) {
  EXPECT_THAT(ParseErrorOf("match name \"Bob\\s.+\" {\n  gender unknown\n}",
                           "g.sources"),
              StartsWith("g.sources:2:10: error: 'gender' is male or female"));
}

TEST(SourceRegistryTest, AnEntryThatGivesAGenderGivesNothingElse) {
  EXPECT_THAT(ParseErrorOf("match name \"Bob\\s.+\" {\n  gender male\n"
                           "  type person prior 0.5 basis \"x\"\n}",
                           "g.sources"),
              StartsWith("g.sources:2:3: error: an entry that gives a gender "
                         "gives nothing else"));
  EXPECT_THAT(
      ParseErrorOf("source \"Bob\" {\n  gender male\n}", "g.sources"),
      StartsWith("g.sources:2:3: error: only a 'match name' entry may give a "
                 "gender"));
}

TEST(SourceRegistryTest, SyntaxErrorShowsLineAndCaret) {
  EXPECT_THAT(ParseErrorOf("source \"A\" {\n  type outlet\n  trust 0.5\n}",
                           "s.sources"),
              StartsWith("s.sources:3:3: error: expected a field"));
}

TEST(SourceRegistryTest, AFieldsBadValueNamesWhatWasExpected) {
  EXPECT_THAT(ParseErrorOf("source \"A\" {\n  type outlet\n  prior high\n}",
                           "s.sources"),
              StartsWith("s.sources:3:9: error: expected a number\n"));
}

TEST(SourceRegistryTest, ShippedRegistryLoads) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_GT(registry->get()->known().size(), 20u);
}

// The shipped registry's editorial order for speakers the text does not
// name: below a bare name (0.55), above an unmatched label (0.30).
TEST(SourceRegistryTest, ShippedRegistryRanksADescribedSpeakerBelowAName) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  const SourceProfile report = shipped.Resolve(Attribution("report")).profile;
  const SourceProfile chancellor =
      shipped.Resolve(Attribution("chancellor")).profile;
  const SourceProfile bare_name =
      shipped.Resolve(Attribution("Jane Roe")).profile;
  const SourceProfile particle =
      shipped.Resolve(Attribution("al-Assad")).profile;
  // A document all the same, so that a later "they" does not refer to it.
  EXPECT_EQ(report.type, "document");
  EXPECT_EQ(chancellor.type, "person");  // a later "he" may refer to it
  EXPECT_LT(report.prior, bare_name.prior);
  EXPECT_LT(chancellor.prior, bare_name.prior);
  EXPECT_EQ(particle.prior, bare_name.prior);  // a name, though lower-case
}

TEST(SourceRegistryTest, ShippedRegistryGathersNoSourceUnderAPointer) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  for (const char* pointer :
       {"he", "She", "It", "they", "company", "report", "chancellor",
        "government", "Italy's budget ministry"}) {
    EXPECT_FALSE(shipped.Resolve(Attribution(pointer)).profile.named)
        << pointer;
  }
  for (const char* name : {"Jane Roe", "Reuters", "Finance Ministry",
                           "al-Assad", "Acme Corp", "IMF"}) {
    EXPECT_TRUE(shipped.Resolve(Attribution(name)).profile.named) << name;
  }
}

TEST(SourceRegistryTest, ShippedRegistrysCompanyMayTakeABareName) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  for (const char* word : {"company", "firm", "corporation"}) {
    const SourceProfile profile =
        (*registry)->Resolve(Attribution(word)).profile;
    EXPECT_EQ(profile.refers, SourceProfile::Refers::kBareName) << word;
    EXPECT_EQ(profile.type, "described") << word;
  }
}

TEST(SourceRegistryTest, ShippedRegistrysSpokesmanAndStatementReferToAnyone) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  for (const char* word : {"spokesman", "spokeswoman", "statement"}) {
    EXPECT_EQ(shipped.Resolve(Attribution(word)).profile.refers,
              SourceProfile::Refers::kAnyone)
        << word;
  }
  for (const char* word : {"he", "ministry", "minister", "report"}) {
    EXPECT_EQ(shipped.Resolve(Attribution(word)).profile.refers,
              SourceProfile::Refers::kItsType)
        << word;
  }
  EXPECT_EQ(shipped.Resolve(Attribution("spokesman")).profile.type, "person");
  EXPECT_EQ(shipped.Resolve(Attribution("statement")).profile.type, "document");
}

TEST(SourceRegistryTest, ShippedRegistryKeepsAnInstitutionsPriorInLowerCase) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  for (const char* body :
       {"police", "Police", "government", "interior ministry"}) {
    const SourceProfile profile = shipped.Resolve(Attribution(body)).profile;
    EXPECT_EQ(profile.type, "described") << body;  // "it" may refer to it
    EXPECT_GT(profile.prior,
              shipped.Resolve(Attribution("Jane Roe")).profile.prior)
        << body;
  }
}

TEST(SourceRegistryTest, ShippedRegistryTypesPluralRecordsAsRecords) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  for (const char* records : {"F.A.A. records", "Justice Department figures",
                              "FEC filings", "figures", "latest trade data"}) {
    EXPECT_EQ(shipped.Resolve(Attribution(records)).profile.type, "records")
        << records;
  }
  EXPECT_NE(shipped.Resolve(Attribution("Consumer Reports")).profile.type,
            "records");
}

// A poll's share of respondents is the survey's figure: no later "he"
// refers back to it.
TEST(SourceRegistryTest, ShippedRegistryTypesAPollShareAsRecords) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  for (const char* share :
       {"65% of those questioned", "Nearly half", "majority of Britons",
        "Six in 10 voters", "Twenty-four percent", "two-thirds of Democrats",
        "a 69% majority of Republicans", "half those surveyed"}) {
    EXPECT_EQ(shipped.Resolve(Attribution(share)).profile.type, "records")
        << share;
  }
  EXPECT_EQ(shipped.Resolve(Attribution("Joe Half")).profile.type, "person");
  EXPECT_NE(shipped.Resolve(Attribution("half yearly report")).profile.type,
            "records");
  EXPECT_NE(shipped.Resolve(Attribution("majority leader")).profile.type,
            "records");
}

TEST(SourceRegistryTest, ShippedRegistryTypesANamedDocumentApartFromItsBody) {
  auto registry = LoadShippedRegistry();
  ASSERT_TRUE(registry.ok()) << registry.status();
  const SourceRegistry& shipped = **registry;
  for (const char* document : {"A Quinnipiac University poll",
                               "North Korean Foreign Ministry statement",
                               "New York Times/CBS News survey"}) {
    EXPECT_EQ(shipped.Resolve(Attribution(document)).profile.type, "document")
        << document;
  }
  EXPECT_EQ(shipped.Resolve(Attribution("Foreign Ministry")).profile.type,
            "official-body");
  // "the report" is a document too, but described, not named: its prior
  // is a pointer's.
  const SourceProfile described =
      shipped.Resolve(Attribution("report")).profile;
  EXPECT_EQ(described.type, "document");
  EXPECT_LT(described.prior,
            shipped.Resolve(Attribution("A Quinnipiac University poll"))
                .profile.prior);
  EXPECT_EQ(shipped.Resolve(Attribution("Graham Poll")).profile.type, "person");
}

TEST(BetaReliabilityTest, NoEvidenceLeavesThePrior) {
  EXPECT_DOUBLE_EQ(BetaReliability(0.85, 0, 0), 0.85);
}

TEST(BetaReliabilityTest, ContradictionsLowerAndConfirmationsRaise) {
  EXPECT_LT(BetaReliability(0.85, 0, 3), 0.85);
  EXPECT_GT(BetaReliability(0.3, 3, 0), 0.3);
  // Ten observations weigh as much as the prior: 0.85·10 / (10 + 10).
  EXPECT_DOUBLE_EQ(BetaReliability(0.85, 0, 10), 8.5 / 20.0);
}

}  // namespace
}  // namespace provcheck
