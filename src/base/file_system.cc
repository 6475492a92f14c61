#include "base/file_system.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "fmt/format.h"
#include "xxhash.h"

namespace downballot::base {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    if (error == ENOENT) return absl::NotFoundError(fmt::format("{}: no such file", path));
    return absl::InternalError(fmt::format("{}: {}", path, std::strerror(error)));
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return absl::InternalError(fmt::format("{}: read failed", path));
  return bytes;
}

std::string ContentHash(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

}  // namespace downballot::base
