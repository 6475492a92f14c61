// `downballot forecast`: primary win probabilities from the conditional-logit model, its
// leave-one-state-out evaluation, and the saved model.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterForecastCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
