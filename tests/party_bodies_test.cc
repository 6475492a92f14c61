// Party bodies on New York's files: `bodies` counts every seat where a county's general-election
// precincts are loaded (checked against the files read here independently), says "at least"
// where they are not, and `takeover` picks the cheapest majority, recomputed from the races.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "binary_runner.h"
#include "nlohmann/json.hpp"

namespace downballot::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kNewYork = kData + "/openelections-ny";

// Each record of a CSV file as a column -> cell map (the files have no quoted line breaks).
std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  std::vector<std::map<std::string, std::string>> records;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = SplitCsvLine(line);
    std::map<std::string, std::string> record;
    for (size_t col = 0; col < header.size() && col < cells.size(); ++col) {
      record[header[col]] = cells[col];
    }
    records.push_back(std::move(record));
  }
  return records;
}

// The distinct non-empty precincts a general-election precinct file names.
size_t DistinctPrecincts(const std::string& path) {
  std::set<std::string> precincts;
  for (const auto& record : ReadCsv(path)) {
    if (record.at("precinct").find_first_not_of(' ') != std::string::npos) {
      precincts.insert(record.at("precinct"));
    }
  }
  return precincts.size();
}

class PartyBodies : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kNewYork)) return;
    dir_ = FreshDir("party_bodies");
    store_ = dir_ / "ny.db";
    const CommandResult ingest = RunDownballot(
        store_, "ingest '" + kNewYork + "' '" + kData + "/fips/county_fips_master.csv'");
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const CommandResult bodies = RunDownballot(store_, "bodies --state NY --format json");
    ASSERT_EQ(bodies.exit_code, 0) << bodies.err;
    for (const Json& body : Json::parse(bodies.out)) {
      bodies_[body["body_id"].get<std::string>()] = body;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!fs::exists(kNewYork)) GTEST_SKIP() << "no " << kNewYork;
  }

  static const Json& Body(const std::string& id) {
    static const Json kMissing;
    const auto found = bodies_.find(id);
    EXPECT_NE(found, bodies_.end()) << id;
    return found == bodies_.end() ? kMissing : found->second;
  }
  static Json RunJson(const std::string& args) {
    const CommandResult result = RunDownballot(store_, args);
    EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
    return result.exit_code == 0 ? Json::parse(result.out) : Json();
  }

  static fs::path dir_;
  static fs::path store_;
  static std::map<std::string, Json> bodies_;
};

fs::path PartyBodies::dir_;
fs::path PartyBodies::store_;
std::map<std::string, Json> PartyBodies::bodies_;

// Richmond's 2016 Conservative County Committee: every election district of the county's 2016
// general file elects two members (NY Election Law §2-104); the contested ones are the distinct
// County Committee districts of the Conservative primary.
TEST_F(PartyBodies, RichmondConservativeCommitteeCountsEveryElectionDistrict) {
  const size_t districts =
      DistinctPrecincts(kNewYork + "/2016/20161108__ny__general__richmond__precinct.csv");
  std::set<std::string> primaries;
  for (const auto& record :
       ReadCsv(kNewYork + "/2016/20160913__ny__primary__richmond__precinct.csv")) {
    if (record.at("office") == "County Committee" && record.at("party") == "Conservative") {
      primaries.insert(record.at("district"));
    }
  }
  ASSERT_GT(districts, 200u);
  ASSERT_GT(primaries.size(), 30u);
  const Json& body = Body("ny.con.richmond.county-committee");
  EXPECT_EQ(body["seat_count"], "total");
  EXPECT_EQ(body["seats"], 2 * districts);
  EXPECT_EQ(body["units"], districts);
  EXPECT_EQ(body["primaries"], primaries.size());
  EXPECT_EQ(body["contested_seats"], 2 * primaries.size());  // two members per district
  EXPECT_EQ(body["seats_without_primary"], 2 * (districts - primaries.size()));
}

// Onondaga's 2018 Democratic County Committee, from the county's 2018 general file; its one
// primary was listed twice in the primary file under two spellings of its precinct, counted once.
TEST_F(PartyBodies, OnondagaDemocraticCommitteeCountsEveryElectionDistrict) {
  const size_t districts =
      DistinctPrecincts(kNewYork + "/2018/20181106__ny__general__onondaga__precinct.csv");
  std::set<std::string> primaries;
  for (const auto& record :
       ReadCsv(kNewYork + "/2018/20180913__ny__primary__onondaga__precinct.csv")) {
    if (record.at("office").starts_with("COUNTY COMMITTEE") && record.at("party") == "DEM") {
      primaries.insert(record.at("office"));
    }
  }
  ASSERT_GT(districts, 400u);
  ASSERT_EQ(primaries.size(), 1u);
  const Json& body = Body("ny.dem.onondaga.county-committee");
  EXPECT_EQ(body["seat_count"], "total");
  EXPECT_EQ(body["seats"], 2 * districts);
  EXPECT_EQ(body["primaries"], primaries.size());
  EXPECT_EQ(body["contested_seats"], 2 * primaries.size());

  // The precinct's returns once, not twice: 19, 13 and 12 votes in the file's first block.
  const Json race = RunJson(
      "race "
      "ny.2018-09-13.primary.dem.onondaga.county-committee.city-of-syracuse-ward-16-district-1 "
      "--format json");
  EXPECT_EQ(race["candidate_votes"], 19 + 13 + 12);
}

// Kings: no 2016 general precinct file of Kings is loaded, so the count is a lower bound and
// says so, in every format.
TEST_F(PartyBodies, ABodyWithoutItsElectionDistrictListIsAtLeastN) {
  const Json& body = Body("ny.dem.kings.county-committee");
  EXPECT_EQ(body["seat_count"], "at_least");
  EXPECT_TRUE(body["seats_without_primary"].is_null());
  EXPECT_TRUE(body["seats_basis"].get<std::string>().starts_with("at least")) << body;
  const CommandResult table = RunDownballot(store_, "bodies --state ny --party dem --format table");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("at least " + std::to_string(body["seats"].get<int64_t>())),
            std::string::npos)
      << table.out;
}

// Suffolk's 2018 Democratic County Committee elects two members per district: the majority is
// counted per member and every pick's win number is recomputed from its race (the plan of a
// seat that elects N: beat the (N+1)th finisher's share by the 3-point margin).
TEST_F(PartyBodies, TakeoverPicksTheCheapestMajorityCountedPerMember) {
  const Json plan = RunJson("takeover ny.dem.suffolk.county-committee --format json");
  const int64_t seats = plan["body"]["seats"];
  EXPECT_EQ(plan["majority"], seats / 2 + 1);
  std::set<std::string> picked;
  int64_t seats_won = 0;
  int64_t votes = 0;
  int64_t last_cost = 0;
  for (const Json& pick : plan["picks"]) {
    ASSERT_FALSE(pick["race_id"].is_null()) << pick;  // every seat of this body had a primary
    const std::string race_id = pick["race_id"];
    picked.insert(race_id);
    const Json race = RunJson("race " + race_id + " --format json");
    ASSERT_EQ(race["seats"], 2);
    EXPECT_EQ(pick["seats"], 2);  // both members of the district
    EXPECT_EQ(pick["candidates"], 2);
    const double ballots = race["ballots_for_office"].get<double>();
    const double third = race["candidates"][2]["votes"].get<double>();
    const auto win_number =
        static_cast<int64_t>(std::ceil(ballots * (third / ballots + 0.03) - 1e-9));
    EXPECT_EQ(pick["win_number_expected"], win_number) << race_id;
    EXPECT_GE(win_number, last_cost);  // cheapest first
    last_cost = win_number;
    seats_won += 2;
    votes += win_number;
  }
  EXPECT_EQ(plan["seats_won"], seats_won);
  EXPECT_GE(seats_won, plan["majority"].get<int64_t>());
  EXPECT_LT(seats_won - 2, plan["majority"].get<int64_t>());  // no pick more than needed
  EXPECT_EQ(plan["expected"]["win_number"], votes);
  // Half the votes assured (base_vote_share), the rest found at 14 contacts each (Gerber &
  // Green), doors = contacts / 0.25 (plan defaults); the high end finds every vote.
  const int64_t to_find = (votes + 1) / 2;
  EXPECT_EQ(plan["expected"]["votes_to_find"], to_find);
  EXPECT_EQ(plan["expected"]["contacts"], to_find * 14);
  EXPECT_EQ(plan["expected"]["doors"], to_find * 14 * 4);
  EXPECT_EQ(plan["high"]["votes_to_find"], plan["high"]["win_number"]);
  // Every district left out costs at least the dearest one picked.
  for (const Json& unit : plan["body"]["unit_list"]) {
    for (const Json& race_id : unit["race_ids"]) {
      if (picked.contains(race_id.get<std::string>())) continue;
      const Json other = RunJson("plan " + race_id.get<std::string>() + " --format json");
      EXPECT_GE(other["expected"]["win_number"].get<int64_t>(), last_cost) << race_id;
    }
  }
  EXPECT_FALSE(plan["warnings"].empty());  // the body's count is a lower bound
}

// A body whose seats are mostly uncontested is taken by filing first, each district's two
// members at once; the high end prices those seats in case their holders file again.
TEST_F(PartyBodies, TakeoverFilesForUncontestedSeatsFirst) {
  const Json plan = RunJson("takeover ny.con.richmond.county-committee --format json");
  EXPECT_EQ(plan["majority"], plan["body"]["seats"].get<int64_t>() / 2 + 1);
  for (const Json& pick : plan["picks"]) {
    EXPECT_TRUE(pick["race_id"].is_null()) << pick;
    EXPECT_EQ(pick["seats"], 2);
    EXPECT_EQ(pick["win_number_expected"], 0);
    EXPECT_GT(pick["win_number_high"], 0);
  }
  EXPECT_EQ(plan["expected"]["win_number"], 0);
  EXPECT_GT(plan["high"]["win_number"], 0);
}

// Unknown incumbency weighs nothing: no party seat scores half an open seat for it.
TEST_F(PartyBodies, TargetsDoNotTieOnUnknownIncumbency) {
  const Json targets = RunJson("targets --party DEM --level party --limit 0 --format json");
  ASSERT_GT(targets.size(), 50u);
  std::set<double> scores;
  for (const Json& target : targets) {
    const Json& open_seat = target["components"][0];
    ASSERT_EQ(open_seat["name"], "open_seat");
    if (!open_seat["is_known"].get<bool>()) {
      EXPECT_TRUE(open_seat["value"].is_null());
      EXPECT_EQ(open_seat["contribution"], 0.0);
    } else {
      EXPECT_NE(open_seat["value"], 0.5);
    }
    scores.insert(target["score"].get<double>());
  }
  EXPECT_GT(scores.size(), targets.size() / 2);

  const Json ranked = RunJson("targets --by body --state NY --limit 0 --format json");
  ASSERT_EQ(ranked.size(), bodies_.size());
  for (size_t idx = 1; idx < ranked.size(); ++idx) {
    EXPECT_LE(ranked[idx - 1]["votes_expected"], ranked[idx]["votes_expected"]);
  }
}

}  // namespace
}  // namespace downballot::testing
