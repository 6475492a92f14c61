#include "cli/general_contests_data.h"

#include <map>
#include <tuple>

#include "analysis/general_contests.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "store/candidacy_queries.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

bool Matches(const model::GeneralContest& contest, const ContestFilter& filter) {
  return (!filter.year.has_value() || contest.year == *filter.year) &&
         (filter.state.empty() || base::EqualsIgnoreCase(contest.state, filter.state)) &&
         (filter.office.empty() || base::ContainsIgnoreCase(contest.office, filter.office));
}

}  // namespace

absl::StatusOr<GeneralContests> LoadGeneralContests(store::Database& db,
                                                    const ContestFilter& filter) {
  std::vector<model::GeneralContest> all;
  ASSIGN_OR_RETURN(const std::vector<store::StoredGeneralReturns> files,
                   store::ReadGeneralReturns(db, filter.year, filter.state));
  for (const store::StoredGeneralReturns& file : files) {
    for (model::GeneralContest& contest :
         analysis::ContestsFromReturns(file.returns, "medsl", file.source_path)) {
      all.push_back(std::move(contest));
    }
  }
  store::RaceFilter race_filter;
  race_filter.stage = "general";
  race_filter.state = filter.state;
  ASSIGN_OR_RETURN(const std::vector<model::Race> races, store::ReadRaces(db, race_filter));
  for (const model::Race& race : races) all.push_back(analysis::ContestFromRace(race));
  if (all.empty()) {
    return absl::FailedPreconditionError(
        "no general-election returns are loaded: ingest MEDSL's *_overall files or "
        "OpenElections general files first");
  }

  // Only a MEDSL contest can duplicate an OpenElections race: OpenElections races are already
  // one per seat, and local ones share office names across jurisdictions.
  using Key = std::tuple<int, std::string, std::string, std::string, bool>;
  std::map<Key, size_t> medsl_index;  // into result.contests
  GeneralContests result;
  for (model::GeneralContest& contest : all) {
    if (!Matches(contest, filter)) continue;
    const Key key{contest.year, contest.state, contest.office, contest.district,
                  contest.is_special};
    if (contest.source == "medsl") {
      // district_county and district_overall both hold Delaware, Hawaii and Oklahoma.
      if (medsl_index.contains(key)) {
        result.superseded.push_back(contest.contest_id + " (" + contest.source_file + ")");
        continue;
      }
      medsl_index.emplace(key, result.contests.size());
      result.by_source.push_back(contest);
      result.contests.push_back(std::move(contest));
      continue;
    }
    result.by_source.push_back(contest);
    const auto it = medsl_index.find(key);
    if (it == medsl_index.end()) {
      result.contests.push_back(std::move(contest));
    } else if (contest.is_complete) {
      result.superseded.push_back(result.contests[it->second].contest_id);
      result.contests[it->second] = std::move(contest);
    } else {
      result.superseded.push_back(contest.contest_id);
    }
  }
  return result;
}

}  // namespace downballot::cli
