#include <gtest/gtest.h>

#include <vector>

#include "store/database.h"
#include "store/loader.h"
#include "store/migrations.h"
#include "store/queries.h"
#include "store/test_database.h"

namespace downballot::store {
namespace {

using testing::OpenMigrated;

model::ResultRow Row(int64_t line, std::string county, std::string precinct, std::string candidate,
                     std::string party, int64_t votes) {
  model::ResultRow row;
  row.line = line;
  row.county = std::move(county);
  row.precinct = std::move(precinct);
  row.office_raw = "U.S. House";
  row.office = "U.S. House";
  row.level = model::OfficeLevel::kFederal;
  row.district = "14";
  row.party = std::move(party);
  row.race_party = "DEM";
  row.candidate = std::move(candidate);
  row.votes = votes;
  return row;
}

model::FileReport Report(std::string content_hash) {
  model::FileReport report;
  report.path = "a.csv";
  report.kind = "openelections";
  report.content_hash = std::move(content_hash);
  return report;
}

model::ResultFileInfo PrimaryInfo(bool is_precinct_level) {
  model::ResultFileInfo info;
  info.date = base::Date{2018, 6, 26};
  info.state = "NY";
  info.stage = model::ElectionStage::kPrimary;
  info.is_precinct_level = is_precinct_level;
  return info;
}

TEST(Migrations, ReachTheCurrentVersionAndAreIdempotent) {
  auto db = OpenMigrated();
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), kSchemaVersion);
  EXPECT_TRUE(Migrate(*db).ok());
  ASSERT_TRUE(db->Exec("PRAGMA user_version = 99").ok());
  EXPECT_EQ(Migrate(*db).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Loader, StoresRowsOnceAndMarksRacesStale) {
  auto db = OpenMigrated();
  model::FileReport report = Report("h1");
  report.rows_read = 3;
  report.Reject(3, "votes", "votes 'x' is not a number");
  const std::vector<model::ResultRow> rows = {Row(1, "Bronx", "", "A", "DEM", 10),
                                              Row(2, "Bronx", "", "B", "DEM", 5)};
  ASSERT_TRUE(LoadResults(*db, report, 100, PrimaryInfo(false), rows).ok());
  EXPECT_EQ(report.rows_stored, 2);
  EXPECT_TRUE(*IsFileLoaded(*db, "h1"));
  EXPECT_FALSE(*IsFileLoaded(*db, "h2"));
  EXPECT_TRUE(*AreRacesStale(*db));
  const auto stale = ReadStaleRaces(*db);
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(stale->states, std::vector<std::string>{"NY"});
  const auto reports = ReadFileReports(*db);
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].rejects.at(0).reason, "votes 'x' is not a number");
  const auto tallies = ReadVoteTallies(*db, std::nullopt);
  ASSERT_EQ(tallies->size(), 2u);
  EXPECT_EQ((*tallies)[0].race.party, "DEM");
  EXPECT_EQ((*tallies)[0].source_path, "a.csv");
  EXPECT_TRUE(ReadVoteTallies(*db, "GA")->empty());
}

TEST(Loader, BrokenAccountingWritesNothing) {
  auto db = OpenMigrated();
  model::FileReport report = Report("h1");
  report.rows_read = 5;  // two rows stored, none rejected: three rows unaccounted for
  const std::vector<model::ResultRow> rows = {Row(1, "Bronx", "", "A", "DEM", 10),
                                              Row(2, "Bronx", "", "B", "DEM", 5)};
  EXPECT_FALSE(LoadResults(*db, report, 100, PrimaryInfo(false), rows).ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM source_file"), 0);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM result_row"), 0);
}

TEST(Loader, DuplicateHashRollsBackTheWholeFile) {
  auto db = OpenMigrated();
  model::FileReport first = Report("same");
  first.rows_read = 1;
  const std::vector<model::ResultRow> rows = {Row(1, "Bronx", "", "A", "DEM", 10)};
  ASSERT_TRUE(LoadResults(*db, first, 10, PrimaryInfo(false), rows).ok());
  model::FileReport second = first;
  EXPECT_FALSE(LoadResults(*db, second, 10, PrimaryInfo(false), rows).ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM result_row"), 1);
}

TEST(Queries, RacesRoundTripWithCandidatesAndLines) {
  auto db = OpenMigrated();
  model::Race race;
  race.key = model::RaceKey{model::SeatKey{"NY", "U.S. House", "14", ""}, base::Date{2018, 6, 26},
                            model::ElectionStage::kPrimary, "DEM"};
  race.id = model::MakeRaceId(race.key);
  race.level = model::OfficeLevel::kFederal;
  race.candidates.push_back(model::CandidateResult{"Alexandria Ocasio-Cortez",
                                                   16898,
                                                   0.567,
                                                   1,
                                                   true,
                                                   false,
                                                   {{"DEM", 16898}},
                                                   {"Alexandria Ocasio Cortez"}});
  race.candidates.push_back(
      model::CandidateResult{"Joseph Crowley", 12880, 0.433, 2, false, true, {{"DEM", 12880}}, {}});
  race.margin_votes = 4018;
  race.counties = {"Bronx", "Queens"};
  race.completeness = model::Completeness::kPartial;
  race.set_aside.push_back(model::SetAsideReturns{"Monroe", {"A", "B"}, 12, "why"});
  race.sub_tabulations.push_back(model::SubTabulation{"State Senate 5", "A", 3});
  const std::vector<model::Race> races = {race};
  const std::vector<model::ReconciliationMismatch> mismatches = {
      {race.id, "Bronx", "Joseph Crowley", 4072, 4070, "county file", "precinct sums"}};
  ASSERT_TRUE(SaveRaces(*db, RaceSet{races, mismatches, {}}, std::nullopt).ok());
  EXPECT_FALSE(*AreRacesStale(*db));

  const auto loaded = ReadRace(*db, race.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->candidates.size(), 2u);
  EXPECT_EQ(loaded->candidates[0].name, "Alexandria Ocasio-Cortez");
  EXPECT_EQ(loaded->candidates[0].lines.at(0).votes, 16898);
  EXPECT_EQ(loaded->counties, (std::vector<std::string>{"Bronx", "Queens"}));
  EXPECT_EQ(loaded->completeness, model::Completeness::kPartial);
  EXPECT_EQ(loaded->candidates[0].aliases, std::vector<std::string>{"Alexandria Ocasio Cortez"});
  ASSERT_EQ(loaded->set_aside.size(), 1u);
  EXPECT_EQ(loaded->set_aside[0].candidates, (std::vector<std::string>{"A", "B"}));
  ASSERT_EQ(loaded->sub_tabulations.size(), 1u);
  EXPECT_EQ(loaded->sub_tabulations[0].votes, 3);
  EXPECT_EQ(ReadRace(*db, "nope").status().code(), absl::StatusCode::kNotFound);

  RaceFilter filter;
  filter.office = "house";
  filter.party = "dem";
  EXPECT_EQ(ReadRaces(*db, filter)->size(), 1u);
  filter.state = "PA";
  EXPECT_TRUE(ReadRaces(*db, filter)->empty());
  EXPECT_EQ(ReadMismatches(*db, race.id)->size(), 1u);
}

TEST(Queries, RebuildingOneStateLeavesTheOthers) {
  auto db = OpenMigrated();
  model::Race new_york;
  new_york.key = model::RaceKey{model::SeatKey{"NY", "U.S. House", "14", ""},
                                base::Date{2018, 6, 26}, model::ElectionStage::kPrimary, "DEM"};
  new_york.id = model::MakeRaceId(new_york.key);
  model::Race georgia = new_york;
  georgia.key.seat.state = "GA";
  georgia.id = model::MakeRaceId(georgia.key);
  const std::vector<model::Race> both = {new_york, georgia};
  ASSERT_TRUE(SaveRaces(*db, RaceSet{both, {}, {}}, std::nullopt).ok());
  const std::vector<model::Race> none;
  ASSERT_TRUE(SaveRaces(*db, RaceSet{none, {}, {}}, "GA").ok());
  const auto left = ReadRaces(*db, RaceFilter{});
  ASSERT_TRUE(left.ok());
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ(left->front().key.seat.state, "NY");
}

TEST(Queries, FilterTextIsBoundNotSpliced) {
  auto db = OpenMigrated();
  RaceFilter filter;
  filter.state = "NY' OR '1'='1";
  const auto races = ReadRaces(*db, filter);
  ASSERT_TRUE(races.ok()) << races.status();
  EXPECT_TRUE(races->empty());
}

}  // namespace
}  // namespace downballot::store
