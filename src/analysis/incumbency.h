// Derives who held a seat going into each race, from the results of the seat's earlier races.
#pragma once

#include <vector>

#include "model/race.h"

namespace downballot::analysis {

// Sets the incumbency fields of every race in `races` (docs/analysis.md "Incumbency").
//
// The incumbent of a seat at date D is the winner of the seat's most recent general or special
// election before D; for party-level seats (model::OfficeLevel::kParty), which have no general,
// it is the winner of the most recent primary (or special primary) of the same party before D.
// A seat that elects several has several incumbents: every winner of that race. The earlier
// race must be in `races`, have a flagged winner, and be neither model::Completeness::kPartial
// (a partial count may name the wrong winner) nor kConflicting; a conflicting race's own
// incumbency is unknown too.
// When incumbents are known: `incumbent` names them ("A; B"); each one's candidate (the same
// spelling, or failing that the top candidate whose NameMatchKey equals theirs) gets
// `is_incumbent`; `has_incumbent` is true when any runs and `is_open_seat` when none does. For a
// primary, "open" therefore means no incumbent on this party's ballot: in a seat the other
// party holds, every primary of your party is open.
// When incumbency is unknown: `incumbent` "", `has_incumbent` and `is_open_seat` false, and no
// candidate is flagged. Earlier values are overwritten, so calling it twice is harmless.
// Pure; thread-safe for distinct `races`.
void ApplyIncumbency(std::vector<model::Race>& races);

}  // namespace downballot::analysis
