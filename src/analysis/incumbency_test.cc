#include "analysis/incumbency.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/race.h"

namespace downballot::analysis {
namespace {

using model::ElectionStage;
using model::OfficeLevel;

const model::SeatKey kAssembly99{"NY", "State Assembly", "99", ""};
const model::SeatKey kCommittee{"NY", "County Committee", "46023", "New York"};

// A race whose candidates are given best first; the first is the winner unless `has_winner`
// is false (a tie).
model::Race MakeRace(const model::SeatKey& seat, base::Date date, ElectionStage stage,
                     const std::string& party, OfficeLevel level,
                     const std::vector<std::string>& names, bool has_winner = true) {
  model::Race race;
  race.key = model::RaceKey{seat, date, stage, party};
  race.id = model::MakeRaceId(race.key);
  race.level = level;
  int64_t votes = 1000;
  for (const std::string& name : names) {
    model::CandidateResult candidate;
    candidate.name = name;
    candidate.votes = votes;
    votes -= 100;
    race.candidates.push_back(candidate);
  }
  if (has_winner && !race.candidates.empty()) race.candidates[0].is_winner = true;
  race.field_size = static_cast<int>(names.size());
  race.is_contested = names.size() >= 2;
  return race;
}

struct WantIncumbency {
  std::string incumbent;
  bool has_incumbent;
  bool is_open_seat;
  std::string flagged;  // the candidate marked is_incumbent, "" for none
};

void ExpectIncumbency(const model::Race& race, const WantIncumbency& want) {
  SCOPED_TRACE(race.id);
  EXPECT_EQ(race.incumbent, want.incumbent);
  EXPECT_EQ(race.has_incumbent, want.has_incumbent);
  EXPECT_EQ(race.is_open_seat, want.is_open_seat);
  std::string flagged;
  for (const model::CandidateResult& candidate : race.candidates) {
    if (!candidate.is_incumbent) continue;
    EXPECT_TRUE(flagged.empty()) << "two incumbents flagged";
    flagged = candidate.name;
  }
  EXPECT_EQ(flagged, want.flagged);
}

// The 2016 general's winner holds Assembly 99 in 2018: the DEM primary has him on the ballot
// under a shorter spelling; the REP primary does not, so it is open; the 2016 general itself
// has no earlier general loaded, so its incumbency is unknown.
TEST(ApplyIncumbency, TakesTheIncumbentFromThePreviousGeneral) {
  std::vector<model::Race> races = {
      MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "DEM", OfficeLevel::kState,
               {"Jane Roe", "Thomas DiNapoli"}),
      MakeRace(kAssembly99, {2016, 11, 8}, ElectionStage::kGeneral, "", OfficeLevel::kState,
               {"Thomas P. DiNapoli", "Rick Rep"}),
      MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "REP", OfficeLevel::kState,
               {"Rick Rep"}),
      MakeRace(kAssembly99, {2012, 11, 6}, ElectionStage::kGeneral, "", OfficeLevel::kState,
               {"Old Holder"}),
  };
  ApplyIncumbency(races);
  ExpectIncumbency(races[0], {"Thomas P. DiNapoli", true, false, "Thomas DiNapoli"});
  ExpectIncumbency(races[1], {"Old Holder", false, true, ""});
  ExpectIncumbency(races[2], {"Thomas P. DiNapoli", false, true, ""});
  ExpectIncumbency(races[3], {"", false, false, ""});
}

// Party seats have no general: the same party's previous primary decides. The REP seat of the
// same name is a different post, and a general of the seat (should one exist) is ignored.
TEST(ApplyIncumbency, UsesTheSamePartysPreviousPrimaryForPartySeats) {
  std::vector<model::Race> races = {
      MakeRace(kCommittee, {2016, 9, 13}, ElectionStage::kPrimary, "DEM", OfficeLevel::kParty,
               {"Ann Lee", "Bo Dean"}),
      MakeRace(kCommittee, {2016, 9, 13}, ElectionStage::kPrimary, "REP", OfficeLevel::kParty,
               {"Carl Fox", "Dee Fox"}),
      MakeRace(kCommittee, {2017, 11, 7}, ElectionStage::kGeneral, "", OfficeLevel::kParty,
               {"Someone Else"}),
      MakeRace(kCommittee, {2018, 9, 13}, ElectionStage::kPrimary, "DEM", OfficeLevel::kParty,
               {"ANN LEE", "Eve Park"}),
      MakeRace(kCommittee, {2018, 9, 13}, ElectionStage::kPrimary, "REP", OfficeLevel::kParty,
               {"Gus Hall", "Ann Lee"}),
  };
  ApplyIncumbency(races);
  ExpectIncumbency(races[0], {"", false, false, ""});
  ExpectIncumbency(races[3], {"Ann Lee", true, false, "ANN LEE"});
  ExpectIncumbency(races[4], {"Carl Fox", false, true, ""});
}

TEST(ApplyIncumbency, LeavesIncumbencyUnknownWhenThePreviousResultIsUnreliable) {
  struct Case {
    std::string name;
    model::Race previous;
  };
  model::Race partial = MakeRace(kAssembly99, {2016, 11, 8}, ElectionStage::kGeneral, "",
                                 OfficeLevel::kState, {"Ann Lee", "Bo Dean"});
  partial.completeness = model::Completeness::kPartial;
  const Case cases[] = {
      {"partial count may name the wrong winner", partial},
      {"tie has no winner",
       MakeRace(kAssembly99, {2016, 11, 8}, ElectionStage::kGeneral, "", OfficeLevel::kState,
                {"Ann Lee", "Bo Dean"}, /*has_winner=*/false)},
      {"a primary does not fill a non-party seat",
       MakeRace(kAssembly99, {2016, 9, 13}, ElectionStage::kPrimary, "DEM", OfficeLevel::kState,
                {"Ann Lee"})},
      {"a later general does not count",
       MakeRace(kAssembly99, {2018, 11, 6}, ElectionStage::kGeneral, "", OfficeLevel::kState,
                {"Ann Lee"})},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<model::Race> races = {
        c.previous, MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "DEM",
                             OfficeLevel::kState, {"Ann Lee"})};
    races[1].incumbent = "stale";
    races[1].has_incumbent = true;
    races[1].candidates[0].is_incumbent = true;
    ApplyIncumbency(races);
    ExpectIncumbency(races[1], {"", false, false, ""});
  }
}

// The most recent seat-filling race wins: a 2017 special after the 2016 general, and on one
// date a general over a special.
TEST(ApplyIncumbency, UsesTheMostRecentGeneralOrSpecial) {
  std::vector<model::Race> races = {
      MakeRace(kAssembly99, {2016, 11, 8}, ElectionStage::kGeneral, "", OfficeLevel::kState,
               {"Ann Lee"}),
      MakeRace(kAssembly99, {2017, 4, 18}, ElectionStage::kSpecial, "", OfficeLevel::kState,
               {"Bo Dean"}),
      MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "DEM", OfficeLevel::kState,
               {"Bo Dean", "Ann Lee"}),
      MakeRace(kAssembly99, {2018, 11, 6}, ElectionStage::kSpecial, "", OfficeLevel::kState,
               {"Special Winner"}),
      MakeRace(kAssembly99, {2018, 11, 6}, ElectionStage::kGeneral, "", OfficeLevel::kState,
               {"General Winner"}),
      MakeRace(kAssembly99, {2019, 2, 1}, ElectionStage::kSpecial, "", OfficeLevel::kState,
               {"General Winner"}),
  };
  ApplyIncumbency(races);
  ExpectIncumbency(races[2], {"Bo Dean", true, false, "Bo Dean"});
  ExpectIncumbency(races[5], {"General Winner", true, false, "General Winner"});
}

// An exact spelling beats a loose match; otherwise only the top loose match is flagged.
TEST(ApplyIncumbency, FlagsOneCandidatePerRace) {
  std::vector<model::Race> races = {
      MakeRace(kAssembly99, {2016, 11, 8}, ElectionStage::kGeneral, "", OfficeLevel::kState,
               {"John B. Smith"}),
      MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "DEM", OfficeLevel::kState,
               {"John A. Smith", "John B. Smith"}),
      MakeRace(kAssembly99, {2018, 6, 26}, ElectionStage::kPrimary, "REP", OfficeLevel::kState,
               {"John Smith", "John C Smith"}),
  };
  ApplyIncumbency(races);
  ExpectIncumbency(races[1], {"John B. Smith", true, false, "John B. Smith"});
  ExpectIncumbency(races[2], {"John B. Smith", true, false, "John Smith"});
  // Running it again changes nothing.
  ApplyIncumbency(races);
  ExpectIncumbency(races[1], {"John B. Smith", true, false, "John B. Smith"});
}

}  // namespace
}  // namespace downballot::analysis

namespace downballot::analysis {
namespace {

// Onondaga's County Committee elects two per district: both winners hold the seat, and the next
// primary has an incumbent when either runs.
TEST(ApplyIncumbency, ASeatThatElectsTwoHasTwoIncumbents) {
  const model::SeatKey cicero{"NY", "County Committee", "Town of Cicero District 22", "Onondaga"};
  model::Race earlier =
      MakeRace(cicero, {2016, 9, 13}, model::ElectionStage::kPrimary, "REP",
               model::OfficeLevel::kParty, {"Mark Venesky", "Mary Venesky", "Al"});
  earlier.candidates[1].is_winner = true;
  const model::Race later = MakeRace(cicero, {2018, 9, 13}, model::ElectionStage::kPrimary, "REP",
                                     model::OfficeLevel::kParty, {"Paul Becallo", "Mary Venesky"});
  std::vector<model::Race> races = {earlier, later};
  ApplyIncumbency(races);
  EXPECT_EQ(races[1].incumbent, "Mark Venesky; Mary Venesky");
  EXPECT_TRUE(races[1].has_incumbent);
  EXPECT_FALSE(races[1].is_open_seat);
  EXPECT_TRUE(races[1].candidates[1].is_incumbent);
  EXPECT_FALSE(races[1].candidates[0].is_incumbent);
}

TEST(ApplyIncumbency, AConflictingRaceSaysNothingAboutIncumbency) {
  model::Race earlier = MakeRace(kAssembly99, {2016, 11, 8}, model::ElectionStage::kGeneral, "",
                                 model::OfficeLevel::kState, {"Michael DenDekker"});
  model::Race later = MakeRace(kAssembly99, {2018, 9, 13}, model::ElectionStage::kPrimary, "DEM",
                               model::OfficeLevel::kState, {"Alessandra Biaggi"});
  later.completeness = model::Completeness::kConflicting;
  std::vector<model::Race> races = {earlier, later};
  ApplyIncumbency(races);
  EXPECT_EQ(races[1].incumbent, "");
  EXPECT_FALSE(races[1].is_open_seat);
}

}  // namespace
}  // namespace downballot::analysis
