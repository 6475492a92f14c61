#include "store/loader.h"

#include <set>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "store/source_file.h"
#include "store/target_table.h"

namespace downballot::store {
namespace {

// The fields a result row is summed over when it is tallied (see result_tally).
using TallyKey = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view,
                            std::string_view, std::string_view, std::string_view, int, bool, bool,
                            std::string_view, std::string_view, std::string_view, std::string_view,
                            std::string_view, std::string_view, std::string_view>;

TallyKey KeyOf(const model::ResultRow& row) {
  return {row.race_party,
          row.office,
          row.district,
          row.jurisdiction,
          model::ToString(row.level),
          row.office_rule,
          row.body,
          row.seats,
          row.is_seats_from_data,
          row.is_statewide,
          row.county,
          model::ToString(row.geography),
          row.breakdown,
          model::ToString(row.kind),
          row.candidate,
          row.party,
          row.office_raw};
}

// Writes one tally per distinct TallyKey (and raw party spelling) of `rows`; returns each row's
// tally id, in row order.
absl::StatusOr<std::vector<int64_t>> InsertTallies(Database& db, int64_t file_id,
                                                   const model::ResultFileInfo& info,
                                                   std::span<const model::ResultRow> rows) {
  // Each distinct key gets an index into `keys` and `votes`; keys view into `rows`, which outlive
  // them. A hash map, because an ordered map's string compares took a tenth of ingest time.
  using FullKey = std::pair<TallyKey, std::string_view>;
  absl::flat_hash_map<FullKey, size_t> index_of;
  std::vector<FullKey> keys;
  std::vector<int64_t> votes;
  std::vector<size_t> row_tally;
  row_tally.reserve(rows.size());
  for (const model::ResultRow& row : rows) {
    FullKey key{KeyOf(row), row.party_raw};
    const auto [it, is_new] = index_of.try_emplace(key, votes.size());
    if (is_new) {
      keys.push_back(key);
      votes.push_back(0);
    }
    votes[it->second] += row.votes;
    row_tally.push_back(it->second);
  }
  ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO result_tally (file_id, election_date, state, stage, race_party, "
                 "office, district, jurisdiction, level, office_rule, body, seats, "
                 "is_seats_from_data, is_statewide, is_whole_state_file, county, geography, "
                 "breakdown, kind, candidate, party, office_raw, party_raw, votes) VALUES (?1, ?2, "
                 "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                 "?20, ?21, ?22, ?23, ?24) RETURNING id"));
  const std::string date = info.date.ToIso();
  // A precinct file named for no county (Wisconsin's ward files) holds every county's precincts.
  const bool is_whole_state_file = info.is_precinct_level && info.county.empty();
  std::vector<int64_t> tally_ids(keys.size());
  for (size_t tally_idx = 0; tally_idx < keys.size(); ++tally_idx) {
    const auto& [tally_key, party_raw] = keys[tally_idx];
    const auto& [race_party, office, district, jurisdiction, level, office_rule, body, seats,
                 is_seats_from_data, is_statewide, county, geography, breakdown, kind, candidate,
                 party, office_raw] = tally_key;
    int index = 1;
    const auto bind = [&](auto value) { return insert.Bind(index++, value); };
    RETURN_IF_ERROR(bind(file_id));
    RETURN_IF_ERROR(bind(std::string_view(date)));
    RETURN_IF_ERROR(bind(std::string_view(info.state)));
    RETURN_IF_ERROR(bind(model::ToString(info.stage)));
    RETURN_IF_ERROR(bind(race_party));
    RETURN_IF_ERROR(bind(office));
    RETURN_IF_ERROR(bind(district));
    RETURN_IF_ERROR(bind(jurisdiction));
    RETURN_IF_ERROR(bind(level));
    RETURN_IF_ERROR(bind(office_rule));
    RETURN_IF_ERROR(bind(body));
    RETURN_IF_ERROR(bind(int64_t{seats}));
    RETURN_IF_ERROR(bind(int64_t{is_seats_from_data}));
    RETURN_IF_ERROR(bind(int64_t{is_statewide}));
    RETURN_IF_ERROR(bind(int64_t{is_whole_state_file}));
    RETURN_IF_ERROR(bind(county));
    RETURN_IF_ERROR(bind(geography));
    RETURN_IF_ERROR(bind(breakdown));
    RETURN_IF_ERROR(bind(kind));
    RETURN_IF_ERROR(bind(candidate));
    RETURN_IF_ERROR(bind(party));
    RETURN_IF_ERROR(bind(office_raw));
    RETURN_IF_ERROR(bind(party_raw));
    RETURN_IF_ERROR(bind(votes[tally_idx]));
    ASSIGN_OR_RETURN(const bool has_row, insert.Step());
    if (!has_row) return absl::InternalError("insert into result_tally returned no id");
    tally_ids[tally_idx] = insert.ColumnInt(0);
    insert.Reset();
  }
  std::vector<int64_t> row_tally_ids;
  row_tally_ids.reserve(rows.size());
  for (const size_t tally_idx : row_tally) row_tally_ids.push_back(tally_ids[tally_idx]);
  return row_tally_ids;
}

// Marks a state's races stale in the loading transaction: a kill before the rebuild is repaired
// by the next query, and only the states loaded are rebuilt.
absl::Status MarkStateStale(Database& db, std::string_view state) {
  ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT OR IGNORE INTO stale_state VALUES (?1)"));
  RETURN_IF_ERROR(insert.Bind(1, state));
  return insert.Execute();
}

}  // namespace

absl::StatusOr<bool> IsFileLoaded(Database& db, std::string_view content_hash) {
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT 1 FROM source_file WHERE content_hash = ?1"));
  RETURN_IF_ERROR(query.Bind(1, content_hash));
  return query.Step();
}

absl::StatusOr<bool> IsFileSizeLoaded(Database& db, int64_t bytes) {
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT 1 FROM source_file WHERE bytes = ?1"));
  RETURN_IF_ERROR(query.Bind(1, bytes));
  return query.Step();
}

absl::Status LoadResults(Database& db, model::FileReport& report, int64_t bytes,
                         const model::ResultFileInfo& info,
                         std::span<const model::ResultRow> rows) {
  report.rows_stored = static_cast<int64_t>(rows.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(const std::vector<int64_t> tally_ids, InsertTallies(db, file_id, info, rows));
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO result_row VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const model::ResultRow& row = rows[row_idx];
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, row.line));
    RETURN_IF_ERROR(insert.Bind(3, tally_ids[row_idx]));
    RETURN_IF_ERROR(insert.Bind(4, row.precinct));
    RETURN_IF_ERROR(insert.Bind(5, row.votes));
    RETURN_IF_ERROR(insert.Bind(6, int64_t{row.is_votes_missing}));
    RETURN_IF_ERROR(insert.Execute());
  }
  RETURN_IF_ERROR(MarkStateStale(db, info.state));
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

absl::Status LoadPrimaryCandidacies(Database& db, model::FileReport& report, int64_t bytes,
                                    std::span<const model::PrimaryCandidacy> candidacies) {
  report.rows_stored = static_cast<int64_t>(candidacies.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO primary_candidacy (file_id, line, cycle, party, "
                              "candidate, state, district, office_type, race_type, primary_date, "
                              "primary_status, runoff_status, general_status, partisan_lean, "
                              "primary_pct, won_primary, incumbent, incumbent_challenger, "
                              "elected_official, self_funder, primary_votes, runoff_votes, "
                              "runoff_pct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                              "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23) "
                              "RETURNING id"));
  ASSIGN_OR_RETURN(auto endorse, db.Prepare("INSERT INTO endorsement (candidacy_id, endorser, "
                                            "value, is_party_committee) VALUES (?1, ?2, ?3, ?4)"));
  const auto bind_optional_bool = [&insert](int index, std::optional<bool> value) {
    return value.has_value() ? insert.Bind(index, int64_t{*value}) : insert.BindNull(index);
  };
  for (const model::PrimaryCandidacy& c : candidacies) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, c.line));
    RETURN_IF_ERROR(insert.Bind(3, int64_t{c.cycle}));
    RETURN_IF_ERROR(insert.Bind(4, c.party));
    RETURN_IF_ERROR(insert.Bind(5, c.candidate));
    RETURN_IF_ERROR(insert.Bind(6, c.state));
    RETURN_IF_ERROR(insert.Bind(7, c.district));
    RETURN_IF_ERROR(insert.Bind(8, c.office_type));
    RETURN_IF_ERROR(insert.Bind(9, c.race_type));
    if (c.primary_date) {
      RETURN_IF_ERROR(insert.Bind(10, c.primary_date->ToIso()));
    } else {
      RETURN_IF_ERROR(insert.BindNull(10));
    }
    RETURN_IF_ERROR(insert.Bind(11, c.primary_status));
    RETURN_IF_ERROR(insert.Bind(12, c.runoff_status));
    RETURN_IF_ERROR(insert.Bind(13, c.general_status));
    RETURN_IF_ERROR(insert.Bind(14, c.partisan_lean));
    RETURN_IF_ERROR(insert.Bind(15, c.primary_pct));
    RETURN_IF_ERROR(bind_optional_bool(16, c.won_primary));
    RETURN_IF_ERROR(bind_optional_bool(17, c.incumbent));
    RETURN_IF_ERROR(bind_optional_bool(18, c.incumbent_challenger));
    RETURN_IF_ERROR(bind_optional_bool(19, c.elected_official));
    RETURN_IF_ERROR(bind_optional_bool(20, c.self_funder));
    RETURN_IF_ERROR(insert.Bind(21, c.primary_votes));
    RETURN_IF_ERROR(insert.Bind(22, c.runoff_votes));
    RETURN_IF_ERROR(insert.Bind(23, c.runoff_pct));
    ASSIGN_OR_RETURN(const bool has_row, insert.Step());
    if (!has_row) return absl::InternalError("insert into primary_candidacy returned no id");
    const int64_t candidacy_id = insert.ColumnInt(0);
    insert.Reset();
    for (const model::EndorsementCell& cell : c.endorsements) {
      RETURN_IF_ERROR(endorse.Bind(1, candidacy_id));
      RETURN_IF_ERROR(endorse.Bind(2, cell.group));
      RETURN_IF_ERROR(endorse.Bind(3, model::ToString(cell.value)));
      RETURN_IF_ERROR(endorse.Bind(4, int64_t{cell.is_party_committee}));
      RETURN_IF_ERROR(endorse.Execute());
    }
  }
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

absl::Status LoadPartisanLeans(Database& db, model::FileReport& report, int64_t bytes,
                               std::span<const model::PartisanLean> leans) {
  report.rows_stored = static_cast<int64_t>(leans.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO partisan_lean VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const model::PartisanLean& lean : leans) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, int64_t{lean.year}));
    RETURN_IF_ERROR(insert.Bind(3, lean.state));
    RETURN_IF_ERROR(insert.Bind(4, lean.district));
    RETURN_IF_ERROR(insert.Bind(5, lean.dem_margin));
    RETURN_IF_ERROR(insert.Execute());
  }
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

absl::Status LoadGeneralReturns(Database& db, model::FileReport& report, int64_t bytes,
                                std::span<const model::GeneralReturn> returns) {
  report.rows_stored = static_cast<int64_t>(returns.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO general_return (file_id, line, year, state, office, "
                              "district, is_special, stage, county, candidate, party_raw, party, "
                              "is_write_in, mode, candidate_votes, total_votes) VALUES (?1, ?2, "
                              "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
  for (const model::GeneralReturn& row : returns) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, row.line));
    RETURN_IF_ERROR(insert.Bind(3, int64_t{row.year}));
    RETURN_IF_ERROR(insert.Bind(4, row.state));
    RETURN_IF_ERROR(insert.Bind(5, row.office));
    RETURN_IF_ERROR(insert.Bind(6, row.district));
    RETURN_IF_ERROR(insert.Bind(7, int64_t{row.is_special}));
    RETURN_IF_ERROR(insert.Bind(8, row.stage));
    RETURN_IF_ERROR(insert.Bind(9, row.county));
    RETURN_IF_ERROR(insert.Bind(10, row.candidate));
    RETURN_IF_ERROR(insert.Bind(11, row.party_raw));
    RETURN_IF_ERROR(insert.Bind(12, row.party));
    RETURN_IF_ERROR(insert.Bind(13, int64_t{row.is_write_in}));
    RETURN_IF_ERROR(insert.Bind(14, row.mode));
    RETURN_IF_ERROR(insert.Bind(15, row.candidate_votes));
    RETURN_IF_ERROR(insert.Bind(16, row.total_votes));
    RETURN_IF_ERROR(insert.Execute());
  }
  // MEDSL's returns are sources of races like any results file (docs/analysis.md).
  std::set<std::string_view> states;
  for (const model::GeneralReturn& row : returns) states.insert(row.state);
  for (const std::string_view state : states) RETURN_IF_ERROR(MarkStateStale(db, state));
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

absl::Status LoadCounties(Database& db, model::FileReport& report, int64_t bytes,
                          std::span<const model::County> counties) {
  report.rows_stored = static_cast<int64_t>(counties.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT INTO county VALUES (?1, ?2, ?3, ?4)"));
  for (const model::County& county : counties) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, county.fips));
    RETURN_IF_ERROR(insert.Bind(3, county.state));
    RETURN_IF_ERROR(insert.Bind(4, county.name));
    RETURN_IF_ERROR(insert.Execute());
  }
  // Counties identify a race's returns across files: every state's races are rebuilt.
  RETURN_IF_ERROR(db.Exec("UPDATE store_state SET value = '1' WHERE key = 'races_stale'"));
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

}  // namespace downballot::store
