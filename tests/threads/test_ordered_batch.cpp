// The batch engine (util/ordered_batch.hpp) on its own: results in the order
// listed whatever thread finished first, the in-flight bounds held, every
// exception passed on. Its suite is Threads, so the ThreadSanitizer stage runs it.
#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "util/ordered_batch.hpp"
#include "util/parallel_for.hpp"

namespace form4::testing {
namespace {

// Work that takes longer for some items than others, so that threads finish
// out of order.
int slow_square(int i) {
    if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    return i * i;
}

std::vector<int> squares_in_order(const util::batch_limits& limits, int count) {
    std::vector<int> out;
    util::run_in_order<int>(
        limits,
        [&](auto& submit) {
            for (int i = 0; i < count; ++i)
                if (!submit(int{i}, 1)) return;
        },
        [](int i) { return slow_square(i); }, [&](int result) { out.push_back(result); });
    return out;
}

TEST(Threads, BatchResultsComeBackInTheOrderListed) {
    std::vector<int> expected;
    for (int i = 0; i < 500; ++i) expected.push_back(i * i);
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        util::batch_limits limits;
        limits.threads = threads;
        EXPECT_EQ(squares_in_order(limits, 500), expected) << threads << " threads";
        limits.max_in_flight = 1;   // the smallest window still finishes
        EXPECT_EQ(squares_in_order(limits, 500), expected) << threads << " threads, window 1";
    }
}

// What is in flight (submitted, not yet consumed) never passes the count or
// the byte budget, except one item heavier than the budget, which goes alone.
TEST(Threads, BatchHoldsTheInFlightBounds) {
    util::batch_limits limits;
    limits.threads = 3;
    limits.max_in_flight = 8;
    limits.max_bytes_in_flight = 1000;
    std::mutex mutex;
    std::size_t in_flight = 0, most_in_flight = 0;
    std::uint64_t bytes = 0;
    bool over_budget = false, heavy_not_alone = false;
    const auto weight_of = [](int i) -> std::uint64_t { return i % 50 == 0 ? 5000 : 100 + static_cast<std::uint64_t>(i % 3) * 150; };
    util::run_in_order<int>(
        limits,
        [&](auto& submit) {
            for (int i = 0; i < 400; ++i) {
                auto weight = weight_of(i);
                // Counted before the call: submit may wait, and the item
                // counts from when it is accepted; a consumer is always ahead.
                {
                    std::lock_guard lock(mutex);
                    in_flight += 1;
                    bytes += weight;
                }
                if (!submit(int{i}, weight)) return;
                std::lock_guard lock(mutex);
                most_in_flight = std::max(most_in_flight, in_flight);
                if (weight > limits.max_bytes_in_flight && in_flight > 1) heavy_not_alone = true;
                if (weight <= limits.max_bytes_in_flight && bytes > limits.max_bytes_in_flight) over_budget = true;
            }
        },
        [](int i) { return slow_square(i) >= 0 ? i : -1; },
        [&](int i) {
            std::lock_guard lock(mutex);
            in_flight -= 1;
            bytes -= weight_of(i);
        });
    EXPECT_LE(most_in_flight, 8u);
    EXPECT_FALSE(over_budget);
    EXPECT_FALSE(heavy_not_alone);
}

TEST(Threads, BatchPassesOnTheFirstExceptionFromAnyPart) {
    util::batch_limits limits;
    limits.threads = 3;
    const auto list = [](auto& submit) {
        for (int i = 0; i < 10000; ++i)
            if (!submit(int{i}, 1)) return;
    };
    const auto work = [](int i) { return i; };
    EXPECT_THROW(util::run_in_order<int>(
                     limits, list, [](int i) { return i == 300 ? throw std::runtime_error("work") : i; },
                     [](int) {}),
                 std::runtime_error);
    EXPECT_THROW(util::run_in_order<int>(
                     limits, list, work, [](int i) { if (i == 300) throw std::runtime_error("consume"); }),
                 std::runtime_error);
    EXPECT_THROW(util::run_in_order<int>(
                     limits,
                     [](auto& submit) {
                         for (int i = 0; i < 300; ++i) submit(int{i}, 1);
                         throw std::runtime_error("produce");
                     },
                     work, [](int) {}),
                 std::runtime_error);
}

TEST(Threads, ParallelForRunsEveryTaskOnceAndPassesOnAnException) {
    std::vector<std::atomic<int>> runs(1000);
    util::parallel_for(runs.size(), 4, [&](std::size_t i) { ++runs[i]; });
    for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
    EXPECT_THROW(util::parallel_for(1000, 4, [](std::size_t i) { if (i == 500) throw std::runtime_error("task"); }),
                 std::runtime_error);
}

}  // namespace
}  // namespace form4::testing
