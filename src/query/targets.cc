#include "query/targets.h"

#include <algorithm>
#include <tuple>

#include "base/status_macros.h"
#include "base/strings.h"
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
          fmt::format("level must be {}, got '{}'{}", model::kOfficeLevelNames, level,
                      base::DidYouMean(level, base::SplitList(model::kOfficeLevelNames))));
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
  ASSIGN_OR_RETURN(request.limit, params.Integer("limit", 0, kMaxLimit, kDefaultPageSize));
  ASSIGN_OR_RETURN(request.offset, params.Integer("offset", 0, 100'000'000, 0));
  return request;
}

namespace {

// The target's JSON, without its rank (which depends on the filter): the stored document.
nlohmann::json TargetJson(const analysis::Target& target) {
  nlohmann::json components = nlohmann::json::array();
  for (const analysis::ScoreComponent& component : target.components) {
    components.push_back(
        {{"name", component.name},
         {"value", component.is_known ? nlohmann::json(component.value) : nlohmann::json(nullptr)},
         {"is_known", component.is_known},
         {"weight", component.weight},
         {"contribution", component.contribution},
         {"explanation", component.explanation}});
  }
  return {{"seat_id", target.seat_id},
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
          {"components", std::move(components)}};
}

// TargetJson read back. Internal on a document this binary did not write.
absl::StatusOr<analysis::Target> TargetFromJson(std::string_view text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return absl::InternalError("a stored target is not JSON: rebuild the store's targets");
  }
  try {
    analysis::Target target;
    target.seat_id = json.at("seat_id").get<std::string>();
    target.seat.state = json.at("state").get<std::string>();
    target.seat.office = json.at("office").get<std::string>();
    target.seat.district = json.at("district").get<std::string>();
    target.seat.jurisdiction = json.at("jurisdiction").get<std::string>();
    target.party = json.at("party").get<std::string>();
    const std::optional<model::OfficeLevel> level =
        model::ParseOfficeLevel(json.at("level").get<std::string>());
    const std::optional<model::Completeness> completeness =
        model::ParseCompleteness(json.at("completeness").get<std::string>());
    absl::StatusOr<base::Date> date = base::ParseDate(json.at("last_primary").get<std::string>());
    if (!level || !completeness || !date.ok()) {
      return absl::InternalError("a stored target has an unknown level, completeness or date");
    }
    target.level = *level;
    target.completeness = *completeness;
    target.last_primary_date = *date;
    target.last_race_id = json.at("last_race_id").get<std::string>();
    target.last_general_race_id = json.at("last_general_race_id").get<std::string>();
    target.last_field_size = json.at("field_size").get<int>();
    target.last_ballots_for_office = json.at("ballots_for_office").get<int64_t>();
    target.win_number = json.at("win_number").get<int64_t>();
    target.incumbent = json.at("incumbent").get<std::string>();
    target.incumbent_last_share = json.at("incumbent_last_share").get<double>();
    target.score = json.at("score").get<double>();
    for (const nlohmann::json& component : json.at("components")) {
      const bool is_known = component.at("is_known").get<bool>();
      target.components.push_back({component.at("name").get<std::string>(),
                                   is_known ? component.at("value").get<double>() : 0.0,
                                   component.at("weight").get<double>(),
                                   component.at("contribution").get<double>(),
                                   component.at("explanation").get<std::string>(), is_known});
    }
    return target;
  } catch (const nlohmann::json::exception& error) {
    return absl::InternalError(fmt::format("a stored target does not read back: {}", error.what()));
  }
}

// Every target ranked with `weights`, open seats marked, best first.
absl::StatusOr<std::vector<analysis::Target>> RankEveryTarget(
    store::Database& db, const analysis::TargetFilter& filter,
    const analysis::TargetWeights& weights, const Coding& coding) {
  ASSIGN_OR_RETURN(const std::vector<model::Race> races, store::ReadRaces(db, {}));
  // Federal incumbents' money, when FEC files are loaded (docs/money.md), read before ranking
  // so the ranking stays a pure function of what was read.
  ASSIGN_OR_RETURN(const std::vector<analysis::FecLink> links, ReadFecLinks(db, races));
  ASSIGN_OR_RETURN(const analysis::IncumbentMoneyByRace money,
                   ReadIncumbentMoney(db, links, races, coding));
  return analysis::RankTargets(races, filter, weights, money);
}

// Ranks in memory: the path for weights other than the defaults the table was built with.
absl::StatusOr<TargetsAnswer> RankInMemory(store::Database& db, const TargetsRequest& request,
                                           const analysis::TargetWeights& weights,
                                           const Coding& coding) {
  ASSIGN_OR_RETURN(std::vector<analysis::Target> ranked,
                   RankEveryTarget(db, request.filter, weights, coding));
  std::vector<RankedTarget> kept;
  for (size_t index = 0; index < ranked.size(); ++index) {
    if (request.open_only && !IsOpenSeat(ranked[index])) continue;
    kept.push_back({static_cast<int64_t>(kept.size()) + 1, std::move(ranked[index])});
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

store::TargetOrder StoreOrder(TargetSort sort) {
  switch (sort) {
    case TargetSort::kScore:
      return store::TargetOrder::kScore;
    case TargetSort::kWinNumber:
      return store::TargetOrder::kWinNumber;
    case TargetSort::kBallots:
      return store::TargetOrder::kBallots;
    case TargetSort::kFieldSize:
      return store::TargetOrder::kFieldSize;
  }
  return store::TargetOrder::kScore;
}

}  // namespace

store::TargetPageRequest TargetTableFilter(const analysis::TargetFilter& filter, bool open_only) {
  store::TargetPageRequest request;
  request.state = base::ToUpper(filter.state);
  request.level = filter.level ? std::string(model::ToString(*filter.level)) : std::string();
  request.party = base::ToUpper(filter.party);
  request.open_only = open_only;
  return request;
}

absl::Status EnsureFreshTargets(store::Database& db, const Coding& coding) {
  ASSIGN_OR_RETURN(const std::string built_for, store::ReadTargetsBuiltFor(db));
  if (!built_for.empty() && built_for == coding.fingerprint) return absl::OkStatus();
  ASSIGN_OR_RETURN(const std::vector<analysis::Target> ranked,
                   RankEveryTarget(db, {}, analysis::TargetWeights{}, coding));
  std::vector<store::TargetRow> rows;
  rows.reserve(ranked.size());
  for (const analysis::Target& target : ranked) {
    rows.push_back(
        {target.seat_id, base::ToUpper(target.party), base::ToUpper(target.seat.state),
         target.seat.jurisdiction, std::string(model::ToString(target.level)), IsOpenSeat(target),
         target.score, target.win_number, target.last_ballots_for_office, target.last_field_size,
         TargetJson(target).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  return store::SaveTargets(db, rows, coding.fingerprint);
}

absl::StatusOr<TargetsAnswer> AnswerTargets(store::Database& db, const TargetsRequest& request,
                                            const Coding& coding) {
  if (request.weights.has_value()) return RankInMemory(db, request, *request.weights, coding);
  ASSIGN_OR_RETURN(const std::string built_for, store::ReadTargetsBuiltFor(db));
  if (built_for.empty() || built_for != coding.fingerprint) {
    // A read-only store whose table is out of date (a writer opened it since): still right,
    // only slower.
    return RankInMemory(db, request, analysis::TargetWeights{}, coding);
  }
  store::TargetPageRequest page_request = TargetTableFilter(request.filter, request.open_only);
  page_request.order = StoreOrder(request.sort);
  page_request.is_descending = request.is_descending;
  page_request.limit = request.limit;
  page_request.offset = request.offset;
  ASSIGN_OR_RETURN(const store::TargetPage page, store::ReadTargetPage(db, page_request));
  TargetsAnswer answer;
  answer.total = page.total;
  for (const store::TargetPageRow& row : page.rows) {
    ASSIGN_OR_RETURN(analysis::Target target, TargetFromJson(row.document));
    answer.targets.push_back({row.rank, std::move(target)});
  }
  return answer;
}

nlohmann::json ToJson(const TargetsAnswer& answer) {
  nlohmann::json array = nlohmann::json::array();
  for (const RankedTarget& entry : answer.targets) {
    nlohmann::json target = TargetJson(entry.target);
    target["rank"] = entry.rank;
    array.push_back(std::move(target));
  }
  return array;
}

}  // namespace downballot::query
