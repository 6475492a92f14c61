#include "ingest/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <utility>

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::ingest {
namespace {

// libarchive reads the underlying file in blocks of this size; 64 KiB matches its own default
// for archive_read_open_filename callers and keeps syscalls few.
constexpr size_t kArchiveBlockBytes = 64 * 1024;
constexpr std::array<char, 4> kZipLocalHeaderMagic = {'P', 'K', '\x03', '\x04'};
constexpr std::array<char, 4> kZipEmptyArchiveMagic = {'P', 'K', '\x05', '\x06'};

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

struct ArchiveFreer {
  void operator()(archive* handle) const { archive_read_free(handle); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFreer>;

std::string ArchiveError(archive* handle) {
  const char* message = archive_error_string(handle);
  return message == nullptr ? std::string("unknown libarchive error") : std::string(message);
}

std::string_view LastComponent(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

class PlainFileSource final : public ByteSource {
 public:
  PlainFileSource(std::string path, FilePtr file)
      : path_(std::move(path)), file_(std::move(file)) {}

  absl::StatusOr<size_t> Read(char* buffer, size_t size) override {
    if (size == 0) return size_t{0};
    const size_t num_read = std::fread(buffer, 1, size, file_.get());
    if (num_read < size && std::ferror(file_.get()) != 0) {
      return absl::InternalError(fmt::format("{}: read error: {}", path_, std::strerror(errno)));
    }
    bytes_consumed_ += static_cast<int64_t>(num_read);
    return num_read;
  }
  int64_t bytes_consumed() const override { return bytes_consumed_; }
  const std::string& path() const override { return path_; }
  const std::string& member_name() const override { return member_name_; }

 private:
  std::string path_;
  std::string member_name_;
  FilePtr file_;
  int64_t bytes_consumed_ = 0;
};

class ZipMemberSource final : public ByteSource {
 public:
  ZipMemberSource(std::string path, std::string member_name, ArchivePtr handle)
      : path_(std::move(path)), member_name_(std::move(member_name)), archive_(std::move(handle)) {}

  absl::StatusOr<size_t> Read(char* buffer, size_t size) override {
    if (size == 0 || is_done_) return size_t{0};
    const la_ssize_t num_read = archive_read_data(archive_.get(), buffer, size);
    if (num_read < 0) {
      is_done_ = true;
      return absl::DataLossError(fmt::format("{}: zip member '{}' is corrupt or truncated: {}",
                                             path_, member_name_, ArchiveError(archive_.get())));
    }
    if (num_read == 0) is_done_ = true;
    return static_cast<size_t>(num_read);
  }
  int64_t bytes_consumed() const override { return archive_filter_bytes(archive_.get(), -1); }
  const std::string& path() const override { return path_; }
  const std::string& member_name() const override { return member_name_; }

 private:
  std::string path_;
  std::string member_name_;
  ArchivePtr archive_;
  bool is_done_ = false;
};

absl::StatusOr<std::unique_ptr<ByteSource>> OpenZipMember(const std::string& path,
                                                          const ByteSourceOptions& options) {
  ArchivePtr handle(archive_read_new());
  if (handle == nullptr) return absl::InternalError(fmt::format("{}: out of memory", path));
  // Only zip: the magic said so, and other formats' bidders would only add ways to misread it.
  archive_read_support_format_zip(handle.get());
  if (archive_read_open_filename(handle.get(), path.c_str(), kArchiveBlockBytes) != ARCHIVE_OK) {
    return absl::InvalidArgumentError(
        fmt::format("{}: cannot read zip archive: {}", path, ArchiveError(handle.get())));
  }
  int64_t num_files = 0;
  for (;;) {
    archive_entry* entry = nullptr;
    const int rc = archive_read_next_header(handle.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) {
      return absl::InvalidArgumentError(fmt::format("{}: zip archive is corrupt or truncated: {}",
                                                    path, ArchiveError(handle.get())));
    }
    const char* entry_path = archive_entry_pathname(entry);
    const std::string name = entry_path == nullptr ? std::string() : std::string(entry_path);
    if (!S_ISREG(archive_entry_filetype(entry))) continue;
    ++num_files;
    if (options.member.empty() || name == options.member || LastComponent(name) == options.member) {
      return std::unique_ptr<ByteSource>(
          std::make_unique<ZipMemberSource>(path, name, std::move(handle)));
    }
  }
  if (!options.member.empty()) {
    return absl::NotFoundError(
        fmt::format("{}: zip archive has no member '{}'", path, options.member));
  }
  return absl::InvalidArgumentError(
      fmt::format("{}: zip archive holds no file ({} regular members)", path, num_files));
}

}  // namespace

absl::StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path,
                                                           const ByteSourceOptions& options) {
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (file == nullptr) {
    const int error = errno;
    const std::string message = fmt::format("{}: cannot open: {}", path, std::strerror(error));
    if (error == ENOENT) return absl::NotFoundError(message);
    return absl::InternalError(message);
  }
  std::array<char, 4> magic{};
  const size_t num_magic = std::fread(magic.data(), 1, magic.size(), file.get());
  if (num_magic == magic.size() &&
      (magic == kZipLocalHeaderMagic || magic == kZipEmptyArchiveMagic)) {
    file.reset();
    return OpenZipMember(path, options);
  }
  if (std::fseek(file.get(), 0, SEEK_SET) != 0) {
    return absl::InternalError(fmt::format("{}: cannot rewind: {}", path, std::strerror(errno)));
  }
  return std::unique_ptr<ByteSource>(std::make_unique<PlainFileSource>(path, std::move(file)));
}

absl::StatusOr<std::string> ReadAllBytes(ByteSource& source) {
  constexpr size_t kChunkBytes = 64 * 1024;
  std::string bytes;
  std::string chunk(kChunkBytes, '\0');
  for (;;) {
    ASSIGN_OR_RETURN(const size_t num_read, source.Read(chunk.data(), chunk.size()));
    if (num_read == 0) break;
    bytes.append(chunk.data(), num_read);
  }
  return bytes;
}

}  // namespace downballot::ingest
