#include "cli/command_map.h"

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "query/opportunity_map.h"
#include "query/store_access.h"
#include "query/targets.h"

namespace downballot::cli {

void RegisterMapCommand(CLI::App& app, AppContext& context, int& exit_code) {
  struct Options {
    std::string level;
    std::string party;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "map",
      "Opportunity per state, then per county (seats whose jurisdiction is a county), as the\n"
      "dashboard's map shades it: seats with a loaded primary, open seats (no incumbent ran)\n"
      "and the best `targets` score with its seat.");
  command->add_option("--level", options->level, std::string(model::kOfficeLevelNames));
  command->add_option("--party", options->party, "party code or name, e.g. DEM or Democrat");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("map", [&]() -> absl::Status {
      ASSIGN_OR_RETURN(const OutputFormat format, context.format());
      query::Params params;
      params.Set("level", options->level);
      params.Set("party", options->party);
      ASSIGN_OR_RETURN(const analysis::TargetFilter filter, query::ParseMapRequest(params));
      ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
      ASSIGN_OR_RETURN(const query::Coding coding, query::LoadCoding(query::CodingOptions{}));
      RETURN_IF_ERROR(query::EnsureFreshTargets(*db, coding));
      ASSIGN_OR_RETURN(const query::MapAnswer map, query::AnswerMap(*db, filter, coding));
      if (format == OutputFormat::kJson) {
        RenderJson(query::ToJson(map), std::cout);
        return absl::OkStatus();
      }
      // Table and CSV: the states, then (after one empty line) the counties.
      context.Show(map.states, format);
      if (!map.counties.rows.empty()) {
        std::cout << '\n';
        context.Show(map.counties, format);
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace downballot::cli
