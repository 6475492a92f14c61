// Streams the bytes of a data file, plain or the member of a zip, in chunks: FEC bulk files
// are shipped zipped and can be gigabytes, so they are never unzipped to disk nor held whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace downballot::ingest {

// A forward-only stream of bytes. Not thread-safe; use from one thread at a time.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Copies up to `size` next bytes into `buffer` and returns how many; 0 only at the end (or
  // when `size` is 0). DataLoss "PATH: ..." when a zip member is corrupt or cut short,
  // Internal "PATH: read error: ..." on an I/O failure; after an error the source is spent.
  [[nodiscard]] virtual absl::StatusOr<size_t> Read(char* buffer, size_t size) = 0;

  // Bytes of the file read so far: for a zip the compressed bytes inflated, so that set
  // against the file's size it says how far along a read is.
  [[nodiscard]] virtual int64_t bytes_consumed() const = 0;

  // The file path given to OpenByteSource.
  [[nodiscard]] virtual const std::string& path() const = 0;
  // The zip member being read ("itoth.txt"), or "" for a plain file.
  [[nodiscard]] virtual const std::string& member_name() const = 0;
};

struct ByteSourceOptions {
  // For a zip: the member to read, matched against its full path in the archive or its last
  // component. Empty (the default) reads the first regular-file member. Ignored for a plain file.
  std::string member;
};

// Opens `path` for streaming. A file starting with the zip local-header magic "PK\3\4" (or the
// empty-archive magic "PK\5\6") is read as a zip through libarchive, whatever its name; any other
// file is read as is. Errors name the path:
//   NotFound          the file does not exist, or the zip has no member `options.member`;
//   InvalidArgument   the zip's headers cannot be read (corrupt or truncated before the first
//                     member's data) or it holds no regular file;
//   Internal          any other failure to open.
// A zip cut short inside the member's data opens fine and fails later in Read with DataLoss.
// The returned source owns the file handle and closes it when destroyed.
[[nodiscard]] absl::StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(
    const std::string& path, const ByteSourceOptions& options = {});

// Reads what is left of `source` into one string: for tests and for the small FEC master files
// (cn, cm, ccl, weball), never for itcont. Errors are those of ByteSource::Read.
[[nodiscard]] absl::StatusOr<std::string> ReadAllBytes(ByteSource& source);

}  // namespace downballot::ingest
