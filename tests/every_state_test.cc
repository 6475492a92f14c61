// Every state's returns, each vote counted once: the acceptance checks of the every-state issue,
// run with the real binary on every file of ../shared/data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "binary_runner.h"
#include "model/race.h"
#include "nlohmann/json.hpp"
#include "store/database.h"

namespace downballot {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::FreshDir;
using testing::kData;
using testing::RunDownballot;

using Json = nlohmann::json;

Json ParseJson(const CommandResult& result) {
  EXPECT_EQ(result.exit_code, 0) << result.err;
  Json json = Json::parse(result.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(json.is_discarded()) << result.out.substr(0, 500);
  return json;
}

using testing::SplitCsvLine;

// A vote cell ("3,837" included); a cell that is not a number fails the test.
int64_t ParseVotes(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ','), text.end());
  int64_t votes = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), votes);
  EXPECT_TRUE(error == std::errc() && end == text.data() + text.size()) << "votes '" << text << "'";
  return votes;
}

// Lowercase letters only: "Di Masi" -> "dimasi".
std::string Letters(const std::string& text) {
  std::string letters;
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return letters;
}

// The last word of a name that is not a suffix, in letters: "Flynn Broady Jr." -> "broady".
std::string LastName(const std::string& name) {
  std::istringstream words(name);
  std::string word;
  std::string last;
  while (words >> word) {
    const std::string letters = Letters(word);
    if (letters != "jr" && letters != "sr" && letters != "ii" && letters != "iii") last = letters;
  }
  return last;
}

class AllStates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kData + "/openelections-az")) return;
    dir_ = FreshDir("all_states");
    store_ = dir_ / "all.db";
    ingest_ = RunDownballot(store_, "ingest --data '" + kData + "' --format json");
    check_ = RunDownballot(store_, "check --format json");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!fs::exists(kData + "/openelections-az")) GTEST_SKIP() << "no " << kData;
  }

  static Json Race(const std::string& race_id) {
    return ParseJson(RunDownballot(store_, "race " + race_id + " --format json"));
  }
  static std::vector<std::string> Winners(const Json& race) {
    std::vector<std::string> winners;
    for (const Json& name : race["winners"]) winners.push_back(name.get<std::string>());
    return winners;
  }
  static int64_t VotesOf(const Json& race, const std::string& name) {
    for (const Json& candidate : race["candidates"]) {
      if (candidate["name"] == name) return candidate["votes"].get<int64_t>();
    }
    return -1;
  }
  // The issues `check` lists for `subject` under `check_name`.
  static std::vector<Json> Issues(const std::string& check_name, const std::string& subject) {
    std::vector<Json> found;
    for (const Json& issue : Json::parse(check_.out)) {
      if (issue["check"] == check_name && issue["subject"] == subject) found.push_back(issue);
    }
    return found;
  }

  static fs::path dir_;
  static fs::path store_;
  static CommandResult ingest_;
  static CommandResult check_;
};
fs::path AllStates::dir_;
fs::path AllStates::store_;
CommandResult AllStates::ingest_;
CommandResult AllStates::check_;

TEST_F(AllStates, EveryResultsFileLoadsAndEveryRowIsAccountedFor) {
  const Json report = ParseJson(ingest_);
  int64_t rows_read = 0;
  int64_t rows_rejected = 0;
  std::set<std::string> states;
  for (const Json& file : report["files"]) {
    const std::string kind = file["kind"];
    if (kind != "openelections" && kind != "medsl_returns" && kind != "county_fips") continue;
    const std::string path = file["path"];
    SCOPED_TRACE(path);
    EXPECT_EQ(file["status"], "loaded") << file["error"];
    EXPECT_EQ(file["rows_read"].get<int64_t>(),
              file["rows_stored"].get<int64_t>() + file["rows_rejected"].get<int64_t>());
    EXPECT_EQ(file["rejects"].size(), file["rows_rejected"].get<size_t>());
    for (const Json& reject : file["rejects"]) EXPECT_FALSE(reject["reason"].empty());
    rows_read += file["rows_read"].get<int64_t>();
    rows_rejected += file["rows_rejected"].get<int64_t>();
    if (kind == "openelections")
      states.insert(fs::path(path).parent_path().parent_path().filename());
  }
  EXPECT_EQ(states.size(), 9u);  // openelections-az, -ca, -fl, -ga, -mi, -nc, -ny, -oh, -wi
  EXPECT_LT(static_cast<double>(rows_rejected), 0.001 * static_cast<double>(rows_read))
      << rows_rejected << " of " << rows_read;
}

// Arizona's general: a statewide file (the state in its county column, the county in the precinct
// column) and the precinct files of Apache and Greenlee. The total is the statewide file's.
TEST_F(AllStates, AStatewideFileCountsAndItsCountiesPrecinctFilesAreReconciled) {
  std::ifstream in(kData + "/openelections-az/2018/20181106__az__general__county.csv");
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(SplitCsvLine(line), (std::vector<std::string>{"county", "precinct", "office", "district",
                                                      "candidate", "party", "votes"}));
  int64_t want = 0;
  std::set<std::string> counties;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = SplitCsvLine(line);
    if (cells.size() < 7 || cells[2] != "Governor" || Letters(cells[1]) == "total") continue;
    want += ParseVotes(cells[6]);
    counties.insert(cells[1]);
  }
  ASSERT_EQ(counties.size(), 15u);  // Arizona's counties
  const Json race = Race("az.2018-11-06.general.governor");
  EXPECT_EQ(race["candidate_votes"].get<int64_t>() + race["write_in_votes"].get<int64_t>(), want);
  EXPECT_EQ(race["completeness"], "complete");
  EXPECT_EQ(race["counties"].size(), 15u);
  EXPECT_EQ(Winners(race), std::vector<std::string>{"Doug Ducey"});
}

// Georgia's statewide primary file and the precinct files of three counties: one race across
// counties, counted from the county file, never added to the precinct sums.
TEST_F(AllStates, GeorgiasPrecinctFilesAreNotAddedToItsStatewideFile) {
  std::ifstream in(kData + "/openelections-ga/2018/20180522__ga__primary.csv");
  std::string line;
  std::getline(in, line);
  int64_t want = 0;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = SplitCsvLine(line);
    if (cells.size() >= 6 && cells[1] == "Governor" && cells[3] == "Republican") {
      want += ParseVotes(cells[5]);
    }
  }
  const Json race = Race("ga.2018-05-22.primary.rep.governor");
  EXPECT_EQ(race["candidate_votes"].get<int64_t>(), want);
  EXPECT_EQ(race["counties"].size(), 159u);
  EXPECT_EQ(race["decided_by_race_id"], "ga.2018-07-24.runoff.rep.governor");
  EXPECT_TRUE(Winners(race).empty()) << "a runoff decided it";
  EXPECT_EQ(race["margin_votes"], 0) << "no winner, no margin";
}

// Georgia's primary runoff: one race per office across its counties, with its party, at the
// right level, deciding its primary; won by a majority.
TEST_F(AllStates, RunoffsKeepTheirPartyAndAreOneRaceAcrossCounties) {
  const Json runoff = Race("ga.2018-07-24.runoff.rep.governor");
  EXPECT_EQ(runoff["party"], "REP");
  EXPECT_EQ(runoff["level"], "state");
  EXPECT_EQ(runoff["counties"].size(), 159u);
  EXPECT_EQ(runoff["decides_race_id"], "ga.2018-05-22.primary.rep.governor");
  EXPECT_EQ(Winners(runoff), std::vector<std::string>{"BRIAN KEMP"});
  const Json superintendent = Race("ga.2018-07-24.runoff.dem.state-school-superintendent");
  EXPECT_EQ(superintendent["level"], "state");
  EXPECT_EQ(superintendent["jurisdiction"], "");
  const Json plan =
      ParseJson(RunDownballot(store_, "plan ga.2018-07-24.runoff.rep.governor --format json"));
  const int64_t ballots = runoff["ballots_for_office"].get<int64_t>();
  EXPECT_EQ(plan["expected"]["win_number"].get<int64_t>(), ballots / 2 + 1) << plan.dump();
}

// MEDSL's totals, an independent source, for every U.S. House and Senate general of the states
// whose files cover them: equal per candidate, or listed by `check` for a reason named here.
TEST_F(AllStates, GeneralsAgreeWithMedslOrCheckListsTheDifference) {
  // Every difference with MEDSL, and the rows that explain it.
  const std::map<std::string, std::string> explained = {
      // Arizona's county file names seven Senate write-ins (Barry Hess 365, Jonathan Ringham 46,
      // ...: 565 votes); MEDSL gives one write-in line of 566: one write-in vote more.
      {"az.2018-11-06.general.u-s-senate.class-1", "write-ins"},
  };
  const Json mismatches = ParseJson(RunDownballot(store_, "mismatches --format json"));
  std::set<std::string> differing;
  for (const Json& row : mismatches) {
    const std::string other = row["other_source"];
    const std::string counted = row["counted_source"];
    if (other.rfind("MEDSL", 0) != 0 && counted.rfind("MEDSL", 0) != 0) continue;
    const std::string race_id = row["race_id"];
    if (race_id.rfind("az.", 0) != 0 && race_id.rfind("ny.", 0) != 0) continue;
    differing.insert(race_id);
    const auto it = explained.find(race_id);
    ASSERT_NE(it, explained.end()) << "unexplained difference with MEDSL: " << row.dump();
    EXPECT_EQ(row["candidate"], std::string(model::kOtherVotesLine)) << row.dump();
  }
  for (const auto& [race_id, reason] : explained) {
    SCOPED_TRACE(race_id);
    EXPECT_TRUE(differing.contains(race_id));
    const std::vector<Json> issues = Issues("medsl_total", race_id);
    ASSERT_FALSE(issues.empty()) << "check does not list it";
    EXPECT_EQ(issues[0]["severity"], "warning") << "only the lumped write-ins differ";
  }
  // Arizona's files cover all of its nine districts and its Senate race: the rest agree to the
  // vote, each candidate matched across sources despite typos ("Torn O'Halleran").
  int num_agreeing = 0;
  const Json races =
      ParseJson(RunDownballot(store_, "races --state AZ --date 2018-11-06 --format json"));
  for (const Json& race : races) {
    const std::string office = race["office"];
    if (office != "U.S. House" && office != "U.S. Senate") continue;
    EXPECT_EQ(race["completeness"], "complete") << race["race_id"];
    if (!differing.contains(race["race_id"].get<std::string>())) ++num_agreeing;
  }
  // AZ-1 among them: the county file names David Shock (IND, 65 votes), MEDSL's write-in line.
  EXPECT_EQ(num_agreeing, 9);
  // NY-10's county sums agree with MEDSL only because New York County's "Scattered" subtotal row
  // (151, after its precincts of the district) is a total, not write-ins: counted, the county
  // sums had 302 write-ins against MEDSL's 244.
  const Json ny_10 = Race("ny.2018-11-06.general.u-s-house.10");
  EXPECT_EQ(ny_10["write_in_votes"], 244);
  EXPECT_TRUE(ny_10["mismatches"].empty()) << ny_10["mismatches"].dump();
  const Json ny_1 = Race("ny.2018-11-06.general.u-s-house.1");
  EXPECT_EQ(ny_1["counted_from"], "MEDSL district_overall_2018.csv") << "Suffolk alone is loaded";
}

// FiveThirtyEight's primary shares, an independent source: every primary of ours that it covers
// agrees within 0.05 points, or `check` lists it with both figures. The comparison here is the
// test's own: candidates matched by last name, shares of candidate votes or of all votes.
TEST_F(AllStates, PrimariesAgreeWithFiveThirtyEightOrCheckListsThem) {
  auto db = store::Database::Open(store_.string(), {});
  ASSERT_TRUE(db.ok());
  auto select = (*db)->Prepare(
      "SELECT c.candidate, c.primary_pct, r.id, r.candidate_votes, r.write_in_votes "
      "FROM primary_candidacy c JOIN race r ON r.state = c.state AND r.election_date = "
      "c.primary_date AND r.stage = 'primary' AND (r.party = c.party OR r.party = '') AND "
      "r.completeness = 'complete' AND ((c.office_type = 'Governor' AND r.office = 'Governor') "
      "OR (c.office_type LIKE 'Senator%' AND r.office = 'U.S. Senate') OR "
      "(c.office_type = 'Representative' AND r.office = 'U.S. House' AND c.district LIKE '% ' || "
      "r.district)) WHERE c.cycle = 2018 AND c.primary_pct IS NOT NULL");
  ASSERT_TRUE(select.ok()) << select.status();
  auto votes_of = (*db)->Prepare("SELECT name, votes FROM race_candidate WHERE race_id = ?1");
  ASSERT_TRUE(votes_of.ok());
  std::set<std::string> compared;
  std::set<std::string> disagreeing;
  while (*select->Step()) {
    const std::string name = select->ColumnText(0);
    const double fte = select->ColumnDouble(1);
    const std::string race_id = select->ColumnText(2);
    const double candidate_votes = static_cast<double>(select->ColumnInt(3));
    const double office_votes = candidate_votes + static_cast<double>(select->ColumnInt(4));
    compared.insert(race_id);
    const std::string last = LastName(name);
    ASSERT_TRUE(votes_of->Bind(1, race_id).ok());
    double best = 1e9;
    while (*votes_of->Step()) {
      if (Letters(votes_of->ColumnText(0)).find(last) == std::string::npos) continue;
      const double votes = static_cast<double>(votes_of->ColumnInt(1));
      best = std::min({best, std::fabs(100 * votes / candidate_votes - fte),
                       std::fabs(100 * votes / office_votes - fte)});
    }
    votes_of->Reset();
    if (best > 0.05 && fte >= 0.05) disagreeing.insert(race_id);
  }
  EXPECT_GE(compared.size(), 30u);
  EXPECT_FALSE(disagreeing.empty());  // 538 took some counts before they were final
  for (const std::string& race_id : disagreeing) {
    SCOPED_TRACE(race_id);
    const std::vector<Json> issues = Issues("fte_share", race_id);
    ASSERT_FALSE(issues.empty()) << "check does not list it";
    const std::string message = issues.front()["message"];
    EXPECT_NE(message.find(" vs ours "), std::string::npos) << message;
    EXPECT_NE(issues.front()["rows"].get<std::string>().find("downballot race " + race_id),
              std::string::npos);
  }
}

TEST_F(AllStates, PartySeatsAreListedWithTheirParty) {
  const Json targets =
      ParseJson(RunDownballot(store_, "targets --level party --limit 0 --format json"));
  std::set<std::string> offices;
  for (const Json& target : targets) {
    EXPECT_FALSE(target["party"].get<std::string>().empty()) << target["seat_id"];
    offices.insert(target["office"].get<std::string>());
  }
  // Only New York's files hold party offices among the states loaded.
  EXPECT_TRUE(offices.contains("County Committee"));
  EXPECT_TRUE(offices.contains("State Committee (Female)"));
  EXPECT_TRUE(offices.contains("Judicial Delegate"));
}

// Onondaga's County Committee elects two per district: two winners, the margin over the third;
// its file lists every precinct twice ("Cicero 22", "Cicero 22nd District"), counted once.
TEST_F(AllStates, OnondagasCountyCommitteeElectsTwoAndCountsOnce) {
  const Json race =
      Race("ny.2018-09-13.primary.rep.onondaga.county-committee.town-of-cicero-district-22");
  EXPECT_EQ(race["seats"], 2);
  EXPECT_EQ(Winners(race), (std::vector<std::string>{"Mark R Venesky", "Mary Ellen Venesky"}));
  EXPECT_EQ(VotesOf(race, "Mark R Venesky"), 33);
  EXPECT_EQ(VotesOf(race, "Paul F Becallo"), 23);
  EXPECT_EQ(race["margin_votes"], 28 - 23);
  EXPECT_FALSE(
      Issues("repeated_precinct_block",
             kData + "/openelections-ny/2018/20180913__ny__primary__onondaga__precinct.csv")
          .empty());
}

// NY-24: the statewide county file labels Monroe's NY-25 rows as district 24. They are set
// aside, Balter wins by 5,939 as she did, FiveThirtyEight agrees on the nominee, and check
// lists the set-aside rows.
TEST_F(AllStates, NewYork24sMislabelledMonroeRowsAreSetAside) {
  const Json race = Race("ny.2018-06-26.primary.dem.u-s-house.24");
  EXPECT_EQ(Winners(race), std::vector<std::string>{"Dana Balter"});
  EXPECT_EQ(race["margin_votes"], 5939);
  ASSERT_EQ(race["set_aside"].size(), 1u);
  EXPECT_EQ(race["set_aside"][0]["county"], "Monroe");
  EXPECT_FALSE(Issues("set_aside", "ny.2018-06-26.primary.dem.u-s-house.24").empty());
  for (const Json& issue : Issues("fte_share", "ny.2018-06-26.primary.dem.u-s-house.24")) {
    EXPECT_EQ(issue["severity"], "warning") << "the nominee agrees: " << issue.dump();
  }
}

// Westchester's 2018 primary file labels State Senate 34, 35 and 40 as State Assembly: Queens
// seats. The races are conflicting: no winner, no Queens incumbent, no target.
TEST_F(AllStates, WestchestersSenateRowsDoNotBecomeQueensAssemblySeats) {
  const Json race = Race("ny.2018-09-13.primary.dem.state-assembly.34");
  EXPECT_EQ(race["completeness"], "conflicting");
  EXPECT_EQ(race["counties"], Json::array({"Westchester"}));
  EXPECT_TRUE(Winners(race).empty());
  EXPECT_EQ(race["incumbent"], "");
  EXPECT_FALSE(race["is_open_seat"].get<bool>());
  EXPECT_FALSE(
      Issues("conflicting_counties", "ny.2018-09-13.primary.dem.state-assembly.34").empty());
  const Json targets =
      ParseJson(RunDownballot(store_, "targets --state NY --party DEM --limit 0 --format json"));
  for (const Json& target : targets) {
    EXPECT_NE(target["last_race_id"], "ny.2018-09-13.primary.dem.state-assembly.34");
  }
}

// Broome writes Assembly 124 as "124.0": one seat, with Broome in it; check lists the floats.
TEST_F(AllStates, AFloatDistrictIsTheSameSeat) {
  const Json races = ParseJson(RunDownballot(
      store_, "races --state NY --office 'State Assembly' --date 2018-09-13 --format json"));
  int num_124 = 0;
  for (const Json& race : races) {
    const std::string district = race["district"];
    EXPECT_EQ(district.find('.'), std::string::npos) << race["race_id"];
    if (district == "124") {
      ++num_124;
      const Json detail = Race(race["race_id"]);
      EXPECT_NE(std::find(detail["counties"].begin(), detail["counties"].end(), "Broome"),
                detail["counties"].end());
    }
  }
  EXPECT_EQ(num_124, 1);
  EXPECT_FALSE(Issues("float_district",
                      kData + "/openelections-ny/2018/20180913__ny__primary__broome__precinct.csv")
                   .empty());
}

// A state's two Senate seats are two seats: the 2018 general (Gillibrand's, class 1) is not the
// 2016 one (Schumer's, class 3), so it claims no open seat.
TEST_F(AllStates, TheSenateSeatsOfAStateAreToldApartByClass) {
  const Json race = Race("ny.2018-11-06.general.u-s-senate.class-1");
  EXPECT_FALSE(race["is_open_seat"].get<bool>());
  EXPECT_EQ(race["incumbent"], "");
  EXPECT_EQ(Winners(race), std::vector<std::string>{"Kirsten E. Gillibrand"});
  EXPECT_EQ(Race("ny.2016-11-08.general.u-s-senate.class-3")["winners"],
            Json::array({"Charles E. Schumer"}));
  // Minnesota elected both of its seats in 2018.
  EXPECT_EQ(Race("mn.2018-11-06.general.u-s-senate.class-2")["winners"],
            Json::array({"Tina Smith"}));
}

TEST_F(AllStates, AContestRepeatedUnderAnotherDateIsListed) {
  const std::vector<Json> issues =
      Issues("repeated_contest", "ny.2018-07-26.primary.dem.u-s-house.1");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0]["message"].get<std::string>().find("ny.2018-06-26.primary.dem.u-s-house.1"),
            std::string::npos);
}

TEST_F(AllStates, LeverageFlagsOnlyWholeRacesThatElectOne) {
  const Json rows = ParseJson(RunDownballot(store_, "leverage --format json"));
  int num_flagged = 0;
  for (const Json& row : rows) {
    if (!row["exceeds_margin"].get<bool>()) continue;
    ++num_flagged;
    EXPECT_TRUE(row["complete"].get<bool>()) << row.dump();
    EXPECT_EQ(row["seats"], 1) << row.dump();
  }
  EXPECT_GT(num_flagged, 0);
}

TEST_F(AllStates, WardFilesAndTurnoutRowsWithoutAnOfficeLoad) {
  const Json races = ParseJson(RunDownballot(store_, "races --state WI --format json"));
  EXPECT_GE(races.size(), 60u);
  const Json report = ParseJson(ingest_);
  for (const Json& file : report["files"]) {
    const std::string path = file["path"];
    if (path.find("openelections-oh") != std::string::npos) {
      EXPECT_EQ(file["rows_rejected"], 0) << path;
    }
  }
}

// The votes of `office` and `district` per candidate in a results file, read independently of
// the parser (every row: the file has no total rows).
std::map<std::string, int64_t> VotesInFile(const std::string& path, const std::string& office,
                                           const std::string& district) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  const auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t office_col = column("office");
  const size_t district_col = column("district");
  const size_t candidate_col = column("candidate");
  const size_t votes_col = column("votes");
  std::map<std::string, int64_t> votes;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = SplitCsvLine(line);
    if (cells.size() != header.size()) continue;
    if (cells[office_col] == office && cells[district_col] == district) {
      votes[cells[candidate_col]] += ParseVotes(cells[votes_col]);
    }
  }
  return votes;
}

// A precinct whose name holds the county's ("Town Of Dane Ward 1") is a precinct, even where a
// candidate's votes there equal the rest of the candidate's (Rubinstein: 5 of 199).
TEST_F(AllStates, APrecinctNamedLikeItsCountyIsCounted) {
  const std::map<std::string, int64_t> want =
      VotesInFile(kData + "/openelections-wi/2018/20180612__wi__special__general__ward.csv",
                  "State Assembly", "42");
  ASSERT_EQ(want.size(), 4u);  // three candidates and Scattering
  const Json race = Race("wi.2018-06-12.special.state-assembly.42");
  for (const auto& [name, votes] : want) {
    if (name == "Scattering") {
      EXPECT_EQ(race["write_in_votes"].get<int64_t>(), votes);
    } else {
      EXPECT_EQ(VotesOf(race, name), votes) << name;
    }
  }
}

// Subtotal rows in precinct files count once, whichever way they are labelled: New York
// County's after some candidates' blocks (Hoylman's Working Families line, 8,004, which equals
// its precincts, beside a Democratic subtotal 10 votes above them), and Oswego's judicial
// delegates' total labelled with the last precinct ("Oswego Town 7": 20 ballots, Fultz 7,
// Goewey 11).
TEST_F(AllStates, SubtotalRowsCountOnce) {
  const Json senate = Race("ny.2018-11-06.general.state-senate.27");
  ASSERT_EQ(senate["candidates"].size(), 1u);
  std::map<std::string, int64_t> lines;
  for (const Json& line : senate["candidates"][0]["party_lines"]) {
    lines[line["party"]] = line["votes"].get<int64_t>();
  }
  EXPECT_EQ(lines["WOR"], 8004);
  EXPECT_EQ(lines["DEM"], 99229) << "the precinct sums count; the county subtotal is 99,239";
  bool is_listed = false;
  for (const Json& mismatch : senate["mismatches"]) {
    is_listed = is_listed || (mismatch["county"] == "New York" && mismatch["other_votes"] == 99239);
  }
  EXPECT_TRUE(is_listed) << senate["mismatches"].dump();

  const Json delegates = Race("ny.2018-09-13.primary.ind.judicial-delegate.130");
  EXPECT_EQ(VotesOf(delegates, "Emily Fultz"), 7);
  EXPECT_EQ(VotesOf(delegates, "Nick Goewey"), 11);

  // Oswego's file gives the county's Sheriff totals twice more under its last precinct, "Fulton
  // 6 2": Sullivan 3,837, Hilton 4,006, write-ins 5, voids and blanks 227 (lines 3128-3137).
  const Json sheriff = Race("ny.2018-09-13.primary.rep.oswego.sheriff");
  EXPECT_EQ(VotesOf(sheriff, "Gene Sullivan"), 3837);
  EXPECT_EQ(VotesOf(sheriff, "Don Hilton"), 4006);
  EXPECT_EQ(sheriff["write_in_votes"], 5);
  EXPECT_EQ(sheriff["blank_void"], 227);
  EXPECT_TRUE(sheriff["mismatches"].empty()) << sheriff["mismatches"].dump();
}

// A precinct named like its county ("Lafayette Public Libary") is a precinct: Florida's
// Lafayette file has no total rows, so every one of its write-ins counts.
TEST_F(AllStates, APrecinctStartingWithTheCountysNameIsAPrecinct) {
  const Json report = ParseJson(ingest_);
  int num_files = 0;
  for (const Json& file : report["files"]) {
    if (file["path"].get<std::string>().find("__fl__general__lafayette__") == std::string::npos) {
      continue;
    }
    ++num_files;
    for (const Json& note : file["notes"]) {
      EXPECT_EQ(note.get<std::string>().find("total_votes"), std::string::npos) << note;
    }
  }
  EXPECT_EQ(num_files, 1);
}

// North Carolina's party cells hold NUL bytes and its write-ins are "Name (Write-In)" and
// "Write-In (Miscellaneous)": no race gets a party of control characters and no write-in
// becomes a candidate.
TEST_F(AllStates, NorthCarolinasWriteInsAndBlankPartiesAreNotCandidates) {
  const Json races = ParseJson(RunDownballot(store_, "races --state NC --format json"));
  ASSERT_GT(races.size(), 100u);
  for (const Json& race : races) {
    const std::string id = race["race_id"];
    EXPECT_EQ(id.find(".."), std::string::npos) << id;
    for (const char c : race["party"].get<std::string>()) {
      EXPECT_GE(static_cast<unsigned char>(c), 0x20) << id;
    }
    EXPECT_EQ(race["candidates"].get<std::string>().find("Write-In"), std::string::npos) << id;
  }
  const Json durham = Race("nc.2018-05-08.primary.durham.board-of-education.2");
  EXPECT_GT(durham["write_in_votes"].get<int64_t>(), 0);
  EXPECT_EQ(durham["field_size"], 1);
}

// "William \"Bill\" Pierce" (Apache's precinct file) and "PIERCE, WILLIAM \"BILL\"" (the
// county file) are one candidate.
TEST_F(AllStates, ANicknameThatIsTheFirstNameMergesSpellings) {
  const Json race = Race("az.2018-11-06.general.state-mine-inspector");
  int num_pierce = 0;
  for (const Json& candidate : race["candidates"]) {
    num_pierce += Letters(candidate["name"]).find("pierce") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(num_pierce, 1) << race["candidates"].dump();
  for (const Json& mismatch : race["mismatches"]) {
    EXPECT_EQ(Letters(mismatch["candidate"]).find("pierce"), std::string::npos) << mismatch.dump();
  }
}

// One more state into a store that holds others rebuilds that state's races only.
TEST(IncrementalRebuild, OneMoreStateRebuildsOnlyItsRaces) {
  if (!fs::exists(kData + "/openelections-az")) GTEST_SKIP() << "no " << kData;
  const fs::path dir = FreshDir("incremental");
  const fs::path store = dir / "two.db";
  const CommandResult georgia = RunDownballot(store, "ingest '" + kData + "/openelections-ga'");
  ASSERT_EQ(georgia.exit_code, 0) << georgia.err;
  const std::string georgia_race = RunDownballot(store,
                                                 "race ga.2018-07-24.runoff.rep.governor "
                                                 "--format json")
                                       .out;
  const CommandResult arizona = RunDownballot(store, "ingest '" + kData + "/openelections-az'");
  ASSERT_EQ(arizona.exit_code, 0) << arizona.err;
  EXPECT_NE(arizona.err.find("rebuilt the races of 1 state(s): AZ"), std::string::npos)
      << arizona.err;
  EXPECT_EQ(RunDownballot(store, "race ga.2018-07-24.runoff.rep.governor --format json").out,
            georgia_race);
  EXPECT_EQ(RunDownballot(store, "race az.2018-11-06.general.governor --format json").exit_code, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace downballot
