#include "ingest/header_columns.h"

#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::ingest {

absl::StatusOr<HeaderColumns> ReadHeaderColumns(std::string_view path, const Record& header) {
  HeaderColumns columns;
  columns.line = header.line;
  for (const std::string& field : header.fields) {
    columns.names.emplace_back(base::Trim(field));
    columns.lower_names.push_back(base::ToLower(columns.names.back()));
  }
  for (size_t col = 0; col < columns.lower_names.size(); ++col) {
    if (columns.lower_names[col].empty()) continue;
    for (size_t other = col + 1; other < columns.lower_names.size(); ++other) {
      if (columns.lower_names[other] == columns.lower_names[col]) {
        return absl::InvalidArgumentError(
            fmt::format("{}:{}: column '{}' appears twice, so its values are ambiguous", path,
                        header.line, columns.names[other]));
      }
    }
  }
  return columns;
}

absl::Status MissingColumnsError(std::string_view path, int64_t line,
                                 const std::vector<std::string_view>& missing) {
  if (missing.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(fmt::format("{}:{}: missing required column{} {}", path, line,
                                                missing.size() == 1 ? "" : "s",
                                                fmt::join(missing, ", ")));
}

std::string_view TrimmedCell(const Record& record, std::optional<size_t> col) {
  if (!col.has_value() || *col >= record.fields.size()) return {};
  return base::Trim(record.fields[*col]);
}

absl::StatusOr<bool> CheckFieldCount(std::string_view path, const Record& record, size_t num_fields,
                                     model::FileReport& report) {
  if (record.fields.size() == num_fields) return true;
  const std::string reason =
      fmt::format("expected {} fields, got {}", num_fields, record.fields.size());
  // Published files often end without a final line break, so only a short last row says the
  // download was cut off.
  if (!record.ends_with_newline && record.fields.size() < num_fields) {
    return absl::InvalidArgumentError(fmt::format(
        "{}:{}: last row is cut off without a line break: {}", path, record.line, reason));
  }
  report.Reject(record.line, "", reason);
  return false;
}

}  // namespace downballot::ingest
