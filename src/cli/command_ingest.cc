#include "cli/command_ingest.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/memory_options.h"
#include "cli/progress_bar.h"
#include "fmt/format.h"
#include "query/fec_ingest.h"
#include "query/ingest_files.h"
#include "query/store_access.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string data_dir;
  std::vector<std::string> office_files;  // extra office-table files, tried before the built-in
};

struct FecIngestOptions {
  std::vector<std::string> paths;
  std::optional<int> cycle;
  MemoryOptions memory;
  bool is_quiet = false;
};

// A failed file, or an unrecognised one the user named, makes the run fail; unrecognised
// files found by walking a folder are only counted.
void NoteOutcome(const model::FileReport& report, const query::InputFile& input, int& exit_code,
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
void PrintReports(const AppContext& context, const std::vector<model::FileReport>& reports,
                  OutputFormat format) {
  const nlohmann::json report_json = query::IngestReportJson(reports);
  if (format == OutputFormat::kJson) {
    RenderJson(report_json, std::cout);
    return;
  }
  context.Show(query::IngestReportTable(reports), format);
  const Table rejects = query::RejectTable(reports);
  if (format != OutputFormat::kTable) return;
  if (!rejects.rows.empty()) {
    std::cout << "\nrejected rows\n";
    context.Show(rejects, format);
  }
  std::cout << fmt::format("\ntotal: {} files, rows read {}, stored {}, rejected {}\n",
                           reports.size(), report_json["rows_read"].get<int64_t>(),
                           report_json["rows_stored"].get<int64_t>(),
                           report_json["rows_rejected"].get<int64_t>());
}

struct IngestSetup {
  OutputFormat format = OutputFormat::kTable;
  std::vector<query::InputFile> inputs;
  std::unique_ptr<store::Database> db;
};

// What both ingests do first: the output format, the files, the store. InvalidArgument for a
// usage error (a bad --format, a path that does not exist); other codes for the store.
absl::StatusOr<IngestSetup> SetUpIngest(const AppContext& context,
                                        const std::vector<std::string>& paths, bool is_fec) {
  IngestSetup setup;
  ASSIGN_OR_RETURN(setup.format, context.format());
  ASSIGN_OR_RETURN(setup.inputs, query::CollectInputs(paths, is_fec));
  ASSIGN_OR_RETURN(setup.db, query::OpenOrCreateStore(context.store_path));
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
  const absl::StatusOr<query::RebuildSummary> summary = query::RebuildAfterIngest(db);
  if (!summary.ok()) {
    std::cerr << "downballot ingest: rebuilding races: " << summary.status().message() << '\n';
    return 1;
  }
  const store::StaleRaces& rebuilt = summary->rebuilt;
  std::cerr << "downballot ingest: rebuilt the races of "
            << (rebuilt.is_all ? std::string("every state")
                               : fmt::format("{} state(s): {}", rebuilt.states.size(),
                                             fmt::join(rebuilt.states, ", ")))
            << '\n';
  if (summary->num_mismatches > 0) {
    std::cerr << "downballot ingest: " << summary->num_mismatches
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
  for (const query::InputFile& input : inputs) {
    reports.push_back(query::IngestFile(*db, input, *offices, results_changed));
    NoteOutcome(reports.back(), input, exit_code, num_unrecognized);
  }
  if (num_unrecognized > 0) {
    std::cerr << "downballot ingest: skipped " << num_unrecognized
              << " file(s) of no known kind found in folders (listed in the report)\n";
  }
  if (results_changed) exit_code = std::max(exit_code, RebuildAfterIngest(*db));
  PrintReports(context, reports, format);
  return exit_code;
}

int RunFecIngest(const AppContext& context, const FecIngestOptions& options) {
  if (options.cycle && (*options.cycle < 1976 || *options.cycle % 2 != 0)) {
    std::cerr << "downballot ingest fec: --cycle must be an even year from 1976, got "
              << *options.cycle << '\n';
    return 2;
  }
  const absl::StatusOr<int64_t> memory = MemoryBudgetBytes(options.memory);
  if (!memory.ok()) {
    std::cerr << "downballot ingest fec: " << memory.status().message() << '\n';
    return 2;
  }
  auto setup = SetUpIngest(context, options.paths, /*is_fec=*/true);
  if (!setup.ok()) return ReportSetupError("downballot ingest fec", setup.status());
  auto& [format, inputs, db] = *setup;
  std::vector<model::FileReport> reports;
  int exit_code = 0;
  int num_unrecognized = 0;
  for (const query::InputFile& input : inputs) {
    ProgressBar bar(std::string(base::BaseName(input.path)), !options.is_quiet);
    query::FecIngestSettings settings;
    settings.cycle = options.cycle;
    settings.memory_budget_bytes = *memory;
    settings.temp_folder = options.memory.temp_dir;
    settings.on_progress = [&bar](const ingest::ScanProgress& progress) { bar.Update(progress); };
    settings.on_step = [&bar](std::string_view step) { bar.Step(step); };
    reports.push_back(query::IngestFecFile(*db, input.path, settings));
    NoteOutcome(reports.back(), input, exit_code, num_unrecognized);
  }
  if (num_unrecognized > 0) {
    std::cerr << "downballot ingest fec: skipped " << num_unrecognized
              << " file(s) found in folders that are not FEC bulk files (listed in the report)\n";
  }
  PrintReports(context, reports, format);
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
  AddOutputOptions(*command, context);
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
  AddMemoryOptions(*fec, fec_options->memory, "the store's folder");
  fec->add_flag("--quiet", fec_options->is_quiet,
                "no progress bar (there is none unless stderr is a terminal)");
  AddOutputOptions(*fec, context);
  fec->callback(
      [&context, &exit_code, fec_options] { exit_code = RunFecIngest(context, *fec_options); });
  command->callback([&context, &exit_code, options, command] {
    if (command->got_subcommand("fec")) return;
    exit_code = RunIngest(context, *options);
  });
}

}  // namespace downballot::cli
