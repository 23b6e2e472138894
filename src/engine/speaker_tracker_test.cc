#include "engine/speaker_tracker.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provcheck/rule.h"

namespace provcheck {
namespace {

// People by default; "he", "she" and "the official" are people's words,
// "the company" a body's, and a name ending in "Inc" or "Service" a body. An
// age refers back as "he" does, "a spokesman" is the body that spoke last, and
// "the firm" may take a bare name. Bob is a man's given name, Hillary and
// Ivanka women's.
constexpr char kRegistry[] = R"sources(
match name "he|she|official" { type person prior 0.4 basis "test" named no }
match name "a spokesman" { type person prior 0.4 basis "test" named no refers body }
match name "\d+-year-old" { type person prior 0.4 basis "test" named no refers subject }
match name "company" { type described prior 0.5 basis "test" named no }
match name "firm" { type described prior 0.5 basis "test" named no refers bare-name }
match name ".* (?:Inc|Ltd|Service)" { type official-body prior 0.6 basis "test" }
match name "[A-Z]{2,5}|(?i:\w*bank)" { type official-body prior 0.6 basis "test" }
match name "(?:.*\s)?Bob(?:\s+\p{Lu}\S*){1,3}" { gender male }
match name "(?:.*\s)?(?:Hillary|Ivanka)(?:\s+\p{Lu}\S*){1,3}" { gender female }
default attribution { type person prior 0.55 basis "test" }
)sources";

class SpeakerTrackerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = SourceRegistry::Parse(kRegistry, "test.sources");
    ASSERT_TRUE(registry.ok()) << registry.status();
    registry_ = *std::move(registry);
    mention_rule_.id = "test.mention";
    mention_rule_.kind = Kind::kMention;
  }

  static Finding Speaker(std::string name) {
    Finding finding;
    finding.rule_id = "test.said";
    finding.kind = Kind::kAttribution;
    finding.source = std::move(name);
    return finding;
  }

  // The name a finding that names `short_form` carries, the line after one
  // that named `body`.
  std::string NameSpokenAfter(std::string body, std::string short_form) {
    SpeakerTracker speakers("", registry_.get());
    speakers.Spoke(Speaker(std::move(body)), 0);
    return speakers.Spoke(Speaker(std::move(short_form)), 1);
  }

  RuleMatch Mention(std::string name) const {
    RuleMatch match;
    match.rule = &mention_rule_;
    match.captures.push_back(Capture{"source", std::move(name)});
    return match;
  }

  std::unique_ptr<SourceRegistry> registry_;
  Rule mention_rule_;
};

TEST_F(SpeakerTrackerTest, HeTakesThePersonWhoSpokeLast) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  const AnaphorResolution he = speakers.Resolve("he", 1);
  EXPECT_TRUE(he.resolved);
  EXPECT_EQ(he.source, "Dilson Funaro");
}

TEST_F(SpeakerTrackerTest,
       ASpokesmanWhoRefersToABodyTakesTheBodyThatSpokeLast) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  speakers.Spoke(Speaker("Acme Inc"), 1);
  const AnaphorResolution spokesman = speakers.Resolve("A spokesman", 2);
  EXPECT_TRUE(spokesman.resolved);
  EXPECT_EQ(spokesman.source, "Acme Inc");
}

TEST_F(SpeakerTrackerTest, ABodyInAReportedClauseIsNoAntecedent) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("Zeta Inc"), 0, /*in_reported_clause=*/true);
  EXPECT_EQ(speakers.Resolve("A spokesman", 1).source, "Acme Inc");
}

TEST_F(SpeakerTrackerTest, APersonInAReportedClauseIsStillHe) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("Dilson Funaro"), 0, /*in_reported_clause=*/true);
  EXPECT_EQ(speakers.Resolve("he", 1).source, "Dilson Funaro");
}

TEST_F(SpeakerTrackerTest, ASpokesmanWhoRefersToABodyTakesNoPersonAfterIt) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Bob Goodlatte");
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("Bob Goodlatte"), 1);
  EXPECT_FALSE(speakers.Resolve("A spokesman", 2).resolved);
}

TEST_F(SpeakerTrackerTest, ASpokesmanWhoRefersToABodyTakesABareNameSpokenLast) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Spie Batignolles"), 0);
  const AnaphorResolution spokesman = speakers.Resolve("A spokesman", 1);
  EXPECT_TRUE(spokesman.resolved);
  EXPECT_EQ(spokesman.source, "Spie Batignolles");
  EXPECT_TRUE(spokesman.names_body);
}

TEST_F(SpeakerTrackerTest, AWordThatTakesABareNameTakesTheNameSpokenLast) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("GenCorp"), 0);
  const AnaphorResolution firm = speakers.Resolve("the firm", 1);
  EXPECT_TRUE(firm.resolved);
  EXPECT_EQ(firm.source, "GenCorp");
  EXPECT_TRUE(firm.names_body);
}

TEST_F(SpeakerTrackerTest, ABareNameTakenAsABodyIsWhatItRefersTo) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("GenCorp"), 0);
  speakers.Took(speakers.Resolve("the firm", 1), 1);
  EXPECT_EQ(speakers.Resolve("it", 2).source, "GenCorp");
  EXPECT_FALSE(speakers.Resolve("he", 2).resolved);
}

TEST_F(SpeakerTrackerTest, ItInABareNamesReportedClauseIsThatName) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("Zeta Gas"), 1);
  const AnaphorResolution it =
      speakers.Resolve("it", 1, /*in_reported_clause=*/true);
  EXPECT_EQ(it.source, "Zeta Gas");
  EXPECT_TRUE(it.names_body);
}

TEST_F(SpeakerTrackerTest, ItAfterABareNamesSentenceIsTheBodyNamedBefore) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("Zeta Gas"), 1);
  EXPECT_EQ(speakers.Resolve("it", 1).source, "Acme Inc");
}

TEST_F(SpeakerTrackerTest, AShortFormThatOpensTheBodyNamedLastIsThatBody) {
  EXPECT_EQ(NameSpokenAfter("Brougher Insurance Group Inc", "Brougher"),
            "Brougher Insurance Group Inc");
}

TEST_F(SpeakerTrackerTest, AParentsNameIsNoShortFormOfItsUnit) {
  EXPECT_EQ(NameSpokenAfter("Anheuser-Busch Cos' Metal Container Corp Inc",
                            "Anheuser-Busch"),
            "Anheuser-Busch");
}

TEST_F(SpeakerTrackerTest, OneOfTwoBodiesJoinedIsNoShortFormOfBoth) {
  EXPECT_EQ(NameSpokenAfter("Apple Computer Inc and AST Research Inc", "Apple"),
            "Apple");
}

TEST_F(SpeakerTrackerTest, AWordThatTakesABareNameLeavesANameWithARole) {
  SpeakerTracker speakers("", registry_.get());
  Finding speaker = Speaker("Irv Goss");
  speaker.role = "comptroller";
  speakers.Spoke(speaker, 0);
  EXPECT_FALSE(speakers.Resolve("the firm", 1).resolved);
}

TEST_F(SpeakerTrackerTest, AWordThatTakesABareNameLeavesAPersonTheTextTitles) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Mr Goss");
  speakers.Spoke(Speaker("Irv Goss"), 0);
  EXPECT_FALSE(speakers.Resolve("the firm", 1).resolved);
}

TEST_F(SpeakerTrackerTest,
       AWordThatTakesABareNameLeavesAPersonWithAKnownGivenName) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Bob Goodlatte");
  speakers.Spoke(Speaker("Bob Goodlatte"), 0);
  EXPECT_FALSE(speakers.Resolve("the firm", 1).resolved);
}

TEST_F(SpeakerTrackerTest, AWordThatTakesABareNameLeavesASurnameAlone) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Donald Trump");
  speakers.Spoke(Speaker("Trump"), 0);
  EXPECT_FALSE(speakers.Resolve("the firm", 1).resolved);
}

TEST_F(SpeakerTrackerTest, AWordThatTakesABareNamePrefersABodyInReach) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("GenCorp"), 1);
  EXPECT_EQ(speakers.Resolve("the firm", 2).source, "Acme Inc");
}

TEST_F(SpeakerTrackerTest, ANameReachesThreeLinesPastWhereItWasNamed) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  EXPECT_TRUE(speakers.Resolve("he", 3).resolved);
  const AnaphorResolution too_far = speakers.Resolve("he", 4);
  EXPECT_FALSE(too_far.resolved);
  EXPECT_EQ(too_far.source, "he");
}

TEST_F(SpeakerTrackerTest, AnAnaphorTakenCarriesItsNameThreeLinesFurther) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  speakers.Took(speakers.Resolve("he", 3), 3);
  EXPECT_TRUE(speakers.Resolve("he", 6).resolved);
}

TEST_F(SpeakerTrackerTest, AResolutionNotTakenLeavesTheReachAsItWas) {
  // What an opt-in finding resolves changes nothing for the default ones.
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  speakers.Resolve("he", 3);
  EXPECT_FALSE(speakers.Resolve("he", 6).resolved);
}

TEST_F(SpeakerTrackerTest, ItTakesTheBodyAndHeThePersonNamedAfterIt) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.Spoke(Speaker("John Smith"), 1);
  EXPECT_EQ(speakers.Resolve("it", 2).source, "Acme Inc");
  EXPECT_EQ(speakers.Resolve("the company", 2).source, "Acme Inc");
  EXPECT_EQ(speakers.Resolve("he", 2).source, "John Smith");
}

TEST_F(SpeakerTrackerTest, ASurnameAfterTheFullNameSpeaksUnderTheFullName) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  EXPECT_EQ(speakers.Spoke(Speaker("Funaro"), 5), "Dilson Funaro");
}

TEST_F(SpeakerTrackerTest, ABareNameTheTextGivesALegalFormIsThatBody) {
  const std::string text = "Texaco Inc shares rose. Texaco said it won.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("Texaco"), 0), "Texaco Inc");
  EXPECT_EQ(speakers.Resolve("it", 0).source, "Texaco Inc");
}

TEST_F(SpeakerTrackerTest,
       ABodyByItsShapeSpeaksUnderTheFullerNameTheTextGives) {
  const std::string text = "CSR Ltd shares rose. CSR said it won.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("CSR"), 0), "CSR Ltd");
}

TEST_F(SpeakerTrackerTest, ABodyWordIsNotTheTailOfALongerName) {
  const std::string text =
      "Amsterdam-Rotterdam Bank Ltd shares rose. The Bank said it won.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("Bank"), 0), "Bank");
}

TEST_F(SpeakerTrackerTest, ACompoundAdjectiveBeforeABodyIsNoPartOfItsName) {
  const std::string text =
      "New York-based Citibank Ltd cut its rate. Citibank said it won.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("Citibank"), 0), "Citibank Ltd");
}

TEST_F(SpeakerTrackerTest, ABodyNamedWithAnApostropheSKeepsItsFullName) {
  // "Heck's said" names "Heck" once the possessive is cleaned off.
  const std::string text = "Heck's Inc said sales rose. Heck's said it won.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("Heck"), 0), "Heck's Inc");
}

TEST_F(SpeakerTrackerTest,
       ANameAlwaysWrittenWithItsApostropheSRunsToItsLegalForm) {
  const std::string text =
      "Moody's Investors Service Inc said it cut the rating. Moody's said "
      "the outlook was negative.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("Moody"), 0),
            "Moody's Investors Service Inc");
}

// The finding as name-cue makes it: its text and its cleaned source.
Finding SpeakerAsWritten(std::string text, std::string name) {
  Finding finding;
  finding.rule_id = "test.said";
  finding.kind = Kind::kAttribution;
  finding.text = std::move(text);
  finding.source = std::move(name);
  return finding;
}

TEST_F(SpeakerTrackerTest, ANameThatSpeaksWithItsApostropheSKeepsIt) {
  const std::string text = "McDonald's said sales rose. It added more.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(SpeakerAsWritten("McDonald's said", "McDonald"), 0),
            "McDonald's");
  EXPECT_EQ(speakers.Resolve("It", 1).source, "McDonald's");
}

TEST_F(SpeakerTrackerTest, ANameWithItsApostropheSTakesTheFullerNameBefore) {
  const std::string text =
      "Moody's Investors Service said it cut the rating. Moody's said the "
      "outlook was negative.";
  SpeakerTracker speakers(text, registry_.get());
  speakers.Spoke(SpeakerAsWritten("Moody's Investors Service said",
                                  "Moody's Investors Service"),
                 0);
  EXPECT_EQ(speakers.Spoke(SpeakerAsWritten("Moody's said", "Moody"), 0),
            "Moody's Investors Service");
}

TEST_F(SpeakerTrackerTest, ANameAlsoWrittenBareOwnsWhatFollowsItsApostropheS) {
  const std::string text =
      "GM said it would cut jobs. GM's announced plan "
      "was cheered.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(SpeakerAsWritten("GM's announced", "GM"), 0), "GM");
}

TEST_F(SpeakerTrackerTest, ANounAfterTheApostropheSIsWhatTheNameOwns) {
  const std::string text = "The FCC's demands were clear.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(SpeakerAsWritten("FCC's demands", "FCC"), 0), "FCC");
}

TEST_F(SpeakerTrackerTest, ANameJoinedToAnotherIsNoFullNameOfEither) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Nationwide and Halifax"), 0);
  EXPECT_EQ(speakers.Spoke(Speaker("Halifax"), 1), "Halifax");
}

TEST_F(SpeakerTrackerTest, WhatANameOwnsIsNoFullerNameOfIt) {
  const std::string text =
      "Macrovision's Entertainment Technologies Ltd said sales rose. "
      "Macrovision said it won.";
  SpeakerTracker speakers(text, registry_.get());
  EXPECT_EQ(speakers.Spoke(Speaker("Macrovision"), 0), "Macrovision");
}

TEST_F(SpeakerTrackerTest, SheNeverTakesASurnameTheTextCallsMr) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Mr Galloway");
  speakers.Spoke(Speaker("George Galloway"), 0);
  EXPECT_FALSE(speakers.Resolve("she", 1).resolved);
  EXPECT_TRUE(speakers.Resolve("he", 1).resolved);
}

TEST_F(SpeakerTrackerTest, SheNeverTakesAManTheRegistryKnowsByHisGivenName) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Rep. Bob Goodlatte");
  speakers.Spoke(Speaker("Rep. Bob Goodlatte"), 0);
  EXPECT_FALSE(speakers.Resolve("she", 1).resolved);
  EXPECT_TRUE(speakers.Resolve("he", 1).resolved);
}

TEST_F(SpeakerTrackerTest, TwoGivenNamesOfOneSurnameLeaveItsGenderUnknown) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Hillary Trump");
  speakers.NoteNameUsed("Bob Trump");
  speakers.Spoke(Speaker("Trump"), 0);
  EXPECT_TRUE(speakers.Resolve("he", 1).resolved);
}

TEST_F(SpeakerTrackerTest,
       AGivenNameTheRegistryDoesNotKnowUnsettlesItsSurname) {
  // Sharon and Ozzy Osbourne: only one given name is known, and "he" may
  // still be the other.
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Ivanka Osbourne");
  speakers.NoteNameUsed("Ozzy Osbourne");
  speakers.Spoke(Speaker("Osbourne"), 0);
  EXPECT_TRUE(speakers.Resolve("he", 1).resolved);
}

TEST_F(SpeakerTrackerTest, ACourtesyTitleOutweighsAnUnknownGivenName) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Mr Funaro");
  speakers.NoteNameUsed("Dilson Funaro");
  speakers.Spoke(Speaker("Dilson Funaro"), 0);
  EXPECT_FALSE(speakers.Resolve("she", 1).resolved);
}

TEST_F(SpeakerTrackerTest, APersonMentionedIsWhomHeMeansWhenNoSpeakerIsNear) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Brown");  // "Brown said", later in the story
  speakers.Mentioned(Mention("Gordon Brown"), 0);
  EXPECT_EQ(speakers.Resolve("he", 1).source, "Gordon Brown");
}

TEST_F(SpeakerTrackerTest, APersonMentionedNeverDisplacesASpeakerInReach) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("John Smith"), 0);
  speakers.Mentioned(Mention("Mr Jones"), 1);
  EXPECT_EQ(speakers.Resolve("he", 2).source, "John Smith");
}

TEST_F(SpeakerTrackerTest, AMentionOpeningALaterParagraphTakesHeFromASpeaker) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Gref");
  speakers.Spoke(Speaker("Andrei Illarionov"), 0);
  speakers.Mentioned(Mention("German Gref"), 1, /*opens_paragraph=*/true);
  EXPECT_EQ(speakers.Resolve("he", 1).source, "German Gref");
}

TEST_F(SpeakerTrackerTest, AMentionInTheSpeakersOwnFirstSentenceLeavesHim) {
  // "Andrei Illarionov said German Gref, who ..., was wrong."
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Gref");
  speakers.Spoke(Speaker("Andrei Illarionov"), 1);
  speakers.Mentioned(Mention("German Gref"), 1, /*opens_paragraph=*/true);
  EXPECT_EQ(speakers.Resolve("he", 1).source, "Andrei Illarionov");
}

TEST_F(SpeakerTrackerTest, ARoleWordAfterAMentionIsSomeoneNew) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Mentioned(Mention("Mr Jones"), 0);
  const AnaphorResolution official = speakers.Resolve("the official", 1);
  EXPECT_FALSE(official.resolved);
  EXPECT_TRUE(official.introduces_speaker);
  speakers.Took(official, 1);
  EXPECT_FALSE(speakers.Resolve("he", 1).resolved);
}

TEST_F(SpeakerTrackerTest, AWordThatRefersAsSubjectTakesAPersonMentioned) {
  SpeakerTracker speakers("", registry_.get());
  speakers.NoteNameUsed("Prutton");  // "Prutton said", later in the story
  speakers.Mentioned(Mention("David Prutton"), 0);
  const AnaphorResolution age = speakers.Resolve("The 23-year-old", 1);
  EXPECT_EQ(age.source, "David Prutton");
  EXPECT_FALSE(age.introduces_speaker);
  speakers.Took(age, 1);
  EXPECT_EQ(speakers.Resolve("he", 2).source, "David Prutton");
}

TEST_F(SpeakerTrackerTest, AWordThatRefersAsSubjectFollowsARunOfHeSaid) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Tama Umaga"), 0);
  for (size_t line = 2; line <= 8; line += 2) {
    speakers.Took(speakers.Resolve("he", line), line);
  }
  EXPECT_EQ(speakers.Resolve("the 31-year-old", 9).source, "Tama Umaga");
  EXPECT_FALSE(speakers.Resolve("the official", 9).resolved);
}

TEST_F(SpeakerTrackerTest, OneUnnamedSpeakerIsTheHeAfterHim) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("John Smith"), 0);
  speakers.UnnamedSpoke("a spokesman said");
  EXPECT_FALSE(speakers.Resolve("he", 1).resolved);
}

TEST_F(SpeakerTrackerTest, TheyAfterAnUnnamedGroupIsThatGroup) {
  SpeakerTracker speakers("", registry_.get());
  speakers.Spoke(Speaker("Acme Inc"), 0);
  speakers.UnnamedSpoke("analysts said");
  EXPECT_FALSE(speakers.Resolve("they", 1).resolved);
  EXPECT_EQ(speakers.Resolve("it", 1).source, "Acme Inc");
}

}  // namespace
}  // namespace provcheck
