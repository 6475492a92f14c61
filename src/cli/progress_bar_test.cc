#include "cli/progress_bar.h"

#include <gtest/gtest.h>

namespace downballot::cli {
namespace {

TEST(ProgressLine, ShowsPercentRowsSpeedAndTimeLeft) {
  const ingest::ScanProgress progress{
      .bytes_done = 250'000'000, .bytes_total = 1'000'000'000, .lines_done = 1'234'567};
  EXPECT_EQ(ProgressLine("itcont.txt", progress, 2.0, 0),
            "itcont.txt   25% [#####...............] 1,234,567 rows  125 MB/s  ETA 6 s");
}

TEST(ProgressLine, FitsTheWidthAndKnowsNoTotal) {
  const ingest::ScanProgress done{.bytes_done = 10, .bytes_total = 10, .lines_done = 999};
  EXPECT_EQ(ProgressLine("f", done, 0, 0), "f  100% [####################] 999 rows");
  const ingest::ScanProgress unknown{.bytes_done = 5, .bytes_total = 0, .lines_done = 0};
  EXPECT_EQ(ProgressLine("f", unknown, 0, 12), "f    0% [...");
}

}  // namespace
}  // namespace downballot::cli
