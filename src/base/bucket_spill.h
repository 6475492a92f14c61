// Pieces of hash buckets written to one temporary file: what a bucketed aggregation that is
// over its memory budget takes out of memory, to read back one bucket at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "base/spill_file.h"

namespace downballot::base {

// Example: a worker's buckets, spilled whenever they outgrow their share, then summed.
//   BucketSpill spill(1024, "/data");
//   RETURN_IF_ERROR(spill.Append(bucket, bytes));     // any number of times, any bucket
//   std::string back(spill.bucket_bytes(bucket), '\0');
//   RETURN_IF_ERROR(spill.ReadBucket(bucket, back.data()));  // the pieces, in order
// Not thread-safe for Append; ReadBucket may run on several threads at once.
class BucketSpill {
 public:
  // The file (a base::SpillFile in `folder`) is made on the first Append.
  BucketSpill(size_t num_buckets, std::string folder);

  // Writes `bytes` at the end of bucket `bucket`'s pieces. Errors: those of SpillFile.
  [[nodiscard]] absl::Status Append(size_t bucket, std::string_view bytes);

  // Bytes appended to `bucket` so far.
  [[nodiscard]] size_t bucket_bytes(size_t bucket) const { return bucket_bytes_[bucket]; }

  // Copies bucket `bucket`'s pieces, in the order appended, to `out` (bucket_bytes(bucket)
  // bytes). Errors: those of SpillFile::ReadAt.
  [[nodiscard]] absl::Status ReadBucket(size_t bucket, char* out) const;

  // Forgets bucket `bucket`'s pieces (the file keeps its bytes until the spill is destroyed).
  void ForgetBucket(size_t bucket);

  // Bytes written to the file in all.
  [[nodiscard]] int64_t bytes_written() const { return file_ ? file_->size() : 0; }

 private:
  struct Piece {
    int64_t offset = 0;
    size_t bytes = 0;
  };
  std::string folder_;
  std::optional<SpillFile> file_;
  std::vector<std::vector<Piece>> pieces_;
  std::vector<size_t> bucket_bytes_;
};

}  // namespace downballot::base
