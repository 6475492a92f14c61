// `plan ID`: what a campaign for the seat takes, from turnout to budget, with the coefficients
// the caller gives.
#pragma once

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "analysis/campaign_plan.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "store/database.h"

namespace downballot::query {

struct PlanRequest {
  std::string race_id;
  analysis::PlanAssumptions assumptions;
};

// The plan coefficients: `params` are overrides (keys of config/plan.conf) applied over the file
// at `assumptions_path` ("" = none) and the defaults. InvalidArgument naming the key.
[[nodiscard]] absl::StatusOr<analysis::PlanAssumptions> ParseAssumptions(
    const std::string& assumptions_path, const Params& params);

// The race and its coefficients (ParseAssumptions).
[[nodiscard]] absl::StatusOr<PlanRequest> ParsePlanRequest(std::string race_id,
                                                           const std::string& assumptions_path,
                                                           const Params& params);

// The plan of the race: its seat's history and every primary of its stage and level are read
// for the comparables. NotFound for an unknown race.
[[nodiscard]] absl::StatusOr<analysis::Plan> AnswerPlan(store::Database& db,
                                                        const PlanRequest& request);

[[nodiscard]] nlohmann::json ToJson(const analysis::Plan& plan);
// One scenario of the plan chain (`plan` and `takeover` print the same fields).
[[nodiscard]] nlohmann::json PlanScenarioJson(const analysis::PlanScenario& scenario);

}  // namespace downballot::query
