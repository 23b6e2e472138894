#include "provcheck/score.h"

#include "gtest/gtest.h"

namespace provcheck {
namespace {

// Stats as the engine fills them: `credit` is the claims' summed credit.
DocumentStats Claims(int attributed, int cited, int vague, int unattributed,
                     double reliability = 1.0) {
  const ScoreWeights weights;
  DocumentStats stats;
  stats.lines = attributed + cited + vague + unattributed;
  stats.attributed_claims = attributed;
  stats.cited_claims = cited;
  stats.vague_claims = vague;
  stats.unattributed_claims = unattributed;
  stats.claims = attributed + cited + vague + unattributed;
  stats.credit =
      attributed * ClaimCredit(true, false, false, reliability, weights) +
      cited * ClaimCredit(false, true, false, reliability, weights) +
      vague * ClaimCredit(false, false, true, reliability, weights);
  stats.reliability_sum = (attributed + cited) * reliability;
  return stats;
}

TEST(ComputeScoreTest, FullyAttributedCleanDocumentScoresHundred) {
  DocumentStats stats = Claims(3, 0, 0, 0);
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 100.0);
}

TEST(ComputeScoreTest, UnattributedClaimsEarnNothing) {
  DocumentStats stats = Claims(0, 0, 0, 2);
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 0.0);
}

TEST(ComputeScoreTest, CitationsCountLessThanNamedSpeakers) {
  EXPECT_GT(ComputeScore(Claims(1, 0, 0, 0), ScoreWeights{}).total,
            ComputeScore(Claims(0, 1, 0, 0), ScoreWeights{}).total);
}

TEST(ComputeScoreTest, VaguePenaltyIsCapped) {
  DocumentStats stats = Claims(10, 0, 0, 0);
  stats.vague_attributions = 100;
  const ScoreWeights weights;
  const Score score = ComputeScore(stats, weights);
  EXPECT_DOUBLE_EQ(score.vague_penalty, weights.vague_penalty_cap);
  EXPECT_DOUBLE_EQ(score.total, 100.0 - weights.vague_penalty_cap);
}

TEST(ComputeScoreTest, BoilerplateShareLowersTheScore) {
  DocumentStats clean = Claims(2, 0, 0, 0), scraped = Claims(2, 0, 0, 0);
  clean.lines = scraped.lines = 10;
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
  DocumentStats stats = Claims(0, 0, 0, 1);
  stats.vague_attributions = 10;
  stats.contradictions = 5;
  EXPECT_DOUBLE_EQ(ComputeScore(stats, ScoreWeights{}).total, 0.0);
}

TEST(ComputeScoreTest, LessReliableSourcesEarnLess) {
  EXPECT_GT(ComputeScore(Claims(2, 0, 0, 0, 0.9), ScoreWeights{}).total,
            ComputeScore(Claims(2, 0, 0, 0, 0.3), ScoreWeights{}).total);
}

TEST(ComputeScoreTest, NamedDoubtfulSourceStillBeatsAnUnnamedOne) {
  EXPECT_GT(ComputeScore(Claims(1, 0, 0, 0, 0.0), ScoreWeights{}).provenance,
            ComputeScore(Claims(0, 0, 1, 0), ScoreWeights{}).provenance);
}

TEST(ComputeScoreTest, MeanReliabilityIsOverSourcedClaims) {
  EXPECT_DOUBLE_EQ(
      ComputeScore(Claims(1, 1, 3, 2, 0.6), ScoreWeights{}).mean_reliability,
      0.6);
}

}  // namespace
}  // namespace provcheck
