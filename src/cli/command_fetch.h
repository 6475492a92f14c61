// `downballot fetch`: public files from their publishers into a folder `ingest` reads.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

void RegisterFetchCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
