// `targets`: seats ranked for a primary challenge, filtered, sorted and paged.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/targeting_score.h"
#include "nlohmann/json.hpp"
#include "query/money_profile.h"
#include "query/params.h"
#include "store/database.h"
#include "store/target_table.h"

namespace downballot::query {

enum class TargetSort { kScore, kWinNumber, kBallots, kFieldSize };

struct TargetsRequest {
  analysis::TargetFilter filter;
  bool open_only = false;  // only seats whose open_seat component is known and 1
  TargetSort sort = TargetSort::kScore;
  bool is_descending = true;
  int64_t limit = kDefaultPageSize;  // 0 = every row
  int64_t offset = 0;
  // nullopt: the default weights, read from the store's ranked-target table; other weights
  // rank every target in memory.
  std::optional<analysis::TargetWeights> weights;
};

// Parameters: state, level, party, open (flag), sort (score|win_number|ballots|field_size),
// order (asc|desc; default desc for score, asc otherwise), limit (0..kMaxLimit, 0 = all, the
// server refuses 0), offset; weights come from the caller. InvalidArgument naming the parameter.
[[nodiscard]] absl::StatusOr<TargetsRequest> ParseTargetsRequest(const Params& params);

struct RankedTarget {
  int64_t rank = 0;  // by score among every target that passes the filter, 1 = best
  analysis::Target target;
};

struct TargetsAnswer {
  int64_t total = 0;                  // targets that pass the filter, before paging
  std::vector<RankedTarget> targets;  // the page, in the requested order
};

// With the default weights, reads the page from the ranked-target table when it is fresh for
// `coding` (EnsureFreshTargets); otherwise reads the races (fresh: the caller opened the store
// with fresh races) and the incumbents' money, ranks, sorts and pages in memory: the same
// answer either way. Store errors propagate.
[[nodiscard]] absl::StatusOr<TargetsAnswer> AnswerTargets(store::Database& db,
                                                          const TargetsRequest& request,
                                                          const Coding& coding);

// Rebuilds the store's ranked-target table (default weights) unless it was built after the last
// load with the same coding; the store must be writable and its races fresh.
absl::Status EnsureFreshTargets(store::Database& db, const Coding& coding);

// The table's filter for a target filter (state and party upper-cased, level by name).
[[nodiscard]] store::TargetPageRequest TargetTableFilter(const analysis::TargetFilter& filter,
                                                         bool open_only);

// True when the open_seat component is known and 1: no incumbent ran in the latest primary.
[[nodiscard]] bool IsOpenSeat(const analysis::Target& target);

// An array of the page's targets, each with every component and its explanation.
[[nodiscard]] nlohmann::json ToJson(const TargetsAnswer& answer);

}  // namespace downballot::query
