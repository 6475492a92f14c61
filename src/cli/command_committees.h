// `downballot committees FILE...`: per-committee receipt totals straight from FEC itcont files.
#pragma once

#include "CLI/CLI.hpp"
#include "cli/app_context.h"

namespace downballot::cli {

// Adds the `committees` subcommand to `app`. It needs no store: it reads the files named on the
// command line, prints one line per CMTE_ID on stdout (docs/committees.md) and an account of
// the rows read on stderr, and sets `exit_code` (0, or 1 when a file cannot be read, 2 for a
// bad option). `context` and `exit_code` must outlive `app`'s parse.
void RegisterCommitteesCommand(CLI::App& app, AppContext& context, int& exit_code);

}  // namespace downballot::cli
