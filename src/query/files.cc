#include "query/files.h"

#include "base/status_macros.h"
#include "store/queries.h"

namespace downballot::query {

absl::Status ParseFilesRequest(const Params& params) { return params.CheckNames({}); }

absl::StatusOr<Table> AnswerFiles(store::Database& db) {
  ASSIGN_OR_RETURN(const std::vector<store::IngestedFile> history, store::ReadIngestHistory(db));
  Table table{{"ingested_at", "path", "kind", "bytes", "rows_read", "rows_stored", "rows_rejected"},
              {}};
  for (const store::IngestedFile& file : history) {
    table.rows.push_back({file.ingested_at, file.path, file.kind, file.bytes, file.rows_read,
                          file.rows_stored, file.rows_rejected});
  }
  return table;
}

}  // namespace downballot::query
