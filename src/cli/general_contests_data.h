// Collects general-election contests for the leverage and check commands: MEDSL's constituency
// returns and the general races rolled up from OpenElections files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/general_return.h"
#include "store/database.h"

namespace downballot::cli {

struct ContestFilter {
  std::optional<int> year;
  std::string state;
  std::string office;  // part of the office name, any case
};

struct GeneralContests {
  std::vector<model::GeneralContest> contests;
  // Contests loaded from both sources: the one kept is listed in `contests`, these are the
  // ids left out (docs/leverage.md says which source wins).
  std::vector<std::string> superseded;
  // Every contest of each source on its own (a MEDSL contest in two MEDSL files once), for
  // checks that compare contests of one source with each other.
  std::vector<model::GeneralContest> by_source;
};

// Every general-election contest matching `filter`. When MEDSL and OpenElections both have a
// contest (same year, state, office, district), the OpenElections race is kept only when all
// its counties are loaded; otherwise MEDSL's constituency total is. FailedPrecondition when
// nothing general is loaded at all.
[[nodiscard]] absl::StatusOr<GeneralContests> LoadGeneralContests(store::Database& db,
                                                                  const ContestFilter& filter);

}  // namespace downballot::cli
