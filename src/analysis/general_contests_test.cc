#include "analysis/general_contests.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

model::GeneralReturn Return(std::string state, std::string office, std::string district,
                            std::string candidate, std::string party_raw, std::string party,
                            int64_t votes, int64_t total_votes = 0) {
  model::GeneralReturn row;
  row.year = 2018;
  row.state = std::move(state);
  row.office = std::move(office);
  row.district = std::move(district);
  row.stage = "gen";
  row.candidate = std::move(candidate);
  row.party_raw = std::move(party_raw);
  row.party = std::move(party);
  row.mode = "total";
  row.candidate_votes = votes;
  row.total_votes = total_votes;
  return row;
}

model::GeneralReturn WriteIn(std::string state, std::string office, std::string district,
                             int64_t votes) {
  model::GeneralReturn row =
      Return(std::move(state), std::move(office), std::move(district), "", "", "", votes);
  row.is_write_in = true;
  return row;
}

// NY-1 2018 as MEDSL lists it (district_overall_2018.csv lines 331-338).
std::vector<model::GeneralReturn> NewYorkFirst() {
  return {
      Return("NY", "U.S. House", "1", "Perry Gershon", "democrat", "DEM", 124213, 270053),
      Return("NY", "U.S. House", "1", "Lee M. Zeldin", "republican", "REP", 121562, 270053),
      Return("NY", "U.S. House", "1", "Lee M. Zeldin", "conservative", "CON", 14284, 270053),
      Return("NY", "U.S. House", "1", "Perry Gershon", "working families", "WOR", 3778, 270053),
      Return("NY", "U.S. House", "1", "Lee M. Zeldin", "independence", "IND", 2693, 270053),
      Return("NY", "U.S. House", "1", "Kate M. Browning", "women's equality", "WEP", 2988, 270053),
      Return("NY", "U.S. House", "1", "Lee M. Zeldin", "reform", "REF", 488, 270053),
      WriteIn("NY", "U.S. House", "1", 47),
  };
}

TEST(GeneralContests, KeepsEveryPartyLineOfAFusionContest) {
  std::vector<model::GeneralReturn> returns = NewYorkFirst();
  returns.back().total_votes = 270053;
  const std::vector<model::GeneralContest> contests =
      ContestsFromReturns(returns, "medsl", "medsl/district_overall_2018.csv");
  ASSERT_EQ(contests.size(), 1u);
  const model::GeneralContest& contest = contests[0];
  EXPECT_EQ(contest.contest_id, "medsl.2018.ny.u-s-house.1");
  EXPECT_EQ(contest.source, "medsl");
  EXPECT_EQ(contest.source_file, "medsl/district_overall_2018.csv");
  EXPECT_EQ(contest.year, 2018);
  EXPECT_EQ(contest.state, "NY");
  EXPECT_EQ(contest.office, "U.S. House");
  EXPECT_EQ(contest.district, "1");
  EXPECT_FALSE(contest.is_special);
  EXPECT_EQ(contest.stage, "gen");
  EXPECT_EQ(contest.reported_total_votes, 270053);
  EXPECT_TRUE(contest.is_complete);

  struct Want {
    std::string candidate;
    std::string party;
    std::string party_raw;
    bool is_write_in;
    int64_t votes;
  };
  // Candidate lines by votes, then the write-in/blank line last.
  const std::vector<Want> want = {
      {"Perry Gershon", "DEM", "democrat", false, 124213},
      {"Lee M. Zeldin", "REP", "republican", false, 121562},
      {"Lee M. Zeldin", "CON", "conservative", false, 14284},
      {"Perry Gershon", "WOR", "working families", false, 3778},
      {"Kate M. Browning", "WEP", "women's equality", false, 2988},
      {"Lee M. Zeldin", "IND", "independence", false, 2693},
      {"Lee M. Zeldin", "REF", "reform", false, 488},
      {"", "", "", true, 47},
  };
  ASSERT_EQ(contest.lines.size(), want.size());
  for (size_t idx = 0; idx < want.size(); ++idx) {
    SCOPED_TRACE(idx);
    EXPECT_EQ(contest.lines[idx].candidate, want[idx].candidate);
    EXPECT_EQ(contest.lines[idx].party, want[idx].party);
    EXPECT_EQ(contest.lines[idx].party_raw, want[idx].party_raw);
    EXPECT_EQ(contest.lines[idx].is_write_in, want[idx].is_write_in);
    EXPECT_EQ(contest.lines[idx].votes, want[idx].votes);
  }
}

TEST(GeneralContests, SumsVotingModesAndCounties) {
  std::vector<model::GeneralReturn> returns;
  const auto add = [&](std::string county, std::string mode, std::string candidate,
                       std::string party, int64_t votes) {
    model::GeneralReturn row = Return("OK", "U.S. House", "2", std::move(candidate), party,
                                      party == "democrat" ? "DEM" : "REP", votes, 216002);
    row.county = std::move(county);
    row.mode = std::move(mode);
    returns.push_back(std::move(row));
  };
  add("Adair", "absentee mail", "Markwayne Mullin", "republican", 77);
  add("Adair", "early", "Markwayne Mullin", "republican", 200);
  add("Adair", "election day", "Markwayne Mullin", "republican", 3000);
  add("Adair", "absentee mail", "Jason Nichols", "democrat", 47);
  add("Alfalfa", "election day", "Markwayne Mullin", "republican", 1000);
  add("Alfalfa", "election day", "Jason Nichols", "democrat", 300);
  const std::vector<model::GeneralContest> contests =
      ContestsFromReturns(returns, "medsl", "district_county_2018.csv");
  ASSERT_EQ(contests.size(), 1u);
  ASSERT_EQ(contests[0].lines.size(), 2u);
  EXPECT_EQ(contests[0].lines[0].candidate, "Markwayne Mullin");
  EXPECT_EQ(contests[0].lines[0].votes, 4277);
  EXPECT_EQ(contests[0].lines[1].candidate, "Jason Nichols");
  EXPECT_EQ(contests[0].lines[1].votes, 347);
  EXPECT_EQ(contests[0].reported_total_votes, 216002);
}

TEST(GeneralContests, SeparatesContestsAndNamesThem) {
  std::vector<model::GeneralReturn> returns = {
      Return("NY", "U.S. House", "10", "A", "democrat", "DEM", 1),
      Return("NY", "U.S. House", "2", "B", "democrat", "DEM", 1),
      Return("AK", "U.S. House", "AL", "C", "republican", "REP", 1),
      Return("NY", "U.S. Senate", "", "D", "democrat", "DEM", 1),
      Return("MN", "U.S. Senate", "", "E", "democratic-farmer-labor", "DEM", 1),
      Return("MN", "U.S. Senate", "", "F", "democratic-farmer-labor", "DEM", 1),
      Return("NY", "State Senate", "5", "G", "democrat", "DEM", 1),
      Return("GA", "Secretary of State", "", "H", "republican", "REP", 1),
  };
  returns[5].is_special = true;
  returns[7].stage = "runoff";
  model::GeneralReturn next_year = Return("NY", "U.S. House", "2", "B", "democrat", "DEM", 1);
  next_year.year = 2020;
  returns.push_back(next_year);

  const std::vector<model::GeneralContest> contests = ContestsFromReturns(returns, "medsl", "x");
  std::vector<std::string> ids;
  for (const model::GeneralContest& contest : contests) ids.push_back(contest.contest_id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "medsl.2018.ak.u-s-house.al",
                     "medsl.2018.ga.secretary-of-state.runoff",
                     "medsl.2018.mn.u-s-senate",
                     "medsl.2018.mn.u-s-senate.special",
                     "medsl.2018.ny.state-senate.5",
                     "medsl.2018.ny.u-s-house.2",
                     "medsl.2018.ny.u-s-house.10",
                     "medsl.2018.ny.u-s-senate",
                     "medsl.2020.ny.u-s-house.2",
                 }));
  EXPECT_TRUE(contests[3].is_special);
  EXPECT_EQ(contests[1].stage, "runoff");
  EXPECT_EQ(contests[0].reported_total_votes, 0);
}

TEST(GeneralContests, KeepsSpellingsOfOnePartyAsSeparateLines) {
  // Two raw spellings that normalise to one code stay two lines: the lines are as written.
  const std::vector<model::GeneralReturn> returns = {
      Return("MN", "U.S. House", "5", "Ilhan Omar", "democratic-farmer-labor", "DEM", 10),
      Return("MN", "U.S. House", "5", "Ilhan Omar", "democrat", "DEM", 5),
      Return("MN", "U.S. House", "5", "Ilhan Omar", "democrat", "DEM", 5),
  };
  const std::vector<model::GeneralContest> contests = ContestsFromReturns(returns, "medsl", "x");
  ASSERT_EQ(contests.size(), 1u);
  ASSERT_EQ(contests[0].lines.size(), 2u);
  EXPECT_EQ(contests[0].lines[0].votes, 10);
  EXPECT_EQ(contests[0].lines[0].party_raw, "democrat");
  EXPECT_EQ(contests[0].lines[1].party_raw, "democratic-farmer-labor");
}

TEST(GeneralContests, WriteInLineOfANamedCandidateStaysApart) {
  model::GeneralReturn named_write_in =
      Return("AZ", "U.S. House", "8", "Steven Hummel", "", "", 13);
  named_write_in.is_write_in = true;
  const std::vector<model::GeneralReturn> returns = {
      Return("AZ", "U.S. House", "8", "Steven Hummel", "", "", 100),
      named_write_in,
      WriteIn("AZ", "U.S. House", "8", 20),
  };
  const std::vector<model::GeneralContest> contests = ContestsFromReturns(returns, "medsl", "x");
  ASSERT_EQ(contests.size(), 1u);
  ASSERT_EQ(contests[0].lines.size(), 3u);
  EXPECT_FALSE(contests[0].lines[0].is_write_in);
  EXPECT_EQ(contests[0].lines[0].votes, 100);
  // Write-in and blank lines follow the candidate lines, most votes first.
  EXPECT_EQ(contests[0].lines[1].candidate, "");
  EXPECT_EQ(contests[0].lines[1].votes, 20);
  EXPECT_EQ(contests[0].lines[2].candidate, "Steven Hummel");
  EXPECT_TRUE(contests[0].lines[2].is_write_in);
}

TEST(GeneralContests, ReportedTotalIsTheLargestGiven) {
  const std::vector<model::GeneralReturn> returns = {
      Return("MS", "U.S. Senate", "", "A", "republican", "REP", 5, 1843803),
      Return("MS", "U.S. Senate", "", "B", "democrat", "DEM", 5, 0),
  };
  EXPECT_EQ(ContestsFromReturns(returns, "medsl", "x")[0].reported_total_votes, 1843803);
}

TEST(GeneralContests, EmptyInputGivesNoContests) {
  EXPECT_TRUE(ContestsFromReturns({}, "medsl", "x").empty());
}

TEST(GeneralContests, ContestFromRaceKeepsEveryPartyLineAndTheWriteIns) {
  model::Race race;
  race.id = "ny.2018-11-06.general.state-assembly.109";
  race.key.seat.state = "ny";
  race.key.seat.office = "State Assembly";
  race.key.seat.district = "109";
  race.key.date = base::Date{2018, 11, 6};
  race.completeness = model::Completeness::kPartial;
  race.write_in_votes = 12;
  model::CandidateResult fahy;
  fahy.name = "Patricia Fahy";
  fahy.lines = {{"DEM", 30000}, {"WOR", 2806}};
  model::CandidateResult sullivan;
  sullivan.name = "Joseph Sullivan";
  sullivan.lines = {{"CON", 2822}};
  race.candidates = {fahy, sullivan};
  const model::GeneralContest contest = ContestFromRace(race);
  EXPECT_EQ(contest.contest_id, race.id);
  EXPECT_EQ(contest.source, "openelections");
  EXPECT_EQ(contest.year, 2018);
  EXPECT_EQ(contest.state, "NY");
  EXPECT_FALSE(contest.is_complete);
  ASSERT_EQ(contest.lines.size(), 4u);
  EXPECT_EQ(contest.lines[1].candidate, "Patricia Fahy");
  EXPECT_EQ(contest.lines[1].party, "WOR");
  EXPECT_EQ(contest.lines[1].votes, 2806);
  EXPECT_EQ(contest.lines[2].party, "CON");
  EXPECT_TRUE(contest.lines[3].is_write_in);
  EXPECT_EQ(contest.lines[3].votes, 12);
}

}  // namespace
}  // namespace downballot::analysis
