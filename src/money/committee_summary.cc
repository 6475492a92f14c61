#include "money/committee_summary.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

// Inlined: donor keys average ~22 bytes, where the call through the PLT cost as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "base/bucket_spill.h"
#include "base/check.h"
#include "base/parallel.h"
#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::money {
namespace {

constexpr size_t kCmteIdField = 0;
constexpr size_t kNameField = 7;
constexpr size_t kZipField = 10;
constexpr size_t kAmountField = 14;
constexpr size_t kLastField = kItcontFieldCount - 1;
constexpr size_t kZipPrefixBytes = 5;
// The scanner classifies 64 bytes per step into one bitmask; buffers carry this much zeroed
// slack past their end so the last step may load whole blocks.
constexpr size_t kScanStepBytes = 64;
// Rejected amounts are quoted in the report up to this many bytes.
constexpr size_t kMaxQuotedAmountBytes = 40;
// Boundary search reads this much at a time looking for the next newline.
constexpr size_t kBoundaryProbeBytes = 64 * 1024;
// Donor hashes are appended to one of 2^kDonorBucketBits buckets by their top bits while the
// file is scanned, then each bucket is deduplicated on its own (see DonorBuckets).
constexpr int kDonorBucketBits = 10;
constexpr size_t kNumDonorBuckets = size_t{1} << kDonorBucketBits;
// The donor buckets' share of --memory; the rest is read buffers and the process (a 70M-row
// file peaked at 757 MiB of 1 GiB, bench/RESULTS.md).
constexpr int64_t kDonorBucketsPercent = 80;
// Donor keys up to this long are hashed from a stack buffer; longer ones from the heap.
constexpr size_t kStackKeyBytes = 256;

// Where the bytes come from: a file read with pread, or a caller's buffer. One virtual call
// per block (a megabyte by default) costs nothing next to the scan.
class Source {
 public:
  virtual ~Source() = default;
  [[nodiscard]] virtual int64_t size() const = 0;
  // Copies up to `len` bytes at `offset` into `out`; returns how many (0 only at the end).
  [[nodiscard]] virtual absl::StatusOr<size_t> ReadAt(int64_t offset, char* out,
                                                      size_t len) const = 0;
};

class MemorySource final : public Source {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  [[nodiscard]] int64_t size() const override { return static_cast<int64_t>(bytes_.size()); }
  [[nodiscard]] absl::StatusOr<size_t> ReadAt(int64_t offset, char* out,
                                              size_t len) const override {
    const size_t begin = std::min(static_cast<size_t>(offset), bytes_.size());
    const size_t count = std::min(len, bytes_.size() - begin);
    std::memcpy(out, bytes_.data() + begin, count);
    return count;
  }

 private:
  std::string_view bytes_;
};

// pread rather than mmap: a mapping of a 2 GB file counts whole in peak RSS once touched,
// while a 1 MiB block per thread stays in L2 between the copy and the scan.
class FileSource final : public Source {
 public:
  static absl::StatusOr<std::unique_ptr<FileSource>> Open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      const int error = errno;
      const std::string message = fmt::format("{}: cannot open: {}", path, std::strerror(error));
      return error == ENOENT ? absl::NotFoundError(message) : absl::InternalError(message);
    }
    auto source = std::unique_ptr<FileSource>(new FileSource(path, fd));
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
      return absl::InternalError(fmt::format("{}: cannot stat: {}", path, std::strerror(errno)));
    }
    if (S_ISDIR(info.st_mode)) {
      return absl::InternalError(fmt::format("{}: is a directory", path));
    }
    source->size_ = static_cast<int64_t>(info.st_size);
    return source;
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  ~FileSource() override { ::close(fd_); }

  [[nodiscard]] int64_t size() const override { return size_; }
  [[nodiscard]] absl::StatusOr<size_t> ReadAt(int64_t offset, char* out,
                                              size_t len) const override {
    while (true) {
      const ssize_t got = ::pread(fd_, out, len, static_cast<off_t>(offset));
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) {
        return absl::InternalError(
            fmt::format("{}: read failed at byte {}: {}", path_, offset, std::strerror(errno)));
      }
    }
  }

 private:
  FileSource(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
  int64_t size_ = 0;
};

// Bit k set when block[k] is '|' or '\n'. Reads 64 bytes.
inline uint64_t StructuralMask(const char* block) {
#if defined(__SSE2__)
  const __m128i pipe = _mm_set1_epi8('|');
  const __m128i newline = _mm_set1_epi8('\n');
  uint64_t mask = 0;
  for (int lane = 0; lane < 4; ++lane) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * lane));
    const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, pipe), _mm_cmpeq_epi8(bytes, newline));
    mask |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(hits))) << (16 * lane);
  }
  return mask;
#else
  uint64_t mask = 0;
  for (size_t idx = 0; idx < kScanStepBytes; ++idx) {
    if (block[idx] == '|' || block[idx] == '\n') mask |= uint64_t{1} << idx;
  }
  return mask;
#endif
}

// Integer dollars ("250", "-8530") are 99.9% of TRANSACTION_AMT values in the real sample;
// everything else goes to base::ParseCents, so the accepted language is exactly its. Returns
// through `cents` rather than std::optional: perf showed the optional's two-part store stalling
// the 16-byte reload right after it (store-forwarding failure) on 20% of the scan's cycles.
inline bool ParseAmount(std::string_view text, base::Cents& cents) {
  constexpr size_t kMaxFastDigits = 15;  // 10^15 dollars * 100 still fits in int64
  size_t idx = !text.empty() && text.front() == '-' ? 1 : 0;
  if (text.size() > idx && text.size() - idx <= kMaxFastDigits) {
    base::Cents dollars = 0;
    for (; idx < text.size(); ++idx) {
      const auto digit = static_cast<unsigned char>(text[idx] - '0');
      if (digit > 9) break;
      dollars = dollars * 10 + digit;
    }
    if (idx == text.size()) {
      cents = text.front() == '-' ? -dollars * 100 : dollars * 100;
      return true;
    }
  }
  const std::optional<base::Cents> parsed = base::ParseCents(text);
  if (!parsed) return false;
  cents = *parsed;
  return true;
}

// A donor key is NAME '|' ZIP5: NAME never holds '|' (it is the delimiter), so the pair maps
// one-to-one onto the key. Distinct keys are counted through 64-bit XXH3 hashes: with n keys in
// one committee the chance that any two collide (and the count comes out one low) is about
// n^2 / 2^65, e.g. 3e-8 for a million donors and 3e-6 for ten million, far below any count
// error that matters here, at 8 bytes a donor instead of a ~40-byte string.
inline uint64_t DonorHash(std::string_view name, std::string_view zip5) {
  const size_t key_bytes = name.size() + 1 + zip5.size();
  if (key_bytes <= kStackKeyBytes) {
    std::array<char, kStackKeyBytes> key;
    std::memcpy(key.data(), name.data(), name.size());
    key[name.size()] = '|';
    std::memcpy(key.data() + name.size() + 1, zip5.data(), zip5.size());
    return XXH3_64bits(key.data(), key_bytes);
  }
  std::string key;
  key.reserve(key_bytes);
  key.append(name).append(1, '|').append(zip5);
  return XXH3_64bits(key.data(), key.size());
}

struct Accumulator {
  int64_t rows = 0;
  base::Cents sum = 0;
  int64_t small_rows = 0;
  base::Cents small_sum = 0;
};

// One row's donor: the committee's slot in its Totaller and the donor key's hash.
struct DonorEntry {
  uint64_t hash = 0;
  uint32_t slot = 0;
};

// Counting distinct donors with one hash set per committee sent nearly every row to DRAM: 6.7M
// (committee, donor) pairs at 10M rows outgrow the caches, and the probes' loads took about half
// of the scan even when prefetched (bench/README.md). Instead the scan only appends each pair
// to a bucket chosen by the hash's top bits, which streams to memory, and the pairs are
// deduplicated afterwards bucket by bucket: a bucket is small enough for its table to stay in
// cache, and pairs that are equal land in the same bucket whichever thread read them, so the
// buckets are shared out across threads with nothing to merge.
// When a thread's buckets outgrow its share of the memory budget, they are written to its
// temporary file (base::BucketSpill) and emptied; counting reads each bucket's pieces back.
using DonorBuckets = std::array<std::vector<DonorEntry>, kNumDonorBuckets>;

// What one chunk adds to the report; line numbers are chunk-local until the merge.
struct ChunkReport {
  absl::Status status;
  int64_t lines = 0;
  int64_t rows_read = 0;
  int64_t rows_rejected = 0;
  std::vector<model::RowError> first_rejects;
};

// One thread's totals, kept across all chunks that thread scans, merged at the end.
class Totaller {
 public:
  // Scans [begin, end) of `source`, which start and end on line boundaries (`end` may be the
  // end of the source without a final newline).
  // Spill settings: the buckets may hold `max_held_bytes`, beyond which they go to a temporary
  // file in `temp_folder`.
  void SetMemory(size_t max_held_bytes, const std::string& temp_folder) {
    max_held_bytes_ = max_held_bytes;
    spilled_.emplace(kNumDonorBuckets, temp_folder);
  }

  ChunkReport ScanChunk(const Source& source, const std::string& name, int64_t begin, int64_t end,
                        size_t block_bytes) {
    ChunkReport report;
    report_ = &report;
    name_ = &name;
    size_t capacity = std::max<size_t>(block_bytes, 1);
    // +1: room for the newline appended to an unterminated last line.
    auto buffer = std::make_unique<char[]>(capacity + 1 + kScanStepBytes);
    size_t carry = 0;
    int64_t offset = begin;
    while (true) {
      if (carry == capacity) {  // one line fills the buffer: grow it
        const size_t grown = capacity * 2;
        auto bigger = std::make_unique<char[]>(grown + 1 + kScanStepBytes);
        std::memcpy(bigger.get(), buffer.get(), carry);
        buffer = std::move(bigger);
        capacity = grown;
      }
      const size_t want = std::min(capacity - carry, static_cast<size_t>(end - offset));
      size_t got = 0;
      if (want > 0) {
        absl::StatusOr<size_t> read = source.ReadAt(offset, buffer.get() + carry, want);
        if (!read.ok()) {
          report.status = read.status();
          return report;
        }
        got = *read;
        if (got == 0) end = offset;  // the file shrank under us: stop at what exists
      }
      offset += static_cast<int64_t>(got);
      size_t filled = carry + got;
      const bool is_last = offset >= end;
      size_t scan_end = 0;
      if (is_last) {
        if (filled > 0 && buffer[filled - 1] != '\n') buffer[filled++] = '\n';
        scan_end = filled;
      } else {
        const void* last_newline = ::memrchr(buffer.get() + carry, '\n', got);
        if (last_newline == nullptr) {
          carry = filled;
          continue;
        }
        scan_end = static_cast<size_t>(static_cast<const char*>(last_newline) - buffer.get()) + 1;
      }
      ScanLines(buffer.get(), scan_end);
      if (!spill_status_.ok()) {
        report.status = spill_status_;
        return report;
      }
      if (is_last) break;
      carry = filled - scan_end;
      std::memmove(buffer.get(), buffer.get() + scan_end, carry);
    }
    report_ = nullptr;
    return report;
  }

  [[nodiscard]] const absl::flat_hash_map<std::string, uint32_t>& index() const { return index_; }
  [[nodiscard]] const std::vector<Accumulator>& accumulators() const { return accumulators_; }
  [[nodiscard]] const DonorBuckets& donor_buckets() const { return buckets_; }
  [[nodiscard]] size_t num_spilled(size_t bucket) const {
    return spilled_ ? spilled_->bucket_bytes(bucket) / sizeof(DonorEntry) : 0;
  }
  // The bucket's spilled entries, read back into `out` (replacing what it held).
  [[nodiscard]] absl::Status ReadSpilled(size_t bucket, std::vector<DonorEntry>& out) const {
    out.resize(num_spilled(bucket));
    if (out.empty()) return absl::OkStatus();
    return spilled_->ReadBucket(bucket, reinterpret_cast<char*>(out.data()));
  }
  [[nodiscard]] int64_t bytes_spilled() const { return spilled_ ? spilled_->bytes_written() : 0; }

 private:
  // `data[0, len)` is whole lines, the last ending in '\n'; kScanStepBytes past `len` are
  // readable (their bits are masked off).
  void ScanLines(const char* data, size_t len) {
    // Delimiter positions of the current line; a line with more than this many is rejected
    // for its field count all the same, which only needs the count.
    std::array<size_t, kItcontFieldCount> delimiters;
    size_t num_delimiters = 0;
    size_t line_start = 0;
    for (size_t step = 0; step < len; step += kScanStepBytes) {
      uint64_t mask = StructuralMask(data + step);
      if (len - step < kScanStepBytes) mask &= (uint64_t{1} << (len - step)) - 1;
      while (mask != 0) {
        const size_t pos = step + static_cast<size_t>(std::countr_zero(mask));
        mask &= mask - 1;
        if (data[pos] == '|') {
          if (num_delimiters < delimiters.size()) delimiters[num_delimiters] = pos;
          ++num_delimiters;
          continue;
        }
        EndLine(data, line_start, pos, delimiters, num_delimiters);
        line_start = pos + 1;
        num_delimiters = 0;
      }
    }
  }

  void EndLine(const char* data, size_t line_start, size_t newline,
               const std::array<size_t, kItcontFieldCount>& delimiters, size_t num_delimiters) {
    ChunkReport& report = *report_;
    ++report.lines;
    size_t line_end = newline;
    if (line_end > line_start && data[line_end - 1] == '\r') --line_end;
    if (line_end == line_start) return;  // an empty line is not a row
    ++report.rows_read;
    if (num_delimiters + 1 != static_cast<size_t>(kItcontFieldCount)) {
      Reject(report, "",
             fmt::format("expected {} fields, got {}", kItcontFieldCount, num_delimiters + 1));
      return;
    }
    const auto field = [&](size_t idx) {
      const size_t begin = idx == 0 ? line_start : delimiters[idx - 1] + 1;
      const size_t end = idx == kLastField ? line_end : delimiters[idx];
      return std::string_view(data + begin, end - begin);
    };
    const std::string_view amount_text = field(kAmountField);
    base::Cents amount = 0;
    if (!ParseAmount(amount_text, amount)) {
      const std::string_view quoted = amount_text.substr(0, kMaxQuotedAmountBytes);
      Reject(report, "TRANSACTION_AMT",
             fmt::format("TRANSACTION_AMT '{}' is not an amount", std::string(quoted)));
      return;
    }
    const uint32_t slot = Lookup(field(kCmteIdField));
    Accumulator& acc = accumulators_[slot];
    ++acc.rows;
    acc.sum += amount;
    if (amount > 0 && amount < kSmallDollarLimitCents) {
      ++acc.small_rows;
      acc.small_sum += amount;
    }
    const std::string_view name = field(kNameField);
    const std::string_view zip = field(kZipField);
    if (!name.empty() && !zip.empty()) {
      AddDonor(slot, DonorHash(name, zip.substr(0, kZipPrefixBytes)));
    }
  }

  void AddDonor(uint32_t slot, uint64_t hash) {
    std::vector<DonorEntry>& bucket = buckets_[hash >> (64 - kDonorBucketBits)];
    const size_t capacity = bucket.capacity();
    bucket.push_back(DonorEntry{hash, slot});
    if (bucket.capacity() == capacity) return;
    held_bytes_ += (bucket.capacity() - capacity) * sizeof(DonorEntry);
    if (held_bytes_ > max_held_bytes_ && spill_status_.ok()) spill_status_ = SpillDonors();
  }

  // Writes every bucket to the temporary file and empties it.
  absl::Status SpillDonors() {
    for (size_t bucket = 0; bucket < kNumDonorBuckets; ++bucket) {
      std::vector<DonorEntry>& entries = buckets_[bucket];
      if (entries.empty()) continue;
      RETURN_IF_ERROR(
          spilled_->Append(bucket, std::string_view(reinterpret_cast<const char*>(entries.data()),
                                                    entries.size() * sizeof(DonorEntry))));
      std::vector<DonorEntry>().swap(entries);
    }
    held_bytes_ = 0;
    return absl::OkStatus();
  }

  void Reject(ChunkReport& report, std::string field, std::string reason) {
    ++report.rows_rejected;
    if (report.first_rejects.size() < kMaxReportedRejects) {
      report.first_rejects.push_back(
          model::RowError{*name_, report.lines, std::move(field), std::move(reason)});
    }
  }

  // Rows arrive grouped by filing (97.6% of rows in the real sample have the previous row's
  // CMTE_ID), so the last committee is remembered and the map is consulted on a change only.
  uint32_t Lookup(std::string_view cmte_id) {
    if (has_last_ && cmte_id == last_cmte_id_) return last_slot_;
    auto [it, is_new] =
        index_.try_emplace(std::string(cmte_id), static_cast<uint32_t>(accumulators_.size()));
    if (is_new) accumulators_.emplace_back();
    last_cmte_id_.assign(cmte_id);
    last_slot_ = it->second;
    has_last_ = true;
    return last_slot_;
  }

  absl::flat_hash_map<std::string, uint32_t> index_;
  std::vector<Accumulator> accumulators_;
  std::string last_cmte_id_;
  uint32_t last_slot_ = 0;
  bool has_last_ = false;
  DonorBuckets buckets_;
  std::optional<base::BucketSpill> spilled_;  // set by SetMemory
  size_t held_bytes_ = 0;
  size_t max_held_bytes_ = std::numeric_limits<size_t>::max();
  absl::Status spill_status_;
  ChunkReport* report_ = nullptr;
  const std::string* name_ = nullptr;
};

// Offsets that cut [0, size) into `num_chunks` pieces, each starting at a line start.
absl::StatusOr<std::vector<int64_t>> ChunkBoundaries(const Source& source, int num_chunks) {
  const int64_t size = source.size();
  std::vector<int64_t> bounds = {0};
  std::string probe(kBoundaryProbeBytes, '\0');
  for (int chunk = 1; chunk < num_chunks; ++chunk) {
    // Start looking one byte early: if the target is a line start, the '\n' before it counts.
    int64_t offset = std::max(bounds.back(), size * chunk / num_chunks - 1);
    int64_t bound = size;
    while (offset < size) {
      absl::StatusOr<size_t> got = source.ReadAt(offset, probe.data(), probe.size());
      if (!got.ok()) return got.status();
      if (*got == 0) break;
      const void* newline = std::memchr(probe.data(), '\n', *got);
      if (newline != nullptr) {
        bound = offset + (static_cast<const char*>(newline) - probe.data()) + 1;
        break;
      }
      offset += static_cast<int64_t>(*got);
    }
    if (bound > bounds.back() && bound < size) bounds.push_back(bound);
  }
  bounds.push_back(size);
  return bounds;
}

// Distinct (committee, donor hash) pairs of one bucket: open addressing with linear probing,
// sized to twice the bucket's pairs and reused from bucket to bucket.
class PairTable {
 public:
  void Reset(size_t num_pairs) {
    size_t capacity = 16;
    while (capacity < 2 * num_pairs) capacity *= 2;
    mask_ = capacity - 1;
    cells_.assign(capacity, Cell{});
  }

  // True when the pair was not in the table yet.
  bool Insert(uint64_t hash, uint32_t slot) {
    // Every hash in a bucket shares its top bits, so the index comes from the low ones, mixed
    // with the slot so one donor giving to many committees does not pile up in one run.
    size_t idx = (hash ^ (uint64_t{slot} * 0x9E3779B97F4A7C15ULL)) & mask_;
    while (true) {
      Cell& cell = cells_[idx];
      if (cell.slot_plus_one == 0) {
        cell = Cell{hash, slot + 1};
        return true;
      }
      if (cell.hash == hash && cell.slot_plus_one == slot + 1) return false;
      idx = (idx + 1) & mask_;
    }
  }

 private:
  struct Cell {
    uint64_t hash = 0;
    uint32_t slot_plus_one = 0;  // 0 marks an empty cell
  };
  std::vector<Cell> cells_;
  size_t mask_ = 0;
};

class Summarizer {
 public:
  explicit Summarizer(const SummaryOptions& options)
      : options_(options),
        num_threads_(std::max(options.num_threads, 1)),
        totallers_(static_cast<size_t>(num_threads_)) {
    const auto share = static_cast<size_t>(std::max<int64_t>(options.memory_budget_bytes, 1) / 100 *
                                           kDonorBucketsPercent / num_threads_);
    for (Totaller& totaller : totallers_) totaller.SetMemory(share, options.temp_folder);
  }

  absl::Status Add(const Source& source, const std::string& name) {
    const int64_t min_chunk = std::max<int64_t>(options_.min_chunk_bytes, 1);
    const int num_chunks =
        static_cast<int>(std::clamp<int64_t>(source.size() / min_chunk, 1, num_threads_));
    absl::StatusOr<std::vector<int64_t>> bounds = ChunkBoundaries(source, num_chunks);
    if (!bounds.ok()) return bounds.status();
    const size_t chunks = bounds->size() - 1;
    std::vector<ChunkReport> reports(chunks);
    const auto scan = [&](size_t chunk) {
      reports[chunk] = totallers_[chunk].ScanChunk(source, name, (*bounds)[chunk],
                                                   (*bounds)[chunk + 1], options_.block_bytes);
    };
    base::RunInParallel(chunks, scan);

    int64_t lines_before = 0;
    for (ChunkReport& chunk : reports) {
      if (!chunk.status.ok()) return chunk.status;
      report_.rows_read += chunk.rows_read;
      report_.rows_rejected += chunk.rows_rejected;
      report_.rows_aggregated += chunk.rows_read - chunk.rows_rejected;
      for (model::RowError& reject : chunk.first_rejects) {
        if (report_.first_rejects.size() >= kMaxReportedRejects) break;
        reject.line += lines_before;
        report_.first_rejects.push_back(std::move(reject));
      }
      lines_before += chunk.lines;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<CommitteeSummary> Finish() {
    // One slot per committee across all threads, in output (cmte_id) order.
    std::vector<std::string_view> cmte_ids;
    for (const Totaller& totaller : totallers_) {
      for (const auto& [cmte_id, slot] : totaller.index()) cmte_ids.push_back(cmte_id);
    }
    std::sort(cmte_ids.begin(), cmte_ids.end());
    cmte_ids.erase(std::unique(cmte_ids.begin(), cmte_ids.end()), cmte_ids.end());
    std::vector<CommitteeTotals> committees(cmte_ids.size());
    std::vector<std::vector<uint32_t>> global_slot(totallers_.size());
    for (size_t thread = 0; thread < totallers_.size(); ++thread) {
      const Totaller& totaller = totallers_[thread];
      global_slot[thread].resize(totaller.accumulators().size());
      for (const auto& [cmte_id, slot] : totaller.index()) {
        const auto global = static_cast<uint32_t>(
            std::lower_bound(cmte_ids.begin(), cmte_ids.end(), std::string_view(cmte_id)) -
            cmte_ids.begin());
        global_slot[thread][slot] = global;
        const Accumulator& acc = totaller.accumulators()[slot];
        CommitteeTotals& totals = committees[global];
        totals.cmte_id = cmte_id;
        totals.rows += acc.rows;
        totals.sum += acc.sum;
        totals.small_rows += acc.small_rows;
        totals.small_sum += acc.small_sum;
      }
    }
    RETURN_IF_ERROR(CountDonors(global_slot, committees));
    for (const Totaller& totaller : totallers_) report_.bytes_spilled += totaller.bytes_spilled();
    return CommitteeSummary{std::move(committees), std::move(report_)};
  }

 private:
  // Sets each committee's `donors`: buckets are dealt out to the threads round-robin, and
  // each thread counts into its own array, summed at the end.
  absl::Status CountDonors(const std::vector<std::vector<uint32_t>>& global_slot,
                           std::vector<CommitteeTotals>& committees) const {
    const size_t num_workers = static_cast<size_t>(num_threads_);
    std::vector<std::vector<int64_t>> counts(num_workers,
                                             std::vector<int64_t>(committees.size(), 0));
    std::vector<absl::Status> statuses(num_workers);
    const auto count = [&](size_t worker) {
      PairTable table;
      std::vector<DonorEntry> read_back;
      for (size_t bucket = worker; bucket < kNumDonorBuckets; bucket += num_workers) {
        size_t num_pairs = 0;
        for (const Totaller& totaller : totallers_) {
          num_pairs += totaller.donor_buckets()[bucket].size();
          num_pairs += totaller.num_spilled(bucket);
        }
        if (num_pairs == 0) continue;
        table.Reset(num_pairs);
        for (size_t thread = 0; thread < totallers_.size(); ++thread) {
          const auto insert = [&](const DonorEntry& entry) {
            const uint32_t slot = global_slot[thread][entry.slot];
            if (table.Insert(entry.hash, slot)) ++counts[worker][slot];
          };
          for (const DonorEntry& entry : totallers_[thread].donor_buckets()[bucket]) insert(entry);
          statuses[worker] = totallers_[thread].ReadSpilled(bucket, read_back);
          if (!statuses[worker].ok()) return;
          for (const DonorEntry& entry : read_back) insert(entry);
        }
      }
    };
    base::RunInParallel(num_workers, count);
    for (const absl::Status& status : statuses) RETURN_IF_ERROR(status);
    for (const std::vector<int64_t>& worker_counts : counts) {
      for (size_t slot = 0; slot < committees.size(); ++slot) {
        committees[slot].donors += worker_counts[slot];
      }
    }
    return absl::OkStatus();
  }

  SummaryOptions options_;
  int num_threads_;
  std::vector<Totaller> totallers_;
  SummaryReport report_;
};

}  // namespace

absl::StatusOr<CommitteeSummary> SummarizeCommittees(std::span<const std::string> paths,
                                                     const SummaryOptions& options) {
  Summarizer summarizer(options);
  for (const std::string& path : paths) {
    absl::StatusOr<std::unique_ptr<FileSource>> source = FileSource::Open(path);
    if (!source.ok()) return source.status();
    if (absl::Status status = summarizer.Add(**source, path); !status.ok()) return status;
  }
  return summarizer.Finish();
}

CommitteeSummary SummarizeCommitteesInBuffer(std::string_view bytes, const std::string& name,
                                             const SummaryOptions& options) {
  Summarizer summarizer(options);
  const MemorySource source(bytes);
  // A MemorySource cannot fail to read.
  const absl::Status status = summarizer.Add(source, name);
  DOWNBALLOT_CHECK(status.ok());
  absl::StatusOr<CommitteeSummary> summary = summarizer.Finish();
  // Only a temporary file can fail here (see the header).
  DOWNBALLOT_CHECK(summary.ok());
  return *std::move(summary);
}

std::string FormatCommitteeLine(const CommitteeTotals& totals) {
  return fmt::format("{}|{}|{}|{}|{}|{}", totals.cmte_id, totals.rows,
                     base::FormatDollars(totals.sum), totals.small_rows,
                     base::FormatDollars(totals.small_sum), totals.donors);
}

}  // namespace downballot::money
