// Turns model::Race structs into tables and JSON for `races` and `race`.
#pragma once

#include <ostream>
#include <span>

#include "cli/output.h"
#include "model/race.h"

namespace downballot::cli {

// One row per race: id, date, stage, party, office, district, jurisdiction, level, candidates
// ("Name 123; Other 45"), winner, margin, ballots for the office, completeness.
[[nodiscard]] Table RaceListTable(std::span<const model::Race> races);

// The race as one JSON object, candidates (with party lines) and mismatches nested.
[[nodiscard]] nlohmann::json RaceJson(const model::Race& race,
                                      std::span<const model::ReconciliationMismatch> mismatches);

// Table: a summary block then the candidates; CSV: the candidate rows; JSON: RaceJson.
void RenderRaceDetail(const model::Race& race,
                      std::span<const model::ReconciliationMismatch> mismatches,
                      OutputFormat format, std::ostream& out);

}  // namespace downballot::cli
