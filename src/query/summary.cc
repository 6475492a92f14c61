#include "query/summary.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/status_macros.h"
#include "model/election_stage.h"
#include "store/money_queries.h"
#include "store/queries.h"

namespace downballot::query {

absl::Status ParseSummaryRequest(const Params& params) { return params.CheckNames({}); }

absl::StatusOr<SummaryAnswer> AnswerSummary(store::Database& db) {
  ASSIGN_OR_RETURN(const std::vector<store::RaceGroup> groups, store::ReadRaceGroups(db));
  std::map<std::string, CoveredState> states;
  std::map<std::string, std::set<int>> years_by_state;
  std::set<int> years;
  std::map<std::string, int64_t> levels;
  std::map<std::string, int64_t> parties;
  SummaryAnswer answer;
  for (const store::RaceGroup& group : groups) {
    CoveredState& state = states[group.state];
    state.state = group.state;
    state.num_races += group.num_races;
    const std::optional<model::ElectionStage> stage = model::ParseElectionStage(group.stage);
    if (stage.has_value() && model::IsPartyStage(*stage)) state.num_primaries += group.num_races;
    years_by_state[group.state].insert(group.year);
    years.insert(group.year);
    levels[group.level] += group.num_races;
    if (!group.party.empty()) parties[group.party] += group.num_races;
    answer.num_races += group.num_races;
  }
  for (auto& [code, state] : states) {
    const std::set<int>& state_years = years_by_state[code];
    state.years.assign(state_years.begin(), state_years.end());
    answer.states.push_back(std::move(state));
  }
  answer.years.assign(years.begin(), years.end());
  for (const auto& [name, count] : levels) answer.levels.push_back({name, count});
  for (const auto& [name, count] : parties) answer.parties.push_back({name, count});
  std::stable_sort(
      answer.parties.begin(), answer.parties.end(),
      [](const NamedCount& a, const NamedCount& b) { return a.num_races > b.num_races; });
  ASSIGN_OR_RETURN(const std::vector<store::IngestedFile> files, store::ReadIngestHistory(db));
  answer.num_files = static_cast<int64_t>(files.size());
  ASSIGN_OR_RETURN(answer.fec_cycles, store::ReadFecCycles(db));
  return answer;
}

nlohmann::json ToJson(const SummaryAnswer& answer) {
  nlohmann::json states = nlohmann::json::array();
  for (const CoveredState& state : answer.states) {
    states.push_back({{"state", state.state},
                      {"years", state.years},
                      {"races", state.num_races},
                      {"primaries", state.num_primaries}});
  }
  const auto named = [](const std::vector<NamedCount>& counts, const char* key) {
    nlohmann::json out = nlohmann::json::array();
    for (const NamedCount& count : counts)
      out.push_back({{key, count.name}, {"races", count.num_races}});
    return out;
  };
  return {{"states", std::move(states)},
          {"years", answer.years},
          {"levels", named(answer.levels, "level")},
          {"parties", named(answer.parties, "party")},
          {"races", answer.num_races},
          {"files", answer.num_files},
          {"fec_cycles", answer.fec_cycles}};
}

}  // namespace downballot::query
