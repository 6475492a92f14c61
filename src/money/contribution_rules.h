// How one FEC receipt row counts toward a committee's totals (METHODS.md §3–5, docs/money.md).
#pragma once

#include <string_view>

#include "base/money.h"
#include "model/donor_receipts.h"
#include "model/fec.h"

namespace downballot::money {

using model::ReceiptKind;

struct ReceiptTreatment {
  ReceiptKind kind = ReceiptKind::kOther;
  // The signed amount this row adds to the filer's receipts: a refund always subtracts,
  // whatever sign the filer used; memo and pass-through rows add nothing, so earmarked money
  // is counted once, at the recipient (its 15E row).
  base::Cents counted_cents = 0;
};

// Classifies one row of itcont (individual contributions) by its TRANSACTION_TP, ENTITY_TP and
// MEMO_CD. Pure; thread-safe.
[[nodiscard]] ReceiptTreatment TreatIndividualReceipt(const model::ContributionView& row);

}  // namespace downballot::money
