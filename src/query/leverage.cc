#include "query/leverage.h"

#include <utility>
#include <vector>

#include "analysis/leverage.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "query/general_contests_data.h"

namespace downballot::query {

absl::StatusOr<LeverageRequest> ParseLeverageRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"state", "cycle", "office", "source", "flagged", "totals"}));
  LeverageRequest request;
  ASSIGN_OR_RETURN(request.state, params.State("state"));
  ASSIGN_OR_RETURN(const std::optional<int64_t> cycle, params.OptionalInteger("cycle", 1900, 2100));
  if (cycle.has_value()) request.cycle = static_cast<int>(*cycle);
  ASSIGN_OR_RETURN(request.office, params.Words("office"));
  ASSIGN_OR_RETURN(const std::string source,
                   params.Choice("source", {"medsl", "openelections"}, ""));
  request.source = source;
  ASSIGN_OR_RETURN(request.flagged_only, params.Flag("flagged"));
  ASSIGN_OR_RETURN(request.totals_only, params.Flag("totals"));
  return request;
}

absl::StatusOr<LeverageAnswer> AnswerLeverage(store::Database& db, const LeverageRequest& request) {
  ContestFilter filter;
  filter.year = request.cycle;
  filter.state = request.state;
  filter.office = request.office;
  ASSIGN_OR_RETURN(GeneralContests loaded, LoadGeneralContests(db, filter));
  std::vector<model::GeneralContest> contests;
  for (model::GeneralContest& contest : loaded.contests) {
    if (request.source.empty() || contest.source == request.source) {
      contests.push_back(std::move(contest));
    }
  }
  const analysis::LeverageResult result = analysis::ComputeLeverage(contests);

  LeverageAnswer answer;
  answer.num_uncontested = static_cast<int64_t>(result.uncontested_contest_ids.size());
  answer.num_counted_from_medsl = loaded.num_counted_from_medsl;
  answer.rows.columns = {
      "contest_id",      "source",          "year",         "state",        "office",
      "district",        "winner",          "winner_party", "winner_votes", "runner_up",
      "runner_up_party", "runner_up_votes", "margin",       "line_party",   "line_party_raw",
      "line_votes",      "line_candidates", "backs",        "ratio",        "exceeds_margin",
      "fusion",          "complete",        "seats"};
  for (const analysis::LeverageRow& row : result.rows) {
    const bool is_total = row.line_party == "ALL";
    if (is_total) ++answer.num_contests;
    if (row.exceeds_margin && !is_total) ++answer.num_flagged;
    if (request.flagged_only && !row.exceeds_margin) continue;
    if (request.totals_only != is_total) continue;
    answer.rows.rows.push_back({row.contest_id,
                                row.source,
                                int64_t{row.year},
                                row.state,
                                row.office,
                                row.district,
                                row.winner,
                                row.winner_party,
                                row.winner_votes,
                                row.runner_up,
                                row.runner_up_party,
                                row.runner_up_votes,
                                row.margin,
                                row.line_party,
                                row.line_party_raw,
                                row.line_votes,
                                fmt::format("{}", fmt::join(row.line_candidates, "; ")),
                                std::string(analysis::ToString(row.backs)),
                                row.ratio.has_value() ? Cell{*row.ratio} : Cell{},
                                row.exceeds_margin,
                                row.is_fusion,
                                row.is_complete,
                                int64_t{row.seats}});
  }
  return answer;
}

}  // namespace downballot::query
