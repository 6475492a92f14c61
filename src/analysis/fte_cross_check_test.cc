#include "analysis/fte_cross_check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

model::PrimaryCandidacy Candidacy(std::string name, double pct, bool won) {
  model::PrimaryCandidacy candidacy;
  candidacy.cycle = 2018;
  candidacy.party = "DEM";
  candidacy.candidate = std::move(name);
  candidacy.state = "NY";
  candidacy.district = "U.S. House New York District 24";
  candidacy.office_type = "Representative";
  candidacy.race_type = "Regular";
  candidacy.primary_date = base::Date{2018, 6, 26};
  candidacy.primary_pct = pct;
  candidacy.won_primary = won;
  return candidacy;
}

model::Race Race(std::vector<std::pair<std::string, int64_t>> votes, int64_t write_ins = 0) {
  model::Race race;
  race.key = model::RaceKey{model::SeatKey{"NY", "U.S. House", "24", ""}, base::Date{2018, 6, 26},
                            model::ElectionStage::kPrimary, "DEM"};
  race.id = model::MakeRaceId(race.key);
  for (const auto& [name, count] : votes) {
    model::CandidateResult candidate;
    candidate.name = name;
    candidate.votes = count;
    race.candidate_votes += count;
    race.candidates.push_back(candidate);
  }
  race.candidates.front().is_winner = true;
  race.write_in_votes = write_ins;
  return race;
}

// NY-24, 2018 Democratic primary: FiveThirtyEight gives Dana Balter 62.45%.
TEST(CompareWithFiveThirtyEight, AgreesWithinATwentiethOfAPoint) {
  const std::vector<model::PrimaryCandidacy> fte = {
      Candidacy("Dana Balter", 62.45, true), Candidacy("Juanita Perez Williams", 37.55, false)};
  const std::vector<model::Race> agree = {
      Race({{"Dana Balter", 14897}, {"Juanita Perez Williams", 8958}})};
  const auto comparisons = CompareWithFiveThirtyEight(agree, fte);
  ASSERT_EQ(comparisons.size(), 1u);
  EXPECT_EQ(comparisons[0].verdict, FteVerdict::kAgrees);
  EXPECT_NEAR(comparisons[0].shares[0].our_points, 100.0 * 14897 / (14897 + 8958), 1e-9);

  // Monroe's NY-25 rows counted as NY-24 make Morelle win: FiveThirtyEight disagrees.
  const std::vector<model::Race> mislabelled = {Race(
      {{"Joseph D. Morelle", 16245}, {"Dana Balter", 14897}, {"Juanita Perez Williams", 8958}})};
  const auto wrong = CompareWithFiveThirtyEight(mislabelled, fte);
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_EQ(wrong[0].verdict, FteVerdict::kWinnerDiffers);
  EXPECT_EQ(wrong[0].our_winner, "Joseph D. Morelle");
  EXPECT_EQ(wrong[0].fte_winner, "Dana Balter");
}

TEST(CompareWithFiveThirtyEight, NamesSharesOffByMoreThanTheTolerance) {
  const std::vector<model::PrimaryCandidacy> fte = {
      Candidacy("Dana Balter", 60.0, true), Candidacy("Juanita Perez Williams", 40.0, false)};
  const std::vector<model::Race> races = {
      Race({{"Dana Balter", 62}, {"Juanita Perez Williams", 38}})};
  const auto comparisons = CompareWithFiveThirtyEight(races, fte);
  ASSERT_EQ(comparisons.size(), 1u);
  EXPECT_EQ(comparisons[0].verdict, FteVerdict::kSharesDiffer);
  EXPECT_NEAR(comparisons[0].worst_points, 2.0, 1e-9);

  model::Race partial = races[0];
  partial.completeness = model::Completeness::kPartial;
  EXPECT_EQ(CompareWithFiveThirtyEight(std::vector<model::Race>{partial}, fte)[0].verdict,
            FteVerdict::kNotComparable);
  EXPECT_TRUE(CompareWithFiveThirtyEight({}, fte).empty());
}

}  // namespace
}  // namespace downballot::analysis
