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
  // Nothing matched is an empty answer, loaded or not: the caller says why (query::WhyEmpty).
  return result;
}

}  // namespace downballot::query
