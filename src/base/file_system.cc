#include "base/file_system.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

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

namespace {

std::string HexDigest(const XXH128_hash_t& hash) {
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

}  // namespace

std::string ContentHash(std::string_view bytes) {
  return HexDigest(XXH3_128bits(bytes.data(), bytes.size()));
}

absl::StatusOr<std::string> ContentHashOfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    if (error == ENOENT) return absl::NotFoundError(fmt::format("{}: no such file", path));
    return absl::InternalError(fmt::format("{}: {}", path, std::strerror(error)));
  }
  // Owned by a unique_ptr so an early return cannot leak the state.
  const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                          &XXH3_freeState);
  if (state == nullptr || XXH3_128bits_reset(state.get()) == XXH_ERROR) {
    return absl::InternalError("xxhash: cannot create a hash state");
  }
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto num_read = static_cast<size_t>(in.gcount());
    if (num_read > 0) XXH3_128bits_update(state.get(), buffer.data(), num_read);
  }
  if (in.bad()) return absl::InternalError(fmt::format("{}: read failed", path));
  return HexDigest(XXH3_128bits_digest(state.get()));
}

}  // namespace downballot::base
