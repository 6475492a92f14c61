#include "query/ingest_files.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "base/file_system.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "ingest/county_table_parser.h"
#include "ingest/file_kind.h"
#include "ingest/fte_candidates_parser.h"
#include "ingest/medsl_parser.h"
#include "ingest/openelections_parser.h"
#include "ingest/partisan_lean_parser.h"
#include "ingest/race_party.h"
#include "query/race_rebuild.h"
#include "store/loader.h"

namespace downballot::query {
namespace {

namespace fs = std::filesystem;

// How many bytes kind detection looks at: a header line and a few rows.
constexpr size_t kDetectionBytes = 64 * 1024;

// Which files a folder walk picks up: results and candidate files are CSV/TSV/TXT; FEC bulk
// files are .txt or the FEC's .zip.
bool HasDataExtension(const fs::path& path, bool is_fec) {
  const std::string extension = path.extension().string();
  if (is_fec) return extension == ".txt" || extension == ".zip";
  return extension == ".csv" || extension == ".txt" || extension == ".tsv";
}

}  // namespace

absl::StatusOr<std::vector<InputFile>> CollectInputs(const std::vector<std::string>& paths,
                                                     bool is_fec) {
  std::vector<InputFile> inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
           it.increment(error)) {
        if (it->is_regular_file(error) && HasDataExtension(it->path(), is_fec)) {
          found.push_back(it->path().string());
        }
      }
      if (error) return absl::InternalError(fmt::format("{}: {}", path, error.message()));
      std::sort(found.begin(), found.end());
      for (std::string& file : found) inputs.push_back(InputFile{std::move(file), false});
    } else if (fs::is_regular_file(path, error)) {
      inputs.push_back(InputFile{path, true});
    } else {
      return absl::InvalidArgumentError(fmt::format("{}: no such file or folder", path));
    }
  }
  return inputs;
}

model::FileReport IngestFile(store::Database& db, const InputFile& input,
                             const ingest::OfficeTable& offices, bool& results_changed) {
  model::FileReport report;
  report.path = input.path;
  const auto fail = [&](std::string message) {
    report.Fail(std::move(message));
    return report;
  };
  auto bytes = base::ReadFile(input.path);
  if (!bytes.ok()) return fail(std::string(bytes.status().message()));
  report.content_hash = base::ContentHash(*bytes);
  const auto detected =
      ingest::DetectFileKind(input.path, std::string_view(*bytes).substr(0, kDetectionBytes));
  report.kind = std::string(ingest::ToString(detected.kind));
  if (detected.kind == ingest::FileKind::kUnknown) {
    report.status = model::FileStatus::kUnrecognized;
    report.error = fmt::format("{}: not a recognised file: {}", input.path, detected.reason);
    return report;
  }
  auto is_loaded = store::IsFileLoaded(db, report.content_hash);
  if (!is_loaded.ok()) return fail(std::string(is_loaded.status().message()));
  if (*is_loaded) {
    report.status = model::FileStatus::kAlreadyLoaded;
    return report;
  }
  const auto size = static_cast<int64_t>(bytes->size());
  absl::Status status;
  switch (detected.kind) {
    case ingest::FileKind::kOpenElections: {
      auto parsed = ingest::ParseOpenElections(input.path, *bytes, report,
                                               ingest::ResultsParseOptions{&offices});
      if (!parsed.ok()) return fail(std::string(parsed.status().message()));
      ingest::AssignRaceParties(parsed->info, offices, parsed->rows);
      status = store::LoadResults(db, report, size, parsed->info, parsed->rows);
      results_changed = results_changed || status.ok();
      break;
    }
    case ingest::FileKind::kFteCandidates: {
      auto parsed = ingest::ParseFteCandidates(input.path, *bytes, report);
      if (!parsed.ok()) return fail(std::string(parsed.status().message()));
      status = store::LoadPrimaryCandidacies(db, report, size, *parsed);
      break;
    }
    case ingest::FileKind::kPartisanLean: {
      auto parsed = ingest::ParsePartisanLean(input.path, *bytes, report);
      if (!parsed.ok()) return fail(std::string(parsed.status().message()));
      status = store::LoadPartisanLeans(db, report, size, *parsed);
      break;
    }
    case ingest::FileKind::kMedslReturns: {
      auto parsed = ingest::ParseMedslReturns(input.path, *bytes, report, offices);
      if (!parsed.ok()) return fail(std::string(parsed.status().message()));
      status = store::LoadGeneralReturns(db, report, size, *parsed);
      results_changed = results_changed || status.ok();
      break;
    }
    case ingest::FileKind::kCountyFips: {
      auto parsed = ingest::ParseCountyTable(input.path, *bytes, report);
      if (!parsed.ok()) return fail(std::string(parsed.status().message()));
      status = store::LoadCounties(db, report, size, *parsed);
      results_changed = results_changed || status.ok();
      break;
    }
    case ingest::FileKind::kUnknown:
      break;
  }
  if (!status.ok()) return fail(fmt::format("{}: {}", input.path, std::string(status.message())));
  report.status = model::FileStatus::kLoaded;
  return report;
}

absl::StatusOr<RebuildSummary> RebuildAfterIngest(store::Database& db) {
  RebuildSummary summary;
  ASSIGN_OR_RETURN(summary.rebuilt, RebuildRaces(db));
  ASSIGN_OR_RETURN(const std::vector<model::ReconciliationMismatch> mismatches,
                   store::ReadMismatches(db, ""));
  summary.num_mismatches = static_cast<int64_t>(mismatches.size());
  return summary;
}

Table IngestReportTable(const std::vector<model::FileReport>& reports) {
  Table table{{"path", "kind", "status", "rows_read", "rows_stored", "rows_rejected", "error"}, {}};
  for (const model::FileReport& report : reports) {
    table.rows.push_back({report.path, report.kind, std::string(model::ToString(report.status)),
                          report.rows_read, report.rows_stored, report.rows_rejected,
                          report.error});
  }
  return table;
}

Table RejectTable(const std::vector<model::FileReport>& reports) {
  Table table{{"file", "line", "field", "reason"}, {}};
  for (const model::FileReport& report : reports) {
    for (const model::RowError& error : report.rejects) {
      table.rows.push_back({error.file, error.line, error.field, error.reason});
    }
  }
  return table;
}

nlohmann::json IngestReportJson(const std::vector<model::FileReport>& reports) {
  nlohmann::json files = nlohmann::json::array();
  int64_t rows_read = 0;
  int64_t rows_stored = 0;
  int64_t rows_rejected = 0;
  for (const model::FileReport& report : reports) {
    nlohmann::json rejects = nlohmann::json::array();
    for (const model::RowError& error : report.rejects) {
      rejects.push_back({{"line", error.line}, {"field", error.field}, {"reason", error.reason}});
    }
    files.push_back({{"path", report.path},
                     {"kind", report.kind},
                     {"status", model::ToString(report.status)},
                     {"error", report.error},
                     {"rows_read", report.rows_read},
                     {"rows_stored", report.rows_stored},
                     {"rows_rejected", report.rows_rejected},
                     {"notes", report.notes},
                     {"rejects", std::move(rejects)}});
    rows_read += report.rows_read;
    rows_stored += report.rows_stored;
    rows_rejected += report.rows_rejected;
  }
  return {{"rows_read", rows_read},
          {"rows_stored", rows_stored},
          {"rows_rejected", rows_rejected},
          {"files", std::move(files)}};
}

}  // namespace downballot::query
