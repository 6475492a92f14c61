#include "cli/memory_options.h"

#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::cli {
namespace {

constexpr int64_t kMinMemoryBudget = int64_t{1} << 16;

}  // namespace

void AddMemoryOptions(CLI::App& command, MemoryOptions& options,
                      const std::string& default_folder) {
  command
      .add_option("--memory", options.memory,
                  "memory for the totals being summed, such as 512M or 4G; what does not fit "
                  "goes to temporary files, with the same result")
      ->capture_default_str();
  command.add_option("--temp-dir", options.temp_dir,
                     fmt::format("folder for those temporary files (default: {}; they have no "
                                 "name and vanish when the run ends, even if it is killed)",
                                 default_folder));
}

absl::StatusOr<int64_t> MemoryBudgetBytes(const MemoryOptions& options) {
  const std::optional<int64_t> bytes = base::ParseByteSize(options.memory);
  if (!bytes || *bytes < kMinMemoryBudget) {
    return absl::InvalidArgumentError(fmt::format(
        "--memory takes a size of at least 64K, such as 512M or 2G; got '{}'", options.memory));
  }
  return *bytes;
}

}  // namespace downballot::cli
