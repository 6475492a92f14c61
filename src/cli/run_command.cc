#include "cli/run_command.h"

#include <iostream>

namespace downballot::cli {

int RunCommand(std::string_view command, const std::function<absl::Status()>& body) {
  const absl::Status status = body();
  if (status.ok()) return 0;
  std::cerr << "downballot " << command << ": " << status.message() << '\n';
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

}  // namespace downballot::cli
