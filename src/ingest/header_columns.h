// Maps a CSV header's column names to positions, and the row checks every header-mapped parser
// (FiveThirtyEight candidates, MEDSL returns, partisan lean) shares.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ingest/delimited_reader.h"
#include "model/ingest_report.h"

namespace downballot::ingest {

// The names of a header's columns, trimmed (for messages) and lowercased (for matching).
struct HeaderColumns {
  int64_t line = 0;
  std::vector<std::string> names;
  std::vector<std::string> lower_names;
};

// InvalidArgument "<path>:<line>: column 'X' appears twice, so its values are ambiguous" when
// two non-empty names are equal ignoring case and surrounding spaces.
[[nodiscard]] absl::StatusOr<HeaderColumns> ReadHeaderColumns(std::string_view path,
                                                              const Record& header);

// One name a parser's Layout field may have in a header (lowercase).
template <typename Layout>
struct ColumnAlias {
  std::optional<size_t> Layout::*member;
  std::string_view name;
};

// Sets each alias's member to the column of that name. When a file has two aliases of one
// member, the earlier alias in `aliases` wins.
template <typename Layout, size_t N>
void MapColumnAliases(const HeaderColumns& header,
                      const std::array<ColumnAlias<Layout>, N>& aliases, Layout& layout) {
  for (const ColumnAlias<Layout>& alias : aliases) {
    if ((layout.*alias.member).has_value()) continue;
    for (size_t col = 0; col < header.lower_names.size(); ++col) {
      if (header.lower_names[col] == alias.name) layout.*alias.member = col;
    }
  }
}

// True when `col` is the position of one of `aliases` in `layout`.
template <typename Layout, size_t N>
[[nodiscard]] bool IsMappedColumn(const Layout& layout, const std::array<ColumnAlias<Layout>, N>& aliases,
                    size_t col) {
  for (const ColumnAlias<Layout>& alias : aliases) {
    if (layout.*alias.member == col) return true;
  }
  return false;
}

// A column a parser cannot do without, and how its error message names it ("'Candidate'").
template <typename Layout>
struct RequiredColumn {
  std::optional<size_t> Layout::*member;
  std::string_view description;
};

// The descriptions of the `required` columns `layout` did not find, in order.
template <typename Layout, size_t N>
[[nodiscard]] std::vector<std::string_view> MissingColumns(
    const Layout& layout, const std::array<RequiredColumn<Layout>, N>& required) {
  std::vector<std::string_view> missing;
  for (const RequiredColumn<Layout>& column : required) {
    if (!(layout.*column.member).has_value()) missing.push_back(column.description);
  }
  return missing;
}

// OK when `missing` is empty, else InvalidArgument "<path>:<line>: missing required column(s)
// A, B" with the descriptions as given ("'Candidate'").
[[nodiscard]] absl::Status MissingColumnsError(std::string_view path, int64_t line,
                                               const std::vector<std::string_view>& missing);

// The cell at `col`, trimmed; "" when the file has no such column.
[[nodiscard]] std::string_view TrimmedCell(const Record& record, std::optional<size_t> col);

// Checks a data row's field count. True when it matches. False after recording a reject
// ("expected N fields, got M") in `report`. InvalidArgument when the row is the file's last,
// has too few fields and no line break: the download was cut off, and the file should not
// load at all.
[[nodiscard]] absl::StatusOr<bool> CheckFieldCount(std::string_view path, const Record& record,
                                                   size_t num_fields, model::FileReport& report);

}  // namespace downballot::ingest
