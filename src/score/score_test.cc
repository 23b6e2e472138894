#include "provcheck/score.h"

#include "gtest/gtest.h"

namespace provcheck {
namespace {

TEST(ComputeScoreTest, FullyAttributedCleanDocumentScoresHundred) {
  DocumentStats stats;
  stats.lines = 4;
  stats.claims = 3;
  stats.attributed_claims = 3;
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 100.0);
}

TEST(ComputeScoreTest, UnattributedClaimsEarnNothing) {
  DocumentStats stats;
  stats.lines = 2;
  stats.claims = 2;
  stats.unattributed_claims = 2;
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 0.0);
}

TEST(ComputeScoreTest, CitationsCountLessThanNamedSpeakers) {
  DocumentStats named, cited;
  named.lines = cited.lines = 1;
  named.claims = cited.claims = 1;
  named.attributed_claims = 1;
  cited.cited_claims = 1;
  EXPECT_GT(ComputeScore(named, ScoreWeights{}).total,
            ComputeScore(cited, ScoreWeights{}).total);
}

TEST(ComputeScoreTest, VaguePenaltyIsCapped) {
  DocumentStats stats;
  stats.lines = 10;
  stats.claims = 10;
  stats.attributed_claims = 10;
  stats.vague_attributions = 100;
  const ScoreWeights weights;
  const Score score = ComputeScore(stats, weights);
  EXPECT_DOUBLE_EQ(score.vague_penalty, weights.vague_penalty_cap);
  EXPECT_DOUBLE_EQ(score.total, 100.0 - weights.vague_penalty_cap);
}

TEST(ComputeScoreTest, BoilerplateShareLowersTheScore) {
  DocumentStats clean, scraped;
  clean.lines = scraped.lines = 10;
  clean.claims = scraped.claims = 2;
  clean.attributed_claims = scraped.attributed_claims = 2;
  scraped.boilerplate_lines = 5;
  EXPECT_LT(ComputeScore(scraped, ScoreWeights{}).total,
            ComputeScore(clean, ScoreWeights{}).total);
}

TEST(ComputeScoreTest, DocumentWithoutClaimsIsNeutral) {
  DocumentStats stats;
  stats.lines = 3;
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 50.0);
}

TEST(ComputeScoreTest, TotalNeverGoesBelowZero) {
  DocumentStats stats;
  stats.lines = 1;
  stats.claims = 1;
  stats.unattributed_claims = 1;
  stats.vague_attributions = 10;
  stats.contradictions = 5;
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 0.0);
}

}  // namespace
}  // namespace provcheck
