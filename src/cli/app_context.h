// What every command shares: the store path and the output format given on the command line.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "cli/output.h"
#include "query/empty_answer.h"
#include "query/params.h"
#include "store/database.h"

namespace downballot::cli {

struct AppContext {
  std::string store_path = "downballot.db";
  std::string format_text;  // as given by --format; empty = DefaultOutputFormat()
  bool wide = false;        // --wide: every column on a terminal too

  // The requested format; InvalidArgument for an unknown name.
  [[nodiscard]] absl::StatusOr<OutputFormat> format() const;

  // Prints `table` to stdout. As a table, only `key_columns` (all when empty) unless --wide,
  // fitted to the terminal's width, and a line saying how to see the rest; CSV and JSON keep
  // every column.
  void Show(const Table& table, OutputFormat format,
            std::span<const std::string_view> key_columns = {}) const;
};

// After an empty answer, says on stderr why (query::WhyEmpty), fitted to the terminal.
[[nodiscard]] absl::Status SayWhyEmpty(store::Database& db, std::string_view command,
                                       query::AnswerSource source);

// Adds the output options every listing command takes: --format and --wide (also accepted
// before the command, by the top-level app).
void AddOutputOptions(CLI::App& command, AppContext& context);

// `--set key=value` options as parameters; InvalidArgument for one without '='.
[[nodiscard]] absl::StatusOr<query::Params> SettingsParams(
    const std::vector<std::string>& settings);

}  // namespace downballot::cli
