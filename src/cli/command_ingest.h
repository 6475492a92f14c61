// `downballot ingest PATH... | --data DIR`: load results and candidate files, then report.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

// Adds the `ingest` subcommand; its callback stores its exit code in `exit_code`.
void RegisterIngestCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
