// Fuzzes the FiveThirtyEight candidate parser: fail cleanly or account for every row.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/check.h"
#include "ingest/fte_candidates_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  downballot::model::FileReport report;
  const auto parsed = downballot::ingest::ParseFteCandidates("dem_candidates.csv", bytes, report);
  if (parsed.ok()) {
    DOWNBALLOT_CHECK(report.rows_read ==
                     static_cast<int64_t>(parsed->size()) + report.rows_rejected);
  }
  return 0;
}
