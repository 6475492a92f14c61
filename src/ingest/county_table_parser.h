// Parses a county FIPS table (kjhealy/fips-codes' county_fips_master.csv, the Census Bureau's
// codes): the counties whose returns the roll-up matches across files by code, not spelling.
#pragma once

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/county.h"
#include "model/ingest_report.h"

namespace downballot::ingest {

// Parses `bytes`, a CSV with columns `fips` (a state and county code, "1001" or "01001"),
// `county_name` ("Autauga County") and `state_abbr` ("AL"), found by name in any order. Stray
// Latin-1 bytes are read as such (the file spells "Do\xd0a Ana"). A row with a code that is not
// 4-5 digits, an unknown state or an empty name is rejected into `report`, naming its line and
// field; on success rows_read == counties + rows_rejected. InvalidArgument "<path>:<line>: ..."
// for a file without those columns or cut off mid-record. Thread-compatible.
[[nodiscard]] absl::StatusOr<std::vector<model::County>> ParseCountyTable(
    std::string_view path, std::string_view bytes, model::FileReport& report);

}  // namespace downballot::ingest
