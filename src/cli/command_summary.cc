#include "cli/command_summary.h"

#include <unistd.h>

#include <iostream>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/empty_answer.h"
#include "query/store_access.h"
#include "query/summary.h"

namespace downballot::cli {
namespace {

absl::Status RunSummary(const AppContext& context) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::SummaryAnswer answer, query::AnswerSummary(*db));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
    return absl::OkStatus();
  }
  // Table and CSV: one row per state; the totals go to stderr so stdout stays data.
  Table states{{"state", "years", "races", "primaries"}, {}};
  for (const query::CoveredState& state : answer.states) {
    states.rows.push_back({state.state, fmt::format("{}", fmt::join(state.years, " ")),
                           state.num_races, state.num_primaries});
  }
  context.Show(states, format);
  std::cout.flush();
  std::string levels;
  for (const query::NamedCount& level : answer.levels) {
    levels += fmt::format("{}{} {}", levels.empty() ? "" : ", ", level.name, level.num_races);
  }
  std::string parties;
  for (const query::NamedCount& party : answer.parties) {
    parties += fmt::format("{}{} {}", parties.empty() ? "" : ", ", party.name, party.num_races);
  }
  std::cerr << FitToTerminal(
                   fmt::format("downballot summary: {} races in {} state(s) from {} file(s); "
                               "levels: {}; primary parties: {}; FEC cycles: {}",
                               answer.num_races, answer.states.size(), answer.num_files,
                               levels.empty() ? "none" : levels, parties.empty() ? "none" : parties,
                               answer.fec_cycles.empty()
                                   ? "none"
                                   : fmt::format("{}", fmt::join(answer.fec_cycles, ", "))),
                   STDERR_FILENO)
            << '\n';
  if (answer.num_races == 0) {
    std::cerr << FitToTerminal(query::WhyEmpty("summary", query::AnswerSource::kResults, answer),
                               STDERR_FILENO)
              << '\n';
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterSummaryCommand(CLI::App& app, AppContext& context, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "summary",
      "What the store covers: each state with its election years, races and primaries; the\n"
      "levels and primary parties with their race counts; files read; FEC cycles loaded.");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code] {
    exit_code = RunCommand("summary", [&] { return RunSummary(context); });
  });
}

}  // namespace downballot::cli
