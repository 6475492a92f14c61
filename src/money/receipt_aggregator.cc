#include "money/receipt_aggregator.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

// Inlined: donor keys average ~22 bytes, where a call through the PLT costs as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "absl/container/flat_hash_map.h"
#include "base/bucket_spill.h"
#include "base/check.h"
#include "base/parallel.h"
#include "base/spill_file.h"
#include "base/status_macros.h"
#include "base/varint.h"
#include "money/contribution_rules.h"
#include "money/donor_identity.h"

namespace downballot::money {
namespace {

constexpr int kBucketBits = 10;
constexpr size_t kNumBuckets = size_t{1} << kBucketBits;
constexpr uint32_t kEmptySlot = std::numeric_limits<uint32_t>::max();

// The fixed part of a row as Add() appends it; the row's text follows it.
struct RowHeader {
  uint64_t hash = 0;  // of (committee, kind, donor key): picks the bucket
  base::Cents gross_cents = 0;
  base::Cents counted_cents = 0;
  int64_t position = 0;    // the row's byte offset in the file: orders rows
  uint32_t committee = 0;  // the worker's committee index
  int32_t date_key = 0;
  uint32_t text_bytes = 0;
  model::ReceiptKind kind = model::ReceiptKind::kIndividual;
};
constexpr size_t kRowAlignment = alignof(RowHeader);

// Writes `field` at `out` as its length (a varint) and its bytes; returns the end. A row's
// text is its donor key, state, employer and occupation so written: a length byte for most
// fields, and no limit on a field's length.
char* WriteField(char* out, std::string_view field) {
  out = base::WriteVarint(out, field.size());
  std::memcpy(out, field.data(), field.size());
  return out + field.size();
}

void AppendField(std::string& text, std::string_view field) {
  base::AppendVarint(text, field.size());
  text.append(field);
}

// Reads the field at `cursor` (written by WriteField) and moves past it.
std::string_view ReadField(const char*& cursor) {
  size_t length = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(*cursor++);
    length |= static_cast<size_t>(byte & 0x7F) << shift;
    if (byte < 0x80) break;
  }
  const std::string_view field(cursor, length);
  cursor += length;
  return field;
}

// Calls visit(header, text) for each row in [begin, end), rows as Bucket writes them: a
// RowHeader and its text, padded to 8 bytes so that the next header is aligned.
template <typename Visit>
void VisitRows(const char* begin, const char* end, const Visit& visit) {
  while (begin < end) {
    const auto* header = reinterpret_cast<const RowHeader*>(begin);
    visit(*header, begin + sizeof(RowHeader));
    begin += (sizeof(RowHeader) + header->text_bytes + kRowAlignment - 1) & ~(kRowAlignment - 1);
  }
}

// One bucket's rows, appended to a chain of blocks that grow from 4 KiB (so a small file
// takes little) to 1 MiB. Unlike a vector, a chain never copies what it holds as it grows.
class Bucket {
 public:
  // Room for `bytes` more at the end, 8-byte aligned; then Commit() what was written.
  char* Reserve(size_t bytes) {
    // The tail is kept here, not looked up through blocks_: a row's append then touches one
    // cache line of bookkeeping instead of three.
    if (tail_capacity_ - tail_used_ < bytes) {
      const size_t capacity = std::max(next_block_bytes_, bytes);
      next_block_bytes_ = std::min(next_block_bytes_ * 2, kMaxBlockBytes);
      if (!blocks_.empty()) blocks_.back().used = tail_used_;
      blocks_.push_back(Block{std::make_unique_for_overwrite<char[]>(capacity), 0});
      tail_ = blocks_.back().data.get();
      tail_used_ = 0;
      tail_capacity_ = capacity;
      capacity_bytes_ += capacity;
    }
    return tail_ + tail_used_;
  }
  void Commit(size_t bytes) {
    tail_used_ += (bytes + kRowAlignment - 1) & ~(kRowAlignment - 1);
    ++num_rows_;
  }

  // Calls visit(data, size) for each block's rows, in the order they were added.
  template <typename Visit>
  void ForEachBlock(const Visit& visit) const {
    for (size_t idx = 0; idx < blocks_.size(); ++idx) {
      visit(blocks_[idx].data.get(), idx + 1 == blocks_.size() ? tail_used_ : blocks_[idx].used);
    }
  }

  [[nodiscard]] size_t num_rows() const { return num_rows_; }
  // Bytes allocated, used or not.
  [[nodiscard]] size_t capacity_bytes() const { return capacity_bytes_; }

 private:
  static constexpr size_t kFirstBlockBytes = 4096;
  static constexpr size_t kMaxBlockBytes = size_t{1} << 20;
  struct Block {
    std::unique_ptr<char[]> data;  // new[] aligns to at least 16 bytes
    size_t used;                   // set when the block stops being the tail
  };
  char* tail_ = nullptr;
  size_t tail_used_ = 0;
  size_t tail_capacity_ = 0;
  size_t num_rows_ = 0;
  size_t capacity_bytes_ = 0;
  size_t next_block_bytes_ = kFirstBlockBytes;
  std::vector<Block> blocks_;
};

// A signed 64-bit number, as eight bytes: written once and read once, so no packing pays.
void AppendNumber(std::string& out, int64_t value) {
  char bytes[sizeof(value)];
  std::memcpy(bytes, &value, sizeof(value));
  out.append(bytes, sizeof(value));
}

int64_t ReadNumber(const char*& cursor) {
  int64_t value = 0;
  std::memcpy(&value, cursor, sizeof(value));
  cursor += sizeof(value);
  return value;
}

// One (committee, donor key, kind) total while a bucket is summed; its text stays in the
// bucket's rows until the bucket's totals are written out.
struct Total {
  uint64_t hash = 0;
  std::string_view donor_key;
  const char* description = nullptr;  // the describing row's text
  base::Cents counted_cents = 0;
  base::Cents gross_cents = 0;
  int64_t rows = 0;
  int64_t first_position = 0;        // of its first row: orders the totals
  int64_t description_position = 0;  // of the describing row: breaks date ties
  int32_t date_key = 0;
  uint32_t committee = 0;  // index into the sorted committee list
  model::ReceiptKind kind = model::ReceiptKind::kIndividual;
};

// Sums one bucket's rows from every worker, in any order. Open addressing with linear
// probing, sized to twice the bucket's rows and reused from bucket to bucket.
class BucketSummer {
 public:
  void Reset(size_t num_rows) {
    size_t capacity = 16;
    while (capacity < 2 * num_rows) capacity *= 2;
    mask_ = capacity - 1;
    slots_.assign(capacity, kEmptySlot);
  }

  // Adds `row` with its `text` (whose committee is `committee` in the sorted list) to
  // `totals`.
  void Add(const RowHeader& row, const char* text, uint32_t committee, std::vector<Total>& totals) {
    const char* cursor = text;
    const std::string_view donor_key = ReadField(cursor);
    // Every hash in a bucket shares its top bits, so the slot comes from the low ones.
    size_t slot = row.hash & mask_;
    while (true) {
      const uint32_t index = slots_[slot];
      if (index == kEmptySlot) {
        slots_[slot] = static_cast<uint32_t>(totals.size());
        totals.push_back(Total{row.hash, donor_key, text, row.counted_cents, row.gross_cents, 1,
                               row.position, row.position, row.date_key, committee, row.kind});
        return;
      }
      Total& total = totals[index];
      if (total.hash == row.hash && total.committee == committee && total.kind == row.kind &&
          total.donor_key == donor_key) {
        total.counted_cents += row.counted_cents;
        total.gross_cents += row.gross_cents;
        ++total.rows;
        total.first_position = std::min(total.first_position, row.position);
        if (row.date_key > total.date_key ||
            (row.date_key == total.date_key && row.position > total.description_position)) {
          total.date_key = row.date_key;
          total.description_position = row.position;
          total.description = text;
        }
        return;
      }
      slot = (slot + 1) & mask_;
    }
  }

 private:
  std::vector<uint32_t> slots_;
  size_t mask_ = 0;
};

// A summed total as a record: kind, rows, counted and gross cents, then the donor key, state,
// employer and occupation (WriteField).
void AppendRecord(const Total& total, std::string& records) {
  records.push_back(static_cast<char>(total.kind));
  AppendNumber(records, total.rows);
  AppendNumber(records, total.counted_cents);
  AppendNumber(records, total.gross_cents);
  const char* cursor = total.description;
  ReadField(cursor);  // the describing row's donor key: the same as the total's
  AppendField(records, total.donor_key);
  for (int field = 0; field < 3; ++field) AppendField(records, ReadField(cursor));
}

// Adds the `num_totals` records at `cursor` to `packer`; returns the rows they sum.
int64_t PackRecords(const char* cursor, uint32_t num_totals, model::DonorReceiptsPacker& packer) {
  int64_t rows = 0;
  for (uint32_t idx = 0; idx < num_totals; ++idx) {
    const auto kind = static_cast<model::ReceiptKind>(*cursor++);
    const int64_t total_rows = ReadNumber(cursor);
    const base::Cents counted_cents = ReadNumber(cursor);
    const base::Cents gross_cents = ReadNumber(cursor);
    const std::string_view donor_key = ReadField(cursor);
    const std::string_view state = ReadField(cursor);
    const std::string_view employer = ReadField(cursor);
    const std::string_view occupation = ReadField(cursor);
    packer.Add(kind, total_rows, counted_cents, gross_cents, donor_key, state, employer,
               occupation);
    rows += total_rows;
  }
  return rows;
}

// The share of the budget each use may take (ReceiptAggregatorOptions).
constexpr int64_t kRowsPercent = 40;
constexpr int64_t kTotalsPercent = 20;
constexpr int64_t kBatchPercent = 10;

}  // namespace

struct ReceiptAggregator::Worker {
  explicit Worker(const std::string& temp_folder)
      : spilled(std::in_place, kNumBuckets, temp_folder) {}

  std::array<Bucket, kNumBuckets> buckets;
  // The rows taken out of memory, bucket by bucket; reset once summed, freeing the disk.
  std::optional<base::BucketSpill> spilled;
  std::array<size_t, kNumBuckets> spilled_rows{};
  size_t held_bytes = 0;  // the buckets' capacity
  int64_t bytes_spilled = 0;
  absl::flat_hash_map<std::string, uint32_t> committee_index;
  std::vector<std::string> committees;
  std::vector<uint64_t> committee_seeds;  // hash seed per committee, from its CMTE_ID
  // Rows arrive grouped by filing, so the last committee is remembered.
  std::string last_cmte_id;
  uint32_t last_committee = 0;
  bool has_last_committee = false;
  std::string donor_key;  // scratch
  int64_t rows_added = 0;

  uint32_t CommitteeIndex(std::string_view cmte_id) {
    // 97.6% of rows in the real sample have the previous row's CMTE_ID.
    if (has_last_committee && cmte_id == last_cmte_id) return last_committee;
    auto [it, is_new] =
        committee_index.try_emplace(std::string(cmte_id), static_cast<uint32_t>(committees.size()));
    if (is_new) {
      committees.emplace_back(cmte_id);
      committee_seeds.push_back(XXH3_64bits(cmte_id.data(), cmte_id.size()));
    }
    last_cmte_id.assign(cmte_id);
    last_committee = it->second;
    has_last_committee = true;
    return last_committee;
  }

  // Writes every bucket's rows to the temporary file and empties the buckets.
  absl::Status Spill() {
    for (size_t bucket = 0; bucket < kNumBuckets; ++bucket) {
      if (buckets[bucket].num_rows() == 0) continue;
      absl::Status status;
      buckets[bucket].ForEachBlock([&](const char* data, size_t bytes) {
        if (status.ok()) status = spilled->Append(bucket, std::string_view(data, bytes));
      });
      RETURN_IF_ERROR(status);
      spilled_rows[bucket] += buckets[bucket].num_rows();
      buckets[bucket] = Bucket{};
    }
    bytes_spilled = spilled->bytes_written();
    held_bytes = 0;
    return absl::OkStatus();
  }
};

// One bucket's totals as written after summing: grouped by committee (in committee order, and
// within a committee in the order of their first rows), each a record (AppendRecord), so that
// they outlive the rows they were summed from. The records are in `records`, or in the
// aggregator's totals file at `file_offset` when they did not fit.
struct ReceiptAggregator::SummedBucket {
  struct Run {
    uint32_t committee = 0;
    uint32_t num_totals = 0;
    size_t offset = 0;  // of the run's first record from the start of the bucket's records
  };
  std::vector<Run> runs;
  std::string records;
  size_t records_bytes = 0;
  int64_t file_offset = -1;

  [[nodiscard]] size_t RunEnd(size_t run) const {
    return run + 1 < runs.size() ? runs[run + 1].offset : records_bytes;
  }

  // `is_seen_in_order`: the rows were summed in position order, so the totals already stand in
  // the order of their first rows.
  void Write(const std::vector<Total>& totals, bool is_seen_in_order) {
    // (committee, index) pairs: sorting 8 bytes per total, where sorting the totals moved 64.
    std::vector<uint64_t> order(totals.size());
    for (size_t idx = 0; idx < totals.size(); ++idx) {
      order[idx] = (uint64_t{totals[idx].committee} << 32) | idx;
    }
    if (is_seen_in_order) {
      std::sort(order.begin(), order.end());
    } else {
      // (committee, first position, index) by value: a comparison that looked the totals up
      // missed the cache for every pair (6% of a zipped ingest).
      struct Key {
        uint32_t committee;
        uint32_t index;
        int64_t first_position;
      };
      std::vector<Key> keys(totals.size());
      for (size_t idx = 0; idx < totals.size(); ++idx) {
        keys[idx] =
            Key{totals[idx].committee, static_cast<uint32_t>(idx), totals[idx].first_position};
      }
      std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.committee != b.committee ? a.committee < b.committee
                                          : a.first_position < b.first_position;
      });
      for (size_t idx = 0; idx < keys.size(); ++idx) {
        order[idx] = (uint64_t{keys[idx].committee} << 32) | keys[idx].index;
      }
    }
    for (const uint64_t entry : order) {
      const Total& total = totals[entry & 0xFFFFFFFFu];
      if (runs.empty() || runs.back().committee != total.committee) {
        runs.push_back(Run{total.committee, 0, records.size()});
      }
      ++runs.back().num_totals;
      AppendRecord(total, records);
    }
    records_bytes = records.size();
  }
};

ReceiptAggregator::ReceiptAggregator(ReceiptAggregatorOptions options)
    : options_(std::move(options)) {
  options_.num_workers = std::max(options_.num_workers, 1);
  options_.memory_budget_bytes = std::max<int64_t>(options_.memory_budget_bytes, 1);
  for (int idx = 0; idx < options_.num_workers; ++idx) {
    workers_.push_back(std::make_unique<Worker>(options_.temp_folder));
  }
}

ReceiptAggregator::~ReceiptAggregator() = default;

int64_t ReceiptAggregator::rows_added() const {
  int64_t rows = 0;
  for (const auto& worker : workers_) rows += worker->rows_added;
  return rows;
}

int64_t ReceiptAggregator::bytes_spilled() const {
  int64_t bytes = totals_bytes_spilled_;
  for (const auto& worker : workers_) bytes += worker->bytes_spilled;
  return bytes;
}

absl::Status ReceiptAggregator::Add(int worker_index, const model::ContributionView& row) {
  Worker& worker = *workers_[static_cast<size_t>(worker_index)];
  ++worker.rows_added;
  const ReceiptTreatment treatment = TreatIndividualReceipt(row);
  AssignDonorKey(row.name, row.zip, worker.donor_key);
  const uint32_t committee = worker.CommitteeIndex(row.cmte_id);
  // Seeded by the CMTE_ID, not the worker's committee index, so that one key hashes alike in
  // every worker.
  const uint64_t hash = XXH3_64bits_withSeed(
      worker.donor_key.data(), worker.donor_key.size(),
      worker.committee_seeds[committee] + static_cast<uint64_t>(treatment.kind));
  Bucket& bucket = worker.buckets[hash >> (64 - kBucketBits)];
  const std::array<std::string_view, 4> text = {worker.donor_key, row.state, row.employer,
                                                row.occupation};
  size_t bound = sizeof(RowHeader) + kRowAlignment;
  for (const std::string_view field : text) bound += base::kMaxVarintBytes + field.size();
  const size_t capacity_before = bucket.capacity_bytes();
  char* const start = bucket.Reserve(bound);
  worker.held_bytes += bucket.capacity_bytes() - capacity_before;
  char* out = start + sizeof(RowHeader);
  for (const std::string_view field : text) out = WriteField(out, field);
  const auto text_bytes = static_cast<size_t>(out - start) - sizeof(RowHeader);
  DOWNBALLOT_CHECK(text_bytes <= std::numeric_limits<uint32_t>::max());
  // Filled in place: a header built on the stack and copied over stalled on reading back its
  // own stores.
  RowHeader* header = std::construct_at(reinterpret_cast<RowHeader*>(start));
  header->hash = hash;
  header->gross_cents = row.amount_cents;
  header->counted_cents = treatment.counted_cents;
  header->position = row.position;
  header->committee = committee;
  header->date_key = row.date_key;
  header->text_bytes = static_cast<uint32_t>(text_bytes);
  header->kind = treatment.kind;
  bucket.Commit(static_cast<size_t>(out - start));
  const int64_t worker_budget =
      options_.memory_budget_bytes / 100 * kRowsPercent / options_.num_workers;
  if (static_cast<int64_t>(worker.held_bytes) > worker_budget) {
    return worker.Spill();
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> ReceiptAggregator::Sum() {
  const auto threads = static_cast<size_t>(options_.num_workers);

  // Every worker's committees, sorted, and each worker's index into that list.
  committees_.clear();
  for (const auto& worker : workers_) {
    committees_.insert(committees_.end(), worker->committees.begin(), worker->committees.end());
  }
  std::sort(committees_.begin(), committees_.end());
  committees_.erase(std::unique(committees_.begin(), committees_.end()), committees_.end());
  std::vector<std::vector<uint32_t>> sorted_index(workers_.size());
  for (size_t idx = 0; idx < workers_.size(); ++idx) {
    for (const std::string& cmte_id : workers_[idx]->committees) {
      sorted_index[idx].push_back(static_cast<uint32_t>(
          std::lower_bound(committees_.begin(), committees_.end(), cmte_id) - committees_.begin()));
    }
  }

  // Sum each bucket: its spilled rows read back, then those still in memory. While the bucket
  // is in cache its totals are written out grouped by committee, with their text, so that
  // packing reads them in order: packing through pointers to the totals, scattered over 2 GB,
  // spent a quarter of the ingest waiting on DRAM. Totals beyond their share of the budget go
  // to the totals file.
  summed_.assign(kNumBuckets, SummedBucket{});
  const int64_t totals_budget = options_.memory_budget_bytes / 100 * kTotalsPercent;
  std::atomic<int64_t> totals_held{0};
  std::atomic<int64_t> num_totals{0};
  std::atomic<size_t> next_bucket{0};
  std::mutex totals_spill_mutex;
  std::vector<absl::Status> statuses(threads);
  base::RunInParallel(threads, [&](size_t thread) {
    BucketSummer summer;
    std::vector<Total> totals;
    std::string spilled_rows;
    absl::Status& status = statuses[thread];
    for (size_t bucket = next_bucket++; bucket < kNumBuckets && status.ok();
         bucket = next_bucket++) {
      size_t num_rows = 0;
      size_t spilled_bytes = 0;
      for (const auto& worker : workers_) {
        num_rows += worker->buckets[bucket].num_rows() + worker->spilled_rows[bucket];
        spilled_bytes += worker->spilled->bucket_bytes(bucket);
      }
      if (num_rows == 0) continue;
      summer.Reset(num_rows);
      totals.clear();
      // One buffer for every worker's spilled rows: the totals point into their text.
      spilled_rows.resize(spilled_bytes);
      char* spilled_end = spilled_rows.data();
      // True while the rows come in position order (a plain file's chunks, worker by worker).
      bool is_seen_in_order = true;
      int64_t last_position = std::numeric_limits<int64_t>::min();
      for (size_t idx = 0; idx < workers_.size() && status.ok(); ++idx) {
        const Worker& worker = *workers_[idx];
        const std::vector<uint32_t>& committee_of = sorted_index[idx];
        const auto add = [&](const RowHeader& row, const char* text) {
          is_seen_in_order = is_seen_in_order && row.position > last_position;
          last_position = row.position;
          summer.Add(row, text, committee_of[row.committee], totals);
        };
        // The spilled rows first: they came before those still in memory.
        char* const begin = spilled_end;
        status = worker.spilled->ReadBucket(bucket, begin);
        if (!status.ok()) break;
        spilled_end += worker.spilled->bucket_bytes(bucket);
        VisitRows(begin, spilled_end, add);
        worker.buckets[bucket].ForEachBlock(
            [&](const char* data, size_t bytes) { VisitRows(data, data + bytes, add); });
      }
      if (!status.ok()) break;
      SummedBucket& out = summed_[bucket];
      out.Write(totals, is_seen_in_order);
      num_totals += static_cast<int64_t>(totals.size());
      if (totals_held.fetch_add(static_cast<int64_t>(out.records_bytes)) +
              static_cast<int64_t>(out.records_bytes) >
          totals_budget) {
        totals_held -= static_cast<int64_t>(out.records_bytes);
        const std::lock_guard<std::mutex> lock(totals_spill_mutex);
        if (!totals_spill_) {
          absl::StatusOr<base::SpillFile> file = base::SpillFile::Create(options_.temp_folder);
          if (!file.ok()) {
            status = file.status();
            break;
          }
          totals_spill_.emplace(std::move(*file));
        }
        absl::StatusOr<int64_t> offset = totals_spill_->Append(out.records);
        if (!offset.ok()) {
          status = offset.status();
          break;
        }
        out.file_offset = *offset;
        totals_bytes_spilled_ += static_cast<int64_t>(out.records_bytes);
        // Swapped, not assigned: assigning an empty string keeps the old buffer.
        std::string().swap(out.records);
      }
      // Freed now, the rows' memory serves the summed records of the buckets still to come.
      for (auto& worker : workers_) {
        worker->buckets[bucket] = Bucket{};
        worker->spilled->ForgetBucket(bucket);
      }
    }
  });
  for (absl::Status& status : statuses) RETURN_IF_ERROR(status);
  for (auto& worker : workers_) {
    worker->spilled.reset();
    worker->held_bytes = 0;
  }
  return num_totals.load();
}

absl::Status ReceiptAggregator::Pack(const PackedReceiptsSink& sink) {
  const auto threads = static_cast<size_t>(options_.num_workers);
  const size_t num_committees = committees_.size();
  // Each committee's record bytes and totals over all buckets, to cut batches that fit the
  // budget and to find the committees stored in parts.
  std::vector<size_t> committee_bytes(num_committees, 0);
  std::vector<int64_t> committee_totals(num_committees, 0);
  for (const SummedBucket& bucket : summed_) {
    for (size_t run = 0; run < bucket.runs.size(); ++run) {
      committee_bytes[bucket.runs[run].committee] += bucket.RunEnd(run) - bucket.runs[run].offset;
      committee_totals[bucket.runs[run].committee] += bucket.runs[run].num_totals;
    }
  }
  const int64_t max_part_totals = std::max<int64_t>(options_.max_totals_per_part, 1);
  const auto batch_budget = static_cast<size_t>(options_.memory_budget_bytes / 100 * kBatchPercent);

  // Per bucket, the batch's runs, and where the records from `records_start` on are.
  std::vector<size_t> first_run(kNumBuckets, 0);
  std::vector<size_t> end_run(kNumBuckets, 0);
  std::vector<const char*> batch_records(kNumBuckets, nullptr);
  std::vector<size_t> records_start(kNumBuckets, 0);
  std::vector<std::string> read_back(kNumBuckets);
  std::vector<model::PackedDonorReceipts> packed;

  // A committee whose totals alone outgrow a batch is packed on this thread, a bucket at a
  // time; one with more than max_part_totals totals (a conduit such as ActBlue, with millions
  // of donors) in parts of whole buckets, stored as rows of their own, which readers gather
  // (store/money_queries). Where the parts are cut depends on the totals only.
  const auto pack_in_parts = [&](size_t committee) -> absl::Status {
    model::DonorReceiptsPacker packer;
    model::PackedDonorReceipts part;
    part.cmte_id = committees_[committee];
    int64_t part_totals = 0;
    std::string bytes;
    const auto flush = [&]() -> absl::Status {
      part.entries = packer.entries();
      part.packed = packer.Finish();
      RETURN_IF_ERROR(sink(part));
      part.rows = 0;
      part_totals = 0;
      return absl::OkStatus();
    };
    for (size_t bucket = 0; bucket < kNumBuckets; ++bucket) {
      const SummedBucket& summed = summed_[bucket];
      size_t& run = end_run[bucket];
      while (run < summed.runs.size() && summed.runs[run].committee < committee) ++run;
      if (run == summed.runs.size() || summed.runs[run].committee != committee) continue;
      const size_t run_bytes = summed.RunEnd(run) - summed.runs[run].offset;
      const int64_t run_totals = summed.runs[run].num_totals;
      if (part_totals > 0 && part_totals + run_totals > max_part_totals) RETURN_IF_ERROR(flush());
      const char* records = summed.records.data() + summed.runs[run].offset;
      if (summed.file_offset >= 0) {
        bytes.resize(run_bytes);
        RETURN_IF_ERROR(totals_spill_->ReadAt(
            summed.file_offset + static_cast<int64_t>(summed.runs[run].offset), bytes.data(),
            run_bytes));
        records = bytes.data();
      }
      part.rows += PackRecords(records, summed.runs[run].num_totals, packer);
      part_totals += run_totals;
      ++run;
    }
    return part_totals > 0 ? flush() : absl::OkStatus();
  };

  for (size_t batch_begin = 0; batch_begin < num_committees;) {
    if (committee_bytes[batch_begin] > batch_budget ||
        committee_totals[batch_begin] > max_part_totals) {
      RETURN_IF_ERROR(pack_in_parts(batch_begin++));
      continue;
    }
    size_t batch_end = batch_begin + 1;
    size_t batch_bytes = committee_bytes[batch_begin];
    while (batch_end < num_committees && batch_bytes + committee_bytes[batch_end] <= batch_budget &&
           committee_totals[batch_end] <= max_part_totals) {
      batch_bytes += committee_bytes[batch_end++];
    }
    // Each bucket's runs of the batch's committees, read back when they were spilled.
    for (size_t bucket = 0; bucket < kNumBuckets; ++bucket) {
      const SummedBucket& summed = summed_[bucket];
      first_run[bucket] = end_run[bucket];
      size_t& run = end_run[bucket];
      while (run < summed.runs.size() && summed.runs[run].committee < batch_end) ++run;
      if (first_run[bucket] == run) continue;
      const size_t begin = summed.runs[first_run[bucket]].offset;
      const size_t end = summed.RunEnd(run - 1);
      if (summed.file_offset < 0) {
        batch_records[bucket] = summed.records.data();
        records_start[bucket] = 0;
        continue;
      }
      std::string& bytes = read_back[bucket];
      bytes.resize(end - begin);
      RETURN_IF_ERROR(totals_spill_->ReadAt(summed.file_offset + static_cast<int64_t>(begin),
                                            bytes.data(), bytes.size()));
      batch_records[bucket] = bytes.data();
      records_start[bucket] = begin;
    }

    // Pack committee by committee, each reading its run from every bucket; a thread's cursors
    // only move forward, as it takes committees in increasing order.
    packed.assign(batch_end - batch_begin, model::PackedDonorReceipts{});
    std::atomic<size_t> next_committee{batch_begin};
    base::RunInParallel(std::min(threads, batch_end - batch_begin), [&](size_t) {
      model::DonorReceiptsPacker packer;
      std::vector<size_t> cursor = first_run;
      for (size_t committee = next_committee++; committee < batch_end;
           committee = next_committee++) {
        model::PackedDonorReceipts& out = packed[committee - batch_begin];
        out.cmte_id = committees_[committee];
        for (size_t bucket = 0; bucket < kNumBuckets; ++bucket) {
          const std::vector<SummedBucket::Run>& runs = summed_[bucket].runs;
          size_t& run = cursor[bucket];
          while (run < end_run[bucket] && runs[run].committee < committee) ++run;
          if (run == end_run[bucket] || runs[run].committee != committee) continue;
          out.rows +=
              PackRecords(batch_records[bucket] + (runs[run].offset - records_start[bucket]),
                          runs[run].num_totals, packer);
        }
        out.entries = packer.entries();
        out.packed = packer.Finish();
      }
    });
    for (const model::PackedDonorReceipts& committee : packed) RETURN_IF_ERROR(sink(committee));
    for (size_t bucket = 0; bucket < kNumBuckets; ++bucket) {
      if (summed_[bucket].file_offset >= 0) std::string().swap(read_back[bucket]);
    }
    batch_begin = batch_end;
  }
  summed_.clear();
  totals_spill_.reset();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<model::PackedDonorReceipts>> ReceiptAggregator::SumAndPackAll() {
  RETURN_IF_ERROR(Sum().status());
  std::vector<model::PackedDonorReceipts> all;
  RETURN_IF_ERROR(Pack([&](const model::PackedDonorReceipts& committee) {
    all.push_back(committee);
    return absl::OkStatus();
  }));
  return all;
}

}  // namespace downballot::money
