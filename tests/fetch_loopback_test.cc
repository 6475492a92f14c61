// `downballot fetch` against a loopback HTTP server started by the test, serving files copied
// from ../shared/data: no test touches the internet.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "binary_runner.h"
#include "fetch/git_blob_hash.h"
#include "fetch/http_download.h"
#include "httplib.h"
#include "nlohmann/json.hpp"

namespace downballot {
namespace {

namespace fs = std::filesystem;

using testing::CommandResult;
using testing::FreshDir;
using testing::kData;
using testing::ReadText;
using testing::RunDownballot;

// Serves the shared data under the URL layout of each source, plus misbehaving paths.
class LoopbackServer {
 public:
  LoopbackServer() {
    // GitHub's git-trees listings of openelections-data-ny, built from the local folder: the
    // root (its year folders, "sha" = the folder's name here) and each folder recursively.
    server_.Get(R"(/tree/openelections-data-ny/git/trees/([^/?]+))", [](const httplib::Request& req,
                                                                        httplib::Response& res) {
      const fs::path repository = kData + "/openelections-ny";
      const std::string ref = req.matches[1].str();
      const bool is_root = ref == "master";
      const fs::path root = is_root ? repository : repository / ref;
      if (!is_root && (ref.find("..") != std::string::npos || !fs::is_directory(root))) {
        res.status = 404;
        return;
      }
      const bool is_recursive = req.has_param("recursive");
      nlohmann::json tree = nlohmann::json::array();
      const auto add = [&](const fs::directory_entry& entry) {
        const std::string path = fs::relative(entry.path(), root).string();
        if (entry.is_directory()) {
          tree.push_back({{"path", path}, {"type", "tree"}, {"sha", path}});
        } else if (entry.is_regular_file()) {
          tree.push_back({{"path", path},
                          {"type", "blob"},
                          {"size", entry.file_size()},
                          {"sha", *fetch::GitBlobSha1(entry.path())}});
        }
      };
      if (is_recursive) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) add(entry);
      } else {
        for (const auto& entry : fs::directory_iterator(root)) add(entry);
      }
      res.set_content(nlohmann::json({{"tree", tree}, {"truncated", false}}).dump(),
                      "application/json");
    });
    server_.Get(R"(/raw/openelections-data-ny/master/(.+))",
                [](const httplib::Request& req, httplib::Response& res) {
                  Serve(kData + "/openelections-ny/", req.matches[1].str(), res);
                });
    for (const auto& [prefix, folder] :
         std::map<std::string, std::string>{{"/538/", "/fivethirtyeight/"},
                                            {"/medsl/", "/medsl/2018-elections-official/"},
                                            {"/fips/", "/fips/"}}) {
      const std::string local = kData + folder;
      server_.Get(prefix + "(.+)", [local](const httplib::Request& req, httplib::Response& res) {
        Serve(local, req.matches[1].str(), res);
      });
    }
    // The first request gets half the file and a dropped connection; later ones honour Range.
    server_.Get("/flaky/cn.txt", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string body = ReadText(kCn);
      if (flaky_requests_++ == 0) {
        res.set_content_provider(body.size(), "text/plain",
                                 [body](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset >= body.size() / 2) return false;  // cut off
                                   sink.write(body.data() + offset, body.size() / 2 - offset);
                                   return true;
                                 });
        return;
      }
      last_range_ = req.get_header_value("Range");
      res.set_content(body, "text/plain");
    });
    // Always promises the whole file and stops halfway.
    server_.Get("/truncated/cn.txt", [](const httplib::Request&, httplib::Response& res) {
      const std::string body = ReadText(kCn);
      res.set_content_provider(body.size(), "text/plain",
                               [body](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset >= body.size() / 2) return false;
                                 sink.write(body.data() + offset, body.size() / 2 - offset);
                                 return true;
                               });
    });
    server_.Get("/silent/cn.txt", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::seconds(4));
      res.set_content("late", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~LoopbackServer() {
    server_.stop();
    thread_.join();
  }

  std::string Url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }
  std::string last_range() const { return last_range_; }

  static inline const std::string kCn = kData + "/fec/cycle2020_jk3587/cn.txt";

 private:
  // `relative` under `folder`, or a 404.
  static void Serve(const std::string& folder, const std::string& relative,
                    httplib::Response& res) {
    if (relative.find("..") != std::string::npos || !fs::is_regular_file(folder + relative)) {
      res.status = 404;
      return;
    }
    res.set_content(ReadText(folder + relative), "application/octet-stream");
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> flaky_requests_{0};
  std::string last_range_;
};

class Fetch : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kData + "/openelections-ny")) GTEST_SKIP() << "no " << kData;
    dir_ = FreshDir("fetch");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `downballot fetch ARGS` with every source pointed at the loopback server.
  CommandResult RunFetch(const LoopbackServer& server, const std::string& args) {
    return RunDownballot(
        dir_ / "s.db",
        "fetch --dest '" + (dir_ / "data").string() + "' --mirror openelections_tree=" +
            server.Url("/tree") + " --mirror openelections_raw=" + server.Url("/raw") +
            " --mirror fivethirtyeight=" + server.Url("/538") +
            " --mirror medsl=" + server.Url("/medsl") + " --mirror fips=" + server.Url("/fips") +
            " --mirror fec=" + server.Url("/fec") + " --stall-seconds 2 --format json " + args);
  }

  fs::path dir_;
};

TEST_F(Fetch, AStateFetchesWholeThenNothingNewAndIngests) {
  LoopbackServer server;
  const CommandResult first = RunFetch(server, "--state NY --cycle 2018");
  ASSERT_EQ(first.exit_code, 0) << first.err << first.out;
  const auto files = nlohmann::json::parse(first.out);
  int num_results = 0;
  for (const auto& file : files) {
    EXPECT_EQ(file["status"], "fetched") << file;
    const std::string dest = file["dest"];
    if (file["what"] == "results") {
      ++num_results;
      // Byte for byte the file served.
      const std::string source = kData + "/openelections-ny/" + dest.substr(dest.find('/') + 1);
      EXPECT_EQ(ReadText(dir_ / "data" / dest), ReadText(source)) << dest;
    }
  }
  EXPECT_GT(num_results, 10);
  EXPECT_TRUE(fs::exists(dir_ / "data" / "fetch-manifest.json"));
  EXPECT_TRUE(
      fs::exists(dir_ / "data" / "fivethirtyeight/primary-candidates-2018/dem_candidates.csv"));

  const CommandResult again = RunFetch(server, "--state NY --cycle 2018");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  for (const auto& file : nlohmann::json::parse(again.out)) {
    EXPECT_EQ(file["status"], "unchanged") << file;
    EXPECT_EQ(file["bytes_transferred"], 0) << file;
  }

  const CommandResult ingest = RunDownballot(
      dir_ / "s.db", "ingest --data '" + (dir_ / "data").string() + "' --format json");
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  const CommandResult races = RunDownballot(
      dir_ / "s.db", "races --state NY --office 'U.S. House' --district 14 --stage primary");
  EXPECT_NE(races.out.find("ny.2018-06-26.primary.dem.u-s-house.14"), std::string::npos)
      << races.out;
}

TEST_F(Fetch, MissingFilesFailByNameAndTheRestStillArrive) {
  LoopbackServer server;
  // The loopback FEC folder is empty: every FEC file is a 404; the fixed files still arrive.
  const CommandResult result = RunFetch(server, "--what fec,lean --cycle 2020");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  int num_failed = 0;
  int num_fetched = 0;
  for (const auto& file : nlohmann::json::parse(result.out)) {
    if (file["status"] == "failed") {
      ++num_failed;
      EXPECT_NE(file["error"].get<std::string>().find("not found (HTTP 404)"), std::string::npos);
    } else {
      ++num_fetched;
    }
  }
  EXPECT_EQ(num_failed, 7);
  EXPECT_EQ(num_fetched, 2);
  EXPECT_NE(result.err.find("run the same command again"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir_ / "data/fec/2020/cn20.zip"));
}

TEST_F(Fetch, AYearTheRepositoryLacksNamesTheYearsItHas) {
  LoopbackServer server;
  const CommandResult result = RunFetch(server, "--state NY --cycle 2012 --what results");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("openelections-data-ny has no 2012 folder; its years: 2016, 2018"),
            std::string::npos)
      << result.err;
}

TEST_F(Fetch, UsageErrorsNameTheOption) {
  LoopbackServer server;
  EXPECT_EQ(RunFetch(server, "--what results").exit_code, 2);  // no --state
  const CommandResult kind = RunFetch(server, "--what reslts --state NY");
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_NE(kind.err.find("did you mean 'results'?"), std::string::npos) << kind.err;
  EXPECT_EQ(RunFetch(server, "--what fec --cycle 2019").exit_code, 2);  // odd cycle
  const CommandResult mirror =
      RunDownballot(dir_ / "s.db", "fetch --what lean --mirror fipz=http://x");
  EXPECT_EQ(mirror.exit_code, 2);
  EXPECT_NE(mirror.err.find("did you mean 'fips'?"), std::string::npos) << mirror.err;
  const CommandResult state = RunFetch(server, "--state Nwe York --cycle 2018");
  EXPECT_EQ(state.exit_code, 2);
}

TEST_F(Fetch, AnInterruptedTransferResumesWithARange) {
  LoopbackServer server;
  fetch::DownloadOptions options;
  options.first_backoff = std::chrono::milliseconds(10);
  const std::string want = ReadText(LoopbackServer::kCn);
  const auto result = fetch::Download(server.Url("/flaky/cn.txt"), dir_ / "cn.txt", options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(ReadText(dir_ / "cn.txt"), want);
  EXPECT_TRUE(result->was_resumed);
  EXPECT_EQ(result->attempts, 2);
  EXPECT_EQ(server.last_range(), "bytes=" + std::to_string(want.size() / 2) + "-");
  EXPECT_FALSE(fs::exists(dir_ / "cn.txt.part"));
}

TEST_F(Fetch, ATruncatedBodyIsNeverKept) {
  LoopbackServer server;
  fetch::DownloadOptions options;
  options.first_backoff = std::chrono::milliseconds(10);
  options.max_attempts = 2;
  const auto result = fetch::Download(server.Url("/truncated/cn.txt"), dir_ / "cn.txt", options);
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(fs::exists(dir_ / "cn.txt"));  // only the .part, for a later resume
}

TEST_F(Fetch, AWrongSizeIsRefused) {
  LoopbackServer server;
  fetch::DownloadOptions options;
  options.expected_size = 12345;  // what a listing said; the server sends cn.txt's 376,717 bytes
  const auto result = fetch::Download(server.Url("/538/primary-candidates-2018/dem_candidates.csv"),
                                      dir_ / "dem.csv", options);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kDataLoss) << result.status();
  EXPECT_FALSE(fs::exists(dir_ / "dem.csv"));
  EXPECT_FALSE(fs::exists(dir_ / "dem.csv.part"));
}

// The listing's git blob id is checked: a body of the right size with other bytes is refused.
TEST_F(Fetch, AWrongChecksumIsRefused) {
  LoopbackServer server;
  fetch::DownloadOptions options;
  const std::string path = kData + "/fivethirtyeight/primary-candidates-2018/dem_candidates.csv";
  options.expected_size = static_cast<int64_t>(fs::file_size(path));
  options.git_blob_sha1 = fetch::GitBlobSha1OfBytes("something else");
  const auto wrong = fetch::Download(server.Url("/538/primary-candidates-2018/dem_candidates.csv"),
                                     dir_ / "dem.csv", options);
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kDataLoss) << wrong.status();
  EXPECT_NE(wrong.status().message().find("git blob id"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "dem.csv"));
  options.git_blob_sha1 = *fetch::GitBlobSha1(path);
  const auto right = fetch::Download(server.Url("/538/primary-candidates-2018/dem_candidates.csv"),
                                     dir_ / "dem.csv", options);
  EXPECT_TRUE(right.ok()) << right.status();
}

TEST_F(Fetch, AServerThatNeverAnswersTimesOut) {
  LoopbackServer server;
  fetch::DownloadOptions options;
  options.stall_seconds = 1;
  options.max_attempts = 1;
  const auto start = std::chrono::steady_clock::now();
  const auto result = fetch::Download(server.Url("/silent/cn.txt"), dir_ / "cn.txt", options);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(result.status().code(), absl::StatusCode::kDeadlineExceeded) << result.status();
  EXPECT_LT(took, std::chrono::seconds(4));
}

TEST_F(Fetch, NoServerIsOfflineWithTheNextStep) {
  fetch::DownloadOptions options;
  options.max_attempts = 1;
  options.connect_timeout_seconds = 2;
  // Port 9 (discard) on loopback: nothing listens, the connection is refused.
  const auto result = fetch::Download("http://127.0.0.1:9/x", dir_ / "x", options);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable) << result.status();
  EXPECT_NE(result.status().message().find("--data DIR"), std::string::npos);
}

}  // namespace
}  // namespace downballot
