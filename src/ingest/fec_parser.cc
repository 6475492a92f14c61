#include "ingest/fec_parser.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

#include "base/check.h"
#include "base/money.h"
#include "base/parallel.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "base/text_encoding.h"
#include "fmt/format.h"
#include "ingest/archive_reader.h"

namespace downballot::ingest {
namespace {

// The FEC caps every bulk field (MEMO_TEXT at 100 characters, names at 200), so a real row is
// well under 1 KiB; a "line" of a megabyte means the file is not an FEC text file at all.
constexpr size_t kMaxLineBytes = 1024 * 1024;
// Large reads keep libarchive's inflate and the syscall count cheap on multi-GB itcont files.
constexpr size_t kChunkBytes = 1024 * 1024;
// Years accepted in transaction dates: FEC data starts in the 1970s; a date outside this span is
// a typo that would corrupt date ranges, so the row is rejected.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr char kFieldSeparator = '|';

// Buffers a ByteSource and hands out one line at a time, views valid until the next call.
class LineReader {
 public:
  // `first_position` is where the source's first byte is in the file.
  explicit LineReader(ByteSource& source, size_t chunk_bytes = kChunkBytes,
                      int64_t first_position = 0)
      : source_(&source),
        chunk_bytes_(std::max<size_t>(chunk_bytes, 1)),
        buffer_position_(first_position) {}

  // Over `bytes`, whole lines already in memory (starting at `first_position` in the file),
  // read in place: a zip's blocks are not copied again.
  LineReader(std::string_view bytes, int64_t first_position)
      : chunk_bytes_(1),
        data_(bytes.data()),
        end_(bytes.size()),
        buffer_position_(first_position),
        is_eof_(true),
        is_first_read_(false) {}

  // Sets `line` to the next line without its '\n' and `has_newline` to whether it ended with
  // one; returns false at the end.
  absl::StatusOr<bool> Next(std::string_view& line, bool& has_newline, int64_t line_number) {
    for (;;) {
      const char* begin = data_ + start_;
      const void* found = std::memchr(begin, '\n', end_ - start_);
      if (found != nullptr) {
        const size_t length = static_cast<size_t>(static_cast<const char*>(found) - begin);
        line = std::string_view(begin, length);
        line_position_ = buffer_position_ + static_cast<int64_t>(start_);
        start_ += length + 1;
        has_newline = true;
        return true;
      }
      if (is_eof_) {
        if (start_ == end_) return false;
        line = std::string_view(begin, end_ - start_);
        line_position_ = buffer_position_ + static_cast<int64_t>(start_);
        start_ = end_;
        has_newline = false;
        return true;
      }
      if (end_ - start_ > kMaxLineBytes) {
        is_line_too_long_ = true;
        return absl::InvalidArgumentError(
            fmt::format("{}:{}: line longer than {} bytes, not an FEC bulk file", source_->path(),
                        line_number, kMaxLineBytes));
      }
      RETURN_IF_ERROR(Fill());
    }
  }

  // Where the line Next last returned starts in the file.
  [[nodiscard]] int64_t line_position() const { return line_position_; }
  // Where the bytes read so far end in the file.
  [[nodiscard]] int64_t end_position() const {
    return buffer_position_ + static_cast<int64_t>(end_);
  }
  // True once the first chunk has been read and holds a NUL byte.
  [[nodiscard]] bool is_first_chunk_binary() const { return is_first_chunk_binary_; }
  // True once Next has failed on a line longer than kMaxLineBytes.
  [[nodiscard]] bool is_line_too_long() const { return is_line_too_long_; }

 private:
  absl::Status Fill() {
    // Move the unfinished line to the front, then read behind it.
    if (start_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
      buffer_position_ += static_cast<int64_t>(start_);
      end_ -= start_;
      start_ = 0;
    }
    if (buffer_.size() < end_ + chunk_bytes_) buffer_.resize(end_ + chunk_bytes_);
    ASSIGN_OR_RETURN(const size_t num_read, source_->Read(buffer_.data() + end_, chunk_bytes_));
    if (is_first_read_) {
      is_first_read_ = false;
      is_first_chunk_binary_ = std::memchr(buffer_.data() + end_, '\0', num_read) != nullptr;
    }
    end_ += num_read;
    data_ = buffer_.data();
    if (num_read == 0) is_eof_ = true;
    return absl::OkStatus();
  }

  ByteSource* source_ = nullptr;  // null when reading bytes in memory, which never refills
  size_t chunk_bytes_;
  std::string buffer_;
  const char* data_ = buffer_.data();  // buffer_'s bytes, or the caller's in-place
  size_t start_ = 0;
  size_t end_ = 0;
  int64_t buffer_position_ = 0;  // of buffer_[0] in the file
  int64_t line_position_ = 0;
  bool is_eof_ = false;
  bool is_first_read_ = true;
  bool is_first_chunk_binary_ = false;
  bool is_line_too_long_ = false;
};

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsCalendarDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDaysInMonth = {31, 28, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  const int days =
      kDaysInMonth[static_cast<size_t>(month - 1)] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  return day <= days;
}

std::optional<base::Date> MakeDate(int year, int month, int day) {
  if (!IsCalendarDate(year, month, day)) return std::nullopt;
  return base::Date{year, month, day};
}

// ParseFecDate as yyyymmdd (model::DateKey), returned through `key`: perf showed returning the
// optional<Date> stall the caller's load of it (a store-forwarding failure) on every row.
bool ParseFecDateKey(std::string_view text, int& key) {
  if (text.size() != 8) return false;
  int digits[8];
  for (size_t idx = 0; idx < 8; ++idx) {
    digits[idx] = text[idx] - '0';
    if (digits[idx] < 0 || digits[idx] > 9) return false;
  }
  const int month = digits[0] * 10 + digits[1];
  const int day = digits[2] * 10 + digits[3];
  const int year = digits[4] * 1000 + digits[5] * 100 + digits[6] * 10 + digits[7];
  if (!IsCalendarDate(year, month, day)) return false;
  key = year * 10000 + month * 100 + day;
  return true;
}

// True when base::ParseInt accepts `text`. Digits alone fit an int64 up to 18 of them, and at
// 19 when the first is below 9 (INT64_MAX is 9223372036854775807): that settles every real
// FILE_NUM and SUB_ID (19 digits) without from_chars.
bool IsParsableInt(std::string_view text) {
  constexpr size_t kMaxSafeDigits = 18;
  const bool fits = !text.empty() && (text.size() <= kMaxSafeDigits ||
                                      (text.size() == kMaxSafeDigits + 1 && text[0] < '9'));
  if (fits && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return true;
  }
  return base::ParseInt(text).has_value();
}

int DigitsValue(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// "02/05/2019": the weball/webl coverage date, unlike the MMDDYYYY of Schedule A files.
std::optional<base::Date> ParseSlashDate(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  const std::string_view month = text.substr(0, 2);
  const std::string_view day = text.substr(3, 2);
  const std::string_view year = text.substr(6, 4);
  if (!IsDigits(month) || !IsDigits(day) || !IsDigits(year)) return std::nullopt;
  return MakeDate(DigitsValue(year), DigitsValue(month), DigitsValue(day));
}

absl::Status FieldError(std::string_view column, std::string reason) {
  return absl::InvalidArgumentError(fmt::format("{}: {}", column, reason));
}

// Reads one row's fields by column name; every accessor validates and names the column.
template <size_t N>
class RowFields {
 public:
  RowFields(const std::array<std::string_view, N>& columns,
            std::span<const std::string_view> fields)
      : columns_(columns), fields_(fields) {}

  [[nodiscard]] absl::Status CheckCount() const {
    if (fields_.size() != N) {
      return absl::InvalidArgumentError(
          fmt::format("expected {} fields, got {}", N, fields_.size()));
    }
    return absl::OkStatus();
  }

  [[nodiscard]] std::string Text(size_t column) const { return std::string(fields_[column]); }

  [[nodiscard]] absl::StatusOr<std::string> Required(size_t column) const {
    if (fields_[column].empty()) return FieldError(columns_[column], "is empty");
    return Text(column);
  }

  [[nodiscard]] absl::StatusOr<std::string> OneOf(size_t column,
                                                  std::span<const std::string_view> allowed,
                                                  std::string_view allowed_text) const {
    const std::string_view value = fields_[column];
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      return FieldError(columns_[column],
                        fmt::format("'{}' is not one of {}", value, allowed_text));
    }
    return std::string(value);
  }

  // Any four digits: cn.txt and ccl.txt carry FEC typos and novelty filings (2106, 2820, 2916,
  // presidential runs "for" 2032..2064) on real candidates, who must still be linkable.
  [[nodiscard]] absl::StatusOr<int> Year(size_t column) const {
    const std::string_view value = fields_[column];
    if (value.size() != 4 || !IsDigits(value)) {
      return FieldError(columns_[column], fmt::format("'{}' is not a year", value));
    }
    return DigitsValue(value);
  }

  // Empty reads as `if_empty` when given, else is an error.
  [[nodiscard]] absl::StatusOr<int64_t> Integer(size_t column,
                                                std::optional<int64_t> if_empty) const {
    const std::string_view value = fields_[column];
    if (value.empty() && if_empty.has_value()) return *if_empty;
    const std::optional<int64_t> number = base::ParseInt(value);
    if (!number.has_value()) {
      return FieldError(columns_[column], fmt::format("'{}' is not an integer", value));
    }
    return *number;
  }

  [[nodiscard]] absl::StatusOr<base::Cents> Amount(size_t column, bool is_empty_zero) const {
    const std::string_view value = fields_[column];
    if (value.empty() && is_empty_zero) return base::Cents{0};
    const std::optional<base::Cents> cents = base::ParseCents(value);
    if (!cents.has_value()) {
      return FieldError(columns_[column], fmt::format("'{}' is not an amount", value));
    }
    return *cents;
  }

  [[nodiscard]] absl::StatusOr<std::optional<base::Date>> OptionalDate(size_t column) const {
    const std::string_view value = fields_[column];
    if (value.empty()) return std::optional<base::Date>();
    std::optional<base::Date> date = ParseFecDate(value);
    if (!date.has_value()) {
      return FieldError(columns_[column], fmt::format("'{}' is not a date (MMDDYYYY)", value));
    }
    return date;
  }

  [[nodiscard]] absl::StatusOr<std::optional<base::Date>> OptionalSlashDate(size_t column) const {
    const std::string_view value = fields_[column];
    if (value.empty()) return std::optional<base::Date>();
    std::optional<base::Date> date = ParseSlashDate(value);
    if (!date.has_value()) {
      return FieldError(columns_[column], fmt::format("'{}' is not a date (MM/DD/YYYY)", value));
    }
    return date;
  }

 private:
  const std::array<std::string_view, N>& columns_;
  std::span<const std::string_view> fields_;
};

// Deliberately not constexpr: Col() reaching it is not a constant expression.
inline void UnknownFecColumn() {}

// The index of a column named in a parser; consteval, so a misspelt name fails the build.
template <size_t N>
consteval size_t Col(const std::array<std::string_view, N>& columns, std::string_view name) {
  const size_t idx = FecColumnIndex(columns, name);
  if (idx >= N) UnknownFecColumn();
  return idx;
}

constexpr std::array<std::string_view, 3> kAmendmentCodes = {"N", "A", "T"};
constexpr std::array<std::string_view, 2> kMemoCodes = {"", "X"};
constexpr std::array<std::string_view, 3> kOfficeCodes = {"H", "S", "P"};

// Shared by ForEachContribution and the Read* helpers: parse each row, reject the bad ones.
template <typename Record, typename Parse, typename Sink>
absl::Status ParseRows(const std::string& path, FecFileKind kind, model::FileReport& report,
                       Parse parse, Sink sink) {
  return ForEachFecRow(path, kind, report,
                       [&](int64_t line, std::span<const std::string_view> fields) -> absl::Status {
                         absl::StatusOr<Record> record = parse(fields, line);
                         if (!record.ok()) {
                           RejectFecRow(report, line, record.status());
                           return absl::OkStatus();
                         }
                         return sink(*std::move(record));
                       });
}

template <typename Record, typename Parse>
absl::StatusOr<std::vector<Record>> ReadAll(const std::string& path, FecFileKind kind,
                                            model::FileReport& report, Parse parse) {
  std::vector<Record> records;
  RETURN_IF_ERROR(ParseRows<Record>(path, kind, report, parse, [&](Record record) {
    records.push_back(std::move(record));
    return absl::OkStatus();
  }));
  return records;
}

}  // namespace

std::optional<base::Date> ParseFecDate(std::string_view text) {
  int key = 0;
  if (!ParseFecDateKey(text, key)) return std::nullopt;
  return base::Date{key / 10000, key / 100 % 100, key % 100};
}

absl::Status ForEachFecRow(const std::string& path, FecFileKind kind, model::FileReport& report,
                           const FecRowCallback& on_row) {
  if (report.path.empty()) report.path = path;
  if (report.kind.empty()) report.kind = std::string(ToString(kind));
  ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenByteSource(path));
  const size_t num_fields = FecFieldCount(kind);
  LineReader reader(*source);
  std::vector<std::string_view> fields;
  fields.reserve(num_fields + 1);
  std::vector<std::string> decoded;
  int64_t line_number = 0;
  int64_t num_blank = 0;
  int64_t num_trailing_separator = 0;
  int64_t num_latin1_fields = 0;
  std::string_view line;
  bool has_newline = false;
  for (;;) {
    ASSIGN_OR_RETURN(const bool has_line, reader.Next(line, has_newline, line_number + 1));
    if (line_number == 0 && reader.is_first_chunk_binary()) {
      return absl::InvalidArgumentError(
          fmt::format("{}: binary content (NUL byte), not an FEC text file", path));
    }
    if (!has_line) break;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1) line = base::StripBom(line);
    if (line.empty()) {
      ++num_blank;
      continue;
    }
    fields.clear();
    size_t field_start = 0;
    for (;;) {
      const size_t separator = line.find(kFieldSeparator, field_start);
      if (separator == std::string_view::npos) {
        fields.push_back(line.substr(field_start));
        break;
      }
      fields.push_back(line.substr(field_start, separator - field_start));
      field_start = separator + 1;
    }
    // A trailing '|' (oppexp.txt ends every line with one) adds an empty field past the
    // layout. The field shift it could hide is caught by the typed columns, so drop it.
    if (fields.size() == num_fields + 1 && fields.back().empty()) {
      fields.pop_back();
      ++num_trailing_separator;
    }
    if (fields.size() != num_fields) {
      const std::string reason =
          fmt::format("expected {} fields, got {}", num_fields, fields.size());
      if (!has_newline) {
        return absl::InvalidArgumentError(
            fmt::format("{}:{}: file is truncated: {}", path, line_number, reason));
      }
      ++report.rows_read;
      report.Reject(line_number, "", reason);
      continue;
    }
    ++report.rows_read;
    if (!IsAscii(line)) {
      decoded.assign(num_fields, std::string());
      for (size_t field_idx = 0; field_idx < num_fields; ++field_idx) {
        if (IsAscii(fields[field_idx])) continue;
        if (!base::IsValidUtf8(fields[field_idx])) ++num_latin1_fields;
        decoded[field_idx] = base::ToUtf8Lenient(fields[field_idx]);
        fields[field_idx] = decoded[field_idx];
      }
    }
    RETURN_IF_ERROR(on_row(line_number, fields));
  }
  if (num_blank > 0) report.notes.push_back(fmt::format("{} blank lines skipped", num_blank));
  if (num_trailing_separator > 0) {
    report.notes.push_back(
        fmt::format("{} lines end with a trailing '|': ignored", num_trailing_separator));
  }
  if (num_latin1_fields > 0) {
    report.notes.push_back(
        fmt::format("{} fields held bytes that are not UTF-8: read as Latin-1", num_latin1_fields));
  }
  return absl::OkStatus();
}

void RejectFecRow(model::FileReport& report, int64_t line, const absl::Status& row_error) {
  const std::string message(row_error.message());
  const size_t colon = message.find(": ");
  const std::string_view column = std::string_view(message).substr(0, colon);
  const bool is_column =
      colon != std::string::npos && !column.empty() &&
      column.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos;
  if (is_column) {
    report.Reject(line, std::string(column), message.substr(colon + 2));
  } else {
    report.Reject(line, "", message);
  }
}

absl::StatusOr<model::FecCandidate> ParseCandidate(std::span<const std::string_view> fields,
                                                   int64_t /*line*/) {
  constexpr const auto& kCols = kCandidateColumns;
  const RowFields row(kCols, fields);
  RETURN_IF_ERROR(row.CheckCount());
  model::FecCandidate candidate;
  ASSIGN_OR_RETURN(candidate.cand_id, row.Required(Col(kCols, "CAND_ID")));
  candidate.name = row.Text(Col(kCols, "CAND_NAME"));
  candidate.party = row.Text(Col(kCols, "CAND_PTY_AFFILIATION"));
  ASSIGN_OR_RETURN(candidate.election_year, row.Year(Col(kCols, "CAND_ELECTION_YR")));
  candidate.office_state = row.Text(Col(kCols, "CAND_OFFICE_ST"));
  ASSIGN_OR_RETURN(candidate.office, row.OneOf(Col(kCols, "CAND_OFFICE"), kOfficeCodes, "H, S, P"));
  candidate.office_district = row.Text(Col(kCols, "CAND_OFFICE_DISTRICT"));
  candidate.incumbent_challenger = row.Text(Col(kCols, "CAND_ICI"));
  candidate.status = row.Text(Col(kCols, "CAND_STATUS"));
  candidate.principal_committee = row.Text(Col(kCols, "CAND_PCC"));
  candidate.state = row.Text(Col(kCols, "CAND_ST"));
  candidate.zip = row.Text(Col(kCols, "CAND_ZIP"));
  return candidate;
}

absl::StatusOr<model::FecCommittee> ParseCommittee(std::span<const std::string_view> fields,
                                                   int64_t /*line*/) {
  constexpr const auto& kCols = kCommitteeColumns;
  const RowFields row(kCols, fields);
  RETURN_IF_ERROR(row.CheckCount());
  model::FecCommittee committee;
  ASSIGN_OR_RETURN(committee.cmte_id, row.Required(Col(kCols, "CMTE_ID")));
  committee.name = row.Text(Col(kCols, "CMTE_NM"));
  committee.treasurer = row.Text(Col(kCols, "TRES_NM"));
  committee.state = row.Text(Col(kCols, "CMTE_ST"));
  committee.zip = row.Text(Col(kCols, "CMTE_ZIP"));
  committee.designation = row.Text(Col(kCols, "CMTE_DSGN"));
  committee.type = row.Text(Col(kCols, "CMTE_TP"));
  committee.party = row.Text(Col(kCols, "CMTE_PTY_AFFILIATION"));
  committee.filing_frequency = row.Text(Col(kCols, "CMTE_FILING_FREQ"));
  committee.org_type = row.Text(Col(kCols, "ORG_TP"));
  committee.connected_org = row.Text(Col(kCols, "CONNECTED_ORG_NM"));
  committee.cand_id = row.Text(Col(kCols, "CAND_ID"));
  return committee;
}

absl::StatusOr<model::FecLinkage> ParseLinkage(std::span<const std::string_view> fields,
                                               int64_t /*line*/) {
  constexpr const auto& kCols = kLinkageColumns;
  const RowFields row(kCols, fields);
  RETURN_IF_ERROR(row.CheckCount());
  model::FecLinkage linkage;
  ASSIGN_OR_RETURN(linkage.cand_id, row.Required(Col(kCols, "CAND_ID")));
  ASSIGN_OR_RETURN(linkage.cand_election_year, row.Year(Col(kCols, "CAND_ELECTION_YR")));
  ASSIGN_OR_RETURN(linkage.fec_election_year, row.Year(Col(kCols, "FEC_ELECTION_YR")));
  ASSIGN_OR_RETURN(linkage.cmte_id, row.Required(Col(kCols, "CMTE_ID")));
  linkage.cmte_type = row.Text(Col(kCols, "CMTE_TP"));
  linkage.cmte_designation = row.Text(Col(kCols, "CMTE_DSGN"));
  ASSIGN_OR_RETURN(linkage.linkage_id, row.Integer(Col(kCols, "LINKAGE_ID"), std::nullopt));
  return linkage;
}

namespace {

// itcont/itoth and itpas2 differ only by itpas2's CAND_ID, so one body serves both layouts.
template <const auto& cols>
absl::StatusOr<model::Contribution> ParseContributionColumns(
    std::span<const std::string_view> fields, int64_t line) {
  const RowFields row(cols, fields);
  RETURN_IF_ERROR(row.CheckCount());
  model::Contribution c;
  c.line = line;
  ASSIGN_OR_RETURN(c.cmte_id, row.Required(Col(cols, "CMTE_ID")));
  ASSIGN_OR_RETURN(c.amendment, row.OneOf(Col(cols, "AMNDT_IND"), kAmendmentCodes, "N, A, T"));
  c.report_type = row.Text(Col(cols, "RPT_TP"));
  c.primary_general = row.Text(Col(cols, "TRANSACTION_PGI"));
  c.image_num = row.Text(Col(cols, "IMAGE_NUM"));
  c.transaction_type = row.Text(Col(cols, "TRANSACTION_TP"));
  c.entity_type = row.Text(Col(cols, "ENTITY_TP"));
  c.name = row.Text(Col(cols, "NAME"));
  c.city = row.Text(Col(cols, "CITY"));
  c.state = row.Text(Col(cols, "STATE"));
  c.zip = row.Text(Col(cols, "ZIP_CODE"));
  c.employer = row.Text(Col(cols, "EMPLOYER"));
  c.occupation = row.Text(Col(cols, "OCCUPATION"));
  ASSIGN_OR_RETURN(c.date, row.OptionalDate(Col(cols, "TRANSACTION_DT")));
  ASSIGN_OR_RETURN(c.amount_cents, row.Amount(Col(cols, "TRANSACTION_AMT"), false));
  c.other_id = row.Text(Col(cols, "OTHER_ID"));
  if constexpr (FecColumnIndex(cols, "CAND_ID") < cols.size()) {
    // Empty on PAC contributions to committees without a candidate (98 of 3,159 24K rows).
    c.cand_id = row.Text(Col(cols, "CAND_ID"));
  }
  c.tran_id = row.Text(Col(cols, "TRAN_ID"));
  ASSIGN_OR_RETURN(c.file_num, row.Integer(Col(cols, "FILE_NUM"), int64_t{0}));
  ASSIGN_OR_RETURN(c.memo_code, row.OneOf(Col(cols, "MEMO_CD"), kMemoCodes, "'' or X"));
  c.memo_text = row.Text(Col(cols, "MEMO_TEXT"));
  ASSIGN_OR_RETURN(c.sub_id, row.Integer(Col(cols, "SUB_ID"), std::nullopt));
  return c;
}

}  // namespace

absl::StatusOr<model::Contribution> ParseContribution(FecFileKind kind,
                                                      std::span<const std::string_view> fields,
                                                      int64_t line) {
  switch (kind) {
    case FecFileKind::kIndividualContributions:
    case FecFileKind::kCommitteeToCommittee:
      return ParseContributionColumns<kContributionColumns>(fields, line);
    case FecFileKind::kCommitteeToCandidate:
      return ParseContributionColumns<kCommitteeToCandidateColumns>(fields, line);
    default:
      return absl::InvalidArgumentError(
          fmt::format("{} is not a contribution layout", ToString(kind)));
  }
}

absl::StatusOr<model::FecCandidateSummary> ParseCandidateSummary(
    std::span<const std::string_view> fields, int64_t /*line*/) {
  constexpr const auto& kCols = kCandidateSummaryColumns;
  const RowFields row(kCols, fields);
  RETURN_IF_ERROR(row.CheckCount());
  model::FecCandidateSummary s;
  ASSIGN_OR_RETURN(s.cand_id, row.Required(Col(kCols, "CAND_ID")));
  s.name = row.Text(Col(kCols, "CAND_NAME"));
  s.incumbent_challenger = row.Text(Col(kCols, "CAND_ICI"));
  s.party_code = row.Text(Col(kCols, "PTY_CD"));
  s.party = row.Text(Col(kCols, "CAND_PTY_AFFILIATION"));
  ASSIGN_OR_RETURN(s.total_receipts, row.Amount(Col(kCols, "TTL_RECEIPTS"), true));
  ASSIGN_OR_RETURN(s.transfers_from_authorized, row.Amount(Col(kCols, "TRANS_FROM_AUTH"), true));
  ASSIGN_OR_RETURN(s.total_disbursements, row.Amount(Col(kCols, "TTL_DISB"), true));
  ASSIGN_OR_RETURN(s.transfers_to_authorized, row.Amount(Col(kCols, "TRANS_TO_AUTH"), true));
  ASSIGN_OR_RETURN(s.cash_on_hand_start, row.Amount(Col(kCols, "COH_BOP"), true));
  ASSIGN_OR_RETURN(s.cash_on_hand_end, row.Amount(Col(kCols, "COH_COP"), true));
  ASSIGN_OR_RETURN(s.candidate_contributions, row.Amount(Col(kCols, "CAND_CONTRIB"), true));
  ASSIGN_OR_RETURN(s.candidate_loans, row.Amount(Col(kCols, "CAND_LOANS"), true));
  ASSIGN_OR_RETURN(s.other_loans, row.Amount(Col(kCols, "OTHER_LOANS"), true));
  ASSIGN_OR_RETURN(s.candidate_loan_repayments, row.Amount(Col(kCols, "CAND_LOAN_REPAY"), true));
  ASSIGN_OR_RETURN(s.other_loan_repayments, row.Amount(Col(kCols, "OTHER_LOAN_REPAY"), true));
  ASSIGN_OR_RETURN(s.debts_owed_by, row.Amount(Col(kCols, "DEBTS_OWED_BY"), true));
  ASSIGN_OR_RETURN(s.individual_contributions, row.Amount(Col(kCols, "TTL_INDIV_CONTRIB"), true));
  s.office_state = row.Text(Col(kCols, "CAND_OFFICE_ST"));
  s.office_district = row.Text(Col(kCols, "CAND_OFFICE_DISTRICT"));
  s.special_election_status = row.Text(Col(kCols, "SPEC_ELECTION"));
  s.primary_election_status = row.Text(Col(kCols, "PRIM_ELECTION"));
  s.runoff_election_status = row.Text(Col(kCols, "RUN_ELECTION"));
  s.general_election_status = row.Text(Col(kCols, "GEN_ELECTION"));
  s.general_election_percent = row.Text(Col(kCols, "GEN_ELECTION_PRECENT"));
  ASSIGN_OR_RETURN(s.other_committee_contributions,
                   row.Amount(Col(kCols, "OTHER_POL_CMTE_CONTRIB"), true));
  ASSIGN_OR_RETURN(s.party_contributions, row.Amount(Col(kCols, "POL_PTY_CONTRIB"), true));
  ASSIGN_OR_RETURN(s.coverage_end_date, row.OptionalSlashDate(Col(kCols, "CVG_END_DT")));
  ASSIGN_OR_RETURN(s.individual_refunds, row.Amount(Col(kCols, "INDIV_REFUNDS"), true));
  ASSIGN_OR_RETURN(s.committee_refunds, row.Amount(Col(kCols, "CMTE_REFUNDS"), true));
  return s;
}

absl::Status ForEachContribution(
    const std::string& path, FecFileKind kind, model::FileReport& report,
    const std::function<absl::Status(const model::Contribution&)>& on_contribution) {
  if (kind != FecFileKind::kIndividualContributions && kind != FecFileKind::kCommitteeToCandidate &&
      kind != FecFileKind::kCommitteeToCommittee) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {} is not a contribution layout", path, ToString(kind)));
  }
  return ParseRows<model::Contribution>(
      path, kind, report,
      [kind](std::span<const std::string_view> fields, int64_t line) {
        return ParseContribution(kind, fields, line);
      },
      [&](const model::Contribution& contribution) { return on_contribution(contribution); });
}

absl::StatusOr<std::vector<model::FecCandidate>> ReadFecCandidates(const std::string& path,
                                                                   model::FileReport& report) {
  return ReadAll<model::FecCandidate>(path, FecFileKind::kCandidates, report, ParseCandidate);
}

absl::StatusOr<std::vector<model::FecCommittee>> ReadFecCommittees(const std::string& path,
                                                                   model::FileReport& report) {
  return ReadAll<model::FecCommittee>(path, FecFileKind::kCommittees, report, ParseCommittee);
}

absl::StatusOr<std::vector<model::FecLinkage>> ReadFecLinkages(const std::string& path,
                                                               model::FileReport& report) {
  return ReadAll<model::FecLinkage>(path, FecFileKind::kLinkages, report, ParseLinkage);
}

absl::StatusOr<std::vector<model::FecCandidateSummary>> ReadFecCandidateSummaries(
    const std::string& path, model::FileReport& report) {
  return ReadAll<model::FecCandidateSummary>(path, FecFileKind::kCandidateSummary, report,
                                             ParseCandidateSummary);
}

absl::StatusOr<std::vector<model::Contribution>> ReadFecCommitteeToCandidate(
    const std::string& path, model::FileReport& report) {
  return ReadAll<model::Contribution>(path, FecFileKind::kCommitteeToCandidate, report,
                                      [](std::span<const std::string_view> fields, int64_t line) {
                                        return ParseContribution(FecFileKind::kCommitteeToCandidate,
                                                                 fields, line);
                                      });
}

namespace {

// What one chunk of a ScanContributions pass adds to the report; line numbers are chunk-local
// until the chunks before it are counted.
struct ChunkScan {
  model::FileReport report;  // rows_read, rows_rejected and rejects only
  int64_t lines = 0;
  int64_t num_blank = 0;
  int64_t num_trailing_separator = 0;
  int64_t num_latin1_fields = 0;
  // A whole-file error: `status` when it needs no line number, else one of the two below at
  // chunk-local `failed_line`.
  absl::Status status;
  bool is_truncated = false;
  bool is_line_too_long = false;
  // `status` is a read error of a zip cut short: the message gets the last whole line read.
  bool is_read_error = false;
  int64_t failed_line = 0;
  std::string failed_reason;
  [[nodiscard]] bool failed() const { return !status.ok() || is_truncated || is_line_too_long; }
};

// True when no byte of `text` has its high bit set; eight bytes at a time, since every row
// is checked and nearly all are ASCII.
bool IsAsciiFast(std::string_view text) {
  uint64_t high_bits = 0;
  size_t idx = 0;
  for (; idx + 8 <= text.size(); idx += 8) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + idx, 8);
    high_bits |= word;
  }
  for (; idx < text.size(); ++idx) high_bits |= static_cast<unsigned char>(text[idx]);
  return (high_bits & 0x8080808080808080ULL) == 0;
}

// ParseCents with a shortcut for integer dollars ("250", "-8530"), 99.9% of TRANSACTION_AMT
// values in the real sample; anything else goes to ParseCents, so the accepted language is
// exactly its. Returns through `cents`, as ParseFecDateKey does.
bool ParseAmountFast(std::string_view text, base::Cents& cents) {
  constexpr size_t kMaxFastDigits = 15;  // 10^15 dollars * 100 still fits in int64
  const bool is_negative = !text.empty() && text.front() == '-';
  const size_t first = is_negative ? 1 : 0;
  if (text.size() > first && text.size() - first <= kMaxFastDigits) {
    base::Cents dollars = 0;
    size_t idx = first;
    for (; idx < text.size(); ++idx) {
      const auto digit = static_cast<unsigned char>(text[idx] - '0');
      if (digit > 9) break;
      dollars = dollars * 10 + digit;
    }
    if (idx == text.size()) {
      cents = is_negative ? -dollars * 100 : dollars * 100;
      return true;
    }
  }
  const std::optional<base::Cents> parsed = base::ParseCents(text);
  if (!parsed) return false;
  cents = *parsed;
  return true;
}

// Turns the lines of one chunk (or of a whole streamed file) into contribution views,
// validating exactly as ForEachFecRow + ParseContribution do: the cheap checks below accept
// exactly the rows ParseContribution accepts, and a row they refuse is re-parsed by
// ParseContribution so its reject reads the same.
template <const auto& cols>
class ContributionLines {
 public:
  static constexpr size_t kNumFields = cols.size();

  ContributionLines(FecFileKind kind, bool is_file_start, int worker, const ContributionSink& sink,
                    ChunkScan& scan)
      : kind_(kind), is_file_start_(is_file_start), worker_(worker), sink_(sink), scan_(scan) {}

  // Handles the next line (without its '\n'); false when the scan must stop (scan_ says why).
  bool Line(std::string_view line, bool has_newline, int64_t position) {
    const int64_t line_number = ++scan_.lines;
    row_.position = position;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_file_start_ && line_number == 1) line = base::StripBom(line);
    if (line.empty()) {
      ++scan_.num_blank;
      return true;
    }
    const size_t num_fields = SplitFields(line);
    if (num_fields == kNumFields + 1 && FieldAt(line, kNumFields).empty()) {
      ++scan_.num_trailing_separator;
    } else if (num_fields != kNumFields) {
      std::string reason = fmt::format("expected {} fields, got {}", kNumFields, num_fields);
      if (!has_newline) {
        scan_.is_truncated = true;
        scan_.failed_line = line_number;
        scan_.failed_reason = std::move(reason);
        return false;
      }
      ++scan_.report.rows_read;
      scan_.report.Reject(line_number, "", std::move(reason));
      return true;
    }
    ++scan_.report.rows_read;
    const bool is_ascii = IsAsciiFast(line);
    bool is_filled = false;
    if (is_ascii) {
      is_filled = Fill([&](size_t idx) { return FieldAt(line, idx); });
    } else {
      // Rare (a few rows in a thousand): the fields go through decoded_ as UTF-8.
      for (size_t field_idx = 0; field_idx < kNumFields; ++field_idx) {
        fields_[field_idx] = FieldAt(line, field_idx);
        if (IsAsciiFast(fields_[field_idx])) continue;
        if (!base::IsValidUtf8(fields_[field_idx])) ++scan_.num_latin1_fields;
        decoded_[field_idx] = base::ToUtf8Lenient(fields_[field_idx]);
        fields_[field_idx] = decoded_[field_idx];
      }
      is_filled = Fill([&](size_t idx) { return fields_[idx]; });
    }
    if (!is_filled) {
      for (size_t field_idx = 0; is_ascii && field_idx < kNumFields; ++field_idx) {
        fields_[field_idx] = FieldAt(line, field_idx);
      }
      const absl::StatusOr<model::Contribution> parsed = ParseContribution(
          kind_, std::span<const std::string_view>(fields_.data(), kNumFields), line_number);
      // The fast checks refusing a row ParseContribution accepts would be a bug here.
      DOWNBALLOT_CHECK(!parsed.ok());
      RejectFecRow(scan_.report, line_number, parsed.status());
      return true;
    }
    if (absl::Status status = sink_(worker_, row_); !status.ok()) {
      scan_.status = std::move(status);
      return false;
    }
    return true;
  }

 private:
  // Records in field_starts_ where the first fields of `line` start and returns how many
  // fields it has. One pass over 16 bytes at a time: a memchr call per field cost a tenth of
  // the ingest (21 short calls a row). Offsets of 4 bytes rather than string_views, as
  // reading back a 16-byte view stored as two 8-byte halves stalls the load (no store
  // forwarding): that stall was 40% of the row's time.
  size_t SplitFields(std::string_view line) {
    size_t num_fields = 0;
    field_starts_[0] = 0;
    const auto end_field = [&](size_t field_end) {
      ++num_fields;
      if (num_fields < field_starts_.size()) {
        field_starts_[num_fields] = static_cast<uint32_t>(field_end + 1);
      }
    };
    size_t pos = 0;
#if defined(__SSE2__)
    const __m128i separator = _mm_set1_epi8(kFieldSeparator);
    for (; pos + 16 <= line.size(); pos += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + pos));
      auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, separator)));
      while (mask != 0) {
        end_field(pos + static_cast<size_t>(std::countr_zero(mask)));
        mask &= mask - 1;
      }
    }
#endif
    for (; pos < line.size(); ++pos) {
      if (line[pos] == kFieldSeparator) end_field(pos);
    }
    end_field(line.size());
    return num_fields;
  }

  // Field `idx` of the line SplitFields last split; idx <= kNumFields.
  std::string_view FieldAt(std::string_view line, size_t idx) const {
    return line.substr(field_starts_[idx], field_starts_[idx + 1] - 1 - field_starts_[idx]);
  }

  static constexpr size_t kCmteId = Col(cols, "CMTE_ID");
  static constexpr size_t kAmendment = Col(cols, "AMNDT_IND");
  static constexpr size_t kTransactionType = Col(cols, "TRANSACTION_TP");
  static constexpr size_t kEntityType = Col(cols, "ENTITY_TP");
  static constexpr size_t kName = Col(cols, "NAME");
  static constexpr size_t kState = Col(cols, "STATE");
  static constexpr size_t kZip = Col(cols, "ZIP_CODE");
  static constexpr size_t kEmployer = Col(cols, "EMPLOYER");
  static constexpr size_t kOccupation = Col(cols, "OCCUPATION");
  static constexpr size_t kDate = Col(cols, "TRANSACTION_DT");
  static constexpr size_t kAmount = Col(cols, "TRANSACTION_AMT");
  static constexpr size_t kFileNum = Col(cols, "FILE_NUM");
  static constexpr size_t kMemoCode = Col(cols, "MEMO_CD");
  static constexpr size_t kSubId = Col(cols, "SUB_ID");

  // The checks of ParseContributionColumns, field for field. The row's fields are views into
  // the line (or into decoded_), so a row copies no text.
  template <typename Field>
  bool Fill(const Field& field) {
    if (field(kCmteId).empty()) return false;
    const std::string_view amendment = field(kAmendment);
    if (std::find(kAmendmentCodes.begin(), kAmendmentCodes.end(), amendment) ==
        kAmendmentCodes.end()) {
      return false;
    }
    int date_key = 0;
    if (!field(kDate).empty() && !ParseFecDateKey(field(kDate), date_key)) return false;
    base::Cents amount = 0;
    if (!ParseAmountFast(field(kAmount), amount)) return false;
    // FILE_NUM and SUB_ID are validated though the totals do not keep them.
    if (!field(kFileNum).empty() && !IsParsableInt(field(kFileNum))) return false;
    const std::string_view memo_code = field(kMemoCode);
    if (std::find(kMemoCodes.begin(), kMemoCodes.end(), memo_code) == kMemoCodes.end()) {
      return false;
    }
    if (!IsParsableInt(field(kSubId))) return false;
    row_.cmte_id = field(kCmteId);
    row_.transaction_type = field(kTransactionType);
    row_.entity_type = field(kEntityType);
    row_.name = field(kName);
    row_.state = field(kState);
    row_.zip = field(kZip);
    row_.employer = field(kEmployer);
    row_.occupation = field(kOccupation);
    row_.memo_code = memo_code;
    row_.date_key = date_key;
    row_.amount_cents = amount;
    return true;
  }

  FecFileKind kind_;
  bool is_file_start_;
  int worker_;
  const ContributionSink& sink_;
  ChunkScan& scan_;
  // Where each field starts, and one past the end of the last; one slot past the layout, as a
  // trailing '|' is recognised by an empty extra field.
  std::array<uint32_t, kNumFields + 2> field_starts_{};
  // The fields of a row that is not all ASCII (made UTF-8 in decoded_) or that fails Fill.
  std::array<std::string_view, kNumFields> fields_{};
  std::array<std::string, kNumFields> decoded_;
  model::ContributionView row_;
};

// Passes a scan's progress, shared by its workers, on to options.on_progress.
class ProgressMeter {
 public:
  ProgressMeter(const ContributionScanOptions& options, int64_t bytes_total)
      : on_progress_(options.on_progress), bytes_total_(bytes_total) {}

  // Adds what a worker has read since it last called; thread-safe.
  void Add(int64_t bytes, int64_t lines) {
    if (!on_progress_) return;
    Report(bytes_done_ += bytes, lines_done_ += lines);
  }
  // Sets the bytes read (a zip's reader knows them, its workers the lines); thread-safe.
  void SetBytes(int64_t bytes) {
    if (!on_progress_) return;
    bytes_done_ = bytes;
    Report(bytes, lines_done_.load());
  }
  void AddLines(int64_t lines) {
    if (!on_progress_) return;
    Report(bytes_done_.load(), lines_done_ += lines);
  }

  // Lines read between two reports from one worker.
  static constexpr int64_t kLinesPerReport = 1 << 16;

 private:
  void Report(int64_t bytes, int64_t lines) {
    const std::lock_guard<std::mutex> lock(mutex_);
    on_progress_(ScanProgress{std::min(bytes, bytes_total_), bytes_total_, lines});
  }

  const std::function<void(const ScanProgress&)>& on_progress_;
  int64_t bytes_total_;
  std::atomic<int64_t> bytes_done_{0};
  std::atomic<int64_t> lines_done_{0};
  std::mutex mutex_;
};

// Feeds every line `reader` reads (from `first_position` in the file on) to `lines`,
// recording a too-long line in `scan`.
template <typename Lines>
void ScanLines(LineReader& reader, int64_t first_position, Lines& lines, ChunkScan& scan,
               ProgressMeter* meter) {
  std::string_view line;
  bool has_newline = false;
  int64_t reported_lines = 0;
  int64_t reported_position = first_position;
  const auto report = [&] {
    if (meter == nullptr) return;
    meter->Add(reader.line_position() - reported_position, scan.lines - reported_lines);
    reported_position = reader.line_position();
    reported_lines = scan.lines;
  };
  for (;;) {
    absl::StatusOr<bool> has_line = reader.Next(line, has_newline, scan.lines + 1);
    if (!has_line.ok()) {
      if (reader.is_line_too_long()) {
        scan.is_line_too_long = true;
        scan.failed_line = scan.lines + 1;
      } else {
        scan.status = has_line.status();
      }
      return;
    }
    if (!*has_line) {
      if (meter != nullptr) {
        meter->Add(reader.end_position() - reported_position, scan.lines - reported_lines);
      }
      return;
    }
    if (!lines.Line(line, has_newline, reader.line_position())) return;
    if (scan.lines - reported_lines >= ProgressMeter::kLinesPerReport) report();
  }
}

// Reads [begin, end) of an open file with pread: chunks of one file are read side by side.
class FileRangeSource final : public ByteSource {
 public:
  FileRangeSource(const std::string& path, int fd, int64_t begin, int64_t end)
      : path_(path), fd_(fd), begin_(begin), offset_(begin), end_(end) {}

  absl::StatusOr<size_t> Read(char* buffer, size_t size) override {
    const size_t want = std::min(size, static_cast<size_t>(end_ - offset_));
    if (want == 0) return size_t{0};
    for (;;) {
      const ssize_t got = ::pread(fd_, buffer, want, static_cast<off_t>(offset_));
      if (got >= 0) {
        // A file that shrank under us ends where it now ends.
        if (got == 0) end_ = offset_;
        offset_ += got;
        return static_cast<size_t>(got);
      }
      if (errno != EINTR) {
        return absl::InternalError(fmt::format("{}: read error: {}", path_, std::strerror(errno)));
      }
    }
  }
  int64_t bytes_consumed() const override { return offset_ - begin_; }
  const std::string& path() const override { return path_; }
  const std::string& member_name() const override { return member_name_; }

 private:
  const std::string& path_;
  int fd_;
  int64_t begin_;
  int64_t offset_;
  int64_t end_;
  std::string member_name_;
};

// Closes a file descriptor on scope exit.
class ScopedFd {
 public:
  explicit ScopedFd(int fd) : fd_(fd) {}
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;
  ~ScopedFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// Offsets that cut [0, size) into up to `num_chunks` pieces, each starting at a line start.
absl::StatusOr<std::vector<int64_t>> ChunkBoundaries(const std::string& path, int fd, int64_t size,
                                                     int num_chunks) {
  constexpr size_t kProbeBytes = 64 * 1024;
  std::vector<int64_t> bounds = {0};
  std::string probe(kProbeBytes, '\0');
  for (int chunk = 1; chunk < num_chunks; ++chunk) {
    // Start one byte early: if the target is a line start, the '\n' before it counts.
    int64_t offset = std::max(bounds.back(), size * chunk / num_chunks - 1);
    int64_t bound = size;
    while (offset < size) {
      const ssize_t got = ::pread(fd, probe.data(), probe.size(), static_cast<off_t>(offset));
      if (got < 0) {
        if (errno == EINTR) continue;
        return absl::InternalError(fmt::format("{}: read error: {}", path, std::strerror(errno)));
      }
      if (got == 0) break;
      const void* newline = std::memchr(probe.data(), '\n', static_cast<size_t>(got));
      if (newline != nullptr) {
        bound = offset + (static_cast<const char*>(newline) - probe.data()) + 1;
        break;
      }
      offset += got;
    }
    if (bound > bounds.back() && bound < size) bounds.push_back(bound);
  }
  bounds.push_back(size);
  return bounds;
}

// Whole lines of a streamed file, waiting for a worker.
struct LineBlock {
  size_t index = 0;      // of its ChunkScan: blocks are numbered in file order
  int64_t position = 0;  // of its first byte in the (unzipped) file
  std::unique_ptr<char[]> data;
  size_t size = 0;
};

// Scans `path` as one stream (a zip member, or anything that is not a regular file): this
// thread reads and inflates it into blocks of whole lines, which options.num_threads workers
// parse, each into its block's ChunkScan. Returns the scans in file order; a read error is a
// last scan of its own (is_read_error), after the blocks of the lines read before it.
template <const auto& cols>
std::deque<ChunkScan> ScanStream(const std::string& path, FecFileKind kind,
                                 const ContributionScanOptions& options,
                                 const ContributionSink& on_row, int64_t file_bytes) {
  std::deque<ChunkScan> scans;
  // Since 2019 indivYY.zip also holds itcont.txt split by date (by_date/itcont_*.txt): the
  // whole file is read wherever it stands in the archive, else the first member.
  const std::string_view whole_member = kind == FecFileKind::kIndividualContributions ? "itcont.txt"
                                        : kind == FecFileKind::kCommitteeToCandidate  ? "itpas2.txt"
                                                                                      : "itoth.txt";
  absl::StatusOr<std::unique_ptr<ByteSource>> opened =
      OpenByteSource(path, ByteSourceOptions{.member = std::string(whole_member)});
  if (absl::IsNotFound(opened.status())) opened = OpenByteSource(path);
  if (!opened.ok()) {
    scans.emplace_back().status = opened.status();
    return scans;
  }
  ByteSource& source = **opened;
  ProgressMeter meter(options, file_bytes);
  const auto num_workers = static_cast<size_t>(std::max(options.num_threads, 1));
  const size_t block_bytes = std::max<size_t>(options.zip_block_bytes, 1);
  // Blocks waiting: enough to keep every worker busy while the reader inflates the next.
  const size_t max_queued = 2 * num_workers;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<LineBlock> queue;
  bool is_done = false;  // no more blocks will come
  std::atomic<bool> is_stopped{false};

  // A scan for what the reader itself found (an error), after the blocks before it.
  const auto add_scan = [&]() -> ChunkScan& {
    const std::lock_guard<std::mutex> lock(mutex);
    ChunkScan& scan = scans.emplace_back();
    scan.report.path = path;
    return scan;
  };
  const auto read = [&] {
    size_t capacity = block_bytes + kChunkBytes;
    auto buffer = std::make_unique_for_overwrite<char[]>(capacity);
    size_t used = 0;
    int64_t position = 0;
    bool is_first_read = true;
    const auto hand_over = [&](size_t size) {
      LineBlock block{0, position, std::move(buffer), size};
      capacity = std::max(block_bytes + kChunkBytes, used - size + kChunkBytes);
      buffer = std::make_unique_for_overwrite<char[]>(capacity);
      std::memcpy(buffer.get(), block.data.get() + size, used - size);
      used -= size;
      position += static_cast<int64_t>(size);
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return queue.size() < max_queued || is_stopped; });
      block.index = scans.size();
      scans.emplace_back().report.path = path;
      queue.push_back(std::move(block));
      lock.unlock();
      changed.notify_all();
    };
    while (!is_stopped) {
      if (capacity - used < kChunkBytes) {
        // A line longer than a block: grow, up to the longest line allowed.
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity * 2);
        std::memcpy(bigger.get(), buffer.get(), used);
        buffer = std::move(bigger);
        capacity *= 2;
      }
      const absl::StatusOr<size_t> num_read = source.Read(buffer.get() + used, kChunkBytes);
      if (!num_read.ok()) {
        // The whole lines read before the error are scanned, so the error can say where.
        const auto* last_newline =
            used == 0 ? nullptr : static_cast<const char*>(memrchr(buffer.get(), '\n', used));
        if (last_newline != nullptr) {
          hand_over(static_cast<size_t>(last_newline + 1 - buffer.get()));
        }
        ChunkScan& scan = add_scan();
        scan.status = num_read.status();
        scan.is_read_error = true;
        break;
      }
      if (is_first_read) {
        is_first_read = false;
        if (std::memchr(buffer.get(), '\0', *num_read) != nullptr) {
          add_scan().status = absl::InvalidArgumentError(
              fmt::format("{}: binary content (NUL byte), not an FEC text file", path));
          break;
        }
      }
      used += *num_read;
      meter.SetBytes(source.bytes_consumed());
      const bool is_end = *num_read == 0;
      if (is_end) {
        if (used > 0) hand_over(used);
        break;
      }
      if (used < block_bytes) continue;
      const auto* last_newline = static_cast<const char*>(memrchr(buffer.get(), '\n', used));
      if (last_newline != nullptr) {
        hand_over(static_cast<size_t>(last_newline + 1 - buffer.get()));
      } else if (used > kMaxLineBytes) {
        ChunkScan& scan = add_scan();
        scan.is_line_too_long = true;
        scan.failed_line = 1;
        break;
      }
    }
    {
      const std::lock_guard<std::mutex> lock(mutex);
      is_done = true;
    }
    changed.notify_all();
  };
  const auto work = [&](size_t worker) {
    for (;;) {
      LineBlock block;
      ChunkScan* scan = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return !queue.empty() || is_done; });
        if (queue.empty()) return;
        block = std::move(queue.front());
        queue.pop_front();
        scan = &scans[block.index];
      }
      changed.notify_all();
      if (is_stopped) continue;
      LineReader reader(std::string_view(block.data.get(), block.size), block.position);
      ContributionLines<cols> lines(kind, block.index == 0, static_cast<int>(worker), on_row,
                                    *scan);
      ScanLines(reader, block.position, lines, *scan, nullptr);
      meter.AddLines(scan->lines);
      if (scan->failed()) {
        is_stopped = true;
        changed.notify_all();
      }
    }
  };
  base::RunInParallel(num_workers + 1, [&](size_t task) {
    if (task == 0) {
      read();
    } else {
      work(task - 1);
    }
  });
  return scans;
}

template <const auto& cols>
absl::StatusOr<std::deque<ChunkScan>> ScanChunks(const std::string& path, FecFileKind kind,
                                                 const ContributionScanOptions& options,
                                                 const ContributionSink& on_row) {
  std::deque<ChunkScan> scans;
  const ScopedFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  std::array<char, 4> magic{};
  const bool is_plain_file =
      fd.get() >= 0 && ::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode) &&
      !(::pread(fd.get(), magic.data(), magic.size(), 0) == 4 && magic[0] == 'P' &&
        magic[1] == 'K' && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6)));
  if (!is_plain_file) {
    // A zip member cannot be split, and OpenByteSource words the errors of odd files.
    return ScanStream<cols>(path, kind, options, on_row, fd.get() >= 0 ? info.st_size : 0);
  }
  const auto size = static_cast<int64_t>(info.st_size);
  {
    std::string first(static_cast<size_t>(std::min<int64_t>(size, kChunkBytes)), '\0');
    const ssize_t got = first.empty() ? 0 : ::pread(fd.get(), first.data(), first.size(), 0);
    if (got < 0) {
      return absl::InternalError(fmt::format("{}: read error: {}", path, std::strerror(errno)));
    }
    if (std::memchr(first.data(), '\0', static_cast<size_t>(got)) != nullptr) {
      return absl::InvalidArgumentError(
          fmt::format("{}: binary content (NUL byte), not an FEC text file", path));
    }
  }
  const int num_threads = std::max(options.num_threads, 1);
  const int64_t min_chunk = std::max<int64_t>(options.min_chunk_bytes, 1);
  const int num_chunks = static_cast<int>(std::clamp<int64_t>(size / min_chunk, 1, num_threads));
  ASSIGN_OR_RETURN(const std::vector<int64_t> bounds,
                   ChunkBoundaries(path, fd.get(), size, num_chunks));
  scans.resize(bounds.size() - 1);
  ProgressMeter meter(options, size);
  const auto scan_chunk = [&](size_t chunk) {
    ChunkScan& scan = scans[chunk];
    scan.report.path = path;
    FileRangeSource source(path, fd.get(), bounds[chunk], bounds[chunk + 1]);
    LineReader reader(source, options.block_bytes, bounds[chunk]);
    ContributionLines<cols> lines(kind, chunk == 0, static_cast<int>(chunk), on_row, scan);
    ScanLines(reader, bounds[chunk], lines, scan, &meter);
  };
  base::RunInParallel(scans.size(), scan_chunk);
  return scans;
}

}  // namespace

absl::Status ScanContributions(const std::string& path, FecFileKind kind, model::FileReport& report,
                               const ContributionScanOptions& options,
                               const ContributionSink& on_row) {
  if (report.path.empty()) report.path = path;
  if (report.kind.empty()) report.kind = std::string(ToString(kind));
  absl::StatusOr<std::deque<ChunkScan>> scans;
  switch (kind) {
    case FecFileKind::kIndividualContributions:
    case FecFileKind::kCommitteeToCommittee:
      scans = ScanChunks<kContributionColumns>(path, kind, options, on_row);
      break;
    case FecFileKind::kCommitteeToCandidate:
      scans = ScanChunks<kCommitteeToCandidateColumns>(path, kind, options, on_row);
      break;
    default:
      return absl::InvalidArgumentError(
          fmt::format("{}: {} is not a contribution layout", path, ToString(kind)));
  }
  RETURN_IF_ERROR(scans.status());
  // Chunks in file order: each one's lines follow all the lines of the chunks before it.
  int64_t lines_before = 0;
  int64_t num_blank = 0;
  int64_t num_trailing_separator = 0;
  int64_t num_latin1_fields = 0;
  for (ChunkScan& scan : *scans) {
    report.rows_read += scan.report.rows_read;
    for (model::RowError& reject : scan.report.rejects) {
      report.Reject(reject.line + lines_before, std::move(reject.field), std::move(reject.reason));
    }
    if (scan.is_read_error) {
      return absl::Status(scan.status.code(),
                          fmt::format("{} (after line {}, the last whole line read)",
                                      std::string(scan.status.message()), lines_before));
    }
    if (!scan.status.ok()) return scan.status;
    if (scan.is_truncated) {
      return absl::InvalidArgumentError(fmt::format("{}:{}: file is truncated: {}", path,
                                                    scan.failed_line + lines_before,
                                                    scan.failed_reason));
    }
    if (scan.is_line_too_long) {
      return absl::InvalidArgumentError(
          fmt::format("{}:{}: line longer than {} bytes, not an FEC bulk file", path,
                      scan.failed_line + lines_before, kMaxLineBytes));
    }
    lines_before += scan.lines;
    num_blank += scan.num_blank;
    num_trailing_separator += scan.num_trailing_separator;
    num_latin1_fields += scan.num_latin1_fields;
  }
  if (num_blank > 0) report.notes.push_back(fmt::format("{} blank lines skipped", num_blank));
  if (num_trailing_separator > 0) {
    report.notes.push_back(
        fmt::format("{} lines end with a trailing '|': ignored", num_trailing_separator));
  }
  if (num_latin1_fields > 0) {
    report.notes.push_back(
        fmt::format("{} fields held bytes that are not UTF-8: read as Latin-1", num_latin1_fields));
  }
  return absl::OkStatus();
}

}  // namespace downballot::ingest
