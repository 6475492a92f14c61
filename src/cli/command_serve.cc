#include "cli/command_serve.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/run_command.h"
#include "fmt/format.h"
#include "server/http_server.h"

namespace downballot::cli {
namespace {

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost";
}

absl::Status RunServe(const AppContext& context, server::ServerOptions options, bool is_web_set) {
  options.store_path = context.store_path;
  if (options.port < 0 || options.port > 65535) {
    return absl::InvalidArgumentError(
        fmt::format("--port must be 0 to 65535, got {}", options.port));
  }
  if (options.threads < 1 || options.threads > 256) {
    return absl::InvalidArgumentError("--threads must be 1 to 256");
  }
  if (!std::filesystem::exists(options.store_path)) {
    return absl::NotFoundError(
        fmt::format("{}: no such store; make one with `downballot --store {} ingest --data DIR`",
                    options.store_path, options.store_path));
  }
  if (!is_web_set && !std::filesystem::is_directory(options.web_root)) {
    // Installed (the .deb): the dashboard sits in ../share/downballot/web beside bin/.
    std::error_code error;
    const std::filesystem::path installed =
        std::filesystem::read_symlink("/proc/self/exe", error).parent_path() /
        "../share/downballot/web";
    if (!error && std::filesystem::is_directory(installed, error)) {
      options.web_root = installed.lexically_normal().string();
    } else {
      std::cerr << "downballot serve: no dashboard at " << options.web_root
                << " (build it with scripts/web-build); serving the API only\n";
      options.web_root.clear();
    }
  }
  if (!IsLoopback(options.bind)) {
    std::cerr << "downballot serve: warning: listening on " << options.bind
              << ", not loopback: anyone who can reach it can read the store (no "
                 "authentication; see docs/security.md)\n";
  }
  return server::Serve(options, [&](int port) {
    std::cout << fmt::format("listening on http://{}:{}", options.bind, port) << std::endl;
  });
}

}  // namespace

void RegisterServeCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<server::ServerOptions>();
  options->web_root = "web/dist";
  auto is_web_set = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "serve",
      "Serve the JSON API (docs/api.md) and the dashboard (docs/dashboard.md) from the store,\n"
      "read-only. Binds to 127.0.0.1 unless --bind says otherwise.");
  command->add_option("--port", options->port, "TCP port (default 8080; 0 = any free port)");
  command->add_option("--bind", options->bind, "address to listen on (default 127.0.0.1)");
  command->add_option("--threads", options->threads,
                      "worker threads = connections served at once (default 32)");
  command->add_option_function<std::string>(
      "--web",
      [options, is_web_set](const std::string& dir) {
        options->web_root = dir;
        *is_web_set = true;
      },
      "the dashboard's built files (default web/dist when it exists, else the installed "
      "../share/downballot/web beside the binary)");
  command->callback([&context, &exit_code, options, is_web_set] {
    exit_code = RunCommand("serve", [&] { return RunServe(context, *options, *is_web_set); });
  });
}

}  // namespace downballot::cli
