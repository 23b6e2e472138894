#include "common/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace provcheck {

void ParallelFor(size_t count, int threads,
                 const std::function<void(int worker, size_t index)>& task) {
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t index = next++; index < count; index = next++) {
      task(worker, index);
    }
  };
  const int workers = static_cast<int>(
      std::min(count, static_cast<size_t>(std::max(threads, 1))));
  std::vector<std::thread> helpers;
  for (int worker = 1; worker < workers; ++worker) {
    helpers.emplace_back(work, worker);
  }
  work(0);
  for (std::thread& helper : helpers) helper.join();
}

}  // namespace provcheck
