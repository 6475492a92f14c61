// What every command shares: the store path and the output format given on the command line.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/output.h"
#include "query/params.h"

namespace downballot::cli {

struct AppContext {
  std::string store_path = "downballot.db";
  std::string format_text;  // as given by --format; empty = DefaultOutputFormat()

  // The requested format; InvalidArgument for an unknown name.
  [[nodiscard]] absl::StatusOr<OutputFormat> format() const;
};

// `--set key=value` options as parameters; InvalidArgument for one without '='.
[[nodiscard]] absl::StatusOr<query::Params> SettingsParams(
    const std::vector<std::string>& settings);

}  // namespace downballot::cli
