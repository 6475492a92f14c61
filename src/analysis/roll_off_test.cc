#include "analysis/roll_off.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

// A contest whose lines sum to `votes` (one candidate line plus a small write-in line).
model::GeneralContest Contest(std::string state, std::string office, std::string district,
                              int64_t votes, std::string source = "medsl") {
  model::GeneralContest contest;
  contest.source = std::move(source);
  contest.source_file =
      office == "U.S. Senate" ? "senate_overall_2018.csv" : "district_overall_2018.csv";
  contest.year = 2018;
  contest.state = std::move(state);
  contest.office = std::move(office);
  contest.district = std::move(district);
  contest.stage = "gen";
  contest.contest_id = contest.source + ".2018." + contest.state + "." + contest.office +
                       (contest.district.empty() ? "" : "." + contest.district);
  const int64_t write_ins = votes / 1000;
  contest.lines.push_back(
      model::LineVotes{"Candidate", "DEM", "democrat", false, votes - write_ins});
  contest.lines.push_back(model::LineVotes{"", "", "", true, write_ins});
  return contest;
}

// A state's House votes split over `num_districts` contests.
void AddHouse(std::vector<model::GeneralContest>& contests, const std::string& state,
              int64_t total_votes, int num_districts) {
  for (int district = 1; district <= num_districts; ++district) {
    int64_t votes = total_votes / num_districts;
    if (district == num_districts) votes = total_votes - votes * (num_districts - 1);
    contests.push_back(Contest(state, "U.S. House", std::to_string(district), votes));
  }
}

TEST(RollOff, FlagsDoubledHouseVotesAsError) {
  // MEDSL 2018: California's House rows are doubled (24,369,044) against the Senate race's
  // 11,113,364; New York's 5,948,673 against 6,055,151 is ordinary roll-off.
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "CA", 24369044, 53);
  contests.push_back(Contest("CA", "U.S. Senate", "", 11113364));
  AddHouse(contests, "NY", 5948673, 27);
  contests.push_back(Contest("NY", "U.S. Senate", "", 6055151));
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, RollOffOptions{});
  ASSERT_EQ(issues.size(), 1u);
  const RollOffIssue& issue = issues[0];
  EXPECT_EQ(issue.severity, RollOffSeverity::kError);
  EXPECT_EQ(issue.check, RollOffCheck::kHouseVsSenate);
  EXPECT_EQ(issue.source, "medsl");
  EXPECT_EQ(issue.year, 2018);
  EXPECT_EQ(issue.state, "CA");
  EXPECT_EQ(issue.house_votes, 24369044);
  EXPECT_EQ(issue.senate_votes, 11113364);
  ASSERT_TRUE(issue.ratio.has_value());
  EXPECT_NEAR(*issue.ratio, 2.193, 1e-3);
  ASSERT_EQ(issue.contest_ids.size(), 54u);
  EXPECT_EQ(issue.contest_ids.back(), "medsl.2018.CA.U.S. Senate");
  EXPECT_EQ(issue.source_files,
            (std::vector<std::string>{"district_overall_2018.csv", "senate_overall_2018.csv"}));
  EXPECT_EQ(issue.message,
            "CA 2018: 53 U.S. House contests have 24369044 votes, 2.19 times the 11113364 of the "
            "U.S. Senate contest (more than 1.25): House votes are likely counted twice");
}

TEST(RollOff, WarnsWhenHouseVotesAreFarBelowSenate) {
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "MD", 1000000, 8);
  contests.push_back(Contest("MD", "U.S. Senate", "", 2500000));
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, RollOffOptions{});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, RollOffSeverity::kWarning);
  EXPECT_NEAR(*issues[0].ratio, 0.4, 1e-9);
  EXPECT_NE(issues[0].message.find("(less than 0.50): House districts or voting modes may be "
                                   "missing"),
            std::string::npos)
      << issues[0].message;

  // An incomplete contest explains a low ratio, so there is no warning then.
  contests[0].is_complete = false;
  EXPECT_TRUE(CheckRollOff(contests, RollOffOptions{}).empty());
}

TEST(RollOff, ThresholdsComeFromOptions) {
  // MEDSL 2018 Maryland: 1,471,219 House votes against 2,299,889 for the Senate (0.64).
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "MD", 1471219, 8);
  contests.push_back(Contest("MD", "U.S. Senate", "", 2299889));
  EXPECT_TRUE(CheckRollOff(contests, RollOffOptions{}).empty());
  RollOffOptions strict;
  strict.min_ratio = 0.75;
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, strict);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, RollOffSeverity::kWarning);
  RollOffOptions loose;
  loose.max_ratio = 0.6;
  ASSERT_EQ(CheckRollOff(contests, loose).size(), 1u);
  EXPECT_EQ(CheckRollOff(contests, loose)[0].severity, RollOffSeverity::kError);
}

TEST(RollOff, ComparesWithTheLargerOfTwoSenateRaces) {
  // Minnesota 2018 elected both seats; each voter had both races, so they are not added.
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "MN", 2576996, 8);
  contests.push_back(Contest("MN", "U.S. Senate", "", 2596879));
  model::GeneralContest special = Contest("MN", "U.S. Senate", "", 2587356);
  special.is_special = true;
  special.contest_id += ".special";
  contests.push_back(special);
  EXPECT_TRUE(CheckRollOff(contests, RollOffOptions{}).empty());

  RollOffOptions strict;
  strict.max_ratio = 0.99;
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, strict);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].senate_votes, 2596879);
  EXPECT_EQ(issues[0].contest_ids.back(), "medsl.2018.MN.U.S. Senate");
}

TEST(RollOff, LeavesOutSpecialHouseRacesRunoffsAndStatesWithoutBothOffices) {
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "PA", 1000000, 2);
  model::GeneralContest special_house = Contest("PA", "U.S. House", "15", 900000);
  special_house.is_special = true;
  contests.push_back(special_house);
  contests.push_back(Contest("PA", "U.S. Senate", "", 1000000));
  model::GeneralContest runoff = Contest("PA", "U.S. House", "3", 5000000);
  runoff.stage = "runoff";
  contests.push_back(runoff);
  // No Senate race in Georgia in 2018; no House contests for this Senate race.
  AddHouse(contests, "GA", 3000000, 3);
  contests.push_back(Contest("VT", "U.S. Senate", "", 270000));
  // Another source's New Hampshire House: not compared with MEDSL's Senate.
  AddHouse(contests, "NH", 900000, 2);
  contests.push_back(Contest("NH", "U.S. Senate", "", 300000, "openelections"));
  EXPECT_TRUE(CheckRollOff(contests, RollOffOptions{}).empty());
}

TEST(RollOff, CountsAContestInTwoFilesOnce) {
  // MEDSL's district and county files both hold Delaware's seat, under one contest id.
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "DE", 352737, 1);
  model::GeneralContest from_county_file = contests[0];
  from_county_file.source_file = "district_county_2018.csv";
  contests.push_back(from_county_file);
  contests.push_back(Contest("DE", "U.S. Senate", "", 362592));
  EXPECT_TRUE(CheckRollOff(contests, RollOffOptions{}).empty());
}

TEST(RollOff, SenateWithoutVotesIsAnErrorWithoutRatio) {
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "WY", 200000, 1);
  model::GeneralContest senate = Contest("WY", "U.S. Senate", "", 0);
  contests.push_back(senate);
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, RollOffOptions{});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, RollOffSeverity::kError);
  EXPECT_FALSE(issues[0].ratio.has_value());
  EXPECT_NE(issues[0].message.find("has no votes"), std::string::npos);
}

TEST(RollOff, ChecksEachContestAgainstTheFilesTotal) {
  model::GeneralContest above = Contest("TX", "U.S. House", "7", 1000);
  above.reported_total_votes = 999;
  model::GeneralContest exact = Contest("TX", "U.S. House", "8", 1000);
  exact.reported_total_votes = 1000;
  // MEDSL 2018 gives Minnesota's two Senate races one total covering both.
  model::GeneralContest below = Contest("MN", "U.S. Senate", "", 2596879);
  below.reported_total_votes = 5184235;
  model::GeneralContest just_below = Contest("TX", "U.S. House", "9", 950);
  just_below.reported_total_votes = 1000;
  model::GeneralContest without_total = Contest("TX", "U.S. House", "10", 1000);
  const std::vector<model::GeneralContest> contests = {above, exact, below, just_below,
                                                       without_total};
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, RollOffOptions{});
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].state, "MN");
  EXPECT_EQ(issues[0].severity, RollOffSeverity::kWarning);
  EXPECT_EQ(issues[0].check, RollOffCheck::kVotesBelowReportedTotal);
  EXPECT_EQ(issues[0].counted_votes, 2596879);
  EXPECT_EQ(issues[0].reported_total_votes, 5184235);
  EXPECT_NEAR(*issues[0].ratio, 0.5009, 1e-4);
  EXPECT_EQ(issues[0].contest_ids, std::vector<std::string>{"medsl.2018.MN.U.S. Senate"});
  EXPECT_EQ(issues[0].source_files, std::vector<std::string>{"senate_overall_2018.csv"});
  EXPECT_EQ(issues[1].state, "TX");
  EXPECT_EQ(issues[1].severity, RollOffSeverity::kError);
  EXPECT_EQ(issues[1].check, RollOffCheck::kVotesAboveReportedTotal);
  EXPECT_EQ(issues[1].message,
            "medsl.2018.TX.U.S. House.7: its lines sum to 1000 votes, more than the file's total "
            "of 999");
  EXPECT_NE(issues[0].message.find("the total covers more than this contest"), std::string::npos);
}

// MEDSL's 2018 House totals for Delaware and Florida are exactly twice the candidates' lines:
// the message says so, rather than that lines are missing.
TEST(CheckRollOff, SaysWhenAFilesTotalIsExactlyTwiceItsLines) {
  model::GeneralContest doubled = Contest("DE", "U.S. House", "AL", 352737);
  doubled.reported_total_votes = 705474;
  const std::vector<model::GeneralContest> contests = {doubled};
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, RollOffOptions{});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].check, RollOffCheck::kVotesBelowReportedTotal);
  EXPECT_EQ(issues[0].message,
            "medsl.2018.DE.U.S. House.AL: its lines sum to 352737 votes, exactly half of the "
            "file's total of 705474: the file's total counts each vote twice, not a sign of "
            "missing lines");
}

TEST(RollOff, IssuesAreSortedByStateThenCheck) {
  std::vector<model::GeneralContest> contests;
  AddHouse(contests, "NJ", 9000000, 2);
  contests.push_back(Contest("NJ", "U.S. Senate", "", 3000000));
  contests[0].reported_total_votes = 1;
  AddHouse(contests, "DE", 900000, 1);
  contests.push_back(Contest("DE", "U.S. Senate", "", 300000));
  const std::vector<RollOffIssue> issues = CheckRollOff(contests, RollOffOptions{});
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].state, "DE");
  EXPECT_EQ(issues[1].state, "NJ");
  EXPECT_EQ(issues[1].check, RollOffCheck::kHouseVsSenate);
  EXPECT_EQ(issues[2].check, RollOffCheck::kVotesAboveReportedTotal);
}

TEST(RollOff, NamesSeveritiesAndChecks) {
  EXPECT_EQ(ToString(RollOffSeverity::kError), "error");
  EXPECT_EQ(ToString(RollOffSeverity::kWarning), "warning");
  EXPECT_EQ(ToString(RollOffCheck::kHouseVsSenate), "house_vs_senate");
  EXPECT_EQ(ToString(RollOffCheck::kVotesAboveReportedTotal), "votes_above_reported_total");
  EXPECT_EQ(ToString(RollOffCheck::kVotesBelowReportedTotal), "votes_below_reported_total");
}

}  // namespace
}  // namespace downballot::analysis
