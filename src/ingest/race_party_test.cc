#include "ingest/race_party.h"

#include <gtest/gtest.h>

#include <vector>

namespace downballot::ingest {
namespace {

model::ResultRow Row(std::string precinct, std::string party, std::string candidate) {
  model::ResultRow row;
  row.county = "Bronx";
  row.precinct = std::move(precinct);
  row.office_raw = "State Senate";
  row.district = "32";
  row.party = std::move(party);
  row.candidate = std::move(candidate);
  return row;
}

TEST(RaceParty, TurnoutRowsTakeThePartyOfTheirCandidates) {
  model::ResultFileInfo info;
  info.stage = model::ElectionStage::kPrimary;
  std::vector<model::ResultRow> rows = {Row("1", "", "Public Counter"), Row("1", "DEM", "Diaz"),
                                        Row("2", "", "Public Counter"), Row("2", "DEM", "A"),
                                        Row("2", "REP", "B")};
  AssignRaceParties(info, OfficeTable::Default(), rows);
  EXPECT_EQ(rows[0].race_party, "DEM");
  EXPECT_EQ(rows[1].race_party, "DEM");
  EXPECT_EQ(rows[2].race_party, "") << "two parties in one group: no guess";
  EXPECT_EQ(rows[4].race_party, "REP");
}

TEST(RaceParty, FileNamePartyWinsAndGeneralsHaveNone) {
  model::ResultFileInfo info;
  info.stage = model::ElectionStage::kPrimary;
  info.party = "REP";
  std::vector<model::ResultRow> rows = {Row("1", "", "X")};
  AssignRaceParties(info, OfficeTable::Default(), rows);
  EXPECT_EQ(rows[0].race_party, "REP");
  info.stage = model::ElectionStage::kGeneral;
  AssignRaceParties(info, OfficeTable::Default(), rows);
  EXPECT_EQ(rows[0].race_party, "");
}

TEST(RaceParty, AnAllPartyPrimaryIsNoPartysRaceButItsPartyOfficesAre) {
  model::ResultFileInfo info;
  info.state = "CA";
  info.date = base::Date{2018, 6, 5};
  info.stage = model::ElectionStage::kPrimary;
  std::vector<model::ResultRow> rows = {Row("1", "DEM", "Gavin Newsom"),
                                        Row("1", "REP", "John H. Cox"),
                                        Row("1", "DEM", "Committee Member")};
  rows[2].level = model::OfficeLevel::kParty;
  AssignRaceParties(info, OfficeTable::Default(), rows);
  EXPECT_EQ(rows[0].race_party, "");
  EXPECT_EQ(rows[1].race_party, "");
  EXPECT_EQ(rows[2].race_party, "DEM");
  // New York's primaries are each party's own.
  info.state = "NY";
  AssignRaceParties(info, OfficeTable::Default(), rows);
  EXPECT_EQ(rows[0].race_party, "DEM");
}

TEST(RaceParty, NonpartisanContestsOnAPrimaryBallotHaveNoParty) {
  model::ResultFileInfo info;
  info.state = "WI";
  info.stage = model::ElectionStage::kPrimary;
  std::vector<model::ResultRow> rows = {Row("1", "NP", "Rebecca Dallet")};
  AssignRaceParties(info, OfficeTable::Default(), rows);
  EXPECT_EQ(rows[0].race_party, "");
}

}  // namespace
}  // namespace downballot::ingest