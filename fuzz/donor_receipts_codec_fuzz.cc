// Fuzzes the packed donor totals: arbitrary bytes unpack cleanly or fail with a status, and
// totals made from the bytes come back from a pack and unpack unchanged.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "base/check.h"
#include "model/donor_receipts_codec.h"

namespace {

using downballot::model::DonorReceipts;

// Cuts `bytes` into totals: each takes a kind byte, three 8-byte numbers and four text fields
// whose lengths come from the bytes too.
std::vector<DonorReceipts> TotalsFrom(std::string_view bytes) {
  std::vector<DonorReceipts> totals;
  const auto take = [&bytes](size_t count) {
    const std::string_view taken = bytes.substr(0, count);
    bytes.remove_prefix(taken.size());
    return taken;
  };
  const auto number = [&take]() {
    int64_t value = 0;
    const std::string_view raw = take(sizeof(value));
    std::memcpy(&value, raw.data(), raw.size());
    return value;
  };
  while (!bytes.empty()) {
    DonorReceipts total;
    total.cmte_id = "C00000001";
    total.kind = static_cast<downballot::model::ReceiptKind>(
        static_cast<uint8_t>(take(1)[0]) % 6);
    total.rows = number();
    total.counted_cents = number();
    total.gross_cents = number();
    for (std::string* field : {&total.donor_key, &total.state, &total.employer,
                               &total.occupation}) {
      const std::string_view length = take(1);
      *field = std::string(take(length.empty() ? 0 : static_cast<uint8_t>(length[0]) % 200));
    }
    totals.push_back(std::move(total));
  }
  return totals;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)downballot::model::UnpackDonorReceipts("C00000001", bytes);

  const std::vector<DonorReceipts> totals = TotalsFrom(bytes);
  downballot::model::DonorReceiptsPacker packer;
  for (const DonorReceipts& total : totals) packer.Add(total);
  const auto unpacked = downballot::model::UnpackDonorReceipts("C00000001", packer.Finish());
  DOWNBALLOT_CHECK(unpacked.ok());
  DOWNBALLOT_CHECK(unpacked->size() == totals.size());
  for (size_t idx = 0; idx < totals.size(); ++idx) {
    const DonorReceipts& want = totals[idx];
    const DonorReceipts& got = (*unpacked)[idx];
    DOWNBALLOT_CHECK(got.cmte_id == want.cmte_id && got.kind == want.kind &&
                     got.rows == want.rows && got.counted_cents == want.counted_cents &&
                     got.gross_cents == want.gross_cents && got.donor_key == want.donor_key &&
                     got.state == want.state && got.employer == want.employer &&
                     got.occupation == want.occupation);
  }
  return 0;
}
