// Links FEC candidates (cn) to the candidacies of loaded federal races, and says what stays
// unlinked (docs/analysis.md "FEC links").
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/fec.h"
#include "model/race.h"

namespace downballot::analysis {

struct FecLink {
  std::string race_id;
  std::string candidate;   // as in the race
  std::string cand_id;     // "" when unlinked
  std::string fec_name;    // as in cn
  std::string status;      // "linked", "unlinked", "ambiguous"
};

// For every candidate of every federal race (President, U.S. Senate, U.S. House) in `races`:
// the FEC candidate with the same office (P/S/H), state, district (House; "00" and "AL" are
// at-large) and name (NameMatchKey, so "OCASIO-CORTEZ, ALEXANDRIA" links to "Alexandria
// Ocasio-Cortez"), preferring one whose election year is the race's: cn lists a candidate under
// their latest election year only, and CAND_IDs are stable while the office stays the same.
// Two or more distinct CAND_IDs are "ambiguous" and left unlinked; none is "unlinked". Non-federal races have no FEC candidates and are skipped. Ordered by race id,
// then candidate. Pure; thread-safe.
[[nodiscard]] std::vector<FecLink> LinkFecCandidates(std::span<const model::Race> races,
                                                     std::span<const model::FecCandidate> fec);

}  // namespace downballot::analysis
