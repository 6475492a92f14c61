// Loading files into the store for `ingest` and `ingest fec`: which files a path names, one
// file parsed and stored with its report, the races rebuilt after, and the report's tables.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/office_table.h"
#include "model/ingest_report.h"
#include "nlohmann/json.hpp"
#include "query/table.h"
#include "store/database.h"
#include "store/queries.h"

namespace downballot::query {

struct InputFile {
  std::string path;
  bool is_named = false;  // given on the command line, not found by walking a folder
};

// Expands folders into their data files (walked recursively; results and candidate files are
// .csv, .tsv or .txt, FEC bulk files .txt or .zip), sorted so runs are reproducible; a file
// given by name is kept whatever its extension. InvalidArgument for a path that does not exist.
[[nodiscard]] absl::StatusOr<std::vector<InputFile>> CollectInputs(
    const std::vector<std::string>& paths, bool is_fec);

// Parses and stores one results, MEDSL, FiveThirtyEight, partisan-lean or county file in one
// transaction; every outcome (loaded, already loaded, unrecognized, failed with rows rejected)
// is in the returned report. Sets `results_changed` when races must be rebuilt.
[[nodiscard]] model::FileReport IngestFile(store::Database& db, const InputFile& input,
                                           const ingest::OfficeTable& offices,
                                           bool& results_changed);

struct RebuildSummary {
  store::StaleRaces rebuilt;   // the states whose races were rebuilt
  int64_t num_mismatches = 0;  // candidate totals that differ between sources of one race
};

// Rebuilds the races the loaded files touched. Store errors propagate.
[[nodiscard]] absl::StatusOr<RebuildSummary> RebuildAfterIngest(store::Database& db);

// One row per file: path, kind, status, rows read, stored and rejected, error.
[[nodiscard]] Table IngestReportTable(const std::vector<model::FileReport>& reports);
// One row per rejected row: file, line, field, reason.
[[nodiscard]] Table RejectTable(const std::vector<model::FileReport>& reports);
// {"rows_read", "rows_stored", "rows_rejected", "files": [... with notes and rejects]}.
[[nodiscard]] nlohmann::json IngestReportJson(const std::vector<model::FileReport>& reports);

}  // namespace downballot::query
