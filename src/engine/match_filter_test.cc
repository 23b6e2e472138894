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
