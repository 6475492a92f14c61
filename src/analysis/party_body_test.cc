#include "analysis/party_body.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

model::Race CommitteeRace(const std::string& district, int seats, int field_size, int64_t ballots) {
  model::Race race;
  race.key.seat = {"NY", "County Committee", district, "Richmond"};
  race.key.date = {2016, 9, 13};
  race.key.stage = model::ElectionStage::kPrimary;
  race.key.party = "CON";
  race.id = model::MakeRaceId(race.key);
  race.level = model::OfficeLevel::kParty;
  race.body = "County Committee";
  race.seats = seats;
  race.field_size = field_size;
  race.is_contested = field_size > seats;
  race.ballots_for_office = ballots;
  return race;
}

model::PartyBodyRule TwoPerElectionDistrict() {
  model::PartyBodyRule rule;
  rule.state = "NY";
  rule.body = "County Committee";
  rule.unit = model::BodyUnit::kPrecinct;
  rule.members_per_unit = 2;
  rule.source = "NY Election Law §2-104";
  rule.location = "bodies.tsv:13";
  return rule;
}

TEST(PartyBody, GroupsByBodyAtTheLatestPrimary) {
  std::vector<model::Race> races = {CommitteeRace("62001", 2, 3, 10),
                                    CommitteeRace("62002", 2, 2, 8)};
  model::Race older = CommitteeRace("62003", 2, 3, 12);
  older.key.date = {2014, 9, 9};
  older.id = model::MakeRaceId(older.key);
  races.push_back(older);
  model::Race assembly = CommitteeRace("61", 1, 2, 500);
  assembly.level = model::OfficeLevel::kState;
  assembly.body.clear();
  races.push_back(assembly);
  const std::vector<BodyRaces> groups = GroupBodyRaces(races);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(model::MakeBodyId(groups[0].key), "ny.con.richmond.county-committee");
  EXPECT_EQ(groups[0].date, (base::Date{2016, 9, 13}));
  EXPECT_EQ(groups[0].races.size(), 2u);
}

TEST(PartyBody, CountsEveryListedElectionDistrict) {
  const std::vector<model::Race> races = {CommitteeRace("62001", 2, 3, 10),
                                          CommitteeRace("62002", 2, 2, 8)};
  const std::vector<BodyRaces> groups = GroupBodyRaces(races);
  ASSERT_EQ(groups.size(), 1u);
  const std::map<std::string, std::vector<std::string>> precincts = {{races[0].id, {"001/62"}},
                                                                     {races[1].id, {"002/62"}}};
  const UnitList list{{"001/62", "002/62", "003/62", "004/62"}, "richmond.csv"};
  const PartyBody body = CountPartyBody(groups[0], TwoPerElectionDistrict(), precincts, &list);
  EXPECT_TRUE(body.is_seat_count_exact);
  EXPECT_EQ(body.seats, 8);
  EXPECT_EQ(body.num_units, 4);
  EXPECT_EQ(body.primaries, 2);
  EXPECT_EQ(body.seats_at_primary, 4);
  EXPECT_EQ(body.contested_seats, 2);  // 62002 had two candidates for two seats
  EXPECT_EQ(body.seats_without_primary, 4);
  EXPECT_EQ(body.median_ballots_per_contested_seat, 5.0);  // 10 ballots for 2 members
}

TEST(PartyBody, IsALowerBoundWithoutAListOrWhenARaceIsOutsideIt) {
  const std::vector<model::Race> races = {CommitteeRace("62001", 2, 3, 10)};
  const std::vector<BodyRaces> groups = GroupBodyRaces(races);
  const std::map<std::string, std::vector<std::string>> precincts = {{races[0].id, {"001/62"}}};
  const PartyBody unlisted =
      CountPartyBody(groups[0], TwoPerElectionDistrict(), precincts, nullptr);
  EXPECT_FALSE(unlisted.is_seat_count_exact);
  EXPECT_EQ(unlisted.seats, 2);
  EXPECT_FALSE(unlisted.seats_without_primary.has_value());
  EXPECT_TRUE(unlisted.seats_basis.starts_with("at least 2:")) << unlisted.seats_basis;

  const UnitList other{{"005/62", "006/62"}, "other.csv"};
  const PartyBody outside = CountPartyBody(groups[0], TwoPerElectionDistrict(), precincts, &other);
  EXPECT_FALSE(outside.is_seat_count_exact);
  EXPECT_EQ(outside.seats, 6);  // the listed two and the one outside, two members each
  EXPECT_NE(outside.seats_basis.find("not in other.csv"), std::string::npos) << outside.seats_basis;

  model::PartyBodyRule varies = TwoPerElectionDistrict();
  varies.members_per_unit = 0;
  const UnitList list{{"001/62", "002/62"}, "richmond.csv"};
  const PartyBody unknown_members = CountPartyBody(groups[0], varies, precincts, &list);
  EXPECT_FALSE(unknown_members.is_seat_count_exact);
  EXPECT_EQ(unknown_members.seats, 3);  // the race's two, and one for the listed district
}

}  // namespace
}  // namespace downballot::analysis
