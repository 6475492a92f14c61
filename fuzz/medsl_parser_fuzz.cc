// Fuzzes the MEDSL returns parser: fail cleanly or account for every row.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/check.h"
#include "ingest/medsl_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  downballot::model::FileReport report;
  const auto parsed =
      downballot::ingest::ParseMedslReturns("district_overall_2018.csv", bytes, report);
  if (parsed.ok()) {
    DOWNBALLOT_CHECK(report.rows_read ==
                     static_cast<int64_t>(parsed->size()) + report.rows_rejected);
    for (const downballot::model::GeneralReturn& row : *parsed) {
      DOWNBALLOT_CHECK(row.candidate_votes >= 0 && row.total_votes >= 0);
      DOWNBALLOT_CHECK(row.state.size() == 2);
    }
  }
  return 0;
}
