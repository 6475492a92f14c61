// `downballot plan ID`: what a campaign for the seat takes, from turnout to budget.
#pragma once

#include "CLI/CLI.hpp"
#include "analysis/campaign_plan.h"
#include "cli/app_context.h"
#include "nlohmann/json.hpp"

namespace downballot::cli {

void RegisterPlanCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
