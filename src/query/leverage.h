// `leverage`: minor-party lines in general elections whose votes exceed the winning margin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

struct LeverageRequest {
  std::string state;
  std::optional<int> cycle;
  std::string office;         // part of the office name, any case
  std::string source;         // "" (both), "medsl" or "openelections"
  bool flagged_only = false;  // only lines whose votes exceed the margin
  bool totals_only = false;   // one row per contest (all minor lines) instead of one per line
};

// Parameters: state, cycle (1900..2100), office, source (medsl|openelections), flagged, totals.
// InvalidArgument naming the parameter.
[[nodiscard]] absl::StatusOr<LeverageRequest> ParseLeverageRequest(const Params& params);

struct LeverageAnswer {
  Table rows;  // one per minor line (or per contest with totals_only), in contest order
  int64_t num_contests = 0;     // contested contests in scope
  int64_t num_uncontested = 0;  // contests with one candidate: no margin to weigh
  int64_t num_flagged = 0;      // minor lines (not totals) that exceed the margin
  int num_counted_from_medsl = 0;
};

// FailedPrecondition when no general results are loaded; store errors propagate.
[[nodiscard]] absl::StatusOr<LeverageAnswer> AnswerLeverage(store::Database& db,
                                                            const LeverageRequest& request);

}  // namespace downballot::query
