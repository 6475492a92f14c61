// `downballot races` (list with filters) and `downballot race ID` (one race in full).
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterRacesCommand(CLI::App& app, AppContext& context, int& exit_code);
void RegisterRaceCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
