// `downballot map`: opportunity per state (the dashboard's map).
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterMapCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
