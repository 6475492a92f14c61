#include "analysis/party_body.h"

#include <algorithm>
#include <utility>

#include "fmt/format.h"

namespace downballot::analysis {
namespace {

// Members a race elects; a race whose count is unknown still fills one seat.
int RaceSeats(const model::Race& race) { return std::max(race.seats, 1); }

// The ballots behind one member's election: ballots cast where reported, else the ballots for
// the office over the members elected (each voter may vote for each of them).
double BallotsPerSeat(const model::Race& race) {
  if (race.ballots_cast > 0) return static_cast<double>(race.ballots_cast);
  return static_cast<double>(race.ballots_for_office) / RaceSeats(race);
}

std::optional<double> Median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

}  // namespace

std::vector<BodyRaces> GroupBodyRaces(std::span<const model::Race> races) {
  std::map<model::BodyKey, BodyRaces> groups;
  for (const model::Race& race : races) {
    if (race.level != model::OfficeLevel::kParty || race.body.empty() || race.key.party.empty() ||
        race.key.stage != model::ElectionStage::kPrimary) {
      continue;
    }
    const model::BodyKey key{race.key.seat.state, race.key.party, race.body,
                             race.key.seat.jurisdiction};
    BodyRaces& group = groups[key];
    group.key = key;
    if (group.races.empty() || race.key.date > group.date) {
      group.date = race.key.date;
      group.races.clear();
    }
    if (race.key.date == group.date) group.races.push_back(&race);
  }
  std::vector<BodyRaces> result;
  for (auto& [key, group] : groups) {
    std::sort(group.races.begin(), group.races.end(),
              [](const model::Race* a, const model::Race* b) { return a->id < b->id; });
    result.push_back(std::move(group));
  }
  return result;
}

PartyBody CountPartyBody(const BodyRaces& group, const model::PartyBodyRule& rule,
                         const std::map<std::string, std::vector<std::string>>& precincts_of_race,
                         const UnitList* list) {
  PartyBody body;
  body.key = group.key;
  body.id = model::MakeBodyId(group.key);
  body.primary_date = group.date;
  body.rule = rule;
  const std::string area = group.key.area.empty() ? group.key.state : group.key.area;

  // Races into units.
  std::map<std::string, BodyUnitSeats> units;
  bool is_every_race_in_a_precinct = true;
  std::vector<double> contested_ballots;
  for (const model::Race* race : group.races) {
    std::string unit = race->key.seat.district;
    const auto precincts = precincts_of_race.find(race->id);
    if (rule.unit == model::BodyUnit::kPrecinct && precincts != precincts_of_race.end() &&
        precincts->second.size() == 1) {
      unit = precincts->second.front();
    } else {
      is_every_race_in_a_precinct = false;
    }
    BodyUnitSeats& seats = units[unit];
    seats.unit = unit;
    seats.race_ids.push_back(race->id);
    seats.seats_at_primary += RaceSeats(*race);
    ++body.primaries;
    body.seats_at_primary += RaceSeats(*race);
    if (race->is_contested) {
      seats.contested_seats += RaceSeats(*race);
      body.contested_seats += RaceSeats(*race);
      contested_ballots.push_back(BallotsPerSeat(*race));
    }
  }
  body.median_ballots_per_contested_seat = Median(std::move(contested_ballots));

  // Members per unit: the rule's figure, raised where a unit's races elected more.
  int most_at_primary = 0;
  for (const auto& [name, seats] : units) {
    most_at_primary = std::max(most_at_primary, seats.seats_at_primary);
  }
  body.members_per_unit = rule.members_per_unit;
  body.members_basis =
      rule.members_per_unit > 0
          ? fmt::format("{} per {} ({}: {})", rule.members_per_unit, model::ToString(rule.unit),
                        rule.location, rule.source)
          : fmt::format("the party's rules vary ({}: {})", rule.location, rule.source);
  if (rule.members_per_unit > 0 && most_at_primary > rule.members_per_unit) {
    body.notes.push_back(fmt::format(
        "a unit's races elected {} members, more than the {} of {}: its seats count as elected",
        most_at_primary, rule.members_per_unit, rule.location));
  }

  // Every listed precinct is a unit; a race outside the list means the list is not the body's.
  std::vector<std::string> outside_list;
  if (list != nullptr) {
    for (const auto& [name, seats] : units) {
      if (!std::binary_search(list->precincts.begin(), list->precincts.end(), name)) {
        outside_list.push_back(name);
      }
    }
    for (const std::string& precinct : list->precincts) {
      BodyUnitSeats& seats = units[precinct];
      seats.unit = precinct;
    }
  }
  for (auto& [name, seats] : units) {
    seats.members = std::max(body.members_per_unit, seats.seats_at_primary);
    // A unit without a primary elects at least one member even when the rule does not say.
    if (seats.members == 0) seats.members = 1;
    body.seats += seats.members;
  }
  body.num_units = static_cast<int64_t>(units.size());
  for (auto& [name, seats] : units) body.units.push_back(std::move(seats));

  body.is_seat_count_exact = list != nullptr && outside_list.empty() &&
                             is_every_race_in_a_precinct && body.members_per_unit > 0;
  if (body.is_seat_count_exact) {
    body.seats_without_primary = body.seats - body.seats_at_primary;
    body.seats_basis = fmt::format("{} election districts x {} members: every precinct of {}",
                                   body.num_units, body.members_per_unit, list->source);
    return body;
  }
  if (list == nullptr) {
    if (rule.unit == model::BodyUnit::kPrecinct && !group.key.area.empty()) {
      body.seats_basis = fmt::format(
          "at least {}: the {} units with a primary; no general-election precinct file of {} "
          "for {} is loaded to list every election district (load one to count them all)",
          body.seats, body.num_units, area, group.date.year);
    } else {
      body.seats_basis = fmt::format(
          "at least {}: the {} units with a primary; a {} body's units are not listed in any "
          "file this tool reads",
          body.seats, body.num_units, model::ToString(rule.unit));
    }
  } else if (!outside_list.empty()) {
    body.seats_basis = fmt::format(
        "at least {}: {} units with a primary are not in {} (first: '{}'), so the list is not "
        "this body's",
        body.seats, outside_list.size(), list->source, outside_list.front());
  } else if (!is_every_race_in_a_precinct) {
    body.seats_basis = fmt::format(
        "at least {}: some races are not reported by precinct, so their units cannot be "
        "matched to {}",
        body.seats, list->source);
  } else {
    body.seats_basis = fmt::format(
        "at least {}: {} listed units, but the party's rules set the members per unit; each "
        "counts one (add a bodies line with the figure)",
        body.seats, body.num_units);
  }
  return body;
}

}  // namespace downballot::analysis
