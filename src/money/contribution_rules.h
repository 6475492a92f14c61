// How one FEC receipt row counts toward a committee's totals (METHODS.md §3–5, docs/money.md).
#pragma once

#include <string_view>

#include "base/money.h"
#include "model/fec.h"

namespace downballot::money {

// What a receipt row is, for totals. Exactly one applies to every row.
enum class ReceiptKind {
  kIndividual,        // 15, 15E (earmarked through a conduit), 15J, 10, 11, 30-32 accounts
  kCandidateSelf,     // 15C, or any receipt whose contributor is the candidate (ENTITY_TP CAN)
  kRefund,            // 20Y, 21Y, 22Y: money returned to the contributor
  kConduitPassThrough,  // 24T, 24I: the conduit's record of money it forwarded
  kMemo,              // MEMO_CD X: detail of money reported elsewhere
  kOther,             // any other type: kept out of individual totals, listed as other
};

[[nodiscard]] std::string_view ToString(ReceiptKind kind);

struct ReceiptTreatment {
  ReceiptKind kind = ReceiptKind::kOther;
  // The signed amount this row adds to the filer's receipts: a refund always subtracts,
  // whatever sign the filer used; memo and pass-through rows add nothing, so earmarked money
  // is counted once, at the recipient (its 15E row).
  base::Cents counted_cents = 0;
};

// Classifies one row of itcont (individual contributions). Pure; thread-safe.
[[nodiscard]] ReceiptTreatment TreatIndividualReceipt(const model::Contribution& row);

}  // namespace downballot::money
