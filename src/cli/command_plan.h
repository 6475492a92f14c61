// `downballot plan ID`: what a campaign for the seat takes, from turnout to budget.
#pragma once

#include "CLI/CLI.hpp"
#include "analysis/campaign_plan.h"
#include "cli/app_context.h"
#include "nlohmann/json.hpp"

namespace downballot::cli {

// One scenario of the plan chain as JSON (`plan` and `takeover` print the same fields).
[[nodiscard]] nlohmann::json PlanScenarioJson(const analysis::PlanScenario& scenario);

void RegisterPlanCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
