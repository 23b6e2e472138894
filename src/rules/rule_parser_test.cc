#include "provcheck/rule_parser.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kMinimalRule[] = R"pack(pack demo "A demo pack"
rule demo.said {
  kind attribution
  severity info
  scope sentence
  match "(?P<source>\p{Lu}\w+) said"
  message "Claim attributed to {source}"
})pack";

TEST(ParseRulePackTest, ReadsPackNameDescriptionAndRuleFields) {
  auto pack = ParseRulePack(kMinimalRule, "demo.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->name, "demo");
  EXPECT_EQ(pack->description, "A demo pack");
  ASSERT_EQ(pack->rules.size(), 1u);
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.id, "demo.said");
  EXPECT_EQ(rule.kind, Kind::kAttribution);
  EXPECT_EQ(rule.severity, Severity::kInfo);
  EXPECT_EQ(rule.scope, Scope::kSentence);
  EXPECT_EQ(rule.message, "Claim attributed to {source}");
  EXPECT_EQ(rule.location.line, 2);
}

TEST(ParseRulePackTest, KeepsBackslashesAsRe2ReadsThem) {
  auto pack = ParseRulePack(kMinimalRule, "demo.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, R"((?P<source>\p{Lu}\w+) said)");
}

TEST(ParseRulePackTest, UnescapesOnlyQuoteAndBackslash) {
  auto pack = ParseRulePack(R"pack(pack p
rule r { kind citation match "\"\\d\d" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, R"("\d\d)");
}

TEST(ParseRulePackTest, ExpandsDefinesInsideNonCapturingGroups) {
  auto pack = ParseRulePack(R"pack(pack p
define CUE = "said|told"
define SPEECH = "{CUE}|wrote"
rule r { kind attribution match "X (?:{SPEECH})" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, "X (?:(?:(?:said|told)|wrote))");
}

TEST(ParseRulePackTest, ExpandsDefinesInsideCharacterClassesWithoutGroups) {
  // "[(?:a-z)']" would also match '(', '?', ':' and ')'.
  auto pack = ParseRulePack(R"pack(pack p
define LETTER = "a-z\x{E0}-\x{FF}"
define WORD = "[{LETTER}'-]+"
rule r { kind attribution match "{WORD} [^{LETTER}] []{LETTER}] [[:alpha:]{LETTER}] {WORD}" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(
      pack->rules[0].patterns[0].regex,
      R"((?:[a-z\x{E0}-\x{FF}'-]+) [^a-z\x{E0}-\x{FF}] []a-z\x{E0}-\x{FF}] )"
      R"([[:alpha:]a-z\x{E0}-\x{FF}] (?:[a-z\x{E0}-\x{FF}'-]+))");
}

TEST(ParseRulePackTest, NestedDefineInsideACharacterClassExpandsAsMembers) {
  // LETTERS uses LETTER: inside a class, neither may bring "(?:" and ")".
  auto pack = ParseRulePack(R"pack(pack p
define LETTER = "a-z"
define LETTERS = "{LETTER}0-9"
rule r { kind attribution match "[{LETTERS}'] {LETTERS}" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, "[a-z0-9'] (?:(?:a-z)0-9)");
}

TEST(ParseRulePackTest, EscapedBracketsDoNotOpenOrCloseAClass) {
  auto pack = ParseRulePack(R"pack(pack p
define X = "a|b"
define M = "a-z"
rule r { kind attribution match "\[{X}\] [\]{M}]" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, R"(\[(?:a|b)\] [\]a-z])");
}

TEST(ParseRulePackTest, BracketedDefineInsideACharacterClassIsAnError) {
  // "[[A-Z]x]" would compile, as a class of '[' and A-Z followed by "x]".
  auto pack = ParseRulePack(
      "pack p\ndefine UP = \"[A-Z]\"\n"
      "rule r { kind attribution match \"<[{UP}x]>\" message \"m\" }",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  const std::string message(pack.status().message());
  EXPECT_THAT(message, StartsWith("p.rules:3:36: error: sub-pattern {UP} "
                                  "holds a bracket expression"));
}

TEST(ParseRulePackTest, LeavesRegexQuantifiersAlone) {
  auto pack = ParseRulePack(R"pack(pack p
rule r { kind attribution match "\w{1,3} {2}" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, R"(\w{1,3} {2})");
}

TEST(ParseRulePackTest, LeavesCodePointEscapesAlone) {
  // {C0} would read as a sub-pattern name were it not part of \x{C0}.
  auto pack = ParseRulePack(R"pack(pack p
rule r { kind attribution match "[A-Z\x{C0}-\x{DE}]" message "m" })pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, R"([A-Z\x{C0}-\x{DE}])");
}

TEST(ParseRulePackTest, IgnoresComments) {
  auto pack = ParseRulePack(R"pack(# a comment
pack p  # trailing
rule r {
  # inside
  kind boilerplate  # why
  match "x#y"
  message "m"
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].patterns[0].regex, "x#y");
}

TEST(ParseRulePackTest, ReadsExamplesWithCapturesAndCounters) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "x"
  message "m"
  example "Ann said so." source = "Ann" role = "aide"
  counter "nothing"
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const auto& examples = pack->rules[0].examples;
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_TRUE(examples[0].must_match);
  ASSERT_EQ(examples[0].captures.size(), 2u);
  EXPECT_EQ(examples[0].captures[1].first, "role");
  EXPECT_EQ(examples[0].captures[1].second, "aide");
  EXPECT_FALSE(examples[1].must_match);
  EXPECT_EQ(examples[1].location.line, 7);
}

TEST(ParseRulePackTest, ReadsYieldsToUnlessNearAndReject) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  yields-to attribution, citation
  unless-near attribution, vague-attribution within 2
  reject source "(?i:he|she)"
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.yields_to,
            (std::vector<Kind>{Kind::kAttribution, Kind::kCitation}));
  EXPECT_EQ(rule.unless_near,
            (std::vector<Kind>{Kind::kAttribution, Kind::kVagueAttribution}));
  EXPECT_EQ(rule.reach, 2);
  ASSERT_EQ(rule.rejects.size(), 1u);
  EXPECT_EQ(rule.rejects[0].first, "source");
}

TEST(ParseRulePackTest, ReadsUnlessNearAcrossParagraphs) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution, citation within 1 across-paragraphs
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_THAT(rule.unless_near,
              ::testing::ElementsAre(Kind::kAttribution, Kind::kCitation));
  EXPECT_EQ(rule.reach, 1);
  EXPECT_TRUE(rule.reach_across_paragraphs);
}

TEST(ParseRulePackTest, ReadsUnlessNearOrLead) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution within 1 across-paragraphs or-lead 4
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.reach, 1);
  EXPECT_TRUE(rule.reach_across_paragraphs);
  EXPECT_EQ(rule.lead_reach, 4);
  EXPECT_FALSE(rule.reach_quote_run);
}

TEST(ParseRulePackTest, ReadsReleasePeriodWithDefinesExpanded) {
  auto pack = ParseRulePack(R"pack(pack p
define MONTH = "(?:January|February)"
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution within 1
  release-period "\d+ mln" "in (?P<period>{MONTH})"
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  ASSERT_TRUE(rule.release_period.has_value());
  EXPECT_EQ(rule.release_period->figure.regex, "\\d+ mln");
  EXPECT_EQ(rule.release_period->period.regex,
            "in (?P<period>(?:(?:January|February)))");
  EXPECT_EQ(rule.release_period->period.location.line, 8);
}

TEST(ParseRulePackTest, RejectsReleasePeriodWithoutUnlessNear) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  release-period "\d+ mln" "in (?P<period>May)"
})pack",
                            "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("'release-period' but no 'unless-near'"));
}

TEST(ParseRulePackTest, ReadsUnresolvedAsAndWhereItStands) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "(?P<anaphor>a spokesman) said"
  message "m"
  unresolved-as vague.spokesman
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.unresolved_as, "vague.spokesman");
  EXPECT_EQ(rule.unresolved_as_location.line, 6);
  EXPECT_EQ(rule.unresolved_as_location.column, 17);
}

TEST(ParseRulePackTest, RejectsUnresolvedAsWithoutAnAnaphor) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "(?P<source>Acme) said"
  message "m"
  unresolved-as vague.spokesman
})pack",
                            "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("p.rules:2:6: error: rule r has 'unresolved-as' but "
                        "no pattern with an anaphor capture"));
}

TEST(ParseRulePackTest, ReadsUnlessNearOrQuoteRun) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution within 3 or-quote-run
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.reach, 3);
  EXPECT_FALSE(rule.reach_across_paragraphs);
  EXPECT_TRUE(rule.reach_quote_run);
}

TEST(ParseRulePackTest, ReadsUnlessNearOrList) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution within 1 across-paragraphs or-lead 4 or-list
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.lead_reach, 4);
  EXPECT_TRUE(rule.reach_across_paragraphs);
  EXPECT_TRUE(rule.reach_list);
  EXPECT_FALSE(rule.reach_sole_body);
}

TEST(ParseRulePackTest, ReadsUnlessNearOrSoleBody) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "x"
  message "m"
  unless-near attribution within 1 or-list or-sole-body
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules[0];
  EXPECT_TRUE(rule.reach_list);
  EXPECT_TRUE(rule.reach_sole_body);
}

TEST(ParseRulePackTest, ReadsGovernsParagraph) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "x"
  message "m"
  governs paragraph
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].governs, Governs::kParagraph);
}

TEST(ParseRulePackTest, ReadsGovernsDocument) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "x"
  message "m"
  governs document
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].governs, Governs::kRestOfDocument);
}

TEST(ParseRulePackTest, GovernsNeedsParagraphOrDocument) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "x"
  message "m"
  governs sentence
})pack",
                            "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(pack.status().message(), HasSubstr("'paragraph' or 'document'"));
}

TEST(ParseRulePackTest, ReadsAtLeastPerDocument) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind attribution
  match "x"
  message "m"
  at-least 2 per-document
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].min_per_document, 2);
}

TEST(ParseRulePackTest, AtLeastZeroIsAnErrorAtTheCount) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind attribution\n  match \"x\"\n  message "
      "\"m\"\n  at-least 0 per-document\n}",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("p.rules:6:12: error: 'at-least' needs a count"));
}

TEST(ParseRulePackTest, ReachTooLargeForAnIntIsAnErrorNotACrash) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind unattributed-claim\n  match \"x\"\n"
      "  message \"m\"\n  unless-near attribution within 99999999999\n}",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("p.rules:6:34: error: 'within' needs a count"));
}

TEST(ParseRulePackTest, AFieldsBadValueNamesWhatWasExpected) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind attribution\n  match \"x\"\n  message "
      "\"m\"\n  unless-near attribution within x\n}",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("p.rules:6:34: error: expected a number\n"));
}

TEST(ParseRulePackTest, AMisspeltFieldWordNamesTheWordExpected) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind attribution\n  match \"x\"\n  message "
      "\"m\"\n  at-least 2 per-doc\n}",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("p.rules:6:14: error: expected 'per-document'\n"));
}

TEST(ParseRulePackTest, AMissingRuleIdNamesTheRuleIdExpected) {
  auto pack = ParseRulePack("pack p\nrule { kind attribution }", "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("p.rules:2:6: error: expected the rule's id\n"));
}

TEST(ParseRulePackTest, RejectOfTheWholeMatchNamesCaptureZero) {
  auto pack = ParseRulePack(R"pack(pack p
rule r {
  kind unattributed-claim
  match "^.*\d.*$"
  message "m"
  reject 0 "NOTE:.*"
})pack",
                            "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  ASSERT_EQ(pack->rules[0].rejects.size(), 1u);
  EXPECT_EQ(pack->rules[0].rejects[0].first, "0");
}

TEST(ParseRulePackTest, SyntaxErrorNamesFileLineColumnAndShowsCaret) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind attribution\n  mtch \"x\"\n}", "bad.rules");
  ASSERT_FALSE(pack.ok());
  const std::string message(pack.status().message());
  EXPECT_THAT(message, StartsWith("bad.rules:4:3: error: expected "));
  EXPECT_THAT(message, HasSubstr("or '}'"));
  EXPECT_THAT(message, HasSubstr("\n  mtch \"x\"\n  ^"));
}

TEST(ParseRulePackTest, UnterminatedStringIsASyntaxError) {
  auto pack = ParseRulePack("pack p\nrule r { kind attribution match \"x\n}",
                            "bad.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()), StartsWith("bad.rules:2:"));
  EXPECT_THAT(std::string(pack.status().message()), HasSubstr("expected '\"'"));
}

TEST(ParseRulePackTest, MissingPackHeaderIsReported) {
  auto pack = ParseRulePack("rule r { }", "bad.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("bad.rules:1:1: error:"));
}

TEST(ParseRulePackTest, UnknownKindPointsAtTheValue) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind rumour\n  match \"x\"\n  message \"m\"\n}",
      "bad.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("bad.rules:3:8: error: unknown kind 'rumour'"));
}

TEST(ParseRulePackTest, ReadsTheMentionKind) {
  auto pack = ParseRulePack(
      "pack p\nrule r {\n  kind mention\n  match \"(?P<source>X) is\"\n  "
      "message \"m\"\n}",
      "m.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules[0].kind, Kind::kMention);
}

TEST(ParseRulePackTest, UnknownSubPatternIsReported) {
  auto pack = ParseRulePack(
      "pack p\nrule r { kind attribution match \"{PERSON} said\" message \"m\" "
      "}",
      "bad.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("unknown sub-pattern {PERSON}"));
  EXPECT_THAT(std::string(pack.status().message()), StartsWith("bad.rules:2:"));
}

TEST(ParseRulePackTest, RuleWithoutMatchIsRejected) {
  auto pack = ParseRulePack("pack p\nrule r { kind attribution message \"m\" }",
                            "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("rule r has no 'match'"));
}

TEST(ParseRulePackTest, RepeatedSingleFieldIsRejected) {
  auto pack = ParseRulePack(
      "pack p\nrule r { kind attribution kind citation match \"x\" message "
      "\"m\" }",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("'kind' given twice"));
}

TEST(ParseRulePackTest, DuplicateRuleIdInOnePackIsRejected) {
  auto pack = ParseRulePack(
      "pack p\nrule r { kind citation match \"x\" message \"m\" }\n"
      "rule r { kind citation match \"y\" message \"m\" }",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("rule r defined twice"));
}

TEST(ParseRulePackTest, PacksAreOnByDefault) {
  auto pack = ParseRulePack(kMinimalRule, "demo.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_FALSE(pack->opt_in);
  EXPECT_FALSE(pack->rules[0].opt_in);
}

TEST(ParseRulePackTest, OptInAfterTheDescriptionMarksThePackAndItsRules) {
  auto pack = ParseRulePack(R"pack(pack weasel "Weasel words" opt-in
define Q = "many|some"
rule weasel.quantity { kind vague-attribution match "{Q}" message "m" }
rule weasel.hedge { kind vague-attribution match "probably" message "m" })pack",
                            "weasel.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->name, "weasel");
  EXPECT_EQ(pack->description, "Weasel words");
  EXPECT_TRUE(pack->opt_in);
  ASSERT_EQ(pack->rules.size(), 2u);
  EXPECT_TRUE(pack->rules[0].opt_in);
  EXPECT_TRUE(pack->rules[1].opt_in);
}

TEST(ParseRulePackTest, OptInNeedsNoDescription) {
  auto pack = ParseRulePack(
      "pack p opt-in\nrule r { kind citation match \"x\" message \"m\" }",
      "p.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_TRUE(pack->opt_in);
  EXPECT_EQ(pack->description, "");
}

TEST(ParseRulePackTest, MisspeltPackAttributeIsNamedWithFileLineAndColumn) {
  auto pack = ParseRulePack(
      "# comment\npack p \"d\" optin\nrule r { kind citation match \"x\" "
      "message \"m\" }",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  const std::string message(pack.status().message());
  EXPECT_THAT(message,
              StartsWith("p.rules:2:12: error: expected a pack attribute "
                         "('opt-in'), 'define' or 'rule'"));
  EXPECT_THAT(message, HasSubstr("\npack p \"d\" optin\n           ^"));
}

TEST(ParseRulePackTest, OptInOnlyBelongsToThePackHeader) {
  auto pack = ParseRulePack(
      "pack p\nrule r { kind citation match \"x\" message \"m\" }\nopt-in",
      "p.rules");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(std::string(pack.status().message()),
              StartsWith("p.rules:3:1: error: expected 'define', 'rule' or "
                         "the end of the file"));
}

TEST(SelectPacksTest, KeepsDefaultPacksAndOnlyTheOptInPacksNamed) {
  std::vector<RulePack> packs(3);
  packs[0].name = "attribution";
  packs[1].name = "weasel";
  packs[1].opt_in = true;
  packs[2].name = "peacock";
  packs[2].opt_in = true;
  PackSelection selection = SelectPacks(packs, {"weasel", "attribution"});
  ASSERT_EQ(selection.active.size(), 2u);
  EXPECT_EQ(selection.active[0].name, "attribution");
  EXPECT_EQ(selection.active[1].name, "weasel");
  ASSERT_EQ(selection.dormant.size(), 1u);
  EXPECT_EQ(selection.dormant[0].name, "peacock");

  selection = SelectPacks(packs, {});
  ASSERT_EQ(selection.active.size(), 1u);
  EXPECT_EQ(selection.dormant.size(), 2u);
}

class LoadRulePacksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("provcheck-rules-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(LoadRulePacksTest, LoadsEveryPackInNameOrder) {
  Write("b.rules",
        "pack b\nrule b.one { kind citation match \"x\" message \"m\" }");
  Write("a.rules",
        "pack a\nrule a.one { kind citation match \"x\" message \"m\" }");
  Write("notes.txt", "not a pack");
  auto packs = LoadRulePacks(dir_.string());
  ASSERT_TRUE(packs.ok()) << packs.status();
  ASSERT_EQ(packs->size(), 2u);
  EXPECT_EQ((*packs)[0].name, "a");
  EXPECT_EQ((*packs)[1].name, "b");
}

TEST_F(LoadRulePacksTest, OneBadPackLoadsNothing) {
  Write("a.rules",
        "pack a\nrule a.one { kind citation match \"x\" message \"m\" }");
  Write("b.rules", "pack b\nrule b.one { kind nonsense }");
  auto packs = LoadRulePacks(dir_.string());
  ASSERT_FALSE(packs.ok());
  EXPECT_THAT(std::string(packs.status().message()), HasSubstr("b.rules:2:"));
}

TEST_F(LoadRulePacksTest, SameRuleIdInTwoPacksIsRejected) {
  Write("a.rules",
        "pack a\nrule dup { kind citation match \"x\" message \"m\" }");
  Write("b.rules",
        "pack b\nrule dup { kind citation match \"x\" message \"m\" }");
  auto packs = LoadRulePacks(dir_.string());
  ASSERT_FALSE(packs.ok());
  EXPECT_THAT(std::string(packs.status().message()),
              HasSubstr("already defined in"));
}

TEST_F(LoadRulePacksTest, MissingDirectoryIsNotFound) {
  auto packs = LoadRulePacks((dir_ / "absent").string());
  EXPECT_EQ(packs.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace provcheck
