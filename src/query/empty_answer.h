// Why an answer has no rows: nothing of the kind it needs is loaded (and which `ingest` loads
// it), or what the store does hold to filter on. Every command says this on an empty answer.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "query/summary.h"

namespace downballot::query {

// What a question is answered from.
enum class AnswerSource {
  kResults,    // any election results (races)
  kPrimaries,  // party primaries (targets, slates, forecasts)
  kGenerals,   // general elections (leverage)
};

// One sentence or two, starting "downballot COMMAND: ": the data `source` needs is missing
// (with the command that loads it), or the filters matched nothing among what is loaded (with
// the loaded states, years, parties and levels to choose from).
[[nodiscard]] std::string WhyEmpty(std::string_view command, AnswerSource source,
                                   const SummaryAnswer& summary);

// `why-empty?of=races|targets|leverage`: the explanation a front end shows under an empty list.
struct WhyEmptyRequest {
  std::string of;
  AnswerSource source = AnswerSource::kResults;
};

// Parameters: of (required: races, targets or leverage).
[[nodiscard]] absl::StatusOr<WhyEmptyRequest> ParseWhyEmptyRequest(const Params& params);

// {"of": ..., "message": WhyEmpty(...)}.
[[nodiscard]] nlohmann::json WhyEmptyJson(const WhyEmptyRequest& request,
                                          const SummaryAnswer& summary);

}  // namespace downballot::query
