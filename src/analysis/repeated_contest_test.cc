#include "analysis/repeated_contest.h"

#include <gtest/gtest.h>

#include <vector>

namespace downballot::analysis {
namespace {

model::Race Primary(base::Date date, std::vector<std::pair<std::string, int64_t>> votes,
                    model::ElectionStage stage = model::ElectionStage::kPrimary) {
  model::Race race;
  race.key = model::RaceKey{model::SeatKey{"NY", "U.S. House", "1", ""}, date, stage, "DEM"};
  race.id = model::MakeRaceId(race.key);
  for (const auto& [name, count] : votes) {
    model::CandidateResult candidate;
    candidate.name = name;
    candidate.votes = count;
    race.candidate_votes += count;
    race.candidates.push_back(candidate);
  }
  return race;
}

// Suffolk's file dated 2018-07-26 holds the June NY-1 primary again, precinct by precinct.
TEST(FindRepeatedContests, FindsAContestFiledUnderASecondDate) {
  const std::vector<model::Race> races = {
      Primary({2018, 6, 26}, {{"Perry Gershon", 7902}, {"Kate M. Browning", 6813}}),
      Primary({2018, 7, 26}, {{"Perry Gershon", 7899}, {"Kate M Browning", 6810}}),
      // A runoff repeats its primary's leaders by design; a different field is another contest.
      Primary({2018, 8, 28}, {{"Perry Gershon", 5000}, {"Kate M. Browning", 4000}},
              model::ElectionStage::kRunoff),
      Primary({2018, 9, 13}, {{"Perry Gershon", 7902}, {"Someone Else", 10}}),
  };
  const std::vector<RepeatedContest> found = FindRepeatedContests(races);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].race_id, "ny.2018-07-26.primary.dem.u-s-house.1");
  EXPECT_EQ(found[0].earlier_race_id, "ny.2018-06-26.primary.dem.u-s-house.1");
}

}  // namespace
}  // namespace downballot::analysis
