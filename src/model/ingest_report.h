// The account every ingest gives of a file: rows read, stored and rejected, with reasons.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace downballot::model {

// One rejected row: enough to find it in the file and to fix it.
struct RowError {
  std::string file;
  int64_t line = 0;
  std::string field;   // the column at fault, or "" for the whole row
  std::string reason;  // lowercase, no trailing period: "votes '12x' is not a number"
};

// What became of a file. ToString's spellings are the JSON and CSV values (`ingest`, `files`,
// the API).
enum class FileStatus { kLoaded, kAlreadyLoaded, kUnrecognized, kFailed };

// "loaded", "already_loaded", "unrecognized", "failed".
[[nodiscard]] constexpr std::string_view ToString(FileStatus status) {
  switch (status) {
    case FileStatus::kLoaded:
      return "loaded";
    case FileStatus::kAlreadyLoaded:
      return "already_loaded";
    case FileStatus::kUnrecognized:
      return "unrecognized";
    case FileStatus::kFailed:
      return "failed";
  }
  return "failed";
}

// Invariant once a file is done: rows_read == rows_stored + rows_rejected.
struct FileReport {
  std::string path;
  std::string kind;  // "openelections", "fte_candidates", "partisan_lean", ...
  std::string content_hash;
  FileStatus status = FileStatus::kLoaded;
  std::string error;  // set when status is kFailed or kUnrecognized: "file.csv:12: ..."
  int64_t rows_read = 0;
  int64_t rows_stored = 0;
  int64_t rows_rejected = 0;
  std::vector<RowError> rejects;
  std::vector<std::string>
      notes;  // non-fatal remarks: "no 'votes' column: summed election_day+absentee"

  void Reject(int64_t line, std::string field, std::string reason) {
    ++rows_rejected;
    rejects.push_back(RowError{path, line, std::move(field), std::move(reason)});
  }

  // Marks the file failed with `message`: nothing of a failed file is stored, so every row
  // read counts as rejected with it.
  void Fail(std::string message) {
    status = FileStatus::kFailed;
    error = std::move(message);
    rows_stored = 0;
    rows_rejected = rows_read;
  }
};

}  // namespace downballot::model
