#include "ingest/pseudo_row_classifier.h"

#include <gtest/gtest.h>

namespace downballot::ingest {
namespace {

using model::RowKind;

TEST(PseudoRowClassifier, RecognisesEveryLabelSeenInTheData) {
  struct Case {
    const char* name;
    RowKind want;
  };
  const Case cases[] = {
      {"Public Counter", RowKind::kBallotsCast},
      {"Ballots", RowKind::kBallotsCast},
      {"Ballots Cast", RowKind::kBallotsCast},
      {"Total Ballots", RowKind::kBallotsCast},
      {"State Ballots", RowKind::kBallotsCast},
      {"Federal Ballots", RowKind::kBallotsCast},
      {"Turnout", RowKind::kBallotsCast},
      {"Total", RowKind::kTotalVotes},
      {"Total Votes", RowKind::kTotalVotes},
      {"total votes", RowKind::kTotalVotes},
      {"Federal Votes", RowKind::kTotalVotes},
      {"Registered Voters", RowKind::kRegisteredVoters},
      {"Voter Registration", RowKind::kRegisteredVoters},
      {"Blank", RowKind::kBlankVoid},
      {"blank", RowKind::kBlankVoid},
      {"Blanks", RowKind::kBlankVoid},
      {"Void", RowKind::kBlankVoid},
      {"Voids", RowKind::kBlankVoid},
      {"Blank/Void", RowKind::kBlankVoid},
      {"Blanks/Void", RowKind::kBlankVoid},
      {"Voids/Blanks", RowKind::kBlankVoid},
      {"Blank & Void", RowKind::kBlankVoid},
      {"Blank Votes", RowKind::kBlankVoid},
      {"Blank\xC2\xA0Votes", RowKind::kBlankVoid},
      {"Over", RowKind::kOverVote},
      {"over", RowKind::kOverVote},
      {"Over Votes", RowKind::kOverVote},
      {"OVER VOTES", RowKind::kOverVote},
      {"Overvotes", RowKind::kOverVote},
      {"OverVotes", RowKind::kOverVote},
      {"Overvote", RowKind::kOverVote},
      {"Under", RowKind::kUnderVote},
      {"under", RowKind::kUnderVote},
      {"Under Votes", RowKind::kUnderVote},
      {"Undervotes", RowKind::kUnderVote},
      {"UnderVotes", RowKind::kUnderVote},
      {"Undervote", RowKind::kUnderVote},
      {"Under/Over Votes", RowKind::kUnderVote},
      {"Scattering", RowKind::kWriteIn},
      {"Scattered", RowKind::kWriteIn},
      {"Scatter", RowKind::kWriteIn},
      {"scatter", RowKind::kWriteIn},
      {"Scatterings", RowKind::kWriteIn},
      {"Write-ins", RowKind::kWriteIn},
      {"Write-Ins", RowKind::kWriteIn},
      {"Write-in", RowKind::kWriteIn},
      {"write-in", RowKind::kWriteIn},
      {"writein", RowKind::kWriteIn},
      {"Write In", RowKind::kWriteIn},
      {"WRITE-IN", RowKind::kWriteIn},
      {"Unqualified Write-ins", RowKind::kWriteIn},
      {"Unattributable", RowKind::kWriteIn},
      {"Opportunity To Ballot", RowKind::kWriteIn},
      {"IRREGULAR", RowKind::kWriteIn},
      {"IRREGULA", RowKind::kWriteIn},
      {"Tbd Tbd", RowKind::kWriteIn},
      {"Emergency", RowKind::kBallotType},
      {"Manually Counted Emergency", RowKind::kBallotType},
      {"Absentee/Military", RowKind::kBallotType},
      {"Absentee / Military", RowKind::kBallotType},
      {"Absentee", RowKind::kBallotType},
      {"Affidavit", RowKind::kBallotType},
      {"Federal", RowKind::kBallotType},
      {"Special Presidential", RowKind::kBallotType},
      {"Machine", RowKind::kBallotType},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ClassifyCandidate(c.name), c.want);
  }
}

TEST(PseudoRowClassifier, NormalisesCaseSpacingAndPunctuation) {
  struct Case {
    const char* name;
    RowKind want;
  };
  const Case cases[] = {
      {"  BLANK   /  VOID ", RowKind::kBlankVoid},
      {"blank-void", RowKind::kBlankVoid},
      {"Write\xC2\xA0In", RowKind::kWriteIn},
      {"WRITE_INS", RowKind::kWriteIn},
      {"Ballots Cast - REPUBLICAN PARTY", RowKind::kBallotsCast},
      {"Void (Dem)", RowKind::kBlankVoid},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ClassifyCandidate(c.name), c.want);
  }
}

TEST(PseudoRowClassifier, ReadsWriteInLabelsInOrBeforeParentheses) {
  // North Carolina 2018: named write-ins and the rest of the write-in vote.
  EXPECT_EQ(ClassifyCandidate("Mike Smith (Write-In)"), model::RowKind::kWriteIn);
  EXPECT_EQ(ClassifyCandidate("Write-In (Miscellaneous)"), model::RowKind::kWriteIn);
  EXPECT_EQ(ClassifyCandidate("Blank (Write-In)"), model::RowKind::kWriteIn);
  EXPECT_EQ(ClassifyCandidate("Patricia (Pat) Edwards"), model::RowKind::kCandidate);
  EXPECT_EQ(ClassifyOfficeLabel("BALLOTS CAST - BLANK"), model::RowKind::kBlankVoid);
}

TEST(PseudoRowClassifier, NeverMatchesPartOfARealName) {
  for (const char* name :
       {"Kenneth Blankenbush", "Earnestine Glover", "Vito L Poveromo", "Darrell Castle",
        "Maria Castro", "Jeanne M Castaldini", "Anthony E Di Blanda", "Ted Total",
        "Hillary Clinton / Tim Kaine "
        "(Democratic)",
        "Federal Smith", "Void Johnson", ""}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(ClassifyCandidate(name), RowKind::kCandidate);
  }
}

TEST(PseudoRowClassifier, ClassifiesTurnoutLabelsInTheOfficeColumn) {
  EXPECT_EQ(ClassifyOfficeLabel("Ballots Cast"), RowKind::kBallotsCast);
  EXPECT_EQ(ClassifyOfficeLabel("BALLOTS CAST"), RowKind::kBallotsCast);
  EXPECT_EQ(ClassifyOfficeLabel("Registered Voters"), RowKind::kRegisteredVoters);
  EXPECT_EQ(ClassifyOfficeLabel("Ballots Cast - REPUBLICAN PARTY"), RowKind::kBallotsCast);
  EXPECT_EQ(ClassifyOfficeLabel("Governor"), std::nullopt);
  EXPECT_EQ(ClassifyOfficeLabel("Total"), std::nullopt);
  EXPECT_EQ(ClassifyOfficeLabel(""), std::nullopt);
}

}  // namespace
}  // namespace downballot::ingest
