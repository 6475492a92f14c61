// `downballot leverage`: minor-party votes against the winning margin in general elections.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterLeverageCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
