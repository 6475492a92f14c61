// `files`: the ingest history, every file with when it was read and its row accounting.
#pragma once

#include "absl/status/statusor.h"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

// Takes no parameters; InvalidArgument for any.
[[nodiscard]] absl::Status ParseFilesRequest(const Params& params);

// One row per file, newest first: path, kind, bytes, rows read, stored and rejected, when.
[[nodiscard]] absl::StatusOr<Table> AnswerFiles(store::Database& db);

}  // namespace downballot::query
