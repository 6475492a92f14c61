// A one-line progress bar on stderr for long FEC ingests: rows, MB/s, ETA.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "ingest/fec_parser.h"

namespace downballot::cli {

// Draws "NAME  43% [#####.....] 4,300,000 rows  812 MB/s  ETA 3 s" on stderr, rewritten in
// place at most five times a second, once a file has taken longer than a second and a half
// (short ingests stay silent), and only when stderr is a terminal and `is_enabled` (false for
// --quiet). Thread-safe: the scan's workers call Update.
class ProgressBar {
 public:
  ProgressBar(std::string name, bool is_enabled);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(const ingest::ScanProgress& progress);
  // Names a step after the read ("summing donor totals").
  void Step(std::string_view step);

 private:
  void Draw(const std::string& line);

  std::string name_;
  bool is_enabled_;
  bool has_drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mutex_;
};

// "4,300,000 rows  812 MB/s  ETA 3 s" with the bar before it: what Update draws. Pure.
[[nodiscard]] std::string ProgressLine(std::string_view name, const ingest::ScanProgress& progress,
                                       double elapsed_seconds, size_t width);

}  // namespace downballot::cli
