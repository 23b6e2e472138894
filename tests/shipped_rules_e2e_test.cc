// Behaviour of the shipped rule packs that `provcheck rules check` cannot
// show: that command runs each rule's examples alone, so anything that
// depends on another rule's finding (`unless-near`, `yields-to`) is checked
// here, on the whole packs, through the binary.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint_json.h"
#include "run_command.h"

namespace {

using ::provcheck::testing::LintFinding;
using ::provcheck::testing::LintFindings;
using ::provcheck::testing::RunProvcheck;

// The rule ids provcheck reports on TEXT, read from standard input.
std::vector<std::string> RulesFiredOn(const std::string& text) {
  const auto run = RunProvcheck("lint --format json --fail-on none -", text);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> rules;
  for (const LintFinding& finding : LintFindings(run.out)) {
    rules.push_back(finding.rule);
  }
  return rules;
}

bool Fired(const std::vector<std::string>& rules, const std::string& id) {
  for (const std::string& rule : rules) {
    if (rule == id) return true;
  }
  return false;
}

TEST(ShippedRulesTest, AllegedlyAloneIsAVagueAttribution) {
  EXPECT_TRUE(Fired(RulesFiredOn("The minister allegedly took bribes.\n"),
                    "vague-attribution.allegedly"));
}

TEST(ShippedRulesTest, AllegedlyNextToANamedAccuserIsNotVague) {
  const auto rules = RulesFiredOn(
      "The trader allegedly passed the tip to three friends.\n\n"
      "The friends made 1.5 million dollars, according to Rudolph Giuliani, "
      "the U.S. Attorney in Manhattan, who announced the indictment.\n");
  EXPECT_FALSE(Fired(rules, "vague-attribution.allegedly"));
}

// The messages of the findings of RULE on TEXT, in output order.
std::vector<std::string> MessagesOf(const std::string& text,
                                    const std::string& rule) {
  const auto run = RunProvcheck("lint --format json --fail-on none -", text);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> messages;
  for (const LintFinding& finding : LintFindings(run.out)) {
    if (finding.rule == rule) messages.push_back(finding.message);
  }
  return messages;
}

// The message of the one finding of RULE on TEXT; a note saying how many
// there were otherwise, so that a failing spec shows them.
std::string OnlyMessageOf(const std::string& text, const std::string& rule) {
  const std::vector<std::string> messages = MessagesOf(text, rule);
  if (messages.size() == 1) return messages[0];
  std::string all = std::to_string(messages.size()) + " findings of " + rule;
  for (const std::string& message : messages) all += "\n  " + message;
  return all;
}

// The source registry types a party's short name as a body and says that
// "the party" takes a party: both are data in rules/sources, read by the
// speaker tracker, so only the whole packs show them.
TEST(ShippedRulesTest, ThePartyRefersBackToThePartyNotTheBodyThatSpokeBefore) {
  EXPECT_EQ(
      OnlyMessageOf(
          "The Audit Commission found the whole finance system was flawed.\n\n"
          "Labour says it wants to keep the tax. The party says this year's "
          "rises will be the lowest in a decade.\n",
          "attribution.anaphor"),
      "Claim attributed to Labour (\"The party\", named earlier)");
}

TEST(ShippedRulesTest, TheyAfterAPartyIsTheParty) {
  EXPECT_EQ(
      OnlyMessageOf(
          "The Audit Commission found the whole finance system was flawed.\n\n"
          "Labour says it wants to keep the tax. They say they are already "
          "helping pensioners.\n",
          "attribution.anaphor"),
      "Claim attributed to Labour (\"They\", named earlier)");
}

TEST(ShippedRulesTest, HeNeverRefersBackToAParty) {
  EXPECT_EQ(
      OnlyMessageOf(
          "Michael Howard said the plan was fair. The Tories have promised "
          "lower bills. He said the cuts would be paid for.\n",
          "attribution.anaphor"),
      "Claim attributed to Michael Howard (\"He\", named earlier)");
}

TEST(ShippedRulesTest, TheDepartmentNeverRefersBackToACompany) {
  EXPECT_EQ(OnlyMessageOf(
                "Padaeng Industry Co Ltd said output rose. The department said "
                "stocks were low.\n",
                "attribution.anaphor"),
            "Claim attributed to \"The department\" (no one named in reach)");
}

TEST(ShippedRulesTest, MPsAfterACommitteeSpokeAreItsMembers) {
  EXPECT_EQ(
      OnlyMessageOf(
          "The bill could leave anglers facing court, the environment select "
          "committee said. They raised complex issues, MPs said.\n",
          "attribution.committee-members"),
      "Claim attributed to environment select committee (\"MPs\", its "
      "members)");
}

// The tracker keeps a whole name's "'s" ("McDonald's said"); the message and
// the anaphor after it must not cut it again as a possessive.
TEST(ShippedRulesTest, ACompanyNamedWithItsApostropheSKeepsItInItsFindings) {
  const std::string text =
      "McDonald's said sales rose by 5%. It said the menu had helped.\n";
  EXPECT_EQ(OnlyMessageOf(text, "attribution.name-cue"),
            "Claim attributed to McDonald's");
  EXPECT_EQ(OnlyMessageOf(text, "attribution.anaphor"),
            "Claim attributed to McDonald's (\"It\", named earlier)");
}

TEST(ShippedRulesTest, CommitteeMembersReachPastTheirChairmanToTheCommittee) {
  EXPECT_EQ(
      OnlyMessageOf(
          "The finance system was badly flawed, the Public Accounts "
          "Committee found. Committee chairman Edward Leigh said it was a "
          "shambles. The costs were too high, committee members said.\n",
          "attribution.committee-members"),
      "Claim attributed to Public Accounts Committee (\"committee members\", "
      "its members)");
}

TEST(ShippedRulesTest, MPsWithNoCommitteeInReachStayAVagueCrowd) {
  const auto rules = RulesFiredOn("The plan is flawed, MPs said.\n");
  EXPECT_TRUE(Fired(rules, "vague-attribution.unnamed-group"));
  EXPECT_FALSE(Fired(rules, "attribution.committee-members"));
}

// A release's own figures, sentences after the lead that names its maker,
// are sourced by it when they are for the same period: "in the fourth
// quarter" is the period of the lead's "in the last quarter of 2004".
TEST(ShippedRulesTest, AFigureForTheFourthQuarterIsTheReleaseOfTheLastQuarter) {
  const auto rules = RulesFiredOn(
      "Survey confirms property slowdown\n\n"
      "House prices were 11.8% higher in the last quarter of 2004, the Land "
      "Registry said. The average price was £182,920.\n\n"
      "Prices fell in most regions. Buyers stayed away. Lenders were "
      "cautious. Agents reported fewer viewings. Surveyors were gloomier. "
      "Builders slowed work. Landlords held back. First-time buyers "
      "waited.\n\n"
      "The biggest gains were made in Wales, where prices were up by 23% in "
      "the fourth quarter.\n");
  EXPECT_FALSE(Fired(rules, "unattributed-claim.check-worthy"));
}

}  // namespace
