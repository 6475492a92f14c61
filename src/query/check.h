// `check`: the data sanity report: cross-checks against independent sources (MEDSL totals,
// FiveThirtyEight's primaries) and the files' own inconsistencies, each naming where to look.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "analysis/fte_cross_check.h"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

struct CheckRequest {
  std::string state;  // "" = every state
  int cycle = 0;      // 0 = every year (rejected rows and unknown counties, which have no
                      // year, are listed only then)
};

// Parameters: state, cycle (1900..2100). InvalidArgument naming the parameter.
[[nodiscard]] absl::StatusOr<CheckRequest> ParseCheckRequest(const Params& params);

struct CheckAnswer {
  // severity (error, warning, info), check, state, subject (race, contest or file), message,
  // rows (where to look); errors first, then warnings, then notes.
  Table issues;
  std::map<std::string, int64_t> num_by_severity;
  // How the loaded primaries compared with FiveThirtyEight's, agreements included.
  std::map<analysis::FteVerdict, int64_t> fte_verdicts;
};

// The races must be fresh. Store errors propagate.
[[nodiscard]] absl::StatusOr<CheckAnswer> AnswerCheck(store::Database& db,
                                                      const CheckRequest& request);

}  // namespace downballot::query
