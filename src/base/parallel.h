// Fan-out of a few independent tasks onto threads: the scans and merges that use both cores.
#pragma once

#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace downballot::base {

// Runs task(0) .. task(num_tasks - 1), task 0 on this thread and each other on its own thread,
// and returns when all are done. When no thread can be had, the task runs here instead, so
// the work always completes. Tasks must not throw.
template <typename Task>
void RunInParallel(size_t num_tasks, const Task& task) {
  std::vector<std::thread> threads;
  for (size_t idx = 1; idx < num_tasks; ++idx) {
    try {
      threads.emplace_back(task, idx);
    } catch (const std::system_error&) {
      task(idx);
    }
  }
  if (num_tasks > 0) task(0);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace downballot::base
