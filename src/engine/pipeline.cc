#include "provcheck/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>

#include "absl/status/statusor.h"
#include "common/parallel.h"
#include "provcheck/ingest.h"
#include "provcheck/segment.h"

namespace provcheck {
namespace {

// Reads paths[first, last) and analyses those that need it as one batch
// (AnalyzeDocuments); outcomes in path order.
std::vector<DocumentOutcome> AnalyzeBatch(const std::vector<std::string>& paths,
                                          size_t first, size_t last,
                                          const AnalysisConfig& config,
                                          const PipelineOptions& options) {
  std::vector<DocumentOutcome> outcomes(last - first);
  std::vector<Document> documents;
  documents.reserve(last - first);
  std::vector<size_t> analysed;  // outcome index of each of `documents`
  for (size_t i = 0; i < outcomes.size(); ++i) {
    DocumentOutcome& outcome = outcomes[i];
    outcome.path = paths[first + i];
    auto document = ReadDocument(outcome.path, &outcome.warnings);
    if (!document.ok()) {
      outcome.status = document.status();
      continue;
    }
    outcome.sha256 = document->sha256;
    outcome.metadata = document->metadata;
    if (options.unchanged &&
        options.unchanged(outcome.path, document->sha256)) {
      outcome.reused = true;
      continue;
    }
    documents.push_back(*std::move(document));
    analysed.push_back(i);
  }
  std::vector<DocumentResult> results = AnalyzeDocuments(documents, config);
  for (size_t k = 0; k < analysed.size(); ++k) {
    DocumentOutcome& outcome = outcomes[analysed[k]];
    outcome.result = std::move(results[k]);
    outcome.original = std::move(documents[k].original);
  }
  return outcomes;
}

// A batch closes once its inputs reach this many bytes. Each pattern runs
// over a whole batch's segments before the next pattern starts, so that
// its automaton stays in the cache; with 137 patterns on BBC news a pass
// took 1,160 ms a document at a time, 760 ms in batches of 64 documents
// (150 KB), 584 ms in batches of 256 (600 KB) and 538 ms in one batch of
// 5 MB (bench/README.md). Bytes, not documents, because the gain follows
// the text: 64 pages of HTML are megabytes, 64 wire briefs a few KB.
constexpr uint64_t kBatchBytes = uint64_t{1} << 20;
// And at most this many inputs, however small, so that a corpus of empty
// files does not become one batch.
constexpr size_t kMaxBatchDocuments = 4096;

}  // namespace

std::vector<size_t> BatchBoundaries(const std::vector<uint64_t>& sizes,
                                    int threads) {
  // Every worker should get batches on a small corpus: at least four per
  // thread when there are documents enough.
  const size_t share =
      sizes.size() / (static_cast<size_t>(std::max(1, threads)) * 4);
  const size_t most = std::clamp<size_t>(share, 1, kMaxBatchDocuments);
  std::vector<size_t> boundaries = {0};
  uint64_t bytes = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    bytes += sizes[i];
    if (bytes >= kBatchBytes || i + 1 - boundaries.back() >= most) {
      boundaries.push_back(i + 1);
      bytes = 0;
    }
  }
  if (boundaries.back() != sizes.size()) boundaries.push_back(sizes.size());
  return boundaries;
}

void AnalyzePaths(const std::vector<std::string>& paths,
                  const AnalysisConfig& config, const PipelineOptions& options,
                  const std::function<void(DocumentOutcome&&)>& sink) {
  const int threads = std::max(1, options.threads);
  std::vector<uint64_t> sizes(paths.size(), 0);
  for (size_t i = 0; i < paths.size(); ++i) {
    // Unreadable or not a regular file (stdin): counted as empty here, and
    // reported by the read.
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(paths[i], error);
    if (!error) sizes[i] = size;
  }
  const std::vector<size_t> boundaries = BatchBoundaries(sizes, threads);
  const size_t batches = boundaries.size() - 1;
  auto analyse_batch = [&](size_t batch, const AnalysisConfig& with) {
    return AnalyzeBatch(paths, boundaries[batch], boundaries[batch + 1], with,
                        options);
  };
  auto emit = [&sink](std::vector<DocumentOutcome>&& outcomes) {
    for (DocumentOutcome& outcome : outcomes) sink(std::move(outcome));
  };
  if (threads == 1 || batches <= 1) {
    for (size_t batch = 0; batch < batches; ++batch) {
      emit(analyse_batch(batch, config));
    }
    return;
  }
  // Workers may run ahead of the printer by at most `window` batches.
  // Sleeping and waking per batch is still costly on a small corpus: the
  // calling thread, which prints, analyses batches itself instead of
  // waiting whenever the next one to print is not ready yet, and a worker
  // wakes it only when the batch it finished is the one it waits for. With
  // `threads` = N, N-1 workers and the printer analyse.
  const size_t window = static_cast<size_t>(threads) * 2;
  std::vector<std::optional<std::vector<DocumentOutcome>>> ready(window);
  std::mutex mutex;
  std::condition_variable outcome_ready;
  std::condition_variable room_free;
  size_t next_to_start = 0;
  size_t next_to_emit = 0;
  int workers_waiting = 0;

  // Claims the next batch if the window has room; under `mutex`.
  auto claim = [&](size_t& index) {
    if (next_to_start >= batches || next_to_start >= next_to_emit + window) {
      return false;
    }
    index = next_to_start++;
    return true;
  };
  // Analyses a claimed batch and files its outcomes; true when it is the
  // one the printer waits for.
  auto analyse = [&](size_t index, const AnalysisConfig& with) {
    std::vector<DocumentOutcome> outcomes = analyse_batch(index, with);
    std::lock_guard lock(mutex);
    ready[index % window] = std::move(outcomes);
    return index == next_to_emit;
  };

  auto work = [&](int lane) {
    // Every thread shares the one matcher, each in a lane of its own so
    // that two seldom run one pattern at once (Matcher::MatchBatch); the
    // printing thread analyses with the caller's config, in lane 0.
    AnalysisConfig worker_config = config;
    worker_config.lane = lane;
    worker_config.lanes = threads;
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        while (!claim(index)) {
          if (next_to_start >= batches) return;
          ++workers_waiting;
          room_free.wait(lock);
          --workers_waiting;
        }
      }
      if (analyse(index, worker_config)) outcome_ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(work, i);

  for (size_t index = 0; index < batches; ++index) {
    std::vector<DocumentOutcome> outcomes;
    bool wake_workers;
    {
      std::unique_lock lock(mutex);
      while (!ready[index % window].has_value()) {
        size_t own;
        if (claim(own)) {
          lock.unlock();
          analyse(own, config);
          lock.lock();
        } else {
          outcome_ready.wait(lock);
        }
      }
      outcomes = std::move(*ready[index % window]);
      ready[index % window].reset();
      next_to_emit = index + 1;
      wake_workers = workers_waiting > 0;
    }
    if (wake_workers) room_free.notify_all();
    emit(std::move(outcomes));
  }
  for (std::thread& worker : workers) worker.join();
}

CorpusSignals CollectCorpusSignals(const std::vector<std::string>& paths,
                                   const ClaimExtractor& extractor, int threads,
                                   RepetitionOptions repetition) {
  CorpusSignals signals{{}, RepeatedLines(repetition), {}};
  // Per path, so that lines are counted in input order after the workers
  // finish: which of two copies counts must not depend on thread timing.
  std::vector<RepeatedLines::DocumentLines> lines(paths.size());
  std::vector<std::vector<KeyedClaim>> per_worker(std::max(1, threads));
  ParallelFor(paths.size(), threads, [&](int worker, size_t index) {
    // Standard input can be read once, and the analysis pass needs it.
    if (paths[index] == "-") return;
    Diagnostics ignored;
    auto document = ReadDocument(paths[index], &ignored);
    if (!document.ok()) return;
    const Segmentation segments = Segment(document->text);
    lines[index] = signals.repeated_lines.Fingerprint(document->text, segments);
    std::vector<KeyedClaim> claims = extractor.Extract(*document, segments);
    std::vector<KeyedClaim>& out = per_worker[worker];
    std::move(claims.begin(), claims.end(), std::back_inserter(out));
  });
  for (const RepeatedLines::DocumentLines& document : lines) {
    signals.repeated_lines.Count(document);
  }
  for (size_t index = 0; index < paths.size(); ++index) {
    std::string digest = signals.repeated_lines.RepeatedDigest(lines[index]);
    if (!digest.empty()) {
      signals.repeated_by_path[paths[index]] = std::move(digest);
    }
  }
  for (auto& claims : per_worker) {
    std::move(claims.begin(), claims.end(), std::back_inserter(signals.claims));
  }
  // Workers finish in any order; the report must not.
  std::sort(signals.claims.begin(), signals.claims.end(),
            [](const KeyedClaim& a, const KeyedClaim& b) {
              return std::tie(a.path, a.begin, a.type) <
                     std::tie(b.path, b.begin, b.type);
            });
  return signals;
}

}  // namespace provcheck
