// `downballot summary`: what the store covers (states, years, levels, parties, files).
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterSummaryCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
