// score: the provenance score, 0 (nothing traceable) to 100, and the parts it
// is made of. Nothing else in provcheck computes it.
#ifndef PROVCHECK_SCORE_H_
#define PROVCHECK_SCORE_H_

namespace provcheck {

// What a document's findings say about its claims. A claim is a sentence that
// carries a finding of the attribution, citation, vague-attribution or
// unattributed-claim kinds: something a reader would want traced.
struct DocumentStats {
  int lines = 0;  // non-blank lines
  int sentences = 0;
  int boilerplate_lines = 0;  // non-blank lines holding a boilerplate finding
  int claims = 0;
  int attributed_claims = 0;  // a named speaker or body in the sentence
  int cited_claims = 0;       // only a bare citation ([BFMTV], (AP))
  int vague_claims = 0;       // only an unnamed source
  int unattributed_claims = 0;
  int vague_attributions = 0;    // vague-attribution findings
  int contradictions = 0;        // error level: a date or figure disagrees
  int minor_contradictions = 0;  // warning level: a name spelt two ways
  // Sum of the claims' credits (ClaimCredit), and of the reliability of the
  // sources that attributed and cited claims lean on.
  double credit = 0;
  double reliability_sum = 0;
};

// The weights of the score; one documented place (README, "The provenance
// score").
struct ScoreWeights {
  double attributed = 1.0;  // credit for a claim with a named source ...
  double cited = 0.6;       // ... a bare bracketed citation is weaker ...
  double vague = 0.15;      // ... "analysts say": barely traceable
  // A sourced claim's credit is its weight scaled by its source's
  // reliability r: weight × (floor + (1 − floor) × r). The floor keeps a
  // named but doubtful source above an unnamed one.
  double reliability_floor = 0.5;
  double no_claims = 0.5;      // provenance of a document with no claims at all
  double vague_penalty = 4.0;  // points per vague attribution ...
  double vague_penalty_cap = 20.0;           // ... up to this many
  double boilerplate_penalty = 15.0;         // points at 100% boilerplate lines
  double contradiction_penalty = 10.0;       // points per contradiction ...
  double minor_contradiction_penalty = 3.0;  // ... per misspelt name ...
  double contradiction_penalty_cap = 40.0;   // ... up to this many in all
};

struct Score {
  double total = 0;             // 0..100, one decimal
  double provenance = 0;        // credit per claim, 0..1
  double mean_reliability = 0;  // of the sources claims lean on; 0 if none
  double vague_penalty = 0;
  double boilerplate_penalty = 0;
  double contradiction_penalty = 0;
};

// The credit one claim earns (see ScoreWeights).
double ClaimCredit(bool named, bool cited, bool vague, double reliability,
                   const ScoreWeights& weights);

Score ComputeScore(const DocumentStats& stats, const ScoreWeights& weights);

}  // namespace provcheck

#endif  // PROVCHECK_SCORE_H_
