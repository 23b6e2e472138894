#include "engine/match_filter.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provcheck/rule.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;

Rule RuleOf(std::string id, Kind kind) {
  Rule rule;
  rule.id = std::move(id);
  rule.kind = kind;
  return rule;
}

RuleMatch MatchOf(const Rule& rule, size_t begin, size_t end) {
  RuleMatch match;
  match.rule = &rule;
  match.begin = begin;
  match.end = end;
  return match;
}

// The ids of the matches KeptMatches keeps, in its order.
std::vector<std::string> KeptIds(std::string_view text,
                                 const std::vector<RuleMatch>& matches) {
  std::vector<std::string> ids;
  for (const RuleMatch* match : KeptMatches(text, Segment(text), matches)) {
    ids.push_back(match->rule->id);
  }
  return ids;
}

constexpr std::string_view kText = "Officials said the plan works. It will.";

TEST(KeptMatchesTest, OfOverlappingMatchesOfOneKindTheEarliestStands) {
  const Rule early = RuleOf("early", Kind::kAttribution);
  const Rule late = RuleOf("late", Kind::kAttribution);
  EXPECT_THAT(KeptIds(kText, {MatchOf(late, 5, 14), MatchOf(early, 0, 14)}),
              ElementsAre("early"));
}

TEST(KeptMatchesTest, OfMatchesStartingTogetherTheLongestStands) {
  const Rule shorter = RuleOf("shorter", Kind::kAttribution);
  const Rule longer = RuleOf("longer", Kind::kAttribution);
  EXPECT_THAT(KeptIds(kText, {MatchOf(shorter, 0, 9), MatchOf(longer, 0, 14)}),
              ElementsAre("longer"));
}

TEST(KeptMatchesTest, MatchesOfDifferentKindsMayOverlap) {
  const Rule named = RuleOf("named", Kind::kAttribution);
  const Rule vague = RuleOf("vague", Kind::kVagueAttribution);
  EXPECT_THAT(KeptIds(kText, {MatchOf(named, 0, 14), MatchOf(vague, 0, 9)}),
              ElementsAre("named", "vague"));
}

TEST(KeptMatchesTest, AMatchYieldsToAnOverlappingMatchOfAKindItNames) {
  const Rule named = RuleOf("named", Kind::kAttribution);
  Rule vague = RuleOf("vague", Kind::kVagueAttribution);
  vague.yields_to = {Kind::kAttribution};
  EXPECT_THAT(KeptIds(kText, {MatchOf(named, 0, 14), MatchOf(vague, 0, 9)}),
              ElementsAre("named"));
}

TEST(KeptMatchesTest, UnlessNearDropsAMatchNearAFindingOfTheKindItNames) {
  const Rule named = RuleOf("named", Kind::kAttribution);
  Rule claim = RuleOf("claim", Kind::kUnattributedClaim);
  claim.unless_near = {Kind::kAttribution};
  claim.reach = 1;
  // "It will." is the sentence after the attribution.
  EXPECT_THAT(KeptIds(kText, {MatchOf(named, 0, 14), MatchOf(claim, 31, 39)}),
              ElementsAre("named"));
}

TEST(KeptMatchesTest, UnlessNearKeepsAMatchBeyondItsReach) {
  const Rule named = RuleOf("named", Kind::kAttribution);
  Rule claim = RuleOf("claim", Kind::kUnattributedClaim);
  claim.unless_near = {Kind::kAttribution};
  claim.reach = 0;
  EXPECT_THAT(KeptIds(kText, {MatchOf(named, 0, 14), MatchOf(claim, 31, 39)}),
              ElementsAre("named", "claim"));
}

// Sentences: 0 names the speaker; 1 and 2 quote; 3 is a narrator's
// bridge; 4, 5, 6 and 7 quote, 7 past a three-sentence reach from 3.
constexpr std::string_view kQuotedRuns =
    "\"We won,\" Smith said. \"It was hard. \"We held on.\" The fans stayed "
    "late. \"I was proud. \"They sang. \"We were tired. \"It was over.\"";

// A quotation rule: an unattributed claim dropped when an attribution is
// within `reach` sentences or back over its quoted run.
Rule QuotationRule() {
  Rule rule = RuleOf("quotation", Kind::kUnattributedClaim);
  rule.unless_near = {Kind::kAttribution};
  rule.reach = 3;
  rule.reach_across_paragraphs = true;
  rule.reach_quote_run = true;
  return rule;
}

// The match on the sentence that opens with `opening`.
RuleMatch MatchOnSentence(const Rule& rule, std::string_view text,
                          std::string_view opening) {
  const size_t begin = text.find(opening);
  return MatchOf(rule, begin, begin + opening.size());
}

TEST(KeptMatchesTest, AQuotedRunReachesOverOneBridgeToTheRunBefore) {
  const Rule named = RuleOf("named", Kind::kAttribution);
  const Rule quotation = QuotationRule();
  EXPECT_THAT(KeptIds(kQuotedRuns, {MatchOf(named, 0, 20),
                                    MatchOnSentence(quotation, kQuotedRuns,
                                                    "\"It was over.\"")}),
              ElementsAre("named"));
}

TEST(KeptMatchesTest, AQuotedRunReachesOverNoSecondBridge) {
  const std::string text = std::string(kQuotedRuns) +
                           " The coach left. \"Next week is another game.\"";
  const Rule named = RuleOf("named", Kind::kAttribution);
  const Rule quotation = QuotationRule();
  EXPECT_THAT(
      KeptIds(text, {MatchOf(named, 0, 20),
                     MatchOnSentence(quotation, text,
                                     "\"Next week is another game.\"")}),
      ElementsAre("named", "quotation"));
}

// Sentences: 0 names the speaker; 1 introduces a list; 2, 3 and 4 are its
// items, 3 and 4 past a one-sentence reach from 0.
constexpr std::string_view kListAfterColon =
    "Smith said growth slowed. In her budget she has:\n\n- Raised taxes.\n"
    "- Cut spending by 5%.\n- Pledged $2bn for roads.\n";

// A claim rule whose findings on list items reach as the list's
// introducing sentence does.
Rule ListClaimRule() {
  Rule rule = RuleOf("claim", Kind::kUnattributedClaim);
  rule.unless_near = {Kind::kAttribution};
  rule.reach = 1;
  rule.reach_across_paragraphs = true;
  rule.reach_list = true;
  return rule;
}

// What KeptMatches keeps of an attribution over `text`'s first
// `named_end` bytes and `claim`'s match on the list item `item`.
std::vector<std::string> KeptOfNamedAndItem(std::string_view text,
                                            size_t named_end,
                                            std::string_view item,
                                            const Rule& claim) {
  static const Rule named = RuleOf("named", Kind::kAttribution);
  return KeptIds(
      text, {MatchOf(named, 0, named_end), MatchOnSentence(claim, text, item)});
}

TEST(KeptMatchesTest, AListItemReachesAsTheSentenceIntroducingItsList) {
  EXPECT_THAT(KeptOfNamedAndItem(kListAfterColon, 10,
                                 "- Pledged $2bn for roads.", ListClaimRule()),
              ElementsAre("named"));
}

TEST(KeptMatchesTest, AListItemReachesNoFurtherWithoutOrList) {
  Rule claim = ListClaimRule();
  claim.reach_list = false;
  EXPECT_THAT(KeptOfNamedAndItem(kListAfterColon, 10,
                                 "- Pledged $2bn for roads.", claim),
              ElementsAre("named", "claim"));
}

TEST(KeptMatchesTest, ALineWithoutAColonIntroducesNoList) {
  EXPECT_THAT(
      KeptOfNamedAndItem(
          "Smith said growth slowed. Her budget came on Monday.\n\n- Raised "
          "taxes.\n- Cut spending by 5%.\n- Pledged $2bn for roads.\n",
          10, "- Pledged $2bn for roads.", ListClaimRule()),
      ElementsAre("named", "claim"));
}

TEST(KeptMatchesTest, AWireDashIntroducesAListAsAColonDoes) {
  EXPECT_THAT(
      KeptOfNamedAndItem(
          "The agency said it bought wheat. The purchase consisted of -\n- "
          "Cargill 1,500 tonnes.\n- Louis Dreyfus 4,500 tonnes.\n- Nichemen "
          "10,000 tonnes.\n",
          15, "- Nichemen 10,000 tonnes.", ListClaimRule()),
      ElementsAre("named"));
}

TEST(KeptMatchesTest, AnOptInMatchNeverDropsADefaultOne) {
  Rule opt_in = RuleOf("opt-in", Kind::kAttribution);
  opt_in.opt_in = true;
  Rule vague = RuleOf("vague", Kind::kVagueAttribution);
  vague.yields_to = {Kind::kAttribution};
  EXPECT_THAT(KeptIds(kText, {MatchOf(opt_in, 0, 14), MatchOf(vague, 0, 9)}),
              ElementsAre("opt-in", "vague"));
}

}  // namespace
}  // namespace provcheck
