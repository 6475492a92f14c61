#include "analysis/primary_fields.h"

#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace downballot::analysis {
namespace {

model::PrimaryCandidacy Candidacy(std::string name, std::string district, std::string office,
                                  std::optional<bool> won) {
  model::PrimaryCandidacy c;
  c.candidate = std::move(name);
  c.cycle = 2018;
  c.party = "DEM";
  c.state = "OH";
  c.district = std::move(district);
  c.office_type = std::move(office);
  c.race_type = "Regular";
  c.primary_date = base::Date{2018, 5, 8};
  c.won_primary = won;
  return c;
}

void Endorse(model::PrimaryCandidacy& c, std::string group, model::Endorsement value,
             bool is_party = false) {
  c.endorsements.push_back(model::EndorsementCell{std::move(group), value, is_party});
}

TEST(PrimaryFields, NormalizesBothFormatsOfficesAndDistricts) {
  const auto house2018 = Candidacy("A", "U.S. House Ohio District 12", "Representative", true);
  EXPECT_EQ(NormalizedOffice(house2018), "U.S. House");
  EXPECT_EQ(NormalizedDistrict(house2018), "12");
  const auto house2022 = Candidacy("A", "07", "Representative", true);
  EXPECT_EQ(NormalizedDistrict(house2022), "7");
  const auto at_large =
      Candidacy("A", "U.S. House Montana At-large District", "Representative", true);
  EXPECT_EQ(NormalizedDistrict(at_large), "AL");
  EXPECT_EQ(NormalizedDistrict(Candidacy("A", "At-Large", "Representative", true)), "AL");
  const auto senate = Candidacy("A", "", "Senator (unexpired term)", true);
  EXPECT_EQ(NormalizedOffice(senate), "U.S. Senate");
  EXPECT_EQ(NormalizedDistrict(senate), "");
  EXPECT_EQ(NormalizedOffice(Candidacy("A", "Governor of Ohio", "Governor", true)), "Governor");
}

TEST(PrimaryFields, GroupsCandidaciesIntoRaces) {
  std::vector<model::PrimaryCandidacy> rows = {
      Candidacy("A", "U.S. House Ohio District 12", "Representative", true),
      Candidacy("B", "U.S. House Ohio District 12", "Representative", false),
      Candidacy("C", "U.S. House Ohio District 1", "Representative", true),
      Candidacy("D", "U.S. House Ohio District 12", "Representative", false),
  };
  rows[3].race_type = "Special";
  const std::vector<PrimaryRace> races = GroupPrimaries(rows);
  ASSERT_EQ(races.size(), 3u);
  EXPECT_EQ(races[0].race_id, "oh.2018-05-08.primary.dem.u-s-house.12");
  EXPECT_EQ(races[0].candidacies, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(races[1].race_id, "oh.2018-05-08.primary.dem.u-s-house.1");
  EXPECT_EQ(races[2].race_id, "oh.2018-05-08.primary.dem.u-s-house.12.special");
  EXPECT_TRUE(races[2].is_special);
}

TEST(PrimaryFields, ComputesFeaturesByHand) {
  std::vector<model::PrimaryCandidacy> rows = {
      Candidacy("A", "12", "Representative", true),
      Candidacy("B", "12", "Representative", false),
      Candidacy("C", "12", "Representative", false),
  };
  rows[0].elected_official = true;
  rows[0].partisan_lean = 20.0;
  rows[1].self_funder = true;
  rows[2].incumbent = true;
  Endorse(rows[0], "Sanders Endorsed?", model::Endorsement::kYes);
  Endorse(rows[0], "WFP Endorsed?", model::Endorsement::kYes);
  Endorse(rows[0], "Party Support?", model::Endorsement::kNo, true);
  Endorse(rows[1], "Sanders Endorsed?", model::Endorsement::kNo);
  Endorse(rows[1], "WFP Endorsed?", model::Endorsement::kNotTracked);
  Endorse(rows[1], "Party Support?", model::Endorsement::kYes, true);
  const std::vector<PrimaryRace> races = GroupPrimaries(rows);
  ASSERT_EQ(races.size(), 1u);
  const model::PrimaryField field = MakePrimaryField(races[0], rows);
  ASSERT_EQ(field.candidates.size(), 3u);
  const double log3 = std::log(3.0);
  const std::vector<double> a = {0, 1, 0, std::log(3.0), 0, 0, 1, 1, log3, 2.0, 0};
  const std::vector<double> b = {0, 0, 1, 0, std::log(2.0), 1, 0, 0, 0, 0, 0};
  const std::vector<double> c = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (size_t idx = 0; idx < kForecastFeatureNames.size(); ++idx) {
    SCOPED_TRACE(kForecastFeatureNames[idx]);
    EXPECT_DOUBLE_EQ(field.candidates[0].features[idx], a[idx]);
    EXPECT_DOUBLE_EQ(field.candidates[1].features[idx], b[idx]);
    EXPECT_DOUBLE_EQ(field.candidates[2].features[idx], c[idx]);
  }
  EXPECT_EQ(WinnerIndex(field), 0);
}

TEST(PrimaryFields, ReceiptsShareCountsLinkedCandidatesOnly) {
  std::vector<model::PrimaryCandidacy> rows = {Candidacy("A", "1", "Representative", true),
                                               Candidacy("B", "1", "Representative", false),
                                               Candidacy("C", "1", "Representative", false)};
  const std::vector<std::optional<int64_t>> receipts = {300'000, 100'000, std::nullopt};
  const model::PrimaryField field = MakePrimaryField(GroupPrimaries(rows)[0], rows, receipts);
  EXPECT_DOUBLE_EQ(field.candidates[0].features[10], 0.75);
  EXPECT_DOUBLE_EQ(field.candidates[1].features[10], 0.25);
  EXPECT_DOUBLE_EQ(field.candidates[2].features[10], 0.0);
  // Without FEC money the feature is 0 for everyone, so it cancels out of the race.
  const model::PrimaryField without = MakePrimaryField(GroupPrimaries(rows)[0], rows);
  EXPECT_DOUBLE_EQ(without.candidates[0].features[10], 0.0);
}

TEST(PrimaryFields, RepublicanLeanIsMirrored) {
  std::vector<model::PrimaryCandidacy> rows = {Candidacy("A", "1", "Representative", true),
                                               Candidacy("B", "1", "Representative", false)};
  for (auto& row : rows) {
    row.party = "REP";
    row.partisan_lean = -30.0;  // R+30: friendly ground for a Republican
  }
  Endorse(rows[0], "Trump", model::Endorsement::kYes);
  const model::PrimaryField field = MakePrimaryField(GroupPrimaries(rows)[0], rows);
  EXPECT_DOUBLE_EQ(field.candidates[0].features[9], 3.0);
}

TEST(PrimaryFields, RaceFromPrimaryCarriesTheSeatAndNames) {
  std::vector<model::PrimaryCandidacy> rows = {
      Candidacy("A", "U.S. House Ohio District 12", "Representative", true),
      Candidacy("B", "U.S. House Ohio District 12", "Representative", false)};
  const model::Race race = RaceFromPrimary(GroupPrimaries(rows)[0], rows);
  EXPECT_EQ(race.id, "oh.2018-05-08.primary.dem.u-s-house.12");
  EXPECT_EQ(race.key.seat.office, "U.S. House");
  EXPECT_EQ(race.key.seat.district, "12");
  EXPECT_EQ(race.key.date, (base::Date{2018, 5, 8}));
  ASSERT_EQ(race.candidates.size(), 2u);
  EXPECT_EQ(race.candidates[1].name, "B");
}

TEST(PrimaryFields, WinnerIndexNeedsExactlyOneKnownWinner) {
  model::PrimaryField field;
  field.candidates.resize(2);
  field.candidates[0].won = true;
  field.candidates[1].won = std::nullopt;
  EXPECT_EQ(WinnerIndex(field), -1);
  field.candidates[1].won = true;  // top-two: both advanced
  EXPECT_EQ(WinnerIndex(field), -1);
  field.candidates[1].won = false;
  EXPECT_EQ(WinnerIndex(field), 0);
  field.candidates[0].won = false;
  EXPECT_EQ(WinnerIndex(field), -1);
}

TEST(PrimaryFields, FieldFromRaceSetsOnlyIncumbency) {
  model::Race race;
  race.id = "ny.2018-06-26.primary.dem.u-s-house.14";
  race.key.seat.state = "ny";
  race.key.seat.office = "U.S. House";
  race.key.seat.district = "14";
  race.key.date = base::Date{2018, 6, 26};
  race.key.stage = model::ElectionStage::kPrimary;
  race.key.party = "DEM";
  race.candidates.resize(2);
  race.candidates[0].name = "Alexandria Ocasio-Cortez";
  race.candidates[0].is_winner = true;
  race.candidates[1].name = "Joseph Crowley";
  race.candidates[1].is_incumbent = true;
  const model::PrimaryField field = FieldFromRace(race);
  EXPECT_EQ(field.race_id, race.id);
  EXPECT_EQ(field.cycle, 2018);
  EXPECT_EQ(field.state, "NY");
  ASSERT_EQ(field.candidates.size(), 2u);
  EXPECT_EQ(field.candidates[1].features[kIncumbentFeature], 1.0);
  double sum = 0;
  for (const auto& candidate : field.candidates) {
    for (double value : candidate.features) sum += value;
  }
  EXPECT_EQ(sum, 1.0);
  EXPECT_EQ(WinnerIndex(field), 0);
}

}  // namespace
}  // namespace downballot::analysis
