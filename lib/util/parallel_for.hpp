#pragma once
// Internal: task(i) for every i below `count`, on up to `threads` threads
// (the calling thread among them), each claiming the next i when it is free,
// so a thread slowed by the rest of the machine simply takes fewer. The first
// exception stops the claiming and is rethrown once every thread has stopped.
// For independent tasks; work whose results must come back in order goes
// through run_in_order (ordered_batch.hpp).
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "ordered_batch.hpp"

namespace form4::util {

template <class Task>
void parallel_for(std::size_t count, unsigned threads, const Task& task) {
    threads = thread_count(threads);
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::exception_ptr error;
    auto work = [&] {
        for (std::size_t i; (i = next++) < count;) {
            try {
                task(i);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!error) error = std::current_exception();
                next = count;
            }
        }
    };
    std::vector<std::thread> pool;
    try {
        for (unsigned t = 1; t < threads && t < count; ++t) pool.emplace_back(work);
    } catch (...) {
        next = count;   // a thread could not be started: stop the others, report it
        for (auto& thread : pool) thread.join();
        throw;
    }
    work();
    for (auto& thread : pool) thread.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace form4::util
