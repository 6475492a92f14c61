// One donor's receipts of one kind at one committee over a cycle: what the store keeps of
// itcont, and what a money profile is computed from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/money.h"

namespace downballot::model {

// How a receipt row counts toward its filer's totals (docs/money.md). One per row. The store
// keeps the enumerator's value (donor_receipts_codec.h): append new kinds, never reorder.
enum class ReceiptKind {
  kIndividual,          // 15, 15E (earmarked through a conduit), 15J, 10, 11, 30-32 accounts
  kCandidateSelf,       // 15C, or any receipt whose contributor is the candidate (ENTITY_TP CAN)
  kRefund,              // 20Y, 21Y, 22Y: money returned to the contributor
  kConduitPassThrough,  // 24T, 24I: the conduit's record of money it forwarded
  kMemo,                // MEMO_CD X: detail of money reported elsewhere
  kOther,               // any other type: kept out of individual totals, listed as other
};

// "individual", "candidate_self", "refund", "conduit_pass_through", "memo", "other".
[[nodiscard]] std::string_view ToString(ReceiptKind kind);
[[nodiscard]] std::optional<ReceiptKind> ParseReceiptKind(std::string_view text);

struct DonorReceipts {
  std::string cmte_id;
  std::string donor_key;  // money::DonorKey(name, zip): normalised name '|' ZIP5
  // Described by the latest-dated row (of same-dated rows, the last in the file).
  std::string state;
  std::string employer;
  std::string occupation;
  ReceiptKind kind = ReceiptKind::kIndividual;
  int64_t rows = 0;
  base::Cents counted_cents = 0;  // signed, per money::TreatIndividualReceipt
  base::Cents gross_cents = 0;    // the rows' amounts as filed, for audit
};

}  // namespace downballot::model
