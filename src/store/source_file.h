// The source_file record every loader writes first: one row per ingested file, with its
// rejects and notes, so every stored row can name the file it came from.
#pragma once

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/ingest_report.h"
#include "store/database.h"

namespace downballot::store {

// Inserts the source_file row for `report` (path, kind, content hash, `bytes`, row counts, the
// current UTC time) and its row_reject and file_note rows; returns the new file id. Must run
// inside the caller's transaction so a failed load leaves nothing behind. Internal on an SQLite
// error (a repeated content hash violates its UNIQUE constraint).
[[nodiscard]] absl::StatusOr<int64_t> InsertSourceFile(Database& db,
                                                       const model::FileReport& report,
                                                       int64_t bytes);

// OK when report.rows_read == rows_stored + rows_rejected; Internal "PATH: rows read N != stored
// S + rejected R" otherwise, so a file whose rows do not add up is never written.
[[nodiscard]] absl::Status CheckAccounting(const model::FileReport& report);

}  // namespace downballot::store
