#include "server/api.h"

#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "query/bodies.h"
#include "query/check.h"
#include "query/empty_answer.h"
#include "query/files.h"
#include "query/forecast.h"
#include "query/leverage.h"
#include "query/money.h"
#include "query/opportunity_map.h"
#include "query/plan.h"
#include "query/races.h"
#include "query/slates.h"
#include "query/summary.h"
#include "query/table.h"
#include "query/targets.h"

namespace downballot::server {
namespace {

ApiResponse ErrorResponse(const absl::Status& status) {
  int http = 500;
  std::string_view code = "internal";
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
      http = 400;
      code = "invalid_argument";
      break;
    case absl::StatusCode::kNotFound:
      http = 404;
      code = "not_found";
      break;
    case absl::StatusCode::kFailedPrecondition:
      http = 409;
      code = "failed_precondition";
      break;
    default:
      break;
  }
  nlohmann::json body = {{"error", {{"code", code}, {"message", std::string(status.message())}}}};
  return {http, query::JsonText(body), std::nullopt};
}

ApiResponse Ok(const nlohmann::json& value, std::optional<int64_t> total = std::nullopt) {
  return {200, query::JsonText(value), total};
}

// The path's segments after "/api/": "races/ID/plan" -> {"races", "ID", "plan"}.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// The API pages every list: limit 1..kMaxPageSize, default query::kDefaultPageSize.
absl::Status CheckPage(const query::Params& params) {
  if (!params.Has("limit")) return absl::OkStatus();
  return params.Integer("limit", 1, kMaxPageSize, query::kDefaultPageSize).status();
}

query::Params WithDefaultLimit(const query::Params& params) {
  if (params.Has("limit")) return params;
  query::Params paged = params;
  paged.Set("limit", std::to_string(query::kDefaultPageSize));
  return paged;
}

absl::StatusOr<ApiResponse> Route(store::Database& db, const ApiContext& context,
                                  std::string_view path, const query::Params& params) {
  const std::vector<std::string_view> parts = Segments(path);
  const auto no_params = [&]() { return params.CheckNames({}); };
  if (parts.size() == 1 && parts[0] == "targets") {
    RETURN_IF_ERROR(CheckPage(params));
    ASSIGN_OR_RETURN(const query::TargetsRequest request,
                     query::ParseTargetsRequest(WithDefaultLimit(params)));
    ASSIGN_OR_RETURN(const query::TargetsAnswer answer,
                     query::AnswerTargets(db, request, context.coding));
    return Ok(query::ToJson(answer), answer.total);
  }
  if (parts.size() == 1 && parts[0] == "races") {
    RETURN_IF_ERROR(CheckPage(params));
    ASSIGN_OR_RETURN(const query::RacesRequest request,
                     query::ParseRacesRequest(WithDefaultLimit(params)));
    ASSIGN_OR_RETURN(const query::RacesAnswer answer, query::AnswerRaces(db, request));
    return Ok(query::ToJson(answer), answer.total);
  }
  if (parts.size() == 2 && parts[0] == "races") {
    RETURN_IF_ERROR(no_params());
    ASSIGN_OR_RETURN(const query::RaceDetail detail, query::AnswerRace(db, std::string(parts[1])));
    return Ok(query::ToJson(detail));
  }
  if (parts.size() == 3 && parts[0] == "races" && parts[2] == "plan") {
    ASSIGN_OR_RETURN(const query::PlanRequest request,
                     query::ParsePlanRequest(std::string(parts[1]), "", params));
    ASSIGN_OR_RETURN(const analysis::Plan plan, query::AnswerPlan(db, request));
    return Ok(query::ToJson(plan));
  }
  if (parts.size() == 1 && parts[0] == "bodies") {
    ASSIGN_OR_RETURN(const query::BodiesRequest request, query::ParseBodiesRequest(params));
    ASSIGN_OR_RETURN(const query::BodiesData data,
                     query::LoadPartyBodies(db, context.offices, request));
    return Ok(query::ToJson(data.bodies));
  }
  if (parts.size() == 3 && parts[0] == "bodies" && parts[2] == "takeover") {
    ASSIGN_OR_RETURN(const analysis::PlanAssumptions assumptions,
                     query::ParseAssumptions("", params));
    ASSIGN_OR_RETURN(
        const query::TakeoverAnswer answer,
        query::AnswerTakeover(db, context.offices, {std::string(parts[1]), assumptions}));
    return Ok(query::ToJson(answer));
  }
  if (parts.size() == 1 && parts[0] == "money") {
    ASSIGN_OR_RETURN(const query::MoneyRequest request, query::ParseMoneyRequest(params));
    ASSIGN_OR_RETURN(const query::MoneyAnswer answer,
                     query::AnswerMoney(db, request, context.coding));
    return Ok(query::ToJson(answer));
  }
  if (parts.size() == 1 && parts[0] == "files") {
    RETURN_IF_ERROR(query::ParseFilesRequest(params));
    ASSIGN_OR_RETURN(const query::Table files, query::AnswerFiles(db));
    return Ok(query::ToJson(files));
  }
  if (parts.size() == 1 && parts[0] == "map") {
    ASSIGN_OR_RETURN(const analysis::TargetFilter filter, query::ParseMapRequest(params));
    ASSIGN_OR_RETURN(const query::MapAnswer map, query::AnswerMap(db, filter, context.coding));
    return Ok(query::ToJson(map));
  }
  if (parts.size() == 1 && parts[0] == "summary") {
    RETURN_IF_ERROR(query::ParseSummaryRequest(params));
    ASSIGN_OR_RETURN(const query::SummaryAnswer answer, query::AnswerSummary(db));
    return Ok(query::ToJson(answer));
  }
  if (parts.size() == 1 && parts[0] == "why-empty") {
    ASSIGN_OR_RETURN(const query::WhyEmptyRequest request, query::ParseWhyEmptyRequest(params));
    ASSIGN_OR_RETURN(const query::SummaryAnswer summary, query::AnswerSummary(db));
    return Ok(query::WhyEmptyJson(request, summary));
  }
  if (parts.size() == 1 && parts[0] == "slates") {
    ASSIGN_OR_RETURN(const query::SlatesRequest request, query::ParseSlatesRequest(params));
    ASSIGN_OR_RETURN(const query::SlatesAnswer answer, query::AnswerSlates(db, request));
    return Ok(query::ToJson(answer));
  }
  if (parts.size() == 1 && parts[0] == "leverage") {
    ASSIGN_OR_RETURN(const query::LeverageRequest request, query::ParseLeverageRequest(params));
    ASSIGN_OR_RETURN(const query::LeverageAnswer answer, query::AnswerLeverage(db, request));
    return Ok(query::ToJson(answer.rows));
  }
  if (parts.size() == 1 && parts[0] == "check") {
    ASSIGN_OR_RETURN(const query::CheckRequest request, query::ParseCheckRequest(params));
    ASSIGN_OR_RETURN(const query::CheckAnswer answer, query::AnswerCheck(db, request));
    return Ok(query::ToJson(answer.issues));
  }
  // A race's forecast, or every primary of a cycle's (`/api/forecast?cycle=YEAR`).
  if ((parts.size() == 3 && parts[0] == "races" && parts[2] == "forecast") ||
      (parts.size() == 1 && parts[0] == "forecast")) {
    ASSIGN_OR_RETURN(
        const query::ForecastRequest request,
        query::ParseForecastRequest(parts.size() == 3 ? std::string(parts[1]) : "", params));
    ASSIGN_OR_RETURN(const query::ForecastAnswer answer, query::AnswerForecast(db, request));
    return Ok(query::ToJson(answer));
  }
  if (parts.size() == 2 && parts[0] == "forecast" && parts[1] == "evaluation") {
    ASSIGN_OR_RETURN(const query::EvaluationRequest request, query::ParseEvaluationRequest(params));
    ASSIGN_OR_RETURN(const query::EvaluationAnswer answer, query::AnswerEvaluation(db, request));
    return Ok(query::ToJson(answer));
  }
  return absl::NotFoundError(
      fmt::format("no endpoint /api/{} (docs/api.md lists them)", path.substr(0, 100)));
}

}  // namespace

ApiResponse HandleApi(store::Database& db, const ApiContext& context, std::string_view path,
                      const query::Params& params) {
  absl::StatusOr<ApiResponse> response = Route(db, context, path, params);
  if (!response.ok()) return ErrorResponse(response.status());
  return *std::move(response);
}

}  // namespace downballot::server
