#include "store/check_queries.h"

#include "base/status_macros.h"
#include "base/strings.h"

namespace downballot::store {
namespace {

std::vector<int64_t> ParseIntList(const std::string& text) {
  std::vector<int64_t> values;
  for (std::string_view part : base::Split(text, ',')) {
    if (const std::optional<int64_t> value = base::ParseInt(part)) values.push_back(*value);
  }
  return values;
}

}  // namespace

absl::StatusOr<std::vector<RepeatedResultRows>> ReadRepeatedResultRows(Database& db) {
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT f.path, t.state, CAST(substr(t.election_date, 1, 4) AS INTEGER), "
                 "t.county, r.precinct, t.office_raw, t.district, t.candidate, "
                 "t.party_raw, group_concat(r.line), group_concat(r.votes) "
                 "FROM (SELECT * FROM result_row ORDER BY file_id, line) r "
                 "JOIN result_tally t ON t.id = r.tally_id JOIN source_file f ON f.id = r.file_id "
                 "GROUP BY r.file_id, r.tally_id, r.precinct HAVING count(*) > 1 "
                 "ORDER BY r.file_id, min(r.line)"));
  std::vector<RepeatedResultRows> found;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    found.push_back(RepeatedResultRows{
        select.ColumnText(0), select.ColumnText(1), static_cast<int>(select.ColumnInt(2)),
        select.ColumnText(3), select.ColumnText(4), select.ColumnText(5), select.ColumnText(6),
        select.ColumnText(7), select.ColumnText(8), ParseIntList(select.ColumnText(9)),
        ParseIntList(select.ColumnText(10))});
  }
  return found;
}

absl::StatusOr<std::vector<RejectedRepeat>> ReadRejectedRepeats(Database& db) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT f.path, r.line, r.reason FROM row_reject r "
                              "JOIN source_file f ON f.id = r.file_id "
                              "WHERE r.reason LIKE 'repeats line %' ORDER BY r.file_id, r.line"));
  std::vector<RejectedRepeat> found;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    found.push_back(
        RejectedRepeat{select.ColumnText(0), select.ColumnInt(1), select.ColumnText(2)});
  }
  return found;
}

absl::StatusOr<std::vector<UnmatchedOffice>> ReadUnmatchedOffices(Database& db) {
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT t.state, t.office_raw, count(r.line), group_concat(DISTINCT f.path), "
                 "group_concat(DISTINCT t.county) FROM result_tally t "
                 "JOIN result_row r ON r.tally_id = t.id JOIN source_file f ON f.id = t.file_id "
                 "WHERE t.office_rule = '' AND t.office <> '' "
                 "GROUP BY t.state, t.office_raw ORDER BY t.state, count(r.line) DESC, "
                 "t.office_raw"));
  std::vector<UnmatchedOffice> found;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    UnmatchedOffice office{select.ColumnText(0), select.ColumnText(1), select.ColumnInt(2), {}, {}};
    const std::string paths = select.ColumnText(3);
    for (const std::string_view path : base::Split(paths, ',')) office.paths.emplace_back(path);
    const std::string counties = select.ColumnText(4);
    for (const std::string_view county : base::Split(counties, ',')) {
      if (!county.empty()) office.counties.emplace_back(county);
    }
    found.push_back(std::move(office));
  }
  return found;
}

absl::StatusOr<std::vector<FileNote>> ReadFileNotes(Database& db) {
  ASSIGN_OR_RETURN(auto select, db.Prepare("SELECT f.path, f.kind, n.note FROM file_note n "
                                           "JOIN source_file f ON f.id = n.file_id "
                                           "ORDER BY f.id, n.rowid"));
  std::vector<FileNote> notes;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    notes.push_back(FileNote{select.ColumnText(0), select.ColumnText(1), select.ColumnText(2)});
  }
  return notes;
}

absl::StatusOr<std::vector<NamedCounty>> ReadNamedCounties(Database& db) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT state, county, sum(n) FROM ("
                              "SELECT t.state, t.county, count(*) AS n FROM result_tally t "
                              "WHERE t.county <> '' AND t.kind <> 'total_votes' "
                              "GROUP BY t.state, t.county UNION ALL "
                              "SELECT g.state, g.county, count(*) FROM general_return g "
                              "WHERE g.county <> '' GROUP BY g.state, g.county) "
                              "GROUP BY state, county ORDER BY state, county"));
  std::vector<NamedCounty> counties;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    counties.push_back(
        NamedCounty{select.ColumnText(0), select.ColumnText(1), select.ColumnInt(2)});
  }
  return counties;
}

}  // namespace downballot::store
