// `downballot bodies` and `downballot takeover BODY`: party bodies as units, and the cheapest
// majority of one.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterBodiesCommands(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
