#include "cli/app_context.h"

#include <unistd.h>

#include <iostream>

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::cli {

absl::StatusOr<OutputFormat> AppContext::format() const {
  if (format_text.empty()) return DefaultOutputFormat();
  const auto parsed = ParseOutputFormat(format_text);
  if (!parsed) {
    return absl::InvalidArgumentError(
        fmt::format("--format must be table, csv or json, got '{}'", format_text));
  }
  return *parsed;
}

void AppContext::Show(const Table& table, OutputFormat format,
                      std::span<const std::string_view> key_columns) const {
  if (format != OutputFormat::kTable || wide || key_columns.empty()) {
    Render(table, format, std::cout, wide ? 0 : TerminalWidth());
    return;
  }
  const Table narrow = SelectColumns(table, key_columns);
  Render(narrow, format, std::cout, TerminalWidth());
  if (narrow.columns.size() < table.columns.size()) {
    std::cout << fmt::format(
        "({} of {} columns: --wide shows them all; --format csv or json keeps every column)\n",
        narrow.columns.size(), table.columns.size());
  }
}

absl::Status SayWhyEmpty(store::Database& db, std::string_view command,
                         query::AnswerSource source) {
  ASSIGN_OR_RETURN(const query::SummaryAnswer summary, query::AnswerSummary(db));
  std::cout.flush();  // after the (empty) table on a terminal
  std::cerr << FitToTerminal(query::WhyEmpty(command, source, summary), STDERR_FILENO) << '\n';
  return absl::OkStatus();
}

void AddOutputOptions(CLI::App& command, AppContext& context) {
  command
      .add_option("--format", context.format_text,
                  "table (default on a terminal), csv (default in a pipe) or json")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  command.add_flag("--wide", context.wide,
                   "every column in the table, however wide (CSV and JSON always have them all)");
}

absl::StatusOr<query::Params> SettingsParams(const std::vector<std::string>& settings) {
  query::Params params;
  for (const std::string& setting : settings) {
    const size_t equals = setting.find('=');
    if (equals == std::string::npos) {
      return absl::InvalidArgumentError(
          fmt::format("--set takes key=value (a key of config/plan.conf), got '{}'", setting));
    }
    params.Set(setting.substr(0, equals), setting.substr(equals + 1));
  }
  return params;
}

}  // namespace downballot::cli
