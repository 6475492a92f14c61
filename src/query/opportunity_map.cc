#include "query/opportunity_map.h"

#include <map>
#include <string>

#include "base/status_macros.h"
#include "query/targets.h"

namespace downballot::query {

absl::StatusOr<analysis::TargetFilter> ParseMapRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"level", "party"}));
  ASSIGN_OR_RETURN(const TargetsRequest request, ParseTargetsRequest(params));
  return request.filter;
}

absl::StatusOr<Table> AnswerMap(store::Database& db, const analysis::TargetFilter& filter,
                                const Coding& coding) {
  TargetsRequest request;
  request.filter = filter;
  request.limit = 0;
  ASSIGN_OR_RETURN(const TargetsAnswer all, AnswerTargets(db, request, coding));
  struct StateRow {
    int64_t seats = 0;
    int64_t open_seats = 0;
    double best_score = -1;
    std::string best_seat_id;
  };
  std::map<std::string, StateRow> by_state;
  for (const RankedTarget& entry : all.targets) {
    StateRow& row = by_state[entry.target.seat.state];
    ++row.seats;
    if (IsOpenSeat(entry.target)) ++row.open_seats;
    if (entry.target.score > row.best_score) {
      row.best_score = entry.target.score;
      row.best_seat_id = entry.target.seat_id;
    }
  }
  Table table{{"state", "seats", "open_seats", "best_score", "best_seat_id"}, {}};
  for (const auto& [state, row] : by_state) {
    table.rows.push_back({state, row.seats, row.open_seats, row.best_score, row.best_seat_id});
  }
  return table;
}

}  // namespace downballot::query
