#include "cli/command_races.h"

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/race_render.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/races.h"
#include "query/store_access.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

// What a terminal shows by default; the id carries date, stage, party, office and district.
constexpr std::string_view kRaceKeyColumns[] = {"race_id", "winner", "margin_votes",
                                                "ballots_for_office"};

absl::Status RunRaces(const AppContext& context, const query::Params& params) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const query::RacesRequest request, query::ParseRacesRequest(params));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::RacesAnswer answer, query::AnswerRaces(*db, request));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
  } else {
    context.Show(query::RaceListTable(answer.races), format, kRaceKeyColumns);
  }
  if (answer.total == 0) {
    RETURN_IF_ERROR(SayWhyEmpty(*db, "races", query::AnswerSource::kResults));
  }
  return absl::OkStatus();
}

absl::Status RunRace(const AppContext& context, const std::string& race_id) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::RaceDetail detail, query::AnswerRace(*db, race_id));
  RenderRaceDetail(detail, format, std::cout);
  return absl::OkStatus();
}

}  // namespace

void RegisterRacesCommand(CLI::App& app, AppContext& context, int& exit_code) {
  struct Options {
    store::RaceFilter filter;
    std::string level;
    int64_t limit = 0;
    int64_t offset = 0;
  };
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "races",
      "List races with their IDs, candidates, votes and winner.\n"
      "Every filter is optional and case-insensitive; --office matches part of a name.");
  command->add_option("--state", options->filter.state, "two-letter state code, e.g. NY");
  command->add_option("--office", options->filter.office, "office name or part of it");
  command->add_option("--district", options->filter.district, "district, e.g. 14");
  command->add_option("--date", options->filter.date, "election date, YYYY-MM-DD");
  command->add_option("--stage", options->filter.stage, std::string(model::kElectionStageNames));
  command->add_option("--party", options->filter.party,
                      "primary party code or name, e.g. DEM or Democrat");
  command->add_option("--level", options->level, std::string(model::kOfficeLevelNames));
  command->add_option("--limit", options->limit, "rows to print (default 0 = all)");
  command->add_option("--offset", options->offset, "rows to skip first (paging)");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("races", [&] {
      query::Params params;
      params.Set("state", options->filter.state);
      params.Set("office", options->filter.office);
      params.Set("district", options->filter.district);
      params.Set("date", options->filter.date);
      params.Set("stage", options->filter.stage);
      params.Set("party", options->filter.party);
      params.Set("level", options->level);
      params.Set("limit", std::to_string(options->limit));
      params.Set("offset", std::to_string(options->offset));
      return RunRaces(context, params);
    });
  });
}

void RegisterRaceCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto race_id = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "race",
      "Show one race: every candidate with party lines, votes, share and rank; the\n"
      "winners and margin; ballots for the office; incumbency; completeness; the\n"
      "sources counted and any place where two files or sources disagree.");
  command->add_option("id", *race_id, "race ID, as listed by `downballot races`")->required();
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, race_id] {
    exit_code = RunCommand("race", [&] { return RunRace(context, *race_id); });
  });
}

}  // namespace downballot::cli
