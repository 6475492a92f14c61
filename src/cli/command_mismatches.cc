#include "cli/command_mismatches.h"

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "query/races.h"
#include "query/store_access.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

absl::Status RunMismatches(const AppContext& context, const std::string& race_id) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  // An unknown ID is an error (NotFound, with the nearest ids), not an empty list; the start of
  // one id is that id.
  std::string id = race_id;
  if (!id.empty()) {
    ASSIGN_OR_RETURN(const model::Race race, query::FindRace(*db, race_id));
    id = race.id;
  }
  ASSIGN_OR_RETURN(const auto mismatches, store::ReadMismatches(*db, id));
  Table table{{"race_id", "county", "candidate", "counted_votes", "other_votes", "difference",
               "counted_source", "other_source"},
              {}};
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
    table.rows.push_back({mismatch.race_id, mismatch.county, mismatch.candidate,
                          mismatch.counted_votes, mismatch.other_votes,
                          mismatch.other_votes - mismatch.counted_votes, mismatch.counted_source,
                          mismatch.other_source});
  }
  context.Show(table, format);
  return absl::OkStatus();
}

}  // namespace

void RegisterMismatchesCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto race_id = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "mismatches",
      "List every candidate whose votes differ between two sources of one race: precinct sums\n"
      "against a county file, county sums against a state-level file, a race against MEDSL's\n"
      "total. County \"\" is the whole contest; the counted source is the one the race uses\n"
      "(docs/analysis.md \"Each vote once\").");
  command->add_option("--race", *race_id, "only this race ID");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, race_id] {
    exit_code = RunCommand("mismatches", [&] { return RunMismatches(context, *race_id); });
  });
}

}  // namespace downballot::cli
