#include "store/source_file.h"

#include <chrono>
#include <string>

#include "base/status_macros.h"
#include "fmt/chrono.h"
#include "fmt/format.h"

namespace downballot::store {
namespace {

std::string NowUtc() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

}  // namespace

absl::StatusOr<int64_t> InsertSourceFile(Database& db, const model::FileReport& report,
                                         int64_t bytes) {
  ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO source_file (path, kind, content_hash, bytes, rows_read, "
                 "rows_stored, rows_rejected, ingested_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id"));
  RETURN_IF_ERROR(insert.Bind(1, report.path));
  RETURN_IF_ERROR(insert.Bind(2, report.kind));
  RETURN_IF_ERROR(insert.Bind(3, report.content_hash));
  RETURN_IF_ERROR(insert.Bind(4, bytes));
  RETURN_IF_ERROR(insert.Bind(5, report.rows_read));
  RETURN_IF_ERROR(insert.Bind(6, report.rows_stored));
  RETURN_IF_ERROR(insert.Bind(7, report.rows_rejected));
  RETURN_IF_ERROR(insert.Bind(8, NowUtc()));
  ASSIGN_OR_RETURN(const bool has_row, insert.Step());
  if (!has_row) return absl::InternalError("insert into source_file returned no id");
  const int64_t file_id = insert.ColumnInt(0);

  ASSIGN_OR_RETURN(auto reject, db.Prepare("INSERT INTO row_reject VALUES (?1, ?2, ?3, ?4)"));
  for (const model::RowError& error : report.rejects) {
    RETURN_IF_ERROR(reject.Bind(1, file_id));
    RETURN_IF_ERROR(reject.Bind(2, error.line));
    RETURN_IF_ERROR(reject.Bind(3, error.field));
    RETURN_IF_ERROR(reject.Bind(4, error.reason));
    RETURN_IF_ERROR(reject.Execute());
  }
  ASSIGN_OR_RETURN(auto note, db.Prepare("INSERT INTO file_note VALUES (?1, ?2)"));
  for (const std::string& text : report.notes) {
    RETURN_IF_ERROR(note.Bind(1, file_id));
    RETURN_IF_ERROR(note.Bind(2, text));
    RETURN_IF_ERROR(note.Execute());
  }
  return file_id;
}

absl::Status CheckAccounting(const model::FileReport& report) {
  if (report.rows_read != report.rows_stored + report.rows_rejected) {
    return absl::InternalError(fmt::format("{}: rows read {} != stored {} + rejected {}",
                                           report.path, report.rows_read, report.rows_stored,
                                           report.rows_rejected));
  }
  return absl::OkStatus();
}

}  // namespace downballot::store
