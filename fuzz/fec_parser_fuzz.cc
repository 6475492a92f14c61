// Fuzzes the FEC bulk-file parsers on every layout: fail cleanly (an error naming the file) or
// account for every row (rows read = rows returned + rows rejected). The first byte picks the
// layout; the rest is the file, written to a temporary file because the readers stream paths.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "base/check.h"
#include "ingest/fec_parser.h"

namespace {

using downballot::ingest::FecFileKind;

// One temporary file per fuzzing process, rewritten for each input.
const std::string& ScratchPath() {
  static const std::string path = "/tmp/downballot_fec_fuzz_" + std::to_string(::getpid());
  return path;
}

template <typename Rows>
void CheckAccounted(const Rows& rows, const downballot::model::FileReport& report) {
  if (!rows.ok()) return;  // a whole-file error: allowed, the message names the file
  DOWNBALLOT_CHECK(report.rows_read == static_cast<int64_t>(rows->size()) + report.rows_rejected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string& path = ScratchPath();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return 0;
  std::fwrite(data + 1, 1, size - 1, file);
  std::fclose(file);
  downballot::model::FileReport report;
  switch (data[0] % 6) {
    case 0:
      CheckAccounted(downballot::ingest::ReadFecCandidates(path, report), report);
      break;
    case 1:
      CheckAccounted(downballot::ingest::ReadFecCommittees(path, report), report);
      break;
    case 2:
      CheckAccounted(downballot::ingest::ReadFecLinkages(path, report), report);
      break;
    case 3:
      CheckAccounted(downballot::ingest::ReadFecCandidateSummaries(path, report), report);
      break;
    case 4:
      CheckAccounted(downballot::ingest::ReadFecCommitteeToCandidate(path, report), report);
      break;
    default: {
      int64_t num_rows = 0;
      const absl::Status status = downballot::ingest::ForEachContribution(
          path, FecFileKind::kIndividualContributions, report,
          [&num_rows](const downballot::model::Contribution& row) {
            DOWNBALLOT_CHECK(!row.cmte_id.empty());
            ++num_rows;
            return absl::OkStatus();
          });
      if (status.ok()) DOWNBALLOT_CHECK(report.rows_read == num_rows + report.rows_rejected);
      break;
    }
  }
  return 0;
}
