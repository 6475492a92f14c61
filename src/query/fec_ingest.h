// Loading one FEC bulk file (plain or zipped) into the store: `ingest fec`.
#pragma once

#include <optional>
#include <string>

#include "model/ingest_report.h"
#include "store/database.h"

namespace downballot::query {

// Loads one FEC bulk file in one transaction and returns its report (status "loaded",
// "already_loaded", "unrecognized" or "failed"). The file's kind comes from its FEC name
// (cn, cm, ccl, itcont, itpas2, weball, webl, or their zips); the cycle from the name's digits
// ("weball20.txt"), else from `cycle`. Individual contributions are aggregated per committee,
// donor and receipt kind (docs/money.md) rather than stored row by row.
[[nodiscard]] model::FileReport IngestFecFile(store::Database& db, const std::string& path,
                                              std::optional<int> cycle);

}  // namespace downballot::query
