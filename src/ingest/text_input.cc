#include "ingest/text_input.h"

#include "base/text_encoding.h"
#include "fmt/format.h"

namespace downballot::ingest {
namespace {

// A NUL byte this early means an image, a zip or a spreadsheet, never a CSV export.
constexpr size_t kBinaryProbeBytes = 64 * 1024;

// The line a byte sits on, counting line breaks as DelimitedReader does (LF, CRLF, lone CR).
int64_t LineOf(std::string_view text, size_t pos) {
  int64_t line = 1;
  for (size_t idx = 0; idx < pos; ++idx) {
    if (text[idx] == '\n' ||
        (text[idx] == '\r' && (idx + 1 >= text.size() || text[idx + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

}  // namespace

absl::StatusOr<std::string> DecodeTextFile(std::string_view path, std::string_view bytes,
                                           model::FileReport& report) {
  const size_t nul = bytes.substr(0, kBinaryProbeBytes).find('\0');
  if (nul != std::string_view::npos) {
    return absl::InvalidArgumentError(
        fmt::format("{}:{}: binary content (NUL byte), not a CSV file", path, LineOf(bytes, nul)));
  }
  const std::string_view text = base::StripBom(bytes);
  if (base::IsValidUtf8(text)) return std::string(text);
  report.notes.push_back("not valid UTF-8: bytes outside UTF-8 sequences read as Latin-1");
  return base::ToUtf8Lenient(text);
}

absl::Status ReaderErrorAt(std::string_view path, const Record& record,
                           const absl::Status& reader_status) {
  return absl::InvalidArgumentError(fmt::format("{}:{}: file is truncated: {}", path, record.line,
                                                std::string(reader_status.message())));
}

absl::Status ReadHeaderRecord(std::string_view path, DelimitedReader& reader, Record& header) {
  const absl::StatusOr<bool> has_header = reader.Next(header);
  if (!has_header.ok()) return ReaderErrorAt(path, header, has_header.status());
  if (!*has_header) {
    return absl::InvalidArgumentError(fmt::format("{}:1: empty file, no header", path));
  }
  return absl::OkStatus();
}

}  // namespace downballot::ingest
