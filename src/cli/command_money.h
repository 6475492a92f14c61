// `downballot money CANDIDATE`: who funds a candidate, from the FEC files in the store.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterMoneyCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
