#include "cli/command_check.h"

#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/check.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct CheckOptions {
  std::string state;
  int cycle = 0;
};

absl::Status RunCheck(const AppContext& context, const CheckOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  query::Params params;
  params.Set("state", options.state);
  params.Set("cycle", options.cycle != 0 ? std::to_string(options.cycle) : "");
  ASSIGN_OR_RETURN(const query::CheckRequest request, query::ParseCheckRequest(params));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(query::CheckAnswer answer, query::AnswerCheck(*db, request));
  context.Show(answer.issues, format);
  std::cout.flush();  // the summary follows the table on a terminal
  auto& counts = answer.num_by_severity;
  auto& fte_counts = answer.fte_verdicts;
  std::cerr << FitToTerminal(fmt::format("downballot check: {} errors, {} warnings, {} notes; "
                                         "FiveThirtyEight primaries: {} agree, "
                                         "{} differ in shares, {} in winner, {} miss a candidate, "
                                         "{} not comparable (partial)",
                                         counts["error"], counts["warning"], counts["info"],
                                         fte_counts[analysis::FteVerdict::kAgrees],
                                         fte_counts[analysis::FteVerdict::kSharesDiffer],
                                         fte_counts[analysis::FteVerdict::kWinnerDiffers],
                                         fte_counts[analysis::FteVerdict::kCandidateMissing],
                                         fte_counts[analysis::FteVerdict::kNotComparable]),
                             STDERR_FILENO)
            << '\n';
  return absl::OkStatus();
}

}  // namespace

void RegisterCheckCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Data sanity report. Cross-checks against independent sources: races against MEDSL's\n"
      "totals per candidate, primaries against FiveThirtyEight's shares and winners. Within the\n"
      "files: sources of one race that disagree, counties naming another contest's candidates,\n"
      "office strings no office rule matches, repeated rows and precinct blocks, contests\n"
      "repeated under another date, near-identical candidate names, unknown counties, House\n"
      "votes against Senate votes (roll-off), votes above ballots cast. Each issue names the\n"
      "rows to look at.");
  command->add_option("--state", options->state, "two-letter state code");
  command->add_option("--cycle", options->cycle,
                      "election year (rejected rows and unknown counties, which have no year, "
                      "are listed only without it)");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("check", [&] { return RunCheck(context, *options); });
  });
}

}  // namespace downballot::cli
