#include "store/candidacy_queries.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/check_queries.h"
#include "store/forecast_store.h"
#include "store/loader.h"
#include "store/migrations.h"
#include "store/test_database.h"

namespace downballot::store {
namespace {

using testing::OpenMigrated;

model::FileReport Report(std::string path, std::string kind, std::string content_hash,
                         int64_t rows_read) {
  model::FileReport report;
  report.path = std::move(path);
  report.kind = std::move(kind);
  report.content_hash = std::move(content_hash);
  report.rows_read = rows_read;
  return report;
}

TEST(CandidacyQueries, CandidaciesRoundTripWithEveryField) {
  auto db = OpenMigrated();
  model::PrimaryCandidacy c;
  c.line = 7;
  c.cycle = 2022;
  c.party = "REP";
  c.candidate = "Katie Britt";
  c.state = "AL";
  c.office_type = "Senator";
  c.race_type = "Regular";
  c.primary_date = base::Date{2022, 5, 24};
  c.primary_status = "Made runoff";
  c.won_primary = true;
  c.incumbent = false;
  c.incumbent_challenger = false;
  c.self_funder = std::nullopt;
  c.primary_votes = 289425;
  c.runoff_votes = 253251;
  c.runoff_pct = 63.0;
  c.endorsements = {{"Trump", model::Endorsement::kYes, false},
                    {"Party Committee", model::Endorsement::kNotTracked, true},
                    {"Club for Growth", model::Endorsement::kNo, false}};
  model::FileReport report = Report("rep_candidates.csv", "fte_candidates", "h", 1);
  ASSERT_TRUE(LoadPrimaryCandidacies(*db, report, 10, std::vector{c}).ok());

  const auto got = ReadPrimaryCandidacies(*db, CandidacyFilter{2022, "rep", ""});
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  const model::PrimaryCandidacy& back = (*got)[0].candidacy;
  EXPECT_EQ((*got)[0].source_path, "rep_candidates.csv");
  EXPECT_EQ(back.candidate, "Katie Britt");
  EXPECT_EQ(back.primary_date, c.primary_date);
  EXPECT_EQ(back.won_primary, std::optional<bool>(true));
  EXPECT_EQ(back.incumbent, std::optional<bool>(false));
  EXPECT_FALSE(back.self_funder.has_value());
  EXPECT_FALSE(back.elected_official.has_value());
  EXPECT_EQ(back.primary_votes, std::optional<int64_t>(289425));
  EXPECT_EQ(back.runoff_votes, std::optional<int64_t>(253251));
  EXPECT_EQ(back.runoff_pct, std::optional<double>(63.0));
  ASSERT_EQ(back.endorsements.size(), 3u);
  EXPECT_EQ(back.endorsements[1].group, "Party Committee");
  EXPECT_TRUE(back.endorsements[1].is_party_committee);
  EXPECT_EQ(back.endorsements[2].value, model::Endorsement::kNo);

  EXPECT_TRUE(ReadPrimaryCandidacies(*db, CandidacyFilter{2018, "", ""})->empty());
  EXPECT_TRUE(ReadPrimaryCandidacies(*db, CandidacyFilter{std::nullopt, "DEM", ""})->empty());
}

TEST(CandidacyQueries, GeneralReturnsRoundTripPerFile) {
  auto db = OpenMigrated();
  model::GeneralReturn row;
  row.line = 2;
  row.year = 2018;
  row.state = "NY";
  row.office = "U.S. House";
  row.district = "1";
  row.stage = "gen";
  row.candidate = "Lee M. Zeldin";
  row.party_raw = "conservative";
  row.party = "CON";
  row.mode = "total";
  row.candidate_votes = 14284;
  row.total_votes = 270053;
  model::FileReport report = Report("district_overall_2018.csv", "medsl_returns", "m", 1);
  ASSERT_TRUE(LoadGeneralReturns(*db, report, 10, std::vector{row}).ok());
  const auto got = ReadGeneralReturns(*db, 2018, "ny");
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].source_path, "district_overall_2018.csv");
  ASSERT_EQ((*got)[0].returns.size(), 1u);
  const model::GeneralReturn& back = (*got)[0].returns[0];
  EXPECT_EQ(back.candidate, "Lee M. Zeldin");
  EXPECT_EQ(back.party, "CON");
  EXPECT_EQ(back.party_raw, "conservative");
  EXPECT_EQ(back.candidate_votes, 14284);
  EXPECT_EQ(back.total_votes, 270053);
  EXPECT_TRUE(ReadGeneralReturns(*db, 2020, "")->empty());

  // Accounting is checked before anything is written.
  model::FileReport broken = Report("x.csv", "medsl_returns", "x", 5);
  EXPECT_FALSE(LoadGeneralReturns(*db, broken, 10, std::vector{row}).ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM general_return"), 1);
}

TEST(CandidacyQueries, PartisanLeansAreKeyedByYearStateAndDistrict) {
  auto db = OpenMigrated();
  model::FileReport report = Report("lean.csv", "partisan_lean", "l", 2);
  ASSERT_TRUE(LoadPartisanLeans(*db, report, 10,
                                std::vector<model::PartisanLean>{{2018, "NY", "14", 29.0},
                                                                 {2018, "NY", "", 10.0}})
                  .ok());
  const auto leans = ReadAllPartisanLeans(*db);
  ASSERT_TRUE(leans.ok());
  EXPECT_EQ(leans->size(), 2u);
  EXPECT_DOUBLE_EQ(leans->at({2018, "NY", "14"}), 29.0);
}

TEST(ForecastStore, SavesModelsAndEvaluations) {
  auto db = OpenMigrated();
  const auto model_id =
      SaveForecastModel(*db, SavedForecastModel{"2018", 1.0, 342, 1403, -318.6, "{}"});
  ASSERT_TRUE(model_id.ok()) << model_id.status();
  const auto evaluation_id = SaveForecastEvaluation(
      *db, SavedForecastEvaluation{"2018", "model", 342, 1403, 0.95, 0.13, "{}"});
  ASSERT_TRUE(evaluation_id.ok()) << evaluation_id.status();
  EXPECT_EQ(*db->QueryInt("SELECT num_races FROM forecast_model"), 342);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM forecast_evaluation WHERE method = 'model'"), 1);
}

TEST(CheckQueries, FindsRowsRejectedAsRepeats) {
  auto db = OpenMigrated();
  model::FileReport report = Report("d.csv", "medsl_returns", "d", 2);
  report.Reject(3, "", "repeats line 2");
  model::GeneralReturn row;
  row.line = 2;
  ASSERT_TRUE(LoadGeneralReturns(*db, report, 10, std::vector{row}).ok());
  const auto repeats = ReadRejectedRepeats(*db);
  ASSERT_TRUE(repeats.ok());
  ASSERT_EQ(repeats->size(), 1u);
  EXPECT_EQ((*repeats)[0].path, "d.csv");
  EXPECT_EQ((*repeats)[0].line, 3);
  EXPECT_TRUE(ReadRepeatedResultRows(*db)->empty());
}

}  // namespace
}  // namespace downballot::store
