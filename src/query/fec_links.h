// Links the store's federal races to FEC candidates and, through them, the incumbents' money.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/fec_link.h"
#include "analysis/targeting_score.h"
#include "model/race.h"
#include "query/money_profile.h"
#include "store/database.h"

namespace downballot::query {

// Every candidacy of every loaded federal race with its FEC link (or why it has none).
[[nodiscard]] absl::StatusOr<std::vector<analysis::FecLink>> ReadFecLinks(
    store::Database& db, std::span<const model::Race> races);

// Money of the incumbent of every primary in `races` whose incumbent is linked to a CAND_ID
// through any linked race of the same seat, profiled in the primary's cycle (the even year at
// or after it), keyed by the primary's race id. Empty when no FEC candidate is stored; a linked
// incumbent with no FEC rows in that cycle is left out. Store errors propagate.
[[nodiscard]] absl::StatusOr<analysis::IncumbentMoneyByRace> ReadIncumbentMoney(
    store::Database& db, std::span<const analysis::FecLink> links,
    std::span<const model::Race> races, const Coding& coding);

}  // namespace downballot::query
