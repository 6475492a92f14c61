// Renders one race as a text summary with tables, or CSV of its candidates (`race`).
#pragma once

#include <ostream>

#include "cli/output.h"
#include "query/races.h"

namespace downballot::cli {

// Table: a summary block then the candidates; CSV: the candidate rows; JSON: query::ToJson.
void RenderRaceDetail(const query::RaceDetail& detail, OutputFormat format, std::ostream& out);

}  // namespace downballot::cli
