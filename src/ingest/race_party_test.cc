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
  AssignRaceParties(info, rows);
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
  AssignRaceParties(info, rows);
  EXPECT_EQ(rows[0].race_party, "REP");
  info.stage = model::ElectionStage::kGeneral;
  AssignRaceParties(info, rows);
  EXPECT_EQ(rows[0].race_party, "");
}

}  // namespace
}  // namespace downballot::ingest
