#include "store/queries.h"

#include <map>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::store {
namespace {

model::ElectionStage StageOrGeneral(std::string_view text) {
  return model::ParseElectionStage(text).value_or(model::ElectionStage::kGeneral);
}

std::string JoinCounties(const std::vector<std::string>& counties) {
  std::string joined;
  for (const std::string& county : counties) {
    if (!joined.empty()) joined += ';';
    joined += county;
  }
  return joined;
}

std::vector<std::string> SplitCounties(const std::string& joined) {
  std::vector<std::string> counties;
  if (joined.empty()) return counties;
  for (std::string_view piece : base::Split(joined, ';')) counties.emplace_back(piece);
  return counties;
}

constexpr std::string_view kRaceColumns =
    "id, state, election_date, stage, party, office, district, jurisdiction, level, "
    "candidate_votes, write_in_votes, blank_void, ballots_for_office, ballots_cast, margin_votes, "
    "margin_share, field_size, is_contested, has_incumbent, is_open_seat, incumbent, "
    "completeness, counties, num_precinct_counties, num_county_counties";

absl::StatusOr<model::Race> RaceFromRow(const Statement& row) {
  model::Race race;
  race.id = row.ColumnText(0);
  race.key.seat.state = row.ColumnText(1);
  ASSIGN_OR_RETURN(race.key.date, base::ParseDate(row.ColumnText(2)));
  race.key.stage = StageOrGeneral(row.ColumnText(3));
  race.key.party = row.ColumnText(4);
  race.key.seat.office = row.ColumnText(5);
  race.key.seat.district = row.ColumnText(6);
  race.key.seat.jurisdiction = row.ColumnText(7);
  race.level = model::ParseOfficeLevel(row.ColumnText(8)).value_or(model::OfficeLevel::kState);
  race.candidate_votes = row.ColumnInt(9);
  race.write_in_votes = row.ColumnInt(10);
  race.blank_void = row.ColumnInt(11);
  race.ballots_for_office = row.ColumnInt(12);
  race.ballots_cast = row.ColumnInt(13);
  race.margin_votes = row.ColumnInt(14);
  race.margin_share = row.ColumnDouble(15);
  race.field_size = static_cast<int>(row.ColumnInt(16));
  race.is_contested = row.ColumnInt(17) != 0;
  race.has_incumbent = row.ColumnInt(18) != 0;
  race.is_open_seat = row.ColumnInt(19) != 0;
  race.incumbent = row.ColumnText(20);
  const std::string completeness = row.ColumnText(21);
  race.completeness = completeness == "partial"      ? model::Completeness::kPartial
                      : completeness == "unverified" ? model::Completeness::kUnverified
                                                     : model::Completeness::kComplete;
  race.counties = SplitCounties(row.ColumnText(22));
  race.num_precinct_counties = static_cast<int>(row.ColumnInt(23));
  race.num_county_counties = static_cast<int>(row.ColumnInt(24));
  return race;
}

// Fills candidates and their party lines for `races` (keyed by id) in two scans.
absl::Status AttachCandidates(Database& db, std::vector<model::Race>& races,
                              const std::string& only_race_id) {
  std::map<std::string, model::Race*, std::less<>> by_id;
  for (model::Race& race : races) by_id[race.id] = &race;
  const std::string where = only_race_id.empty() ? "" : " WHERE race_id = ?1";
  ASSIGN_OR_RETURN(auto candidates,
                   db.Prepare("SELECT race_id, name, votes, share, rank, is_winner, is_incumbent "
                              "FROM race_candidate" + where + " ORDER BY race_id, rank, name"));
  if (!only_race_id.empty()) RETURN_IF_ERROR(candidates.Bind(1, only_race_id));
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
    it->second->candidates.push_back(std::move(candidate));
  }
  for (model::Race& race : races) {
    for (model::CandidateResult& candidate : race.candidates) {
      by_candidate[{race.id, candidate.name}] = &candidate;
    }
  }
  ASSIGN_OR_RETURN(auto lines, db.Prepare("SELECT race_id, name, party, votes FROM "
                                          "race_candidate_line" + where +
                                          " ORDER BY race_id, name, votes DESC, party"));
  if (!only_race_id.empty()) RETURN_IF_ERROR(lines.Bind(1, only_race_id));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, lines.Step());
    if (!has_row) break;
    const auto it = by_candidate.find({lines.ColumnText(0), lines.ColumnText(1)});
    if (it == by_candidate.end()) continue;
    it->second->lines.push_back(model::PartyLineVotes{lines.ColumnText(2), lines.ColumnInt(3)});
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<model::VoteTally>> ReadVoteTallies(Database& db) {
  ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT state, election_date, stage, race_party, office, district, jurisdiction, "
                 "level, county, is_precinct_level, kind, candidate, party, SUM(votes) "
                 "FROM result_tally GROUP BY state, election_date, stage, race_party, office, "
                 "district, jurisdiction, level, county, is_precinct_level, kind, candidate, party"));
  std::vector<model::VoteTally> tallies;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    model::VoteTally tally;
    tally.race.seat.state = query.ColumnText(0);
    ASSIGN_OR_RETURN(tally.race.date, base::ParseDate(query.ColumnText(1)));
    tally.race.stage = StageOrGeneral(query.ColumnText(2));
    tally.race.party = query.ColumnText(3);
    tally.race.seat.office = query.ColumnText(4);
    tally.race.seat.district = query.ColumnText(5);
    tally.race.seat.jurisdiction = query.ColumnText(6);
    tally.level = model::ParseOfficeLevel(query.ColumnText(7)).value_or(model::OfficeLevel::kState);
    tally.county = query.ColumnText(8);
    tally.is_precinct_level = query.ColumnInt(9) != 0;
    tally.kind = model::ParseRowKind(query.ColumnText(10)).value_or(model::RowKind::kCandidate);
    tally.candidate = query.ColumnText(11);
    tally.party = query.ColumnText(12);
    tally.votes = query.ColumnInt(13);
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

absl::Status SaveRaces(Database& db, std::span<const model::Race> races,
                       std::span<const model::ReconciliationMismatch> mismatches) {
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  RETURN_IF_ERROR(db.Exec(
      "DELETE FROM race_candidate_line; DELETE FROM race_candidate; DELETE FROM race; "
      "DELETE FROM reconciliation_mismatch;"));
  ASSIGN_OR_RETURN(auto insert_race,
                   db.Prepare(fmt::format("INSERT INTO race (seat_id, {}) VALUES (?1, ?2, ?3, ?4, "
                                          "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                          "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
                                          kRaceColumns)));
  ASSIGN_OR_RETURN(auto insert_candidate,
                   db.Prepare("INSERT INTO race_candidate VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  ASSIGN_OR_RETURN(auto insert_line,
                   db.Prepare("INSERT INTO race_candidate_line VALUES (?1, ?2, ?3, ?4)"));
  for (const model::Race& race : races) {
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
    RETURN_IF_ERROR(bind(race.candidate_votes));
    RETURN_IF_ERROR(bind(race.write_in_votes));
    RETURN_IF_ERROR(bind(race.blank_void));
    RETURN_IF_ERROR(bind(race.ballots_for_office));
    RETURN_IF_ERROR(bind(race.ballots_cast));
    RETURN_IF_ERROR(bind(race.margin_votes));
    RETURN_IF_ERROR(bind(race.margin_share));
    RETURN_IF_ERROR(bind(int64_t{race.field_size}));
    RETURN_IF_ERROR(bind(int64_t{race.is_contested}));
    RETURN_IF_ERROR(bind(int64_t{race.has_incumbent}));
    RETURN_IF_ERROR(bind(int64_t{race.is_open_seat}));
    RETURN_IF_ERROR(bind(std::string_view(race.incumbent)));
    RETURN_IF_ERROR(bind(model::ToString(race.completeness)));
    RETURN_IF_ERROR(bind(std::string_view(JoinCounties(race.counties))));
    RETURN_IF_ERROR(bind(int64_t{race.num_precinct_counties}));
    RETURN_IF_ERROR(bind(int64_t{race.num_county_counties}));
    RETURN_IF_ERROR(insert_race.Execute());
    for (const model::CandidateResult& candidate : race.candidates) {
      RETURN_IF_ERROR(insert_candidate.Bind(1, race.id));
      RETURN_IF_ERROR(insert_candidate.Bind(2, candidate.name));
      RETURN_IF_ERROR(insert_candidate.Bind(3, candidate.votes));
      RETURN_IF_ERROR(insert_candidate.Bind(4, candidate.share));
      RETURN_IF_ERROR(insert_candidate.Bind(5, int64_t{candidate.rank}));
      RETURN_IF_ERROR(insert_candidate.Bind(6, int64_t{candidate.is_winner}));
      RETURN_IF_ERROR(insert_candidate.Bind(7, int64_t{candidate.is_incumbent}));
      RETURN_IF_ERROR(insert_candidate.Execute());
      for (const model::PartyLineVotes& line : candidate.lines) {
        RETURN_IF_ERROR(insert_line.Bind(1, race.id));
        RETURN_IF_ERROR(insert_line.Bind(2, candidate.name));
        RETURN_IF_ERROR(insert_line.Bind(3, line.party));
        RETURN_IF_ERROR(insert_line.Bind(4, line.votes));
        RETURN_IF_ERROR(insert_line.Execute());
      }
    }
  }
  ASSIGN_OR_RETURN(auto insert_mismatch,
                   db.Prepare("INSERT INTO reconciliation_mismatch VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
    RETURN_IF_ERROR(insert_mismatch.Bind(1, mismatch.race_id));
    RETURN_IF_ERROR(insert_mismatch.Bind(2, mismatch.county));
    RETURN_IF_ERROR(insert_mismatch.Bind(3, mismatch.candidate));
    RETURN_IF_ERROR(insert_mismatch.Bind(4, mismatch.county_file_votes));
    RETURN_IF_ERROR(insert_mismatch.Bind(5, mismatch.precinct_sum_votes));
    RETURN_IF_ERROR(insert_mismatch.Execute());
  }
  RETURN_IF_ERROR(db.Exec("UPDATE store_state SET value = '0' WHERE key = 'races_stale'"));
  return transaction.Commit();
}

absl::StatusOr<bool> AreRacesStale(Database& db) {
  ASSIGN_OR_RETURN(const int64_t stale,
                   db.QueryInt("SELECT CAST(value AS INTEGER) FROM store_state "
                               "WHERE key = 'races_stale'"));
  return stale != 0;
}

absl::StatusOr<std::vector<model::Race>> ReadRaces(Database& db, const RaceFilter& filter) {
  const std::string level = filter.level ? std::string(model::ToString(*filter.level)) : "";
  const std::string office_pattern = filter.office.empty() ? "" : "%" + filter.office + "%";
  // Each filter is bound; an empty one matches everything.
  ASSIGN_OR_RETURN(
      auto query,
      db.Prepare(fmt::format(
          "SELECT {} FROM race WHERE (?1 = '' OR state = ?1 COLLATE NOCASE) "
          "AND (?2 = '' OR office LIKE ?2) AND (?3 = '' OR district = ?3 COLLATE NOCASE) "
          "AND (?4 = '' OR election_date = ?4) AND (?5 = '' OR stage = ?5 COLLATE NOCASE) "
          "AND (?6 = '' OR party = ?6 COLLATE NOCASE) AND (?7 = '' OR seat_id = ?7) "
          "AND (?8 = '' OR level = ?8) ORDER BY election_date, id",
          kRaceColumns)));
  RETURN_IF_ERROR(query.Bind(1, filter.state));
  RETURN_IF_ERROR(query.Bind(2, office_pattern));
  RETURN_IF_ERROR(query.Bind(3, filter.district));
  RETURN_IF_ERROR(query.Bind(4, filter.date));
  RETURN_IF_ERROR(query.Bind(5, filter.stage));
  RETURN_IF_ERROR(query.Bind(6, filter.party));
  RETURN_IF_ERROR(query.Bind(7, filter.seat_id));
  RETURN_IF_ERROR(query.Bind(8, level));
  std::vector<model::Race> races;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    ASSIGN_OR_RETURN(model::Race race, RaceFromRow(query));
    races.push_back(std::move(race));
  }
  RETURN_IF_ERROR(AttachCandidates(db, races, races.size() == 1 ? races.front().id : ""));
  return races;
}

absl::StatusOr<model::Race> ReadRace(Database& db, const std::string& race_id) {
  ASSIGN_OR_RETURN(auto query,
                   db.Prepare(fmt::format("SELECT {} FROM race WHERE id = ?1", kRaceColumns)));
  RETURN_IF_ERROR(query.Bind(1, race_id));
  ASSIGN_OR_RETURN(const bool has_row, query.Step());
  if (!has_row) return absl::NotFoundError(fmt::format("no race '{}'", race_id));
  std::vector<model::Race> races;
  ASSIGN_OR_RETURN(model::Race race, RaceFromRow(query));
  races.push_back(std::move(race));
  RETURN_IF_ERROR(AttachCandidates(db, races, race_id));
  return std::move(races.front());
}

absl::StatusOr<std::vector<model::ReconciliationMismatch>> ReadMismatches(
    Database& db, const std::string& race_id) {
  ASSIGN_OR_RETURN(auto query,
                   db.Prepare("SELECT race_id, county, candidate, county_file_votes, "
                              "precinct_sum_votes FROM reconciliation_mismatch "
                              "WHERE (?1 = '' OR race_id = ?1) ORDER BY race_id, county, candidate"));
  RETURN_IF_ERROR(query.Bind(1, race_id));
  std::vector<model::ReconciliationMismatch> mismatches;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    mismatches.push_back(model::ReconciliationMismatch{query.ColumnText(0), query.ColumnText(1),
                                                       query.ColumnText(2), query.ColumnInt(3),
                                                       query.ColumnInt(4)});
  }
  return mismatches;
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
    report.status = "loaded";
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

}  // namespace downballot::store
