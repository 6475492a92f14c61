#include "query/slates.h"

#include <span>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "query/primary_data.h"

namespace downballot::query {
namespace {

Cell Optional(const std::optional<double>& value) {
  return value.has_value() ? Cell{*value} : Cell{};
}

std::vector<Cell> RateCells(const analysis::WinRate& rate) {
  return {rate.decided, rate.won, rate.rate, rate.low, rate.high};
}

// The cycle, party and group that begin every row. Cell by cell: GCC 12 misreads a braced list
// of variants here (maybe-uninitialized).
std::vector<Cell> GroupCells(const analysis::SlateSummary& slate) {
  std::vector<Cell> row;
  row.emplace_back(int64_t{slate.cycle});
  row.emplace_back(slate.party);
  row.emplace_back(slate.group);
  return row;
}

Table SummaryTable(std::span<const analysis::SlateSummary> slates) {
  Table table{{"cycle", "party", "group", "party_committee", "endorsed", "backed_opponent",
               "not_tracked", "decided", "won", "win_rate", "ci_low", "ci_high", "expected_rate",
               "observed_over_expected", "adjusted_rate"},
              {}};
  for (const analysis::SlateSummary& slate : slates) {
    std::vector<Cell> row = GroupCells(slate);
    row.emplace_back(slate.is_party_committee);
    row.emplace_back(slate.endorsed);
    row.emplace_back(slate.backed_opponent);
    row.emplace_back(slate.not_tracked);
    for (Cell& cell : RateCells(slate.result)) row.push_back(std::move(cell));
    row.push_back(slate.expected_rate);
    row.push_back(Optional(slate.observed_over_expected));
    row.push_back(Optional(slate.adjusted_rate));
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table SplitTable(std::span<const analysis::SlateSummary> slates, const std::string& dimension) {
  Table table{{"cycle", "party", "group", dimension, "endorsed", "decided", "won", "win_rate",
               "ci_low", "ci_high"},
              {}};
  for (const analysis::SlateSummary& slate : slates) {
    for (const analysis::SlateSplit& split : slate.splits) {
      if (split.dimension != dimension) continue;
      std::vector<Cell> row = GroupCells(slate);
      row.emplace_back(split.value);
      row.emplace_back(split.endorsed);
      for (Cell& cell : RateCells(split.result)) row.push_back(std::move(cell));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

}  // namespace

absl::StatusOr<SlatesRequest> ParseSlatesRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"group", "cycle", "party", "by"}));
  SlatesRequest request;
  ASSIGN_OR_RETURN(request.group, params.Words("group"));
  ASSIGN_OR_RETURN(const std::optional<int64_t> cycle, params.OptionalInteger("cycle", 1900, 2100));
  if (cycle.has_value()) request.cycle = static_cast<int>(*cycle);
  ASSIGN_OR_RETURN(request.party, params.Party("party"));
  ASSIGN_OR_RETURN(const std::string by, params.Choice("by", {"office", "seat", "lean"}, ""));
  request.by = by;
  return request;
}

absl::StatusOr<SlatesAnswer> AnswerSlates(store::Database& db, const SlatesRequest& request) {
  store::CandidacyFilter filter;
  filter.cycle = request.cycle;
  filter.party = request.party;
  ASSIGN_OR_RETURN(const PrimaryData data, LoadPrimaryData(db, filter));
  SlatesAnswer answer;
  answer.by = request.by;
  answer.num_candidacies = static_cast<int64_t>(data.candidacies.size());
  answer.num_files = static_cast<int64_t>(data.source_paths.size());
  for (analysis::SlateSummary& slate : analysis::ScoreSlates(data.candidacies)) {
    if (request.group.empty() || base::ContainsIgnoreCase(slate.group, request.group)) {
      answer.slates.push_back(std::move(slate));
    }
  }
  if (answer.slates.empty()) {
    return absl::NotFoundError(fmt::format(
        "no endorsement group matches '{}'{} (FiveThirtyEight primary files carry the "
        "endorsements: `downballot ingest` them)",
        request.group, request.cycle ? fmt::format(" in {}", *request.cycle) : std::string()));
  }
  return answer;
}

Table SlatesTable(const SlatesAnswer& answer) {
  return answer.by.empty() ? SummaryTable(answer.slates) : SplitTable(answer.slates, answer.by);
}

nlohmann::json ToJson(const SlatesAnswer& answer) {
  nlohmann::json out = ToJson(SlatesTable(answer));
  if (!answer.by.empty()) return out;
  for (size_t idx = 0; idx < answer.slates.size(); ++idx) {
    const analysis::SlateSummary& slate = answer.slates[idx];
    nlohmann::json splits = nlohmann::json::array();
    for (const analysis::SlateSplit& split : slate.splits) {
      const analysis::WinRate& rate = split.result;
      splits.push_back({{"dimension", split.dimension},
                        {"value", split.value},
                        {"endorsed", split.endorsed},
                        {"decided", rate.decided},
                        {"won", rate.won},
                        {"win_rate", rate.rate},
                        {"ci_low", rate.low},
                        {"ci_high", rate.high}});
    }
    out[idx]["expected_wins"] = slate.expected_wins;
    out[idx]["reference_rate"] = slate.reference_rate;
    out[idx]["splits"] = std::move(splits);
  }
  return out;
}

}  // namespace downballot::query
