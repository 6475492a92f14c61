// Links the store's federal races to FEC candidates and, through them, the incumbents' money.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/fec_link.h"
#include "analysis/targeting_score.h"
#include "cli/money_profile.h"
#include "model/race.h"
#include "store/database.h"

namespace downballot::cli {

// Every candidacy of every loaded federal race with its FEC link (or why it has none).
[[nodiscard]] absl::StatusOr<std::vector<analysis::FecLink>> ReadFecLinks(
    store::Database& db, std::span<const model::Race> races);

// Money of the incumbent of a target's latest primary: the incumbent's name is linked to a
// CAND_ID through any linked race of the same seat, and profiled in the primary's cycle (the
// even year at or after it). Empty when the store has no FEC candidates. `db`, `links` and
// `coding` must outlive the returned function.
[[nodiscard]] analysis::IncumbentMoneyLookup MakeIncumbentMoneyLookup(
    store::Database& db, const std::vector<analysis::FecLink>& links,
    std::span<const model::Race> races, const Coding& coding);

}  // namespace downballot::cli
