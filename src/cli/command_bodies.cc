#include "cli/command_bodies.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include "analysis/body_takeover.h"
#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "cli/command_plan.h"
#include "cli/party_bodies_data.h"
#include "cli/run_command.h"
#include "fmt/format.h"

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

nlohmann::json BodyJson(const analysis::PartyBody& body) {
  nlohmann::json units = nlohmann::json::array();
  for (const analysis::BodyUnitSeats& unit : body.units) {
    units.push_back({{"unit", unit.unit},
                     {"members", unit.members},
                     {"race_ids", unit.race_ids},
                     {"seats_at_primary", unit.seats_at_primary},
                     {"contested_seats", unit.contested_seats}});
  }
  const auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"body_id", body.id},
          {"state", body.key.state},
          {"party", body.key.party},
          {"body", body.key.body},
          {"area", body.key.area},
          {"last_primary", body.primary_date.ToIso()},
          {"seats", body.seats},
          {"seat_count", SeatCount(body)},
          {"seats_basis", body.seats_basis},
          {"units", body.num_units},
          {"unit_kind", model::ToString(body.rule.unit)},
          {"members_per_unit",
           body.members_per_unit > 0 ? nlohmann::json(body.members_per_unit) : nlohmann::json()},
          {"members_basis", body.members_basis},
          {"primaries", body.primaries},
          {"seats_at_primary", body.seats_at_primary},
          {"contested_seats", body.contested_seats},
          {"seats_without_primary", optional(body.seats_without_primary)},
          {"median_ballots_per_contested_seat", optional(body.median_ballots_per_contested_seat)},
          {"notes", body.notes},
          {"unit_list", std::move(units)}};
}

absl::Status RunBodies(const AppContext& context, const BodiesOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const ingest::OfficeTable offices, LoadOfficeTable(options.office_files));
  ASSIGN_OR_RETURN(auto db, OpenStoreWithFreshRaces(context));
  ASSIGN_OR_RETURN(const BodiesData data,
                   LoadPartyBodies(*db, offices, {options.state, options.party}));
  if (format == OutputFormat::kJson) {
    nlohmann::json array = nlohmann::json::array();
    for (const analysis::PartyBody& body : data.bodies) array.push_back(BodyJson(body));
    RenderJson(array, std::cout);
  } else {
    Render(BodiesTable(data.bodies, format == OutputFormat::kTable), format, std::cout);
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

nlohmann::json TakeoverJson(const analysis::PartyBody& body, const analysis::Takeover& plan) {
  nlohmann::json picks = nlohmann::json::array();
  for (const analysis::TakeoverPick& pick : plan.picks) {
    picks.push_back(
        {{"unit", pick.unit},
         {"race_id", pick.race_id.empty() ? nlohmann::json() : nlohmann::json(pick.race_id)},
         {"seats", pick.seats},
         {"candidates", pick.candidates},
         {"win_number_low", pick.win_number_low},
         {"win_number_expected", pick.win_number_expected},
         {"win_number_high", pick.win_number_high},
         {"basis", pick.basis}});
  }
  nlohmann::json coefficients = nlohmann::json::array();
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    coefficients.push_back(
        {{"name", coefficient.name}, {"value", coefficient.value}, {"source", coefficient.source}});
  }
  return {{"body", BodyJson(body)},
          {"majority", plan.majority},
          {"seats_won", plan.seats_won},
          {"candidates", plan.candidates},
          {"picks", std::move(picks)},
          {"low", PlanScenarioJson(plan.low)},
          {"expected", PlanScenarioJson(plan.expected)},
          {"high", PlanScenarioJson(plan.high)},
          {"assumptions", plan.assumptions},
          {"coefficients", std::move(coefficients)},
          {"warnings", plan.warnings}};
}

void RenderTakeoverTable(const analysis::PartyBody& body, const analysis::Takeover& plan,
                         std::ostream& out) {
  out << fmt::format("body       {} ({} {} {}{})\n", body.id, body.key.state, body.key.party,
                     body.key.body, body.key.area.empty() ? "" : ", " + body.key.area);
  out << fmt::format("seats      {}\n", body.seats_basis);
  out << fmt::format("majority   {} seats; this plan wins {} with {} candidates\n", plan.majority,
                     plan.seats_won, plan.candidates);
  out << "\nseats to run for, cheapest first:\n";
  Render(PicksTable(plan), OutputFormat::kTable, out);
  out << "\nwhat it takes, low / expected / high turnout:\n";
  Render(ChainTable(plan), OutputFormat::kTable, out);
  out << "\nassumptions:\n";
  for (const std::string& assumption : plan.assumptions) out << "  - " << assumption << '\n';
  out << "\ncoefficients (edit with --assumptions FILE; defaults in config/plan.conf):\n";
  Table coefficients{{"name", "value", "source"}, {}};
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    coefficients.rows.push_back({coefficient.name, coefficient.value, coefficient.source});
  }
  Render(coefficients, OutputFormat::kTable, out);
  for (const std::string& note : body.notes) out << "note: " << note << '\n';
  for (const std::string& warning : plan.warnings) out << "warning: " << warning << '\n';
}

absl::Status RunTakeover(const AppContext& context, const TakeoverOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const analysis::PlanAssumptions assumptions,
                   LoadPlanAssumptions(options.assumptions_path));
  ASSIGN_OR_RETURN(const ingest::OfficeTable offices, LoadOfficeTable(options.office_files));
  ASSIGN_OR_RETURN(auto db, OpenStoreWithFreshRaces(context));
  // The body id starts with the state: read that state only.
  const std::string state = options.body_id.substr(0, options.body_id.find('.'));
  ASSIGN_OR_RETURN(const BodiesData data, LoadPartyBodies(*db, offices, {state, ""}));
  const auto body =
      std::find_if(data.bodies.begin(), data.bodies.end(),
                   [&](const analysis::PartyBody& b) { return b.id == options.body_id; });
  if (body == data.bodies.end()) {
    std::vector<std::string> ids;
    for (const analysis::PartyBody& known : data.bodies) ids.push_back(known.id);
    return absl::NotFoundError(
        fmt::format("no body '{}'{}", options.body_id,
                    ids.empty() ? std::string("; `downballot bodies` lists the loaded ones")
                                : fmt::format("; bodies of that state: {}", fmt::join(ids, ", "))));
  }
  ASSIGN_OR_RETURN(const analysis::Takeover plan,
                   analysis::PlanTakeover(*body, data.party_races, assumptions));
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(TakeoverJson(*body, plan), std::cout);
      break;
    case OutputFormat::kCsv:
      Render(PicksTable(plan), format, std::cout);
      break;
    case OutputFormat::kTable:
      RenderTakeoverTable(*body, plan, std::cout);
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
  list->add_option("--party", bodies->party, "party code, e.g. DEM");
  list->add_option("--offices", bodies->office_files,
                   "office-table file(s) with bodies lines, tried before config/offices");
  list->add_option("--format", context.format_text, "table, csv or json");
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
  plan->add_option("--offices", takeover->office_files,
                   "office-table file(s) with bodies lines, tried before config/offices");
  plan->add_option("--format", context.format_text, "table, csv or json");
  plan->callback([&context, &exit_code, takeover] {
    exit_code = RunCommand("takeover", [&] { return RunTakeover(context, *takeover); });
  });
}

}  // namespace downballot::cli
