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

// ContentHash of a file's bytes, read in chunks so multi-gigabyte FEC files need no more than a
// megabyte of memory. Errors as ReadFile.
[[nodiscard]] absl::StatusOr<std::string> ContentHashOfFile(const std::string& path);

}  // namespace downballot::base
