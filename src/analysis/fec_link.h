// Links FEC candidates (cn) to the candidacies of loaded federal races, and says what stays
// unlinked (docs/analysis.md "FEC links").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/fec.h"
#include "model/race.h"

namespace downballot::analysis {

// Whether a candidacy links to one FEC candidate. The spellings ToString gives are the JSON
// and CSV values (`links`, the API).
enum class FecLinkStatus { kLinked, kUnlinked, kAmbiguous };

// "linked", "unlinked", "ambiguous".
[[nodiscard]] std::string_view ToString(FecLinkStatus status);
// The inverse of ToString; nullopt for any other text.
[[nodiscard]] std::optional<FecLinkStatus> ParseFecLinkStatus(std::string_view text);

struct FecLink {
  std::string race_id;
  std::string candidate;  // as in the race
  std::string cand_id;    // "" when unlinked
  std::string fec_name;   // as in cn
  FecLinkStatus status = FecLinkStatus::kUnlinked;
};

// For every candidate of every federal race (President, U.S. Senate, U.S. House) in `races`:
// the FEC candidate with the same office (P/S/H), state, district (House; "00" and "AL" are
// at-large) and name (NameMatchKey, so "OCASIO-CORTEZ, ALEXANDRIA" links to "Alexandria
// Ocasio-Cortez"), preferring one whose election year is the race's: cn lists a candidate under
// their latest election year only, and CAND_IDs are stable while the office stays the same.
// Two or more distinct CAND_IDs are "ambiguous" and left unlinked; none is "unlinked". Non-federal
// races have no FEC candidates and are skipped. Ordered by race id, then candidate. Pure;
// thread-safe.
[[nodiscard]] std::vector<FecLink> LinkFecCandidates(std::span<const model::Race> races,
                                                     std::span<const model::FecCandidate> fec);

}  // namespace downballot::analysis
