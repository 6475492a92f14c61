// How much ground one set of returns covers: a whole contest, one county, or one precinct.
#pragma once

#include <optional>
#include <string_view>

namespace downballot::model {

// Returns come at every level (docs/analysis.md "Each vote once"): a statewide file with one
// total per candidate, a county file, precinct or ward files. The roll-up counts each vote once
// by taking, per contest and county, the most aggregate source and reconciling the finer ones.
enum class GeographyLevel {
  kContest,   // the whole contest, no county: a state-level file, a district total, MEDSL
  kCounty,    // one county's total
  kPrecinct,  // one precinct or ward
};

// "contest", "county", "precinct".
[[nodiscard]] std::string_view ToString(GeographyLevel level);
[[nodiscard]] std::optional<GeographyLevel> ParseGeographyLevel(std::string_view text);

}  // namespace downballot::model
