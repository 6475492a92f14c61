// Issue 14's acceptance checks on the real 2019-20 FEC sample: `ingest fec` within a memory
// budget (spilling to temporary files) stores the same bytes, a zip the same as its file, a
// cut zip nothing, and a kill during a spilling ingest leaves the store before or after.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "binary_runner.h"
#include "ingest/test_files.h"
#include "nlohmann/json.hpp"
#include "store/database.h"

namespace downballot {
namespace {

namespace fs = std::filesystem;

using testing::CommandResult;
using testing::FreshDir;
using testing::kBinary;
using testing::kData;
using testing::ReadText;
using testing::RunDownballot;

const std::string kItcont = kData + "/fec/cycle2020_jk3587/itcont.txt";

// Every stored donor total, byte for byte, and the files' accounting: what must not depend on
// the budget, the threads or the zip. "" when the store cannot be read.
std::string DonorTotals(const fs::path& store) {
  auto db = store::Database::Open(store.string(), {});
  if (!db.ok()) return "";
  std::string out;
  auto statement = (*db)->Prepare(
      "SELECT d.cmte_id || '|' || d.entries || '|' || d.rows || '|' || hex(d.packed) || '|' || "
      "f.rows_read || '|' || f.rows_stored || '|' || f.rows_rejected FROM fec_committee_donors d "
      "JOIN source_file f ON f.id = d.file_id ORDER BY d.cmte_id");
  if (!statement.ok()) return "";
  while (true) {
    auto has_row = statement->Step();
    if (!has_row.ok() || !*has_row) break;
    out += statement->ColumnText(0);
    out += '\n';
  }
  return out;
}

// The folder's entries that are neither the store nor the test's own files.
std::set<std::string> StrayFiles(const fs::path& dir) {
  static const std::set<std::string> kExpected = {"s.db", "s.db-wal", "s.db-shm", "stderr.txt",
                                                  "itcont.txt"};
  std::set<std::string> stray;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (kExpected.count(name) == 0 && entry.path().extension() != ".zip" && !entry.is_directory()) {
      stray.insert(name);
    }
  }
  return stray;
}

class FecScale : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kItcont)) GTEST_SKIP() << "no " << kItcont;
  }
};

TEST_F(FecScale, SpillingStoresTheSameTotalsAndMoney) {
  const fs::path roomy_dir = FreshDir("fec_roomy");
  const fs::path tight_dir = FreshDir("fec_tight");
  const CommandResult roomy =
      RunDownballot(roomy_dir / "s.db", "ingest fec '" + kItcont + "' --cycle 2020 --format json");
  ASSERT_EQ(roomy.exit_code, 0) << roomy.err;
  EXPECT_EQ(roomy.out.find("temporary files"), std::string::npos) << roomy.out;
  // 64 KiB, the least --memory takes: rows and totals both go to temporary files.
  const CommandResult tight = RunDownballot(
      tight_dir / "s.db", "ingest fec '" + kItcont + "' --cycle 2020 --memory 64K --format json");
  ASSERT_EQ(tight.exit_code, 0) << tight.err;
  EXPECT_NE(tight.out.find("held in temporary files to stay within the memory budget of 64 KiB"),
            std::string::npos)
      << tight.out;
  const std::string want = DonorTotals(roomy_dir / "s.db");
  ASSERT_GT(want.size(), 1000u);
  EXPECT_EQ(DonorTotals(tight_dir / "s.db"), want);
  EXPECT_TRUE(StrayFiles(tight_dir).empty());
  // `money` reads the same figures from both.
  const std::string cn = kData + "/fec/cycle2020_jk3587/cn.txt";
  for (const fs::path& dir : {roomy_dir, tight_dir}) {
    ASSERT_EQ(RunDownballot(dir / "s.db", "ingest fec '" + cn + "' --cycle 2020").exit_code, 0);
  }
  for (const char* candidate : {"H8CO03192", "H8WV02107", "H8IL04159"}) {
    SCOPED_TRACE(candidate);
    const std::string args = std::string("money ") + candidate + " --cycle 2020 --format json";
    const CommandResult want_money = RunDownballot(roomy_dir / "s.db", args);
    ASSERT_EQ(want_money.exit_code, 0) << want_money.err;
    EXPECT_EQ(RunDownballot(tight_dir / "s.db", args).out, want_money.out);
  }
  fs::remove_all(roomy_dir);
  fs::remove_all(tight_dir);
}

TEST_F(FecScale, AZipStoresWhatItsFileStores) {
  const fs::path dir = FreshDir("fec_zip");
  const std::string text = ReadText(kItcont);
  ingest::testing::WriteZip((dir / "indiv20.zip").string(), {{"itcont.txt", text}});
  fs::create_directories(dir / "plain");
  const CommandResult plain = RunDownballot(
      dir / "plain" / "s.db", "ingest fec '" + kItcont + "' --cycle 2020 --format json");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const CommandResult zipped = RunDownballot(
      dir / "s.db", "ingest fec '" + (dir / "indiv20.zip").string() + "' --format json");
  ASSERT_EQ(zipped.exit_code, 0) << zipped.err;
  const auto report = nlohmann::json::parse(zipped.out);
  EXPECT_EQ(report["rows_read"], 70671);
  EXPECT_EQ(DonorTotals(dir / "s.db"), DonorTotals(dir / "plain" / "s.db"));
  fs::remove_all(dir);
}

TEST_F(FecScale, ACutZipFailsNamingFileAndLineAndStoresNothing) {
  const fs::path dir = FreshDir("fec_cut");
  const fs::path store = dir / "s.db";
  const std::string text = ReadText(kItcont);
  ASSERT_EQ(RunDownballot(store, "ingest fec '" + kData +
                                     "/fec/cycle2020_jk3587/cn.txt' "
                                     "--cycle 2020")
                .exit_code,
            0);
  const std::string before = DonorTotals(store);
  auto db = store::Database::Open(store.string(), {});
  ASSERT_TRUE(db.ok());
  const int64_t files_before = *(*db)->QueryInt("SELECT count(*) FROM source_file");

  // The archive cut in half: inflating fails partway through the member.
  fs::create_directories(dir / "whole");
  ingest::testing::WriteZip((dir / "whole" / "indiv20.zip").string(), {{"itcont.txt", text}});
  const std::string zip = ReadText(dir / "whole" / "indiv20.zip");
  fs::create_directories(dir / "archive_cut");
  std::ofstream(dir / "archive_cut" / "indiv20.zip", std::ios::binary)
      << zip.substr(0, zip.size() / 2);
  // A whole archive whose member ends in the middle of a line.
  fs::create_directories(dir / "member_cut");
  const size_t half = text.size() / 2;
  const size_t cut = text.find('\n', half) + 10;
  ingest::testing::WriteZip((dir / "member_cut" / "indiv20.zip").string(),
                            {{"itcont.txt", text.substr(0, cut)}});
  const int64_t cut_line =
      std::count(text.begin(), text.begin() + static_cast<int64_t>(cut), '\n') + 1;

  for (const auto& [folder, want] :
       {std::pair<std::string, std::string>{"archive_cut", "is corrupt or truncated"},
        std::pair<std::string, std::string>{
            "member_cut", "indiv20.zip:" + std::to_string(cut_line) + ": file is truncated"}}) {
    SCOPED_TRACE(folder);
    const std::string path = (dir / folder / "indiv20.zip").string();
    const CommandResult failed = RunDownballot(store, "ingest fec '" + path + "' --memory 64K");
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find(path), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find(want), std::string::npos) << failed.err;
    if (folder == "archive_cut") {
      EXPECT_NE(failed.err.find("(after line "), std::string::npos) << failed.err;
    }
    EXPECT_EQ(DonorTotals(store), before);
    EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM source_file"), files_before);
    EXPECT_TRUE(StrayFiles(dir).empty());
  }
  fs::remove_all(dir);
}

// SIGKILL at random moments of a spilling ingest, 20 times: each time the store holds the file
// whole or not at all, no temporary file is left, and the next run completes it.
TEST_F(FecScale, KilledSpillingIngestLeavesTheStoreBeforeOrAfter) {
  const fs::path dir = FreshDir("fec_kill");
  const fs::path store = dir / "s.db";
  fs::copy_file(kItcont, dir / "itcont.txt");
  const std::string args =
      "ingest fec '" + (dir / "itcont.txt").string() + "' --cycle 2020 --memory 64K --format json";
  // The whole store once, to know "after", and how long a run takes.
  const fs::path reference_dir = FreshDir("fec_kill_reference");
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunDownballot(reference_dir / "s.db", args).exit_code, 0);
  const auto run_time = std::chrono::steady_clock::now() - start;
  const std::string after = DonorTotals(reference_dir / "s.db");
  ASSERT_FALSE(after.empty());
  fs::remove_all(reference_dir);

  std::mt19937 random(20241105);
  const auto run_us = std::chrono::duration_cast<std::chrono::microseconds>(run_time).count();
  int num_killed = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    SCOPED_TRACE(attempt);
    fs::remove(store);
    fs::remove(dir / "s.db-wal");
    fs::remove(dir / "s.db-shm");
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, STDOUT_FILENO);
      dup2(devnull, STDERR_FILENO);
      const std::string itcont = (dir / "itcont.txt").string();
      execl(kBinary.c_str(), kBinary.c_str(), "--store", store.c_str(), "ingest", "fec",
            itcont.c_str(), "--cycle", "2020", "--memory", "64K", static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(
        std::chrono::microseconds(random() % static_cast<uint64_t>(run_us + 1)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++num_killed;
    // SQLite's own rollback journal may outlive a kill (the next open rolls it back); no
    // temporary file of ours may.
    std::set<std::string> stray = StrayFiles(dir);
    stray.erase("s.db-journal");
    EXPECT_TRUE(stray.empty()) << *stray.begin();
    const std::string got = fs::exists(store) ? DonorTotals(store) : "";
    EXPECT_TRUE(got.empty() || got == after) << "a partial store: " << got.size() << " bytes";
    // The next run completes the store.
    const CommandResult next = RunDownballot(store, args);
    EXPECT_EQ(next.exit_code, 0) << next.err;
    EXPECT_EQ(DonorTotals(store), after);
    EXPECT_TRUE(StrayFiles(dir).empty()) << *StrayFiles(dir).begin();
  }
  // Most kills land mid-run (a few may come after a fast run ended).
  EXPECT_GE(num_killed, 10);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace downballot
