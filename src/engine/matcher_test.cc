#include "provcheck/matcher.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/matcher_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provcheck/rule_parser.h"

namespace provcheck {
namespace {

using ::provcheck::testing::CompileTestMatcher;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

std::string Text(std::string_view text, const RuleMatch& match) {
  return std::string(text.substr(match.begin, match.end - match.begin));
}

std::string_view CaptureOf(const RuleMatch& match, std::string_view name) {
  for (const Capture& capture : match.captures) {
    if (capture.name == name) return capture.value;
  }
  return {};
}

// What Matcher::Compile says of the pack in `source` (as file p.rules),
// which parses but must not compile; empty when it compiles.
std::string CompileErrorOf(std::string_view source) {
  auto pack = ParseRulePack(source, "p.rules");
  EXPECT_TRUE(pack.ok()) << pack.status();
  if (!pack.ok()) return "";
  std::vector<RulePack> packs;
  packs.push_back(*std::move(pack));
  auto matcher = Matcher::Compile(std::move(packs));
  return matcher.ok() ? "" : std::string(matcher.status().message());
}

TEST(MatcherTest, Re2ErrorNamesTheRuleAndItsLocation) {
  EXPECT_THAT(
      CompileErrorOf(
          "pack p\nrule bad.lookahead {\n  kind citation\n  match \"x(?=y)\"\n"
          "  message \"m\"\n}"),
      HasSubstr("p.rules:4:9: error: rule "
                "bad.lookahead: pattern "
                "does not compile"));
}

TEST(MatcherTest, ReleasePeriodErrorNamesTheRuleAndItsLocation) {
  EXPECT_THAT(
      CompileErrorOf(
          "pack p\nrule bad.release {\n  kind unattributed-claim\n"
          "  match \"x\"\n  message \"m\"\n  unless-near attribution within 1\n"
          "  release-period \"\\d\" \"in (?=May)\"\n}"),
      HasSubstr("p.rules:7:23: error: rule bad.release: "
                "release-period pattern does not compile"));
}

// A rule whose only reject names `target`.
std::string RejectPack(std::string_view target) {
  return "pack p\nrule r {\n  kind attribution\n"
         "  match \"(?P<source>[A-Z]\\w+) said\"\n  message \"m\"\n"
         "  reject " +
         std::string(target) + " \"x\"\n}";
}

TEST(MatcherTest, RejectNamingNoCaptureIsAnError) {
  EXPECT_THAT(CompileErrorOf(RejectPack("aftr")),
              HasSubstr("p.rules:6:15: error: rule r: reject names 'aftr', "
                        "which is no capture of the rule's patterns"));
}

TEST(MatcherTest, RejectMayNameACaptureOrATarget) {
  for (std::string_view target :
       {"source", "0", "before", "after", "paragraph"}) {
    EXPECT_EQ(CompileErrorOf(RejectPack(target)), "") << target;
  }
}

// Two rules: `spokesman` gives its unresolved findings to `rule_id`.
std::string UnresolvedAsPack(std::string_view rule_id) {
  return "pack p\nrule vague {\n  kind vague-attribution\n  match \"x\"\n"
         "  message \"m\"\n}\nrule spokesman {\n  kind attribution\n"
         "  match \"(?P<anaphor>a spokesman) said\"\n  message \"m\"\n"
         "  unresolved-as " +
         std::string(rule_id) + "\n}";
}

TEST(MatcherTest, UnresolvedAsIsTheRuleItNames) {
  auto matcher = CompileTestMatcher(UnresolvedAsPack("vague"));
  ASSERT_NE(matcher, nullptr);
  const std::vector<const Rule*> rules = matcher->rules();
  EXPECT_EQ(matcher->UnresolvedAs(*rules[1]), rules[0]);
  EXPECT_EQ(matcher->UnresolvedAs(*rules[0]), nullptr);
}

TEST(MatcherTest, UnresolvedAsARuleNotLoadedIsAnError) {
  EXPECT_THAT(CompileErrorOf(UnresolvedAsPack("vague.typo")),
              HasSubstr("p.rules:11:17: error: rule spokesman: unresolved-as "
                        "names rule vague.typo, which no enabled pack "
                        "defines"));
}

TEST(MatcherTest, UnresolvedAsItselfIsAnError) {
  EXPECT_THAT(CompileErrorOf(UnresolvedAsPack("spokesman")),
              HasSubstr("error: rule spokesman: unresolved-as names the rule "
                        "itself"));
}

class ReleasePeriodTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_ = CompileTestMatcher(R"pack(pack p
rule release {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution within 1
  release-period "\d+ mln" "\b(?:in|for) (?:end-)?(?P<period>[A-Z][a-z]+)"
}
rule plain {
  kind unattributed-claim
  match "x"
  message "m"
})pack");
    ASSERT_NE(matcher_, nullptr);
  }
  const Rule& RuleNamed(std::string_view id) const {
    for (const Rule* rule : matcher_->rules()) {
      if (rule->id == id) return *rule;
    }
    ADD_FAILURE() << "no rule " << id;
    return *matcher_->rules().front();
  }
  std::unique_ptr<Matcher> matcher_;
};

TEST_F(ReleasePeriodTest, AFigureMakesASentenceARelease) {
  EXPECT_TRUE(matcher_->HoldsReleaseFigure(RuleNamed("release"),
                                           "Reserves rose to 16 mln."));
  EXPECT_FALSE(matcher_->HoldsReleaseFigure(RuleNamed("release"),
                                            "Reserves rose sharply."));
}

TEST_F(ReleasePeriodTest, PeriodsAreThePeriodCapturesInOrder) {
  EXPECT_THAT(matcher_->ReleasePeriods(
                  RuleNamed("release"),
                  "It rose in February from 3 mln for end-January."),
              ElementsAre("February", "January"));
}

TEST_F(ReleasePeriodTest, ARuleWithoutReleasePeriodHasNone) {
  EXPECT_FALSE(
      matcher_->HoldsReleaseFigure(RuleNamed("plain"), "It rose 16 mln."));
  EXPECT_THAT(matcher_->ReleasePeriods(RuleNamed("plain"), "It rose in May."),
              IsEmpty());
}

// A pack of `count` sentence rules r0, r1, ...: each matches "alpha said"
// or its own "betaN said", so every rule shares one atom and has one of its
// own. Enough rules for the prefilter to split them between several
// FilteredRE2s. The rules listed in `bad` get a lookahead RE2 refuses.
std::vector<RulePack> ManyRulePacks(int count, std::set<int> bad = {}) {
  std::string text = "pack p\n";
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&text, "rule r", i,
                    " { kind citation scope sentence reject source \"x\" "
                    "match \"(?P<source>alpha|beta",
                    i, ")", bad.contains(i) ? "(?=y)" : "",
                    " said\" message \"m\" }\n");
  }
  auto pack = ParseRulePack(text, "p.rules");
  EXPECT_TRUE(pack.ok()) << pack.status();
  std::vector<RulePack> packs;
  if (pack.ok()) packs.push_back(*std::move(pack));
  return packs;
}

TEST(MatcherTest, CompilingOnSeveralThreadsMatchesAsOneThreadDoes) {
  auto alone = Matcher::Compile(ManyRulePacks(90), 1);
  auto shared = Matcher::Compile(ManyRulePacks(90), 4);
  ASSERT_TRUE(alone.ok()) << alone.status();
  ASSERT_TRUE(shared.ok()) << shared.status();
  EXPECT_EQ((*shared)->digest(), (*alone)->digest());
  // Every rule's shared atom, then three rules' own, across the shards.
  const std::string text =
      "alpha said so. beta3 said no. beta47 said yes. beta89 said maybe.";
  const Segmentation segments = Segment(text);
  const auto expected = (*alone)->Match(text, segments);
  const auto found = (*shared)->Match(text, segments);
  ASSERT_THAT(found, SizeIs(93));
  ASSERT_THAT(expected, SizeIs(93));
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].rule->id, expected[i].rule->id);
    EXPECT_EQ(found[i].begin, expected[i].begin);
  }
  EXPECT_EQ(found[0].rule->id, "r0");
  EXPECT_EQ(found[89].rule->id, "r89");
  EXPECT_EQ(found[91].rule->id, "r47");
}

TEST(MatcherTest, PatternsWithoutAtomsRunBesideShardsThatHaveAtoms) {
  // Thirty patterns no literal narrows (a run of digits) before thirty
  // that need "alpha": some shards then have no atom at all, and one has
  // both kinds.
  std::string text = "pack p\n";
  for (int i = 0; i < 30; ++i) {
    absl::StrAppend(&text, "rule n", i,
                    " { kind citation scope sentence match \"[0-9]+\" "
                    "message \"m\" }\n");
  }
  for (int i = 0; i < 30; ++i) {
    absl::StrAppend(&text, "rule a", i,
                    " { kind citation scope sentence match \"alpha|beta", i,
                    "\" message \"m\" }\n");
  }
  auto matcher = CompileTestMatcher(text);
  ASSERT_NE(matcher, nullptr);
  const std::string sentence = "alpha 42.";
  const auto matches = matcher->Match(sentence, Segment(sentence));
  ASSERT_THAT(matches, SizeIs(60));
  EXPECT_EQ(matches.front().rule->id, "a0");
  EXPECT_EQ(Text(sentence, matches.front()), "alpha");
  EXPECT_EQ(matches.back().rule->id, "n29");
  EXPECT_EQ(Text(sentence, matches.back()), "42");
}

TEST(MatcherTest, TheFirstBadPatternInPackOrderIsReportedWhateverTheThreads) {
  // Rules 10 and 80 fall in different shards, compiled by different
  // threads in either order.
  for (int round = 0; round < 8; ++round) {
    auto matcher = Matcher::Compile(ManyRulePacks(90, {10, 80}), 4);
    ASSERT_FALSE(matcher.ok());
    EXPECT_THAT(std::string(matcher.status().message()),
                HasSubstr("rule r10: pattern does not compile"));
  }
}

TEST(MatcherTest, FindsEveryNonOverlappingMatchInASentence) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind citation scope sentence match \"\\[\\w+\\]\" "
      "message \"m\" }");
  const std::string text = "One [A] two [B]. Three [C].";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(3));
  EXPECT_EQ(Text(text, matches[0]), "[A]");
  EXPECT_EQ(Text(text, matches[2]), "[C]");
  EXPECT_EQ(matches[2].segment, 1u);
}

TEST(MatcherTest, LineScopeAnchorsMatchTheWholeLine) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind boilerplate scope line match \"^Next Article$\" "
      "message \"m\" }");
  const std::string text = "Next Article\nThe Next Article here\nNext Article";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(2));
  EXPECT_EQ(matches[0].segment, 0u);
  EXPECT_EQ(matches[1].segment, 2u);
}

TEST(MatcherTest, MatchRunningToTheSegmentEndIsFoundOnce) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind boilerplate scope line match \"x.*$\" "
      "message \"m\" }");
  const std::string text = "a x b\nno\nx";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(2));
  EXPECT_EQ(Text(text, matches[0]), "x b");
  EXPECT_EQ(Text(text, matches[1]), "x");
}

TEST(MatcherTest, EmptyMatchesAreNeverReported) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind boilerplate scope line match \"z*$\" "
      "message \"m\" }");
  const std::string text = "abc\nabz";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(Text(text, matches[0]), "z");
}

TEST(MatcherTest, SentenceScopeDoesNotMatchAcrossSentences) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution scope sentence match \"end\\. Start\" "
      "message \"m\" }");
  const std::string text = "It was the end. Start again.";
  EXPECT_THAT(matcher->Match(text, Segment(text)), SizeIs(0));
}

TEST(MatcherTest, DocumentScopeLooksAcrossLines) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind boilerplate scope document "
      "match \"(?m)^Next\\n\\n(?P<span>.+)$\" message \"m\" }");
  const std::string text = "Body.\nNext\n\nA title\n";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(Text(text, matches[0]), "A title");
}

TEST(MatcherTest, SpanCaptureNarrowsTheMatch) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution match \"said (?P<span>\\w+)\" "
      "message \"m\" }");
  const std::string text = "It was said Ann.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(Text(text, matches[0]), "Ann");
}

TEST(MatcherTest, NamedCapturesAreReported) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution match \"(?P<source>[A-Z]\\w+) said\" "
      "message \"m\" }");
  const std::string text = "Then Lavrov said so.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(CaptureOf(matches[0], "source"), "Lavrov");
  EXPECT_EQ(CaptureOf(matches[0], "0"), "Lavrov said");
}

TEST(MatcherTest, RejectedMatchIsDroppedAndTheSearchGoesOn) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution "
      "match \"(?P<source>[A-Z]\\w+(?: [A-Z]\\w+)?) said\" message \"m\" "
      "reject source \"But .*\" }");
  const std::string text = "But Smith said so.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(CaptureOf(matches[0], "source"), "Smith");
}

TEST(MatcherTest, RejectZeroTestsTheWholeMatch) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind unattributed-claim scope sentence "
      "match \"^.*\\d+.*$\" message \"m\" reject 0 \"NOTE:.*\" }");
  const std::string text = "NOTE: Adjusted for a 2-for-1 split. It rose 5%.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(Text(text, matches[0]), "It rose 5%.");
}

TEST(MatcherTest, RejectBeforeTestsTheSegmentTextAheadOfTheMatch) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution "
      "match \"(?P<source>[A-Z]\\w+) said\" message \"m\" "
      "reject before \".*close to (?:the )?\" }");
  const std::string text = "Sources close to the Fed said so. The Fed said so.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(matches[0].begin, text.find("The Fed") + 4);
}

TEST(MatcherTest, RejectBeforeSeesOnlyItsOwnSegment) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution scope sentence "
      "match \"(?P<source>[A-Z]\\w+) said\" message \"m\" "
      "reject before \".*close to (?:the )?\" }");
  const std::string text = "He stayed close to the\nFed said so.";
  EXPECT_THAT(matcher->Match(text, Segment(text)), SizeIs(1));
}

// A call is a match unless "redemption" follows it.
constexpr char kRejectAfterPack[] =
    "pack p\nrule r { kind attribution scope sentence "
    "match \"(?P<source>[A-Z]\\w+) called for\" message \"m\" "
    "reject after \"\\s+redemption\\b.*\" }";

TEST(MatcherTest, RejectAfterTestsTheSegmentsTextPastTheMatch) {
  auto matcher = CompileTestMatcher(kRejectAfterPack);
  const std::string text =
      "Acme called for redemption of its notes. Acme called for a vote.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(matches[0].begin, text.rfind("Acme"));
}

TEST(MatcherTest, RejectAfterSeesOnlyItsOwnSegment) {
  auto matcher = CompileTestMatcher(kRejectAfterPack);
  const std::string text = "Acme called for\nredemption of its notes.";
  EXPECT_THAT(matcher->Match(text, Segment(text)), SizeIs(1));
}

// A figure is a match unless its paragraph says "I think".
constexpr char kRejectParagraphPack[] =
    "pack p\nrule r { kind unattributed-claim scope sentence "
    "match \"^.*\\d+%.*$\" message \"m\" "
    "reject paragraph \".*\\bI think\\b.*\" }";

TEST(MatcherTest, RejectParagraphTestsTheWholeLineThatHoldsTheMatch) {
  auto matcher = CompileTestMatcher(kRejectParagraphPack);
  const std::string text = "Sales rose 5%. I think so.\nProfits rose 6%.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(1));
  EXPECT_EQ(Text(text, matches[0]), "Profits rose 6%.");
}

TEST(MatcherTest, RejectParagraphSeesOnlyTheLineThatHoldsTheMatch) {
  auto matcher = CompileTestMatcher(kRejectParagraphPack);
  const std::string text = "I think so.\nProfits rose 6%.\nI think not.";
  EXPECT_THAT(matcher->Match(text, Segment(text)), SizeIs(1));
}

TEST(MatcherTest, MatchesAreOrderedByStartAcrossScopes) {
  auto matcher = CompileTestMatcher(
      "pack p\n"
      "rule a { kind boilerplate scope line match \"^Zed$\" message \"m\" }\n"
      "rule b { kind citation scope sentence match \"\\[X\\]\" message \"m\" "
      "}");
  const std::string text = "Text [X].\nZed";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(2));
  EXPECT_EQ(matches[0].rule->id, "b");
  EXPECT_EQ(matches[1].rule->id, "a");
}

TEST(MatcherTest, MatchBatchGivesEachDocumentWhatMatchGivesIt) {
  auto matcher = CompileTestMatcher(
      "pack p\n"
      "rule a { kind boilerplate scope line match \"^Zed$\" message \"m\" }\n"
      "rule b { kind citation scope sentence match \"\\[\\w\\]\" "
      "message \"m\" }");
  const std::string first = "Text [X].\nZed";
  const std::string second = "Nothing here.";
  const std::string third = "More [Y] and [Z].";
  const Segmentation first_segments = Segment(first);
  const Segmentation second_segments = Segment(second);
  const Segmentation third_segments = Segment(third);
  const auto batch = matcher->MatchBatch({{first, &first_segments},
                                          {second, &second_segments},
                                          {third, &third_segments}});
  ASSERT_THAT(batch, SizeIs(3));
  for (const auto& [text, segments, matches] :
       {std::tuple(first, &first_segments, batch[0]),
        std::tuple(second, &second_segments, batch[1]),
        std::tuple(third, &third_segments, batch[2])}) {
    const auto alone = matcher->Match(text, *segments);
    ASSERT_EQ(matches.size(), alone.size()) << text;
    for (size_t i = 0; i < alone.size(); ++i) {
      EXPECT_EQ(matches[i].rule, alone[i].rule);
      EXPECT_EQ(matches[i].begin, alone[i].begin);
      EXPECT_EQ(matches[i].end, alone[i].end);
      EXPECT_EQ(matches[i].segment, alone[i].segment);
    }
  }
  EXPECT_EQ(Text(third, batch[2][1]), "[Z]");
}

TEST(MatcherTest, RuleBelowItsPerDocumentMinimumKeepsNoMatch) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution scope line "
      "match \"^(?P<source>[A-Z]{2,}):\" message \"m\" "
      "at-least 2 per-document }");
  const std::string text = "DELHI: The talks failed.\nThe unions disagreed.";
  EXPECT_THAT(matcher->Match(text, Segment(text)), SizeIs(0));
}

TEST(MatcherTest, RuleAtItsPerDocumentMinimumKeepsEveryMatch) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution scope line "
      "match \"^(?P<source>[A-Z]{2,}):\" message \"m\" "
      "at-least 2 per-document }");
  const std::string text = "COOPER: Your response?\nCLINTON: Thank you.";
  const auto matches = matcher->Match(text, Segment(text));
  ASSERT_THAT(matches, SizeIs(2));
  EXPECT_EQ(CaptureOf(matches[1], "source"), "CLINTON");
}

TEST(MatcherTest, PerDocumentMinimumCountsEachDocumentOfABatchApart) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution scope line "
      "match \"^(?P<source>[A-Z]{2,}):\" message \"m\" "
      "at-least 2 per-document }");
  const std::string first = "DELHI: The talks failed.";
  const std::string second = "LONDON: Prices rose.";
  const Segmentation first_segments = Segment(first);
  const Segmentation second_segments = Segment(second);
  const auto batch = matcher->MatchBatch(
      {{first, &first_segments}, {second, &second_segments}});
  ASSERT_THAT(batch, SizeIs(2));
  EXPECT_THAT(batch[0], SizeIs(0));
  EXPECT_THAT(batch[1], SizeIs(0));
}

TEST(MatcherTest, RejectedMatchesDoNotCountTowardsThePerDocumentMinimum) {
  auto matcher = CompileTestMatcher(
      "pack p\nrule r { kind attribution scope line "
      "match \"^(?P<source>[A-Z]{2,}):\" message \"m\" "
      "reject source \"UPDATE\" at-least 2 per-document }");
  const std::string text = "UPDATE: Corrected.\nDELHI: The talks failed.";
  EXPECT_THAT(matcher->Match(text, Segment(text)), SizeIs(0));
}

// Rules of two scopes, interleaved in the file, that all match at the
// start of "Acme said so."
constexpr char kRulesTiedAtOneOffset[] =
    "pack p\n"
    "rule s1 { kind citation scope sentence match \"Acme\" message \"m\" }\n"
    "rule l1 { kind boilerplate scope line match \"^Acme\" message \"m\" }\n"
    "rule s2 { kind attribution scope sentence match \"Acme said\" "
    "message \"m\" }";

std::vector<std::string> RuleIds(const std::vector<RuleMatch>& matches) {
  std::vector<std::string> ids;
  for (const RuleMatch& match : matches) ids.push_back(match.rule->id);
  return ids;
}

TEST(MatcherTest, MatchesStartingTogetherKeepScopeThenRuleOrder) {
  // Rules rely on this order to win a tie (officials-of before name-cue):
  // line matches first, then sentence matches in the order rules are
  // written, however the rules of the two scopes interleave in the file.
  auto matcher = CompileTestMatcher(kRulesTiedAtOneOffset);
  const std::string text = "Acme said so.";
  const Segmentation segments = Segment(text);
  EXPECT_THAT(RuleIds(matcher->Match(text, segments)),
              ElementsAre("l1", "s1", "s2"));
  EXPECT_THAT(RuleIds(matcher->MatchBatch({{text, &segments}}).front()),
              ElementsAre("l1", "s1", "s2"));
}

TEST(MatcherTest, EveryLaneOfABatchOrdersMatchesAlike) {
  // Threads start their pattern loops at different patterns; matches that
  // begin together must still come out in scope, then rule order.
  auto matcher = CompileTestMatcher(kRulesTiedAtOneOffset);
  const std::string text = "Acme said so.";
  const Segmentation segments = Segment(text);
  for (int lanes = 1; lanes <= 4; ++lanes) {
    for (int lane = 0; lane < lanes; ++lane) {
      EXPECT_THAT(
          RuleIds(
              matcher->MatchBatch({{text, &segments}}, lane, lanes).front()),
          ElementsAre("l1", "s1", "s2"))
          << "lane " << lane << " of " << lanes;
    }
  }
}

TEST(MatcherTest, DigestChangesWhenAPatternChanges) {
  auto one = CompileTestMatcher(
      "pack p\nrule r { kind citation match \"x\" message \"m\" }");
  auto two = CompileTestMatcher(
      "pack p\nrule r { kind citation match \"y\" message \"m\" }");
  auto again = CompileTestMatcher(
      "pack p\nrule r { kind citation match \"x\" message \"m\" }");
  EXPECT_NE(one->digest(), two->digest());
  EXPECT_EQ(one->digest(), again->digest());
}

TEST(MatcherTest, MatchRuleRunsOneRuleAlone) {
  auto matcher = CompileTestMatcher(
      "pack p\n"
      "rule a { kind citation match \"x\" message \"m\" }\n"
      "rule b { kind citation match \"y\" message \"m\" }");
  const Rule* b = matcher->rules()[1];
  EXPECT_THAT(matcher->MatchRule(*b, "x y x"), SizeIs(1));
}

}  // namespace
TEST(MatcherTest, PotentialPatternsAreThoseTheSegmentsAtomsAllow) {
  auto matcher = CompileTestMatcher(
      "pack p\n"
      "rule a { kind citation scope line match \"alpha\" message \"m\" }\n"
      "rule b { kind citation scope sentence match \"gamma\" message \"m\" }\n"
      "rule c { kind citation scope sentence match \"delta\" message \"m\" "
      "}\n");
  ASSERT_NE(matcher, nullptr);
  // Indexes in pack order, every scope counted: b is 1, c is 2.
  EXPECT_THAT(matcher->PotentialPatterns(Scope::kSentence, "Delta force."),
              ElementsAre(2));
  EXPECT_THAT(matcher->PotentialPatterns(Scope::kSentence, "alpha"), IsEmpty());
  std::vector<int> atoms;
  matcher->FindAtoms(Scope::kLine, "ALPHA", atoms);
  EXPECT_THAT(atoms, SizeIs(1));  // atoms match in any case
}

}  // namespace provcheck
