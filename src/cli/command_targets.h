// `downballot targets`: seats ranked by an explainable opportunity score.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterTargetsCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
