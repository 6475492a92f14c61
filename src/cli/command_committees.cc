#include "cli/command_committees.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "base/status_macros.h"
#include "cli/memory_options.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "money/committee_summary.h"
#include "query/committee_receipts.h"

namespace downballot::cli {
namespace {

struct CommitteesOptions {
  std::vector<std::string> paths;
  int num_threads = 0;  // 0 = one per core
  bool fec_rules = false;
  MemoryOptions memory;
};

// Receipts counted as `money` counts them: a table in any format, and the rows' account.
absl::Status RunFecRules(const AppContext& context, const CommitteesOptions& options,
                         int num_threads) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const query::CommitteeReceiptsAnswer answer,
                   query::SumCommitteeReceipts(options.paths, num_threads));
  context.Show(query::CommitteeReceiptsTable(answer), format);
  std::cout.flush();
  int64_t read = 0;
  int64_t rejected = 0;
  for (const model::FileReport& report : answer.reports) {
    read += report.rows_read;
    rejected += report.rows_rejected;
    for (const model::RowError& reject : report.rejects) {
      std::cerr << fmt::format("{}:{}: {}: {}\n", reject.file, reject.line, reject.field,
                               reject.reason);
    }
  }
  std::cerr << FitToTerminal(
                   fmt::format(
                       "downballot committees: {} rows read = {} counted + {} rejected; {} "
                       "committees. Counted as `money` counts them (docs/money.md): receipts = "
                       "individual + refunds + candidate + other; memo rows and conduit "
                       "pass-throughs add nothing (uncounted_rows)",
                       read, read - rejected, rejected, answer.committees.size()),
                   STDERR_FILENO)
            << '\n';
  return absl::OkStatus();
}

absl::Status RunCommittees(const AppContext& context, const CommitteesOptions& options) {
  if (options.num_threads < 0) {
    return absl::InvalidArgumentError(
        fmt::format("--threads must be 0 (one per core) or more, got {}", options.num_threads));
  }
  money::SummaryOptions summary_options;
  summary_options.num_threads =
      options.num_threads > 0 ? options.num_threads
                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  if (options.fec_rules) return RunFecRules(context, options, summary_options.num_threads);
  ASSIGN_OR_RETURN(summary_options.memory_budget_bytes, MemoryBudgetBytes(options.memory));
  summary_options.temp_folder = options.memory.temp_dir.empty()
                                    ? std::filesystem::temp_directory_path().string()
                                    : options.memory.temp_dir;
  ASSIGN_OR_RETURN(const money::CommitteeSummary summary,
                   money::SummarizeCommittees(options.paths, summary_options));

  // One write for the whole table: ~11,000 lines for a 10M-row file.
  std::string out;
  out.reserve(summary.committees.size() * 48);
  for (const money::CommitteeTotals& totals : summary.committees) {
    out += money::FormatCommitteeLine(totals);
    out += '\n';
  }
  // A closed pipe (`| head`) is success (STYLE.md §4); main() ignores SIGPIPE.
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);

  const money::SummaryReport& report = summary.report;
  for (const model::RowError& reject : report.first_rejects) {
    std::fputs(
        fmt::format("{}:{}: rejected: {}\n", reject.file, reject.line, reject.reason).c_str(),
        stderr);
  }
  if (report.rows_rejected > static_cast<int64_t>(report.first_rejects.size())) {
    std::fputs(fmt::format("... and {} more rejected rows\n",
                           report.rows_rejected - static_cast<int64_t>(report.first_rejects.size()))
                   .c_str(),
               stderr);
  }
  std::fputs(fmt::format("downballot committees: {} rows read = {} aggregated + {} rejected; "
                         "{} committees from {} file(s)\n",
                         report.rows_read, report.rows_aggregated, report.rows_rejected,
                         summary.committees.size(), options.paths.size())
                 .c_str(),
             stderr);
  if (report.bytes_spilled > 0) {
    std::fputs(fmt::format("downballot committees: {:.1f} MB of donor hashes held in temporary "
                           "files to stay within --memory {}\n",
                           static_cast<double>(report.bytes_spilled) / 1e6, options.memory.memory)
                   .c_str(),
               stderr);
  }
  std::fputs(FitToTerminal("sum = every row's TRANSACTION_AMT as filed: memo rows, refunds and "
                           "earmark pass-throughs included, so it is not the committee's "
                           "receipts; `--fec-rules` counts them as `money` does",
                           STDERR_FILENO)
                 .append("\n")
                 .c_str(),
             stderr);
  return absl::OkStatus();
}

}  // namespace

void RegisterCommitteesCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<CommitteesOptions>();
  CLI::App* command = app.add_subcommand(
      "committees",
      "Total FEC individual contributions per committee, straight from itcont files (no store).\n"
      "Output, one line per CMTE_ID sorted bytewise, no header:\n"
      "  cmte_id|rows|sum|small_rows|small_sum|donors\n"
      "sum adds every row's amount as filed (memo rows, refunds and earmark pass-throughs too):\n"
      "a quick total of the file, not the committee's receipts. --fec-rules counts receipts\n"
      "as `money` does instead (a table: individual, refunds, candidate, other, receipts).\n"
      "small = 0 < amount < $200; donors = distinct exact NAME + first 5 ZIP characters (rows\n"
      "with an empty NAME or ZIP are not donors); money in dollars with two decimals.\n"
      "Rows with a field count other than 21 or an unreadable TRANSACTION_AMT are rejected:\n"
      "counted and listed on stderr, never fatal. Exit 1 only if a file cannot be read.\n"
      "Memory: a 1 MiB buffer per thread plus ~16 bytes per row with a donor, up to --memory,\n"
      "beyond which they go to temporary files; files are streamed, never held whole.\n"
      "Details: docs/committees.md.");
  command->add_option("files", options->paths, "itcont files (pipe-delimited, 21 fields)")
      ->required();
  command->add_option("--threads", options->num_threads,
                      "worker threads; each file is split into this many chunks (default 0 = one "
                      "per core)");
  AddMemoryOptions(*command, options->memory, "the system's temporary folder, $TMPDIR or /tmp");
  command->add_flag("--fec-rules", options->fec_rules,
                    "count receipts by the FEC rules `money` uses (docs/money.md) instead of "
                    "summing every row");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("committees", [&] { return RunCommittees(context, *options); });
  });
}

}  // namespace downballot::cli
