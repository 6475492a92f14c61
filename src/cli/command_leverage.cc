#include "cli/command_leverage.h"

#include <iostream>
#include <memory>

#include "analysis/leverage.h"
#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/general_contests_data.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct LeverageOptions {
  std::string state;
  int cycle = 0;
  std::string office;
  std::string source;  // "", "medsl" or "openelections"
  bool flagged_only = false;
  bool totals_only = false;
};

absl::Status RunLeverage(const AppContext& context, const LeverageOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  if (!options.source.empty() && options.source != "medsl" && options.source != "openelections") {
    return absl::InvalidArgumentError(
        fmt::format("--source must be medsl or openelections, got '{}'", options.source));
  }
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  query::ContestFilter filter;
  if (options.cycle != 0) filter.year = options.cycle;
  filter.state = options.state;
  filter.office = options.office;
  ASSIGN_OR_RETURN(query::GeneralContests loaded, query::LoadGeneralContests(*db, filter));
  std::vector<model::GeneralContest> contests;
  for (model::GeneralContest& contest : loaded.contests) {
    if (options.source.empty() || contest.source == options.source) {
      contests.push_back(std::move(contest));
    }
  }
  const analysis::LeverageResult result = analysis::ComputeLeverage(contests);

  Table table{
      {"contest_id",      "source",          "year",         "state",        "office",
       "district",        "winner",          "winner_party", "winner_votes", "runner_up",
       "runner_up_party", "runner_up_votes", "margin",       "line_party",   "line_party_raw",
       "line_votes",      "line_candidates", "backs",        "ratio",        "exceeds_margin",
       "fusion",          "complete",        "seats"},
      {}};
  int64_t num_flagged = 0;
  int64_t num_contests = 0;
  for (const analysis::LeverageRow& row : result.rows) {
    const bool is_total = row.line_party == "ALL";
    if (is_total) ++num_contests;
    if (row.exceeds_margin && !is_total) ++num_flagged;
    if (options.flagged_only && !row.exceeds_margin) continue;
    if (options.totals_only != is_total) continue;
    table.rows.push_back({row.contest_id,
                          row.source,
                          int64_t{row.year},
                          row.state,
                          row.office,
                          row.district,
                          row.winner,
                          row.winner_party,
                          row.winner_votes,
                          row.runner_up,
                          row.runner_up_party,
                          row.runner_up_votes,
                          row.margin,
                          row.line_party,
                          row.line_party_raw,
                          row.line_votes,
                          fmt::format("{}", fmt::join(row.line_candidates, "; ")),
                          std::string(analysis::ToString(row.backs)),
                          row.ratio.has_value() ? Cell{*row.ratio} : Cell{},
                          row.exceeds_margin,
                          row.is_fusion,
                          row.is_complete,
                          int64_t{row.seats}});
  }
  Render(table, format, std::cout);
  std::cout.flush();  // the summary follows the table on a terminal
  std::cerr << fmt::format(
      "downballot leverage: {} contested contests ({} uncontested), {} minor lines exceed the "
      "margin; {} contest(s) counted from MEDSL where results files fall short; contests that "
      "are not complete or elect several are shown, never flagged\n",
      num_contests, result.uncontested_contest_ids.size(), num_flagged,
      loaded.num_counted_from_medsl);
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
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("leverage", [&] { return RunLeverage(context, *options); });
  });
}

}  // namespace downballot::cli
