// --memory and --temp-dir, shared by the commands that read FEC files of any size.
#pragma once

#include <cstdint>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"

namespace downballot::cli {

struct MemoryOptions {
  std::string memory = "1G";
  std::string temp_dir;  // "" = the command's default folder
};

// Adds --memory and --temp-dir to `command`; `default_folder` says in the help where the
// temporary files go without --temp-dir.
void AddMemoryOptions(CLI::App& command, MemoryOptions& options, const std::string& default_folder);

// --memory in bytes. InvalidArgument naming the option for a size it cannot read or one below
// 64K (where the temporary files would be written a few rows at a time).
[[nodiscard]] absl::StatusOr<int64_t> MemoryBudgetBytes(const MemoryOptions& options);

}  // namespace downballot::cli
