#include "cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include "cli/output.h"
#include "fmt/format.h"

namespace downballot::cli {
namespace {

constexpr auto kQuietStart = std::chrono::milliseconds(1500);
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);
constexpr size_t kBarCells = 20;

std::string WithThousands(int64_t number) {
  const std::string digits = std::to_string(number);
  std::string grouped;
  for (size_t idx = 0; idx < digits.size(); ++idx) {
    if (idx > 0 && (digits.size() - idx) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[idx]);
  }
  return grouped;
}

}  // namespace

std::string ProgressLine(std::string_view name, const ingest::ScanProgress& progress,
                         double elapsed_seconds, size_t width) {
  const double fraction = progress.bytes_total > 0
                              ? std::clamp(static_cast<double>(progress.bytes_done) /
                                               static_cast<double>(progress.bytes_total),
                                           0.0, 1.0)
                              : 0.0;
  const auto filled = static_cast<size_t>(fraction * kBarCells);
  std::string line =
      fmt::format("{}  {:3.0f}% [{}{}] {} rows", name, fraction * 100, std::string(filled, '#'),
                  std::string(kBarCells - filled, '.'), WithThousands(progress.lines_done));
  if (elapsed_seconds > 0) {
    line += fmt::format("  {:.0f} MB/s",
                        static_cast<double>(progress.bytes_done) / 1e6 / elapsed_seconds);
  }
  if (fraction > 0.01 && fraction < 1) {
    line += fmt::format("  ETA {:.0f} s", elapsed_seconds * (1 - fraction) / fraction);
  }
  if (width > 0 && line.size() > width) line.resize(width);
  return line;
}

ProgressBar::ProgressBar(std::string name, bool is_enabled)
    : name_(std::move(name)),
      is_enabled_(is_enabled && isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (has_drawn_) std::cerr << "\r\033[K" << std::flush;
}

void ProgressBar::Update(const ingest::ScanProgress& progress) {
  if (!is_enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard<std::mutex> lock(mutex_);
  if (now - start_ < kQuietStart || now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const size_t width = TerminalWidth(STDERR_FILENO);
  Draw(ProgressLine(name_, progress, elapsed, width == 0 ? 0 : width - 1));
}

void ProgressBar::Step(std::string_view step) {
  if (!is_enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!has_drawn_ && std::chrono::steady_clock::now() - start_ < kQuietStart) return;
  Draw(fmt::format("{}  {}…", name_, step));
}

void ProgressBar::Draw(const std::string& line) {
  has_drawn_ = true;
  std::cerr << "\r\033[K" << line << std::flush;
}

}  // namespace downballot::cli
