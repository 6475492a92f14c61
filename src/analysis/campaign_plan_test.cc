#include "analysis/campaign_plan.h"

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

model::Race MakePrimary(const model::SeatKey& seat, base::Date date, int64_t ballots,
                        int field_size = 2, OfficeLevel level = OfficeLevel::kState,
                        double winner_share = 0.6, const std::string& party = "DEM") {
  model::Race race;
  race.key = model::RaceKey{seat, date, ElectionStage::kPrimary, party};
  race.id = model::MakeRaceId(race.key);
  race.level = level;
  race.ballots_for_office = ballots;
  race.field_size = field_size;
  model::CandidateResult winner;
  winner.name = "Winner";
  winner.share = winner_share;
  winner.is_winner = true;
  race.candidates.push_back(winner);
  return race;
}

void ExpectScenario(const PlanScenario& got, const PlanScenario& want) {
  EXPECT_DOUBLE_EQ(got.expected_ballots, want.expected_ballots);
  EXPECT_EQ(got.win_number, want.win_number);
  EXPECT_EQ(got.votes_to_find, want.votes_to_find);
  EXPECT_EQ(got.contacts, want.contacts);
  EXPECT_EQ(got.doors, want.doors);
  EXPECT_EQ(got.shifts, want.shifts);
  EXPECT_EQ(got.paid_shifts, want.paid_shifts);
  EXPECT_EQ(got.volunteer_shifts, want.volunteer_shifts);
  EXPECT_EQ(got.volunteers, want.volunteers);
  EXPECT_EQ(got.paid_hours, want.paid_hours);
  EXPECT_EQ(got.budget_cents, want.budget_cents);
}

// Midterm DEM primaries of Assembly 99: 2006 5000, 2010 1100, 2014 900, 2018 1000 (the race).
// The 2016 presidential-year primary (3000) is another kind of year and the 2020 one is later,
// so the last three like races are 2018, 2014, 2010:
//   E = (1000 + 900 + 1100) / 3 = 1000, low 900, high 1100; two-way share 0.53.
// Expected: win ceil(530) = 530; half assured, votes to find 265; contacts 265 x 14 = 3710;
//   doors 3710 / 0.25 = 14840; shifts ceil(14840 / 45) = ceil(329.8) = 330; volunteers
//   ceil(330 / 16) = ceil(20.6) = 21; budget 14840 x $0.10 = $1484.00.
// Low: win ceil(477) = 477; votes ceil(238.5) = 239; contacts 3346; doors 13384; shifts
//   ceil(297.4) = 298; volunteers ceil(18.6) = 19; budget $1338.40.
// High, the worst case (nothing assured): win ceil(583) = 583; votes 583; contacts 8162;
//   doors 32648; shifts ceil(725.5) = 726; volunteers ceil(45.4) = 46; budget $3264.80.
TEST(MakePlan, AveragesTheLastThreeLikeRacesAndRunsTheChain) {
  const model::Race race = MakePrimary(kAssembly99, {2018, 6, 26}, 1000);
  const std::vector<model::Race> history = {
      MakePrimary(kAssembly99, {2006, 9, 12}, 5000),
      MakePrimary(kAssembly99, {2010, 9, 14}, 1100),
      MakePrimary(kAssembly99, {2014, 9, 9}, 900),
      MakePrimary(kAssembly99, {2016, 9, 13}, 3000),
      race,
      MakePrimary(kAssembly99, {2020, 6, 23}, 7000),
      MakePrimary(kAssembly99, {2014, 9, 9}, 800, 2, OfficeLevel::kState, 0.6, "REP"),
  };
  const auto plan = MakePlan(race, history, {}, PlanAssumptions{});
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->comparables.size(), 3u);
  EXPECT_EQ(plan->comparables[0].race_id, "ny.2018-06-26.primary.dem.state-assembly.99");
  EXPECT_EQ(plan->comparables[1].race_id, "ny.2014-09-09.primary.dem.state-assembly.99");
  EXPECT_EQ(plan->comparables[2].race_id, "ny.2010-09-14.primary.dem.state-assembly.99");
  EXPECT_EQ(plan->field_size, 2);
  EXPECT_DOUBLE_EQ(plan->share_target, 0.53);
  ExpectScenario(plan->expected, {1000, 530, 265, 3710, 14840, 330, 0, 330, 21, 0, 148400});
  ExpectScenario(plan->low, {900, 477, 239, 3346, 13384, 298, 0, 298, 19, 0, 133840});
  ExpectScenario(plan->high, {1100, 583, 583, 8162, 32648, 726, 0, 726, 46, 0, 326480});

  ASSERT_EQ(plan->steps.size(), 11u);
  EXPECT_EQ(plan->steps[1].name, "win_number");
  EXPECT_EQ(plan->steps[1].formula, "ceil(expected_ballots * share_target)");
  EXPECT_DOUBLE_EQ(plan->steps[1].low, 477);
  EXPECT_DOUBLE_EQ(plan->steps[1].expected, 530);
  EXPECT_DOUBLE_EQ(plan->steps[1].high, 583);
  EXPECT_EQ(plan->steps[10].name, "budget_dollars");
  EXPECT_DOUBLE_EQ(plan->steps[10].expected, 1484.0);
  EXPECT_DOUBLE_EQ(plan->steps[10].low, 1338.4);
  EXPECT_EQ(plan->coefficients.size(), 17u);
  EXPECT_EQ(plan->coefficients[8].name, "contacts_per_vote");
  EXPECT_EQ(plan->coefficients[8].source,
            "Gerber & Green: door-to-door canvassing, 1 vote per 14 contacts");
  EXPECT_EQ(plan->warnings,
            (std::vector<std::string>{"left out 1 race(s) of this seat held in a different kind "
                                      "of year"}));
}

// One comparable (200 ballots), a quarter of the win number already assured, half the shifts
// paid at $20/hour:
// Expected: E 200; win ceil(106) = 106; votes ceil(106 x 0.75 = 79.5) = 80; contacts 1120;
//   doors 4480; shifts ceil(99.6) = 100; paid 50, volunteer 50; volunteers ceil(3.125) = 4;
//   paid hours 150; budget 4480 x 0.10 + 150 x 20 = 448 + 3000 = $3448.00.
// Low: E 200 x 0.85 = 170; win ceil(90.1) = 91; votes ceil(68.25) = 69; contacts 966;
//   doors 3864; shifts ceil(85.9) = 86; paid 43, volunteer 43; volunteers ceil(2.7) = 3;
//   paid hours 129; budget 386.40 + 2580 = $2966.40.
// High, the worst case (nothing assured): E 200 x 1.15 = 230; win ceil(121.9) = 122; votes 122;
//   contacts 1708; doors 6832; shifts ceil(151.8) = 152; paid 76, volunteer 76;
//   volunteers ceil(4.75) = 5; paid hours 228; budget 683.20 + 4560 = $5243.20.
TEST(MakePlan, UsesFactorsForOneComparableAndPaysPaidCanvassers) {
  const model::Race race = MakePrimary(kAssembly99, {2018, 6, 26}, 200);
  PlanAssumptions assumptions;
  assumptions.base_vote_share = 0.25;
  assumptions.paid_canvass_share = 0.5;
  assumptions.hourly_wage = 20;
  const auto plan = MakePlan(race, {}, {}, assumptions);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->comparables.size(), 1u);
  ExpectScenario(plan->expected, {200, 106, 80, 1120, 4480, 100, 50, 50, 4, 150, 344800});
  ExpectScenario(plan->low, {170, 91, 69, 966, 3864, 86, 43, 43, 3, 129, 296640});
  ExpectScenario(plan->high, {230, 122, 122, 1708, 6832, 152, 76, 76, 5, 228, 524320});
  EXPECT_EQ(plan->warnings,
            (std::vector<std::string>{"one comparable race: the range is expected ballots x "
                                      "0.85 to x 1.15"}));
  EXPECT_EQ(plan->coefficients[6].name, "base_vote_share");
  EXPECT_EQ(plan->coefficients[6].source.rfind("edited (default 0.5: NDTC", 0), 0u)
      << plan->coefficients[6].source;
}

TEST(MakePlan, ChoosesTheShareTargetByFieldSize) {
  // Three-candidate party primaries won with 45%, 40%, 47%: mean 0.44, + 0.03 = 0.47. A
  // three-way state primary and a two-way party primary are not comparable.
  const std::vector<model::Race> kway = {
      MakePrimary({"NY", "County Committee", "1", "Kings"}, {2016, 9, 13}, 90, 3,
                  OfficeLevel::kParty, 0.45),
      MakePrimary({"NY", "County Committee", "2", "Kings"}, {2016, 9, 13}, 90, 3,
                  OfficeLevel::kParty, 0.40),
      MakePrimary({"NY", "County Committee", "3", "Kings"}, {2016, 9, 13}, 90, 3,
                  OfficeLevel::kParty, 0.47),
      MakePrimary({"NY", "State Senate", "9", ""}, {2016, 9, 13}, 90, 3, OfficeLevel::kState, 0.90),
      MakePrimary({"NY", "County Committee", "4", "Kings"}, {2016, 9, 13}, 90, 2,
                  OfficeLevel::kParty, 0.90),
  };
  const std::vector<model::Race> dominant = {
      MakePrimary({"NY", "County Committee", "5", "Kings"}, {2016, 9, 13}, 90, 3,
                  OfficeLevel::kParty, 0.60),
  };
  struct Case {
    std::string name;
    int field_size;
    int assumed_field_size;
    std::vector<model::Race> primaries;
    double want_share;
    int want_num_kway;
    int64_t want_win_number;  // of 1000 expected ballots
  };
  const Case cases[] = {
      {"two-way", 2, 0, kway, 0.53, 0, 530},
      {"uncontested last time plans a two-way race", 1, 0, kway, 0.53, 0, 530},
      {"three-way from history", 3, 0, kway, 0.47, 3, 470},
      {"assumed two-way overrides the field", 3, 2, kway, 0.53, 0, 530},
      {"four-way without history: 1/4 + 0.03", 4, 0, kway, 0.28, 0, 280},
      {"history above the two-way target is capped", 3, 0, dominant, 0.53, 1, 530},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const model::Race race = MakePrimary({"NY", "County Committee", "9", "Kings"}, {2018, 9, 13},
                                         1000, c.field_size, OfficeLevel::kParty);
    PlanAssumptions assumptions;
    assumptions.field_size = c.assumed_field_size;
    const auto plan = MakePlan(race, {}, c.primaries, assumptions);
    ASSERT_TRUE(plan.ok()) << plan.status();
    EXPECT_NEAR(plan->share_target, c.want_share, 1e-12);
    EXPECT_EQ(plan->num_kway_races, c.want_num_kway);
    EXPECT_EQ(plan->expected.win_number, c.want_win_number);
    EXPECT_FALSE(plan->share_target_basis.empty());
  }
}

TEST(MakePlan, WarnsAboutPartialAndEmptyComparables) {
  const model::Race race = MakePrimary(kAssembly99, {2018, 6, 26}, 1000);
  model::Race partial = MakePrimary(kAssembly99, {2014, 9, 9}, 400);
  partial.completeness = model::Completeness::kPartial;
  const std::vector<model::Race> history = {partial, MakePrimary(kAssembly99, {2010, 9, 14}, 0)};
  const auto plan = MakePlan(race, history, {}, PlanAssumptions{});
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->comparables.size(), 2u);
  EXPECT_EQ(plan->comparables[1].completeness, model::Completeness::kPartial);
  EXPECT_DOUBLE_EQ(plan->expected.expected_ballots, 700);
  EXPECT_EQ(plan->warnings,
            (std::vector<std::string>{
                "skipped ny.2010-09-14.primary.dem.state-assembly.99: no ballots recorded for "
                "the office",
                "ny.2014-09-09.primary.dem.state-assembly.99 is partial: not every county is "
                "loaded, so its ballots are undercounted"}));
}

TEST(MakePlan, FailsWithoutBallotsOrWithBadAssumptions) {
  const auto empty =
      MakePlan(MakePrimary(kAssembly99, {2018, 6, 26}, 0), {}, {}, PlanAssumptions{});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(empty.status().message(),
            "race ny.2018-06-26.primary.dem.state-assembly.99 has no ballots for the office: "
            "nothing to plan from");

  PlanAssumptions bad;
  bad.take_rate = 0;
  const auto invalid = MakePlan(MakePrimary(kAssembly99, {2018, 6, 26}, 10), {}, {}, bad);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(invalid.status().message(), "plan assumptions: take_rate must be in (0, 1], got 0");
}

TEST(PlanAssumptionsFromConfig, OverridesDefaultsAndRejectsBadValues) {
  const auto values =
      base::ParseKeyValues("weeks = 6\ncomparable_elections = 2\ntake_rate=0.3\n", "p.conf");
  ASSERT_TRUE(values.ok());
  const auto assumptions = PlanAssumptionsFromConfig(*values, "p.conf");
  ASSERT_TRUE(assumptions.ok()) << assumptions.status();
  EXPECT_DOUBLE_EQ(assumptions->weeks, 6);
  EXPECT_EQ(assumptions->comparable_elections, 2);
  EXPECT_DOUBLE_EQ(assumptions->take_rate, 0.3);
  EXPECT_DOUBLE_EQ(assumptions->contacts_per_vote, 14);

  struct Case {
    std::string name;
    std::string text;
    std::string want_message;
  };
  const Case cases[] = {
      {"unknown key", "doors_per_hr = 10", "p.conf: unknown key 'doors_per_hr'; did you mean 'doors_per_hour'?"},
      {"fractional count", "comparable_elections = 2.5",
       "p.conf: comparable_elections must be a whole number from 0 to 1000, got 2.5"},
      {"zero comparables", "comparable_elections = 0",
       "p.conf: comparable_elections must be >= 1, got 0"},
      {"negative field", "field_size = -1",
       "p.conf: field_size must be a whole number from 0 to 1000, got -1"},
      {"take rate above one", "take_rate = 1.5", "p.conf: take_rate must be in (0, 1], got 1.5"},
      {"zero weeks", "weeks = 0", "p.conf: weeks must be > 0, got 0"},
      {"margin too big", "margin = 0.5", "p.conf: margin must be in [0, 0.5), got 0.5"},
      {"factors inverted", "turnout_low_factor = 1.2\nturnout_high_factor = 1.1",
       "p.conf: turnout_high_factor must be >= turnout_low_factor, got 1.1"},
      {"paid share above one", "paid_canvass_share = 2",
       "p.conf: paid_canvass_share must be in [0, 1], got 2"},
      {"negative wage", "hourly_wage = -18", "p.conf: hourly_wage must be >= 0, got -18"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto bad = base::ParseKeyValues(c.text, "p.conf");
    ASSERT_TRUE(bad.ok());
    const auto result = PlanAssumptionsFromConfig(*bad, "p.conf");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().message(), c.want_message);
  }
}

// config/plan.conf documents the defaults; it must say exactly what the code does.
TEST(PlanAssumptionsFromConfig, ShippedConfigEqualsTheDefaults) {
  std::ifstream file(std::string(DOWNBALLOT_SOURCE_DIR) + "/config/plan.conf");
  ASSERT_TRUE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  const auto values = base::ParseKeyValues(text.str(), "config/plan.conf");
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_EQ(values->size(), 17u);
  const auto parsed = PlanAssumptionsFromConfig(*values, "config/plan.conf");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  // Every coefficient reads "default" (not "edited") when the values equal the defaults.
  const model::Race race = MakePrimary(kAssembly99, {2018, 6, 26}, 100);
  const auto plan = MakePlan(race, {}, {}, *parsed);
  ASSERT_TRUE(plan.ok()) << plan.status();
  for (const PlanCoefficient& coefficient : plan->coefficients) {
    SCOPED_TRACE(coefficient.name);
    EXPECT_TRUE(values->contains(coefficient.name));
    EXPECT_EQ(coefficient.source.find("edited"), std::string::npos);
  }
}

}  // namespace
}  // namespace downballot::analysis

namespace downballot::analysis {
namespace {

// A runoff is won by a majority: 1000 ballots need 501 votes, not 530.
TEST(MakePlan, ARunoffNeedsHalfTheBallotsAndOneVote) {
  model::Race runoff = MakePrimary(kAssembly99, {2018, 7, 24}, 1000);
  runoff.key.stage = ElectionStage::kRunoff;
  runoff.id = model::MakeRaceId(runoff.key);
  const auto plan = MakePlan(runoff, {}, {}, PlanAssumptions{});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(plan->is_majority);
  EXPECT_EQ(plan->expected.win_number, 501);
  EXPECT_EQ(plan->low.win_number, 426);  // floor(850 / 2) + 1
}

// Onondaga's County Committee elects two: the third finisher had 23 of the 104 votes for the
// office, so the target is 23/104 + 0.03 of the expected ballots.
TEST(MakePlan, ASeatThatElectsTwoIsWonByBeatingTheThirdFinisher) {
  const model::SeatKey cicero{"NY", "County Committee", "Town of Cicero District 22", "Onondaga"};
  model::Race race = MakePrimary(cicero, {2018, 9, 13}, 104, 4, OfficeLevel::kParty, 0.3, "REP");
  race.seats = 2;
  race.candidates.clear();
  for (const auto& [name, votes] :
       std::vector<std::pair<std::string, int64_t>>{{"Mark R Venesky", 33},
                                                    {"Mary Ellen Venesky", 28},
                                                    {"Paul F Becallo", 23},
                                                    {"Rosemary Becallo", 20}}) {
    model::CandidateResult candidate;
    candidate.name = name;
    candidate.votes = votes;
    race.candidates.push_back(candidate);
  }
  const auto plan = MakePlan(race, {}, {}, PlanAssumptions{});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_NEAR(plan->share_target, 23.0 / 104.0 + 0.03, 1e-12);
  EXPECT_EQ(plan->expected.win_number, 27);  // ceil(104 x 0.2512) = ceil(26.12)
  EXPECT_NE(plan->share_target_basis.find("beat finisher number 3"), std::string::npos)
      << plan->share_target_basis;
}

}  // namespace
}  // namespace downballot::analysis
