// The git blob id of a file (SHA-1 of "blob SIZE\0" and the bytes), as GitHub's tree listings
// publish it: the checksum a fetched OpenElections file is verified against.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace downballot::fetch {

// The blob id of `path` in lowercase hex (40 digits), read in 1 MiB blocks. Internal naming the
// path when it cannot be read.
[[nodiscard]] absl::StatusOr<std::string> GitBlobSha1(const std::filesystem::path& path);

// The blob id of `bytes` (for tests and small texts).
[[nodiscard]] std::string GitBlobSha1OfBytes(std::string_view bytes);

}  // namespace downballot::fetch
