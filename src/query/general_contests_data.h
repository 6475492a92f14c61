// Collects general-election contests for the leverage and check commands: the general races
// (rolled up from every source of returns) and MEDSL's own contests for per-source checks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/general_return.h"
#include "store/database.h"

namespace downballot::query {

struct ContestFilter {
  std::optional<int> year;
  std::string state;
  std::string office;  // part of the office name, any case
};

struct GeneralContests {
  // One per general race (general, special and general-runoff stages), whichever source counts
  // in it (docs/analysis.md "Each vote once": MEDSL's total where results fall short).
  std::vector<model::GeneralContest> contests;
  int num_counted_from_medsl = 0;  // contests whose totals are MEDSL's
  // Every contest of each source on its own: the races counted from results files, and each
  // MEDSL file's contests (with its reported totals), for checks that compare one source's
  // contests with each other.
  std::vector<model::GeneralContest> by_source;
};

// Every general-election contest matching `filter`; empty when none matches or none is loaded
// (query::WhyEmpty tells the two apart for people).
[[nodiscard]] absl::StatusOr<GeneralContests> LoadGeneralContests(store::Database& db,
                                                                  const ContestFilter& filter);

}  // namespace downballot::query
