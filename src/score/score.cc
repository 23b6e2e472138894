#include "provcheck/score.h"

#include <algorithm>
#include <cmath>

namespace provcheck {

double ClaimCredit(bool named, bool cited, bool vague, double reliability,
                   const ScoreWeights& weights) {
  const double scale = weights.reliability_floor +
                       (1.0 - weights.reliability_floor) * reliability;
  if (named) return weights.attributed * scale;
  if (cited) return weights.cited * scale;
  if (vague) return weights.vague;
  return 0.0;
}

Score ComputeScore(const DocumentStats& stats, const ScoreWeights& weights) {
  Score score;
  const int sourced = stats.attributed_claims + stats.cited_claims;
  if (sourced > 0) score.mean_reliability = stats.reliability_sum / sourced;
  // Nothing check-worthy: nothing to trace, and nothing untraced either.
  score.provenance =
      stats.claims > 0 ? stats.credit / stats.claims : weights.no_claims;
  score.vague_penalty =
      std::min(weights.vague_penalty_cap,
               weights.vague_penalty * stats.vague_attributions);
  const double boilerplate_share =
      stats.lines > 0
          ? static_cast<double>(stats.boilerplate_lines) / stats.lines
          : 0.0;
  score.boilerplate_penalty = weights.boilerplate_penalty * boilerplate_share;
  score.contradiction_penalty = std::min(
      weights.contradiction_penalty_cap,
      weights.contradiction_penalty * stats.contradictions +
          weights.minor_contradiction_penalty * stats.minor_contradictions);
  const double total = 100.0 * score.provenance - score.vague_penalty -
                       score.boilerplate_penalty - score.contradiction_penalty;
  score.total = std::round(std::clamp(total, 0.0, 100.0) * 10.0) / 10.0;
  return score;
}

}  // namespace provcheck
