// Party bodies from the store: party-seat races grouped into bodies and counted against the
// loaded precinct lists (`bodies`, `takeover`, `targets --by body`).
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/party_body.h"
#include "ingest/office_table.h"
#include "model/race.h"
#include "store/database.h"

namespace downballot::query {

struct BodiesRequest {
  std::string state;  // two-letter code, any case; "" = every state
  std::string party;  // party code, any case; "" = every party
};

struct BodiesData {
  std::vector<model::Race> party_races;     // every party-seat race of the states read
  std::vector<analysis::PartyBody> bodies;  // by id
};

// Reads the party-seat races (fresh: the caller opened the store with OpenStoreWithFreshRaces),
// groups them into bodies, sizes each by `offices`' bodies lines (a body no line names is
// counted as a lower bound, with a note) and counts it against the general-election precinct
// list of its county in its primary's year, where loaded. Store errors propagate.
[[nodiscard]] absl::StatusOr<BodiesData> LoadPartyBodies(store::Database& db,
                                                         const ingest::OfficeTable& offices,
                                                         const BodiesRequest& request);

}  // namespace downballot::query
