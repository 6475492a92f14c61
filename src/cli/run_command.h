// Runs a command body and maps its status to an exit code and a message on stderr.
#pragma once

#include <functional>
#include <string_view>

#include "absl/status/status.h"

namespace downballot::cli {

// Exit 0 on OK; 2 for InvalidArgument (a usage error: a bad flag value); 1 for anything else
// (data or runtime errors). The message goes to stderr prefixed with "downballot COMMAND: ".
int RunCommand(std::string_view command, const std::function<absl::Status()>& body);

}  // namespace downballot::cli
