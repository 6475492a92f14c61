#include "cli/command_leverage.h"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/leverage.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct LeverageOptions {
  std::string state;
  int cycle = 0;
  std::string office;
  std::string source;
  bool flagged_only = false;
  bool totals_only = false;
};

// What a terminal shows by default: the contest, its margin and the line that could swing it.
constexpr std::string_view kLeverageKeyColumns[] = {
    "year",   "state",      "office",     "district", "winner_party",
    "margin", "line_party", "line_votes", "backs",    "exceeds_margin"};

absl::Status RunLeverage(const AppContext& context, const LeverageOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  query::Params params;
  params.Set("state", options.state);
  params.Set("cycle", options.cycle != 0 ? std::to_string(options.cycle) : "");
  params.Set("office", options.office);
  params.Set("source", options.source);
  params.Set("flagged", options.flagged_only ? "1" : "");
  params.Set("totals", options.totals_only ? "1" : "");
  ASSIGN_OR_RETURN(const query::LeverageRequest request, query::ParseLeverageRequest(params));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::LeverageAnswer answer, query::AnswerLeverage(*db, request));
  context.Show(answer.rows, format, kLeverageKeyColumns);
  if (answer.rows.rows.empty()) {
    return SayWhyEmpty(*db, "leverage", query::AnswerSource::kGenerals);
  }
  std::cout.flush();  // the summary follows the table on a terminal
  std::cerr << FitToTerminal(
                   fmt::format("downballot leverage: {} contested contests ({} uncontested), {} "
                               "minor lines exceed the "
                               "margin; {} contest(s) counted from MEDSL where results files fall "
                               "short; contests that "
                               "are not complete or elect several are shown, never flagged",
                               answer.num_contests, answer.num_uncontested, answer.num_flagged,
                               answer.num_counted_from_medsl),
                   STDERR_FILENO)
            << '\n';
  return absl::OkStatus();
}

}  // namespace

void RegisterLeverageCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<LeverageOptions>();
  CLI::App* command = app.add_subcommand(
      "leverage",
      "In general elections, each minor-party line's votes against the margin between the\n"
      "winner and the runner-up (fusion lines count for their own party); ratio > 1 is\n"
      "flagged. One row per minor line, or one per contest with --totals. From MEDSL's\n"
      "constituency files and OpenElections general results.");
  command->add_option("--state", options->state, "two-letter state code");
  command->add_option("--cycle", options->cycle, "election year");
  command->add_option("--office", options->office, "part of the office name");
  command->add_option("--source", options->source, "medsl or openelections");
  command->add_flag("--flagged", options->flagged_only, "only lines that exceed the margin");
  command->add_flag("--totals", options->totals_only, "one row per contest: all minor lines");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("leverage", [&] { return RunLeverage(context, *options); });
  });
}

}  // namespace downballot::cli
