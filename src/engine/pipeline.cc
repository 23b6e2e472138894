#include "provcheck/pipeline.h"

#include <condition_variable>
#include <mutex>
#include <thread>

#include "provcheck/ingest.h"

namespace provcheck {
namespace {

DocumentOutcome AnalyzeOne(const std::string& path, const Matcher& matcher,
                           const ScoreWeights& weights) {
  DocumentOutcome outcome;
  outcome.path = path;
  auto document = ReadDocument(path, &outcome.warnings);
  if (!document.ok()) {
    outcome.status = document.status();
    return outcome;
  }
  outcome.result = AnalyzeDocument(*document, matcher, weights);
  return outcome;
}

}  // namespace

void AnalyzePaths(const std::vector<std::string>& paths, const Matcher& matcher,
                  const ScoreWeights& weights, int threads,
                  const std::function<void(DocumentOutcome&&)>& sink) {
  if (threads <= 1 || paths.size() <= 1) {
    for (const std::string& path : paths) {
      sink(AnalyzeOne(path, matcher, weights));
    }
    return;
  }
  // Workers may run ahead of the printer by at most `window` documents.
  const size_t window = static_cast<size_t>(threads) * 4;
  std::vector<std::optional<DocumentOutcome>> ready(window);
  std::mutex mutex;
  std::condition_variable changed;
  size_t next_to_start = 0;
  size_t next_to_emit = 0;

  auto work = [&] {
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] {
          return next_to_start >= paths.size() ||
                 next_to_start < next_to_emit + window;
        });
        if (next_to_start >= paths.size()) return;
        index = next_to_start++;
      }
      DocumentOutcome outcome = AnalyzeOne(paths[index], matcher, weights);
      {
        std::lock_guard lock(mutex);
        ready[index % window] = std::move(outcome);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back(work);

  for (size_t index = 0; index < paths.size(); ++index) {
    DocumentOutcome outcome;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return ready[index % window].has_value(); });
      outcome = std::move(*ready[index % window]);
      ready[index % window].reset();
      next_to_emit = index + 1;
    }
    changed.notify_all();
    sink(std::move(outcome));
  }
  for (std::thread& worker : workers) worker.join();
}

}  // namespace provcheck
