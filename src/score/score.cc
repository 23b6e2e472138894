#include "provcheck/score.h"

#include <algorithm>
#include <cmath>

namespace provcheck {

Score ComputeScore(const DocumentStats& stats, const ScoreWeights& weights) {
  Score score;
  if (stats.claims > 0) {
    score.provenance = (weights.attributed * stats.attributed_claims +
                        weights.cited * stats.cited_claims +
                        weights.vague * stats.vague_claims) /
                       stats.claims;
  } else {
    // Nothing check-worthy: nothing to trace, and nothing untraced either.
    score.provenance = weights.no_claims;
  }
  score.vague_penalty =
      std::min(weights.vague_penalty_cap,
               weights.vague_penalty * stats.vague_attributions);
  const double boilerplate_share =
      stats.lines > 0
          ? static_cast<double>(stats.boilerplate_lines) / stats.lines
          : 0.0;
  score.boilerplate_penalty = weights.boilerplate_penalty * boilerplate_share;
  score.contradiction_penalty =
      std::min(weights.contradiction_penalty_cap,
               weights.contradiction_penalty * stats.contradictions);
  const double total = 100.0 * score.provenance - score.vague_penalty -
                       score.boilerplate_penalty - score.contradiction_penalty;
  score.total = std::round(std::clamp(total, 0.0, 100.0) * 10.0) / 10.0;
  return score;
}

}  // namespace provcheck
