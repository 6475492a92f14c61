#include "query/targets.h"

#include <algorithm>
#include <tuple>

#include "base/status_macros.h"
#include "fmt/format.h"
#include "query/fec_links.h"
#include "store/queries.h"

namespace downballot::query {
namespace {

constexpr int64_t kMaxLimit = 100000;

// The sort key of `sort`; ties fall back to the score rank so pages never overlap.
double SortValue(const RankedTarget& entry, TargetSort sort) {
  switch (sort) {
    case TargetSort::kScore:
      return entry.target.score;
    case TargetSort::kWinNumber:
      return static_cast<double>(entry.target.win_number);
    case TargetSort::kBallots:
      return static_cast<double>(entry.target.last_ballots_for_office);
    case TargetSort::kFieldSize:
      return entry.target.last_field_size;
  }
  return 0;
}

}  // namespace

bool IsOpenSeat(const analysis::Target& target) {
  return std::any_of(target.components.begin(), target.components.end(),
                     [](const analysis::ScoreComponent& component) {
                       return component.name == "open_seat" && component.is_known &&
                              component.value >= 1;
                     });
}

absl::StatusOr<TargetsRequest> ParseTargetsRequest(const Params& params) {
  RETURN_IF_ERROR(
      params.CheckNames({"state", "level", "party", "open", "sort", "order", "limit", "offset"}));
  TargetsRequest request;
  ASSIGN_OR_RETURN(request.filter.state, params.State("state"));
  ASSIGN_OR_RETURN(request.filter.party, params.Party("party"));
  if (const std::string level = params.Text("level"); !level.empty()) {
    request.filter.level = model::ParseOfficeLevel(level);
    if (!request.filter.level) {
      return absl::InvalidArgumentError(
          fmt::format("level must be {}, got '{}'", model::kOfficeLevelNames, level));
    }
  }
  ASSIGN_OR_RETURN(request.open_only, params.Flag("open"));
  ASSIGN_OR_RETURN(
      const std::string sort,
      params.Choice("sort", {"score", "win_number", "ballots", "field_size"}, "score"));
  request.sort = sort == "win_number"   ? TargetSort::kWinNumber
                 : sort == "ballots"    ? TargetSort::kBallots
                 : sort == "field_size" ? TargetSort::kFieldSize
                                        : TargetSort::kScore;
  const absl::StatusOr<std::string> order =
      params.Choice("order", {"asc", "desc"}, sort == "score" ? "desc" : "asc");
  if (!order.ok()) return order.status();
  request.is_descending = *order == "desc";
  ASSIGN_OR_RETURN(request.limit, params.Integer("limit", 0, kMaxLimit, 25));
  ASSIGN_OR_RETURN(request.offset, params.Integer("offset", 0, 100'000'000, 0));
  return request;
}

absl::StatusOr<TargetsAnswer> AnswerTargets(store::Database& db, const TargetsRequest& request,
                                            const Coding& coding) {
  ASSIGN_OR_RETURN(const std::vector<model::Race> races, store::ReadRaces(db, {}));
  // Federal incumbents' money, when FEC files are loaded (docs/money.md), read before ranking
  // so the ranking stays a pure function of what was read.
  ASSIGN_OR_RETURN(const std::vector<analysis::FecLink> links, ReadFecLinks(db, races));
  ASSIGN_OR_RETURN(const analysis::IncumbentMoneyByRace money,
                   ReadIncumbentMoney(db, links, races, coding));
  std::vector<analysis::Target> ranked =
      analysis::RankTargets(races, request.filter, request.weights, money);
  std::vector<RankedTarget> kept;
  for (size_t index = 0; index < ranked.size(); ++index) {
    if (request.open_only && !IsOpenSeat(ranked[index])) continue;
    kept.push_back({static_cast<int64_t>(index) + 1, std::move(ranked[index])});
  }
  if (request.sort != TargetSort::kScore || !request.is_descending) {
    std::stable_sort(kept.begin(), kept.end(), [&](const RankedTarget& a, const RankedTarget& b) {
      const double left = SortValue(a, request.sort);
      const double right = SortValue(b, request.sort);
      if (left != right) return request.is_descending ? left > right : left < right;
      return a.rank < b.rank;
    });
  }
  TargetsAnswer answer;
  answer.total = static_cast<int64_t>(kept.size());
  answer.targets = TakePage(std::move(kept), request.offset, request.limit);
  return answer;
}

nlohmann::json ToJson(const TargetsAnswer& answer) {
  nlohmann::json array = nlohmann::json::array();
  for (const RankedTarget& entry : answer.targets) {
    const analysis::Target& target = entry.target;
    nlohmann::json components = nlohmann::json::array();
    for (const analysis::ScoreComponent& component : target.components) {
      components.push_back({{"name", component.name},
                            {"value", component.is_known ? nlohmann::json(component.value)
                                                         : nlohmann::json(nullptr)},
                            {"is_known", component.is_known},
                            {"weight", component.weight},
                            {"contribution", component.contribution},
                            {"explanation", component.explanation}});
    }
    array.push_back({{"rank", entry.rank},
                     {"seat_id", target.seat_id},
                     {"state", target.seat.state},
                     {"office", target.seat.office},
                     {"district", target.seat.district},
                     {"jurisdiction", target.seat.jurisdiction},
                     {"party", target.party},
                     {"level", model::ToString(target.level)},
                     {"last_race_id", target.last_race_id},
                     {"last_primary", target.last_primary_date.ToIso()},
                     {"last_general_race_id", target.last_general_race_id},
                     {"field_size", target.last_field_size},
                     {"ballots_for_office", target.last_ballots_for_office},
                     {"win_number", target.win_number},
                     {"incumbent", target.incumbent},
                     {"incumbent_last_share", target.incumbent_last_share},
                     {"completeness", model::ToString(target.completeness)},
                     {"score", target.score},
                     {"components", std::move(components)}});
  }
  return array;
}

}  // namespace downballot::query
