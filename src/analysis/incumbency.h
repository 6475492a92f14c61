// Derives who held a seat going into each race, from the results of the seat's earlier races.
#pragma once

#include <vector>

#include "model/race.h"

namespace downballot::analysis {

// Sets the incumbency fields of every race in `races` (docs/analysis.md "Incumbency").
//
// The incumbent of a seat at date D is the winner of the seat's most recent general or special
// election before D; for party-level seats (model::OfficeLevel::kParty), which have no general,
// it is the winner of the most recent primary of the same party before D. The earlier race
// must be in `races`, have a flagged winner, and not be model::Completeness::kPartial (a
// partial count may name the wrong winner); otherwise incumbency is unknown.
// When the incumbent is known: `incumbent` is set; the candidate with the same spelling, or
// failing that the top candidate whose NameMatchKey equals the incumbent's, gets
// `is_incumbent` and `has_incumbent` is true; `is_open_seat` is `!has_incumbent`. For a
// primary, "open" therefore means no incumbent on this party's ballot: in a seat the other
// party holds, every primary of your party is open.
// When incumbency is unknown: `incumbent` "", `has_incumbent` and `is_open_seat` false, and no
// candidate is flagged. Earlier values are overwritten, so calling it twice is harmless.
// Only the top vote-getter is a winner, so offices electing several members are under-served.
// Pure; thread-safe for distinct `races`.
void ApplyIncumbency(std::vector<model::Race>& races);

}  // namespace downballot::analysis
