#include "model/donor_receipts_codec.h"

#include <zstd.h>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

#include "base/check.h"
#include "base/status_macros.h"
#include "base/varint.h"
#include "fmt/format.h"

// The packed format, version 1 (docs/store.md):
//   u8      format version (kFormatVersion)
//   varint  number of entries N
//   varint  uncompressed size of the columns in bytes
//   zstd    one frame with its content size and checksum, holding the columns one after another:
//             kinds         N bytes, the ReceiptKind enumerator value
//             rows          N LEB128 varints
//             counted_cents N zigzag varints
//             gross - counted, N zigzag varints (usually 0, so one byte)
//             donor_key, state, employer, occupation: N (varint length, bytes) each
// A column holds like values next to each other, which zstd compresses far better than
// interleaved records: a committee's states, employers and occupations repeat.

namespace downballot::model {
namespace {

// Bump on any change to the layout above; Unpack refuses other versions rather than misread.
constexpr uint8_t kFormatVersion = 1;
// zstd's fastest standard level: packing runs inside the timed ingest, and the columns are so
// repetitive that higher levels save little.
constexpr int kZstdLevel = 1;
// The stored kind byte is the enumerator's value, so the enum's order is part of the format.
constexpr auto kLastKind = static_cast<uint8_t>(ReceiptKind::kOther);
// The text columns in their stored order, with the names error messages use.
constexpr std::array<std::pair<std::string DonorReceipts::*, std::string_view>, 4> kTextColumns = {
    {{&DonorReceipts::donor_key, "donor_key"},
     {&DonorReceipts::state, "state"},
     {&DonorReceipts::employer, "employer"},
     {&DonorReceipts::occupation, "occupation"}}};
// The fewest bytes an entry takes in the columns: its kind, three one-byte varints and four
// one-byte lengths. Bounds the entry count before anything is allocated for it.
constexpr uint64_t kMinEntryBytes = 1 + 3 + kTextColumns.size();

// Zigzag maps small negative numbers to small unsigned ones (-1 → 1, 1 → 2), so refunds take
// as few bytes as receipts.
uint64_t ZigZag(int64_t value) {
  return (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
}

int64_t UnZigZag(uint64_t value) {
  return static_cast<int64_t>((value >> 1) ^ (uint64_t{0} - (value & 1)));
}

// The gap between gross and counted cents, wrapping instead of overflowing: with INT64 extremes
// the difference does not fit, but adding it back in the same modular arithmetic restores gross.
int64_t GrossDelta(base::Cents counted_cents, base::Cents gross_cents) {
  return static_cast<int64_t>(static_cast<uint64_t>(gross_cents) -
                              static_cast<uint64_t>(counted_cents));
}

base::Cents GrossFromDelta(base::Cents counted_cents, int64_t delta) {
  return static_cast<int64_t>(static_cast<uint64_t>(counted_cents) + static_cast<uint64_t>(delta));
}

// Reads packed bytes front to back. Every read checks what is left first, so a corrupt or cut
// blob yields nullopt, never a read past its end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  [[nodiscard]] std::optional<uint64_t> ReadVarint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (bytes_.empty()) return std::nullopt;
      const auto byte = static_cast<uint8_t>(bytes_.front());
      bytes_.remove_prefix(1);
      // The tenth byte holds bit 63 alone; anything more would overflow 64 bits.
      if (shift == 63 && byte > 1) return std::nullopt;
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<std::string_view> ReadBytes(uint64_t count) {
    if (count > bytes_.size()) return std::nullopt;
    const std::string_view read = bytes_.substr(0, static_cast<size_t>(count));
    bytes_.remove_prefix(static_cast<size_t>(count));
    return read;
  }

  [[nodiscard]] std::string_view rest() const { return bytes_; }

 private:
  std::string_view bytes_;
};

struct FreeZstdContext {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

absl::Status Corrupt(std::string_view cmte_id, std::string_view problem) {
  return absl::DataLossError(fmt::format("packed donor totals of {}: {}", cmte_id, problem));
}

// Fills `totals` from the decompressed columns, which hold exactly totals.size() entries.
absl::Status ReadColumns(std::string_view cmte_id, std::string_view columns,
                         std::vector<DonorReceipts>& totals) {
  ByteReader reader(columns);
  const std::optional<std::string_view> kinds = reader.ReadBytes(totals.size());
  if (!kinds) return Corrupt(cmte_id, "kind column cut short");
  for (size_t entry = 0; entry < totals.size(); ++entry) {
    const auto kind = static_cast<uint8_t>((*kinds)[entry]);
    if (kind > kLastKind) {
      return Corrupt(cmte_id,
                     fmt::format("entry {}: receipt kind {} is out of range", entry, kind));
    }
    totals[entry].kind = static_cast<ReceiptKind>(kind);
  }
  const auto read_varint = [&](size_t entry, std::string_view column) -> absl::StatusOr<uint64_t> {
    const std::optional<uint64_t> value = reader.ReadVarint();
    if (!value) {
      return Corrupt(cmte_id,
                     fmt::format("entry {}: {} is cut short or not a varint", entry, column));
    }
    return *value;
  };
  for (size_t entry = 0; entry < totals.size(); ++entry) {
    ASSIGN_OR_RETURN(const uint64_t rows, read_varint(entry, "rows"));
    totals[entry].rows = static_cast<int64_t>(rows);
  }
  for (size_t entry = 0; entry < totals.size(); ++entry) {
    ASSIGN_OR_RETURN(const uint64_t counted, read_varint(entry, "counted_cents"));
    totals[entry].counted_cents = UnZigZag(counted);
  }
  for (size_t entry = 0; entry < totals.size(); ++entry) {
    ASSIGN_OR_RETURN(const uint64_t delta, read_varint(entry, "gross_cents"));
    totals[entry].gross_cents = GrossFromDelta(totals[entry].counted_cents, UnZigZag(delta));
  }
  for (const auto& [field, column] : kTextColumns) {
    for (size_t entry = 0; entry < totals.size(); ++entry) {
      ASSIGN_OR_RETURN(const uint64_t length, read_varint(entry, column));
      const std::optional<std::string_view> text = reader.ReadBytes(length);
      if (!text) {
        return Corrupt(cmte_id, fmt::format("entry {}: {} of {} bytes runs past the end", entry,
                                            column, length));
      }
      totals[entry].*field = std::string(*text);
    }
  }
  if (!reader.rest().empty()) {
    return Corrupt(cmte_id, fmt::format("{} bytes after the last column", reader.rest().size()));
  }
  return absl::OkStatus();
}

}  // namespace

// The column buffers and the zstd context live as long as the packer, so packing committee
// after committee reuses their memory instead of allocating it again for each.
struct DonorReceiptsPacker::Columns {
  std::string kinds;
  std::string rows;
  std::string counted_cents;
  std::string gross_deltas;
  std::array<std::string, kTextColumns.size()> text;
  std::string uncompressed;  // the columns joined, as zstd compresses them
  // ZSTD_compressBound bytes; Finish copies out only the frame, so that a committee's blob does
  // not carry this slack as capacity while it waits for the store.
  std::string compressed;
  std::unique_ptr<ZSTD_CCtx, FreeZstdContext> context{ZSTD_createCCtx()};
};

DonorReceiptsPacker::DonorReceiptsPacker() : columns_(std::make_unique<Columns>()) {
  ZSTD_CCtx* context = columns_->context.get();
  DOWNBALLOT_CHECK(context != nullptr);
  DOWNBALLOT_CHECK(
      !ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, kZstdLevel)));
  // SQLite keeps no checksum of its pages; the frame's (XXH64 of the columns) is what turns a
  // flipped bit inside a blob into DataLoss instead of a wrong total.
  DOWNBALLOT_CHECK(!ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)));
}

DonorReceiptsPacker::~DonorReceiptsPacker() = default;

void DonorReceiptsPacker::Add(ReceiptKind kind, int64_t rows, base::Cents counted_cents,
                              base::Cents gross_cents, std::string_view donor_key,
                              std::string_view state, std::string_view employer,
                              std::string_view occupation) {
  Columns& columns = *columns_;
  columns.kinds.push_back(static_cast<char>(kind));
  base::AppendVarint(columns.rows, static_cast<uint64_t>(rows));
  base::AppendVarint(columns.counted_cents, ZigZag(counted_cents));
  base::AppendVarint(columns.gross_deltas, ZigZag(GrossDelta(counted_cents, gross_cents)));
  const std::array<std::string_view, kTextColumns.size()> text = {donor_key, state, employer,
                                                                  occupation};
  for (size_t column = 0; column < text.size(); ++column) {
    base::AppendVarint(columns.text[column], text[column].size());
    columns.text[column].append(text[column]);
  }
  ++entries_;
}

void DonorReceiptsPacker::Add(const DonorReceipts& receipts) {
  Add(receipts.kind, receipts.rows, receipts.counted_cents, receipts.gross_cents,
      receipts.donor_key, receipts.state, receipts.employer, receipts.occupation);
}

std::string DonorReceiptsPacker::Finish() {
  Columns& columns = *columns_;
  std::string& uncompressed = columns.uncompressed;
  uncompressed.clear();
  const auto join = [&uncompressed](std::string& column) {
    uncompressed.append(column);
    column.clear();  // keeps its capacity for the next committee
  };
  for (std::string* column :
       {&columns.kinds, &columns.rows, &columns.counted_cents, &columns.gross_deltas}) {
    join(*column);
  }
  for (std::string& column : columns.text) join(column);

  columns.compressed.resize(ZSTD_compressBound(uncompressed.size()));
  // ZSTD_compress2, not ZSTD_compressCCtx: the latter ignores the context's checksum flag.
  const size_t compressed_bytes =
      ZSTD_compress2(columns.context.get(), columns.compressed.data(), columns.compressed.size(),
                     uncompressed.data(), uncompressed.size());
  // With a destination of ZSTD_compressBound bytes, only a bug or lack of memory fails.
  DOWNBALLOT_CHECK(!ZSTD_isError(compressed_bytes));

  std::string packed(1, static_cast<char>(kFormatVersion));
  base::AppendVarint(packed, static_cast<uint64_t>(entries_));
  base::AppendVarint(packed, uncompressed.size());
  packed.append(columns.compressed, 0, compressed_bytes);
  entries_ = 0;
  return packed;
}

absl::StatusOr<std::vector<DonorReceipts>> UnpackDonorReceipts(std::string_view cmte_id,
                                                               std::string_view packed) {
  ByteReader header(packed);
  const std::optional<std::string_view> version = header.ReadBytes(1);
  if (!version) return Corrupt(cmte_id, "empty");
  if (static_cast<uint8_t>((*version)[0]) != kFormatVersion) {
    return Corrupt(cmte_id, fmt::format("format version {}, expected {}",
                                        static_cast<uint8_t>((*version)[0]), kFormatVersion));
  }
  const std::optional<uint64_t> entries = header.ReadVarint();
  const std::optional<uint64_t> uncompressed_bytes = header.ReadVarint();
  if (!entries || !uncompressed_bytes) {
    return Corrupt(cmte_id, "header is cut short or has a malformed varint");
  }

  const std::string_view frame = header.rest();
  const size_t frame_bytes = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
  if (ZSTD_isError(frame_bytes)) {
    return Corrupt(cmte_id, fmt::format("zstd frame: {}", ZSTD_getErrorName(frame_bytes)));
  }
  if (frame_bytes != frame.size()) {
    return Corrupt(cmte_id,
                   fmt::format("{} bytes after the zstd frame", frame.size() - frame_bytes));
  }
  // The header and the frame record the size independently; they must agree before it is
  // allocated, so one corrupt varint cannot ask for gigabytes.
  const auto frame_content_bytes = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (frame_content_bytes == ZSTD_CONTENTSIZE_UNKNOWN ||
      frame_content_bytes == ZSTD_CONTENTSIZE_ERROR) {
    return Corrupt(cmte_id, "zstd frame does not record its size");
  }
  if (frame_content_bytes != *uncompressed_bytes) {
    return Corrupt(cmte_id, fmt::format("header says {} column bytes, zstd frame {}",
                                        *uncompressed_bytes, frame_content_bytes));
  }
  if (*entries > *uncompressed_bytes / kMinEntryBytes) {
    return Corrupt(cmte_id, fmt::format("{} entries cannot fit in {} column bytes", *entries,
                                        *uncompressed_bytes));
  }

  std::string columns(static_cast<size_t>(*uncompressed_bytes), '\0');
  const size_t decompressed_bytes =
      ZSTD_decompress(columns.data(), columns.size(), frame.data(), frame.size());
  // zstd itself checks that the frame fills exactly its recorded size and matches its checksum.
  if (ZSTD_isError(decompressed_bytes)) {
    return Corrupt(cmte_id, fmt::format("zstd: {}", ZSTD_getErrorName(decompressed_bytes)));
  }

  std::vector<DonorReceipts> totals(static_cast<size_t>(*entries));
  RETURN_IF_ERROR(ReadColumns(cmte_id, columns, totals));
  for (DonorReceipts& total : totals) total.cmte_id = std::string(cmte_id);
  return totals;
}

}  // namespace downballot::model
