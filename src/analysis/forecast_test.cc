#include "analysis/forecast.h"

#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "analysis/primary_fields.h"
#include "gtest/gtest.h"

namespace downballot::analysis {
namespace {

model::FieldCandidate Candidate(double endorsements, bool is_leader, bool won,
                                bool is_incumbent = false) {
  model::FieldCandidate c;
  c.features.assign(kForecastFeatureNames.size(), 0.0);
  c.features[kIncumbentFeature] = is_incumbent ? 1.0 : 0.0;
  c.features[kEndorsementsFeature] = std::log1p(endorsements);
  c.features[7] = is_leader ? 1.0 : 0.0;
  c.won = won;
  return c;
}

// Races where the endorsed candidate wins two times in three, spread over several states.
std::vector<model::PrimaryField> SyntheticFields(int num_races) {
  std::mt19937 random(7);
  std::vector<model::PrimaryField> fields;
  for (int idx = 0; idx < num_races; ++idx) {
    model::PrimaryField field;
    field.race_id = "race" + std::to_string(idx);
    field.cycle = 2018;
    field.state = std::string(1, static_cast<char>('A' + idx % 6));
    const int size = 2 + idx % 3;
    const bool endorsed_wins = random() % 3 != 0;
    const int other_winner = 1 + static_cast<int>(random() % static_cast<unsigned>(size - 1));
    for (int pos = 0; pos < size; ++pos) {
      const bool won = pos == 0 ? endorsed_wins : (!endorsed_wins && pos == other_winner);
      field.candidates.push_back(Candidate(pos == 0 ? 2.0 : 0.0, pos == 0, won));
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

TEST(Forecast, FixesTheIncumbentCoefficientFromTheBaseRateWhenTrainingHasNoIncumbents) {
  const std::vector<model::PrimaryField> fields = SyntheticFields(60);
  const auto model = TrainForecastModel(fields, ForecastOptions{});
  ASSERT_TRUE(model.ok()) << model.status();
  ASSERT_TRUE(model->is_prior[kIncumbentFeature]);
  EXPECT_DOUBLE_EQ(model->coefficients[kIncumbentFeature], std::log(0.85 / 0.15));
  EXPECT_TRUE(std::isnan(model->standard_errors[kIncumbentFeature]));
  EXPECT_EQ(model->num_races, 60);
  EXPECT_EQ(model->train_cycles, std::vector<int>{2018});
  EXPECT_GT(model->coefficients[kEndorsementsFeature] + model->coefficients[7], 0.5);

  // An incumbent against an otherwise identical challenger gets the base rate.
  model::PrimaryField race;
  race.candidates = {Candidate(0, false, false, true), Candidate(0, false, false)};
  const std::vector<double> p = PredictField(*model, race);
  EXPECT_NEAR(p[0], 0.85, 1e-12);
}

TEST(Forecast, FitsTheIncumbentCoefficientWhenTrainingHasIncumbents) {
  std::vector<model::PrimaryField> fields;
  for (int idx = 0; idx < 20; ++idx) {
    model::PrimaryField field;
    field.state = "X";
    field.cycle = 2022;
    const bool incumbent_wins = idx % 10 != 0;  // 18 of 20
    field.candidates = {Candidate(0, false, incumbent_wins, true),
                        Candidate(0, false, !incumbent_wins)};
    fields.push_back(std::move(field));
  }
  ForecastOptions options;
  options.ridge = 1e-9;  // only keeps the features that never vary at 0
  const auto model = TrainForecastModel(fields, options);
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_FALSE(model->is_prior[kIncumbentFeature]);
  EXPECT_NEAR(model->coefficients[kIncumbentFeature], std::log(18.0 / 2.0), 1e-6);
}

TEST(Forecast, ProbabilitiesSumToOneInEveryRace) {
  const std::vector<model::PrimaryField> fields = SyntheticFields(60);
  const auto model = TrainForecastModel(fields, ForecastOptions{});
  ASSERT_TRUE(model.ok());
  for (const model::PrimaryField& field : fields) {
    const std::vector<double> p = PredictField(*model, field);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-9);
  }
}

TEST(Forecast, LeaderBaselineUsesTheSmoothedTrainingRate) {
  const std::vector<model::PrimaryField> fields = SyntheticFields(30);
  int leader_wins = 0;
  for (const model::PrimaryField& field : fields) leader_wins += *field.candidates[0].won ? 1 : 0;
  const EndorsementLeaderBaseline baseline = FitEndorsementLeaderBaseline(fields);
  EXPECT_EQ(baseline.num_races, 30);
  EXPECT_DOUBLE_EQ(baseline.leader_win_rate, (leader_wins + 1.0) / 32.0);
  const std::vector<double> p = PredictEndorsementLeader(baseline, fields[1]);  // 3 candidates
  ASSERT_EQ(p.size(), 3u);
  EXPECT_DOUBLE_EQ(p[0], baseline.leader_win_rate);
  EXPECT_DOUBLE_EQ(p[1], (1 - baseline.leader_win_rate) / 2);
  model::PrimaryField no_leader;
  no_leader.candidates = {Candidate(0, false, true), Candidate(0, false, false)};
  EXPECT_EQ(PredictEndorsementLeader(baseline, no_leader), (std::vector<double>{0.5, 0.5}));
}

TEST(Forecast, LeaveOneStateOutScoresEveryRaceOnceAndBeatsUniform) {
  std::vector<model::PrimaryField> fields = SyntheticFields(120);
  // A top-two race where both advanced is skipped.
  model::PrimaryField top_two;
  top_two.state = "A";
  top_two.cycle = 2018;
  top_two.candidates = {Candidate(1, true, true), Candidate(0, false, true)};
  fields.push_back(top_two);
  const auto evaluation = EvaluateLeaveOneStateOut(fields, ForecastOptions{});
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  EXPECT_EQ(evaluation->num_states, 6);
  EXPECT_EQ(evaluation->num_races_scored, 120);
  EXPECT_EQ(evaluation->num_races_skipped, 1);
  ASSERT_EQ(evaluation->methods.size(), 3u);
  const MethodEvaluation& model = evaluation->methods[0];
  const MethodEvaluation& uniform = evaluation->methods[1];
  EXPECT_EQ(model.method, "model");
  EXPECT_EQ(model.num_races, 120);
  EXPECT_EQ(model.num_candidates, 120 * 3);  // sizes cycle 2, 3, 4
  EXPECT_LT(model.brier, uniform.brier);
  EXPECT_LT(model.log_loss, uniform.log_loss);
  EXPECT_EQ(model.calibration.size(), 10u);
}

TEST(Forecast, ScoresEachCycleApartWhenThereAreSeveral) {
  std::vector<model::PrimaryField> fields = SyntheticFields(60);
  for (size_t idx = 0; idx < fields.size(); idx += 3) fields[idx].cycle = 2022;
  const auto evaluation = EvaluateLeaveOneStateOut(fields, ForecastOptions{});
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  ASSERT_EQ(evaluation->methods.size(), 9u);  // 3 methods x (all, 2018, 2022)
  EXPECT_EQ(evaluation->methods[0].cycle, 0);
  EXPECT_EQ(evaluation->methods[0].num_races, 60);
  EXPECT_EQ(evaluation->methods[3].cycle, 2018);
  EXPECT_EQ(evaluation->methods[3].method, "model");
  EXPECT_EQ(evaluation->methods[6].cycle, 2022);
  EXPECT_EQ(evaluation->methods[3].num_races + evaluation->methods[6].num_races, 60);
}

TEST(Forecast, NoUsableRaceIsAnError) {
  model::PrimaryField single;
  single.candidates = {Candidate(0, false, true)};
  EXPECT_FALSE(TrainForecastModel(std::vector<model::PrimaryField>{single}, {}).ok());
}

}  // namespace
}  // namespace downballot::analysis
