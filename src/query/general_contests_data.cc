#include "query/general_contests_data.h"

#include "analysis/general_contests.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/election_stage.h"
#include "store/candidacy_queries.h"
#include "store/queries.h"

namespace downballot::query {
namespace {

bool Matches(const model::GeneralContest& contest, const ContestFilter& filter) {
  return (!filter.year.has_value() || contest.year == *filter.year) &&
         (filter.state.empty() || base::EqualsIgnoreCase(contest.state, filter.state)) &&
         (filter.office.empty() || base::ContainsIgnoreCase(contest.office, filter.office));
}

}  // namespace

absl::StatusOr<GeneralContests> LoadGeneralContests(store::Database& db,
                                                    const ContestFilter& filter) {
  GeneralContests result;
  store::RaceFilter race_filter;
  race_filter.state = filter.state;
  ASSIGN_OR_RETURN(const std::vector<model::Race> races, store::ReadRaces(db, race_filter));
  for (const model::Race& race : races) {
    if (!model::IsOfficeStage(race.key.stage)) continue;
    // A ballot question has no candidates, so no margin a party line could exceed.
    if (race.level == model::OfficeLevel::kMeasure) continue;
    model::GeneralContest contest = analysis::ContestFromRace(race);
    if (!Matches(contest, filter)) continue;
    if (contest.source == "medsl") ++result.num_counted_from_medsl;
    // MEDSL's own contests stand for its source below; a race counted from it would repeat them.
    if (contest.source != "medsl") result.by_source.push_back(contest);
    result.contests.push_back(std::move(contest));
  }
  ASSIGN_OR_RETURN(const std::vector<store::StoredGeneralReturns> files,
                   store::ReadGeneralReturns(db, filter.year, filter.state));
  for (const store::StoredGeneralReturns& file : files) {
    for (model::GeneralContest& contest :
         analysis::ContestsFromReturns(file.returns, "medsl", file.source_path)) {
      if (Matches(contest, filter)) result.by_source.push_back(std::move(contest));
    }
  }
  if (result.contests.empty() && result.by_source.empty()) {
    // Nothing matched: an answer when general races are loaded (the roll-up makes races of
    // MEDSL's returns too), a missing step when none are.
    ASSIGN_OR_RETURN(const std::vector<store::RaceGroup> groups, store::ReadRaceGroups(db));
    for (const store::RaceGroup& group : groups) {
      const std::optional<model::ElectionStage> stage = model::ParseElectionStage(group.stage);
      if (stage.has_value() && model::IsOfficeStage(*stage)) return result;
    }
    return absl::FailedPreconditionError(
        "no general-election returns are loaded: ingest MEDSL's *_overall files or "
        "OpenElections general files first");
  }
  return result;
}

}  // namespace downballot::query
