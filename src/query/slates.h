// `slate`: how each endorsing group's candidates did in the loaded primaries (docs/slates.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/slate.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

struct SlatesRequest {
  std::string group;  // part of an endorsement column's name, any case; "" = every group
  std::optional<int> cycle;
  std::string party;
  std::string by;  // "" (one row per group), "office", "seat" or "lean" (one row per split)
};

// Parameters: group, cycle (1900..2100), party, by (office|seat|lean). InvalidArgument naming
// the parameter.
[[nodiscard]] absl::StatusOr<SlatesRequest> ParseSlatesRequest(const Params& params);

struct SlatesAnswer {
  std::string by;  // the request's split, which decides the rows
  std::vector<analysis::SlateSummary> slates;
  int64_t num_candidacies = 0;  // primary candidacies read
  int64_t num_files = 0;        // FiveThirtyEight files they came from
};

// NotFound when no group matches (naming the group and cycle asked for).
[[nodiscard]] absl::StatusOr<SlatesAnswer> AnswerSlates(store::Database& db,
                                                        const SlatesRequest& request);

// One row per group (cycle, party, group, counts, win rate with its interval, expected and
// adjusted rates), or with `by` one row per group and value of that split.
[[nodiscard]] Table SlatesTable(const SlatesAnswer& answer);

// SlatesTable as JSON; without `by`, each group also carries its expected wins, reference rate
// and every split.
[[nodiscard]] nlohmann::json ToJson(const SlatesAnswer& answer);

}  // namespace downballot::query
