#include "binary_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

namespace downballot::testing {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CommandResult RunDownballot(const fs::path& store, const std::string& args) {
  const fs::path err_path = store.parent_path() / "stderr.txt";
  const std::string command = "'" + kBinary + "' --store '" + store.string() + "' " + args +
                              " 2>'" + err_path.string() + "'";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  size_t num_read = 0;
  while ((num_read = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    result.out.append(buffer, num_read);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = ReadText(err_path);
  return result;
}

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("downballot_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> cells(1);
  bool is_in_quotes = false;
  for (const char c : line) {
    if (c == '"') {
      is_in_quotes = !is_in_quotes;
    } else if (c == ',' && !is_in_quotes) {
      cells.emplace_back();
    } else if (c != '\r') {
      cells.back().push_back(c);
    }
  }
  return cells;
}

}  // namespace downballot::testing
