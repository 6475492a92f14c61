// Sums a stream of individual-contribution rows into per-committee, per-donor, per-kind totals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "model/donor_receipts.h"
#include "model/fec.h"

namespace downballot::money {

// Feed rows with Add(), then take Finish(). Memory grows with distinct (committee, donor, kind),
// not with rows. Not thread-safe: use one per thread and Merge() them.
//
// Example: two threads over the two halves of a file, in file order.
//   ReceiptAggregator first, second;   // first.Add(rows of half 1), second.Add(rows of half 2)
//   first.Merge(std::move(second));
//   std::vector<model::DonorReceipts> totals = first.Finish();
class ReceiptAggregator {
 public:
  ReceiptAggregator();
  // The lookup set points back at its owner, so an aggregator stays where it was made.
  ReceiptAggregator(const ReceiptAggregator&) = delete;
  ReceiptAggregator& operator=(const ReceiptAggregator&) = delete;

  // Classifies `row` (TreatIndividualReceipt) and adds it to its donor's totals. The donor's
  // name, state, employer and occupation are those of the latest-dated row; of rows with the
  // same date, the one added last. Reads only cmte_id, name, zip, state, employer, occupation,
  // date, amount_cents and what TreatIndividualReceipt reads (transaction_type, entity_type,
  // memo_code).
  void Add(const model::Contribution& row);
  // Adds every total of `other` into this one, leaving `other` empty. `other`'s rows are taken
  // to come after this one's in input order, so on a date tie its description wins: merging
  // the aggregators of consecutive chunks of a file in file order gives exactly the totals of
  // one aggregator fed the whole file.
  void Merge(ReceiptAggregator&& other);
  // The totals, sorted by committee, donor key and kind; leaves the aggregator empty.
  [[nodiscard]] std::vector<model::DonorReceipts> Finish();

  [[nodiscard]] int64_t rows_added() const { return rows_added_; }

 private:
  // A (committee, donor key, kind) as looked up: views, so a row already seen costs no
  // allocation.
  struct KeyView {
    uint32_t committee = 0;
    model::ReceiptKind kind = model::ReceiptKind::kIndividual;
    std::string_view donor_key;
    uint64_t hash = 0;
  };
  // The set stores indices into entries_; these functors hash and compare an index through
  // the entry it names, or a KeyView directly (heterogeneous lookup), so a slot is 4 bytes.
  struct IndexHash {
    using is_transparent = void;
    const ReceiptAggregator* owner;
    size_t operator()(uint32_t index) const;
    size_t operator()(const KeyView& key) const { return key.hash; }
  };
  struct IndexEq {
    using is_transparent = void;
    const ReceiptAggregator* owner;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t index, const KeyView& key) const;
    bool operator()(const KeyView& key, uint32_t index) const { return (*this)(index, key); }
  };
  // Bookkeeping beside receipts_[i], kept apart so Finish can hand receipts_ out as is.
  struct EntryMeta {
    uint64_t hash = 0;
    uint32_t committee = 0;
    int latest_date = -1;  // yyyymmdd of the row the descriptive fields came from
  };

  [[nodiscard]] static uint64_t HashKey(uint32_t committee, model::ReceiptKind kind,
                                        std::string_view donor_key);
  uint32_t CommitteeIndex(std::string_view cmte_id);
  // Returns the index of the entry for `key`, creating it (with zero totals) if need be;
  // `cmte_id` names key.committee.
  uint32_t FindOrAdd(const KeyView& key, std::string_view cmte_id);

  absl::flat_hash_map<std::string, uint32_t> committee_index_;
  std::vector<std::string> committees_;
  std::vector<model::DonorReceipts> receipts_;
  std::vector<EntryMeta> meta_;
  absl::flat_hash_set<uint32_t, IndexHash, IndexEq> index_;
  // Rows arrive grouped by filing, so the last committee is remembered.
  std::string last_cmte_id_;
  uint32_t last_committee_ = 0;
  bool has_last_committee_ = false;
  std::string key_scratch_;
  int64_t rows_added_ = 0;
};

}  // namespace downballot::money
