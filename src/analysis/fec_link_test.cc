#include "analysis/fec_link.h"

#include <gtest/gtest.h>

#include <map>

namespace downballot::analysis {
namespace {

model::FecCandidate Fec(std::string cand_id, std::string name, std::string office,
                        std::string state, std::string district, int year) {
  model::FecCandidate candidate;
  candidate.cand_id = std::move(cand_id);
  candidate.name = std::move(name);
  candidate.office = std::move(office);
  candidate.office_state = std::move(state);
  candidate.office_district = std::move(district);
  candidate.election_year = year;
  return candidate;
}

model::Race Race(std::string office, std::string district, std::vector<std::string> names) {
  model::Race race;
  race.key = model::RaceKey{model::SeatKey{"NY", std::move(office), std::move(district), ""},
                            base::Date{2018, 6, 26}, model::ElectionStage::kPrimary, "DEM"};
  race.id = model::MakeRaceId(race.key);
  for (std::string& name : names) {
    model::CandidateResult candidate;
    candidate.name = std::move(name);
    race.candidates.push_back(std::move(candidate));
  }
  return race;
}

TEST(LinkFecCandidates, MatchesSeatYearAndNameAndReportsTheRest) {
  const std::vector<model::FecCandidate> fec = {
      Fec("H8NY15148", "OCASIO-CORTEZ, ALEXANDRIA", "H", "NY", "14", 2018),
      Fec("H8NY14097", "CROWLEY, JOSEPH", "H", "NY", "14", 2018),
      Fec("H8NY14097", "CROWLEY, JOSEPH", "H", "NY", "14", 2018),  // cn repeats some rows
      Fec("H6NY14000", "CROWLEY, JOSEPH", "H", "NY", "14", 2016),  // another year: not chosen
      Fec("H8NY16001", "ENGEL, ELIOT", "H", "NY", "16", 2020),     // only a later year listed
      Fec("S8NY00082", "GILLIBRAND, KIRSTEN", "S", "NY", "00", 2018),
      Fec("H8NY01001", "SMITH, JOHN A", "H", "NY", "01", 2018),
      Fec("H8NY01002", "SMITH, JOHN B", "H", "NY", "01", 2018)};
  const std::vector<model::Race> races = {
      Race("U.S. House", "14", {"Alexandria Ocasio-Cortez", "Joseph Crowley", "Nobody Filed"}),
      Race("U.S. Senate", "", {"Kirsten Gillibrand"}), Race("U.S. House", "1", {"John Smith"}),
      Race("U.S. House", "16", {"Eliot Engel"}), Race("State Assembly", "99", {"Joseph Crowley"})};
  const std::vector<FecLink> links = LinkFecCandidates(races, fec);
  ASSERT_EQ(links.size(), 6u);
  std::map<std::string, FecLink> by_name;
  for (const FecLink& link : links) by_name[link.candidate + "@" + link.race_id] = link;
  EXPECT_EQ(by_name["Alexandria Ocasio-Cortez@ny.2018-06-26.primary.dem.u-s-house.14"].cand_id,
            "H8NY15148");
  EXPECT_EQ(by_name["Joseph Crowley@ny.2018-06-26.primary.dem.u-s-house.14"].cand_id, "H8NY14097");
  EXPECT_EQ(by_name["Nobody Filed@ny.2018-06-26.primary.dem.u-s-house.14"].status,
            FecLinkStatus::kUnlinked);
  EXPECT_EQ(by_name["Kirsten Gillibrand@ny.2018-06-26.primary.dem.u-s-senate"].cand_id,
            "S8NY00082");
  EXPECT_EQ(by_name["John Smith@ny.2018-06-26.primary.dem.u-s-house.1"].status,
            FecLinkStatus::kAmbiguous);
  EXPECT_EQ(by_name["Eliot Engel@ny.2018-06-26.primary.dem.u-s-house.16"].cand_id, "H8NY16001");
}

}  // namespace
}  // namespace downballot::analysis
