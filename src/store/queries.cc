#include "store/queries.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_split.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "store/target_table.h"

namespace downballot::store {
namespace {

model::ElectionStage StageOrGeneral(std::string_view text) {
  return model::ParseElectionStage(text).value_or(model::ElectionStage::kGeneral);
}

// Counties in one column joined by ';', lists of names (which hold commas: "Smith, John") by
// "; ". An empty column is an empty list.
constexpr char kCountySeparator[] = ";";
constexpr char kNameSeparator[] = "; ";

std::vector<std::string> SplitColumn(const std::string& joined, const char* separator) {
  if (joined.empty()) return {};
  return absl::StrSplit(joined, separator);
}

std::string JoinColumn(const std::vector<std::string>& items, const char* separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

constexpr std::string_view kRaceColumns =
    "id, state, election_date, stage, party, office, district, jurisdiction, level, body, seats, "
    "is_seats_from_data, candidate_votes, write_in_votes, blank_void, ballots_for_office, "
    "ballots_cast, margin_votes, margin_share, is_tied, field_size, is_contested, has_incumbent, "
    "is_open_seat, incumbent, completeness, counties, num_precinct_counties, "
    "num_county_counties, counted_from, is_counted_from_medsl, conflict, decides_race_id, "
    "decided_by_race_id";
// The race table's columns after seat_id, counted from the list so the two never drift.
constexpr size_t kNumRaceColumns =
    static_cast<size_t>(std::count(kRaceColumns.begin(), kRaceColumns.end(), ',')) + 1;

absl::StatusOr<model::Race> RaceFromRow(const Statement& row) {
  model::Race race;
  int col = 0;
  const auto text = [&] { return row.ColumnText(col++); };
  const auto integer = [&] { return row.ColumnInt(col++); };
  race.id = text();
  race.key.seat.state = text();
  ASSIGN_OR_RETURN(race.key.date, base::ParseDate(text()));
  race.key.stage = StageOrGeneral(text());
  race.key.party = text();
  race.key.seat.office = text();
  race.key.seat.district = text();
  race.key.seat.jurisdiction = text();
  race.level = model::ParseOfficeLevel(text()).value_or(model::OfficeLevel::kOther);
  race.body = text();
  race.seats = static_cast<int>(integer());
  race.is_seats_from_data = integer() != 0;
  race.candidate_votes = integer();
  race.write_in_votes = integer();
  race.blank_void = integer();
  race.ballots_for_office = integer();
  race.ballots_cast = integer();
  race.margin_votes = integer();
  race.margin_share = row.ColumnDouble(col++);
  race.is_tied = integer() != 0;
  race.field_size = static_cast<int>(integer());
  race.is_contested = integer() != 0;
  race.has_incumbent = integer() != 0;
  race.is_open_seat = integer() != 0;
  race.incumbent = text();
  race.completeness = model::ParseCompleteness(text()).value_or(model::Completeness::kUnverified);
  race.counties = SplitColumn(text(), kCountySeparator);
  race.num_precinct_counties = static_cast<int>(integer());
  race.num_county_counties = static_cast<int>(integer());
  race.counted_from = text();
  race.is_counted_from_medsl = integer() != 0;
  race.conflict = text();
  race.decides_race_id = text();
  race.decided_by_race_id = text();
  return race;
}

// Which races' rows a read takes: every race (no clause), or those a WHERE clause over
// `race_id` names, with its bound values (?1, ?2, ... in order).
struct RaceRowScope {
  std::string where;
  std::vector<std::string> values;
};

absl::Status BindScope(Statement& statement, const RaceRowScope& scope) {
  for (size_t idx = 0; idx < scope.values.size(); ++idx) {
    RETURN_IF_ERROR(statement.Bind(static_cast<int>(idx) + 1, scope.values[idx]));
  }
  return absl::OkStatus();
}

// Fills candidates (with aliases and party lines), set-aside counties and sub-tabulations for
// `races` (keyed by id) in one indexed read of each table over `scope`.
absl::Status AttachCandidates(Database& db, std::vector<model::Race>& races,
                              const RaceRowScope& scope) {
  std::map<std::string, model::Race*, std::less<>> by_id;
  for (model::Race& race : races) by_id[race.id] = &race;
  const std::string& where = scope.where;
  ASSIGN_OR_RETURN(auto candidates,
                   db.Prepare("SELECT race_id, name, votes, share, rank, is_winner, is_incumbent, "
                              "aliases FROM race_candidate" +
                              where + " ORDER BY race_id, rank, name"));
  RETURN_IF_ERROR(BindScope(candidates, scope));
  std::map<std::pair<std::string, std::string>, model::CandidateResult*> by_candidate;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, candidates.Step());
    if (!has_row) break;
    const auto it = by_id.find(candidates.ColumnText(0));
    if (it == by_id.end()) continue;
    model::CandidateResult candidate;
    candidate.name = candidates.ColumnText(1);
    candidate.votes = candidates.ColumnInt(2);
    candidate.share = candidates.ColumnDouble(3);
    candidate.rank = static_cast<int>(candidates.ColumnInt(4));
    candidate.is_winner = candidates.ColumnInt(5) != 0;
    candidate.is_incumbent = candidates.ColumnInt(6) != 0;
    candidate.aliases = SplitColumn(candidates.ColumnText(7), kNameSeparator);
    it->second->candidates.push_back(std::move(candidate));
  }
  for (model::Race& race : races) {
    for (model::CandidateResult& candidate : race.candidates) {
      by_candidate[{race.id, candidate.name}] = &candidate;
    }
  }
  ASSIGN_OR_RETURN(auto lines, db.Prepare("SELECT race_id, name, party, votes FROM "
                                          "race_candidate_line" +
                                          where + " ORDER BY race_id, name, votes DESC, party"));
  RETURN_IF_ERROR(BindScope(lines, scope));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, lines.Step());
    if (!has_row) break;
    const auto it = by_candidate.find({lines.ColumnText(0), lines.ColumnText(1)});
    if (it == by_candidate.end()) continue;
    it->second->lines.push_back(model::PartyLineVotes{lines.ColumnText(2), lines.ColumnInt(3)});
  }
  ASSIGN_OR_RETURN(auto aside, db.Prepare("SELECT race_id, county, candidates, votes, reason "
                                          "FROM race_set_aside" +
                                          where + " ORDER BY rowid"));
  RETURN_IF_ERROR(BindScope(aside, scope));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, aside.Step());
    if (!has_row) break;
    const auto it = by_id.find(aside.ColumnText(0));
    if (it == by_id.end()) continue;
    it->second->set_aside.push_back(model::SetAsideReturns{
        aside.ColumnText(1), SplitColumn(aside.ColumnText(2), kNameSeparator), aside.ColumnInt(3),
        aside.ColumnText(4)});
  }
  ASSIGN_OR_RETURN(auto breakdown, db.Prepare("SELECT race_id, breakdown, candidate, votes FROM "
                                              "race_sub_tabulation" +
                                              where + " ORDER BY rowid"));
  RETURN_IF_ERROR(BindScope(breakdown, scope));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, breakdown.Step());
    if (!has_row) break;
    const auto it = by_id.find(breakdown.ColumnText(0));
    if (it == by_id.end()) continue;
    it->second->sub_tabulations.push_back(model::SubTabulation{
        breakdown.ColumnText(1), breakdown.ColumnText(2), breakdown.ColumnInt(3)});
  }
  return absl::OkStatus();
}

// "race_id IN (SELECT id FROM race WHERE state = ?1)" when rebuilding one state, else "1".
std::string RaceScope(bool is_one_state) {
  return is_one_state ? "race_id IN (SELECT id FROM race WHERE state = ?1)" : "1";
}

absl::Status DeleteRaces(Database& db, const std::optional<std::string>& state) {
  for (const std::string_view table :
       {"race_candidate_line", "race_candidate", "race_set_aside", "race_sub_tabulation",
        "reconciliation_mismatch", "near_match"}) {
    ASSIGN_OR_RETURN(auto remove, db.Prepare(fmt::format("DELETE FROM {} WHERE {}", table,
                                                         RaceScope(state.has_value()))));
    if (state) RETURN_IF_ERROR(remove.Bind(1, *state));
    RETURN_IF_ERROR(remove.Execute());
  }
  ASSIGN_OR_RETURN(auto remove,
                   db.Prepare(state ? "DELETE FROM race WHERE state = ?1" : "DELETE FROM race"));
  if (state) RETURN_IF_ERROR(remove.Bind(1, *state));
  return remove.Execute();
}

}  // namespace

absl::StatusOr<std::vector<model::VoteTally>> ReadVoteTallies(
    Database& db, const std::optional<std::string>& state) {
  ASSIGN_OR_RETURN(
      auto query,
      db.Prepare(
          "SELECT t.file_id, f.path, t.state, t.election_date, t.stage, t.race_party, "
          "t.office, t.district, t.jurisdiction, t.level, t.body, t.seats, t.is_seats_from_data, "
          "t.is_statewide, t.is_whole_state_file, t.county, t.geography, t.breakdown, t.kind, "
          "t.candidate, t.party, SUM(t.votes) FROM result_tally t "
          "JOIN source_file f ON f.id = t.file_id "
          "WHERE (?1 IS NULL OR t.state = ?1) "
          "GROUP BY t.file_id, t.state, t.election_date, t.stage, t.race_party, t.office, "
          "t.district, t.jurisdiction, t.level, t.body, t.seats, t.is_seats_from_data, "
          "t.is_statewide, t.is_whole_state_file, t.county, t.geography, t.breakdown, t.kind, "
          "t.candidate, t.party"));
  if (state) {
    RETURN_IF_ERROR(query.Bind(1, *state));
  } else {
    RETURN_IF_ERROR(query.BindNull(1));
  }
  std::vector<model::VoteTally> tallies;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    model::VoteTally tally;
    int col = 0;
    tally.file_id = query.ColumnInt(col++);
    tally.source = "openelections";
    tally.source_path = query.ColumnText(col++);
    tally.race.seat.state = query.ColumnText(col++);
    ASSIGN_OR_RETURN(tally.race.date, base::ParseDate(query.ColumnText(col++)));
    tally.race.stage = StageOrGeneral(query.ColumnText(col++));
    tally.race.party = query.ColumnText(col++);
    tally.race.seat.office = query.ColumnText(col++);
    tally.race.seat.district = query.ColumnText(col++);
    tally.race.seat.jurisdiction = query.ColumnText(col++);
    tally.level =
        model::ParseOfficeLevel(query.ColumnText(col++)).value_or(model::OfficeLevel::kOther);
    tally.body = query.ColumnText(col++);
    tally.seats = static_cast<int>(query.ColumnInt(col++));
    tally.is_seats_from_data = query.ColumnInt(col++) != 0;
    tally.is_statewide = query.ColumnInt(col++) != 0;
    tally.is_whole_state_file = query.ColumnInt(col++) != 0;
    tally.county = query.ColumnText(col++);
    tally.geography = model::ParseGeographyLevel(query.ColumnText(col++))
                          .value_or(model::GeographyLevel::kCounty);
    tally.breakdown = query.ColumnText(col++);
    tally.kind = model::ParseRowKind(query.ColumnText(col++)).value_or(model::RowKind::kCandidate);
    tally.candidate = query.ColumnText(col++);
    tally.party = query.ColumnText(col++);
    tally.votes = query.ColumnInt(col++);
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

absl::StatusOr<std::vector<model::County>> ReadCounties(Database& db) {
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT fips, state, name FROM county ORDER BY rowid"));
  std::vector<model::County> counties;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    counties.push_back(
        model::County{query.ColumnText(0), query.ColumnText(1), query.ColumnText(2)});
  }
  return counties;
}

absl::Status SaveRaces(Database& db, const RaceSet& set, const std::optional<std::string>& state) {
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  RETURN_IF_ERROR(DeleteRaces(db, state));
  // One '?' per column, seat_id first; the binds below are sequential.
  const std::vector<std::string_view> parameters(kNumRaceColumns + 1, "?");
  ASSIGN_OR_RETURN(auto insert_race,
                   db.Prepare(fmt::format("INSERT INTO race (seat_id, {}) VALUES ({})",
                                          kRaceColumns, fmt::join(parameters, ", "))));
  ASSIGN_OR_RETURN(
      auto insert_candidate,
      db.Prepare("INSERT INTO race_candidate VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  ASSIGN_OR_RETURN(auto insert_line,
                   db.Prepare("INSERT INTO race_candidate_line VALUES (?1, ?2, ?3, ?4)"));
  ASSIGN_OR_RETURN(auto insert_aside,
                   db.Prepare("INSERT INTO race_set_aside VALUES (?1, ?2, ?3, ?4, ?5)"));
  ASSIGN_OR_RETURN(auto insert_breakdown,
                   db.Prepare("INSERT INTO race_sub_tabulation VALUES (?1, ?2, ?3, ?4)"));
  for (const model::Race& race : set.races) {
    int index = 1;
    const auto bind = [&](auto value) { return insert_race.Bind(index++, value); };
    RETURN_IF_ERROR(bind(std::string_view(model::MakeSeatId(race.key.seat))));
    RETURN_IF_ERROR(bind(std::string_view(race.id)));
    RETURN_IF_ERROR(bind(std::string_view(race.key.seat.state)));
    RETURN_IF_ERROR(bind(std::string_view(race.key.date.ToIso())));
    RETURN_IF_ERROR(bind(model::ToString(race.key.stage)));
    RETURN_IF_ERROR(bind(std::string_view(race.key.party)));
    RETURN_IF_ERROR(bind(std::string_view(race.key.seat.office)));
    RETURN_IF_ERROR(bind(std::string_view(race.key.seat.district)));
    RETURN_IF_ERROR(bind(std::string_view(race.key.seat.jurisdiction)));
    RETURN_IF_ERROR(bind(model::ToString(race.level)));
    RETURN_IF_ERROR(bind(std::string_view(race.body)));
    RETURN_IF_ERROR(bind(int64_t{race.seats}));
    RETURN_IF_ERROR(bind(int64_t{race.is_seats_from_data}));
    RETURN_IF_ERROR(bind(race.candidate_votes));
    RETURN_IF_ERROR(bind(race.write_in_votes));
    RETURN_IF_ERROR(bind(race.blank_void));
    RETURN_IF_ERROR(bind(race.ballots_for_office));
    RETURN_IF_ERROR(bind(race.ballots_cast));
    RETURN_IF_ERROR(bind(race.margin_votes));
    RETURN_IF_ERROR(bind(race.margin_share));
    RETURN_IF_ERROR(bind(int64_t{race.is_tied}));
    RETURN_IF_ERROR(bind(int64_t{race.field_size}));
    RETURN_IF_ERROR(bind(int64_t{race.is_contested}));
    RETURN_IF_ERROR(bind(int64_t{race.has_incumbent}));
    RETURN_IF_ERROR(bind(int64_t{race.is_open_seat}));
    RETURN_IF_ERROR(bind(std::string_view(race.incumbent)));
    RETURN_IF_ERROR(bind(model::ToString(race.completeness)));
    RETURN_IF_ERROR(bind(std::string_view(JoinColumn(race.counties, kCountySeparator))));
    RETURN_IF_ERROR(bind(int64_t{race.num_precinct_counties}));
    RETURN_IF_ERROR(bind(int64_t{race.num_county_counties}));
    RETURN_IF_ERROR(bind(std::string_view(race.counted_from)));
    RETURN_IF_ERROR(bind(int64_t{race.is_counted_from_medsl}));
    RETURN_IF_ERROR(bind(std::string_view(race.conflict)));
    RETURN_IF_ERROR(bind(std::string_view(race.decides_race_id)));
    RETURN_IF_ERROR(bind(std::string_view(race.decided_by_race_id)));
    RETURN_IF_ERROR(insert_race.Execute());
    for (const model::CandidateResult& candidate : race.candidates) {
      RETURN_IF_ERROR(insert_candidate.Bind(1, race.id));
      RETURN_IF_ERROR(insert_candidate.Bind(2, candidate.name));
      RETURN_IF_ERROR(insert_candidate.Bind(3, candidate.votes));
      RETURN_IF_ERROR(insert_candidate.Bind(4, candidate.share));
      RETURN_IF_ERROR(insert_candidate.Bind(5, int64_t{candidate.rank}));
      RETURN_IF_ERROR(insert_candidate.Bind(6, int64_t{candidate.is_winner}));
      RETURN_IF_ERROR(insert_candidate.Bind(7, int64_t{candidate.is_incumbent}));
      RETURN_IF_ERROR(insert_candidate.Bind(8, JoinColumn(candidate.aliases, kNameSeparator)));
      RETURN_IF_ERROR(insert_candidate.Execute());
      for (const model::PartyLineVotes& line : candidate.lines) {
        RETURN_IF_ERROR(insert_line.Bind(1, race.id));
        RETURN_IF_ERROR(insert_line.Bind(2, candidate.name));
        RETURN_IF_ERROR(insert_line.Bind(3, line.party));
        RETURN_IF_ERROR(insert_line.Bind(4, line.votes));
        RETURN_IF_ERROR(insert_line.Execute());
      }
    }
    for (const model::SetAsideReturns& aside : race.set_aside) {
      RETURN_IF_ERROR(insert_aside.Bind(1, race.id));
      RETURN_IF_ERROR(insert_aside.Bind(2, aside.county));
      RETURN_IF_ERROR(insert_aside.Bind(3, JoinColumn(aside.candidates, kNameSeparator)));
      RETURN_IF_ERROR(insert_aside.Bind(4, aside.votes));
      RETURN_IF_ERROR(insert_aside.Bind(5, aside.reason));
      RETURN_IF_ERROR(insert_aside.Execute());
    }
    for (const model::SubTabulation& row : race.sub_tabulations) {
      RETURN_IF_ERROR(insert_breakdown.Bind(1, race.id));
      RETURN_IF_ERROR(insert_breakdown.Bind(2, row.breakdown));
      RETURN_IF_ERROR(insert_breakdown.Bind(3, row.candidate));
      RETURN_IF_ERROR(insert_breakdown.Bind(4, row.votes));
      RETURN_IF_ERROR(insert_breakdown.Execute());
    }
  }
  ASSIGN_OR_RETURN(auto insert_mismatch,
                   db.Prepare("INSERT INTO reconciliation_mismatch VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                              "?7, ?8)"));
  for (const model::ReconciliationMismatch& mismatch : set.mismatches) {
    RETURN_IF_ERROR(insert_mismatch.Bind(1, mismatch.race_id));
    RETURN_IF_ERROR(insert_mismatch.Bind(2, mismatch.county));
    RETURN_IF_ERROR(insert_mismatch.Bind(3, mismatch.candidate));
    RETURN_IF_ERROR(insert_mismatch.Bind(4, mismatch.counted_votes));
    RETURN_IF_ERROR(insert_mismatch.Bind(5, mismatch.other_votes));
    RETURN_IF_ERROR(insert_mismatch.Bind(6, mismatch.counted_source));
    RETURN_IF_ERROR(insert_mismatch.Bind(7, mismatch.other_source));
    RETURN_IF_ERROR(insert_mismatch.Bind(8, int64_t{mismatch.is_against_medsl}));
    RETURN_IF_ERROR(insert_mismatch.Execute());
  }
  ASSIGN_OR_RETURN(auto insert_near, db.Prepare("INSERT INTO near_match VALUES (?1, ?2, ?3)"));
  for (const auto& [race_id, name_a, name_b] : set.near_matches) {
    RETURN_IF_ERROR(insert_near.Bind(1, race_id));
    RETURN_IF_ERROR(insert_near.Bind(2, name_a));
    RETURN_IF_ERROR(insert_near.Bind(3, name_b));
    RETURN_IF_ERROR(insert_near.Execute());
  }
  if (state) {
    ASSIGN_OR_RETURN(auto fresh, db.Prepare("DELETE FROM stale_state WHERE state = ?1"));
    RETURN_IF_ERROR(fresh.Bind(1, *state));
    RETURN_IF_ERROR(fresh.Execute());
  } else {
    RETURN_IF_ERROR(
        db.Exec("DELETE FROM stale_state; "
                "UPDATE store_state SET value = '0' WHERE key = 'races_stale'"));
  }
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

absl::StatusOr<StaleRaces> ReadStaleRaces(Database& db) {
  StaleRaces stale;
  ASSIGN_OR_RETURN(const int64_t all, db.QueryInt("SELECT CAST(value AS INTEGER) FROM store_state "
                                                  "WHERE key = 'races_stale'"));
  stale.is_all = all != 0;
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT state FROM stale_state ORDER BY state"));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    stale.states.push_back(query.ColumnText(0));
  }
  return stale;
}

absl::StatusOr<bool> AreRacesStale(Database& db) {
  ASSIGN_OR_RETURN(const StaleRaces stale, ReadStaleRaces(db));
  return stale.is_all || !stale.states.empty();
}

absl::StatusOr<std::vector<model::Race>> ReadRaces(Database& db, const RaceFilter& filter) {
  // Only the conditions asked for are written, so SQLite can use the state and seat indexes;
  // every value is bound. Codes are stored upper case (state) or compared ignoring case.
  std::vector<std::string> conditions;
  RaceRowScope scope;
  const auto add = [&](std::string_view condition, std::string value) {
    if (value.empty()) return;
    scope.values.push_back(std::move(value));
    conditions.push_back(fmt::format("{} ?{}", condition, scope.values.size()));
  };
  add("state =", base::ToUpper(filter.state));
  add("office LIKE", filter.office.empty() ? "" : ContainsPattern(filter.office));
  if (!filter.office.empty()) conditions.back() += " ESCAPE '\\'";
  add("district COLLATE NOCASE =", filter.district);
  add("election_date =", filter.date);
  add("stage COLLATE NOCASE =", filter.stage);
  add("party COLLATE NOCASE =", filter.party);
  add("seat_id =", filter.seat_id);
  add("level =", filter.level ? std::string(model::ToString(*filter.level)) : "");
  const std::string where =
      conditions.empty() ? "" : fmt::format(" WHERE {}", fmt::join(conditions, " AND "));
  ASSIGN_OR_RETURN(auto query, db.Prepare(fmt::format("SELECT {} FROM race{} ORDER BY "
                                                      "election_date, id",
                                                      kRaceColumns, where)));
  RETURN_IF_ERROR(BindScope(query, scope));
  std::vector<model::Race> races;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    ASSIGN_OR_RETURN(model::Race race, RaceFromRow(query));
    races.push_back(std::move(race));
  }
  if (!where.empty()) scope.where = " WHERE race_id IN (SELECT id FROM race" + where + ")";
  RETURN_IF_ERROR(AttachCandidates(db, races, scope));
  return races;
}

absl::StatusOr<std::vector<std::string>> ReadRaceIdsWithPrefix(Database& db,
                                                               std::string_view prefix,
                                                               int64_t limit) {
  // id >= prefix AND id < prefix + U+10FFFF's last byte: every id the prefix starts, by index.
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT id FROM race WHERE id >= ?1 AND id < ?2 "
                                          "ORDER BY id LIMIT ?3"));
  RETURN_IF_ERROR(query.Bind(1, std::string(prefix)));
  RETURN_IF_ERROR(query.Bind(2, std::string(prefix) + "\xff"));
  RETURN_IF_ERROR(query.Bind(3, limit));
  std::vector<std::string> ids;
  for (;;) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    ids.push_back(query.ColumnText(0));
  }
  return ids;
}

absl::StatusOr<model::Race> ReadRace(Database& db, const std::string& race_id) {
  ASSIGN_OR_RETURN(auto query,
                   db.Prepare(fmt::format("SELECT {} FROM race WHERE id = ?1", kRaceColumns)));
  RETURN_IF_ERROR(query.Bind(1, race_id));
  ASSIGN_OR_RETURN(const bool has_row, query.Step());
  if (!has_row) {
    return absl::NotFoundError(
        fmt::format("no race '{}' (`downballot races` lists the race IDs)", race_id));
  }
  std::vector<model::Race> races;
  ASSIGN_OR_RETURN(model::Race race, RaceFromRow(query));
  races.push_back(std::move(race));
  RETURN_IF_ERROR(AttachCandidates(db, races, RaceRowScope{" WHERE race_id = ?1", {race_id}}));
  return std::move(races.front());
}

absl::StatusOr<std::vector<model::ReconciliationMismatch>> ReadMismatches(
    Database& db, const std::string& race_id) {
  ASSIGN_OR_RETURN(auto query,
                   db.Prepare("SELECT race_id, county, candidate, counted_votes, other_votes, "
                              "counted_source, other_source, is_against_medsl "
                              "FROM reconciliation_mismatch" +
                              std::string(race_id.empty() ? "" : " WHERE race_id = ?1") +
                              " ORDER BY race_id, county, candidate, other_source"));
  if (!race_id.empty()) RETURN_IF_ERROR(query.Bind(1, race_id));
  std::vector<model::ReconciliationMismatch> mismatches;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    mismatches.push_back(model::ReconciliationMismatch{
        query.ColumnText(0), query.ColumnText(1), query.ColumnText(2), query.ColumnInt(3),
        query.ColumnInt(4), query.ColumnText(5), query.ColumnText(6), query.ColumnInt(7) != 0});
  }
  return mismatches;
}

absl::StatusOr<std::vector<model::NearMatch>> ReadNearMatches(Database& db) {
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT race_id, name_a, name_b FROM near_match "
                                          "ORDER BY race_id, name_a, name_b"));
  std::vector<model::NearMatch> rows;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    rows.push_back(model::NearMatch{query.ColumnText(0), query.ColumnText(1), query.ColumnText(2)});
  }
  return rows;
}

absl::StatusOr<std::vector<model::FileReport>> ReadFileReports(Database& db) {
  ASSIGN_OR_RETURN(auto files,
                   db.Prepare("SELECT id, path, kind, content_hash, rows_read, rows_stored, "
                              "rows_rejected FROM source_file ORDER BY id"));
  ASSIGN_OR_RETURN(auto rejects, db.Prepare("SELECT line, field, reason FROM row_reject "
                                            "WHERE file_id = ?1 ORDER BY line"));
  std::vector<model::FileReport> reports;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, files.Step());
    if (!has_row) break;
    model::FileReport report;
    report.path = files.ColumnText(1);
    report.kind = files.ColumnText(2);
    report.content_hash = files.ColumnText(3);
    report.status = model::FileStatus::kLoaded;
    report.rows_read = files.ColumnInt(4);
    report.rows_stored = files.ColumnInt(5);
    report.rows_rejected = files.ColumnInt(6);
    RETURN_IF_ERROR(rejects.Bind(1, files.ColumnInt(0)));
    while (true) {
      ASSIGN_OR_RETURN(const bool has_reject, rejects.Step());
      if (!has_reject) break;
      report.rejects.push_back(model::RowError{report.path, rejects.ColumnInt(0),
                                               rejects.ColumnText(1), rejects.ColumnText(2)});
    }
    rejects.Reset();
    reports.push_back(std::move(report));
  }
  return reports;
}

absl::StatusOr<std::optional<double>> ReadPartisanLean(Database& db, const std::string& state,
                                                       const std::string& district, int year) {
  ASSIGN_OR_RETURN(auto query,
                   db.Prepare("SELECT dem_margin FROM partisan_lean WHERE state = ?1 AND "
                              "district = ?2 AND year <= ?3 ORDER BY year DESC LIMIT 1"));
  RETURN_IF_ERROR(query.Bind(1, state));
  RETURN_IF_ERROR(query.Bind(2, district));
  RETURN_IF_ERROR(query.Bind(3, int64_t{year}));
  ASSIGN_OR_RETURN(const bool has_row, query.Step());
  if (!has_row) return std::optional<double>();
  return std::optional<double>(query.ColumnDouble(0));
}

absl::StatusOr<std::vector<RaceGroup>> ReadRaceGroups(Database& db) {
  ASSIGN_OR_RETURN(
      Statement select,
      db.Prepare("SELECT state, CAST(substr(election_date, 1, 4) AS INTEGER) AS year, stage, "
                 "level, party, COUNT(*) FROM race GROUP BY state, year, stage, level, party "
                 "ORDER BY state, year, stage, level, party"));
  std::vector<RaceGroup> groups;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    groups.push_back({select.ColumnText(0), static_cast<int>(select.ColumnInt(1)),
                      select.ColumnText(2), select.ColumnText(3), select.ColumnText(4),
                      select.ColumnInt(5)});
  }
  return groups;
}

absl::StatusOr<std::vector<IngestedFile>> ReadIngestHistory(Database& db) {
  ASSIGN_OR_RETURN(Statement files,
                   db.Prepare("SELECT path, kind, bytes, rows_read, rows_stored, rows_rejected, "
                              "ingested_at FROM source_file ORDER BY ingested_at DESC, path"));
  std::vector<IngestedFile> history;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, files.Step());
    if (!has_row) break;
    history.push_back({files.ColumnText(0), files.ColumnText(1), files.ColumnInt(2),
                       files.ColumnInt(3), files.ColumnInt(4), files.ColumnInt(5),
                       files.ColumnText(6)});
  }
  return history;
}

}  // namespace downballot::store
