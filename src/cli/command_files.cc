#include "cli/command_files.h"

#include <iostream>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "query/files.h"
#include "query/store_access.h"

namespace downballot::cli {

void RegisterFilesCommand(CLI::App& app, AppContext& context, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "files",
      "The ingest history: every file in the store, newest first, with its kind, size, rows\n"
      "read, stored and rejected, and when it was read (`ingest` prints each file's rejects).");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code] {
    exit_code = RunCommand("files", [&]() -> absl::Status {
      ASSIGN_OR_RETURN(const OutputFormat format, context.format());
      ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
      ASSIGN_OR_RETURN(const Table files, query::AnswerFiles(*db));
      context.Show(files, format);
      return absl::OkStatus();
    });
  });
}

}  // namespace downballot::cli
