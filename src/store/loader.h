// Writes parsed source files into the store, one transaction per file.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/county.h"
#include "model/general_return.h"
#include "model/ingest_report.h"
#include "model/partisan_lean.h"
#include "model/primary_candidacy.h"
#include "model/result_row.h"
#include "store/database.h"

namespace downballot::store {

// True when a file with this content hash is already in the store.
[[nodiscard]] absl::StatusOr<bool> IsFileLoaded(Database& db, std::string_view content_hash);

// True when a loaded file has exactly `bytes` bytes. When not, no file of that size can be
// loaded already, so its content hash may be taken while it is parsed rather than before.
[[nodiscard]] absl::StatusOr<bool> IsFileSizeLoaded(Database& db, int64_t bytes);

// Each Load* writes the file record (with `report`'s counts, rejects and notes) and every row in
// one transaction, then sets report.rows_stored. On any error nothing is written. Results and
// MEDSL loads mark their states' races stale (stale_state); a county load marks every race.
// `report.content_hash` must be set; `bytes` is the file size.
absl::Status LoadResults(Database& db, model::FileReport& report, int64_t bytes,
                         const model::ResultFileInfo& info, std::span<const model::ResultRow> rows);
absl::Status LoadPrimaryCandidacies(Database& db, model::FileReport& report, int64_t bytes,
                                    std::span<const model::PrimaryCandidacy> candidacies);
absl::Status LoadPartisanLeans(Database& db, model::FileReport& report, int64_t bytes,
                               std::span<const model::PartisanLean> leans);
absl::Status LoadGeneralReturns(Database& db, model::FileReport& report, int64_t bytes,
                                std::span<const model::GeneralReturn> returns);
absl::Status LoadCounties(Database& db, model::FileReport& report, int64_t bytes,
                          std::span<const model::County> counties);

}  // namespace downballot::store
