#include "config/baseline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace provcheck {
namespace {

using ::testing::HasSubstr;

constexpr char kRule[] = "vague-attribution.impersonal";

TEST(NormaliseSpaceTest, CollapsesRunsAndTrims) {
  EXPECT_EQ(NormaliseSpace("  it  was\t\nnoted  "), "it was noted");
  EXPECT_EQ(NormaliseSpace(""), "");
}

TEST(FindingFingerprintTest, IgnoresWhitespaceChanges) {
  EXPECT_EQ(FindingFingerprint(kRule, "it was noted", "So it was noted."),
            FindingFingerprint(kRule, "it  was noted", "  So it was\tnoted. "));
}

TEST(FindingFingerprintTest, DependsOnRuleFindingAndLine) {
  const std::string base =
      FindingFingerprint(kRule, "it was noted", "So it was noted.");
  EXPECT_EQ(base.size(), 16u);
  EXPECT_NE(base, FindingFingerprint("other.rule", "it was noted",
                                     "So it was noted."));
  EXPECT_NE(base, FindingFingerprint(kRule, "it was said", "So it was noted."));
  EXPECT_NE(base,
            FindingFingerprint(kRule, "it was noted", "Then it was noted."));
}

TEST(BaselineTest, EachRecordedOccurrenceExcusesOneFinding) {
  Baseline baseline(std::filesystem::current_path().string());
  baseline.Add("docs/a.md", kRule, "f1", 3, "it was noted");
  EXPECT_TRUE(baseline.Take("docs/a.md", kRule, "f1"));
  EXPECT_FALSE(baseline.Take("docs/a.md", kRule, "f1"));
}

TEST(BaselineTest, MatchesByPathRuleAndFingerprint) {
  Baseline baseline(std::filesystem::current_path().string());
  baseline.Add("docs/a.md", kRule, "f1", 3, "it was noted");
  EXPECT_FALSE(baseline.Take("docs/b.md", kRule, "f1"));
  EXPECT_FALSE(baseline.Take("docs/a.md", "other.rule", "f1"));
  EXPECT_FALSE(baseline.Take("docs/a.md", kRule, "f2"));
  EXPECT_TRUE(baseline.Take("./docs/a.md", kRule, "f1"));
}

TEST(BaselineTest, SurvivesSerialiseAndParse) {
  const std::string cwd = std::filesystem::current_path().string();
  Baseline written(cwd);
  written.Add("docs/a.md", kRule, "f1", 3, "it was noted");
  written.Add("docs/a.md", kRule, "f1", 9, "it was noted");
  written.Add("docs/b.md", "boilerplate.navigation", "f2", 1, "Next");
  absl::StatusOr<Baseline> read =
      Baseline::Parse(written.Serialise(), cwd + "/baseline.json");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->size(), 2u);
  EXPECT_TRUE(read->Take("docs/a.md", kRule, "f1"));
  EXPECT_TRUE(read->Take("docs/a.md", kRule, "f1"));
  EXPECT_FALSE(read->Take("docs/a.md", kRule, "f1"));
  EXPECT_TRUE(read->Take("docs/b.md", "boilerplate.navigation", "f2"));
}

TEST(BaselineTest, PathsAreRelativeToTheBaselineFile) {
  const std::string cwd = std::filesystem::current_path().string();
  Baseline written(cwd + "/docs");
  written.Add("docs/a.md", kRule, "f1", 3, "it was noted");
  EXPECT_THAT(written.Serialise(), HasSubstr("\"path\":\"a.md\""));
}

TEST(BaselineTest, SerialisesOneFindingPerLine) {
  Baseline baseline(std::filesystem::current_path().string());
  baseline.Add("a.md", kRule, "f1", 3, "it was noted");
  EXPECT_EQ(baseline.Serialise(),
            "{\n  \"provcheck_baseline\": 1,\n  \"findings\": [\n"
            "    {\"path\":\"a.md\",\"rule\":\"vague-attribution.impersonal\","
            "\"fingerprint\":\"f1\",\"count\":1,\"line\":3,"
            "\"text\":\"it was noted\"}\n  ]\n}\n");
}

TEST(BaselineTest, MalformedFileIsAnErrorNamingIt) {
  absl::StatusOr<Baseline> read = Baseline::Parse("{not json", "b.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(),
            "b.json: error: not a provcheck baseline: malformed JSON");
  EXPECT_FALSE(Baseline::Parse("{\"findings\": []}", "b.json").ok());
  EXPECT_FALSE(Baseline::Parse(
                   "{\"provcheck_baseline\": 1, \"findings\": [{}]}", "b.json")
                   .ok());
}

TEST(BaselineTest, MissingFileIsAnError) {
  EXPECT_FALSE(Baseline::Load("/no/such/baseline.json").ok());
}

}  // namespace
}  // namespace provcheck
