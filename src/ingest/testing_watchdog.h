// A watchdog for tests of code that must never hang: if the guarded scope has not ended after
// `seconds`, it prints what was running and aborts, so a hang fails the test at once (with a
// name) instead of stalling the test binary until ctest's timeout.
#ifndef WITNESS_INGEST_TESTING_WATCHDOG_H_
#define WITNESS_INGEST_TESTING_WATCHDOG_H_

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

namespace witness::testing {

class Watchdog {
 public:
  Watchdog(std::string what, int seconds) : what_(std::move(what)) {
    thread_ = std::thread([this, seconds] {
      std::unique_lock<std::mutex> lock(mu_);
      if (!cv_.wait_for(lock, std::chrono::seconds(seconds), [this] { return done_; })) {
        std::fprintf(stderr, "watchdog: %s did not end within %d s (hang)\n", what_.c_str(),
                     seconds);
        std::abort();
      }
    });
  }
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  std::string what_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace witness::testing

#endif  // WITNESS_INGEST_TESTING_WATCHDOG_H_
