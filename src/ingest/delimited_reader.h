// Reads RFC 4180-style delimited text record by record, with line numbers for error messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace downballot::ingest {

struct DelimitedReaderOptions {
  char delimiter = ',';
  // When false a '"' is ordinary data (FEC bulk files); when true it opens a quoted field in
  // which the delimiter and line breaks are data and "" is one quote.
  bool is_quoting = true;
};

// A record and where it started.
struct Record {
  int64_t line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
  bool ends_with_newline = false;  // false only for a last record cut off without a line break
};

// Iterates the records of `text`, which must outlive the reader. Accepts LF, CRLF and lone CR
// (old Mac exports) as line breaks; a blank line is skipped. Not thread-safe.
//
//   DelimitedReader reader(text, {});
//   while (true) {
//     ASSIGN_OR_RETURN(bool has_record, reader.Next(record));
//     if (!has_record) break;
//   }
class DelimitedReader {
 public:
  DelimitedReader(std::string_view text, DelimitedReaderOptions options);

  // Fills `record` with the next record and returns true, or returns false at the end.
  // InvalidArgument for a quoted field still open at the end of the text; `record.line` then
  // says where that record began.
  [[nodiscard]] absl::StatusOr<bool> Next(Record& record);

  [[nodiscard]] int64_t line() const { return line_; }

 private:
  std::string_view text_;
  DelimitedReaderOptions options_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

}  // namespace downballot::ingest
