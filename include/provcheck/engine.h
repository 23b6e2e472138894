// The per-document pipeline: segment -> match -> findings -> score. A pure
// function of (document, compiled rules), so documents run in parallel and
// results can be reused by content hash.
#ifndef PROVCHECK_ENGINE_H_
#define PROVCHECK_ENGINE_H_

#include <string>
#include <vector>

#include "provcheck/document.h"
#include "provcheck/finding.h"
#include "provcheck/matcher.h"
#include "provcheck/score.h"
#include "provcheck/source_name.h"

namespace provcheck {

struct DocumentResult {
  std::string path;
  std::string sha256;
  uint64_t bytes = 0;
  std::vector<Finding> findings;  // sorted by line, then column
  DocumentStats stats;
  Score score;
};

// Renders a rule's message template with a match's captures: "{name}"
// inserts a capture, "{?name:text}" inserts text only when it is non-empty.
std::string RenderMessage(std::string_view message_template,
                          const std::vector<Capture>& captures);

DocumentResult AnalyzeDocument(const Document& document, const Matcher& matcher,
                               const ScoreWeights& weights);

}  // namespace provcheck

#endif  // PROVCHECK_ENGINE_H_
