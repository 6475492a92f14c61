// Fuzzes the zip/plain byte source the FEC ingest streams through (libarchive): any bytes open
// and read to the end, or fail with an error that names the file; a read never returns more
// than asked. Written to a temporary file because the reader opens paths.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "base/check.h"
#include "ingest/archive_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/downballot_zip_fuzz_" + std::to_string(::getpid());
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  auto source = downballot::ingest::OpenByteSource(path);
  if (!source.ok()) {
    DOWNBALLOT_CHECK(source.status().message().find(path) != std::string::npos);
    return 0;
  }
  char buffer[4096];
  for (;;) {
    const absl::StatusOr<size_t> got = (*source)->Read(buffer, sizeof buffer);
    if (!got.ok()) {
      DOWNBALLOT_CHECK(got.status().message().find(path) != std::string::npos);
      break;
    }
    DOWNBALLOT_CHECK(*got <= sizeof buffer);
    if (*got == 0) break;
  }
  return 0;
}
