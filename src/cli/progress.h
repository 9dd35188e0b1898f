// A one-line progress bar on stderr, drawn only when stderr is a terminal.
#ifndef WITNESS_CLI_PROGRESS_H_
#define WITNESS_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace witness::cli {

class ProgressBar {
 public:
  // `total_bytes` 0 means unknown (no percentage, only counts). Disabled when `enabled` is
  // false or stderr is not a terminal.
  ProgressBar(uint64_t total_bytes, bool enabled);
  ~ProgressBar();

  // Updates the figures; redraws at most ten times a second.
  void Update(uint64_t done_bytes, uint64_t articles, uint64_t rejected);
  // Erases the bar (call before printing other lines to stderr, and at the end).
  void Clear();

 private:
  void Draw();
  bool enabled_;
  bool drawn_ = false;
  uint64_t total_ = 0, done_ = 0, articles_ = 0, rejected_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// "1.5 MB", "312 KB", "17 B".
std::string HumanBytes(uint64_t bytes);

}  // namespace witness::cli

#endif  // WITNESS_CLI_PROGRESS_H_
