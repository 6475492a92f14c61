// Fuzzes the OpenElections parser: any bytes either fail cleanly or account for every row.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/check.h"
#include "ingest/openelections_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  downballot::model::FileReport report;
  const auto parsed = downballot::ingest::ParseOpenElections(
      "20180913__ny__primary__albany__precinct.csv", bytes, report);
  if (parsed.ok()) {
    DOWNBALLOT_CHECK(report.rows_read ==
                     static_cast<int64_t>(parsed->rows.size()) + report.rows_rejected);
    DOWNBALLOT_CHECK(report.rows_rejected == static_cast<int64_t>(report.rejects.size()));
  }
  return 0;
}
