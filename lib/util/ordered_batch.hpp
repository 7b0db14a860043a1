#pragma once
// Internal: the one threaded batch engine. A producer lists items in order,
// a pool of threads works on them, and the results come back on the calling
// thread in the order the items were listed, whatever thread finished first.
// Bulk conversion, activity reading and every batch call of the C interface
// run on it.
//
//     util::run_in_order<document>(limits,
//         [&](auto& submit) { for (...) if (!submit(std::move(doc), doc_bytes)) return; },
//         [buffer = reader{}](document&& doc) mutable { return parse(doc, buffer); },   // per thread
//         [&](parsed&& result) { append(result); });                                  // in order
//
// - The producer runs on a thread of its own, so listing (walking
//   directories, unpacking archives) overlaps the work. `submit` waits for
//   room and returns false once the run is stopping.
// - Every thread works on its own copy of `work`: state kept in it (a read
//   buffer) is the thread's, with no lock.
// - The calling thread is one of the workers: it consumes what is ready, in
//   order, and works when nothing is, so N threads keep N cores busy.
// - What bounds memory: an item is in flight from when it is submitted until
//   its result is consumed; the producer waits while `max_in_flight` items or
//   `max_bytes_in_flight` bytes (the weights given to submit) are. Once the
//   window is full it waits until half of it has been consumed (a batch per
//   wake-up, not a thread switch per item). An item heavier than the whole
//   budget waits until nothing else is in flight and then goes alone, so it
//   is worked on the same way on every run.
// - With one thread everything runs on the calling thread, in turn.
// - An exception from the producer, a worker or `consume` stops the run; the
//   first one is rethrown once every thread has stopped.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace form4::util {

struct batch_limits {
    unsigned threads = 0;                   // the calling thread included; 0: one per core
    std::size_t max_in_flight = 0;          // 0: 16 per thread, 64 at least
    std::uint64_t max_bytes_in_flight = 0;  // 0: 1 GiB
};

inline unsigned thread_count(unsigned requested) {
    return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

namespace detail {

template <class Item, class Result>
class ordered_batch {
public:
    explicit ordered_batch(const batch_limits& limits)
        : threads_(thread_count(limits.threads)),
          limit_(limits.max_in_flight ? limits.max_in_flight : std::max<std::size_t>(64, 16 * std::size_t{threads_})),
          resume_at_(limit_ / 2),
          byte_budget_(limits.max_bytes_in_flight ? limits.max_bytes_in_flight : std::uint64_t{1} << 30),
          finished_(std::min<std::size_t>(limit_, 256)) {}

    template <class Produce, class Work, class Consume>
    void run(Produce& produce, const Work& work, Consume& consume) {
        std::vector<std::thread> workers;
        std::thread producer;
        try {
            producer = std::thread([this, &produce] { produce_all(produce); });
            for (unsigned i = 1; i < threads_; ++i) workers.emplace_back([this, own = work]() mutable { work_all(own); });
            Work own = work;
            serve(own, consume);
        } catch (...) {
            stop_with(std::current_exception());
        }
        if (producer.joinable()) producer.join();
        for (auto& w : workers) w.join();
        if (fatal_) std::rethrow_exception(fatal_);
    }

private:
    struct queued {
        Item item;
        std::size_t sequence;
        std::uint64_t weight;
    };
    struct done {
        Result result;
        std::uint64_t weight;
    };

    // ---- the producer's thread
    template <class Produce>
    void produce_all(Produce& produce) {
        auto submit = [this](Item&& item, std::uint64_t weight) { return this->submit(std::move(item), weight); };
        try {
            produce(submit);
        } catch (...) {
            stop_with(std::current_exception());
        }
        std::lock_guard lock(mutex_);
        producing_done_ = true;
        total_ = next_sequence_;
        can_work_.notify_all();
        can_serve_.notify_all();
    }

    bool submit(Item&& item, std::uint64_t weight) {
        std::unique_lock lock(mutex_);
        if (in_flight_ >= limit_ || !fits(weight)) {
            producer_waiting_ = true;
            waiting_weight_ = weight;
            can_produce_.wait(lock, [this] { return may_produce() || stopping_; });
            producer_waiting_ = false;
        }
        if (stopping_) return false;
        ++in_flight_;
        bytes_in_flight_ += weight;
        queue_.push_back(queued{std::move(item), next_sequence_++, weight});
        // A waiting worker takes it; if every waiting worker has one already,
        // the calling thread does.
        if (queue_.size() <= idle_workers_)
            can_work_.notify_one();
        else if (serve_waiting_)
            can_serve_.notify_one();
        return true;
    }

    // ---- worker threads (all but the calling thread)
    template <class Work>
    void work_all(Work& work) {
        std::unique_lock lock(mutex_);
        for (;;) {
            ++idle_workers_;
            can_work_.wait(lock, [this] { return !queue_.empty() || producing_done_ || stopping_; });
            --idle_workers_;
            if (stopping_ || queue_.empty()) return;
            if (!work_one(work, lock)) return;
        }
    }

    // Under the lock: takes the next item, works on it outside the lock and
    // leaves its result for the calling thread. False once stopping.
    template <class Work>
    bool work_one(Work& work, std::unique_lock<std::mutex>& lock) {
        queued next = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        std::optional<Result> result;
        try {
            result.emplace(work(std::move(next.item)));
        } catch (...) {
            lock.lock();
            record(std::current_exception());
            return false;
        }
        lock.lock();
        slot(next.sequence).emplace(done{std::move(*result), next.weight});
        if (next.sequence == next_to_consume_ && serve_waiting_) can_serve_.notify_one();
        return true;
    }

    // ---- the calling thread: consumes what is ready, in order, else works
    template <class Work, class Consume>
    void serve(Work& work, Consume& consume) {
        std::vector<done> batch;
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            if (ready()) {
                while (ready()) {
                    auto& next = slot(next_to_consume_);
                    batch.push_back(std::move(*next));
                    next.reset();
                    ++next_to_consume_;
                }
                lock.unlock();
                std::uint64_t weight = 0;
                for (auto& d : batch) weight += d.weight;
                std::size_t consumed = batch.size();
                for (auto& d : batch) consume(std::move(d.result));
                batch.clear();   // the results are freed outside the lock
                lock.lock();
                in_flight_ -= consumed;
                bytes_in_flight_ -= weight;
                if (producer_waiting_ && may_produce()) can_produce_.notify_one();
                continue;
            }
            if (!queue_.empty()) {
                if (!work_one(work, lock)) break;
                continue;
            }
            if (producing_done_ && next_to_consume_ == total_) break;
            serve_waiting_ = true;
            can_serve_.wait(lock, [this] {
                return ready() || !queue_.empty() || (producing_done_ && next_to_consume_ == total_) || stopping_;
            });
            serve_waiting_ = false;
        }
    }

    // ---- results by sequence number: a ring over the window
    // Sequences in flight lie in [next_to_consume_, next_to_consume_ + limit_);
    // the ring starts small and doubles when a sequence falls outside it, so
    // a large max_in_flight costs nothing until it is used.
    std::optional<done>& slot(std::size_t sequence) {
        std::size_t size = finished_.size();
        if (sequence - next_to_consume_ >= size) {
            std::size_t bigger = size;
            while (sequence - next_to_consume_ >= bigger) bigger *= 2;
            std::vector<std::optional<done>> grown(bigger);
            for (std::size_t s = next_to_consume_; s < next_to_consume_ + size; ++s)
                if (finished_[s % size]) grown[s % bigger] = std::move(finished_[s % size]);
            finished_ = std::move(grown);
            size = bigger;
        }
        return finished_[sequence % size];
    }

    bool ready() const { return finished_[next_to_consume_ % finished_.size()].has_value(); }
    bool fits(std::uint64_t weight) const { return in_flight_ == 0 || bytes_in_flight_ + weight <= byte_budget_; }
    bool may_produce() const { return in_flight_ <= resume_at_ && fits(waiting_weight_); }

    // Under the lock.
    void record(std::exception_ptr error) {
        if (!fatal_) fatal_ = error;
        stopping_ = true;
        can_produce_.notify_all();
        can_work_.notify_all();
        can_serve_.notify_all();
    }
    void stop_with(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        record(error);
    }

    const unsigned threads_;
    const std::size_t limit_;
    const std::size_t resume_at_;
    const std::uint64_t byte_budget_;

    std::mutex mutex_;
    std::condition_variable can_produce_, can_work_, can_serve_;
    std::deque<queued> queue_;
    std::vector<std::optional<done>> finished_;
    std::size_t in_flight_ = 0;
    std::uint64_t bytes_in_flight_ = 0;
    std::uint64_t waiting_weight_ = 0;   // of the item the producer waits to submit
    std::size_t next_sequence_ = 0;
    std::size_t next_to_consume_ = 0;
    std::size_t total_ = 0;
    std::size_t idle_workers_ = 0;
    bool producer_waiting_ = false;
    bool serve_waiting_ = false;
    bool producing_done_ = false;
    bool stopping_ = false;
    std::exception_ptr fatal_;
};

}  // namespace detail

// Runs `produce(submit)`, where submit(Item&&, std::uint64_t weight) -> bool,
// `work(Item&&) -> Result` on the pool and `consume(Result&&)` on the calling
// thread in the order of submission. See the top of this file.
template <class Item, class Produce, class Work, class Consume>
void run_in_order(const batch_limits& limits, Produce&& produce, const Work& work, Consume&& consume) {
    using Result = std::invoke_result_t<Work&, Item&&>;
    if (thread_count(limits.threads) == 1) {
        Work own = work;
        auto submit = [&](Item&& item, std::uint64_t) {
            consume(own(std::move(item)));
            return true;
        };
        produce(submit);
        return;
    }
    detail::ordered_batch<Item, Result> batch(limits);
    batch.run(produce, work, consume);
}

}  // namespace form4::util
