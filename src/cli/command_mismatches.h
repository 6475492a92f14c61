// `downballot mismatches`: counties where precinct sums disagree with the county file.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterMismatchesCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
