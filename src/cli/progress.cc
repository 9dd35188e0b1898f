#include "cli/progress.h"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace witness::cli {

std::string HumanBytes(uint64_t bytes) {
  if (bytes >= (1ull << 30)) return fmt::format("{:.1f} GB", bytes / double(1ull << 30));
  if (bytes >= (1ull << 20)) return fmt::format("{:.1f} MB", bytes / double(1ull << 20));
  if (bytes >= (1ull << 10)) return fmt::format("{:.0f} KB", bytes / double(1ull << 10));
  return fmt::format("{} B", bytes);
}

ProgressBar::ProgressBar(uint64_t total_bytes, bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)),
      total_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Update(uint64_t done_bytes, uint64_t articles, uint64_t rejected) {
  done_ = done_bytes;
  articles_ = articles;
  rejected_ = rejected;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw();
}

void ProgressBar::Draw() {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string rate = secs > 0.2 ? HumanBytes(uint64_t(done_ / secs)) + "/s" : "";
  std::string line;
  if (total_ > 0) {
    constexpr int kWidth = 28;
    double frac = std::min(1.0, double(done_) / double(total_));
    int filled = int(frac * kWidth);
    line = fmt::format("[{}{}] {:3.0f}% ", std::string(filled, '#'), std::string(kWidth - filled, '.'),
                       frac * 100);
  }
  line += fmt::format("{} articles, {} rejected, {} {}", articles_, rejected_, HumanBytes(done_), rate);
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace witness::cli
