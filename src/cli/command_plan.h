// `downballot plan ID`: what a campaign for the seat takes, from turnout to budget.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterPlanCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
