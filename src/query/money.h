// `money CANDIDATE`: who funds a candidate, from the FEC tables of the store (docs/money.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "money/candidate_money.h"
#include "nlohmann/json.hpp"
#include "query/money_profile.h"
#include "query/params.h"
#include "store/database.h"
#include "store/money_queries.h"

namespace downballot::query {

struct MoneyRequest {
  std::string candidate;  // CAND_ID or part of the name
  std::optional<int> cycle;
  int64_t top = 10;  // rows in each ranked list
};

// Parameters: candidate (required), cycle (1980..2100), top (1..100).
[[nodiscard]] absl::StatusOr<MoneyRequest> ParseMoneyRequest(const Params& params);

struct MoneyAnswer {
  money::MoneyProfile profile;
  store::FecCandidateInCycle found;
  std::vector<std::string> committees;
};

// NotFound when no FEC candidate matches; FailedPrecondition listing the matches when several
// candidacies do.
[[nodiscard]] absl::StatusOr<MoneyAnswer> AnswerMoney(store::Database& db,
                                                      const MoneyRequest& request,
                                                      const Coding& coding);

[[nodiscard]] nlohmann::json ToJson(const MoneyAnswer& answer);

}  // namespace downballot::query
