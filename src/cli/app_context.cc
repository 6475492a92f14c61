#include "cli/app_context.h"

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
