// `downballot check`: a data sanity report over everything loaded, each issue with its source rows.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterCheckCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
