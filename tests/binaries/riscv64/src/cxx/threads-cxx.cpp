// C++ standard-library threads (libstdc++ on glibc, linked statically): std::thread
// started and joined with results; a std::mutex + std::lock_guard counter from 8 threads;
// a std::condition_variable bounded queue (3 producers, 3 consumers, every item taken
// once); std::atomic fetch_add and compare_exchange_weak loops (64-bit, exact totals);
// std::async/std::future returning values, and an exception carried by a future;
// thread_local with an initializer, per-thread values and destructors run at thread exit;
// std::shared_mutex with readers and writers (no reader sees a half-written pair);
// an exception thrown in a thread and caught in that thread (unwinding a worker's stack);
// std::call_once; std::this_thread::sleep_for; std::thread::hardware_concurrency.
// Prints one line per property (totals, yes/no), then PASS (exit 0) or FAIL (exit 1).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <future>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

static int failures;
static void check(const char *what, bool ok) {
  std::printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) failures++;
}

// ---- std::thread and join ----
static void thread_join() {
  std::vector<long> out(6, -1);
  std::vector<std::thread> ts;
  for (int i = 0; i < 6; i++) ts.emplace_back([&out, i] { out[i] = 1000L * i + i * i; });
  bool joinable = true;
  for (auto &t : ts) joinable = joinable && t.joinable();
  for (auto &t : ts) t.join();
  long sum = 0;
  for (long v : out) sum += v;
  bool ids = true;
  std::thread a([] {}), b([] {});
  ids = a.get_id() != b.get_id() && a.get_id() != std::this_thread::get_id();
  a.join();
  b.join();
  std::printf("std::thread: 6 results, sum %ld\n", sum);
  check("std::thread: joinable before join, not after; ids distinct", joinable && !ts[0].joinable() && ids && sum == 15055);
}

// ---- std::mutex + std::lock_guard ----
static void mutex_counter() {
  std::mutex m;
  long counter = 0;
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; i++)
    ts.emplace_back([&] {
      for (int k = 0; k < 2000; k++) {
        std::lock_guard<std::mutex> g(m);
        counter++;
      }
    });
  for (auto &t : ts) t.join();
  std::printf("std::mutex + lock_guard: 8 threads x 2000, counter %ld\n", counter);
  check("std::mutex: exact total", counter == 16000);
}

// ---- std::condition_variable bounded queue ----
static void producer_consumer() {
  constexpr int producers = 3, consumers = 3, per = 1000, cap = 4;
  std::mutex m;
  std::condition_variable not_full, not_empty;
  std::deque<long> q;
  int done_producers = 0;
  std::vector<unsigned char> seen(producers * per, 0);
  std::atomic<long> sum{0}, taken{0};
  std::vector<std::thread> ts;
  for (int p = 0; p < producers; p++)
    ts.emplace_back([&, p] {
      for (int k = 0; k < per; k++) {
        std::unique_lock<std::mutex> l(m);
        not_full.wait(l, [&] { return q.size() < cap; });
        q.push_back(long(p) * per + k);
        not_empty.notify_one();
      }
      std::lock_guard<std::mutex> g(m);
      done_producers++;
      not_empty.notify_all();
    });
  for (int c = 0; c < consumers; c++)
    ts.emplace_back([&] {
      for (;;) {
        std::unique_lock<std::mutex> l(m);
        not_empty.wait(l, [&] { return !q.empty() || done_producers == producers; });
        if (q.empty()) return;
        long v = q.front();
        q.pop_front();
        not_full.notify_one();
        l.unlock();
        seen[v]++;
        sum += v;
        taken++;
      }
    });
  for (auto &t : ts) t.join();
  bool once = true;
  for (unsigned char s : seen) once = once && s == 1;
  std::printf("std::condition_variable queue: %ld items, sum %ld\n", taken.load(), sum.load());
  check("std::condition_variable: every item taken exactly once", once && taken == producers * per);
}

// ---- std::atomic ----
static void atomics() {
  std::atomic<std::uint64_t> added{0}, cas{1};
  std::atomic<int> finished{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; i++)
    ts.emplace_back([&] {
      for (int k = 0; k < 5000; k++) added.fetch_add(3, std::memory_order_relaxed);
      for (int k = 0; k < 5000; k++) {
        std::uint64_t old = cas.load(std::memory_order_relaxed);
        while (!cas.compare_exchange_weak(old, old + 5, std::memory_order_acq_rel))
          ;
      }
      finished++;
    });
  for (auto &t : ts) t.join();
  std::printf("std::atomic fetch_add: %llu, compare_exchange loop: %llu\n", (unsigned long long)added.load(),
              (unsigned long long)cas.load());
  check("std::atomic: exact totals", added == 8 * 5000 * 3 && cas == 1 + 8 * 5000 * 5 && finished == 8);
  std::atomic<std::uint64_t> big{0xffffffffull};
  big.fetch_add(1);
  check("std::atomic<uint64_t> carries past 32 bits", big.load() == 0x100000000ull && big.is_lock_free());
}

// ---- std::async / std::future ----
static long sum_range(long from, long to) {
  long s = 0;
  for (long i = from; i < to; i++) s += i * i % 7;
  return s;
}
static void futures() {
  std::vector<std::future<long>> fs;
  for (int i = 0; i < 4; i++) fs.push_back(std::async(std::launch::async, sum_range, i * 10000L, (i + 1) * 10000L));
  long total = 0;
  for (auto &f : fs) total += f.get();
  std::printf("std::async: 4 futures, total %ld\n", total);
  check("std::async: the futures' values add up", total == sum_range(0, 40000));
  std::promise<std::string> p;
  std::future<std::string> pf = p.get_future();
  std::thread t([&p] { p.set_value("from a promise"); });
  std::string got = pf.get();
  t.join();
  check("std::promise set in another thread", got == "from a promise");
  auto bad = std::async(std::launch::async, []() -> int { throw std::runtime_error("carried"); });
  std::string what;
  try {
    bad.get();
  } catch (const std::runtime_error &e) {
    what = e.what();
  }
  check("std::future::get rethrows the task's exception", what == "carried");
}

// ---- thread_local ----
static std::atomic<int> tl_dtors{0};
static std::atomic<long> tl_dtor_sum{0};
struct PerThread {
  long value = 100;
  ~PerThread() {
    tl_dtors++;
    tl_dtor_sum += value;
  }
};
static thread_local PerThread per_thread;
static thread_local int tl_counter = 7;
static void thread_locals() {
  per_thread.value = 1;  // constructs the main thread's copy (destroyed at exit, not counted here)
  tl_counter = 1000;
  std::vector<long> seen(5);
  std::vector<std::thread> ts;
  for (int i = 0; i < 5; i++)
    ts.emplace_back([&seen, i] {
      bool fresh = tl_counter == 7 && per_thread.value == 100;
      for (int k = 0; k <= i; k++) tl_counter++;
      per_thread.value = 10 + i;
      seen[i] = fresh ? tl_counter : -1;
    });
  for (auto &t : ts) t.join();
  std::printf("thread_local: values %ld %ld %ld %ld %ld, main %d\n", seen[0], seen[1], seen[2], seen[3], seen[4], tl_counter);
  check("thread_local: initialized per thread, values kept apart", seen[0] == 8 && seen[4] == 12 && tl_counter == 1000);
  std::printf("thread_local destructors: %d, sum %ld\n", tl_dtors.load(), tl_dtor_sum.load());
  check("thread_local destructors ran at each thread's exit", tl_dtors == 5 && tl_dtor_sum == 10 + 11 + 12 + 13 + 14);
}

// ---- std::shared_mutex ----
static void shared_mutexes() {
  std::shared_mutex sm;
  long a = 0, b = 0;
  std::atomic<long> reads{0}, violations{0};
  std::atomic<int> readers_inside{0}, writer_with_readers{0};
  std::vector<std::thread> ts;
  for (int w = 0; w < 2; w++)
    ts.emplace_back([&] {
      for (int k = 0; k < 1000; k++) {
        std::unique_lock<std::shared_mutex> l(sm);
        if (readers_inside.load() != 0) writer_with_readers++;
        a++;
        std::this_thread::yield();
        b++;
      }
    });
  for (int r = 0; r < 4; r++)
    ts.emplace_back([&] {
      for (int k = 0; k < 1500; k++) {
        std::shared_lock<std::shared_mutex> l(sm);
        readers_inside++;
        if (a != b) violations++;
        reads++;
        readers_inside--;
      }
    });
  for (auto &t : ts) t.join();
  bool try_ok;
  {
    std::shared_lock<std::shared_mutex> r(sm);
    bool w = sm.try_lock();
    bool r2 = sm.try_lock_shared();
    if (r2) sm.unlock_shared();
    try_ok = !w && r2;
  }
  std::printf("std::shared_mutex: pairs %ld/%ld, %ld reads, %ld violations\n", a, b, reads.load(), violations.load());
  check("std::shared_mutex: writers alone, readers share", a == 2000 && b == 2000 && violations == 0 && writer_with_readers == 0 && try_ok);
}

// ---- an exception thrown and caught inside a thread ----
static int deep(int n) {
  if (n == 0) throw std::out_of_range("deep " + std::to_string(n));
  return deep(n - 1) + 1;
}
static void thread_exceptions() {
  std::vector<std::string> caught(3);
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; i++)
    ts.emplace_back([&caught, i] {
      try {
        deep(10 + i);
      } catch (const std::out_of_range &e) {
        caught[i] = std::string("thread ") + std::to_string(i) + " caught " + e.what();
      }
    });
  for (auto &t : ts) t.join();
  for (auto &s : caught) std::printf("%s\n", s.c_str());
  check("exceptions thrown and caught inside threads", caught[2] == "thread 2 caught deep 0");
}

// ---- std::call_once, sleep_for, hardware_concurrency ----
static void misc() {
  std::once_flag once;
  std::atomic<int> calls{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 6; i++) ts.emplace_back([&] { std::call_once(once, [&] { calls++; }); });
  for (auto &t : ts) t.join();
  check("std::call_once: run once for 6 threads", calls == 1);
  auto t0 = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  check("std::this_thread::sleep_for(20 ms) slept at least 20 ms", ms >= 20);
  if (ms < 20) std::fprintf(stderr, "slept %lld ms\n", (long long)ms);
  check("std::thread::hardware_concurrency() > 0", std::thread::hardware_concurrency() > 0);
}

int main() {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  thread_join();
  mutex_counter();
  producer_consumer();
  atomics();
  futures();
  thread_locals();
  shared_mutexes();
  thread_exceptions();
  misc();
  std::printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
