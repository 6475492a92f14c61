#include "cli/command_slate.h"

#include <iostream>
#include <memory>

#include "analysis/slate.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/primary_data.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct SlateOptions {
  std::string group;  // part of a column name, any case
  int cycle = 0;
  std::string party;
  std::string by;  // "", "office", "seat" or "lean"
};

Cell Optional(const std::optional<double>& value) {
  return value.has_value() ? Cell{*value} : Cell{};
}

std::vector<Cell> RateCells(const analysis::WinRate& rate) {
  return {rate.decided, rate.won, rate.rate, rate.low, rate.high};
}

Table SummaryTable(std::span<const analysis::SlateSummary> slates) {
  Table table{{"cycle", "party", "group", "party_committee", "endorsed", "backed_opponent",
               "not_tracked", "decided", "won", "win_rate", "ci_low", "ci_high", "expected_rate",
               "observed_over_expected", "adjusted_rate"},
              {}};
  for (const analysis::SlateSummary& slate : slates) {
    std::vector<Cell> row = {int64_t{slate.cycle},     slate.party,    slate.group,
                             slate.is_party_committee, slate.endorsed, slate.backed_opponent,
                             slate.not_tracked};
    for (Cell& cell : RateCells(slate.result)) row.push_back(std::move(cell));
    row.push_back(slate.expected_rate);
    row.push_back(Optional(slate.observed_over_expected));
    row.push_back(Optional(slate.adjusted_rate));
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table SplitTable(std::span<const analysis::SlateSummary> slates, const std::string& dimension) {
  Table table{{"cycle", "party", "group", dimension, "endorsed", "decided", "won", "win_rate",
               "ci_low", "ci_high"},
              {}};
  for (const analysis::SlateSummary& slate : slates) {
    for (const analysis::SlateSplit& split : slate.splits) {
      if (split.dimension != dimension) continue;
      std::vector<Cell> row = {int64_t{slate.cycle}, slate.party, slate.group, split.value,
                               split.endorsed};
      for (Cell& cell : RateCells(split.result)) row.push_back(std::move(cell));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

nlohmann::json SlateJson(std::span<const analysis::SlateSummary> slates) {
  nlohmann::json out = ToJson(SummaryTable(slates));
  for (size_t idx = 0; idx < slates.size(); ++idx) {
    nlohmann::json splits = nlohmann::json::array();
    for (const analysis::SlateSplit& split : slates[idx].splits) {
      const analysis::WinRate& rate = split.result;
      splits.push_back({{"dimension", split.dimension},
                        {"value", split.value},
                        {"endorsed", split.endorsed},
                        {"decided", rate.decided},
                        {"won", rate.won},
                        {"win_rate", rate.rate},
                        {"ci_low", rate.low},
                        {"ci_high", rate.high}});
    }
    out[idx]["expected_wins"] = slates[idx].expected_wins;
    out[idx]["reference_rate"] = slates[idx].reference_rate;
    out[idx]["splits"] = std::move(splits);
  }
  return out;
}

absl::Status RunSlate(const AppContext& context, const SlateOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  if (!options.by.empty() && options.by != "office" && options.by != "seat" &&
      options.by != "lean") {
    return absl::InvalidArgumentError(
        fmt::format("--by must be office, seat or lean, got '{}'", options.by));
  }
  ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
  store::CandidacyFilter filter;
  if (options.cycle != 0) filter.cycle = options.cycle;
  filter.party = options.party;
  ASSIGN_OR_RETURN(const query::PrimaryData data, query::LoadPrimaryData(*db, filter));
  std::vector<analysis::SlateSummary> slates;
  for (analysis::SlateSummary& slate : analysis::ScoreSlates(data.candidacies)) {
    if (options.group.empty() || base::ContainsIgnoreCase(slate.group, options.group)) {
      slates.push_back(std::move(slate));
    }
  }
  if (slates.empty()) {
    return absl::NotFoundError(
        fmt::format("no endorsement group matches '{}'{}", options.group,
                    options.cycle != 0 ? fmt::format(" in {}", options.cycle) : std::string()));
  }
  if (format == OutputFormat::kJson && options.by.empty()) {
    RenderJson(SlateJson(slates), std::cout);
  } else {
    Render(options.by.empty() ? SummaryTable(slates) : SplitTable(slates, options.by), format,
           std::cout);
  }
  std::cout.flush();  // the summary follows the table on a terminal
  std::cerr << fmt::format(
      "downballot slate: {} groups from {} candidacies in {} file(s); win_rate counts endorsees "
      "whose outcome is known, ci = 95% Wilson; adjusted_rate = the "
      "endorsees' odds over comparable candidates', on the average candidate (docs/slates.md)\n",
      slates.size(), data.candidacies.size(), data.source_paths.size());
  return absl::OkStatus();
}

}  // namespace

void RegisterSlateCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<SlateOptions>();
  CLI::App* command = app.add_subcommand(
      "slate",
      "How each endorsing group's candidates did in the loaded primaries: endorsed, won, win\n"
      "rate with a 95% interval, and the rate adjusted for seat status, partisan lean and field\n"
      "size. 'backed_opponent' (No) and 'not_tracked' (empty, N/A) are kept apart.");
  command->add_option("group", options->group, "part of an endorsement column's name");
  command->add_option("--cycle", options->cycle, "election year, e.g. 2018");
  command->add_option("--party", options->party, "DEM or REP");
  command->add_option("--by", options->by, "split rows by office, seat or lean instead");
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("slate", [&] { return RunSlate(context, *options); });
  });
}

}  // namespace downballot::cli
