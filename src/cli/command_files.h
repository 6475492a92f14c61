// `downballot files`: the ingest history (what the store holds and when it was read).
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterFilesCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
