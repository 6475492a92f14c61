// The API's request handling on arbitrary bytes: the first line is the path after /api/, each
// further line a `name=value` parameter. Every answer must be a known status with a JSON body,
// whatever the input, on an empty in-memory store.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nlohmann/json.hpp"
#include "server/api.h"
#include "store/migrations.h"

namespace {

downballot::store::Database& Store() {
  static downballot::store::Database* db = [] {
    auto opened = downballot::store::Database::Open(":memory:", {});
    if (!opened.ok() || !downballot::store::Migrate(**opened).ok()) std::abort();
    return opened->release();
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const downballot::server::ApiContext context{downballot::ingest::OfficeTable::Default(),
                                                      {}};
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string path(input.substr(0, newline));
  std::vector<std::pair<std::string, std::string>> pairs;
  if (newline != std::string_view::npos)
    input.remove_prefix(newline + 1);
  else
    input = {};
  while (!input.empty()) {
    const size_t end = input.find('\n');
    const std::string_view line = input.substr(0, end);
    const size_t equals = line.find('=');
    pairs.emplace_back(
        std::string(line.substr(0, equals)),
        equals == std::string_view::npos ? "" : std::string(line.substr(equals + 1)));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + 1);
  }
  const downballot::server::ApiResponse response = downballot::server::HandleApi(
      Store(), context, path, downballot::query::Params(std::move(pairs)));
  if (response.status != 200 && response.status != 400 && response.status != 404 &&
      response.status != 409) {
    std::abort();
  }
  if (!nlohmann::json::accept(response.body)) std::abort();
  return 0;
}
