// `downballot serve` on a store built from ../shared/data: each endpoint's JSON equals the CLI's
// `--format json` for the same question; bad parameters, unknown ids, path traversal, injection
// strings, oversized and slow requests get the answers docs/api.md and docs/security.md promise.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "binary_runner.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace downballot::testing {
namespace {

// A raw HTTP/1.1 exchange on a fresh connection: what the server sent until it closed.
std::string Exchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return "";
  }
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t wrote = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (wrote <= 0) break;
    sent += static_cast<size_t>(wrote);
  }
  std::string reply;
  char buffer[65536];
  while (true) {
    const ssize_t got = recv(fd, buffer, sizeof(buffer), 0);
    if (got <= 0) break;
    reply.append(buffer, static_cast<size_t>(got));
  }
  close(fd);
  return reply;
}

struct HttpReply {
  int status = 0;
  std::string headers;
  std::string body;
};

HttpReply Get(int port, const std::string& target) {
  const std::string raw =
      Exchange(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  HttpReply reply;
  if (raw.size() < 12) return reply;
  reply.status = std::stoi(raw.substr(9, 3));
  const size_t split = raw.find("\r\n\r\n");
  reply.headers = raw.substr(0, split);
  if (split != std::string::npos) reply.body = raw.substr(split + 4);
  return reply;
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("DOWNBALLOT_DATA", kData.c_str(), 1);
    const std::filesystem::path dir = FreshDir("api");
    store_ = new std::filesystem::path(dir / "store.db");
    web_ = new std::filesystem::path(dir / "web");
    std::filesystem::create_directories(*web_);
    std::ofstream(*web_ / "index.html") << "<!doctype html><title>downballot</title>\n";
    std::ofstream(dir / "secret.txt") << "outside the web root\n";
    ASSERT_EQ(RunDownballot(*store_, "ingest --data " + kData).exit_code, 0);
    ASSERT_EQ(RunDownballot(*store_, "ingest fec " + kData + "/fec/cycle2020_jk3587 --cycle 2020")
                  .exit_code,
              0);
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    server_pid_ = fork();
    if (server_pid_ == 0) {
      dup2(pipe_fds[1], STDOUT_FILENO);
      close(pipe_fds[0]);
      const std::string store = store_->string();
      const std::string web = web_->string();
      execl(kBinary.c_str(), kBinary.c_str(), "--store", store.c_str(), "serve", "--port", "0",
            "--web", web.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(pipe_fds[1]);
    FILE* out = fdopen(pipe_fds[0], "r");
    char line[256] = {};
    ASSERT_NE(fgets(line, sizeof(line), out), nullptr) << "the server printed nothing";
    const std::string text = line;
    const size_t colon = text.rfind(':');
    ASSERT_NE(colon, std::string::npos) << text;
    port_ = std::stoi(text.substr(colon + 1));
  }

  static void TearDownTestSuite() {
    if (server_pid_ > 0) {
      kill(server_pid_, SIGTERM);
      waitpid(server_pid_, nullptr, 0);
    }
    delete store_;
    delete web_;
  }

  static nlohmann::json Cli(const std::string& args) {
    const CommandResult result = RunDownballot(*store_, args + " --format json");
    EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
    return nlohmann::json::parse(result.out, nullptr, false);
  }

  static nlohmann::json Api(const std::string& target) {
    const HttpReply reply = Get(port_, target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return nlohmann::json::parse(reply.body, nullptr, false);
  }

  static inline std::filesystem::path* store_ = nullptr;
  static inline std::filesystem::path* web_ = nullptr;
  static inline pid_t server_pid_ = -1;
  static inline int port_ = 0;
};

TEST_F(ApiTest, EveryEndpointEqualsTheCliDocument) {
  const nlohmann::json party_targets = Api("/api/targets?state=NY&level=party&limit=10");
  ASSERT_TRUE(party_targets.is_array());
  ASSERT_EQ(party_targets.size(), 10u);
  const std::string race_id = party_targets[0]["last_race_id"].get<std::string>();
  const nlohmann::json bodies = Api("/api/bodies?state=NY&party=CON");
  ASSERT_FALSE(bodies.empty());
  const std::string body_id = bodies[0]["body_id"].get<std::string>();
  const nlohmann::json cycle_forecast = Api("/api/forecast?cycle=2022");
  ASSERT_FALSE(cycle_forecast["forecasts"].empty());
  const std::string primary_id = cycle_forecast["forecasts"][0]["race_id"].get<std::string>();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"/api/targets?state=NY&level=party&limit=10", "targets --state NY --level party --limit 10"},
      {"/api/targets?state=NY&sort=win_number&limit=5&offset=5",
       "targets --state NY --sort win_number --limit 5 --offset 5"},
      {"/api/targets?state=NY&open=1&limit=20", "targets --state NY --open-only --limit 20"},
      {"/api/races?state=NY&level=party&limit=20", "races --state NY --level party --limit 20"},
      {"/api/races/" + race_id, "race " + race_id},
      {"/api/races/" + race_id + "/plan", "plan " + race_id},
      {"/api/races/" + race_id + "/plan?base_vote_share=0.5&weeks=6",
       "plan " + race_id + " --set base_vote_share=0.5 --set weeks=6"},
      {"/api/bodies?state=NY&party=CON", "bodies --state NY --party CON"},
      {"/api/bodies/" + body_id + "/takeover?take_rate=0.5",
       "takeover " + body_id + " --set take_rate=0.5"},
      {"/api/money?candidate=H8CO03192&cycle=2020", "money H8CO03192 --cycle 2020"},
      {"/api/files", "files"},
      {"/api/map?level=party", "map --level party"},
      {"/api/summary", "summary"},
      {"/api/slates", "slate"},
      {"/api/slates?group=justice&cycle=2018&by=office", "slate justice --cycle 2018 --by office"},
      {"/api/leverage?state=NY&flagged=1", "leverage --state NY --flagged"},
      {"/api/leverage?state=NY&cycle=2018&totals=1", "leverage --state NY --cycle 2018 --totals"},
      {"/api/check?state=NY", "check --state NY"},
      {"/api/check?state=AZ&cycle=2018", "check --state AZ --cycle 2018"},
      {"/api/forecast?cycle=2022", "forecast --cycle 2022"},
      {"/api/races/" + primary_id + "/forecast?ridge=2", "forecast " + primary_id + " --ridge 2"},
      {"/api/races/" + race_id + "/forecast", "forecast " + race_id},
      {"/api/forecast/evaluation?cycle=2018", "forecast --evaluate --cycle 2018"},
  };
  for (const auto& [target, args] : pairs) {
    const nlohmann::json api = Api(target);
    EXPECT_FALSE(api.is_discarded()) << target;
    EXPECT_EQ(api, Cli(args)) << target << " differs from `downballot " << args << "`";
  }
}

TEST_F(ApiTest, ListsReportTheirTotalAndEditedAssumptionsChangeThePlan) {
  const HttpReply reply = Get(port_, "/api/targets?state=NY&sort=ballots&order=desc&limit=3");
  EXPECT_NE(reply.headers.find("X-Total-Count: "), std::string::npos);
  const nlohmann::json targets = nlohmann::json::parse(reply.body);
  const std::string race_id = targets[0]["last_race_id"].get<std::string>();
  const nlohmann::json plan = Api("/api/races/" + race_id + "/plan");
  const nlohmann::json half = Api("/api/races/" + race_id + "/plan?two_way_share_target=0.6");
  EXPECT_NE(plan["expected"]["win_number"], half["expected"]["win_number"]);
}

// An empty list in the dashboard is explained by the same words as the CLI's stderr.
TEST_F(ApiTest, WhyEmptySaysWhatIsLoaded) {
  const HttpReply reply = Get(port_, "/api/why-empty?of=targets");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const nlohmann::json body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["of"], "targets");
  const std::string message = body["message"];
  EXPECT_NE(message.find("nothing matches these filters"), std::string::npos) << message;
  const auto cli = RunDownballot(*store_, "targets --state AK --format csv");
  EXPECT_NE(cli.err.find(message), std::string::npos) << cli.err;
}

TEST_F(ApiTest, BadParametersAre400WithAMessage) {
  for (const std::string target : {"/api/targets?state=XYZ",
                                   "/api/targets?level=galaxy",
                                   "/api/targets?limit=100000",
                                   "/api/targets?limit=0",
                                   "/api/targets?offset=-3",
                                   "/api/targets?bogus=1",
                                   "/api/races?date=yesterday",
                                   "/api/money",
                                   "/api/money?candidate=x&cycle=99",
                                   "/api/races/x/plan?take_rate=7",
                                   "/api/slates?by=county",
                                   "/api/leverage?source=web",
                                   "/api/leverage?cycle=18",
                                   "/api/check?cycle=abc",
                                   "/api/forecast",
                                   "/api/forecast/evaluation?ridge=-1",
                                   "/api/forecast?cycle=2022&train=2022",
                                   "/api/forecast?cycle=2022&train=2018,x",
                                   "/api/summary?state=NY",
                                   "/api/why-empty",
                                   "/api/why-empty?of=money"}) {
    const HttpReply reply = Get(port_, target);
    EXPECT_EQ(reply.status, 400) << target;
    const nlohmann::json body = nlohmann::json::parse(reply.body, nullptr, false);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << target;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << target;
  }
}

TEST_F(ApiTest, UnknownRacesAndPathsAre404AndTraversalServesNothing) {
  EXPECT_EQ(Get(port_, "/api/races/ny.2099-01-01.primary.dem.nowhere").status, 404);
  EXPECT_EQ(Get(port_, "/api/nothing-here").status, 404);
  EXPECT_EQ(Get(port_, "/index.html").status, 200);
  for (const std::string target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
        "/web/../../secret.txt", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../../../../etc/passwd"}) {
    const HttpReply reply = Get(port_, target);
    EXPECT_TRUE(reply.status == 404 || reply.status == 400) << target << " " << reply.status;
    EXPECT_EQ(reply.body.find("outside the web root"), std::string::npos) << target;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(ApiTest, InjectionStringsInEveryParameterChangeNothing) {
  const nlohmann::json before = Api("/api/races?state=NY&limit=500");
  for (const std::string attack :
       {"%27%20OR%20%271%27%3D%271", "x%27)%3B%20DROP%20TABLE%20race%3B--", "%22%20OR%201%3D1%20--",
        "%25"}) {
    for (const std::string parameter : {"office", "district"}) {
      const HttpReply reply = Get(port_, "/api/races?" + parameter + "=" + attack);
      EXPECT_EQ(reply.status, 200) << parameter << "=" << attack;
    }
    for (const std::string parameter : {"state", "party", "level", "sort", "limit"}) {
      EXPECT_EQ(Get(port_, "/api/targets?" + parameter + "=" + attack).status, 400)
          << parameter << "=" << attack;
    }
    EXPECT_EQ(Get(port_, "/api/races/" + std::string(attack)).status, 404) << attack;
    EXPECT_EQ(Get(port_, "/api/money?candidate=" + std::string(attack)).status, 404) << attack;
    EXPECT_EQ(Get(port_, "/api/slates?group=" + std::string(attack)).status, 404) << attack;
    EXPECT_EQ(Api("/api/leverage?office=" + std::string(attack)), nlohmann::json::array())
        << attack;
    EXPECT_EQ(Get(port_, "/api/check?state=" + std::string(attack)).status, 400) << attack;
  }
  EXPECT_EQ(Api("/api/races?state=NY&limit=500"), before);
}

TEST_F(ApiTest, OversizedAndSlowRequestsAreCutOff) {
  // Too many headers: refused before any handler runs.
  std::string many = "GET /api/files HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) many += "X-Filler-" + std::to_string(i) + ": 1\r\n";
  many += "Connection: close\r\n\r\n";
  EXPECT_EQ(Exchange(port_, many).substr(0, 12), "HTTP/1.1 431");
  // A header line beyond httplib's 8 KiB line limit: the request is refused.
  const std::string huge =
      "GET /api/files HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
  EXPECT_NE(Exchange(port_, huge).substr(0, 12), "HTTP/1.1 200");
  // A body on a GET larger than the payload limit, and any other method.
  EXPECT_NE(Exchange(port_,
                     "POST /api/files HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n"
                     "Connection: close\r\n\r\n" +
                         std::string(100000, 'b'))
                .substr(0, 12),
            "HTTP/1.1 200");
  // Slowloris: a request that stops half way is dropped within the read timeout.
  const auto start = std::chrono::steady_clock::now();
  const std::string reply = Exchange(port_, "GET /api/files HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(reply.find("HTTP/1.1 200"), std::string::npos);
  // httplib waits out the read timeout (3 s) once for the line and once for the connection.
  EXPECT_LT(seconds, 8.0) << "a stalled request held its connection for " << seconds << " s";
}

}  // namespace
}  // namespace downballot::testing
