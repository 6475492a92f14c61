#include "analysis/slate.h"

#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace downballot::analysis {
namespace {

model::PrimaryCandidacy Candidacy(std::string name, std::string district, std::optional<bool> won) {
  model::PrimaryCandidacy c;
  c.candidate = std::move(name);
  c.cycle = 2018;
  c.party = "DEM";
  c.state = "NY";
  c.district = std::move(district);
  c.office_type = "Representative";
  c.race_type = "Regular";
  c.primary_date = base::Date{2018, 6, 26};
  c.won_primary = won;
  return c;
}

void Cell(model::PrimaryCandidacy& c, model::Endorsement value) {
  c.endorsements.push_back(model::EndorsementCell{"Group Endorsed?", value, false});
}

TEST(Slate, CountsKeepNotTrackedAndBackedOpponentApart) {
  // District 1: the group's pick wins; district 2: its pick loses; district 3: it did not weigh in.
  std::vector<model::PrimaryCandidacy> rows = {
      Candidacy("A", "1", true), Candidacy("B", "1", false), Candidacy("C", "2", false),
      Candidacy("D", "2", true), Candidacy("E", "3", true),  Candidacy("F", "3", std::nullopt),
  };
  Cell(rows[0], model::Endorsement::kYes);
  Cell(rows[1], model::Endorsement::kNo);
  Cell(rows[2], model::Endorsement::kYes);
  Cell(rows[3], model::Endorsement::kNo);
  Cell(rows[4], model::Endorsement::kNotTracked);
  Cell(rows[5], model::Endorsement::kNotTracked);
  const std::vector<SlateSummary> slates = ScoreSlates(rows);
  ASSERT_EQ(slates.size(), 1u);
  const SlateSummary& slate = slates[0];
  EXPECT_EQ(slate.group, "Group Endorsed?");
  EXPECT_EQ(slate.endorsed, 2);
  EXPECT_EQ(slate.backed_opponent, 2);
  EXPECT_EQ(slate.not_tracked, 2);
  EXPECT_EQ(slate.result.decided, 2);
  EXPECT_EQ(slate.result.won, 1);
  EXPECT_DOUBLE_EQ(slate.result.rate, 0.5);
  // Wilson 95% for 1 of 2, p = 0.5, n = 2: centre (p + z^2/2n) / (1 + z^2/n), half-width
  // z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n).
  const double z = 1.959963984540054;
  const double denominator = 1 + z * z / 2;
  const double centre = 0.5 + z * z / 4;
  const double half = z * std::sqrt(0.25 / 2 + z * z / 16);
  EXPECT_NEAR(slate.result.low, (centre - half) / denominator, 1e-12);
  EXPECT_NEAR(slate.result.high, (centre + half) / denominator, 1e-12);
  // Every race is a two-way open race of unknown lean, so there is one stratum: its candidates
  // with a known outcome won 3 of 5, and each endorsee was expected to win 0.6.
  EXPECT_DOUBLE_EQ(slate.expected_wins, 1.2);
  EXPECT_DOUBLE_EQ(slate.expected_rate, 0.6);
  ASSERT_TRUE(slate.observed_over_expected.has_value());
  EXPECT_DOUBLE_EQ(*slate.observed_over_expected, 1.0 / 1.2);
  EXPECT_DOUBLE_EQ(slate.reference_rate, 0.6);
  // logit(adjusted) = logit(0.6) + logit((1 + 0.5) / 3) - logit((1.2 + 0.5) / 3).
  const auto logit = [](double p) { return std::log(p / (1 - p)); };
  const double want = 1 / (1 + std::exp(-(logit(0.6) + logit(0.5) - logit(1.7 / 3))));
  ASSERT_TRUE(slate.adjusted_rate.has_value());
  EXPECT_NEAR(*slate.adjusted_rate, want, 1e-12);
  EXPECT_LT(*slate.adjusted_rate, 0.6);
}

TEST(Slate, SplitsByOfficeSeatAndLean) {
  std::vector<model::PrimaryCandidacy> rows = {
      Candidacy("A", "1", true),
      Candidacy("B", "1", false),
      Candidacy("C", "2", false),
      Candidacy("D", "2", true),
  };
  rows[0].partisan_lean = 20;  // safe for a Democrat
  rows[2].partisan_lean = -2;  // swing
  rows[3].incumbent = true;    // C challenges an incumbent
  Cell(rows[0], model::Endorsement::kYes);
  Cell(rows[1], model::Endorsement::kNo);
  Cell(rows[2], model::Endorsement::kYes);
  Cell(rows[3], model::Endorsement::kNo);
  const SlateSummary slate = ScoreSlates(rows).at(0);
  std::vector<std::string> got;
  for (const SlateSplit& split : slate.splits) {
    got.push_back(split.dimension + "=" + split.value + ":" + std::to_string(split.result.won) +
                  "/" + std::to_string(split.result.decided));
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"lean=safe:1/1", "lean=swing:0/1", "office=U.S. House:1/2",
                                      "seat=open seat:1/1", "seat=vs incumbent:0/1"}));
}

TEST(Slate, SeatStatusAndLeanBands) {
  model::PrimaryCandidacy c = Candidacy("A", "1", true);
  EXPECT_EQ(SeatStatus(c, false), "open seat");
  EXPECT_EQ(SeatStatus(c, true), "vs incumbent");
  c.incumbent = true;
  EXPECT_EQ(SeatStatus(c, true), "incumbent");
  EXPECT_EQ(LeanBand(c), "unknown");
  for (const auto& [lean, band] : std::vector<std::pair<double, std::string>>{{15, "safe"},
                                                                              {14.9, "favoured"},
                                                                              {5, "favoured"},
                                                                              {4.9, "swing"},
                                                                              {-4.9, "swing"},
                                                                              {-5, "uphill"},
                                                                              {-14.9, "uphill"},
                                                                              {-15, "hostile"}}) {
    c.partisan_lean = lean;
    EXPECT_EQ(LeanBand(c), band) << lean;
  }
  c.party = "REP";
  c.partisan_lean = -20;
  EXPECT_EQ(LeanBand(c), "safe");
}

TEST(Slate, SeparatesCyclesAndParties) {
  std::vector<model::PrimaryCandidacy> rows = {Candidacy("A", "1", true),
                                               Candidacy("B", "1", true)};
  rows[1].party = "REP";
  Cell(rows[0], model::Endorsement::kYes);
  Cell(rows[1], model::Endorsement::kYes);
  const std::vector<SlateSummary> slates = ScoreSlates(rows);
  ASSERT_EQ(slates.size(), 2u);
  EXPECT_EQ(slates[0].party, "DEM");
  EXPECT_EQ(slates[1].party, "REP");
}

}  // namespace
}  // namespace downballot::analysis
