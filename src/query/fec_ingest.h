// Loading one FEC bulk file (plain or zipped) into the store: `ingest fec`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/fec_parser.h"
#include "model/ingest_report.h"
#include "store/database.h"

namespace downballot::query {

struct FecIngestSettings {
  // For files whose name gives no cycle (itcont.txt).
  std::optional<int> cycle;
  // Threads parsing and summing an itcont: the target machines have two cores.
  int num_threads = 2;
  // What an itcont's donor totals may hold in memory (money::ReceiptAggregatorOptions); the
  // rest goes to temporary files in `temp_folder`, "" meaning the store's folder.
  int64_t memory_budget_bytes = int64_t{1} << 30;
  std::string temp_folder;
  // While an itcont is read (thread-safe calls, from any worker), and at each later step
  // ("summing donor totals", "writing the store"). Either may be empty.
  std::function<void(const ingest::ScanProgress&)> on_progress;
  std::function<void(std::string_view step)> on_step;
};

// Loads one FEC bulk file in one transaction and returns its report (status "loaded",
// "already_loaded", "unrecognized" or "failed"). The file's kind comes from its FEC name
// (cn, cm, ccl, itcont, itpas2, weball, webl, or their zips); the cycle from the name's digits
// ("weball20.txt"), else from settings.cycle. Individual contributions are aggregated per
// committee, donor and receipt kind (docs/money.md) rather than stored row by row, within
// settings.memory_budget_bytes; the store is the same for any budget and thread count, and
// for a zip and the file it holds. A failure leaves the store as it was.
[[nodiscard]] model::FileReport IngestFecFile(store::Database& db, const std::string& path,
                                              const FecIngestSettings& settings);

}  // namespace downballot::query
