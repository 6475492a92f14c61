#include "store/check_queries.h"

#include <algorithm>
#include <tuple>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"

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

absl::StatusOr<std::vector<RepeatedResultRows>> ReadRepeatedResultRows(Database& db,
                                                                       const std::string& state,
                                                                       int year) {
  // The rows in scope, in file and line order so each group lists its lines in order. Only the
  // conditions asked for are written, so SQLite can use the state index; values are bound.
  std::string rows = "SELECT * FROM result_row ORDER BY file_id, line";
  if (!state.empty() || year != 0) {
    rows = fmt::format(
        "SELECT r.* FROM result_tally t JOIN result_row r ON r.tally_id = t.id WHERE {} {} {} "
        "ORDER BY r.file_id, r.line",
        state.empty() ? "" : "t.state = ?1", !state.empty() && year != 0 ? "AND" : "",
        year == 0 ? "" : "substr(t.election_date, 1, 4) = ?2");
  }
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT f.path, t.state, CAST(substr(t.election_date, 1, 4) AS INTEGER), "
                 "t.county, r.precinct, t.office_raw, t.district, t.candidate, "
                 "t.party_raw, group_concat(r.line), group_concat(r.votes) "
                 "FROM (" +
                 rows +
                 ") r "
                 "JOIN result_tally t ON t.id = r.tally_id JOIN source_file f ON f.id = r.file_id "
                 "GROUP BY r.file_id, r.tally_id, r.precinct HAVING count(*) > 1 "
                 "ORDER BY r.file_id, min(r.line)"));
  if (!state.empty()) RETURN_IF_ERROR(select.Bind(1, state));
  if (year != 0) RETURN_IF_ERROR(select.Bind(2, fmt::format("{:04}", year)));
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
  // Grouped here rather than by group_concat, whose ',' separator paths and names may hold.
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare(
          "SELECT t.state, t.office_raw, f.path, t.county, count(r.line) FROM result_tally t "
          "JOIN result_row r ON r.tally_id = t.id JOIN source_file f ON f.id = t.file_id "
          "WHERE t.office_rule = '' AND t.office <> '' "
          "GROUP BY t.state, t.office_raw, f.path, t.county "
          "ORDER BY t.state, t.office_raw, f.id, t.county"));
  std::vector<UnmatchedOffice> found;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    std::string state = select.ColumnText(0);
    std::string office_raw = select.ColumnText(1);
    if (found.empty() || found.back().state != state || found.back().office_raw != office_raw) {
      found.push_back(UnmatchedOffice{std::move(state), std::move(office_raw), 0, {}, {}});
    }
    UnmatchedOffice& office = found.back();
    std::string path = select.ColumnText(2);
    if (std::find(office.paths.begin(), office.paths.end(), path) == office.paths.end()) {
      office.paths.push_back(std::move(path));
    }
    std::string county = select.ColumnText(3);
    if (!county.empty() && std::find(office.counties.begin(), office.counties.end(), county) ==
                               office.counties.end()) {
      office.counties.push_back(std::move(county));
    }
    office.num_rows += select.ColumnInt(4);
  }
  // Most rows first within a state, as check lists them.
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.state, b.num_rows) < std::tie(b.state, a.num_rows);
  });
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
