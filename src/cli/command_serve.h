// `downballot serve`: the JSON API and the dashboard over HTTP (src/server/).
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterServeCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
