#include "analysis/targeting_score.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/key_value_config.h"
#include "model/race.h"

namespace downballot::analysis {
namespace {

using model::ElectionStage;
using model::OfficeLevel;

const model::SeatKey kAssembly99{"NY", "State Assembly", "99", ""};
const model::SeatKey kCommittee{"NY", "County Committee", "46023", "New York"};
const model::SeatKey kSenate50{"NY", "State Senate", "50", ""};

struct Entry {
  std::string name;
  int64_t votes;
  std::vector<model::PartyLineVotes> lines = {};
  bool is_incumbent = false;
};

// A race with shares, ranks and winner filled as the roll-up would.
model::Race MakeRace(const model::SeatKey& seat, base::Date date, ElectionStage stage,
                     const std::string& party, OfficeLevel level, const std::vector<Entry>& entries,
                     int64_t write_ins = 0) {
  model::Race race;
  race.key = model::RaceKey{seat, date, stage, party};
  race.id = model::MakeRaceId(race.key);
  race.level = level;
  for (const Entry& entry : entries) race.candidate_votes += entry.votes;
  race.write_in_votes = write_ins;
  race.ballots_for_office = race.candidate_votes + write_ins;
  const double office_votes = static_cast<double>(race.ballots_for_office);
  int rank = 0;
  for (const Entry& entry : entries) {
    model::CandidateResult candidate;
    candidate.name = entry.name;
    candidate.votes = entry.votes;
    candidate.share = static_cast<double>(entry.votes) / office_votes;
    candidate.rank = ++rank;
    candidate.is_winner = rank == 1;
    candidate.is_incumbent = entry.is_incumbent;
    candidate.lines = entry.lines;
    if (entry.is_incumbent) race.has_incumbent = true;
    race.candidates.push_back(candidate);
  }
  race.field_size = static_cast<int>(entries.size());
  race.is_contested = race.field_size >= 2;
  return race;
}

// Three targets, worked by hand with the default weights (1, 0.5, 1, 1, 1; scale 1000;
// safe at 60%; win share 53%):
//
// Committee DEM 2018 (party seat, open, one candidate, 80 votes + 20 write-ins = 100 ballots):
//   open 1; uncontested 1 x 0.5; small: win = ceil(53) = 53, 1000 / 1053 = 0.949668;
//   safe 1 (party seat); weakness 0.                              score = 3.449668
// Assembly 99 DEM 2018 (incumbent Inc won 600-400 = 60%; 2016 general DEM nominee 7000 of
// 10000 = 70%):
//   open 0; uncontested 0; small: win = 530, 1000 / 1530 = 0.653595;
//   safe min(1, (0.70 - 0.5) / 0.10) = 1; weakness 1 - 0.6 = 0.4.   score = 2.053595
// Assembly 99 REP 2018 (incumbency unknown, 3 candidates, 2000 ballots, REP 30% in 2016):
//   open 0.5; uncontested 0; small: win = 1060, 1000 / 2060 = 0.485437;
//   safe 0 (30% < 50%); weakness 0.                                 score = 0.985437
std::vector<model::Race> SampleRaces() {
  std::vector<model::Race> races;
  races.push_back(
      MakeRace(kAssembly99, {2016, 11, 8}, ElectionStage::kGeneral, "", OfficeLevel::kState,
               {{"Inc", 7000, {{"DEM", 6000}, {"WOR", 1000}}}, {"Rep", 3000, {{"REP", 3000}}}}));
  races.push_back(MakeRace(kAssembly99, {2016, 9, 13}, ElectionStage::kPrimary, "DEM",
                           OfficeLevel::kState, {{"Inc", 5000}}));
  model::Race dem = MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "DEM",
                             OfficeLevel::kState, {{"Inc", 600, {}, true}, {"Chal", 400}});
  dem.incumbent = "Inc";
  races.push_back(dem);
  model::Race rep = MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "REP",
                             OfficeLevel::kState, {{"A", 1000}, {"B", 600}, {"C", 400}});
  rep.completeness = model::Completeness::kPartial;
  races.push_back(rep);
  model::Race committee = MakeRace(kCommittee, {2018, 9, 13}, ElectionStage::kPrimary, "DEM",
                                   OfficeLevel::kParty, {{"New", 80}}, /*write_ins=*/20);
  committee.incumbent = "Old Timer";
  committee.is_open_seat = true;
  races.push_back(committee);
  return races;
}

TEST(RankTargets, ScoresComponentsAsWorkedByHand) {
  const std::vector<model::Race> races = SampleRaces();
  const std::vector<Target> targets = RankTargets(races, TargetFilter{}, TargetWeights{});
  ASSERT_EQ(targets.size(), 3u);
  for (const Target& target : targets) {
    ASSERT_EQ(target.components.size(), std::size(kTargetComponentNames));
    for (size_t idx = 0; idx < target.components.size(); ++idx) {
      EXPECT_EQ(target.components[idx].name, kTargetComponentNames[idx]);
    }
  }

  struct Want {
    std::string last_race_id;
    double score;
    std::vector<double> values;  // open, uncontested, small, safe, weakness
    int64_t win_number;
    double incumbent_last_share;
    model::Completeness completeness;
  };
  const Want wants[] = {
      {"ny.2018-09-13.primary.dem.new-york.county-committee.46023",
       1 + 0.5 + 1000.0 / 1053 + 1,
       {1, 1, 1000.0 / 1053, 1, 0},
       53,
       0,
       model::Completeness::kComplete},
      {"ny.2018-06-26.primary.dem.state-assembly.99",
       1000.0 / 1530 + 1 + 0.4,
       {0, 0, 1000.0 / 1530, 1, 0.4},
       530,
       0.6,
       model::Completeness::kComplete},
      {"ny.2018-06-26.primary.rep.state-assembly.99",
       1000.0 / 2060,  // unknown incumbency weighs nothing
       {0, 0, 1000.0 / 2060, 0, 0},
       1060,
       0,
       model::Completeness::kPartial},
  };
  const char* const names[] = {
      "open_seat",          "uncontested_last_primary", "small_electorate", "safe_seat",
      "incumbent_weakness", "incumbent_big_donors",     "incumbent_finance"};
  for (size_t idx = 0; idx < std::size(wants); ++idx) {
    const Target& target = targets[idx];
    const Want& want = wants[idx];
    SCOPED_TRACE(want.last_race_id);
    EXPECT_EQ(target.last_race_id, want.last_race_id);
    EXPECT_NEAR(target.score, want.score, 1e-9);
    EXPECT_EQ(target.win_number, want.win_number);
    EXPECT_DOUBLE_EQ(target.incumbent_last_share, want.incumbent_last_share);
    EXPECT_EQ(target.completeness, want.completeness);
    ASSERT_EQ(target.components.size(), 7u);
    for (size_t comp_idx = 0; comp_idx < 5; ++comp_idx) {
      const ScoreComponent& component = target.components[comp_idx];
      EXPECT_EQ(component.name, names[comp_idx]);
      EXPECT_NEAR(component.value, want.values[comp_idx], 1e-9) << component.name;
      EXPECT_DOUBLE_EQ(component.contribution, component.weight * component.value);
      EXPECT_FALSE(component.explanation.empty()) << component.name;
    }
  }
  const Target& assembly = targets[1];
  EXPECT_EQ(assembly.seat_id, "ny.state-assembly.99");
  EXPECT_EQ(assembly.party, "DEM");
  EXPECT_EQ(assembly.last_primary_date, (base::Date{2018, 6, 26}));
  EXPECT_EQ(assembly.last_field_size, 2);
  EXPECT_EQ(assembly.last_ballots_for_office, 1000);
  EXPECT_EQ(assembly.incumbent, "Inc");
  EXPECT_EQ(assembly.last_general_race_id, "ny.2016-11-08.general.state-assembly.99");
  EXPECT_EQ(assembly.components[3].explanation,
            "DEM nominee won 70.0% in the 2016-11-08 general (safe at 60.0%)");
  EXPECT_EQ(assembly.components[4].explanation,
            "incumbent Inc won with 60.0% in a 2-candidate primary");
  EXPECT_EQ(targets[2].components[0].explanation,
            "incumbency unknown: no earlier election of this seat is loaded (weighs nothing)");
  EXPECT_FALSE(targets[2].components[0].is_known);
  EXPECT_EQ(targets[2].components[0].contribution, 0);
  EXPECT_TRUE(targets[1].components[0].is_known);
  EXPECT_EQ(targets[0].components[3].explanation, "party seat: the primary decides it");
}

TEST(RankTargets, ScalesSafeSeatAndFlagsMissingGenerals) {
  struct Case {
    std::string name;
    int64_t dem_votes;  // of 1000 in the general; -1 = no general loaded
    double want;
    model::Completeness general_completeness = model::Completeness::kComplete;
  };
  const Case cases[] = {
      {"at half: not safe", 500, 0},
      {"halfway to safe", 550, 0.5},
      {"exactly safe", 600, 1},
      {"lost badly", 200, 0},
      {"no general loaded", -1, 0.5},
      {"one county of the general: unknown", 900, 0.5, model::Completeness::kPartial},
      {"general span unknown: unknown", 900, 0.5, model::Completeness::kUnverified},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<model::Race> races = {MakeRace(kSenate50, {2018, 9, 13}, ElectionStage::kPrimary,
                                               "DEM", OfficeLevel::kState, {{"A", 10}, {"B", 5}})};
    if (c.dem_votes >= 0) {
      races.push_back(MakeRace(kSenate50, {2016, 11, 8}, ElectionStage::kGeneral, "",
                               OfficeLevel::kState,
                               {{"D", c.dem_votes, {{"DEM", c.dem_votes}}},
                                {"R", 1000 - c.dem_votes, {{"REP", 1000 - c.dem_votes}}}}));
      races.back().completeness = c.general_completeness;
    }
    const std::vector<Target> targets = RankTargets(races, TargetFilter{}, TargetWeights{});
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_NEAR(targets[0].components[3].value, c.want, 1e-9);
  }
}

TEST(RankTargets, AppliesTheFilter) {
  const std::vector<model::Race> races = SampleRaces();
  struct Case {
    std::string name;
    TargetFilter filter;
    std::vector<std::string> want_ids;
  };
  const Case cases[] = {
      {"party ignores case",
       {"", std::nullopt, "dem"},
       {"ny.2018-09-13.primary.dem.new-york.county-committee.46023",
        "ny.2018-06-26.primary.dem.state-assembly.99"}},
      {"level",
       {"", OfficeLevel::kParty, ""},
       {"ny.2018-09-13.primary.dem.new-york.county-committee.46023"}},
      {"state ignores case",
       {"ny", OfficeLevel::kState, "REP"},
       {"ny.2018-06-26.primary.rep.state-assembly.99"}},
      {"other state", {"CA", std::nullopt, ""}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> ids;
    for (const Target& target : RankTargets(races, c.filter, TargetWeights{})) {
      ids.push_back(target.last_race_id);
    }
    EXPECT_EQ(ids, c.want_ids);
  }
}

TEST(RankTargets, BreaksScoreTiesBySeatThenParty) {
  std::vector<model::Race> races;
  for (const model::SeatKey& seat : {kSenate50, kAssembly99}) {
    for (const std::string party : {"REP", "DEM"}) {
      races.push_back(MakeRace(seat, {2018, 9, 13}, ElectionStage::kPrimary, party,
                               OfficeLevel::kState, {{"A", 10}, {"B", 5}}));
    }
  }
  const std::vector<Target> targets = RankTargets(races, TargetFilter{}, TargetWeights{});
  ASSERT_EQ(targets.size(), 4u);
  EXPECT_EQ(targets[0].seat_id + "/" + targets[0].party, "ny.state-assembly.99/DEM");
  EXPECT_EQ(targets[1].seat_id + "/" + targets[1].party, "ny.state-assembly.99/REP");
  EXPECT_EQ(targets[2].seat_id + "/" + targets[2].party, "ny.state-senate.50/DEM");
}

TEST(RankTargets, ExplainsIncumbentWeakness) {
  struct Case {
    std::string name;
    std::vector<Entry> entries;
    std::string incumbent;
    double want;
    std::string want_explanation;
  };
  const Case cases[] = {
      {"incumbent lost",
       {{"Chal", 550}, {"Inc", 450, {}, true}},
       "Inc",
       0.55,
       "incumbent Inc lost with 45.0% in a 2-candidate primary"},
      {"unopposed", {{"Inc", 900, {}, true}}, "Inc", 0, "incumbent Inc ran unopposed"},
      {"absent", {{"New", 900}}, "Inc", 0, "no incumbent on the ballot"},
      {"unknown", {{"New", 900}}, "", 0, "incumbency unknown"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::Race race = MakeRace(kSenate50, {2018, 9, 13}, ElectionStage::kPrimary, "DEM",
                                OfficeLevel::kState, c.entries);
    race.incumbent = c.incumbent;
    race.is_open_seat = !c.incumbent.empty() && !race.has_incumbent;
    const std::vector<model::Race> races = {race};
    const std::vector<Target> targets = RankTargets(races, TargetFilter{}, TargetWeights{});
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_NEAR(targets[0].components[4].value, c.want, 1e-9);
    EXPECT_EQ(targets[0].components[4].explanation, c.want_explanation);
  }
}

TEST(RankTargets, ScoresTheIncumbentsMoneyWhenLinked) {
  model::Race race = MakeRace(kSenate50, {2018, 9, 13}, ElectionStage::kPrimary, "DEM",
                              OfficeLevel::kState, {{"Inc", 900, {}, true}, {"Chal", 100}});
  race.incumbent = "Inc";
  const std::vector<model::Race> races = {race};
  const IncumbentMoneyByRace money_by_race = {
      {race.id, IncumbentMoney{"S0NY00001", 2018, true, 0.2, true, 0.35, 0.8}}};
  const std::vector<Target> linked =
      RankTargets(races, TargetFilter{}, TargetWeights{}, money_by_race);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].components[5].name, "incumbent_big_donors");
  EXPECT_NEAR(linked[0].components[5].value, 0.8, 1e-12);
  EXPECT_NEAR(linked[0].components[5].contribution, 0.4, 1e-12);
  EXPECT_EQ(linked[0].components[5].explanation,
            "Inc (S0NY00001, cycle 2018): 20.0% of individual money from small donors");
  EXPECT_NEAR(linked[0].components[6].value, 0.35, 1e-12);
  const std::vector<Target> unlinked = RankTargets(races, TargetFilter{}, TargetWeights{});
  EXPECT_NEAR(linked[0].score - unlinked[0].score, 0.5 * 0.8 + 0.5 * 0.35, 1e-12);
  EXPECT_EQ(unlinked[0].components[5].explanation, "no FEC individual money linked for Inc");
}

TEST(TargetWeightsFromConfig, OverridesDefaultsAndRejectsBadValues) {
  const auto values = base::ParseKeyValues("open_seat = 2\nsafe_seat_share = 0.65\n", "t.conf");
  ASSERT_TRUE(values.ok());
  const auto weights = TargetWeightsFromConfig(*values, "t.conf");
  ASSERT_TRUE(weights.ok()) << weights.status();
  EXPECT_DOUBLE_EQ(weights->open_seat, 2);
  EXPECT_DOUBLE_EQ(weights->safe_seat_share, 0.65);
  EXPECT_DOUBLE_EQ(weights->small_electorate, 1);

  struct Case {
    std::string name;
    std::string text;
    std::string want_message;
  };
  const Case cases[] = {
      {"unknown key", "open_seats = 1", "t.conf: unknown key 'open_seats'; did you mean 'open_seat'?"},
      {"not a number", "safe_seat = high", "t.conf: key 'safe_seat' wants a number, got 'high'"},
      {"negative weight", "safe_seat = -1", "t.conf: weight 'safe_seat' must be >= 0, got -1"},
      {"zero scale", "small_electorate_scale = 0",
       "t.conf: small_electorate_scale must be > 0, got 0"},
      {"safe share at half", "safe_seat_share = 0.5",
       "t.conf: safe_seat_share must be in (0.5, 1], got 0.5"},
      {"win share above one", "win_share_target = 1.5",
       "t.conf: win_share_target must be in (0, 1], got 1.5"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto bad = base::ParseKeyValues(c.text, "t.conf");
    ASSERT_TRUE(bad.ok());
    const auto result = TargetWeightsFromConfig(*bad, "t.conf");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().message(), c.want_message);
  }
}

// config/targets.conf documents the defaults; it must say exactly what the code does.
TEST(TargetWeightsFromConfig, ShippedConfigEqualsTheDefaults) {
  std::ifstream file(std::string(DOWNBALLOT_SOURCE_DIR) + "/config/targets.conf");
  ASSERT_TRUE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  const auto values = base::ParseKeyValues(text.str(), "config/targets.conf");
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_EQ(values->size(), 10u);
  const auto weights = TargetWeightsFromConfig(*values, "config/targets.conf");
  ASSERT_TRUE(weights.ok()) << weights.status();
  const TargetWeights defaults;
  EXPECT_DOUBLE_EQ(weights->open_seat, defaults.open_seat);
  EXPECT_DOUBLE_EQ(weights->uncontested_last_primary, defaults.uncontested_last_primary);
  EXPECT_DOUBLE_EQ(weights->small_electorate, defaults.small_electorate);
  EXPECT_DOUBLE_EQ(weights->safe_seat, defaults.safe_seat);
  EXPECT_DOUBLE_EQ(weights->incumbent_weakness, defaults.incumbent_weakness);
  EXPECT_DOUBLE_EQ(weights->incumbent_big_donors, defaults.incumbent_big_donors);
  EXPECT_DOUBLE_EQ(weights->incumbent_finance, defaults.incumbent_finance);
  EXPECT_DOUBLE_EQ(weights->small_electorate_scale, defaults.small_electorate_scale);
  EXPECT_DOUBLE_EQ(weights->safe_seat_share, defaults.safe_seat_share);
  EXPECT_DOUBLE_EQ(weights->win_share_target, defaults.win_share_target);
}

}  // namespace
}  // namespace downballot::analysis
