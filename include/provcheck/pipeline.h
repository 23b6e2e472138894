// Runs ingest and the per-document pipeline over many paths in parallel,
// handing results back in input order.
#ifndef PROVCHECK_PIPELINE_H_
#define PROVCHECK_PIPELINE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provcheck/diagnostic.h"
#include "provcheck/engine.h"

namespace provcheck {

struct DocumentOutcome {
  std::string path;
  absl::Status status;   // not OK when the input could not be analysed
  Diagnostics warnings;  // e.g. invalid UTF-8 that was repaired
  std::optional<DocumentResult> result;
};

// Reads and analyses `paths` on `threads` workers and calls `sink` once per
// path, in input order, on the calling thread. At most a small window of
// finished outcomes waits for its turn, so memory does not grow with the
// corpus.
void AnalyzePaths(const std::vector<std::string>& paths, const Matcher& matcher,
                  const ScoreWeights& weights, int threads,
                  const std::function<void(DocumentOutcome&&)>& sink);

}  // namespace provcheck

#endif  // PROVCHECK_PIPELINE_H_
