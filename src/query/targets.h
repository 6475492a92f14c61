// `targets`: seats ranked for a primary challenge, filtered, sorted and paged.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/targeting_score.h"
#include "nlohmann/json.hpp"
#include "query/money_profile.h"
#include "query/params.h"
#include "store/database.h"

namespace downballot::query {

enum class TargetSort { kScore, kWinNumber, kBallots, kFieldSize };

struct TargetsRequest {
  analysis::TargetFilter filter;
  bool open_only = false;  // only seats whose open_seat component is known and 1
  TargetSort sort = TargetSort::kScore;
  bool is_descending = true;
  int64_t limit = 25;  // 0 = every row
  int64_t offset = 0;
  analysis::TargetWeights weights;
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

// Reads the races (fresh: the caller opened the store with fresh races) and the incumbents'
// money (when FEC files are loaded), ranks, sorts and pages. Store errors propagate.
[[nodiscard]] absl::StatusOr<TargetsAnswer> AnswerTargets(store::Database& db,
                                                          const TargetsRequest& request,
                                                          const Coding& coding);

// True when the open_seat component is known and 1: no incumbent ran in the latest primary.
[[nodiscard]] bool IsOpenSeat(const analysis::Target& target);

// An array of the page's targets, each with every component and its explanation.
[[nodiscard]] nlohmann::json ToJson(const TargetsAnswer& answer);

}  // namespace downballot::query
