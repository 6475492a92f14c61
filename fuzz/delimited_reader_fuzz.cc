// Fuzzes DelimitedReader: it must terminate, keep line numbers increasing and never read out
// of bounds, in both quoting modes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/check.h"
#include "ingest/delimited_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const bool is_quoting : {true, false}) {
    downballot::ingest::DelimitedReader reader(text, {.delimiter = ',', .is_quoting = is_quoting});
    downballot::ingest::Record record;
    int64_t last_line = 0;
    size_t num_records = 0;
    while (true) {
      const auto has_record = reader.Next(record);
      if (!has_record.ok() || !*has_record) break;
      DOWNBALLOT_CHECK(record.line > last_line);
      DOWNBALLOT_CHECK(++num_records <= size + 1);
      last_line = record.line;
    }
  }
  return 0;
}
