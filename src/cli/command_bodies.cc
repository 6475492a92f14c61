#include "cli/command_bodies.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include "analysis/body_takeover.h"
#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/bodies.h"
#include "query/plan.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct BodiesOptions {
  std::string state;
  std::string party;
  std::vector<std::string> office_files;
};

struct TakeoverOptions {
  std::string body_id;
  std::string assumptions_path;
  std::vector<std::string> settings;  // --set key=value
  std::vector<std::string> office_files;
};

std::string_view SeatCount(const analysis::PartyBody& body) {
  return body.is_seat_count_exact ? "total" : "at_least";
}

// "856" for a total, "at least 42" for a lower bound: never a bound that reads as a total.
std::string SeatsForPeople(const analysis::PartyBody& body) {
  return body.is_seat_count_exact ? fmt::format("{}", body.seats)
                                  : fmt::format("at least {}", body.seats);
}

Cell Optional(const std::optional<int64_t>& value) { return value ? Cell(*value) : Cell(); }

Cell Optional(const std::optional<double>& value) { return value ? Cell(*value) : Cell(); }

Table BodiesTable(const std::vector<analysis::PartyBody>& bodies, bool is_for_people) {
  Table table{{"body_id", "state", "party", "body", "area", "last_primary", "seats", "seat_count",
               "units", "members_per_unit", "primaries", "seats_at_primary", "contested_seats",
               "seats_without_primary", "median_ballots_per_contested_seat", "seats_basis"},
              {}};
  for (const analysis::PartyBody& body : bodies) {
    table.rows.push_back(
        {body.id, body.key.state, body.key.party, body.key.body, body.key.area,
         body.primary_date.ToIso(), is_for_people ? Cell(SeatsForPeople(body)) : Cell(body.seats),
         std::string(SeatCount(body)), body.num_units,
         body.members_per_unit > 0 ? Cell(int64_t{body.members_per_unit}) : Cell(), body.primaries,
         body.seats_at_primary, body.contested_seats, Optional(body.seats_without_primary),
         Optional(body.median_ballots_per_contested_seat), body.seats_basis});
  }
  return table;
}

absl::Status RunBodies(const AppContext& context, const BodiesOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const ingest::OfficeTable offices, query::LoadOfficeTable(options.office_files));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  query::Params params;
  params.Set("state", options.state);
  params.Set("party", options.party);
  ASSIGN_OR_RETURN(const query::BodiesRequest request, query::ParseBodiesRequest(params));
  ASSIGN_OR_RETURN(const query::BodiesData data, query::LoadPartyBodies(*db, offices, request));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(data.bodies), std::cout);
  } else {
    context.Show(BodiesTable(data.bodies, format == OutputFormat::kTable), format);
  }
  if (data.bodies.empty()) {
    std::cerr << "downballot bodies: no party-seat primaries loaded"
              << (options.state.empty() ? "" : " for state " + options.state)
              << (options.party.empty() ? "" : " and party " + options.party)
              << " (party seats come from results files; see `downballot races --level party`)\n";
  }
  return absl::OkStatus();
}

Table PicksTable(const analysis::Takeover& plan) {
  Table table{{"order", "unit", "race_id", "seats", "candidates", "win_number_low",
               "win_number_expected", "win_number_high", "basis"},
              {}};
  int64_t order = 0;
  for (const analysis::TakeoverPick& pick : plan.picks) {
    table.rows.push_back({++order, pick.unit, pick.race_id, int64_t{pick.seats},
                          int64_t{pick.candidates}, pick.win_number_low, pick.win_number_expected,
                          pick.win_number_high, pick.basis});
  }
  return table;
}

Table ChainTable(const analysis::Takeover& plan) {
  Table table{{"step", "low", "expected", "high"}, {}};
  const auto row = [&](std::string_view name, auto member) {
    table.rows.push_back(
        {std::string(name), plan.low.*member, plan.expected.*member, plan.high.*member});
  };
  row("win_number", &analysis::PlanScenario::win_number);
  row("votes_to_find", &analysis::PlanScenario::votes_to_find);
  row("contacts", &analysis::PlanScenario::contacts);
  row("doors", &analysis::PlanScenario::doors);
  row("shifts", &analysis::PlanScenario::shifts);
  row("volunteers", &analysis::PlanScenario::volunteers);
  const auto dollars = [](const analysis::PlanScenario& s) {
    return static_cast<double>(s.budget_cents) / 100.0;
  };
  table.rows.push_back({std::string("budget_dollars"), dollars(plan.low), dollars(plan.expected),
                        dollars(plan.high)});
  return table;
}

void RenderTakeoverTable(const analysis::PartyBody& body, const analysis::Takeover& plan,
                         std::ostream& out) {
  out << fmt::format("body       {} ({} {} {}{})\n", body.id, body.key.state, body.key.party,
                     body.key.body, body.key.area.empty() ? "" : ", " + body.key.area);
  out << FitToTerminal(fmt::format("seats      {}", body.seats_basis)) << '\n';
  out << fmt::format("majority   {} seats; this plan wins {} with {} candidates\n", plan.majority,
                     plan.seats_won, plan.candidates);
  out << "\nseats to run for, cheapest first:\n";
  Render(PicksTable(plan), OutputFormat::kTable, out, TerminalWidth());
  out << "\nwhat it takes, low / expected / high turnout:\n";
  Render(ChainTable(plan), OutputFormat::kTable, out, TerminalWidth());
  out << "\nassumptions:\n";
  for (const std::string& assumption : plan.assumptions) {
    out << FitToTerminal("  - " + assumption) << '\n';
  }
  out << "\ncoefficients (edit with --assumptions FILE; defaults in config/plan.conf):\n";
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    out << FitToTerminal(fmt::format("{:<30}{:>7}  {}", coefficient.name,
                                     fmt::format("{:g}", coefficient.value), coefficient.source))
        << '\n';
  }
  for (const std::string& note : body.notes) out << FitToTerminal("note: " + note) << '\n';
  for (const std::string& warning : plan.warnings) {
    out << FitToTerminal("warning: " + warning) << '\n';
  }
}

absl::Status RunTakeover(const AppContext& context, const TakeoverOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const query::Params settings, SettingsParams(options.settings));
  ASSIGN_OR_RETURN(const analysis::PlanAssumptions assumptions,
                   query::ParseAssumptions(options.assumptions_path, settings));
  ASSIGN_OR_RETURN(const ingest::OfficeTable offices, query::LoadOfficeTable(options.office_files));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::TakeoverAnswer answer,
                   query::AnswerTakeover(*db, offices, {options.body_id, assumptions}));
  const analysis::PartyBody& body = answer.body;
  const analysis::Takeover& plan = answer.plan;
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(query::ToJson(answer), std::cout);
      break;
    case OutputFormat::kCsv:
      context.Show(PicksTable(plan), format);
      break;
    case OutputFormat::kTable:
      RenderTakeoverTable(body, plan, std::cout);
      break;
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterBodiesCommands(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callbacks, which CLI11 keeps after this function returns.
  auto bodies = std::make_shared<BodiesOptions>();
  CLI::App* list = app.add_subcommand(
      "bodies",
      "Party bodies (a county committee of a party in a county, a state committee): seats in\n"
      "all, or \"at least N\" where no list of the county's election districts is loaded, seats\n"
      "with a primary and contested at the last primary, and median ballots per contested seat.");
  list->add_option("--state", bodies->state, "two-letter state code, e.g. NY");
  list->add_option("--party", bodies->party, "party code or name, e.g. DEM or Democrat");
  list->add_option("--offices", bodies->office_files,
                   "office-table file(s) with bodies lines, tried before config/offices");
  AddOutputOptions(*list, context);
  list->callback([&context, &exit_code, bodies] {
    exit_code = RunCommand("bodies", [&] { return RunBodies(context, *bodies); });
  });

  auto takeover = std::make_shared<TakeoverOptions>();
  CLI::App* plan = app.add_subcommand(
      "takeover",
      "The cheapest majority of a party body: seats no one contested first (a candidate who\n"
      "files wins them), then contested seats by win number; candidates to recruit, votes,\n"
      "contacts, shifts, volunteers and budget with low/high ranges, every assumption printed.");
  plan->add_option("body", takeover->body_id, "body ID, as listed by `downballot bodies`")
      ->required();
  plan->add_option("--assumptions", takeover->assumptions_path,
                   "`key = value` file overriding plan coefficients (see config/plan.conf)");
  plan->add_option("--set", takeover->settings,
                   "key=value overriding one coefficient, after --assumptions (repeatable)");
  plan->add_option("--offices", takeover->office_files,
                   "office-table file(s) with bodies lines, tried before config/offices");
  AddOutputOptions(*plan, context);
  plan->callback([&context, &exit_code, takeover] {
    exit_code = RunCommand("takeover", [&] { return RunTakeover(context, *takeover); });
  });
}

}  // namespace downballot::cli
