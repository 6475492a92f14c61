// Runs the real binary against the real public files: the issue's acceptance checks.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "binary_runner.h"
#include "nlohmann/json.hpp"
#include "store/database.h"

namespace downballot {
namespace {

namespace fs = std::filesystem;

using testing::CommandResult;
using testing::FreshDir;
using testing::kBinary;
using testing::kData;
using testing::ReadText;
using testing::RunDownballot;

// A fingerprint of everything stored, to prove a failed ingest changed nothing.
std::string StoreFingerprint(const fs::path& store) {
  auto db = store::Database::Open(store.string(), {});
  if (!db.ok()) return "unopenable";
  std::string fingerprint;
  for (const char* table :
       {"source_file", "row_reject", "result_row", "race", "race_candidate", "primary_candidacy",
        "partisan_lean", "fec_candidate", "fec_committee_donors", "fec_committee_contribution"}) {
    const auto count = (*db)->QueryInt(std::string("SELECT count(*) FROM ") + table);
    fingerprint += std::string(table) + "=" + (count.ok() ? std::to_string(*count) : "?") + ";";
  }
  return fingerprint;
}

class NewYorkStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kData + "/openelections-ny")) return;
    dir_ = FreshDir("ny");
    store_ = dir_ / "ny.db";
    ingest_ = RunDownballot(store_, "ingest '" + kData + "/openelections-ny' --format json");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!fs::exists(kData + "/openelections-ny")) GTEST_SKIP() << "no " << kData;
  }

  static fs::path dir_;
  static fs::path store_;
  static CommandResult ingest_;
};
fs::path NewYorkStore::dir_;
fs::path NewYorkStore::store_;
CommandResult NewYorkStore::ingest_;

TEST_F(NewYorkStore, EveryFileIngestsAndEveryRowIsAccountedFor) {
  ASSERT_EQ(ingest_.exit_code, 0) << ingest_.err;
  const auto report = nlohmann::json::parse(ingest_.out);
  ASSERT_EQ(report["files"].size(), 75u);
  int64_t read = 0;
  int64_t rejected = 0;
  for (const auto& file : report["files"]) {
    SCOPED_TRACE(file["path"].get<std::string>());
    EXPECT_EQ(file["status"], "loaded") << file["error"];
    EXPECT_EQ(file["rows_read"].get<int64_t>(),
              file["rows_stored"].get<int64_t>() + file["rows_rejected"].get<int64_t>());
    EXPECT_EQ(file["rejects"].size(), file["rows_rejected"].get<size_t>());
    for (const auto& reject : file["rejects"]) {
      EXPECT_GT(reject["line"].get<int64_t>(), 0);
      EXPECT_FALSE(reject["reason"].get<std::string>().empty());
    }
    read += file["rows_read"].get<int64_t>();
    rejected += file["rows_rejected"].get<int64_t>();
  }
  EXPECT_EQ(report["rows_read"].get<int64_t>(), read);
  EXPECT_GT(read, 500000);
  EXPECT_LT(static_cast<double>(rejected), 0.001 * static_cast<double>(read));
}

TEST_F(NewYorkStore, IngestingTheSameFilesAgainChangesNothing) {
  const std::string before = StoreFingerprint(store_);
  const CommandResult again =
      RunDownballot(store_, "ingest '" + kData + "/openelections-ny/2018' --format json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto report = nlohmann::json::parse(again.out);
  for (const auto& file : report["files"]) {
    EXPECT_EQ(file["status"], "already_loaded");
  }
  EXPECT_EQ(StoreFingerprint(store_), before);
}

TEST_F(NewYorkStore, OcasioCortezBeatsCrowleyInTheCountyFile) {
  const CommandResult race =
      RunDownballot(store_, "race ny.2018-06-26.primary.dem.u-s-house.14 --format json");
  ASSERT_EQ(race.exit_code, 0) << race.err;
  const auto json = nlohmann::json::parse(race.out);
  EXPECT_EQ(json["winners"], nlohmann::json::array({"Alexandria Ocasio-Cortez"}));
  std::map<std::string, int64_t> votes;
  for (const auto& candidate : json["candidates"]) votes[candidate["name"]] = candidate["votes"];
  EXPECT_EQ(votes["Alexandria Ocasio-Cortez"], 16898);
  EXPECT_EQ(votes["Joseph Crowley"], 12880);
  EXPECT_EQ(json["margin_votes"], 16898 - 12880);
  EXPECT_EQ(json["counties"], nlohmann::json({"Bronx", "Queens"}));

  const CommandResult table =
      RunDownballot(store_, "race ny.2018-06-26.primary.dem.u-s-house.14 --format table");
  EXPECT_NE(table.out.find("winner      Alexandria Ocasio-Cortez by 4018 votes"), std::string::npos)
      << table.out;
}

TEST_F(NewYorkStore, PartyTargetsListCountyAndStateCommitteeSeats) {
  const CommandResult targets =
      RunDownballot(store_, "targets --state NY --level party --limit 0 --format json");
  ASSERT_EQ(targets.exit_code, 0) << targets.err;
  const auto json = nlohmann::json::parse(targets.out);
  bool has_county_committee = false;
  bool has_state_committee = false;
  for (const auto& target : json) {
    EXPECT_EQ(target["level"], "party");
    const std::string office = target["office"];
    has_county_committee |= office.find("County Committee") != std::string::npos;
    has_state_committee |= office.find("State Committee") != std::string::npos;
    EXPECT_FALSE(target["components"].empty());
  }
  EXPECT_TRUE(has_county_committee);
  EXPECT_TRUE(has_state_committee);
}

// No rows is still the whole header, and stderr says why and what is loaded.
TEST_F(NewYorkStore, EmptyTargetsKeepTheirColumnsAndSayWhy) {
  const CommandResult result = RunDownballot(store_, "targets --state AK --format csv");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "rank,seat_id,office,district,jurisdiction,party,level,last_primary,field_size,"
            "ballots_for_office,win_number,incumbent,completeness,score,open_seat,"
            "uncontested_last_primary,small_electorate,safe_seat,incumbent_weakness,"
            "incumbent_big_donors,incumbent_finance");
  EXPECT_NE(result.err.find("nothing matches these filters"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Loaded primaries: states NY;"), std::string::npos) << result.err;
  // A party's name is its code; a name no table knows is explained like any other no-match.
  const CommandResult by_name = RunDownballot(store_, "targets --party Democrat --format csv");
  EXPECT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_NE(by_name.out.find(",DEM,"), std::string::npos);
  const CommandResult races = RunDownballot(store_, "races --state NY --office Dogcatcher");
  EXPECT_EQ(races.exit_code, 0) << races.err;
  EXPECT_NE(races.err.find("downballot races: nothing matches these filters"), std::string::npos)
      << races.err;
}

// A store with no results says which ingest loads them, whatever the command.
TEST(EmptyStore, EveryListingSaysWhichIngestLoadsData) {
  const fs::path dir = FreshDir("empty");
  const fs::path empty_folder = dir / "nothing";
  fs::create_directories(empty_folder);
  const fs::path store = dir / "s.db";
  ASSERT_EQ(RunDownballot(store, "ingest '" + empty_folder.string() + "'").exit_code, 0);
  for (const std::string command : {"races", "targets", "leverage"}) {
    const CommandResult result = RunDownballot(store, command + " --format csv");
    EXPECT_EQ(result.exit_code, 0) << command << ": " << result.err;
    EXPECT_NE(result.err.find("the store holds no election results yet"), std::string::npos)
        << command << ": " << result.err;
    EXPECT_NE(result.err.find("downballot ingest --data DIR"), std::string::npos) << result.err;
    EXPECT_FALSE(result.out.empty()) << command;  // the header, every column
  }
  fs::remove_all(dir);
}

// Targets are read from the store's ranked-target table; a weights file (here the defaults)
// ranks every race in memory instead. Both must give the same page for every filter and sort.
TEST_F(NewYorkStore, TargetTableAnswersAsRankingInMemory) {
  const std::string weights = std::string(DOWNBALLOT_SOURCE_DIR) + "/config/targets.conf";
  for (const std::string args :
       {"--limit 0", "--state NY --level party --limit 0", "--open-only --limit 40 --offset 5",
        "--sort win_number --limit 60", "--sort ballots --order asc --party DEM --limit 0",
        "--sort field_size --order desc --level state --limit 30 --offset 3",
        "--state NY --open-only --sort win_number --limit 0"}) {
    const CommandResult table = RunDownballot(store_, "targets " + args + " --format json");
    const CommandResult memory =
        RunDownballot(store_, "targets " + args + " --weights '" + weights + "' --format json");
    ASSERT_EQ(table.exit_code, 0) << table.err;
    ASSERT_EQ(memory.exit_code, 0) << memory.err;
    EXPECT_FALSE(nlohmann::json::parse(table.out).empty()) << args;
    EXPECT_EQ(nlohmann::json::parse(table.out), nlohmann::json::parse(memory.out)) << args;
  }
}

TEST_F(NewYorkStore, RacesFilterAndUnknownRaceFails) {
  const CommandResult races = RunDownballot(
      store_, "races --state NY --office 'U.S. House' --district 14 --stage primary --format csv");
  ASSERT_EQ(races.exit_code, 0) << races.err;
  EXPECT_NE(races.out.find("ny.2018-06-26.primary.dem.u-s-house.14"), std::string::npos);
  const CommandResult missing = RunDownballot(store_, "race no.such.race");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no race 'no.such.race'"), std::string::npos);
  // A typo gets the nearest ids; the start of one id (as a cut table cell shows it) is that id.
  const CommandResult typo_id = RunDownballot(store_, "race ny.2018-06-26.primary.dem.u-s-hose.14");
  EXPECT_EQ(typo_id.exit_code, 1);
  EXPECT_NE(typo_id.err.find("nearest: ny.2018-06-26.primary.dem.u-s-house.14"), std::string::npos)
      << typo_id.err;
  const CommandResult cut =
      RunDownballot(store_, "race 'ny.2018-06-26.primary.dem.u-s-house.14\u2026' --format csv");
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_NE(cut.out.find("Alexandria Ocasio-Cortez"), std::string::npos);
  const CommandResult several = RunDownballot(store_, "race ny.2018-06-26.primary.dem.u-s-house.1");
  EXPECT_EQ(several.exit_code, 0) << several.err;  // a whole id, though it starts others too
  const CommandResult ambiguous = RunDownballot(store_, "race ny.2018-06-26.primary.dem.u-s-ho");
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_NE(ambiguous.err.find("give the whole id"), std::string::npos) << ambiguous.err;
  // A mistyped flag gets the nearest one; global options work after the command too.
  const CommandResult flag = RunDownballot(store_, "races --sate NY");
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.err.find("unknown option '--sate'; did you mean `--state`?"), std::string::npos)
      << flag.err;
  EXPECT_EQ(flag.err.find("unexpected argument 'NY'"), std::string::npos) << flag.err;
  const CommandResult after = RunDownballot(
      dir_ / "elsewhere.db", "races --store '" + store_.string() + "' --limit 1 --format json");
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out).size(), 1u);
  const CommandResult no_id = RunDownballot(store_, "plan");
  EXPECT_EQ(no_id.exit_code, 2);
  EXPECT_NE(no_id.err.find("`downballot plan --help` shows its usage"), std::string::npos)
      << no_id.err;
  const CommandResult format_first = RunDownballot(store_, "--format json races --limit 1");
  EXPECT_EQ(format_first.exit_code, 0) << format_first.err;
  EXPECT_EQ(nlohmann::json::parse(format_first.out).size(), 1u);
  const CommandResult bad_level = RunDownballot(store_, "races --level galactic");
  EXPECT_EQ(bad_level.exit_code, 2);
  const CommandResult near_level = RunDownballot(store_, "targets --level sate");
  EXPECT_EQ(near_level.exit_code, 2);
  EXPECT_NE(near_level.err.find("did you mean 'state'?"), std::string::npos) << near_level.err;
  const CommandResult typo = RunDownballot(store_, "racse");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean `downballot races`?"), std::string::npos) << typo.err;
  EXPECT_EQ(RunDownballot(store_, "races --bogus").exit_code, 2);
  EXPECT_EQ(RunDownballot(store_, "races --format xml").exit_code, 2);
  const CommandResult bad_stage = RunDownballot(store_, "races --stage runof");
  EXPECT_EQ(bad_stage.exit_code, 2);
  EXPECT_NE(bad_stage.err.find("general_runoff"), std::string::npos) << bad_stage.err;
  EXPECT_EQ(RunDownballot(store_, "mismatches --race no.such.race").exit_code, 1);
  EXPECT_EQ(RunDownballot(store_, "check --state ZZ").exit_code, 2);
}

TEST_F(NewYorkStore, PrecinctSumsAreReconciledAgainstCountyFiles) {
  // Kings County 2016 Democratic presidential primary: the county file and the precinct file
  // disagree by a few votes; the county file counts and the difference is listed.
  const CommandResult result =
      RunDownballot(store_, "mismatches --race ny.2016-04-19.primary.dem.president --format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_FALSE(json.empty());
  bool found_kings = false;
  for (const auto& row : json) {
    EXPECT_EQ(row["difference"].get<int64_t>(),
              row["other_votes"].get<int64_t>() - row["counted_votes"].get<int64_t>());
    if (row["county"] == "Kings" && row["candidate"] == "Bernie Sanders") {
      found_kings = true;
      EXPECT_EQ(row["counted_votes"], 123872);
      EXPECT_EQ(row["other_votes"], 123876);
      EXPECT_EQ(row["counted_source"], "county file 20160419__ny__primary__president.csv");
      EXPECT_EQ(row["other_source"], "precinct sums 20160419__ny__primary__kings__precinct.csv");
    }
  }
  EXPECT_TRUE(found_kings);
  const CommandResult race =
      RunDownballot(store_, "race ny.2016-04-19.primary.dem.president --format json");
  const auto race_json = nlohmann::json::parse(race.out);
  EXPECT_FALSE(race_json["mismatches"].empty());
}

TEST(FiveThirtyEight, DemFileLoadsEveryCandidacyAndWinner) {
  const std::string dem = kData + "/fivethirtyeight/primary-candidates-2018/dem_candidates.csv";
  if (!fs::exists(dem)) GTEST_SKIP() << "no " << dem;
  const fs::path dir = FreshDir("fte");
  const CommandResult ingest = RunDownballot(dir / "s.db", "ingest '" + dem + "' --format json");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const auto report = nlohmann::json::parse(ingest.out);
  EXPECT_EQ(report["rows_read"], 811);
  EXPECT_EQ(report["rows_stored"], 811);

  // Count "Won Primary" = Yes independently: a plain scan of the CSV (no field in it is quoted).
  std::ifstream in(dem);
  std::string line;
  std::getline(in, line);
  size_t won_column = 0;
  {
    std::stringstream header(line);
    std::string name;
    for (size_t idx = 0; std::getline(header, name, ','); ++idx) {
      if (name == "Won Primary") won_column = idx;
    }
  }
  int64_t num_won = 0;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string cell;
    for (size_t idx = 0; std::getline(row, cell, ','); ++idx) {
      if (idx == won_column && cell == "Yes") ++num_won;
    }
  }
  auto db = store::Database::Open((dir / "s.db").string(), {});
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM primary_candidacy WHERE won_primary = 1"),
            num_won);
  EXPECT_EQ(num_won, 239);
  fs::remove_all(dir);
}

// FiveThirtyEight's primaries (2018 dem and rep, 2022 rep), partisan leans, MEDSL's 2018 files and
// the New York OpenElections files in one store, for slates, leverage, forecast and check.
class PrimariesAndGenerals : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kData + "/medsl")) return;
    dir_ = FreshDir("primaries");
    store_ = dir_ / "p.db";
    ingest_ = RunDownballot(store_, "ingest '" + kData + "/fivethirtyeight' '" + kData +
                                        "/medsl' '" + kData + "/openelections-ny' --format json");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!fs::exists(kData + "/medsl")) GTEST_SKIP() << "no " << kData;
    ASSERT_EQ(ingest_.exit_code, 0) << ingest_.err;
  }

  static fs::path dir_;
  static fs::path store_;
  static CommandResult ingest_;
};
fs::path PrimariesAndGenerals::dir_;
fs::path PrimariesAndGenerals::store_;
CommandResult PrimariesAndGenerals::ingest_;

std::string TrimCell(std::string cell) {
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r')) cell.pop_back();
  return cell;
}

TEST_F(PrimariesAndGenerals, SlateCountsEqualTheDemCsvForEveryEndorserColumn) {
  // Counted from the CSV itself: the 2018 dem file quotes only names, none with a comma.
  std::ifstream in(kData + "/fivethirtyeight/primary-candidates-2018/dem_candidates.csv");
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = testing::SplitCsvLine(line);
  // The codebook's endorsers (README): every "... Endorsed?" and "... Support?" column and the
  // Gun Sense Candidate distinction.
  std::map<std::string, std::array<int64_t, 4>> want;  // yes, no, empty, yes and won
  size_t won_column = 0;
  for (size_t col = 0; col < header.size(); ++col) {
    const std::string name = TrimCell(header[col]);
    if (name == "Won Primary") won_column = col;
    if (name.ends_with("Endorsed?") || name.ends_with("Support?") ||
        name == "Guns Sense Candidate?") {
      want[name] = {0, 0, 0, 0};
    }
  }
  ASSERT_EQ(want.size(), 13u);
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = testing::SplitCsvLine(line);
    ASSERT_EQ(cells.size(), header.size()) << line;
    for (size_t col = 0; col < header.size(); ++col) {
      auto it = want.find(TrimCell(header[col]));
      if (it == want.end()) continue;
      const std::string cell = TrimCell(cells[col]);
      if (cell == "Yes") {
        ++it->second[0];
        if (TrimCell(cells[won_column]) == "Yes") ++it->second[3];
      } else if (cell == "No") {
        ++it->second[1];
      } else if (cell.empty()) {
        ++it->second[2];
      }
    }
  }
  const CommandResult slate = RunDownballot(store_, "slate --cycle 2018 --party DEM --format json");
  ASSERT_EQ(slate.exit_code, 0) << slate.err;
  const auto rows = nlohmann::json::parse(slate.out);
  std::map<std::string, std::array<int64_t, 4>> got;
  for (const auto& row : rows) {
    got[row["group"].get<std::string>()] = {
        row["endorsed"].get<int64_t>(), row["backed_opponent"].get<int64_t>(),
        row["not_tracked"].get<int64_t>(), row["won"].get<int64_t>()};
    EXPECT_LE(row["ci_low"].get<double>(), row["win_rate"].get<double>());
    EXPECT_GE(row["ci_high"].get<double>(), row["win_rate"].get<double>());
    EXPECT_FALSE(row["splits"].empty());
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(got["Sanders Endorsed?"], (std::array<int64_t, 4>{9, 20, 782, 5}));
}

TEST_F(PrimariesAndGenerals, Rep2022FileLoadsEveryRowWithItsSlates) {
  const auto reports = nlohmann::json::parse(ingest_.out);
  bool seen = false;
  for (const auto& file : reports["files"]) {
    if (file["path"].get<std::string>().find("primary-project-2022/rep_candidates.csv") ==
        std::string::npos) {
      continue;
    }
    seen = true;
    EXPECT_EQ(file["rows_read"], 1599);
    EXPECT_EQ(file["rows_stored"], 1599);
    EXPECT_EQ(file["rows_rejected"], 0);
  }
  EXPECT_TRUE(seen) << ingest_.out.substr(0, 2000);
  const CommandResult slate = RunDownballot(store_, "slate --cycle 2022 --format json");
  ASSERT_EQ(slate.exit_code, 0) << slate.err;
  std::set<std::string> groups;
  for (const auto& row : nlohmann::json::parse(slate.out)) {
    groups.insert(row["group"].get<std::string>());
    if (row["group"] == "Trump") {
      EXPECT_EQ(row["endorsed"], 190);  // 188 Yes + 2 "Yes (runoff only)"
    }
  }
  for (const char* group : {"Trump", "Club for Growth", "Party Committee"}) {
    EXPECT_TRUE(groups.contains(group)) << group;
  }
}

TEST_F(PrimariesAndGenerals, LeverageFromMedslAndNewYorkGeneralsCheckedByHand) {
  const CommandResult leverage =
      RunDownballot(store_, "leverage --state NY --cycle 2018 --format json");
  ASSERT_EQ(leverage.exit_code, 0) << leverage.err;
  const auto rows = nlohmann::json::parse(leverage.out);
  std::set<std::string> sources;
  for (const auto& row : rows) sources.insert(row["source"].get<std::string>());
  EXPECT_EQ(sources, (std::set<std::string>{"medsl", "openelections"}));

  // Assembly District 109 from the Albany precinct file, summed here line by line.
  std::ifstream in(kData + "/openelections-ny/2018/20181106__ny__general__albany__precinct.csv");
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(TrimCell(line), "county,precinct,office,district,party,candidate,votes");
  std::map<std::pair<std::string, std::string>, int64_t> votes;  // (party, candidate)
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = testing::SplitCsvLine(TrimCell(line));
    if (cells.size() != 7 || cells[2] != "Assembly" || cells[3] != "109") continue;
    int64_t cell_votes = 0;  // an empty cell counts 0
    const std::string& text = cells[6];
    if (!text.empty()) {
      ASSERT_EQ(std::from_chars(text.data(), text.data() + text.size(), cell_votes).ec, std::errc())
          << line;
    }
    votes[{cells[4], cells[5]}] += cell_votes;
  }
  const int64_t fahy = votes[{"Dem", "Patricia Fahy"}] + votes[{"Wor", "Patricia Fahy"}] +
                       votes[{"Ind", "Patricia Fahy"}];
  const int64_t porter = votes[{"Rep", "Robert Porter"}];
  const int64_t conservative = votes[{"Con", "Joseph Sullivan"}];
  ASSERT_GT(fahy, porter);
  bool checked = false;
  for (const auto& row : rows) {
    if (row["contest_id"] != "ny.2018-11-06.general.state-assembly.109" ||
        row["line_party"] != "CON") {
      continue;
    }
    checked = true;
    EXPECT_EQ(row["winner"], "Patricia Fahy");
    EXPECT_EQ(row["winner_votes"], fahy);
    EXPECT_EQ(row["runner_up_votes"], porter);
    EXPECT_EQ(row["margin"], fahy - porter);
    EXPECT_EQ(row["line_votes"], conservative);
    EXPECT_NEAR(row["ratio"].get<double>(),
                static_cast<double>(conservative) / static_cast<double>(fahy - porter), 1e-9);
    EXPECT_EQ(row["backs"], "own_candidate");
  }
  EXPECT_TRUE(checked);

  // MEDSL's NY-1: the Conservative line (14,284) exceeds Zeldin's margin over Gershon (11,036).
  bool flagged = false;
  for (const auto& row : rows) {
    if (row["contest_id"] == "ny.2018-11-06.general.u-s-house.1" && row["line_party"] == "CON") {
      EXPECT_EQ(row["source"], "medsl");
      flagged = row["exceeds_margin"].get<bool>() && row["margin"] == 11036;
    }
  }
  EXPECT_TRUE(flagged);
}

TEST_F(PrimariesAndGenerals, ForecastSumsToOneAndBeatsBothBaselinesOn2018) {
  const CommandResult evaluation =
      RunDownballot(store_, "forecast --evaluate --cycle 2018 --format json");
  ASSERT_EQ(evaluation.exit_code, 0) << evaluation.err;
  const auto result = nlohmann::json::parse(evaluation.out);
  std::map<std::string, double> brier;
  for (const auto& row : result["scores"]) {
    if (row["cycle"] == "all") brier[row["method"].get<std::string>()] = row["brier"].get<double>();
  }
  ASSERT_EQ(brier.size(), 3u);
  EXPECT_LT(brier["model"], brier["uniform"]);
  EXPECT_LT(brier["model"], brier["most_endorsements"]);
  int model_bins = 0;
  for (const auto& bin : result["calibration"]) model_bins += bin["method"] == "model" ? 1 : 0;
  EXPECT_EQ(model_bins, 10);

  // Forecasting 2022 trains on 2018 only, and every race's probabilities sum to 1.
  const CommandResult forecast = RunDownballot(store_, "forecast --cycle 2022 --format json");
  ASSERT_EQ(forecast.exit_code, 0) << forecast.err;
  const auto out = nlohmann::json::parse(forecast.out);
  EXPECT_EQ(out["model"]["train_cycles"], nlohmann::json::array({2018}));
  std::map<std::string, double> sums;
  for (const auto& row : out["forecasts"]) {
    sums[row["race_id"].get<std::string>()] += row["probability"].get<double>();
  }
  EXPECT_GT(sums.size(), 300u);
  for (const auto& [race, sum] : sums) EXPECT_NEAR(sum, 1.0, 1e-9) << race;

  // A primary from the returns: only incumbency informs it, and Crowley was the incumbent.
  const CommandResult upset =
      RunDownballot(store_, "forecast ny.2018-06-26.primary.dem.u-s-house.14 --format json");
  ASSERT_EQ(upset.exit_code, 0) << upset.err;
  std::map<std::string, double> probability;
  const auto upset_json = nlohmann::json::parse(upset.out);
  for (const auto& row : upset_json["forecasts"]) {
    probability[row["candidate"].get<std::string>()] = row["probability"].get<double>();
  }
  ASSERT_EQ(probability.size(), 2u);
  EXPECT_NEAR(probability["Joseph Crowley"] + probability["Alexandria Ocasio-Cortez"], 1.0, 1e-9);
  EXPECT_GT(probability["Joseph Crowley"], 0.75);

  auto db = store::Database::Open(store_.string(), {});
  ASSERT_TRUE(db.ok());
  EXPECT_GE(*(*db)->QueryInt("SELECT count(*) FROM forecast_model"), 1);
  EXPECT_GE(*(*db)->QueryInt("SELECT count(*) FROM forecast_evaluation"), 3);
}

TEST_F(PrimariesAndGenerals, CheckFlagsMedslCaliforniaHouseDoubling) {
  const CommandResult check = RunDownballot(store_, "check --format json");
  ASSERT_EQ(check.exit_code, 0) << check.err;
  bool flagged = false;
  for (const auto& issue : nlohmann::json::parse(check.out)) {
    if (issue["check"] == "house_vs_senate") {
      EXPECT_EQ(issue["state"], "CA") << issue.dump();
      flagged =
          issue["severity"] == "error" &&
          issue["rows"].get<std::string>().find("district_overall_2018.csv") != std::string::npos;
    }
  }
  EXPECT_TRUE(flagged);
}

// A mistyped --store must not become a new, empty store that answers every question with
// nothing: every command that reads refuses it and names the ingest to run.
// An FEC file given to `ingest` names the command that loads it.
TEST(BadInput, AnFecFileGivenToIngestNamesIngestFec) {
  const std::string cn = kData + "/fec/cycle2020_jk3587/cn.txt";
  if (!fs::exists(cn)) GTEST_SKIP() << "no " << cn;
  const fs::path dir = FreshDir("fec_hint");
  const CommandResult result = RunDownballot(dir / "s.db", "ingest '" + cn + "' --format json");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.out.find("`downballot ingest fec"), std::string::npos) << result.out;
  fs::remove_all(dir);
}

TEST(BadInput, ReadingCommandsRefuseAStoreThatDoesNotExist) {
  const fs::path store = FreshDir("missing") / "typo.db";
  for (const std::string args :
       {"races", "targets", "summary", "files", "slate", "check", "leverage", "map",
        "money H8CO03192", "forecast --evaluate", "bodies", "race ny.2018-06-26.x"}) {
    const CommandResult result = RunDownballot(store, args);
    EXPECT_EQ(result.exit_code, 1) << args;
    EXPECT_NE(result.err.find("no store here"), std::string::npos) << args << ": " << result.err;
    EXPECT_NE(result.err.find("ingest"), std::string::npos) << args;
    EXPECT_FALSE(fs::exists(store)) << args << " created " << store;
  }
}

TEST(BadInput, ClearErrorNonZeroExitAndUnchangedStore) {
  const std::string good =
      kData + "/openelections-ny/2018/20180626__ny__primary__cayuga__precinct.csv";
  if (!fs::exists(good)) GTEST_SKIP() << "no " << good;
  const fs::path dir = FreshDir("bad");
  const fs::path store = dir / "s.db";
  ASSERT_EQ(RunDownballot(store, "ingest '" + good + "' --format json").exit_code, 0);
  const std::string before = StoreFingerprint(store);
  const std::string text = ReadText(good);

  struct Case {
    std::string name;
    std::string file_name;
    std::string content;
    std::string want_in_error;
  };
  std::string semicolons = text;
  for (char& c : semicolons) c = c == ',' ? ';' : c;
  std::string binary = "county,precinct,office\n";
  binary += std::string("\x00\x01\x02\xff\x00", 5);
  const Case cases[] = {
      {"truncated", "20180626__ny__primary__cayugb__precinct.csv", text.substr(0, text.size() - 25),
       "truncated"},
      {"binary", "20180626__ny__primary__cayugc__precinct.csv", binary, "binary"},
      {"semicolons", "20180626__ny__primary__cayugd__precinct.csv", semicolons, ";"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const fs::path path = dir / c.file_name;
    std::ofstream(path, std::ios::binary) << c.content;
    const CommandResult result =
        RunDownballot(store, "ingest '" + path.string() + "' --format json");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find(c.file_name), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(c.want_in_error), std::string::npos) << result.err;
    EXPECT_EQ(StoreFingerprint(store), before);
  }
  fs::remove_all(dir);
}

// The money issue's acceptance checks on the real 2019-20 FEC sample.
TEST(FecMoney, SampleLoadsAndOneProfileTracesToItsRows) {
  const std::string fec = kData + "/fec/cycle2020_jk3587";
  if (!fs::exists(fec)) GTEST_SKIP() << "no " << fec;
  const fs::path dir = FreshDir("fec");
  const fs::path store = dir / "s.db";
  const CommandResult ingest =
      RunDownballot(store, "ingest fec '" + fec + "' --cycle 2020 --format json");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const auto report = nlohmann::json::parse(ingest.out);
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& file : report["files"]) {
    by_name[fs::path(file["path"].get<std::string>()).filename().string()] = file;
    EXPECT_EQ(file["rows_read"].get<int64_t>(),
              file["rows_stored"].get<int64_t>() + file["rows_rejected"].get<int64_t>());
  }
  const std::map<std::string, int64_t> want_rows = {
      {"itcont.txt", 70671}, {"cn.txt", 3937},      {"cm.txt", 11605}, {"ccl.txt", 3752},
      {"itpas2.txt", 3159},  {"weball20.txt", 141}, {"webl20.txt", 11}};
  for (const auto& [name, rows] : want_rows) {
    SCOPED_TRACE(name);
    EXPECT_EQ(by_name[name]["status"], "loaded") << by_name[name]["error"];
    EXPECT_EQ(by_name[name]["rows_read"], rows);
  }
  // Again: every file loaded is now already loaded. A loaded file has each one's size, so each
  // is hashed before it is parsed (a new size would be hashed while it is parsed).
  const CommandResult again =
      RunDownballot(store, "ingest fec '" + fec + "' --cycle 2020 --format json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto again_report = nlohmann::json::parse(again.out);
  int num_already_loaded = 0;
  for (const auto& file : again_report["files"]) {
    const std::string name = fs::path(file["path"].get<std::string>()).filename().string();
    if (by_name[name]["status"] != "loaded") continue;
    EXPECT_EQ(file["status"], "already_loaded") << name;
    ++num_already_loaded;
  }
  EXPECT_EQ(num_already_loaded, static_cast<int>(want_rows.size()));

  // Diane Mitsch Bush (CO-03), principal committee C00649459, traced to its rows:
  //   itcont: GALLAGHER 15 $1,000; MITSCH BUSH 15C $4,316; FRENCH 22Y $500 twice.
  //   weball20: TTL_INDIV_CONTRIB 1,000; CAND_CONTRIB 4,316.01; CAND_LOAN_REPAY 8,800;
  //             INDIV_REFUNDS 999.91; TTL_RECEIPTS 8,186.16.
  const CommandResult money = RunDownballot(store, "money H8CO03192 --cycle 2020 --format json");
  ASSERT_EQ(money.exit_code, 0) << money.err;
  const auto profile = nlohmann::json::parse(money.out);
  EXPECT_EQ(profile["committees"], nlohmann::json({"C00649459"}));
  EXPECT_DOUBLE_EQ(profile["itemized_individual_dollars"], 1000.0);  // Gallagher
  EXPECT_DOUBLE_EQ(profile["unitemized_dollars"], 0.0);              // 1,000 - 1,000
  EXPECT_DOUBLE_EQ(profile["refunds_dollars"], -1000.0);             // French, 2 x 500
  EXPECT_DOUBLE_EQ(profile["large_dollars"], 1000.0);                // Gallagher > $200
  EXPECT_DOUBLE_EQ(profile["small_dollars"], 0.0);
  EXPECT_EQ(profile["unique_donors"], 1);  // French's net is -1,000: refunded, not a donor
  EXPECT_DOUBLE_EQ(profile["self_dollars"], 4316.01);             // CAND_CONTRIB + CAND_LOANS 0
  EXPECT_DOUBLE_EQ(profile["self_net_dollars"], 4316.01 - 8800);  // less loans repaid
  EXPECT_DOUBLE_EQ(profile["pac_dollars"], 0.0);                  // no itpas2 rows name H8CO03192
  EXPECT_DOUBLE_EQ(profile["total_receipts_dollars"], 5316.01);
  EXPECT_DOUBLE_EQ(profile["in_state_share"], 1.0);  // Gallagher is in CO
  std::map<std::string, nlohmann::json> lines;
  for (const auto& line : profile["reconciliation"]) lines[line["item"]] = line;
  EXPECT_NEAR(lines["individual_refunds"]["difference_dollars"].get<double>(), 0.09, 1e-9);
  EXPECT_NEAR(lines["candidate_contributions"]["difference_dollars"].get<double>(), -0.01, 1e-9);
  EXPECT_NEAR(lines["total_receipts"]["difference_dollars"].get<double>(), 5316.01 - 8186.16, 1e-6);

  // The store-free quick look agrees with the rows: one line per committee, sorted.
  const CommandResult committees = RunDownballot(store, "committees '" + fec + "/itcont.txt'");
  ASSERT_EQ(committees.exit_code, 0) << committees.err;
  // 4 rows; sum of the amounts as filed, 1,000 + 4,316 + 500 + 500; no row under $200; three
  // distinct NAME + ZIP5: GALLAGHER and MITSCH BUSH at 80477, FRENCH at 81415.
  EXPECT_NE(committees.out.find("\nC00649459|4|6316.00|0|0.00|3\n"), std::string::npos);
  EXPECT_NE(committees.err.find("70671 rows read = 70671 aggregated + 0 rejected"),
            std::string::npos)
      << committees.err;
  EXPECT_NE(committees.err.find("not the committee's receipts"), std::string::npos);

  // --fec-rules counts the same rows as `money` does: the same figures for the same committee.
  const CommandResult by_rules =
      RunDownballot(store, "committees --fec-rules '" + fec + "/itcont.txt' --format json");
  ASSERT_EQ(by_rules.exit_code, 0) << by_rules.err;
  nlohmann::json committee;
  for (const auto& row : nlohmann::json::parse(by_rules.out)) {
    if (row["cmte_id"] == "C00649459") committee = row;
  }
  ASSERT_FALSE(committee.is_null()) << by_rules.out.substr(0, 500);
  EXPECT_EQ(std::stod(committee["individual_dollars"].get<std::string>()),
            profile["itemized_individual_dollars"].get<double>());
  EXPECT_EQ(std::stod(committee["refunds_dollars"].get<std::string>()),
            profile["refunds_dollars"].get<double>());
  EXPECT_EQ(std::stod(committee["candidate_dollars"].get<std::string>()),
            lines["candidate_contributions"]["computed_dollars"].get<double>());
  EXPECT_NE(by_rules.err.find("70671 rows read = 70671 counted + 0 rejected"), std::string::npos)
      << by_rules.err;

  // A candidate with no money loaded: shares of nothing are unknown (null), and a note says the
  // zeros mean nothing is loaded.
  const CommandResult empty = RunDownballot(store, "money H8NY15148 --cycle 2020 --format json");
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  const auto nothing = nlohmann::json::parse(empty.out);
  EXPECT_TRUE(nothing["finance_share"].is_null());
  EXPECT_TRUE(nothing["in_state_share"].is_null());
  EXPECT_TRUE(nothing["small_share"].is_null());
  EXPECT_NE(nothing["notes"].dump().find("no money of this candidate is loaded"), std::string::npos)
      << nothing["notes"];
  // The summary files are loaded; this candidate is not in them.
  EXPECT_NE(nothing["notes"].dump().find("does not list this candidate"), std::string::npos);
  fs::remove_all(dir);
}

TEST(FecMoney, CorruptFilesFailCleanlyOrCountRejects) {
  const fs::path dir = FreshDir("fecbad");
  const fs::path store = dir / "s.db";
  // A good cn file first, so there is something that must stay unchanged.
  std::ofstream(dir / "cn.txt", std::ios::binary)
      << "H8CO03192|MITSCH BUSH, DIANE|DEM|2018|CO|H|03|C|C|C00649459|PO BOX||STEAMBOAT|CO|80477\n";
  ASSERT_EQ(
      RunDownballot(store, "ingest fec '" + (dir / "cn.txt").string() + "' --cycle 2020").exit_code,
      0);
  const std::string before = StoreFingerprint(store);

  const std::string good_row =
      "C00649459|N|Q1|P|201902259145584323|15|IND|DOE, JANE|DENVER|CO|80202|ACME|CLERK|01282019|"
      "100||T1|1317756|||4022620191643982737\n";
  std::string bad_amount = good_row;
  bad_amount.replace(bad_amount.find("|100|"), 5, "|12.3.4|");
  std::string bad_date = good_row;
  bad_date.replace(bad_date.find("01282019"), 8, "13452019");
  std::ofstream(dir / "itcont.txt", std::ios::binary)
      << good_row << bad_amount << bad_date << "C00649459|N|Q1\n"
      << good_row;
  const CommandResult counted = RunDownballot(
      store, "ingest fec '" + (dir / "itcont.txt").string() + "' --cycle 2020 --format json");
  ASSERT_EQ(counted.exit_code, 0) << counted.err;
  const auto report = nlohmann::json::parse(counted.out);
  EXPECT_EQ(report["rows_read"], 5);
  EXPECT_EQ(report["rows_stored"], 2);
  EXPECT_EQ(report["rows_rejected"], 3);
  std::set<int64_t> reject_lines;
  for (const auto& reject : report["files"][0]["rejects"])
    reject_lines.insert(reject["line"].get<int64_t>());
  EXPECT_EQ(reject_lines, (std::set<int64_t>{2, 3, 4}));

  // A truncated zip and a truncated last line fail whole, naming the file, and change nothing.
  const std::string after_itcont = StoreFingerprint(store);
  std::ofstream(dir / "indiv20.zip", std::ios::binary)
      << std::string("PK\x03\x04\x14\x00", 6) << std::string(40, '\x01');
  std::ofstream(dir / "itpas2.txt", std::ios::binary) << "C00567180|T|TER|P|2019";
  for (const char* name : {"indiv20.zip", "itpas2.txt"}) {
    SCOPED_TRACE(name);
    const CommandResult failed =
        RunDownballot(store, "ingest fec '" + (dir / name).string() + "' --cycle 2020");
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find(name), std::string::npos) << failed.err;
    EXPECT_EQ(StoreFingerprint(store), after_itcont);
  }
  EXPECT_NE(before, after_itcont);
  fs::remove_all(dir);
}

// A kill -9 in the middle of an ingest leaves only whole files behind, and the next run
// completes the store: each file is one transaction, and races are rebuilt when stale.
TEST(KilledIngest, LeavesWholeFilesAndTheNextRunCompletes) {
  const std::string ny = kData + "/openelections-ny";
  if (!fs::exists(ny)) GTEST_SKIP() << "no " << ny;
  const fs::path dir = FreshDir("kill");
  const fs::path store = dir / "s.db";
  for (const int delay_ms : {300, 900}) {
    SCOPED_TRACE(delay_ms);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, STDOUT_FILENO);
      dup2(devnull, STDERR_FILENO);
      execl(kBinary.c_str(), kBinary.c_str(), "--store", store.c_str(), "ingest", ny.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);

    auto db = store::Database::Open(store.string(), {});
    ASSERT_TRUE(db.ok()) << db.status();
    // Every recorded file has exactly its rows; no file is half there.
    const auto mismatched = (*db)->QueryInt(
        "SELECT count(*) FROM source_file f WHERE rows_stored != "
        "(SELECT count(*) FROM result_row r WHERE r.file_id = f.id)");
    if (mismatched.ok()) {  // the tables may not exist yet when killed very early
      EXPECT_EQ(*mismatched, 0);
    }
    const auto orphans = (*db)->QueryInt(
        "SELECT count(*) FROM result_row WHERE file_id NOT IN (SELECT id FROM source_file)");
    if (orphans.ok()) {
      EXPECT_EQ(*orphans, 0);
    }
  }
  const CommandResult finish = RunDownballot(store, "ingest '" + ny + "' --format json");
  ASSERT_EQ(finish.exit_code, 0) << finish.err;
  const CommandResult race =
      RunDownballot(store, "race ny.2018-06-26.primary.dem.u-s-house.14 --format json");
  ASSERT_EQ(race.exit_code, 0) << race.err;
  EXPECT_EQ(nlohmann::json::parse(race.out)["margin_votes"], 16898 - 12880);
  auto db = store::Database::Open(store.string(), {});
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM source_file"), 75);
  EXPECT_EQ(*(*db)->QueryInt("SELECT sum(rows_stored) FROM source_file"),
            *(*db)->QueryInt("SELECT count(*) FROM result_row"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace downballot
