#include "analysis/body_takeover.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

model::Race TwoWayRace(const std::string& district, int64_t ballots) {
  model::Race race;
  race.key.seat = {"NY", "County Committee (Female)", district, "Kings"};
  race.key.date = {2016, 9, 13};
  race.key.stage = model::ElectionStage::kPrimary;
  race.key.party = "DEM";
  race.id = model::MakeRaceId(race.key);
  race.level = model::OfficeLevel::kParty;
  race.body = "County Committee";
  race.seats = 1;
  race.field_size = 2;
  race.is_contested = true;
  race.ballots_for_office = ballots;
  model::CandidateResult winner;
  winner.name = "A";
  winner.votes = ballots - ballots / 3;
  winner.is_winner = true;
  model::CandidateResult loser;
  loser.name = "B";
  loser.votes = ballots / 3;
  race.candidates = {winner, loser};
  return race;
}

TEST(PlanTakeover, FilesForOpenSeatsFirstThenTheCheapestRaces) {
  const std::vector<model::Race> races = {TwoWayRace("41001", 100), TwoWayRace("41002", 20),
                                          TwoWayRace("41003", 60)};
  const std::vector<BodyRaces> groups = GroupBodyRaces(races);
  ASSERT_EQ(groups.size(), 1u);
  model::PartyBodyRule rule;
  rule.body = "County Committee";
  rule.members_per_unit = 2;
  const std::map<std::string, std::vector<std::string>> precincts = {
      {races[0].id, {"001/41"}}, {races[1].id, {"002/41"}}, {races[2].id, {"003/41"}}};
  // Three districts, two members each; each district's male seat had no primary.
  const PartyBody body = CountPartyBody(groups[0], rule, precincts, nullptr);
  ASSERT_EQ(body.seats, 6);
  const auto plan = PlanTakeover(body, races, PlanAssumptions{});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->majority, 4);
  ASSERT_EQ(plan->picks.size(), 4u);
  for (size_t idx = 0; idx < 3; ++idx) {
    EXPECT_TRUE(plan->picks[idx].race_id.empty());
    EXPECT_EQ(plan->picks[idx].win_number_expected, 0);
    // The high end: the median race win number, ceil(60 x 0.53) = 32.
    EXPECT_EQ(plan->picks[idx].win_number_high, 32);
  }
  EXPECT_EQ(plan->picks[3].race_id, races[1].id);     // 20 ballots: the cheapest race
  EXPECT_EQ(plan->picks[3].win_number_expected, 11);  // ceil(20 x 0.53)
  EXPECT_EQ(plan->seats_won, 4);
  EXPECT_EQ(plan->candidates, 4);
  EXPECT_EQ(plan->expected.win_number, 11);
  EXPECT_EQ(plan->expected.contacts, 6 * 14);  // half of 11 assured: ceil(5.5) votes to find
  EXPECT_FALSE(plan->warnings.empty());        // a lower bound's majority
}

TEST(PlanTakeover, RefusesBadAssumptions) {
  PartyBody body;
  body.seats = 2;
  PlanAssumptions assumptions;
  assumptions.take_rate = 0;
  EXPECT_EQ(PlanTakeover(body, {}, assumptions).status().code(),
            absl::StatusCode::kInvalidArgument);
  body.seats = 0;
  EXPECT_EQ(PlanTakeover(body, {}, PlanAssumptions{}).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace downballot::analysis
