#include "model/donor_receipts_codec.h"

#include <zstd.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"

namespace downballot::model {
namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

DonorReceipts Total(std::string donor_key, ReceiptKind kind, int64_t rows,
                    base::Cents counted_cents, base::Cents gross_cents) {
  DonorReceipts total;
  total.cmte_id = "C00001";
  total.donor_key = std::move(donor_key);
  total.state = "CT";
  total.employer = "ACME";
  total.occupation = "ENGINEER";
  total.kind = kind;
  total.rows = rows;
  total.counted_cents = counted_cents;
  total.gross_cents = gross_cents;
  return total;
}

// Every field, comparable and printable by gtest.
auto Fields(const DonorReceipts& t) {
  return std::tuple(t.cmte_id, t.donor_key, t.state, t.employer, t.occupation, ToString(t.kind),
                    t.rows, t.counted_cents, t.gross_cents);
}

void ExpectSameTotals(const std::vector<DonorReceipts>& got,
                      const std::vector<DonorReceipts>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t entry = 0; entry < got.size(); ++entry) {
    SCOPED_TRACE(entry);
    EXPECT_EQ(Fields(got[entry]), Fields(want[entry]));
  }
}

std::string Pack(const std::vector<DonorReceipts>& totals) {
  DonorReceiptsPacker packer;
  for (const DonorReceipts& total : totals) packer.Add(total);
  return packer.Finish();
}

void AppendVarint(std::string& out, uint64_t value) {
  for (; value >= 0x80; value >>= 7) out.push_back(static_cast<char>((value & 0x7f) | 0x80));
  out.push_back(static_cast<char>(value));
}

// A blob with a well-formed header and zstd frame around hand-made `columns`, to reach the
// checks that run after decompression.
std::string PackColumns(uint64_t entries, const std::string& columns) {
  std::string packed(1, '\x01');
  AppendVarint(packed, entries);
  AppendVarint(packed, columns.size());
  std::string frame(ZSTD_compressBound(columns.size()), '\0');
  const size_t frame_bytes =
      ZSTD_compress(frame.data(), frame.size(), columns.data(), columns.size(), 1);
  EXPECT_FALSE(ZSTD_isError(frame_bytes));
  return packed + frame.substr(0, frame_bytes);
}

TEST(DonorReceiptsCodec, RoundTripsEveryField) {
  const std::string long_text(300, 'x');  // a two-byte varint length
  DonorReceipts blank = Total("", ReceiptKind::kIndividual, 0, 0, 0);
  blank.state = blank.employer = blank.occupation = "";
  DonorReceipts long_strings = Total(long_text, ReceiptKind::kMemo, 1, 100, 100);
  long_strings.employer = long_text + "y";
  long_strings.occupation = std::string(128, 'z');
  struct Case {
    std::string name;
    std::vector<DonorReceipts> totals;
  };
  const std::vector<Case> cases = {
      {"no totals", {}},
      {"empty strings", {blank}},
      {"negative amounts",
       {Total("smith john|06880", ReceiptKind::kRefund, 4, -500, 500),
        Total("doe jane|10001", ReceiptKind::kOther, 2, -1, -250000)}},
      {"long strings", {long_strings}},
      {"int64 extremes",
       {Total("a|00000", ReceiptKind::kIndividual, kMax, kMin, kMax),
        Total("b|00000", ReceiptKind::kCandidateSelf, 0, kMax, kMin),
        Total("c|00000", ReceiptKind::kConduitPassThrough, 1, kMin, kMin)}},
      {"every kind",
       {Total("k|1", ReceiptKind::kIndividual, 1, 1, 1),
        Total("k|1", ReceiptKind::kCandidateSelf, 1, 1, 1),
        Total("k|1", ReceiptKind::kRefund, 1, 1, 1),
        Total("k|1", ReceiptKind::kConduitPassThrough, 1, 1, 1),
        Total("k|1", ReceiptKind::kMemo, 1, 0, 1), Total("k|1", ReceiptKind::kOther, 1, 0, 1)}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto unpacked = UnpackDonorReceipts("C00001", Pack(c.totals));
    ASSERT_TRUE(unpacked.ok()) << unpacked.status();
    ExpectSameTotals(*unpacked, c.totals);
  }
}

TEST(DonorReceiptsCodec, PackerStartsAfreshAfterEachFinish) {
  const std::vector<DonorReceipts> first = {
      Total("smith john|06880", ReceiptKind::kIndividual, 2, 50000, 50000),
      Total("smith john|06880", ReceiptKind::kRefund, 1, -10000, 10000)};
  std::vector<DonorReceipts> second = {Total("doe jane|10001", ReceiptKind::kMemo, 3, 0, 900)};
  second[0].cmte_id = "C00002";

  DonorReceiptsPacker packer;
  for (const DonorReceipts& total : first) packer.Add(total);
  EXPECT_EQ(packer.entries(), 2);
  const std::string first_packed = packer.Finish();
  EXPECT_EQ(packer.entries(), 0);
  packer.Add(second[0]);
  const std::string second_packed = packer.Finish();

  ExpectSameTotals(*UnpackDonorReceipts("C00001", first_packed), first);
  ExpectSameTotals(*UnpackDonorReceipts("C00002", second_packed), second);
  EXPECT_EQ(second_packed, Pack(second));  // nothing of the first committee is left behind
  EXPECT_TRUE(UnpackDonorReceipts("C00003", packer.Finish())->empty());
}

TEST(DonorReceiptsCodec, EveryTruncationIsDataLoss) {
  std::vector<DonorReceipts> totals;
  for (int64_t donor = 0; donor < 50; ++donor) {
    totals.push_back(Total("donor " + std::to_string(donor) + "|06880", ReceiptKind::kIndividual,
                           donor, donor * 2500, donor * 2500));
  }
  const std::string packed = Pack(totals);
  for (size_t length = 0; length < packed.size(); ++length) {
    SCOPED_TRACE(length);
    EXPECT_EQ(UnpackDonorReceipts("C00001", packed.substr(0, length)).status().code(),
              absl::StatusCode::kDataLoss);
  }
}

TEST(DonorReceiptsCodec, CorruptBlobsAreDataLossNamingTheProblem) {
  const std::string valid = Pack({Total("smith john|06880", ReceiptKind::kIndividual, 1, 5, 5)});
  std::string other_version = valid;
  other_version[0] = '\x02';
  std::string flipped_in_frame = valid;
  flipped_in_frame[flipped_in_frame.size() - 6] ^= 0x20;  // before the 4-byte checksum
  std::string random_bytes(64, '\0');
  std::mt19937 random(20240601);
  for (char& byte : random_bytes) byte = static_cast<char>(random() & 0xff);
  const std::string empty_columns(8, '\0');  // one total: kind 0, zeros, four empty strings

  struct Case {
    std::string name;
    std::string packed;
    std::string want_message;
  };
  const std::vector<Case> cases = {
      {"empty", "", "C00001: empty"},
      {"other version", other_version, "format version 2, expected 1"},
      {"header cut short", std::string("\x01\x05", 2), "header is cut short"},
      {"varint past 64 bits", std::string("\x01") + std::string(10, '\xff') + "\x01",
       "malformed varint"},
      {"random bytes", random_bytes, "packed donor totals of C00001: "},
      {"random frame", "\x01\x01\x08" + random_bytes, "zstd frame"},
      {"flipped bit in the frame", flipped_in_frame, "zstd"},
      {"bytes after the frame", valid + "x", "1 bytes after the zstd frame"},
      {"sizes disagree", PackColumns(1, empty_columns).replace(2, 1, "\x09"),
       "header says 9 column bytes, zstd frame 8"},
      {"too many entries", PackColumns(2, empty_columns), "2 entries cannot fit in 8 column bytes"},
      {"kind out of range", PackColumns(1, "\x06" + empty_columns.substr(1)),
       "entry 0: receipt kind 6 is out of range"},
      {"varint that never ends",
       PackColumns(2, std::string("\0\0\x01", 3) + std::string(13, '\xff')),
       "entry 1: rows is cut short or not a varint"},
      // kind, rows, counted, gross, then a 5-byte donor_key with 3 bytes left
      {"text past the end", PackColumns(1, std::string({0, 1, 0, 0, 5, 'a', 'b', 0})),
       "entry 0: donor_key of 5 bytes runs past the end"},
      {"bytes after the columns", PackColumns(1, empty_columns + "x"),
       "1 bytes after the last column"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const absl::Status status = UnpackDonorReceipts("C00001", c.packed).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
    EXPECT_NE(status.message().find(c.want_message), std::string_view::npos) << status;
  }
}

}  // namespace
}  // namespace downballot::model
