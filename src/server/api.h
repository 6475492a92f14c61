// The HTTP API's routes as a plain function: a GET path and its query parameters in, a status
// and a JSON body out. No sockets here, so the routes are tested and fuzzed without a server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/office_table.h"
#include "query/money_profile.h"
#include "query/params.h"
#include "store/database.h"

namespace downballot::server {

// What every request shares: loaded once at start, read-only afterwards.
struct ApiContext {
  ingest::OfficeTable offices;
  query::Coding coding;
};

struct ApiResponse {
  int status = 200;
  std::string body;                    // JSON
  std::optional<int64_t> total_count;  // X-Total-Count, for paged lists
};

// Largest page the API serves; `limit=0` (every row) is the CLI's alone.
inline constexpr int64_t kMaxPageSize = 500;

// Answers GET `path` (e.g. "/api/races/ID/plan") with `params` from `db`. Errors are
// {"error": {"code", "message"}} with 400 (invalid_argument), 404 (not_found), 409
// (failed_precondition: data the question needs is not loaded) or 500 (internal).
[[nodiscard]] ApiResponse HandleApi(store::Database& db, const ApiContext& context,
                                    std::string_view path, const query::Params& params);

}  // namespace downballot::server
