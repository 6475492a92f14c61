// Runs the real `downballot` binary for the cross-module tests, and finds the shared data.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace downballot::testing {

inline const std::string kBinary = DOWNBALLOT_BINARY_DIR "/src/cli/downballot";
inline const std::string kData = DOWNBALLOT_SOURCE_DIR "/../shared/data";

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The whole content of `path`; "" when it cannot be read.
std::string ReadText(const std::filesystem::path& path);

// Runs `downballot --store STORE ARGS` (ARGS as a shell would split them) with stdout and
// stderr captured; stderr goes through a file beside the store.
CommandResult RunDownballot(const std::filesystem::path& store, const std::string& args);

// The cells of one CSV line, quotes honoured and a trailing CR dropped: the tests read the data
// files independently of the parsers they check.
std::vector<std::string> SplitCsvLine(const std::string& line);

// An empty folder of the temporary directory, named after `name` and this process.
std::filesystem::path FreshDir(const std::string& name);

}  // namespace downballot::testing
