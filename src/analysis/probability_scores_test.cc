#include "analysis/probability_scores.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kZ95 = 1.959963984540054;

TEST(ProbabilityScores, BrierScoreHandComputed) {
  struct Case {
    std::string name;
    std::vector<ScoredForecast> forecasts;
    double want;
  };
  const Case cases[] = {
      // (0.8 - 1)^2 = (0.2 - 0)^2 = 0.04.
      {"0.8 won, 0.2 lost", {{0.8, true, 1}, {0.2, false, 1}}, 0.04},
      {"certain and right", {{1.0, true, 1}, {0.0, false, 1}}, 0.0},
      {"certain and wrong", {{0.0, true, 1}, {1.0, false, 1}}, 1.0},
      // (0.25 + 0.25 + 0.0625) / 3 = 0.1875.
      {"three-way", {{0.5, true, 1}, {0.5, false, 1}, {0.25, false, 1}}, 0.1875},
      // Always 0.5 scores 0.25 whatever happens.
      {"coin flips", {{0.5, true, 1}, {0.5, false, 2}, {0.5, false, 3}}, 0.25},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_NEAR(BrierScore(c.forecasts), c.want, 1e-15);
  }
}

TEST(ProbabilityScores, EmptyInputScoresNaN) {
  EXPECT_TRUE(std::isnan(BrierScore({})));
  EXPECT_TRUE(std::isnan(LogLoss({})));
  EXPECT_TRUE(std::isnan(CandidateBinaryLogLoss({})));
}

TEST(ProbabilityScores, LogLossAveragesOverRaces) {
  struct Case {
    std::string name;
    std::vector<ScoredForecast> forecasts;
    double want;
  };
  const double ln2 = std::log(2.0);
  const Case cases[] = {
      {"one race", {{0.8, true, 1}, {0.2, false, 1}}, -std::log(0.8)},
      // Race 7: winner 0.5 -> ln 2. Race 3 (three-way): winner 0.25 -> ln 4 = 2 ln 2.
      // Mean over races 1.5 ln 2, though race 3 has more candidates; rows interleaved.
      {"two races, interleaved",
       {{0.5, false, 3}, {0.5, true, 7}, {0.25, true, 3}, {0.5, false, 7}, {0.25, false, 3}},
       1.5 * ln2},
      // Race 9 has no winner among the forecasts (unknown result), so it is skipped.
      {"race without winner skipped",
       {{0.5, true, 1}, {0.5, false, 1}, {0.9, false, 9}, {0.1, false, 9}},
       ln2},
      // A two-seat race scores the mean over its winners: (ln 2 + ln 4) / 2.
      {"two winners in one group", {{0.5, true, 4}, {0.25, true, 4}, {0.25, false, 4}}, 1.5 * ln2},
      {"certain and right", {{1.0, true, 1}, {0.0, false, 1}}, 0.0},
      // p = 0 is clamped to 1e-15: -ln(1e-15) = 15 ln 10 = 34.538776394910684.
      {"certain and wrong", {{0.0, true, 1}, {1.0, false, 1}}, 34.538776394910684},
      {"negative probability clamped", {{-0.5, true, 1}}, 34.538776394910684},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_NEAR(LogLoss(c.forecasts), c.want, 1e-12);
  }
}

TEST(ProbabilityScores, LogLossWithoutAnyWinnerIsNaN) {
  const std::vector<ScoredForecast> forecasts = {{0.5, false, 1}, {0.5, false, 1}};
  EXPECT_TRUE(std::isnan(LogLoss(forecasts)));
}

TEST(ProbabilityScores, CandidateBinaryLogLossHandComputed) {
  struct Case {
    std::string name;
    std::vector<ScoredForecast> forecasts;
    double want;
  };
  const Case cases[] = {
      // Winner -ln 0.8, loser -ln(1 - 0.2): the mean is -ln 0.8.
      {"0.8 won, 0.2 lost", {{0.8, true, 1}, {0.2, false, 1}}, -std::log(0.8)},
      // Race-level this would be ln 2; candidate-level the loser adds -ln(1 - 0.5) and
      // -ln(1 - 0.25): (ln 4 + ln 2 + ln(4/3)) / 3.
      {"three-way",
       {{0.25, true, 1}, {0.5, false, 1}, {0.25, false, 1}},
       (std::log(4.0) + std::log(2.0) + std::log(4.0 / 3.0)) / 3.0},
      // Both ends clamp to 1e-15 away from certainty.
      {"certain and wrong", {{0.0, true, 1}, {1.0, false, 1}}, 34.538776394910684},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_NEAR(CandidateBinaryLogLoss(c.forecasts), c.want, 1e-9);
  }
}

TEST(ProbabilityScores, WilsonNineOfTwentyByHand) {
  // z = 1.959963984540054, z^2 = 3.8414588206941254; n = 20, p = 9/20 = 0.45.
  //   denominator = 1 + z^2/n = 1.1920729410347062
  //   centre = (p + z^2/2n) / denominator = 0.5460364705173531 / 1.1920729410347062
  //          = 0.45805625790264104
  //   half   = z / denominator * sqrt(p(1-p)/n + z^2/4n^2)
  //          = 1.6441644777532043 * sqrt(0.012375 + 0.0024009117629338)
  //          = 1.6441644777532043 * 0.12155620824513172 = 0.19985839964701674
  //   interval = centre -/+ half = [0.2581978582556243, 0.6579146575496577]
  const WilsonInterval interval = WilsonScoreInterval(9, 20);
  EXPECT_NEAR(interval.low, 0.2581978582556243, 1e-14);
  EXPECT_NEAR(interval.high, 0.6579146575496577, 1e-14);
}

TEST(ProbabilityScores, WilsonEdgeCases) {
  struct Case {
    std::string name;
    int64_t successes;
    int64_t trials;
    double z;
    double want_low;
    double want_high;
  };
  // One trial, no success: centre = half = (z^2/2) / (1 + z^2), so the interval is
  // [0, z^2 / (1 + z^2)] = [0, 3.8414588206941254 / 4.8414588206941254].
  const double one_trial_high = 0.7934506856227626;
  const Case cases[] = {
      {"no trials", 0, 0, kZ95, 0.0, 1.0},
      {"0 of 1", 0, 1, kZ95, 0.0, one_trial_high},
      {"1 of 1", 1, 1, kZ95, 1.0 - one_trial_high, 1.0},
      {"z = 0 collapses to the rate", 9, 20, 0.0, 0.45, 0.45},
      {"0 of 0 at z = 0", 0, 0, 0.0, 0.0, 1.0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const WilsonInterval interval = WilsonScoreInterval(c.successes, c.trials, c.z);
    EXPECT_NEAR(interval.low, c.want_low, 1e-15);
    EXPECT_NEAR(interval.high, c.want_high, 1e-15);
  }
}

TEST(ProbabilityScores, WilsonBoundsAreExactAtTheExtremesAndSymmetric) {
  for (int64_t trials = 1; trials <= 60; ++trials) {
    SCOPED_TRACE(trials);
    EXPECT_EQ(WilsonScoreInterval(0, trials).low, 0.0);
    EXPECT_EQ(WilsonScoreInterval(trials, trials).high, 1.0);
    for (int64_t successes = 0; successes <= trials; ++successes) {
      const WilsonInterval interval = WilsonScoreInterval(successes, trials);
      const WilsonInterval mirror = WilsonScoreInterval(trials - successes, trials);
      const double rate = static_cast<double>(successes) / static_cast<double>(trials);
      EXPECT_GE(interval.low, 0.0);
      EXPECT_LE(interval.high, 1.0);
      EXPECT_LE(interval.low, rate);
      EXPECT_GE(interval.high, rate);
      EXPECT_NEAR(interval.low, 1.0 - mirror.high, 1e-14);
      // A wider quantile gives a wider interval.
      const WilsonInterval wider = WilsonScoreInterval(successes, trials, 2.5758293035489);
      EXPECT_LE(wider.low, interval.low);
      EXPECT_GE(wider.high, interval.high);
    }
  }
}

TEST(ProbabilityScores, WilsonNarrowsWithMoreTrials) {
  const WilsonInterval small = WilsonScoreInterval(9, 20);
  const WilsonInterval large = WilsonScoreInterval(900, 2000);
  EXPECT_LT(large.high - large.low, small.high - small.low);
  EXPECT_NEAR(0.5 * (large.low + large.high), 0.45, 1e-3);
}

TEST(ProbabilityScores, CalibrationTableHandComputed) {
  // Four bins [0, .25) [.25, .5) [.5, .75) [.75, 1]; lower edges are inclusive and p = 1 goes
  // in the last bin.
  const std::vector<ScoredForecast> forecasts = {
      {0.0, false, 1},  {0.1, true, 2},   // bin 0: mean 0.05, 1 of 2 won
      {0.25, false, 1},                   // bin 1: mean 0.25, 0 of 1
      {0.5, true, 2},   {0.7, false, 3},  // bin 2: mean 0.6, 1 of 2
      {1.0, true, 3},   {0.75, true, 4},  // bin 3: mean 0.875, 2 of 2
  };
  const std::vector<CalibrationBin> bins = CalibrationTable(forecasts, 4);
  ASSERT_EQ(bins.size(), 4u);
  struct Want {
    double lower, upper;
    int64_t count;
    double mean_predicted, observed_rate;
    int64_t num_won;
  };
  const Want wants[] = {
      {0.0, 0.25, 2, 0.05, 0.5, 1},
      {0.25, 0.5, 1, 0.25, 0.0, 0},
      {0.5, 0.75, 2, 0.6, 0.5, 1},
      {0.75, 1.0, 2, 0.875, 1.0, 2},
  };
  for (size_t bin_idx = 0; bin_idx < bins.size(); ++bin_idx) {
    SCOPED_TRACE(bin_idx);
    const CalibrationBin& bin = bins[bin_idx];
    const Want& want = wants[bin_idx];
    EXPECT_EQ(bin.lower, want.lower);
    EXPECT_EQ(bin.upper, want.upper);
    EXPECT_EQ(bin.count, want.count);
    EXPECT_NEAR(bin.mean_predicted, want.mean_predicted, 1e-15);
    EXPECT_EQ(bin.observed_rate, want.observed_rate);
    const WilsonInterval interval = WilsonScoreInterval(want.num_won, want.count);
    EXPECT_EQ(bin.observed_low, interval.low);
    EXPECT_EQ(bin.observed_high, interval.high);
  }
  // The lone loser of bin 1 gives [0, z^2 / (1 + z^2)], as in WilsonEdgeCases.
  EXPECT_NEAR(bins[1].observed_high, 0.7934506856227626, 1e-15);
}

TEST(ProbabilityScores, CalibrationTableListsEmptyBins) {
  const std::vector<ScoredForecast> forecasts = {{0.05, false, 1}, {0.95, true, 1}};
  const std::vector<CalibrationBin> bins = CalibrationTable(forecasts);
  ASSERT_EQ(bins.size(), 10u);
  EXPECT_EQ(bins[0].count, 1);
  EXPECT_EQ(bins[9].count, 1);
  for (size_t bin_idx = 1; bin_idx < 9; ++bin_idx) {
    SCOPED_TRACE(bin_idx);
    EXPECT_EQ(bins[bin_idx].count, 0);
    EXPECT_TRUE(std::isnan(bins[bin_idx].mean_predicted));
    EXPECT_TRUE(std::isnan(bins[bin_idx].observed_rate));
    EXPECT_EQ(bins[bin_idx].observed_low, 0.0);
    EXPECT_EQ(bins[bin_idx].observed_high, 1.0);
    EXPECT_NEAR(bins[bin_idx].lower, 0.1 * static_cast<double>(bin_idx), 1e-15);
    EXPECT_NEAR(bins[bin_idx].upper, 0.1 * static_cast<double>(bin_idx + 1), 1e-15);
  }
  EXPECT_TRUE(CalibrationTable({}, 3).size() == 3u);
}

TEST(ProbabilityScores, CalibrationBinsPlaceEdgesAndOutliers) {
  struct Case {
    std::string name;
    double probability;
    size_t want_bin;  // of 10
  };
  const Case cases[] = {
      {"zero", 0.0, 0},
      {"lower edge 0.1 is inclusive", 0.1, 1},
      {"just below 0.1", std::nextafter(0.1, 0.0), 0},
      {"0.3", 0.3, 3},
      {"0.7", 0.7, 7},
      {"just below 1", std::nextafter(1.0, 0.0), 9},
      {"exactly 1 goes in the last bin", 1.0, 9},
      {"below 0 goes in the first bin", -0.2, 0},
      {"above 1 goes in the last bin", 1.5, 9},
      {"minus infinity", -kInf, 0},
      {"plus infinity", kInf, 9},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<ScoredForecast> forecasts = {{c.probability, true, 1}};
    const std::vector<CalibrationBin> bins = CalibrationTable(forecasts);
    for (size_t bin_idx = 0; bin_idx < bins.size(); ++bin_idx) {
      EXPECT_EQ(bins[bin_idx].count, bin_idx == c.want_bin ? 1 : 0) << "bin " << bin_idx;
    }
  }
}

TEST(ProbabilityScores, CalibrationBinMembershipMatchesReportedEdges) {
  // Whatever floor(p * num_bins) rounds to, a probability equal to a reported lower edge is in
  // that bin and the double just below it is in the bin before.
  for (int num_bins = 1; num_bins <= 40; ++num_bins) {
    SCOPED_TRACE(num_bins);
    const std::vector<CalibrationBin> empty = CalibrationTable({}, num_bins);
    ASSERT_EQ(empty.size(), static_cast<size_t>(num_bins));
    EXPECT_EQ(empty.front().lower, 0.0);
    EXPECT_EQ(empty.back().upper, 1.0);
    for (size_t bin_idx = 0; bin_idx < empty.size(); ++bin_idx) {
      if (bin_idx > 0) {
        EXPECT_EQ(empty[bin_idx].lower, empty[bin_idx - 1].upper);
      }
      const double edge = empty[bin_idx].lower;
      std::vector<ScoredForecast> forecasts = {{edge, false, 1}};
      if (bin_idx > 0) forecasts.push_back({std::nextafter(edge, 0.0), false, 2});
      const std::vector<CalibrationBin> bins = CalibrationTable(forecasts, num_bins);
      EXPECT_EQ(bins[bin_idx].count, 1) << "edge " << edge;
      if (bin_idx > 0) {
        EXPECT_EQ(bins[bin_idx - 1].count, 1) << "below edge " << edge;
      }
    }
  }
}

TEST(ProbabilityScores, CalibrationTableSkipsNaNAndRejectsNoBins) {
  const std::vector<ScoredForecast> forecasts = {{kNaN, true, 1}, {0.5, false, 1}};
  int64_t total = 0;
  for (const CalibrationBin& bin : CalibrationTable(forecasts, 5)) total += bin.count;
  EXPECT_EQ(total, 1);
  EXPECT_TRUE(CalibrationTable(forecasts, 0).empty());
  EXPECT_TRUE(CalibrationTable(forecasts, -3).empty());
}

}  // namespace
}  // namespace downballot::analysis
