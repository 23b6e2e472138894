#include "provcheck/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <iterator>
#include <mutex>
#include <thread>
#include <tuple>

#include "provcheck/ingest.h"
#include "provcheck/segment.h"

namespace provcheck {
namespace {

DocumentOutcome AnalyzeOne(const std::string& path,
                           const AnalysisConfig& config,
                           const PipelineOptions& options) {
  DocumentOutcome outcome;
  outcome.path = path;
  auto document = ReadDocument(path, &outcome.warnings);
  if (!document.ok()) {
    outcome.status = document.status();
    return outcome;
  }
  outcome.sha256 = document->sha256;
  outcome.metadata = document->metadata;
  if (options.unchanged && options.unchanged(path, document->sha256)) {
    outcome.reused = true;
    return outcome;
  }
  outcome.result = AnalyzeDocument(*document, config);
  outcome.original = std::move(document->original);
  return outcome;
}

}  // namespace

void AnalyzePaths(const std::vector<std::string>& paths,
                  const AnalysisConfig& config, const PipelineOptions& options,
                  const std::function<void(DocumentOutcome&&)>& sink) {
  const int threads = options.threads;
  if (threads <= 1 || paths.size() <= 1) {
    for (const std::string& path : paths) {
      sink(AnalyzeOne(path, config, options));
    }
    return;
  }
  // Workers may run ahead of the printer by at most `window` documents.
  // Documents are small and many, so sleeping and waking per document is
  // costly: the calling thread, which prints, analyses documents itself
  // instead of waiting whenever the next one to print is not ready yet, and
  // a worker wakes it only when the document it finished is the one it
  // waits for. With `threads` = N, N-1 workers and the printer analyse.
  const size_t window = static_cast<size_t>(threads) * 16;
  std::vector<std::optional<DocumentOutcome>> ready(window);
  std::mutex mutex;
  std::condition_variable outcome_ready;
  std::condition_variable room_free;
  size_t next_to_start = 0;
  size_t next_to_emit = 0;
  int workers_waiting = 0;

  // Claims the next document if the window has room; under `mutex`.
  auto claim = [&](size_t& index) {
    if (next_to_start >= paths.size() ||
        next_to_start >= next_to_emit + window) {
      return false;
    }
    index = next_to_start++;
    return true;
  };
  // Analyses a claimed document and files its outcome; true when it is the
  // one the printer waits for.
  auto analyse = [&](size_t index) {
    DocumentOutcome outcome = AnalyzeOne(paths[index], config, options);
    std::lock_guard lock(mutex);
    ready[index % window] = std::move(outcome);
    return index == next_to_emit;
  };

  auto work = [&] {
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        while (!claim(index)) {
          if (next_to_start >= paths.size()) return;
          ++workers_waiting;
          room_free.wait(lock);
          --workers_waiting;
        }
      }
      if (analyse(index)) outcome_ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(work);

  for (size_t index = 0; index < paths.size(); ++index) {
    DocumentOutcome outcome;
    bool wake_workers;
    {
      std::unique_lock lock(mutex);
      while (!ready[index % window].has_value()) {
        size_t own;
        if (claim(own)) {
          lock.unlock();
          analyse(own);
          lock.lock();
        } else {
          outcome_ready.wait(lock);
        }
      }
      outcome = std::move(*ready[index % window]);
      ready[index % window].reset();
      next_to_emit = index + 1;
      wake_workers = workers_waiting > 0;
    }
    if (wake_workers) room_free.notify_all();
    sink(std::move(outcome));
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
  std::atomic<size_t> next{0};
  std::vector<std::vector<KeyedClaim>> per_worker(std::max(1, threads));
  auto work = [&](std::vector<KeyedClaim>& out) {
    for (size_t index = next++; index < paths.size(); index = next++) {
      // Standard input can be read once, and the analysis pass needs it.
      if (paths[index] == "-") continue;
      Diagnostics ignored;
      auto document = ReadDocument(paths[index], &ignored);
      if (!document.ok()) continue;
      const Segmentation segments = Segment(document->text);
      lines[index] =
          signals.repeated_lines.Fingerprint(document->text, segments);
      std::vector<KeyedClaim> claims = extractor.Extract(*document, segments);
      std::move(claims.begin(), claims.end(), std::back_inserter(out));
    }
  };
  std::vector<std::thread> workers;
  for (size_t i = 1; i < per_worker.size(); ++i) {
    workers.emplace_back(work, std::ref(per_worker[i]));
  }
  work(per_worker[0]);
  for (std::thread& worker : workers) worker.join();
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
