// `downballot mismatches`: candidates whose votes differ between two sources of one race.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterMismatchesCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
