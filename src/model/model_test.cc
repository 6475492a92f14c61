#include <gtest/gtest.h>

#include "model/election_stage.h"
#include "model/office_level.h"
#include "model/race.h"
#include "model/row_kind.h"

namespace downballot::model {
namespace {

TEST(ModelEnums, RoundTripThroughText) {
  for (auto level : {OfficeLevel::kFederal, OfficeLevel::kState, OfficeLevel::kCounty,
                     OfficeLevel::kMunicipal, OfficeLevel::kJudicial, OfficeLevel::kParty}) {
    EXPECT_EQ(ParseOfficeLevel(ToString(level)), level);
  }
  for (auto stage : {ElectionStage::kPrimary, ElectionStage::kGeneral, ElectionStage::kSpecial,
                     ElectionStage::kRunoff}) {
    EXPECT_EQ(ParseElectionStage(ToString(stage)), stage);
  }
  EXPECT_EQ(ParseRowKind("ballots_cast"), RowKind::kBallotsCast);
  EXPECT_FALSE(ParseOfficeLevel("galactic").has_value());
}

TEST(RaceId, IsReadableAndStable) {
  RaceKey key{SeatKey{"NY", "U.S. House", "14", ""}, base::Date{2018, 6, 26},
              ElectionStage::kPrimary, "DEM"};
  EXPECT_EQ(MakeRaceId(key), "ny.2018-06-26.primary.dem.u-s-house.14");
  EXPECT_EQ(MakeSeatId(key.seat), "ny.u-s-house.14");
  key.seat = SeatKey{"NY", "County Committee", "Town of Cicero District 8", "Onondaga"};
  key.party = "";
  key.stage = ElectionStage::kGeneral;
  EXPECT_EQ(MakeRaceId(key),
            "ny.2018-06-26.general.onondaga.county-committee.town-of-cicero-district-8");
}

}  // namespace
}  // namespace downballot::model
