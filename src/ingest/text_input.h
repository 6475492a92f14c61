// Prepares a data file's bytes for parsing: binary refused, BOM dropped, UTF-8 made valid.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ingest/delimited_reader.h"
#include "model/ingest_report.h"

namespace downballot::ingest {

// Returns the text of `bytes` without a UTF-8 BOM and as valid UTF-8 (stray bytes read as
// Latin-1, with a note added to `report`). InvalidArgument "PATH:LINE: binary content (NUL
// byte), not a CSV file" when a NUL byte sits in the first 64 KiB: an image, zip or spreadsheet.
[[nodiscard]] absl::StatusOr<std::string> DecodeTextFile(std::string_view path,
                                                         std::string_view bytes,
                                                         model::FileReport& report);

// Turns a DelimitedReader error into "PATH:LINE: file is truncated: MESSAGE", LINE being where
// the unfinished record began.
[[nodiscard]] absl::Status ReaderErrorAt(std::string_view path, const Record& record,
                                         const absl::Status& reader_status);

// Reads the header, the first record of `reader`, into `header`. InvalidArgument "PATH:1: empty
// file, no header" when there is none; ReaderErrorAt's error when it is cut off.
[[nodiscard]] absl::Status ReadHeaderRecord(std::string_view path, DelimitedReader& reader,
                                            Record& header);

}  // namespace downballot::ingest
