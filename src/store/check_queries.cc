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

}  // namespace downballot::store
