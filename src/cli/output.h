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
#include "query/table.h"

namespace downballot::cli {

enum class OutputFormat { kTable, kCsv, kJson };

// "table", "csv", "json"; nullopt otherwise.
[[nodiscard]] std::optional<OutputFormat> ParseOutputFormat(std::string_view text);
// Table when stdout is a terminal, CSV when it is a pipe or file.
[[nodiscard]] OutputFormat DefaultOutputFormat();

using query::Cell;
using query::Table;
using query::ToJson;

// Writes `table`: aligned text with a header rule, RFC 4180 CSV, or a JSON array of objects.
void Render(const Table& table, OutputFormat format, std::ostream& out);

// Prints `value` as indented JSON followed by a newline.
void RenderJson(const nlohmann::json& value, std::ostream& out);

}  // namespace downballot::cli
