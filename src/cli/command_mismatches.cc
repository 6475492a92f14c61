#include "cli/command_mismatches.h"

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

absl::Status RunMismatches(const AppContext& context, const std::string& race_id) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(auto db, OpenStoreWithFreshRaces(context));
  ASSIGN_OR_RETURN(const auto mismatches, store::ReadMismatches(*db, race_id));
  Table table{{"race_id", "county", "candidate", "county_file_votes", "precinct_sum_votes",
               "difference"},
              {}};
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
    table.rows.push_back({mismatch.race_id, mismatch.county, mismatch.candidate,
                          mismatch.county_file_votes, mismatch.precinct_sum_votes,
                          mismatch.precinct_sum_votes - mismatch.county_file_votes});
  }
  Render(table, format, std::cout);
  return absl::OkStatus();
}

}  // namespace

void RegisterMismatchesCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto race_id = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "mismatches",
      "List every county and candidate where the sum of the precinct returns differs from the\n"
      "county-level file of the same election. The county file's figure is the one counted.");
  command->add_option("--race", *race_id, "only this race ID");
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, race_id] {
    exit_code = RunCommand("mismatches", [&] { return RunMismatches(context, *race_id); });
  });
}

}  // namespace downballot::cli
