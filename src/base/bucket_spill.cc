#include "base/bucket_spill.h"

#include <utility>

#include "base/status_macros.h"

namespace downballot::base {

BucketSpill::BucketSpill(size_t num_buckets, std::string folder)
    : folder_(std::move(folder)), pieces_(num_buckets), bucket_bytes_(num_buckets, 0) {}

absl::Status BucketSpill::Append(size_t bucket, std::string_view bytes) {
  if (!file_) {
    ASSIGN_OR_RETURN(SpillFile file, SpillFile::Create(folder_));
    file_.emplace(std::move(file));
  }
  ASSIGN_OR_RETURN(const int64_t offset, file_->Append(bytes));
  std::vector<Piece>& pieces = pieces_[bucket];
  // Appends to one bucket in a row (a bucket's blocks) make one piece.
  if (!pieces.empty() &&
      pieces.back().offset + static_cast<int64_t>(pieces.back().bytes) == offset) {
    pieces.back().bytes += bytes.size();
  } else {
    pieces.push_back(Piece{offset, bytes.size()});
  }
  bucket_bytes_[bucket] += bytes.size();
  return absl::OkStatus();
}

absl::Status BucketSpill::ReadBucket(size_t bucket, char* out) const {
  for (const Piece& piece : pieces_[bucket]) {
    RETURN_IF_ERROR(file_->ReadAt(piece.offset, out, piece.bytes));
    out += piece.bytes;
  }
  return absl::OkStatus();
}

void BucketSpill::ForgetBucket(size_t bucket) {
  std::vector<Piece>().swap(pieces_[bucket]);
  bucket_bytes_[bucket] = 0;
}

}  // namespace downballot::base
