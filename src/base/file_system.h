// Whole-file reads and content hashes: the only place base touches the disk.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace downballot::base {

// Reads the whole file. NotFound when missing; Internal on any other I/O failure; the message
// names the path.
[[nodiscard]] absl::StatusOr<std::string> ReadFile(const std::string& path);

// Hex digest (XXH3-128) of `bytes`: the identity a store records so one file loads once.
[[nodiscard]] std::string ContentHash(std::string_view bytes);

}  // namespace downballot::base
