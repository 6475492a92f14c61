#include "query/empty_answer.h"

#include <vector>

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::query {

std::string WhyEmpty(std::string_view command, AnswerSource source, const SummaryAnswer& summary) {
  constexpr std::string_view kLoad =
      "`downballot ingest --data DIR` loads every results file of a folder (OpenElections, "
      "MEDSL, FiveThirtyEight); `downballot summary` shows what is loaded";
  if (summary.num_races == 0) {
    return fmt::format("downballot {}: the store holds no election results yet. {}", command,
                       kLoad);
  }
  std::vector<std::string> states;
  for (const CoveredState& state : summary.states) {
    const bool counts = source == AnswerSource::kPrimaries  ? state.num_primaries > 0
                        : source == AnswerSource::kGenerals ? state.num_races > state.num_primaries
                                                            : state.num_races > 0;
    if (counts) states.push_back(state.state);
  }
  if (states.empty()) {
    return fmt::format("downballot {}: no {} is loaded ({} races are, none of them {}). {}",
                       command, source == AnswerSource::kPrimaries ? "primary" : "general election",
                       summary.num_races,
                       source == AnswerSource::kPrimaries ? "a primary" : "a general", kLoad);
  }
  std::vector<std::string> parties;
  for (const NamedCount& party : summary.parties) parties.push_back(party.name);
  std::vector<std::string> levels;
  for (const NamedCount& level : summary.levels) levels.push_back(level.name);
  return fmt::format(
      "downballot {}: nothing matches these filters. Loaded {}: states {}; years {}; primary "
      "parties (codes) {}; levels {} (`downballot summary` shows what is loaded)",
      command,
      source == AnswerSource::kPrimaries  ? "primaries"
      : source == AnswerSource::kGenerals ? "generals"
                                          : "results",
      fmt::join(states, ", "), fmt::join(summary.years, ", "), fmt::join(parties, ", "),
      fmt::join(levels, ", "));
}

absl::StatusOr<WhyEmptyRequest> ParseWhyEmptyRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"of"}));
  WhyEmptyRequest request;
  ASSIGN_OR_RETURN(request.of, params.Choice("of", {"races", "targets", "leverage"}, ""));
  if (request.of.empty()) {
    return absl::InvalidArgumentError("of is required: races, targets or leverage");
  }
  request.source = request.of == "targets"    ? AnswerSource::kPrimaries
                   : request.of == "leverage" ? AnswerSource::kGenerals
                                              : AnswerSource::kResults;
  return request;
}

nlohmann::json WhyEmptyJson(const WhyEmptyRequest& request, const SummaryAnswer& summary) {
  return {{"of", request.of}, {"message", WhyEmpty(request.of, request.source, summary)}};
}

}  // namespace downballot::query
