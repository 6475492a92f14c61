#include "store/candidacy_queries.h"

#include <tuple>
#include <utility>

#include "base/date.h"
#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::store {
namespace {

std::optional<bool> OptionalBool(const Statement& statement, int column) {
  if (statement.IsColumnNull(column)) return std::nullopt;
  return statement.ColumnInt(column) != 0;
}

std::optional<int64_t> OptionalInt(const Statement& statement, int column) {
  if (statement.IsColumnNull(column)) return std::nullopt;
  return statement.ColumnInt(column);
}

std::optional<double> OptionalDouble(const Statement& statement, int column) {
  if (statement.IsColumnNull(column)) return std::nullopt;
  return statement.ColumnDouble(column);
}

}  // namespace

absl::StatusOr<std::vector<StoredCandidacy>> ReadPrimaryCandidacies(Database& db,
                                                                    const CandidacyFilter& filter) {
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT c.id, f.path, c.line, c.cycle, c.party, c.candidate, c.state, "
                 "c.district, c.office_type, c.race_type, c.primary_date, c.primary_status, "
                 "c.runoff_status, c.general_status, c.partisan_lean, c.primary_pct, "
                 "c.won_primary, c.incumbent, c.incumbent_challenger, c.elected_official, "
                 "c.self_funder, c.primary_votes, c.runoff_votes, c.runoff_pct "
                 "FROM primary_candidacy c JOIN source_file f ON f.id = c.file_id "
                 "WHERE (?1 = 0 OR c.cycle = ?1) AND (?2 = '' OR c.party = ?2 COLLATE NOCASE) "
                 "AND (?3 = '' OR c.state = ?3 COLLATE NOCASE) ORDER BY c.file_id, c.line"));
  RETURN_IF_ERROR(select.Bind(1, int64_t{filter.cycle.value_or(0)}));
  RETURN_IF_ERROR(select.Bind(2, filter.party));
  RETURN_IF_ERROR(select.Bind(3, filter.state));
  std::vector<StoredCandidacy> found;
  std::map<int64_t, size_t> index_of_id;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    StoredCandidacy stored;
    stored.id = select.ColumnInt(0);
    stored.source_path = select.ColumnText(1);
    model::PrimaryCandidacy& c = stored.candidacy;
    c.line = select.ColumnInt(2);
    c.cycle = static_cast<int>(select.ColumnInt(3));
    c.party = select.ColumnText(4);
    c.candidate = select.ColumnText(5);
    c.state = select.ColumnText(6);
    c.district = select.ColumnText(7);
    c.office_type = select.ColumnText(8);
    c.race_type = select.ColumnText(9);
    if (!select.IsColumnNull(10)) {
      absl::StatusOr<base::Date> date = base::ParseDate(select.ColumnText(10));
      if (date.ok()) c.primary_date = *date;
    }
    c.primary_status = select.ColumnText(11);
    c.runoff_status = select.ColumnText(12);
    c.general_status = select.ColumnText(13);
    c.partisan_lean = OptionalDouble(select, 14);
    c.primary_pct = OptionalDouble(select, 15);
    c.won_primary = OptionalBool(select, 16);
    c.incumbent = OptionalBool(select, 17);
    c.incumbent_challenger = OptionalBool(select, 18);
    c.elected_official = OptionalBool(select, 19);
    c.self_funder = OptionalBool(select, 20);
    c.primary_votes = OptionalInt(select, 21);
    c.runoff_votes = OptionalInt(select, 22);
    c.runoff_pct = OptionalDouble(select, 23);
    index_of_id[stored.id] = found.size();
    found.push_back(std::move(stored));
  }
  if (found.empty()) return found;

  // rowid order is insertion order, which is the file's column order.
  ASSIGN_OR_RETURN(auto endorsements,
                   db.Prepare("SELECT candidacy_id, endorser, value, is_party_committee "
                              "FROM endorsement ORDER BY rowid"));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, endorsements.Step());
    if (!has_row) break;
    const auto it = index_of_id.find(endorsements.ColumnInt(0));
    if (it == index_of_id.end()) continue;
    const std::string value_text = endorsements.ColumnText(2);
    const std::optional<model::Endorsement> value = model::ParseEndorsementValue(value_text);
    if (!value.has_value()) {
      return absl::DataLossError(
          fmt::format("endorsement of candidacy {} has unknown value '{}'", it->first, value_text));
    }
    found[it->second].candidacy.endorsements.push_back(
        model::EndorsementCell{endorsements.ColumnText(1), *value, endorsements.ColumnInt(3) != 0});
  }
  return found;
}

absl::StatusOr<PartisanLeanTable> ReadAllPartisanLeans(Database& db) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT year, state, district, dem_margin FROM partisan_lean"));
  PartisanLeanTable leans;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    leans[std::make_tuple(static_cast<int>(select.ColumnInt(0)), select.ColumnText(1),
                          select.ColumnText(2))] = select.ColumnDouble(3);
  }
  return leans;
}

absl::StatusOr<std::vector<StoredGeneralReturns>> ReadGeneralReturns(Database& db,
                                                                     std::optional<int> year,
                                                                     const std::string& state) {
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare(
          "SELECT f.path, g.file_id, g.line, g.year, g.state, g.office, g.district, g.is_special, "
          "g.stage, g.county, g.candidate, g.party_raw, g.party, g.is_write_in, g.mode, "
          "g.candidate_votes, g.total_votes FROM general_return g "
          "JOIN source_file f ON f.id = g.file_id "
          "WHERE (?1 = 0 OR g.year = ?1) AND (?2 = '' OR g.state = ?2 COLLATE NOCASE) "
          "ORDER BY g.file_id, g.line"));
  RETURN_IF_ERROR(select.Bind(1, int64_t{year.value_or(0)}));
  RETURN_IF_ERROR(select.Bind(2, state));
  std::vector<StoredGeneralReturns> files;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    // By file id, not path: one path may have been loaded twice with different contents.
    const int64_t file_id = select.ColumnInt(1);
    if (files.empty() || files.back().file_id != file_id) {
      files.push_back(StoredGeneralReturns{file_id, select.ColumnText(0), {}});
    }
    model::GeneralReturn row;
    row.line = select.ColumnInt(2);
    row.year = static_cast<int>(select.ColumnInt(3));
    row.state = select.ColumnText(4);
    row.office = select.ColumnText(5);
    row.district = select.ColumnText(6);
    row.is_special = select.ColumnInt(7) != 0;
    row.stage = select.ColumnText(8);
    row.county = select.ColumnText(9);
    row.candidate = select.ColumnText(10);
    row.party_raw = select.ColumnText(11);
    row.party = select.ColumnText(12);
    row.is_write_in = select.ColumnInt(13) != 0;
    row.mode = select.ColumnText(14);
    row.candidate_votes = select.ColumnInt(15);
    row.total_votes = select.ColumnInt(16);
    files.back().returns.push_back(std::move(row));
  }
  return files;
}

}  // namespace downballot::store
