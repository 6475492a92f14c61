// `downballot links`: which candidacies of loaded federal races are linked to FEC candidates.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterLinksCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
