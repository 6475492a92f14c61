#include "cli/command_ingest.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "base/file_system.h"
#include "base/status_macros.h"
#include "cli/fec_ingest.h"
#include "fmt/format.h"
#include "ingest/county_table_parser.h"
#include "ingest/file_kind.h"
#include "ingest/fte_candidates_parser.h"
#include "ingest/medsl_parser.h"
#include "ingest/office_table.h"
#include "ingest/openelections_parser.h"
#include "ingest/partisan_lean_parser.h"
#include "ingest/race_party.h"
#include "query/race_rebuild.h"
#include "query/store_access.h"
#include "store/loader.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

namespace fs = std::filesystem;

// How many bytes kind detection looks at: a header line and a few rows.
constexpr size_t kDetectionBytes = 64 * 1024;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string data_dir;
  std::vector<std::string> office_files;  // extra office-table files, tried before the built-in
};

struct FecIngestOptions {
  std::vector<std::string> paths;
  std::optional<int> cycle;
};

struct InputFile {
  std::string path;
  bool is_named = false;  // given on the command line, not found by walking a folder
};

// Which files a folder walk picks up: results and candidate files are CSV/TSV/TXT; FEC bulk
// files are .txt or the FEC's .zip.
bool HasDataExtension(const fs::path& path, bool is_fec) {
  const std::string extension = path.extension().string();
  if (is_fec) return extension == ".txt" || extension == ".zip";
  return extension == ".csv" || extension == ".txt" || extension == ".tsv";
}

// Expands folders into their data files, sorted so runs are reproducible.
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

// Parses and stores one file; every outcome is recorded in the returned report.
model::FileReport IngestFile(store::Database& db, const InputFile& input,
                             const ingest::OfficeTable& offices, bool& results_changed) {
  model::FileReport report;
  report.path = input.path;
  const auto fail = [&](std::string message) {
    // Nothing of a failed file is stored, so every row read counts as rejected with it.
    report.status = model::FileStatus::kFailed;
    report.error = std::move(message);
    report.rows_stored = 0;
    report.rows_rejected = report.rows_read;
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

Table ReportTable(const std::vector<model::FileReport>& reports) {
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

nlohmann::json ReportJson(const std::vector<model::FileReport>& reports) {
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

// A failed file, or an unrecognised one the user named, makes the run fail; unrecognised
// files found by walking a folder are only counted.
void NoteOutcome(const model::FileReport& report, const InputFile& input, int& exit_code,
                 int& num_unrecognized) {
  if (report.status == model::FileStatus::kFailed ||
      (report.status == model::FileStatus::kUnrecognized && input.is_named)) {
    exit_code = 1;
    std::cerr << "downballot ingest: " << report.error << '\n';
  } else if (report.status == model::FileStatus::kUnrecognized) {
    ++num_unrecognized;
  }
}

// The report that ends every ingest: JSON, or a table/CSV of files (a table adds every rejected
// row and a total line).
void PrintReports(const std::vector<model::FileReport>& reports, OutputFormat format) {
  const nlohmann::json report_json = ReportJson(reports);
  if (format == OutputFormat::kJson) {
    RenderJson(report_json, std::cout);
    return;
  }
  Render(ReportTable(reports), format, std::cout);
  const Table rejects = RejectTable(reports);
  if (format != OutputFormat::kTable) return;
  if (!rejects.rows.empty()) {
    std::cout << "\nrejected rows\n";
    Render(rejects, format, std::cout);
  }
  std::cout << fmt::format("\ntotal: {} files, rows read {}, stored {}, rejected {}\n",
                           reports.size(), report_json["rows_read"].get<int64_t>(),
                           report_json["rows_stored"].get<int64_t>(),
                           report_json["rows_rejected"].get<int64_t>());
}

struct IngestSetup {
  OutputFormat format = OutputFormat::kTable;
  std::vector<InputFile> inputs;
  std::unique_ptr<store::Database> db;
};

// What both ingests do first: the output format, the files, the store. InvalidArgument for a
// usage error (a bad --format, a path that does not exist); other codes for the store.
absl::StatusOr<IngestSetup> SetUpIngest(const AppContext& context,
                                        const std::vector<std::string>& paths, bool is_fec) {
  IngestSetup setup;
  ASSIGN_OR_RETURN(setup.format, context.format());
  ASSIGN_OR_RETURN(setup.inputs, CollectInputs(paths, is_fec));
  ASSIGN_OR_RETURN(setup.db, query::OpenStore(context.store_path));
  return setup;
}

// Exit 2 for usage errors, 1 otherwise, with the message on stderr.
int ReportSetupError(std::string_view command, const absl::Status& status) {
  std::cerr << command << ": " << status.message() << '\n';
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

// Rebuilds the races the loaded files touched and says which, and how many sources disagree.
// Returns the exit code: 1 when the rebuild failed.
int RebuildAfterIngest(store::Database& db) {
  const auto rebuilt = query::RebuildRaces(db);
  if (!rebuilt.ok()) {
    std::cerr << "downballot ingest: rebuilding races: " << rebuilt.status().message() << '\n';
    return 1;
  }
  std::cerr << "downballot ingest: rebuilt the races of "
            << (rebuilt->is_all ? std::string("every state")
                                : fmt::format("{} state(s): {}", rebuilt->states.size(),
                                              fmt::join(rebuilt->states, ", ")))
            << '\n';
  const auto mismatches = store::ReadMismatches(db, "");
  if (mismatches.ok() && !mismatches->empty()) {
    std::cerr << "downballot ingest: " << mismatches->size()
              << " candidate totals differ between sources of one race (one of them counts, "
                 "docs/analysis.md); see `downballot mismatches` and `downballot check`\n";
  }
  return 0;
}

int RunIngest(const AppContext& context, IngestOptions options) {
  if (options.paths.empty() && options.data_dir.empty()) {
    if (const char* env = std::getenv("DOWNBALLOT_DATA"); env != nullptr) options.data_dir = env;
  }
  if (!options.data_dir.empty()) options.paths.push_back(options.data_dir);
  if (options.paths.empty()) {
    std::cerr << "downballot ingest: give files or folders, --data DIR, or set DOWNBALLOT_DATA\n";
    return 2;
  }
  auto offices = query::LoadOfficeTable(options.office_files);
  if (!offices.ok()) return ReportSetupError("downballot ingest", offices.status());
  auto setup = SetUpIngest(context, options.paths, /*is_fec=*/false);
  if (!setup.ok()) return ReportSetupError("downballot ingest", setup.status());
  auto& [format, inputs, db] = *setup;
  std::vector<model::FileReport> reports;
  bool results_changed = false;
  int exit_code = 0;
  int num_unrecognized = 0;
  for (const InputFile& input : inputs) {
    reports.push_back(IngestFile(*db, input, *offices, results_changed));
    NoteOutcome(reports.back(), input, exit_code, num_unrecognized);
  }
  if (num_unrecognized > 0) {
    std::cerr << "downballot ingest: skipped " << num_unrecognized
              << " file(s) of no known kind found in folders (listed in the report)\n";
  }
  if (results_changed) exit_code = std::max(exit_code, RebuildAfterIngest(*db));
  PrintReports(reports, format);
  return exit_code;
}

int RunFecIngest(const AppContext& context, const FecIngestOptions& options) {
  if (options.cycle && (*options.cycle < 1976 || *options.cycle % 2 != 0)) {
    std::cerr << "downballot ingest fec: --cycle must be an even year from 1976, got "
              << *options.cycle << '\n';
    return 2;
  }
  auto setup = SetUpIngest(context, options.paths, /*is_fec=*/true);
  if (!setup.ok()) return ReportSetupError("downballot ingest fec", setup.status());
  auto& [format, inputs, db] = *setup;
  std::vector<model::FileReport> reports;
  int exit_code = 0;
  int num_unrecognized = 0;
  for (const InputFile& input : inputs) {
    reports.push_back(IngestFecFile(*db, input.path, options.cycle));
    NoteOutcome(reports.back(), input, exit_code, num_unrecognized);
  }
  if (num_unrecognized > 0) {
    std::cerr << "downballot ingest fec: skipped " << num_unrecognized
              << " file(s) found in folders that are not FEC bulk files (listed in the report)\n";
  }
  PrintReports(reports, format);
  return exit_code;
}

}  // namespace

void RegisterIngestCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "Load OpenElections results, MEDSL returns, FiveThirtyEight primary candidates and\n"
      "partisan-lean files, and a county FIPS table (counties matched by code).\n"
      "Each file's kind is recognised from its name and header; each file loads in one\n"
      "transaction and only once (by content hash). Ends with a report of rows read, stored\n"
      "and rejected per file, with every rejected row's file, line and reason.");
  command->add_option("paths", options->paths, "files or folders (folders are walked)");
  command->add_option("--data", options->data_dir,
                      "data folder to walk (default: $DOWNBALLOT_DATA when no paths are given)");
  command
      ->add_option("--offices", options->office_files,
                   "office-table file(s) tried before the built-in config/offices "
                   "(docs/results.md \"Offices\"); give it once per file")
      ->allow_extra_args(false);
  command->add_option("--format", context.format_text, "table, csv or json");
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto fec_options = std::make_shared<FecIngestOptions>();
  CLI::App* fec = command->add_subcommand(
      "fec",
      "Load FEC bulk files: cn, cm, ccl, itcont (individual contributions), itpas2 (committee to\n"
      "candidate), weball/webl (candidate summaries), plain or inside the FEC's zip files\n"
      "(streamed, never unzipped to disk). Individual contributions are summed per committee,\n"
      "donor and receipt kind (docs/money.md); each file loads in one transaction, once.");
  fec->add_option("paths", fec_options->paths, "FEC files or folders")->required();
  fec->add_option("--cycle", fec_options->cycle,
                  "two-year cycle (e.g. 2020) for files whose name has no digits (itcont.txt)");
  fec->add_option("--format", context.format_text, "table, csv or json");
  fec->callback(
      [&context, &exit_code, fec_options] { exit_code = RunFecIngest(context, *fec_options); });
  command->callback([&context, &exit_code, options, command] {
    if (command->got_subcommand("fec")) return;
    exit_code = RunIngest(context, *options);
  });
}

}  // namespace downballot::cli
