#include "server/http_server.h"

#include <sys/socket.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "fmt/format.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "query/store_access.h"
#include "query/targets.h"
#include "server/api.h"

namespace downballot::server {
namespace {

void SendError(httplib::Response& response, int status, std::string_view code,
               std::string_view message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

// One read-only connection per worker thread, opened on the thread's first request.
class ConnectionPerThread {
 public:
  explicit ConnectionPerThread(std::string path) : path_(std::move(path)) {}

  absl::StatusOr<store::Database*> Get() {
    thread_local std::unique_ptr<store::Database> connection;
    thread_local const ConnectionPerThread* owner = nullptr;
    if (connection == nullptr || owner != this) {
      ASSIGN_OR_RETURN(connection, query::OpenStoreReadOnly(path_));
      owner = this;
    }
    return connection.get();
  }

 private:
  std::string path_;
};

}  // namespace

absl::Status Serve(const ServerOptions& options, const std::function<void(int)>& on_listening) {
  ApiContext context;
  ASSIGN_OR_RETURN(context.offices, query::LoadOfficeTable({}));
  ASSIGN_OR_RETURN(context.coding, query::LoadCoding(query::CodingOptions{}));
  // The one write: migrate, rebuild stale races and the ranked targets, so read-only workers
  // see fresh races and read targets through the table's indexes.
  {
    ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(options.store_path));
    RETURN_IF_ERROR(query::EnsureFreshTargets(*db, context.coding));
  }
  ConnectionPerThread connections(options.store_path);

  httplib::Server http;
  const int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_read_timeout(kReadTimeoutSeconds, 0);
  http.set_write_timeout(kWriteTimeoutSeconds, 0);
  http.set_keep_alive_timeout(kReadTimeoutSeconds);
  http.set_keep_alive_max_count(1000);
  // httplib sends the headers and the body in two writes: with Nagle's algorithm on, the body
  // waits for the client's delayed ACK of the headers, 40 ms a response (measured: 48 ms p50
  // for a 50 KB targets page at one connection, 21 requests/s).
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (request.headers.size() > kMaxHeaders) {
      SendError(response, 431, "too_many_headers",
                fmt::format("at most {} request headers", kMaxHeaders));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.target.size() > kMaxUriBytes) {
      SendError(response, 414, "uri_too_long", fmt::format("at most {} bytes", kMaxUriBytes));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.method != "GET" && request.method != "HEAD") {
      SendError(response, 405, "method_not_allowed", "the API and the dashboard answer GET only");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.Get(R"(/api/(.*))", [&](const httplib::Request& request, httplib::Response& response) {
    absl::StatusOr<store::Database*> db = connections.Get();
    if (!db.ok()) {
      SendError(response, 503, "unavailable", std::string(db.status().message()));
      return;
    }
    std::vector<std::pair<std::string, std::string>> pairs(request.params.begin(),
                                                           request.params.end());
    const ApiResponse answer =
        HandleApi(**db, context, request.matches[1].str(), query::Params(std::move(pairs)));
    response.status = answer.status;
    if (answer.total_count) {
      response.set_header("X-Total-Count", std::to_string(*answer.total_count));
    }
    response.set_header("Cache-Control", "no-store");
    response.set_content(answer.body, "application/json");
  });
  if (!options.web_root.empty()) {
    std::error_code error;
    if (!std::filesystem::is_directory(options.web_root, error)) {
      return absl::NotFoundError(
          fmt::format("--web {}: no such folder (build the dashboard with scripts/web-build)",
                      options.web_root));
    }
    // httplib refuses paths that climb out of the mount ("..", encoded or not).
    if (!http.set_mount_point("/", options.web_root)) {
      return absl::InvalidArgumentError(fmt::format("--web {}: cannot serve it", options.web_root));
    }
  }
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    SendError(response, response.status, response.status == 404 ? "not_found" : "error",
              response.status == 404 ? "no such file or endpoint" : "request refused");
  });
  http.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"},
       {"Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'"}});
  // Debian's libcpp-httplib listens with a backlog of 5 (compiled in): clients that connect
  // together beyond it (a browser opens six; wrk 64) lose their SYN and retry after 1 s, then
  // 3 s (measured: accepts in bursts a second apart, p99 up to 5.5 s at 64 connections). The
  // socket is kept to listen again with the system's backlog once bound. SO_REUSEADDR alone
  // (httplib's default adds SO_REUSEPORT, which would let a second server share the port).
  int listening_socket = -1;
  http.set_socket_options([&listening_socket](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listening_socket = socket;
  });
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.bind);
    if (port < 0) return absl::UnavailableError(fmt::format("cannot bind {}", options.bind));
  } else if (!http.bind_to_port(options.bind, port)) {
    return absl::UnavailableError(fmt::format("cannot bind {}:{}", options.bind, port));
  }
  if (listening_socket >= 0 && ::listen(listening_socket, SOMAXCONN) != 0) {
    return absl::InternalError(fmt::format("cannot listen on {}:{}", options.bind, port));
  }
  on_listening(port);
  if (!http.listen_after_bind()) return absl::InternalError("the server stopped on an error");
  return absl::OkStatus();
}

}  // namespace downballot::server
