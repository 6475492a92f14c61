#include "base/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "fmt/format.h"

namespace downballot::base {

absl::StatusOr<SpillFile> SpillFile::Create(const std::string& folder) {
  const std::string where = folder.empty() ? std::string(".") : folder;
#ifdef O_TMPFILE
  const int fd = ::open(where.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return SpillFile(fd, where);
    // Not every file system has unnamed files (EOPNOTSUPP, EISDIR on old kernels): fall back.
#endif
  std::string name = where + "/.downballot-spill-XXXXXX";
  std::vector<char> name_buffer(name.begin(), name.end());
  name_buffer.push_back('\0');
  const int named_fd = ::mkostemp(name_buffer.data(), O_CLOEXEC);
  if (named_fd < 0) {
    return absl::InternalError(
        fmt::format("cannot make a temporary file in {}: {}", where, std::strerror(errno)));
  }
  // Unlinked at once: the open descriptor keeps the data, and no name outlives the process.
  ::unlink(name_buffer.data());
  return SpillFile(named_fd, where);
}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), folder_(std::move(other.folder_)), size_(other.size_) {}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    folder_ = std::move(other.folder_);
    size_ = other.size_;
  }
  return *this;
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<int64_t> SpillFile::Append(std::string_view bytes) {
  const int64_t start = size_;
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t got = ::pwrite(fd_, bytes.data() + written, bytes.size() - written,
                                 static_cast<off_t>(size_ + static_cast<int64_t>(written)));
    if (got < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(fmt::format(
          "cannot write a temporary file in {}: {} (it holds what does not fit in --memory)",
          folder_, std::strerror(errno)));
    }
    written += static_cast<size_t>(got);
  }
  size_ += static_cast<int64_t>(bytes.size());
  return start;
}

absl::Status SpillFile::ReadAt(int64_t offset, char* out, size_t size) const {
  size_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(fd_, out + done, size - done,
                                static_cast<off_t>(offset + static_cast<int64_t>(done)));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      return absl::InternalError(
          fmt::format("cannot read back a temporary file in {}: {}", folder_,
                      got == 0 ? "it is shorter than written" : std::strerror(errno)));
    }
    done += static_cast<size_t>(got);
  }
  return absl::OkStatus();
}

}  // namespace downballot::base
