// Runs ingest and the per-document pipeline over many paths in parallel,
// handing results back in input order.
#ifndef PROVCHECK_PIPELINE_H_
#define PROVCHECK_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "provcheck/cross_check.h"
#include "provcheck/diagnostic.h"
#include "provcheck/engine.h"
#include "provcheck/repetition.h"

namespace provcheck {

struct DocumentOutcome {
  std::string path;
  absl::Status status;   // not OK when the input could not be analysed
  Diagnostics warnings;  // e.g. invalid UTF-8 that was repaired
  std::string sha256;    // of the bytes read, when they could be read
  // The file's text as analysed (invalid UTF-8 repaired): suppressions and
  // finding fingerprints are read from it, so that they see exactly the
  // bytes the findings' positions refer to, without a second read.
  std::string original;
  DocumentMetadata metadata;
  // Empty when the input failed, or when `unchanged` said its stored
  // results stand.
  std::optional<DocumentResult> result;
  bool reused = false;
};

struct PipelineOptions {
  int threads = 1;
  // Called from worker threads with a document's path and sha256 before it
  // is analysed; true skips the analysis (its stored results stand). Must be
  // thread-safe.
  std::function<bool(const std::string& path, const std::string& sha256)>
      unchanged;
};

// Reads and analyses `paths` on `threads` workers and calls `sink` once per
// path, in input order, on the calling thread. At most a small window of
// finished outcomes waits for its turn, so memory does not grow with the
// corpus.
void AnalyzePaths(const std::vector<std::string>& paths,
                  const AnalysisConfig& config, const PipelineOptions& options,
                  const std::function<void(DocumentOutcome&&)>& sink);

// Where AnalyzePaths cuts its inputs into batches, given each one's size in
// bytes (0 when unknown): the index that opens each batch, then
// sizes.size(). A batch closes at about 1 MiB of input, and small corpora
// are cut into at least four batches per thread.
std::vector<size_t> BatchBoundaries(const std::vector<uint64_t>& sizes,
                                    int threads);

// What a first pass over the corpus gathers before any document can be
// analysed: the keyed claims to cross-check, ordered by path and position,
// and how often each long line recurs across documents.
struct CorpusSignals {
  std::vector<KeyedClaim> claims;
  RepeatedLines repeated_lines;
  // For each path holding repeated lines, which ones
  // (RepeatedLines::RepeatedDigest).
  absl::flat_hash_map<std::string, std::string> repeated_by_path;
};

// Reads every path on `threads` workers. Unreadable paths are skipped here;
// the analysis pass reports them. "-" (stdin) is skipped: it can be read
// only once.
CorpusSignals CollectCorpusSignals(const std::vector<std::string>& paths,
                                   const ClaimExtractor& extractor, int threads,
                                   RepetitionOptions repetition = {});

}  // namespace provcheck

#endif  // PROVCHECK_PIPELINE_H_
