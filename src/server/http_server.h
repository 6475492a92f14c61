// `downballot serve`: the HTTP server in front of the API routes and the dashboard's files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"

namespace downballot::server {

struct ServerOptions {
  std::string store_path = "downballot.db";
  std::string bind = "127.0.0.1";
  int port = 8080;       // 0 = any free port
  std::string web_root;  // the dashboard's built files; "" = API only
  // Workers: httplib serves one keep-alive connection per worker for as long as it stays open
  // (up to kReadTimeoutSeconds idle), so this is how many clients' connections are served at
  // once. A browser holds about six.
  int threads = 32;
};

// The limits every connection is held to (docs/security.md).
inline constexpr int kReadTimeoutSeconds = 3;  // waiting for the next bytes of a request
inline constexpr int kWriteTimeoutSeconds = 5;
inline constexpr size_t kMaxBodyBytes = 4096;  // GET only: a body is never needed
inline constexpr size_t kMaxHeaders = 64;
inline constexpr size_t kMaxUriBytes = 4096;

// Migrates the store and rebuilds stale races (the only write), then serves until the process
// is stopped. `on_listening(port)` runs once the socket is bound (tests and scripts read the
// port from "listening on http://HOST:PORT" on stdout). Errors: the store cannot be opened, the
// web root does not exist, the address cannot be bound.
absl::Status Serve(const ServerOptions& options, const std::function<void(int)>& on_listening);

}  // namespace downballot::server
