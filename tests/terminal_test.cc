// Runs the real binary on a pseudo-terminal 100 columns wide: tables must fit without wrapping.
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "binary_runner.h"

namespace downballot {
namespace {

namespace fs = std::filesystem;

using testing::CommandResult;
using testing::FreshDir;
using testing::kBinary;
using testing::kData;
using testing::RunDownballot;

constexpr unsigned short kColumns = 100;

// What `downballot --store STORE ARGS...` prints on a terminal `columns` wide (stdout and
// stderr both, as a user sees them), with the terminal's CR before each newline removed.
std::string RunOnTerminal(const fs::path& store, const std::vector<std::string>& args,
                          unsigned short columns) {
  winsize size{};
  size.ws_row = 50;
  size.ws_col = columns;
  int terminal = -1;
  const pid_t child = forkpty(&terminal, nullptr, nullptr, &size);
  if (child < 0) return "forkpty failed";
  if (child == 0) {
    std::vector<std::string> words = {kBinary, "--store", store.string()};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    execv(kBinary.c_str(), argv.data());
    _exit(127);
  }
  std::string printed;
  char buffer[4096];
  for (;;) {
    const ssize_t num_read = read(terminal, buffer, sizeof buffer);
    if (num_read > 0) {
      printed.append(buffer, static_cast<size_t>(num_read));
    } else if (num_read < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has exited and its side of the terminal is closed
    }
  }
  close(terminal);
  int status = 0;
  waitpid(child, &status, 0);
  std::string lines;
  for (const char c : printed) {
    if (c != '\r') lines.push_back(c);
  }
  return lines;
}

size_t DisplayWidth(const std::string& line) {
  size_t width = 0;
  for (const char c : line) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

class Terminal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kData + "/openelections-ny") || !fs::exists(kData + "/fec")) return;
    dir_ = FreshDir("terminal");
    store_ = dir_ / "s.db";
    const CommandResult results = RunDownballot(store_, "ingest '" + kData + "/openelections-ny'");
    const CommandResult medsl = RunDownballot(store_, "ingest '" + kData + "/medsl'");
    const CommandResult money =
        RunDownballot(store_, "ingest fec '" + kData + "/fec/cycle2020_jk3587' --cycle 2020");
    ingested_ = results.exit_code == 0 && medsl.exit_code == 0 && money.exit_code == 0;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!fs::exists(kData + "/openelections-ny") || !fs::exists(kData + "/fec")) {
      GTEST_SKIP() << "no " << kData;
    }
    ASSERT_TRUE(ingested_);
  }

  static fs::path dir_;
  static fs::path store_;
  static bool ingested_;
};
fs::path Terminal::dir_;
fs::path Terminal::store_;
bool Terminal::ingested_ = false;

TEST_F(Terminal, ListingsFitOneHundredColumns) {
  const std::vector<std::vector<std::string>> commands = {
      {"targets"},
      {"targets", "--level", "party", "--limit", "60"},
      {"leverage"},
      {"races", "--limit", "200"},
      {"races", "--state", "NY", "--level", "party", "--limit", "100"},
      {"money", "H8CO03192"},
      {"money", "OCASIO"},
      {"check"},
      {"plan", "ny.2018-06-26.primary.dem.u-s-house.14"},
      {"race", "ny.2018-06-26.primary.dem.u-s-house.14"},
  };
  for (const std::vector<std::string>& args : commands) {
    const std::string printed = RunOnTerminal(store_, args, kColumns);
    SCOPED_TRACE(args.front() + (args.size() > 1 ? " " + args[1] : ""));
    std::istringstream lines(printed);
    std::string line;
    int num_lines = 0;
    while (std::getline(lines, line)) {
      ++num_lines;
      EXPECT_LE(DisplayWidth(line), kColumns) << line;
    }
    EXPECT_GT(num_lines, 3) << printed;
  }
}

// On a terminal the default table is the key columns; --wide shows every column, and a pipe
// (CSV) always has them all.
TEST_F(Terminal, WideShowsEveryColumnAndCsvAlwaysDoes) {
  const std::string narrow = RunOnTerminal(store_, {"targets", "--limit", "3"}, kColumns);
  EXPECT_EQ(narrow.find("uncontested_last_primary"), std::string::npos) << narrow;
  EXPECT_NE(narrow.find("--wide shows them all"), std::string::npos) << narrow;
  const std::string wide = RunOnTerminal(store_, {"targets", "--limit", "3", "--wide"}, kColumns);
  EXPECT_NE(wide.find("uncontested_last_primary"), std::string::npos) << wide;
  const CommandResult csv = RunDownballot(store_, "targets --limit 3");
  EXPECT_NE(csv.out.find("uncontested_last_primary"), std::string::npos) << csv.out;
}

}  // namespace
}  // namespace downballot
