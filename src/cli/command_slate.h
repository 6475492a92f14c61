// `downballot slate`: endorsement-group scoreboards from the loaded primary candidates.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterSlateCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
