#ifndef PROVCHECK_COMMON_PARALLEL_H_
#define PROVCHECK_COMMON_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace provcheck {

// Runs task(worker, index) for every index in [0, count) on up to `threads`
// threads, the caller's among them (worker 0). Each worker takes the next
// index not yet taken, so uneven tasks still share out evenly; a worker's
// indexes rise, but which worker runs an index depends on timing.
void ParallelFor(size_t count, int threads,
                 const std::function<void(int worker, size_t index)>& task);

}  // namespace provcheck

#endif  // PROVCHECK_COMMON_PARALLEL_H_
