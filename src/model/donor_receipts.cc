#include "model/donor_receipts.h"

#include <array>
#include <utility>

namespace downballot::model {
namespace {

constexpr std::array<std::pair<ReceiptKind, std::string_view>, 6> kNames = {{
    {ReceiptKind::kIndividual, "individual"},
    {ReceiptKind::kCandidateSelf, "candidate_self"},
    {ReceiptKind::kRefund, "refund"},
    {ReceiptKind::kConduitPassThrough, "conduit_pass_through"},
    {ReceiptKind::kMemo, "memo"},
    {ReceiptKind::kOther, "other"},
}};

}  // namespace

std::string_view ToString(ReceiptKind kind) {
  for (const auto& [value, name] : kNames) {
    if (value == kind) return name;
  }
  return "other";
}

std::optional<ReceiptKind> ParseReceiptKind(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace downballot::model
