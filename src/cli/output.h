// Renders query results as an aligned table, CSV or JSON: one path for every command.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
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

// The width of the terminal `fd` (stdout by default) writes to, in columns; 0 (no limit) when
// it is not one.
[[nodiscard]] size_t TerminalWidth(int fd = 1);

// `text` with each line longer than the terminal `fd` writes to broken at spaces (continuations
// indented two spaces); unchanged when `fd` is not a terminal. For prose: notes, summaries and
// messages.
[[nodiscard]] std::string FitToTerminal(std::string_view text, int fd = 1);

// `table` with only the `columns` it has, in that order.
[[nodiscard]] Table SelectColumns(const Table& table, std::span<const std::string_view> columns);

// Writes `table`: aligned text with a header rule, RFC 4180 CSV, or a JSON array of objects.
// In text form with a `max_width` (display columns, 0 = none), the widest text columns are cut,
// ending in "…", until every line fits; numbers and headers are never cut.
void Render(const Table& table, OutputFormat format, std::ostream& out, size_t max_width = 0);

// Prints `value` as indented JSON followed by a newline.
void RenderJson(const nlohmann::json& value, std::ostream& out);

}  // namespace downballot::cli
