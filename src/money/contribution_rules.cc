#include "money/contribution_rules.h"

#include <array>
#include <cstdlib>

namespace downballot::money {
namespace {

// Types that are individual money on line 11(a) (or a party's 30–32 accounts), from the FEC's
// is_individual definition (METHODS.md §4).
constexpr std::array<std::string_view, 19> kIndividualTypes = {
    "10",  "10J", "11",  "11J", "15",  "15E", "15J", "30",  "30E", "30J",
    "30T", "31",  "31E", "31J", "31T", "32",  "32E", "32J", "32T"};

bool IsIndividualType(std::string_view type) {
  for (const std::string_view individual : kIndividualTypes) {
    if (type == individual) return true;
  }
  return false;
}

}  // namespace

ReceiptTreatment TreatIndividualReceipt(const model::ContributionView& row) {
  const std::string_view type = row.transaction_type;
  // A memo row repeats money already on the summary page (an earmark's conduit detail, a
  // partnership attribution); counting it would double the total.
  if (row.memo_code == "X") return {ReceiptKind::kMemo, 0};
  if (type == "24T" || type == "24I") return {ReceiptKind::kConduitPassThrough, 0};
  // In the 2019-20 sample 4,848 of 4,858 22Y rows are positive: filers disagree on the sign,
  // so a refund is always a reduction.
  if (type == "20Y" || type == "21Y" || type == "22Y") {
    return {ReceiptKind::kRefund, -std::llabs(row.amount_cents)};
  }
  if (type == "15C" || row.entity_type == "CAN") {
    return {ReceiptKind::kCandidateSelf, row.amount_cents};
  }
  if (IsIndividualType(type)) return {ReceiptKind::kIndividual, row.amount_cents};
  return {ReceiptKind::kOther, row.amount_cents};
}

}  // namespace downballot::money
