// The packed form of one committee's donor totals: how the store keeps itcont (docs/store.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "base/money.h"
#include "model/donor_receipts.h"

namespace downballot::model {

// One committee's donor totals of one file, packed by DonorReceiptsPacker.
struct PackedDonorReceipts {
  std::string cmte_id;
  int64_t entries = 0;  // donor totals packed
  int64_t rows = 0;     // contribution rows they sum (the sum of their `rows`)
  std::string packed;   // DonorReceiptsPacker::Finish
};

// Packs donor totals column by column (kinds, counts, amounts, then each text column) and
// compresses the columns with zstd: a committee's employers and occupations repeat, and a
// 10M-row itcont sums to ~7M totals, too many to write as table rows (bench/README.md).
//
// Example:
//   DonorReceiptsPacker packer;
//   packer.Add(ReceiptKind::kIndividual, 2, 50000, 50000, "smith john|06880", "CT", "ACME",
//              "ENGINEER");
//   const std::string packed = packer.Finish();
//   ASSIGN_OR_RETURN(auto totals, UnpackDonorReceipts("C00001", packed));
// Not thread-safe: one packer per thread.
class DonorReceiptsPacker {
 public:
  DonorReceiptsPacker();
  ~DonorReceiptsPacker();
  DonorReceiptsPacker(const DonorReceiptsPacker&) = delete;
  DonorReceiptsPacker& operator=(const DonorReceiptsPacker&) = delete;

  // Appends one total; the text is copied.
  void Add(ReceiptKind kind, int64_t rows, base::Cents counted_cents, base::Cents gross_cents,
           std::string_view donor_key, std::string_view state, std::string_view employer,
           std::string_view occupation);
  void Add(const DonorReceipts& receipts);
  [[nodiscard]] int64_t entries() const { return entries_; }
  // The packed bytes of the totals added since the last Finish (or construction), in the order
  // they were added; leaves the packer empty and ready for the next committee.
  [[nodiscard]] std::string Finish();

 private:
  struct Columns;
  std::unique_ptr<Columns> columns_;
  int64_t entries_ = 0;
};

// The totals in `packed`, in the order they were added, each with cmte_id = `cmte_id`.
// DataLoss, naming `cmte_id` and the problem, when `packed` is not a DonorReceiptsPacker's
// output (corrupt, cut short, or of another format version). Thread-safe.
[[nodiscard]] absl::StatusOr<std::vector<DonorReceipts>> UnpackDonorReceipts(
    std::string_view cmte_id, std::string_view packed);

}  // namespace downballot::model
