// A tabular answer (named columns, typed cells) and its JSON form: what a question returns when
// its answer is a list of rows, rendered as text or CSV by the CLI and as JSON by both front ends.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "nlohmann/json.hpp"

namespace downballot::query {

using Cell = std::variant<std::monostate, std::string, int64_t, double, bool>;

// Column names are snake_case: they are the JSON keys and the CSV header (docs/cli.md).
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// The JSON value of one cell (null, string, integer, number or boolean).
[[nodiscard]] nlohmann::json ToJson(const Cell& cell);
// Array of objects keyed by column name.
[[nodiscard]] nlohmann::json ToJson(const Table& table);

// `value` as the text both front ends send: indented by two spaces, invalid UTF-8 (names come
// from public files) replaced rather than thrown on.
[[nodiscard]] std::string JsonText(const nlohmann::json& value);

}  // namespace downballot::query
