// Party bodies counted from their races: every seat where a county's precinct list is loaded
// (else a lower bound that says so), the seats contested at the last primary, and their ballots.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/date.h"
#include "model/party_body.h"
#include "model/race.h"

namespace downballot::analysis {

// The party-seat primaries of one body at its latest primary date.
struct BodyRaces {
  model::BodyKey key;
  base::Date date;                        // the latest primary with races of the body
  std::vector<const model::Race*> races;  // at that date, by race id
};

// Groups the regular primaries of `races` that fill party seats (level party, a body and a
// party; runoffs and specials fill vacancies, not the body) into
// bodies: one per state, party, body and area (the races' jurisdiction: a county, or "" for a
// statewide body), each with its races at the latest primary date it has. Sorted by key. The
// returned pointers point into `races`. Pure.
[[nodiscard]] std::vector<BodyRaces> GroupBodyRaces(std::span<const model::Race> races);

// The list of units a body's full size is counted from: the election districts one county's
// general-election precinct files name, in the year of the body's primary.
struct UnitList {
  std::vector<std::string> precincts;  // sorted, each once
  std::string source;                  // the files, for people
};

// One unit of a body: where a group of its members is elected.
struct BodyUnitSeats {
  std::string unit;                   // the precinct ("001/62"), else the races' district ("41050")
  int members = 0;                    // members it elects (at least the rule's figure)
  std::vector<std::string> race_ids;  // its races at the last primary; empty: no primary
  int seats_at_primary = 0;           // members its races elected
  int contested_seats = 0;            // of which in races with more candidates than seats
};

struct PartyBody {
  std::string id;  // model::MakeBodyId(key)
  model::BodyKey key;
  base::Date primary_date;
  model::PartyBodyRule rule;  // the bodies.tsv line that sizes it
  int members_per_unit = 0;   // as used; 0 when unknown
  std::string members_basis;  // where members_per_unit comes from
  // True when `seats` is the body's total: every unit is in a loaded precinct list and the
  // members per unit are known. Otherwise `seats` is a lower bound ("at least").
  bool is_seat_count_exact = false;
  int64_t seats = 0;
  int64_t num_units = 0;         // units counted (a total or a lower bound, as seats)
  std::string seats_basis;       // how `seats` was counted, for people
  int64_t primaries = 0;         // races at the last primary
  int64_t seats_at_primary = 0;  // members those races elected
  int64_t contested_seats = 0;   // of which in races with more candidates than seats
  // Seats no race at the last primary filled (uncontested or vacant); exact counts only.
  std::optional<int64_t> seats_without_primary;
  // Ballots for the office per member elected, median over contested races; none when no race
  // was contested.
  std::optional<double> median_ballots_per_contested_seat;
  std::vector<BodyUnitSeats> units;  // every unit counted, by name
  std::vector<std::string> notes;    // what a reader must know about the figures
};

// Counts the body of `group` (docs/analysis.md "Party bodies").
// Units: for a `precinct` rule, a race whose precinct-level rows (`precincts_of_race`, by race
// id) sit in one precinct belongs to that precinct's unit; any other race is its own unit, named
// by its district. Each unit elects max(rule's members_per_unit, the seats its races elect).
// The count is exact when `list` is given (the rule's unit is `precinct` and the body local to
// one county), the rule knows members_per_unit and every race's unit is a listed precinct:
// then every listed precinct is a unit, and seats = sum of their members. Otherwise seats is a
// lower bound: the units with a primary (and, with a list but unknown members, one member per
// listed precinct without one), each note saying what would make it exact. Pure.
[[nodiscard]] PartyBody CountPartyBody(
    const BodyRaces& group, const model::PartyBodyRule& rule,
    const std::map<std::string, std::vector<std::string>>& precincts_of_race, const UnitList* list);

}  // namespace downballot::analysis
