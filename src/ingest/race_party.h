// Decides which party's primary each result row belongs to.
#pragma once

#include <span>

#include "ingest/office_table.h"
#include "model/result_row.h"

namespace downballot::ingest {

// Sets `race_party` on every row. Generals, specials and general runoffs get "". In a primary,
// special primary or primary runoff the party comes from the file name when it names one, else
// from the row's party column (NC's "(REP)" after the office already filled it); a turnout row
// with no party (NYC's "Public Counter") takes the party of the candidates it sits with (same
// county, precinct, office and district) when they all share one. Nonpartisan contests ("NP")
// get "", and so do the partisan offices of a state whose primary is all-party that year
// (California's top-two: OfficeTable::IsAllPartyPrimary); its party offices keep their party.
void AssignRaceParties(const model::ResultFileInfo& info, const OfficeTable& offices,
                       std::span<model::ResultRow> rows);

}  // namespace downballot::ingest
