#include "analysis/race_rollup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/county_directory.h"
#include "model/race.h"
#include "model/row_kind.h"

namespace downballot::analysis {
namespace {

using model::Completeness;
using model::ElectionStage;
using model::RowKind;
using model::VoteTally;

constexpr base::Date kPrimary2018{2018, 6, 26};
constexpr base::Date kGeneral2016{2016, 11, 8};

model::RaceKey Key(const std::string& office, const std::string& district, base::Date date,
                   ElectionStage stage, const std::string& party,
                   const std::string& jurisdiction = "") {
  return model::RaceKey{model::SeatKey{"NY", office, district, jurisdiction}, date, stage, party};
}

const model::RaceKey kAssembly99 =
    Key("State Assembly", "99", kPrimary2018, ElectionStage::kPrimary, "DEM");

// Tallies as the rebuild hands them over: county files are file 1, precinct files file 2,
// a state-level file file 3, MEDSL file 4 (unless `file_id` says otherwise).
struct TallyBuilder {
  model::RaceKey key = kAssembly99;
  model::OfficeLevel level = model::OfficeLevel::kState;
  int seats = 1;
  bool is_seats_from_data = false;

  VoteTally Make(const std::string& county, const std::string& candidate, int64_t votes,
                 const std::string& party, RowKind kind, model::GeographyLevel geography,
                 int64_t file_id, const std::string& source = "openelections") const {
    VoteTally tally;
    tally.race = key;
    tally.level = level;
    tally.file_id = file_id;
    tally.source = source;
    tally.source_path = "file" + std::to_string(file_id) + ".csv";
    tally.county = county;
    tally.county_key = CountyDirectory({}).Key(key.seat.state, county);
    tally.geography = geography;
    tally.seats = seats;
    tally.is_seats_from_data = is_seats_from_data;
    tally.kind = kind;
    tally.candidate = candidate;
    tally.party = party;
    tally.votes = votes;
    return tally;
  }
  VoteTally County(const std::string& county, const std::string& candidate, int64_t votes,
                   const std::string& party = "DEM", RowKind kind = RowKind::kCandidate,
                   int64_t file_id = 1) const {
    return Make(county, candidate, votes, party, kind, model::GeographyLevel::kCounty, file_id);
  }
  VoteTally Precinct(const std::string& county, const std::string& candidate, int64_t votes,
                     const std::string& party = "DEM", RowKind kind = RowKind::kCandidate,
                     int64_t file_id = 2) const {
    return Make(county, candidate, votes, party, kind, model::GeographyLevel::kPrecinct, file_id);
  }
  VoteTally State(const std::string& candidate, int64_t votes, const std::string& party = "DEM",
                  RowKind kind = RowKind::kCandidate, int64_t file_id = 3) const {
    return Make("", candidate, votes, party, kind, model::GeographyLevel::kContest, file_id);
  }
  VoteTally Medsl(const std::string& candidate, int64_t votes, const std::string& party = "DEM",
                  int64_t file_id = 4) const {
    return Make("", candidate, votes, party, RowKind::kCandidate, model::GeographyLevel::kContest,
                file_id, "medsl");
  }
};

const model::CandidateResult* Find(const model::Race& race, const std::string& name) {
  for (const model::CandidateResult& candidate : race.candidates) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

// Albany comes from the county file (its precinct rows agree and are not added again);
// Greene has only precinct rows, which are summed.
//   Smith: Albany 100 (county file) + Greene 10 + 5 = 115
//   Jones: Albany  50 (county file) + Greene 20     =  70
// The county file has no ballots-cast or blank rows, so those come from precincts:
//   ballots cast: Albany 160 + Greene 40 = 200; blank: Albany 2 + Greene 1 = 3;
//   write-ins: the county file's 4 for Albany (the precinct 9 is not added) = 4
TEST(RollUpRaces, CountsEachVoteOnceAcrossCountyAndPrecinctFiles) {
  const TallyBuilder b;
  const std::vector<VoteTally> tallies = {
      b.County("Albany", "Smith", 100),
      b.County("Albany", "Jones", 50),
      b.County("Albany", "Scattering", 4, "", RowKind::kWriteIn),
      b.Precinct("Albany", "Smith", 100),
      b.Precinct("Albany", "Jones", 50),
      b.Precinct("Albany", "Ballots", 160, "DEM", RowKind::kBallotsCast),
      b.Precinct("Albany", "Blank", 2, "", RowKind::kBlankVoid),
      b.Precinct("Albany", "Scattering", 9, "", RowKind::kWriteIn),
      b.Precinct("Greene", "Smith", 10),
      b.Precinct("Greene", "Smith", 5),
      b.Precinct("Greene", "Jones", 20),
      b.Precinct("Greene", "Ballots", 40, "DEM", RowKind::kBallotsCast),
      b.Precinct("Greene", "Void", 1, "", RowKind::kBlankVoid),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  EXPECT_TRUE(result.mismatches.empty());
  const model::Race& race = result.races[0];
  EXPECT_EQ(race.id, "ny.2018-06-26.primary.dem.state-assembly.99");
  EXPECT_EQ(race.candidate_votes, 185);
  EXPECT_EQ(Find(race, "Smith")->votes, 115);
  EXPECT_EQ(Find(race, "Jones")->votes, 70);
  EXPECT_EQ(race.write_in_votes, 4);
  EXPECT_EQ(race.blank_void, 3);
  EXPECT_EQ(race.ballots_cast, 200);
  EXPECT_EQ(race.ballots_for_office, 185 + 4 + 3);
  EXPECT_EQ(race.counties, (std::vector<std::string>{"Albany", "Greene"}));
  EXPECT_EQ(race.num_county_counties, 1);
  EXPECT_EQ(race.num_precinct_counties, 1);
  // The seat's span learned from county files is {Albany}; both counties are in.
  EXPECT_EQ(race.completeness, Completeness::kComplete);
}

// Albany's county file says Smith 100, its precincts 60 + 38 = 98; a write-in style name only
// in precinct rows is a mismatch of 0 vs 3. The county file's figure is the one counted.
TEST(RollUpRaces, ReportsCountyFileVersusPrecinctMismatches) {
  const TallyBuilder b;
  const std::vector<VoteTally> tallies = {
      b.County("Albany", "Smith", 100),  b.County("Albany", "Jones", 50),
      b.Precinct("Albany", "Smith", 60), b.Precinct("Albany", "Smith", 38),
      b.Precinct("Albany", "Jones", 50), b.Precinct("Albany", "Lee", 3),
      b.Precinct("ALBANY", "Jones", 0),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  EXPECT_EQ(Find(result.races[0], "Smith")->votes, 100);
  EXPECT_EQ(Find(result.races[0], "Lee"), nullptr);
  ASSERT_EQ(result.mismatches.size(), 2u);
  const std::string id = "ny.2018-06-26.primary.dem.state-assembly.99";
  EXPECT_EQ(result.mismatches[0].race_id, id);
  EXPECT_EQ(result.mismatches[0].county, "Albany");
  EXPECT_EQ(result.mismatches[0].candidate, "Lee");
  EXPECT_EQ(result.mismatches[0].counted_votes, 0);
  EXPECT_EQ(result.mismatches[0].other_votes, 3);
  EXPECT_EQ(result.mismatches[0].counted_source, "county file file1.csv");
  EXPECT_EQ(result.mismatches[0].other_source, "precinct sums file2.csv");
  EXPECT_FALSE(result.mismatches[0].is_against_medsl);
  EXPECT_EQ(result.mismatches[1].candidate, "Smith");
  EXPECT_EQ(result.mismatches[1].counted_votes, 100);
  EXPECT_EQ(result.mismatches[1].other_votes, 98);
}

// Fusion: Cuomo DEM 1000 + WOR 100 + IND 50 = 1150; Molinaro REP 800 + CON 200 = 1000.
// Votes for the office = 2150 + 10 write-ins = 2160; blank/void = 5 + 2 + 3 = 10;
// ballots for the office = 2170. Margin 150 = 6.94% of 2160.
TEST(RollUpRaces, SumsFusionLinesAndPseudoRows) {
  TallyBuilder b;
  b.key = Key("Governor", "", kGeneral2016, ElectionStage::kGeneral, "");
  const std::vector<VoteTally> tallies = {
      b.County("Albany", "Andrew M. Cuomo", 1000, "DEM"),
      b.County("Albany", "Andrew M. Cuomo", 100, "WOR"),
      b.County("Albany", "ANDREW M. CUOMO", 50, "IND"),
      b.County("Albany", "Marc Molinaro", 800, "REP"),
      b.County("Albany", "Marc Molinaro", 200, "CON"),
      b.County("Albany", "Scattering", 10, "", RowKind::kWriteIn),
      b.County("Albany", "Blank/Void", 5, "", RowKind::kBlankVoid),
      b.County("Albany", "Over Votes", 2, "", RowKind::kOverVote),
      b.County("Albany", "Under Votes", 3, "", RowKind::kUnderVote),
      b.County("Albany", "Ballots Cast", 2100, "", RowKind::kBallotsCast),
      b.County("Albany", "Registered Voters", 90000, "", RowKind::kRegisteredVoters),
      b.County("Albany", "Total Votes", 2160, "", RowKind::kTotalVotes),
      b.County("Albany", "Affidavit", 12, "", RowKind::kBallotType),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  const model::Race& race = result.races[0];
  ASSERT_EQ(race.candidates.size(), 2u);
  const model::CandidateResult& cuomo = race.candidates[0];
  EXPECT_EQ(cuomo.name, "Andrew M. Cuomo");
  EXPECT_EQ(cuomo.votes, 1150);
  ASSERT_EQ(cuomo.lines.size(), 3u);
  EXPECT_EQ(cuomo.lines[0].party, "DEM");
  EXPECT_EQ(cuomo.lines[0].votes, 1000);
  EXPECT_EQ(cuomo.lines[1].party, "WOR");
  EXPECT_EQ(cuomo.lines[2].party, "IND");
  EXPECT_TRUE(cuomo.is_winner);
  EXPECT_EQ(cuomo.rank, 1);
  EXPECT_DOUBLE_EQ(cuomo.share, 1150.0 / 2160.0);
  EXPECT_EQ(race.candidates[1].votes, 1000);
  EXPECT_EQ(race.candidates[1].rank, 2);
  EXPECT_FALSE(race.candidates[1].is_winner);
  EXPECT_EQ(race.candidate_votes, 2150);
  EXPECT_EQ(race.write_in_votes, 10);
  EXPECT_EQ(race.blank_void, 10);
  EXPECT_EQ(race.ballots_for_office, 2170);
  EXPECT_EQ(race.ballots_cast, 2100);
  EXPECT_EQ(race.margin_votes, 150);
  EXPECT_DOUBLE_EQ(race.margin_share, 150.0 / 2160.0);
  EXPECT_EQ(race.field_size, 2);
  EXPECT_TRUE(race.is_contested);
}

TEST(RollUpRaces, FlagsOneWinnerOrNoneOnATie) {
  struct Case {
    std::string name;
    std::vector<std::pair<std::string, int64_t>> votes;
    std::vector<int> want_ranks;  // in output order (votes descending, then name)
    std::string want_winner;      // "" = none
    int64_t want_margin;
    bool want_contested;
  };
  const Case cases[] = {
      {"clear win", {{"Ann", 60}, {"Bob", 40}}, {1, 2}, "Ann", 20, true},
      {"tie for first flags nobody",
       {{"Bob", 50}, {"Ann", 50}, {"Cy", 10}},
       {1, 1, 3},
       "",
       0,
       true},
      {"tie for second", {{"Ann", 50}, {"Bob", 20}, {"Cy", 20}}, {1, 2, 2}, "Ann", 30, true},
      {"uncontested margin is the winner's votes", {{"Ann", 40}}, {1}, "Ann", 40, false},
      {"no votes, no winner", {{"Ann", 0}}, {1}, "", 0, false},
      {"zero-vote candidate still listed", {{"Ann", 7}, {"Bob", 0}}, {1, 2}, "Ann", 7, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const TallyBuilder b;
    std::vector<VoteTally> tallies;
    for (const auto& [name, votes] : c.votes) tallies.push_back(b.County("Albany", name, votes));
    const RollupResult result = RollUpRaces(tallies);
    ASSERT_EQ(result.races.size(), 1u);
    const model::Race& race = result.races[0];
    ASSERT_EQ(race.candidates.size(), c.want_ranks.size());
    std::string winner;
    int num_winners = 0;
    for (size_t idx = 0; idx < race.candidates.size(); ++idx) {
      EXPECT_EQ(race.candidates[idx].rank, c.want_ranks[idx]) << race.candidates[idx].name;
      if (race.candidates[idx].is_winner) {
        winner = race.candidates[idx].name;
        ++num_winners;
      }
    }
    EXPECT_LE(num_winners, 1);
    EXPECT_EQ(winner, c.want_winner);
    EXPECT_EQ(race.margin_votes, c.want_margin);
    EXPECT_EQ(race.field_size, static_cast<int>(c.votes.size()));
    EXPECT_EQ(race.is_contested, c.want_contested);
  }
}

// "SUFFOLK" (statewide county file) and "Suffolk" (precinct file) are one county, and
// "KATE M. BROWNING" / "Kate M Browning" one candidate; the mixed-case spellings are shown.
TEST(RollUpRaces, MergesSpellingVariantsOfCountiesAndCandidates) {
  const TallyBuilder b;
  const std::vector<VoteTally> tallies = {
      b.County("SUFFOLK", "KATE M. BROWNING", 6813),
      b.Precinct("Suffolk", "Kate M Browning", 6800),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  const model::Race& race = result.races[0];
  EXPECT_EQ(race.counties, (std::vector<std::string>{"Suffolk"}));
  ASSERT_EQ(race.candidates.size(), 1u);
  EXPECT_EQ(race.candidates[0].name, "Kate M Browning");
  EXPECT_EQ(race.candidates[0].votes, 6813);
  ASSERT_EQ(result.mismatches.size(), 1u);
  EXPECT_EQ(result.mismatches[0].county, "Suffolk");
  EXPECT_EQ(result.mismatches[0].counted_votes, 6813);
  EXPECT_EQ(result.mismatches[0].other_votes, 6800);
}

TEST(RollUpRaces, JudgesCompletenessFromTheSeatsCountySpan) {
  // Congress 22 is seen in the 2016 general county file in Oneida and Broome: its span.
  TallyBuilder general;
  general.key = Key("U.S. House", "22", kGeneral2016, ElectionStage::kGeneral, "");
  TallyBuilder partial;  // 2018 primary, precincts from Oneida only: Broome is missing.
  partial.key = Key("U.S. House", "22", kPrimary2018, ElectionStage::kPrimary, "DEM");
  TallyBuilder whole;  // 2018 REP primary, precincts from both span counties.
  whole.key = Key("U.S. House", "22", kPrimary2018, ElectionStage::kPrimary, "REP");
  TallyBuilder unverified;  // Assembly 128: precinct rows only, no county file anywhere.
  unverified.key = Key("State Assembly", "128", kPrimary2018, ElectionStage::kPrimary, "DEM");
  TallyBuilder local;  // County Committee local to Onondaga: whole once Onondaga is in.
  local.key =
      Key("County Committee", "Cicero 8", kPrimary2018, ElectionStage::kPrimary, "DEM", "Onondaga");
  local.level = model::OfficeLevel::kParty;
  TallyBuilder local_elsewhere = local;  // jurisdiction's county absent: falls back to the span
  local_elsewhere.key.seat.district = "Cicero 9";

  const std::vector<VoteTally> tallies = {
      general.County("Oneida", "Claudia Tenney", 100, "REP"),
      general.County("Broome", "Claudia Tenney", 90, "REP"),
      partial.Precinct("Oneida", "Kim Myers", 40),
      whole.Precinct("Oneida", "Claudia Tenney", 30, "REP"),
      whole.Precinct("BROOME", "Claudia Tenney", 20, "REP"),
      unverified.Precinct("Onondaga", "Pam Hunter", 25),
      local.Precinct("ONONDAGA", "Ann Lee", 12),
      local_elsewhere.Precinct("Madison", "Bo Dean", 4),
  };
  const RollupResult result = RollUpRaces(tallies);
  struct Want {
    std::string id;
    Completeness completeness;
  };
  const Want wants[] = {
      {"ny.2016-11-08.general.u-s-house.22", Completeness::kComplete},
      {"ny.2018-06-26.primary.dem.onondaga.county-committee.cicero-8", Completeness::kComplete},
      {"ny.2018-06-26.primary.dem.onondaga.county-committee.cicero-9", Completeness::kUnverified},
      {"ny.2018-06-26.primary.dem.state-assembly.128", Completeness::kUnverified},
      {"ny.2018-06-26.primary.dem.u-s-house.22", Completeness::kPartial},
      {"ny.2018-06-26.primary.rep.u-s-house.22", Completeness::kComplete},
  };
  ASSERT_EQ(result.races.size(), std::size(wants));
  for (size_t idx = 0; idx < std::size(wants); ++idx) {
    SCOPED_TRACE(wants[idx].id);
    EXPECT_EQ(result.races[idx].id, wants[idx].id);
    EXPECT_EQ(result.races[idx].completeness, wants[idx].completeness);
  }
  EXPECT_EQ(result.races[1].level, model::OfficeLevel::kParty);
}

TEST(RollUpRaces, SkipsTalliesWithoutAnOfficeAndOrdersById) {
  TallyBuilder turnout;
  turnout.key = Key("", "", kPrimary2018, ElectionStage::kPrimary, "DEM");
  TallyBuilder senate;
  senate.key = Key("State Senate", "50", kPrimary2018, ElectionStage::kPrimary, "DEM");
  const TallyBuilder assembly;
  const std::vector<VoteTally> tallies = {
      senate.County("Onondaga", "Ann", 5),
      turnout.County("Onondaga", "Ballots Cast", 900, "", RowKind::kBallotsCast),
      assembly.County("Onondaga", "Bob", 7),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 2u);
  EXPECT_EQ(result.races[0].id, "ny.2018-06-26.primary.dem.state-assembly.99");
  EXPECT_EQ(result.races[1].id, "ny.2018-06-26.primary.dem.state-senate.50");
  EXPECT_EQ(result.races[1].ballots_cast, 0);
}

TEST(RollUpRaces, EmptyInputGivesNothing) {
  const RollupResult result = RollUpRaces({});
  EXPECT_TRUE(result.races.empty());
  EXPECT_TRUE(result.mismatches.empty());
}

}  // namespace
}  // namespace downballot::analysis

namespace downballot::analysis {
namespace {

// The 2016 statewide county file prints a "Total" county: it repeats the counties' votes and
// must neither count nor appear as a county.
TEST(RollUpRaces, IgnoresPrintedTotalRows) {
  const TallyBuilder b;
  const std::vector<VoteTally> tallies = {
      b.County("Bronx", "Crowley", 100), b.County("Queens", "Crowley", 50),
      b.County("Total", "Crowley", 150, "DEM", RowKind::kTotalVotes),
      b.County("Bronx", "Crowley", 100, "DEM", RowKind::kRepeat)};
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  EXPECT_EQ(result.races[0].candidates.at(0).votes, 150);
  EXPECT_EQ(result.races[0].counties, (std::vector<std::string>{"Bronx", "Queens"}));
  EXPECT_EQ(result.races[0].completeness, Completeness::kComplete);
}

}  // namespace
}  // namespace downballot::analysis

namespace downballot::analysis {
namespace {

// A state-level file (no county column) covers every county: it counts, and the precinct files
// of a few counties are reconciled against it, never added (a statewide primary came out a third
// too high when they were).
TEST(RollUpRaces, StateLevelFileCountsAndPrecinctFilesAreReconciled) {
  TallyBuilder b;
  b.key = Key("Governor", "", kPrimary2018, ElectionStage::kPrimary, "REP");
  const std::vector<VoteTally> tallies = {
      b.State("Brian Kemp", 1000, "REP"),
      b.State("Casey Cagle", 800, "REP"),
      b.Precinct("Appling", "Brian Kemp", 120, "REP"),
      b.Precinct("Appling", "Casey Cagle", 90, "REP"),
      b.Precinct("Houston", "Brian Kemp", 300, "REP"),
      b.Precinct("Houston", "Casey Cagle", 310, "REP"),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  const model::Race& race = result.races[0];
  EXPECT_EQ(race.candidate_votes, 1800);
  EXPECT_EQ(race.candidates[0].name, "Brian Kemp");
  EXPECT_EQ(race.candidates[0].votes, 1000);
  EXPECT_EQ(race.completeness, Completeness::kComplete);
  EXPECT_EQ(race.counted_from, "state file file3.csv");
  EXPECT_EQ(race.counties, (std::vector<std::string>{"Appling", "Houston"}));
  // Two counties of many: their sums fall short of the state total, which says nothing.
  EXPECT_TRUE(result.mismatches.empty());
}

TEST(RollUpRaces, CountySumsAboveAStateTotalAreMismatches) {
  TallyBuilder b;
  b.key = Key("Governor", "", kPrimary2018, ElectionStage::kPrimary, "REP");
  const std::vector<VoteTally> tallies = {
      b.State("Brian Kemp", 100, "REP"),
      b.Precinct("Appling", "Brian Kemp", 120, "REP"),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.mismatches.size(), 1u);
  EXPECT_EQ(result.mismatches[0].county, "");
  EXPECT_EQ(result.mismatches[0].counted_votes, 100);
  EXPECT_EQ(result.mismatches[0].other_votes, 120);
  EXPECT_EQ(result.races[0].candidate_votes, 100);
}

// "Andrew M. Cuomo", "Andrew Cuomo" and "Andrew M Cuomo/ Kathy C Hochul" across NY's 2018
// governor files are one candidate, every spelling kept.
TEST(RollUpRaces, MergesOneCandidatesSpellingsAndListsNearMatches) {
  TallyBuilder b;
  b.key = Key("Governor", "", kPrimary2018, ElectionStage::kPrimary, "DEM");
  const std::vector<VoteTally> tallies = {
      b.County("Albany", "Andrew M. Cuomo", 100),
      b.Precinct("Onondaga", "Andrew M Cuomo/ Kathy C Hochul", 40),
      b.Precinct("Erie", "Andrew Cuomo", 30, "DEM", RowKind::kCandidate, 5),
      b.County("Albany", "Cynthia Nixon", 90),
      b.County("Albany", "Lee Zeldin", 3),
      b.County("Albany", "Lee Zeldn", 2),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  const model::Race& race = result.races[0];
  ASSERT_EQ(race.candidates.size(), 4u);
  EXPECT_EQ(race.candidates[0].name, "Andrew M. Cuomo");
  EXPECT_EQ(race.candidates[0].votes, 170);
  EXPECT_EQ(race.candidates[0].aliases,
            (std::vector<std::string>{"Andrew Cuomo", "Andrew M Cuomo/ Kathy C Hochul"}));
  ASSERT_EQ(result.near_matches.size(), 1u);
  EXPECT_EQ(result.near_matches[0].name_a, "Lee Zeldin");
  EXPECT_EQ(result.near_matches[0].name_b, "Lee Zeldn");
}

// Sources spell one candidate differently: a typo (Arizona's county file writes "Hirai
// Tipirneni", MEDSL "Hiral"), a nickname ("L.S. 'CASEY' CAGLE" and "Casey Cagle"), a nickname of
// the table ("Steve" and "Stephen"). Each is one candidate when the two spellings never sit in
// one file together.
TEST(RollUpRaces, MatchesCandidatesAcrossSourcesDespiteTyposAndNicknames) {
  TallyBuilder b;
  b.key = Key("Governor", "", kPrimary2018, ElectionStage::kPrimary, "REP");
  const std::vector<VoteTally> tallies = {
      b.County("Appling", "Hirai Tipirneni", 10),  b.County("Appling", "L.S. 'CASEY' CAGLE", 20),
      b.County("Appling", "Stephen L Ferrara", 5), b.Precinct("Houston", "Hiral Tipirneni", 1),
      b.Precinct("Houston", "Casey Cagle", 2),     b.Precinct("Houston", "Steve Ferrara", 3),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  ASSERT_EQ(result.races[0].candidates.size(), 3u);
  EXPECT_EQ(result.races[0].candidates[0].votes, 22);
  EXPECT_EQ(result.races[0].candidates[1].votes, 11);
  EXPECT_EQ(result.races[0].candidates[2].votes, 8);
  EXPECT_TRUE(result.near_matches.empty());
}

// New York lists one candidate under two spellings on two party lines in one file (fusion).
TEST(RollUpRaces, MergesOneCandidatesSpellingsOnTwoLinesOfOneFile) {
  const TallyBuilder b;
  const std::vector<VoteTally> tallies = {b.County("New York", "Nydia M. Velazquez", 10, "DEM"),
                                          b.County("New York", "Nydia Velazquez", 3, "WOR")};
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  ASSERT_EQ(result.races[0].candidates.size(), 1u);
  EXPECT_EQ(result.races[0].candidates[0].votes, 13);
}

TEST(RollUpRaces, KeepsTwoPeopleOneFileListsSideBySide) {
  const TallyBuilder b;
  const std::vector<VoteTally> tallies = {b.County("Albany", "John A. Smith", 10),
                                          b.County("Albany", "John B. Smith", 8)};
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  EXPECT_EQ(result.races[0].candidates.size(), 2u);
}

TEST(RollUpRaces, NamesTheTopNWinnersOfAMultiMemberSeat) {
  struct Case {
    std::string name;
    int seats;
    std::vector<std::pair<std::string, int64_t>> votes;
    std::vector<std::string> want_winners;
    int64_t want_margin;
    bool want_tied;
    bool want_contested;
  };
  const Case cases[] = {
      // Onondaga's County Committee, Town of Cicero District 22 (2018-09-13, REP): vote for 2.
      {"two seats",
       2,
       {{"Mark R Venesky", 33},
        {"Mary Ellen Venesky", 28},
        {"Paul F Becallo", 23},
        {"Rosemary Becallo", 20}},
       {"Mark R Venesky", "Mary Ellen Venesky"},
       5,
       false,
       true},
      {"tie at the cut names only those above it",
       2,
       {{"Ann", 30}, {"Bob", 20}, {"Cy", 20}},
       {"Ann"},
       0,
       true,
       true},
      {"everyone wins an uncontested seat",
       2,
       {{"Ann", 7}, {"Bob", 3}},
       {"Ann", "Bob"},
       3,
       false,
       false},
      {"seats unknown: no winner named", 0, {{"Ann", 7}, {"Bob", 3}}, {}, 0, false, true},
      // Syracuse Ward 5 District 3 (REP, 2018): one candidate with votes wins one of two seats.
      {"no votes wins nothing",
       2,
       {{"Robert J Andrews", 6}, {"Rita M Cooper", 0}, {"Scott C Murfitt", 0}},
       {"Robert J Andrews"},
       6,
       false,
       true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TallyBuilder b;
    b.seats = c.seats;
    std::vector<VoteTally> tallies;
    for (const auto& [name, votes] : c.votes) tallies.push_back(b.County("Onondaga", name, votes));
    const RollupResult result = RollUpRaces(tallies);
    ASSERT_EQ(result.races.size(), 1u);
    const model::Race& race = result.races[0];
    std::vector<std::string> winners;
    for (const model::CandidateResult& candidate : race.candidates) {
      if (candidate.is_winner) winners.push_back(candidate.name);
    }
    EXPECT_EQ(winners, c.want_winners);
    EXPECT_EQ(race.margin_votes, c.want_margin);
    EXPECT_EQ(race.is_tied, c.want_tied);
    EXPECT_EQ(race.is_contested, c.want_contested);
    EXPECT_EQ(race.seats, c.seats);
  }
}

// NY's 2018-06-26 county file labels Monroe's NY-25 rows as district 24: Monroe lies outside the
// counties NY-24's other races name and shares no candidate, so it is set aside; Balter wins.
TEST(RollUpRaces, SetsAsideACountyOutsideTheSeatThatNamesAnotherField) {
  TallyBuilder general;
  general.key = Key("U.S. House", "24", kGeneral2016, ElectionStage::kGeneral, "");
  TallyBuilder primary;
  primary.key = Key("U.S. House", "24", kPrimary2018, ElectionStage::kPrimary, "DEM");
  const std::vector<VoteTally> tallies = {
      general.County("Cayuga", "John Katko", 10, "REP"),
      general.County("Onondaga", "John Katko", 10, "REP"),
      primary.County("Cayuga", "Dana Balter", 1368),
      primary.County("Cayuga", "Juanita Perez Williams", 727),
      primary.County("Onondaga", "Dana Balter", 11710),
      primary.County("Onondaga", "Juanita Perez Williams", 7305),
      primary.County("Monroe", "Joseph D. Morelle", 16245),
      primary.County("Monroe", "Rachel A. Barnhart", 7003),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 2u);
  const model::Race& race = result.races[1];
  ASSERT_EQ(race.id, "ny.2018-06-26.primary.dem.u-s-house.24");
  EXPECT_EQ(race.candidates.at(0).name, "Dana Balter");
  EXPECT_TRUE(race.candidates.at(0).is_winner);
  EXPECT_EQ(race.candidate_votes, 1368 + 727 + 11710 + 7305);
  ASSERT_EQ(race.set_aside.size(), 1u);
  EXPECT_EQ(race.set_aside[0].county, "Monroe");
  EXPECT_EQ(race.set_aside[0].votes, 16245 + 7003);
  EXPECT_EQ(race.set_aside[0].candidates.front(), "Joseph D. Morelle");
  EXPECT_EQ(race.completeness, Completeness::kComplete);
}

// Without a span to tell which side is the seat's, disjoint fields make the race conflicting:
// no winner is named.
TEST(RollUpRaces, DisjointFieldsWithoutASpanAreAConflict) {
  TallyBuilder b;
  b.key = Key("U.S. House", "24", kPrimary2018, ElectionStage::kPrimary, "DEM");
  const std::vector<VoteTally> tallies = {
      b.County("Cayuga", "Dana Balter", 1368),
      b.County("Monroe", "Joseph D. Morelle", 16245),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
  const model::Race& race = result.races[0];
  EXPECT_EQ(race.completeness, Completeness::kConflicting);
  EXPECT_NE(race.conflict.find("Joseph D. Morelle in Monroe"), std::string::npos) << race.conflict;
  for (const model::CandidateResult& candidate : race.candidates) EXPECT_FALSE(candidate.is_winner);
}

// OpenElections counties that cover the race count, and MEDSL's total is compared with them;
// where they fall short, MEDSL's total counts.
TEST(RollUpRaces, MedslTotalsStandInOnlyWhereResultsFallShort) {
  TallyBuilder general;
  general.key = Key("U.S. House", "1", kGeneral2016, ElectionStage::kGeneral, "");
  general.level = model::OfficeLevel::kFederal;
  TallyBuilder earlier = general;
  earlier.key.date = base::Date{2014, 11, 4};
  std::vector<VoteTally> covered = {
      earlier.County("Suffolk", "Lee Zeldin", 1, "REP"),
      general.Precinct("Suffolk", "Lee Zeldin", 100, "REP"),
      general.Precinct("Suffolk", "Anna Throne-Holst", 80, "DEM"),
      general.Medsl("Lee Zeldin", 101, "REP"),
      general.Medsl("Anna Throne-Holst", 80, "DEM"),
  };
  RollupResult result = RollUpRaces(covered);
  ASSERT_EQ(result.races.size(), 2u);
  const model::Race& race = result.races[1];
  EXPECT_EQ(race.counted_from, "county returns");
  EXPECT_EQ(race.candidates[0].votes, 100);
  ASSERT_EQ(result.mismatches.size(), 1u);
  EXPECT_EQ(result.mismatches[0].candidate, "Lee Zeldin");
  EXPECT_EQ(result.mismatches[0].counted_votes, 100);
  EXPECT_EQ(result.mismatches[0].other_votes, 101);
  EXPECT_EQ(result.mismatches[0].other_source, "MEDSL file4.csv");
  EXPECT_TRUE(result.mismatches[0].is_against_medsl);
  EXPECT_FALSE(race.is_counted_from_medsl);

  // Nassau is in the seat's span but has no returns loaded: MEDSL's whole total counts.
  covered.push_back(earlier.County("Nassau", "Lee Zeldin", 1, "REP"));
  result = RollUpRaces(covered);
  const model::Race& short_race = result.races[1];
  EXPECT_EQ(short_race.counted_from, "MEDSL file4.csv");
  EXPECT_TRUE(short_race.is_counted_from_medsl);
  EXPECT_EQ(short_race.candidates[0].votes, 101);
  EXPECT_EQ(short_race.completeness, Completeness::kComplete);
}

TEST(RollUpRaces, KeepsSubTabulationsOutOfTotalsAndLinksRunoffs) {
  TallyBuilder primary;
  primary.key = Key("Governor", "", base::Date{2018, 5, 22}, ElectionStage::kPrimary, "REP");
  TallyBuilder runoff;
  runoff.key = Key("Governor", "", base::Date{2018, 7, 24}, ElectionStage::kRunoff, "REP");
  VoteTally by_district = primary.County("Appling", "Brian Kemp", 50, "REP");
  by_district.breakdown = "President Senatorial 5";
  const std::vector<VoteTally> tallies = {
      primary.County("Appling", "Brian Kemp", 100, "REP"),
      by_district,
      runoff.County("Appling", "Brian Kemp", 120, "REP"),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 2u);
  EXPECT_EQ(result.races[0].candidate_votes, 100);
  ASSERT_EQ(result.races[0].sub_tabulations.size(), 1u);
  EXPECT_EQ(result.races[0].sub_tabulations[0].votes, 50);
  EXPECT_EQ(result.races[1].decides_race_id, result.races[0].id);
  EXPECT_EQ(result.races[0].decided_by_race_id, result.races[1].id);
  EXPECT_FALSE(result.races[0].candidates[0].is_winner) << "a runoff decided it";
  EXPECT_TRUE(result.races[1].candidates[0].is_winner);
}

// "... HEALTH CARE DIST" and "... DIST." read the same as race ids: one race, not two.
TEST(RollUpRaces, KeysThatReadTheSameAreOneRace) {
  TallyBuilder a;
  a.key = Key("Health Care Dist", "", kGeneral2016, ElectionStage::kGeneral, "", "Apache");
  TallyBuilder b = a;
  b.key.seat.office = "Health Care Dist.";
  const std::vector<VoteTally> tallies = {a.County("Apache", "Yes", 10, ""),
                                          b.County("Apache", "Yes", 5, "")};
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 1u);
}

}  // namespace
}  // namespace downballot::analysis

namespace downballot::analysis {
namespace {

// Westchester's 2018-09-13 file labels State Senate 34 as State Assembly 34, a Queens seat: no
// county of the race is one the seat's other races name, so the race is conflicting.
TEST(RollUpRaces, ARaceWhollyOutsideItsSeatsCountiesIsConflicting) {
  TallyBuilder general;
  general.key = Key("State Assembly", "34", kGeneral2016, ElectionStage::kGeneral, "");
  TallyBuilder primary;
  primary.key = Key("State Assembly", "34", {2018, 9, 13}, ElectionStage::kPrimary, "DEM");
  TallyBuilder next_decade = primary;  // lines are redrawn for 2022: the old span says nothing
  next_decade.key.date = base::Date{2022, 6, 28};
  const std::vector<VoteTally> tallies = {
      general.County("Queens", "Michael DenDekker", 100),
      primary.Precinct("Westchester", "Alessandra Biaggi", 2075),
      primary.Precinct("Westchester", "Jeffrey D Klein", 554),
      next_decade.Precinct("Westchester", "Someone", 5),
  };
  const RollupResult result = RollUpRaces(tallies);
  ASSERT_EQ(result.races.size(), 3u);
  const model::Race& race = result.races[1];
  ASSERT_EQ(race.id, "ny.2018-09-13.primary.dem.state-assembly.34");
  EXPECT_EQ(race.completeness, Completeness::kConflicting);
  EXPECT_NE(race.conflict.find("only from Westchester"), std::string::npos) << race.conflict;
  EXPECT_FALSE(race.candidates[0].is_winner);
  EXPECT_EQ(result.races[2].completeness, Completeness::kUnverified);
}

}  // namespace
}  // namespace downballot::analysis
