#include "money/receipt_aggregator.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

// Inlined: donor keys average ~22 bytes, where a call through the PLT costs as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "absl/container/flat_hash_map.h"
#include "base/check.h"
#include "base/parallel.h"
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
  uint32_t committee = 0;  // the worker's committee index
  int32_t date_key = 0;
  uint32_t text_bytes = 0;
  model::ReceiptKind kind = model::ReceiptKind::kIndividual;
};

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

// One bucket's rows, appended to a chain of blocks that grow from 4 KiB (so a small file
// takes little) to 1 MiB. Unlike a vector, a chain never copies what it holds as it grows.
// Each row is a RowHeader and its text, padded to 8 bytes so that the next header is aligned.
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
    }
    return tail_ + tail_used_;
  }
  void Commit(size_t bytes) {
    tail_used_ += (bytes + kRowAlignment - 1) & ~(kRowAlignment - 1);
    ++num_rows_;
  }

  // Calls visit(header, text) for each row in the order they were added.
  template <typename Visit>
  void ForEachRow(const Visit& visit) const {
    for (size_t idx = 0; idx < blocks_.size(); ++idx) {
      const char* cursor = blocks_[idx].data.get();
      const char* end = cursor + (idx + 1 == blocks_.size() ? tail_used_ : blocks_[idx].used);
      while (cursor < end) {
        const auto* header = reinterpret_cast<const RowHeader*>(cursor);
        const char* text = cursor + sizeof(RowHeader);
        visit(*header, text);
        cursor += (sizeof(RowHeader) + header->text_bytes + kRowAlignment - 1) &
                  ~(kRowAlignment - 1);
      }
    }
  }

  [[nodiscard]] size_t num_rows() const { return num_rows_; }

  static constexpr size_t kRowAlignment = alignof(RowHeader);

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
// workers' buckets until the bucket's totals are written out.
struct Total {
  uint64_t hash = 0;
  std::string_view donor_key;
  const char* description = nullptr;  // the describing row's text
  base::Cents counted_cents = 0;
  base::Cents gross_cents = 0;
  int64_t rows = 0;
  int32_t date_key = 0;
  uint32_t committee = 0;  // index into Finish's sorted committee list
  model::ReceiptKind kind = model::ReceiptKind::kIndividual;
};

// Sums one bucket's rows from every worker. Open addressing with linear probing, sized to
// twice the bucket's rows and reused from bucket to bucket.
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
  void Add(const RowHeader& row, const char* text, uint32_t committee,
           std::vector<Total>& totals) {
    const char* cursor = text;
    const std::string_view donor_key = ReadField(cursor);
    // Every hash in a bucket shares its top bits, so the slot comes from the low ones.
    size_t slot = row.hash & mask_;
    while (true) {
      const uint32_t index = slots_[slot];
      if (index == kEmptySlot) {
        slots_[slot] = static_cast<uint32_t>(totals.size());
        totals.push_back(Total{row.hash, donor_key, text, row.counted_cents, row.gross_cents, 1,
                               row.date_key, committee, row.kind});
        return;
      }
      Total& total = totals[index];
      if (total.hash == row.hash && total.committee == committee && total.kind == row.kind &&
          total.donor_key == donor_key) {
        total.counted_cents += row.counted_cents;
        total.gross_cents += row.gross_cents;
        ++total.rows;
        // >=: rows come in file order, and of same-dated rows the later one describes.
        if (row.date_key >= total.date_key) {
          total.date_key = row.date_key;
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

// One bucket's totals as written after summing: grouped by committee (in committee order, and
// within a committee in the order the totals were first seen), each a record of its numbers
// and text, so that they outlive the rows they were summed from.
struct SummedBucket {
  struct Run {
    uint32_t committee = 0;
    uint32_t num_totals = 0;
    size_t offset = 0;  // of the run's first record in `records`
  };
  std::vector<Run> runs;
  std::string records;

  void Write(const std::vector<Total>& totals) {
    // Sorting (committee, index) pairs keeps first-seen order within a committee and moves 8
    // bytes per total, where a stable sort of the totals themselves moved 64.
    std::vector<uint64_t> order(totals.size());
    for (size_t idx = 0; idx < totals.size(); ++idx) {
      order[idx] = (uint64_t{totals[idx].committee} << 32) | idx;
    }
    std::sort(order.begin(), order.end());
    for (const uint64_t entry : order) {
      const Total& total = totals[entry & 0xFFFFFFFFu];
      if (runs.empty() || runs.back().committee != total.committee) {
        runs.push_back(Run{total.committee, 0, records.size()});
      }
      ++runs.back().num_totals;
      records.push_back(static_cast<char>(total.kind));
      AppendNumber(records, total.rows);
      AppendNumber(records, total.counted_cents);
      AppendNumber(records, total.gross_cents);
      const char* cursor = total.description;
      ReadField(cursor);  // the describing row's donor key: the same as the total's
      AppendField(records, total.donor_key);
      for (int field = 0; field < 3; ++field) AppendField(records, ReadField(cursor));
    }
  }

  // Adds run `run`'s totals to `packer`; returns the rows they sum.
  int64_t PackRun(size_t run, model::DonorReceiptsPacker& packer) const {
    const char* cursor = records.data() + runs[run].offset;
    int64_t rows = 0;
    for (uint32_t idx = 0; idx < runs[run].num_totals; ++idx) {
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
};

}  // namespace

struct ReceiptAggregator::Worker {
  std::array<Bucket, kNumBuckets> buckets;
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
};

ReceiptAggregator::ReceiptAggregator(int num_workers) {
  for (int idx = 0; idx < std::max(num_workers, 1); ++idx) {
    workers_.push_back(std::make_unique<Worker>());
  }
}

ReceiptAggregator::~ReceiptAggregator() = default;

int64_t ReceiptAggregator::rows_added() const {
  int64_t rows = 0;
  for (const auto& worker : workers_) rows += worker->rows_added;
  return rows;
}

void ReceiptAggregator::Add(int worker_index, const model::ContributionView& row) {
  Worker& worker = *workers_[static_cast<size_t>(worker_index)];
  ++worker.rows_added;
  const ReceiptTreatment treatment = TreatIndividualReceipt(row);
  AssignDonorKey(row.name, row.zip, worker.donor_key);
  const uint32_t committee = worker.CommitteeIndex(row.cmte_id);
  // Seeded by the CMTE_ID, not the worker's committee index, so that one key hashes alike in
  // every worker.
  const uint64_t hash =
      XXH3_64bits_withSeed(worker.donor_key.data(), worker.donor_key.size(),
                           worker.committee_seeds[committee] + static_cast<uint64_t>(treatment.kind));
  Bucket& bucket = worker.buckets[hash >> (64 - kBucketBits)];
  const std::array<std::string_view, 4> text = {worker.donor_key, row.state, row.employer,
                                                row.occupation};
  size_t bound = sizeof(RowHeader) + Bucket::kRowAlignment;
  for (const std::string_view field : text) bound += base::kMaxVarintBytes + field.size();
  char* const start = bucket.Reserve(bound);
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
  header->committee = committee;
  header->date_key = row.date_key;
  header->text_bytes = static_cast<uint32_t>(text_bytes);
  header->kind = treatment.kind;
  bucket.Commit(static_cast<size_t>(out - start));
}

std::vector<model::PackedDonorReceipts> ReceiptAggregator::Finish(int num_threads) {
  const size_t threads = static_cast<size_t>(std::max(num_threads, 1));

  // Every worker's committees, sorted, and each worker's index into that list.
  std::vector<std::string> committees;
  for (const auto& worker : workers_) {
    committees.insert(committees.end(), worker->committees.begin(), worker->committees.end());
  }
  std::sort(committees.begin(), committees.end());
  committees.erase(std::unique(committees.begin(), committees.end()), committees.end());
  std::vector<std::vector<uint32_t>> sorted_index(workers_.size());
  for (size_t idx = 0; idx < workers_.size(); ++idx) {
    for (const std::string& cmte_id : workers_[idx]->committees) {
      sorted_index[idx].push_back(static_cast<uint32_t>(
          std::lower_bound(committees.begin(), committees.end(), cmte_id) - committees.begin()));
    }
  }

  // Sum each bucket, workers in order: their rows are in file order, so date ties resolve as
  // in one pass. While the bucket is still in cache its totals are written out grouped by
  // committee, with their text, so that packing reads them in order: packing through
  // pointers to the totals, scattered over 2 GB, spent a quarter of the ingest waiting on
  // DRAM.
  std::vector<SummedBucket> summed(kNumBuckets);
  std::atomic<size_t> next_bucket{0};
  base::RunInParallel(threads, [&](size_t) {
    BucketSummer summer;
    std::vector<Total> totals;
    for (size_t bucket = next_bucket++; bucket < kNumBuckets; bucket = next_bucket++) {
      size_t num_rows = 0;
      for (const auto& worker : workers_) num_rows += worker->buckets[bucket].num_rows();
      if (num_rows == 0) continue;
      summer.Reset(num_rows);
      totals.clear();
      for (size_t idx = 0; idx < workers_.size(); ++idx) {
        const std::vector<uint32_t>& committee_of = sorted_index[idx];
        workers_[idx]->buckets[bucket].ForEachRow([&](const RowHeader& row, const char* text) {
          summer.Add(row, text, committee_of[row.committee], totals);
        });
      }
      summed[bucket].Write(totals);
      // Freed now, the rows' memory serves the summed records of the buckets still to come.
      for (auto& worker : workers_) worker->buckets[bucket] = Bucket{};
    }
  });

  // Pack committee by committee, each reading its run from every bucket; a thread's cursors
  // only move forward, as it takes committees in increasing order.
  std::vector<model::PackedDonorReceipts> packed(committees.size());
  std::atomic<size_t> next_committee{0};
  base::RunInParallel(threads, [&](size_t) {
    model::DonorReceiptsPacker packer;
    std::vector<size_t> cursor(kNumBuckets, 0);
    for (size_t committee = next_committee++; committee < committees.size();
         committee = next_committee++) {
      model::PackedDonorReceipts& out = packed[committee];
      out.cmte_id = committees[committee];
      for (size_t bucket = 0; bucket < kNumBuckets; ++bucket) {
        const std::vector<SummedBucket::Run>& runs = summed[bucket].runs;
        size_t& run = cursor[bucket];
        while (run < runs.size() && runs[run].committee < committee) ++run;
        if (run == runs.size() || runs[run].committee != committee) continue;
        out.rows += summed[bucket].PackRun(run, packer);
      }
      out.entries = packer.entries();
      out.packed = packer.Finish();
    }
  });

  for (auto& worker : workers_) worker = std::make_unique<Worker>();
  return packed;
}

}  // namespace downballot::money
