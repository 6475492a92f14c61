#include "cli/command_targets.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "analysis/body_takeover.h"
#include "analysis/targeting_score.h"
#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/money_profile.h"
#include "query/party_bodies_data.h"
#include "query/store_access.h"
#include "query/summary.h"
#include "query/targets.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

struct TargetsOptions {
  std::string state;
  std::string level;
  std::string party;
  bool open_only = false;
  std::string sort;
  std::string order;
  int64_t limit = query::kDefaultPageSize;
  int64_t offset = 0;
  std::string weights_path;
  std::string by = "seat";  // "seat" or "body"
};

// A body and what its cheapest majority costs, for `targets --by body`.
struct RankedBody {
  const analysis::PartyBody* body = nullptr;
  analysis::Takeover takeover;
};

// Bodies ranked by the expected votes their cheapest majority takes, then by candidates to
// recruit, then by id.
absl::StatusOr<std::vector<RankedBody>> RankBodies(const query::BodiesData& data) {
  std::vector<RankedBody> ranked;
  for (const analysis::PartyBody& body : data.bodies) {
    ASSIGN_OR_RETURN(analysis::Takeover takeover,
                     analysis::PlanTakeover(body, data.party_races, analysis::PlanAssumptions{}));
    ranked.push_back({&body, std::move(takeover)});
  }
  std::sort(ranked.begin(), ranked.end(), [](const RankedBody& a, const RankedBody& b) {
    if (a.takeover.expected.win_number != b.takeover.expected.win_number) {
      return a.takeover.expected.win_number < b.takeover.expected.win_number;
    }
    if (a.takeover.candidates != b.takeover.candidates) {
      return a.takeover.candidates < b.takeover.candidates;
    }
    return a.body->id < b.body->id;
  });
  return ranked;
}

Table BodyTargetTable(std::span<const RankedBody> ranked) {
  Table table{{"rank", "body_id", "seats", "seat_count", "majority", "candidates",
               "seats_won_by_filing", "contested_picks", "votes_low", "votes_expected",
               "votes_high", "volunteers_expected", "budget_dollars_expected"},
              {}};
  int64_t rank = 0;
  for (const RankedBody& entry : ranked) {
    int64_t by_filing = 0;
    int64_t contested = 0;
    for (const analysis::TakeoverPick& pick : entry.takeover.picks) {
      if (pick.race_id.empty()) {
        by_filing += pick.seats;
      } else {
        ++contested;
      }
    }
    table.rows.push_back({++rank, entry.body->id, entry.body->seats,
                          std::string(entry.body->is_seat_count_exact ? "total" : "at_least"),
                          entry.takeover.majority, entry.takeover.candidates, by_filing, contested,
                          entry.takeover.low.win_number, entry.takeover.expected.win_number,
                          entry.takeover.high.win_number, entry.takeover.expected.volunteers,
                          static_cast<double>(entry.takeover.expected.budget_cents) / 100.0});
  }
  return table;
}

// What a terminal shows by default: the seat, the size of the win and the score.
constexpr std::string_view kTargetKeyColumns[] = {"rank",       "seat_id",   "party", "field_size",
                                                  "win_number", "incumbent", "score"};

// The weights of `path`; nullopt without one (the defaults, read from the store's table).
absl::StatusOr<std::optional<analysis::TargetWeights>> LoadWeights(const std::string& path) {
  if (path.empty()) return std::nullopt;
  ASSIGN_OR_RETURN(const std::string text, base::ReadFile(path));
  ASSIGN_OR_RETURN(const base::KeyValues values, base::ParseKeyValues(text, path));
  return analysis::TargetWeightsFromConfig(values, path);
}

// Flat table: one row per target, one column per component value; explanations go to JSON.
Table TargetTable(const query::TargetsAnswer& answer) {
  Table table{
      {"rank", "seat_id", "office", "district", "jurisdiction", "party", "level", "last_primary",
       "field_size", "ballots_for_office", "win_number", "incumbent", "completeness", "score"},
      {}};
  // Every component has its column, rows or none: CSV readers rely on the header.
  for (const std::string_view name : analysis::kTargetComponentNames) {
    table.columns.emplace_back(name);
  }
  for (const query::RankedTarget& entry : answer.targets) {
    const analysis::Target& target = entry.target;
    std::vector<Cell> row = {entry.rank,
                             target.seat_id,
                             target.seat.office,
                             target.seat.district,
                             target.seat.jurisdiction,
                             target.party,
                             std::string(model::ToString(target.level)),
                             target.last_primary_date.ToIso(),
                             int64_t{target.last_field_size},
                             target.last_ballots_for_office,
                             target.win_number,
                             target.incumbent,
                             std::string(model::ToString(target.completeness)),
                             target.score};
    for (const analysis::ScoreComponent& component : target.components) {
      // An unknown is an empty cell, not a number that looks measured.
      row.push_back(component.is_known ? Cell(component.value) : Cell());
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

absl::Status RunBodyTargets(const AppContext& context, const TargetsOptions& options,
                            OutputFormat format) {
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(
      const query::BodiesData data,
      query::LoadPartyBodies(*db, ingest::OfficeTable::Default(), {options.state, options.party}));
  ASSIGN_OR_RETURN(std::vector<RankedBody> ranked, RankBodies(data));
  if (options.limit > 0 && ranked.size() > static_cast<size_t>(options.limit)) {
    ranked.resize(static_cast<size_t>(options.limit));
  }
  // JSON and CSV carry the same columns; `takeover BODY` explains each row.
  context.Show(BodyTargetTable(ranked), format);
  if (format == OutputFormat::kTable) {
    std::cout << "\nbodies ranked by the expected votes of their cheapest majority (plan "
                 "defaults, config/plan.conf); `downballot takeover BODY` shows the seats and "
                 "assumptions\n";
  }
  return absl::OkStatus();
}

absl::Status RunTargets(const AppContext& context, const TargetsOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  if (options.by != "seat" && options.by != "body") {
    return absl::InvalidArgumentError(
        fmt::format("--by must be seat or body, got '{}'", options.by));
  }
  if (options.by == "body") {
    if (options.limit < 0) return absl::InvalidArgumentError("--limit must be 0 (all) or more");
    return RunBodyTargets(context, options, format);
  }
  query::Params params;
  params.Set("state", options.state);
  params.Set("level", options.level);
  params.Set("party", options.party);
  params.Set("open", options.open_only ? "1" : "");
  params.Set("sort", options.sort);
  params.Set("order", options.order);
  params.Set("limit", std::to_string(options.limit));
  params.Set("offset", std::to_string(options.offset));
  ASSIGN_OR_RETURN(query::TargetsRequest request, query::ParseTargetsRequest(params));
  ASSIGN_OR_RETURN(request.weights, LoadWeights(options.weights_path));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::Coding coding, query::LoadCoding(query::CodingOptions{}));
  if (!request.weights.has_value()) RETURN_IF_ERROR(query::EnsureFreshTargets(*db, coding));
  ASSIGN_OR_RETURN(const query::TargetsAnswer answer, query::AnswerTargets(*db, request, coding));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
  } else {
    context.Show(TargetTable(answer), format, kTargetKeyColumns);
  }
  if (format == OutputFormat::kTable) {
    std::cout << '\n'
              << FitToTerminal(
                     "score = sum of weight x component (each 0..1); `--format json` explains "
                     "every component; weights: " +
                     (options.weights_path.empty()
                          ? std::string("built-in defaults (config/targets.conf)")
                          : options.weights_path))
              << '\n';
  }
  if (answer.total == 0) {
    RETURN_IF_ERROR(SayWhyEmpty(*db, "targets", query::AnswerSource::kPrimaries));
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterTargetsCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<TargetsOptions>();
  CLI::App* command = app.add_subcommand(
      "targets",
      "Rank seats (one per seat and party with a loaded primary) by an opportunity score:\n"
      "open seat, uncontested last primary, small electorate (low win number), seat safe for\n"
      "the party (the primary decides), and the incumbent's last primary share. Every\n"
      "component is printed; weights come from a `key = value` file (see config/targets.conf).");
  command->add_option("--state", options->state, "two-letter state code, e.g. NY");
  command->add_option("--level", options->level, std::string(model::kOfficeLevelNames));
  command->add_option("--party", options->party, "party code or name, e.g. DEM or Democrat");
  command->add_flag("--open-only", options->open_only, "only seats no incumbent ran for");
  command->add_option("--sort", options->sort,
                      "score (default), win_number, ballots or field_size");
  command->add_option("--order", options->order, "desc (default for score) or asc");
  command->add_option("--limit", options->limit, "rows to print (default 25; 0 = all)");
  command->add_option("--offset", options->offset, "rows to skip first (paging)");
  command->add_option("--weights", options->weights_path, "weights file (config/targets.conf)");
  command->add_option("--by", options->by,
                      "seat (default: one row per seat and party) or body (party bodies ranked by "
                      "the cost of a majority, see `takeover`)");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("targets", [&] { return RunTargets(context, *options); });
  });
}

}  // namespace downballot::cli
