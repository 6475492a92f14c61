#include "query/fec_ingest.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "base/file_system.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "ingest/fec_layout.h"
#include "ingest/fec_parser.h"
#include "money/receipt_aggregator.h"
#include "store/fec_loader.h"
#include "store/loader.h"

namespace downballot::query {
namespace {

// The store's folder, where temporary files go unless told otherwise: /tmp is often memory.
std::string StoreFolder(const store::Database& db) {
  const std::filesystem::path folder = std::filesystem::path(db.path()).parent_path();
  return folder.empty() ? std::string(".") : folder.string();
}

// Parses and loads `path` as `kind`; on success the report says what was stored.
// `await_content_hash` sets report.content_hash if it is not set yet; it is called before the
// store is written.
absl::Status LoadByKind(store::Database& db, const std::string& path, ingest::FecFileKind kind,
                        int cycle, int64_t bytes, const FecIngestSettings& settings,
                        model::FileReport& report,
                        const std::function<absl::Status()>& await_content_hash) {
  switch (kind) {
    case ingest::FecFileKind::kCandidates: {
      ASSIGN_OR_RETURN(const auto rows, ingest::ReadFecCandidates(path, report));
      return store::LoadFecCandidates(db, report, bytes, cycle, rows);
    }
    case ingest::FecFileKind::kCommittees: {
      ASSIGN_OR_RETURN(const auto rows, ingest::ReadFecCommittees(path, report));
      return store::LoadFecCommittees(db, report, bytes, cycle, rows);
    }
    case ingest::FecFileKind::kLinkages: {
      ASSIGN_OR_RETURN(const auto rows, ingest::ReadFecLinkages(path, report));
      return store::LoadFecLinkages(db, report, bytes, cycle, rows);
    }
    case ingest::FecFileKind::kCandidateSummary: {
      ASSIGN_OR_RETURN(const auto rows, ingest::ReadFecCandidateSummaries(path, report));
      return store::LoadFecCandidateSummaries(db, report, bytes, cycle, rows);
    }
    case ingest::FecFileKind::kCommitteeToCandidate: {
      ASSIGN_OR_RETURN(const auto rows, ingest::ReadFecCommitteeToCandidate(path, report));
      return store::LoadFecCommitteeContributions(db, report, bytes, cycle, rows);
    }
    case ingest::FecFileKind::kIndividualContributions: {
      ingest::ContributionScanOptions options;
      options.num_threads = std::max(settings.num_threads, 1);
      options.on_progress = settings.on_progress;
      money::ReceiptAggregator aggregator(money::ReceiptAggregatorOptions{
          .num_workers = options.num_threads,
          .memory_budget_bytes = settings.memory_budget_bytes,
          .temp_folder = settings.temp_folder.empty() ? StoreFolder(db) : settings.temp_folder});
      RETURN_IF_ERROR(
          ingest::ScanContributions(path, kind, report, options,
                                    [&aggregator](int worker, const model::ContributionView& row) {
                                      return aggregator.Add(worker, row);
                                    }));
      const auto step = [&](std::string_view name) {
        if (settings.on_step) settings.on_step(name);
      };
      step("summing donor totals");
      ASSIGN_OR_RETURN(const int64_t num_totals, aggregator.Sum());
      report.notes.push_back(fmt::format("{} contribution rows summed into {} donor totals",
                                         aggregator.rows_added(), num_totals));
      if (aggregator.bytes_spilled() > 0) {
        const int64_t budget = settings.memory_budget_bytes;
        report.notes.push_back(
            fmt::format("{:.1f} MB held in temporary files to stay within the memory budget of {} "
                        "(--memory)",
                        static_cast<double>(aggregator.bytes_spilled()) / 1e6,
                        budget >= (int64_t{1} << 20) ? fmt::format("{} MiB", budget >> 20)
                                                     : fmt::format("{} KiB", budget >> 10)));
      }
      RETURN_IF_ERROR(await_content_hash());
      step("writing the store");
      return store::LoadFecDonorReceipts(db, report, bytes, cycle, aggregator.rows_added(),
                                         [&aggregator](const store::DonorReceiptsInsert& insert) {
                                           return aggregator.Pack(insert);
                                         });
    }
    case ingest::FecFileKind::kCommitteeToCommittee:
      break;
  }
  return absl::UnimplementedError("committee-to-committee files (itoth) are not used yet");
}

}  // namespace

model::FileReport IngestFecFile(store::Database& db, const std::string& path,
                                const FecIngestSettings& settings) {
  model::FileReport report;
  report.path = path;
  const auto fail = [&](std::string message) {
    report.Fail(std::move(message));
    return report;
  };
  const std::string name = std::filesystem::path(path).filename().string();
  const auto kind = ingest::FecFileKindFromName(name);
  if (!kind) {
    report.kind = "unknown";
    report.status = model::FileStatus::kUnrecognized;
    report.error = fmt::format(
        "{}: not an FEC bulk file name (cn, cm, ccl, itcont, itpas2, weball, webl, or their "
        "zips)",
        path);
    return report;
  }
  report.kind = std::string(ingest::ToString(*kind));
  const std::optional<int> file_cycle = ingest::FecCycleFromName(name);
  const std::optional<int> resolved_cycle = file_cycle ? file_cycle : settings.cycle;
  if (!resolved_cycle) {
    return fail(fmt::format("{}: the file name gives no cycle: pass --cycle (e.g. 2020)", path));
  }
  if (*kind == ingest::FecFileKind::kCommitteeToCommittee) {
    report.status = model::FileStatus::kUnrecognized;
    report.error = fmt::format("{}: committee-to-committee files (itoth) are not used yet", path);
    return report;
  }
  std::error_code error;
  const auto bytes = static_cast<int64_t>(std::filesystem::file_size(path, error));
  auto is_size_loaded = store::IsFileSizeLoaded(db, bytes);
  if (!is_size_loaded.ok()) return fail(std::string(is_size_loaded.status().message()));
  // Hashing a 1.7 GB itcont takes a third of a second. When no loaded file has its size, it
  // cannot be loaded already, so the hash is taken on a thread of its own while the file is
  // parsed; otherwise first, so that a file loaded before is not parsed again.
  std::future<absl::StatusOr<std::string>> background_hash;
  if (!*is_size_loaded && *kind == ingest::FecFileKind::kIndividualContributions) {
    try {
      background_hash = std::async(std::launch::async, base::ContentHashOfFile, path);
    } catch (const std::system_error&) {
      // No thread to be had: hash first, below.
    }
  }
  if (!background_hash.valid()) {
    auto hash = base::ContentHashOfFile(path);
    if (!hash.ok()) return fail(std::string(hash.status().message()));
    report.content_hash = *hash;
    auto is_loaded = store::IsFileLoaded(db, report.content_hash);
    if (!is_loaded.ok()) return fail(std::string(is_loaded.status().message()));
    if (*is_loaded) {
      report.status = model::FileStatus::kAlreadyLoaded;
      return report;
    }
  }
  const auto await_content_hash = [&]() -> absl::Status {
    if (!background_hash.valid()) return absl::OkStatus();
    ASSIGN_OR_RETURN(report.content_hash, background_hash.get());
    return absl::OkStatus();
  };
  if (const absl::Status status =
          LoadByKind(db, path, *kind, *resolved_cycle, bytes, settings, report, await_content_hash);
      !status.ok()) {
    const std::string message(status.message());
    // Parser errors already name the file; store errors do not.
    return fail(message.starts_with(path) ? message : fmt::format("{}: {}", path, message));
  }
  report.status = model::FileStatus::kLoaded;
  return report;
}

}  // namespace downballot::query
