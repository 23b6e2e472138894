#include "common/parallel.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

TEST(ParallelForTest, RunsEveryIndexOnce) {
  std::vector<std::atomic<int>> runs(1000);
  ParallelFor(runs.size(), 4, [&](int, size_t index) { ++runs[index]; });
  for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], 1) << i;
}

TEST(ParallelForTest, WorkersAreNumberedFromZeroBelowTheThreadCount) {
  std::mutex mutex;
  std::set<int> workers;
  ParallelFor(64, 3, [&](int worker, size_t) {
    std::lock_guard lock(mutex);
    workers.insert(worker);
  });
  ASSERT_FALSE(workers.empty());
  EXPECT_GE(*workers.begin(), 0);
  EXPECT_LT(*workers.rbegin(), 3);
}

TEST(ParallelForTest, OneThreadRunsEverythingInOrderOnTheCaller) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<size_t> order;
  ParallelFor(5, 1, [&](int worker, size_t index) {
    EXPECT_EQ(worker, 0);
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(index);
  });
  EXPECT_THAT(order, ::testing::ElementsAre(0, 1, 2, 3, 4));
}

TEST(ParallelForTest, NoIndexesRunNothing) {
  bool ran = false;
  ParallelFor(0, 4, [&](int, size_t) { ran = true; });
  EXPECT_FALSE(ran);
}

}  // namespace
}  // namespace provcheck
