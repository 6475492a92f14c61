// Renders query results as an aligned table, CSV or JSON: one path for every command.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "nlohmann/json.hpp"

namespace downballot::cli {

enum class OutputFormat { kTable, kCsv, kJson };

// "table", "csv", "json"; nullopt otherwise.
[[nodiscard]] std::optional<OutputFormat> ParseOutputFormat(std::string_view text);
// Table when stdout is a terminal, CSV when it is a pipe or file.
[[nodiscard]] OutputFormat DefaultOutputFormat();

using Cell = std::variant<std::monostate, std::string, int64_t, double, bool>;

// Column names are snake_case: they are the JSON keys and the CSV header (docs/cli.md).
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// Writes `table`: aligned text with a header rule, RFC 4180 CSV, or a JSON array of objects.
void Render(const Table& table, OutputFormat format, std::ostream& out);

// The JSON value of one cell (null, string, integer, number or boolean).
[[nodiscard]] nlohmann::json ToJson(const Cell& cell);
// Array of objects keyed by column name.
[[nodiscard]] nlohmann::json ToJson(const Table& table);

// Prints `value` as indented JSON followed by a newline.
void RenderJson(const nlohmann::json& value, std::ostream& out);

}  // namespace downballot::cli
