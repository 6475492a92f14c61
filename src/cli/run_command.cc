#include "cli/run_command.h"

#include <unistd.h>

#include <iostream>
#include <string>

#include "cli/output.h"

namespace downballot::cli {

int RunCommand(std::string_view command, const std::function<absl::Status()>& body) {
  const absl::Status status = body();
  if (status.ok()) return 0;
  const std::string message =
      "downballot " + std::string(command) + ": " + std::string(status.message());
  std::cerr << FitToTerminal(message, STDERR_FILENO) << '\n';
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

}  // namespace downballot::cli
