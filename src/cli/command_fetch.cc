#include "cli/command_fetch.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/fetch_data.h"

namespace downballot::cli {
namespace {

struct FetchOptions {
  std::vector<std::string> states;
  std::optional<int> cycle;
  std::string what;  // comma-separated kinds
  std::string dest = "data";
  std::vector<std::string> mirrors;  // NAME=URL
  int parallel = 4;
  long stall_seconds = 30;
  int attempts = 4;
};

absl::Status RunFetch(const AppContext& context, const FetchOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  query::FetchRequest request;
  request.states = options.states;
  request.cycle = options.cycle;
  for (const std::string_view kind : base::Split(options.what, ',')) {
    if (!base::Trim(kind).empty()) request.what.emplace_back(base::Trim(kind));
  }
  request.dest = options.dest;
  request.parallel = options.parallel;
  request.download.stall_seconds = options.stall_seconds;
  request.download.max_attempts = options.attempts;
  if (options.stall_seconds < 1 || options.attempts < 1) {
    return absl::InvalidArgumentError("--stall-seconds and --attempts must be 1 or more");
  }
  RETURN_IF_ERROR(query::CheckFetchRequest(request));
  ASSIGN_OR_RETURN(fetch::SourceCatalog catalog, fetch::DefaultSourceCatalog());
  for (const std::string& mirror : options.mirrors) {
    const size_t equals = mirror.find('=');
    if (equals == std::string::npos) {
      return absl::InvalidArgumentError(fmt::format(
          "--mirror takes NAME=URL (a source of `downballot fetch --help`), got '{}'", mirror));
    }
    RETURN_IF_ERROR(catalog.SetMirror(mirror.substr(0, equals), mirror.substr(equals + 1)));
  }
  ASSIGN_OR_RETURN(const std::vector<query::FetchItem> items, query::PlanFetch(catalog, request));
  // A progress line on a terminal, rewritten in place; nothing when stderr is a file or pipe.
  const bool is_terminal = isatty(STDERR_FILENO) != 0;
  const auto progress = [is_terminal](int done, int total, int64_t bytes) {
    if (!is_terminal) return;
    std::cerr << fmt::format("\rdownballot fetch: {}/{} files, {:.1f} MB", done, total,
                             static_cast<double>(bytes) / 1e6)
              << (done == total ? "\n" : "") << std::flush;
  };
  ASSIGN_OR_RETURN(const query::FetchReport report, query::RunFetch(items, request, progress));
  context.Show(query::FetchReportTable(report), format,
               std::initializer_list<std::string_view>{"what", "dest", "status", "bytes", "error"});
  std::cout.flush();
  std::cerr << FitToTerminal(
                   fmt::format(
                       "downballot fetch: {} file(s), {} failed, {:.1f} MB received; "
                       "manifest {}; load them with `downballot ingest --data {}`{}",
                       report.files.size(), report.num_failed,
                       static_cast<double>(report.bytes_transferred) / 1e6,
                       report.manifest.string(), request.dest.string(),
                       std::find(request.what.begin(), request.what.end(), "fec") !=
                               request.what.end()
                           ? fmt::format(" and `downballot ingest fec {}/fec/{} --cycle {}`",
                                         request.dest.string(), *request.cycle, *request.cycle)
                           : ""),
                   STDERR_FILENO)
            << '\n';
  if (report.num_failed > 0) {
    return absl::UnavailableError(
        fmt::format("{} file(s) failed (see the error column); run the same command again to "
                    "resume them",
                    report.num_failed));
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterFetchCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<FetchOptions>();
  CLI::App* command = app.add_subcommand(
      "fetch",
      "Download the public files downballot reads from where their publishers keep them, into\n"
      "a folder `downballot ingest --data DIR` reads (docs/fetch.md). Sources (--mirror NAME=URL\n"
      "replaces one; URL patterns in config/fetch/):\n"
      "  openelections_tree  https://api.github.com/repos/openelections (a state's listing)\n"
      "  openelections_raw   https://raw.githubusercontent.com/openelections (results files:\n"
      "                      openelections-data-{st}/master/{year}/*.csv)\n"
      "  fivethirtyeight     https://raw.githubusercontent.com/fivethirtyeight/data/master\n"
      "                      (primary candidates 2018 and 2022, partisan lean)\n"
      "  medsl               "
      "https://raw.githubusercontent.com/MEDSL/2018-elections-official/master\n"
      "  fips                https://raw.githubusercontent.com/kjhealy/fips-codes/master\n"
      "  fec                 https://www.fec.gov/files/bulk-downloads ({cycle}/cn{yy}.zip, cm, "
      "ccl,\n"
      "                      pas2, weball, webl, indiv)\n"
      "Transfers resume where they stopped, are checked against the listed size (and ETag), are\n"
      "retried with backoff, and are recorded in DEST/fetch-manifest.json; a second run fetches\n"
      "only what changed.");
  command->add_option("--state", options->states, "a state's results (repeat for several)");
  command->add_option("--cycle", options->cycle,
                      "the year of the results; the FEC's two-year cycle (even) for --what fec");
  command->add_option("--what", options->what,
                      "comma-separated: results, candidates, lean, medsl, fips, fec (default: all "
                      "but fec, whose files are gigabytes; results only with --state)");
  command->add_option("--dest", options->dest, "folder to fetch into (default ./data)");
  command->add_option("--mirror", options->mirrors, "NAME=URL: another base URL for a source");
  command->add_option("--parallel", options->parallel, "transfers at once (default 4, at most 16)");
  command->add_option("--stall-seconds", options->stall_seconds,
                      "give up an attempt after this long without data (default 30)");
  command->add_option("--attempts", options->attempts, "tries per file (default 4)");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("fetch", [&] { return RunFetch(context, *options); });
  });
}

}  // namespace downballot::cli
