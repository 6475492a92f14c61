// An unnamed temporary file for data that does not fit in the memory budget (money's spills).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"

namespace downballot::base {

// Bytes appended to a file that has no name: it is created in `folder` and unlinked at once
// (O_TMPFILE where the file system has it), so however the process ends, killed included,
// nothing is left behind to clean up. Move-only; closing frees the disk space.
//
// Example:
//   ASSIGN_OR_RETURN(SpillFile spill, SpillFile::Create("/var/lib/downballot"));
//   ASSIGN_OR_RETURN(const int64_t offset, spill.Append(bytes));
//   RETURN_IF_ERROR(spill.ReadAt(offset, buffer.data(), bytes.size()));
// Not thread-safe for Append; ReadAt may run on several threads at once (pread).
class SpillFile {
 public:
  // Internal, naming `folder` and the system's reason, when no file can be made there.
  [[nodiscard]] static absl::StatusOr<SpillFile> Create(const std::string& folder);

  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();

  // Writes `bytes` at the end and returns where they start. Internal naming the folder on a
  // write error (a full disk says so).
  [[nodiscard]] absl::StatusOr<int64_t> Append(std::string_view bytes);

  // Reads `size` bytes at `offset` into `out`; Internal on a read error or a short read.
  [[nodiscard]] absl::Status ReadAt(int64_t offset, char* out, size_t size) const;

  // Bytes appended so far.
  [[nodiscard]] int64_t size() const { return size_; }

 private:
  SpillFile(int fd, std::string folder) : fd_(fd), folder_(std::move(folder)) {}

  int fd_ = -1;
  std::string folder_;
  int64_t size_ = 0;
};

}  // namespace downballot::base
