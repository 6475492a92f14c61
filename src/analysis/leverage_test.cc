#include "analysis/leverage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace downballot::analysis {
namespace {

model::LineVotes Line(std::string candidate, std::string party, std::string party_raw,
                      int64_t votes) {
  return model::LineVotes{std::move(candidate), std::move(party), std::move(party_raw), false,
                          votes};
}

model::LineVotes WriteIn(int64_t votes) { return model::LineVotes{"", "", "", true, votes}; }

model::GeneralContest Contest(std::string id, std::vector<model::LineVotes> lines) {
  model::GeneralContest contest;
  contest.contest_id = std::move(id);
  contest.source = "medsl";
  contest.source_file = "x.csv";
  contest.year = 2018;
  contest.state = "NY";
  contest.office = "U.S. House";
  contest.district = "1";
  contest.stage = "gen";
  contest.lines = std::move(lines);
  return contest;
}

// NY-1 2018 from MEDSL's lines (district_overall_2018.csv 331-338).
model::GeneralContest NewYorkFirst() {
  return Contest("medsl.2018.ny.u-s-house.1",
                 {
                     Line("Perry Gershon", "DEM", "democrat", 124213),
                     Line("Lee M. Zeldin", "REP", "republican", 121562),
                     Line("Lee M. Zeldin", "CON", "conservative", 14284),
                     Line("Perry Gershon", "WOR", "working families", 3778),
                     Line("Kate M. Browning", "WEP", "women's equality", 2988),
                     Line("Lee M. Zeldin", "IND", "independence", 2693),
                     Line("Lee M. Zeldin", "REF", "reform", 488),
                     WriteIn(47),
                 });
}

TEST(Leverage, NewYorkFirstByHand) {
  const std::vector<model::GeneralContest> contests = {NewYorkFirst()};
  const LeverageResult result = ComputeLeverage(contests);
  EXPECT_TRUE(result.uncontested_contest_ids.empty());
  ASSERT_EQ(result.rows.size(), 6u);  // CON, WOR, WEP, IND, REF, ALL

  // Zeldin 121,562 + 14,284 + 2,693 + 488; Gershon 124,213 + 3,778; margin 11,036.
  for (const LeverageRow& row : result.rows) {
    SCOPED_TRACE(row.line_party);
    EXPECT_EQ(row.contest_id, "medsl.2018.ny.u-s-house.1");
    EXPECT_EQ(row.source, "medsl");
    EXPECT_EQ(row.year, 2018);
    EXPECT_EQ(row.state, "NY");
    EXPECT_EQ(row.office, "U.S. House");
    EXPECT_EQ(row.district, "1");
    EXPECT_EQ(row.winner, "Lee M. Zeldin");
    EXPECT_EQ(row.winner_party, "REP");
    EXPECT_EQ(row.winner_votes, 139027);
    EXPECT_EQ(row.runner_up, "Perry Gershon");
    EXPECT_EQ(row.runner_up_party, "DEM");
    EXPECT_EQ(row.runner_up_votes, 127991);
    EXPECT_EQ(row.margin, 11036);
    EXPECT_FALSE(row.is_tie);
    EXPECT_TRUE(row.is_complete);
    ASSERT_TRUE(row.ratio.has_value());
    EXPECT_DOUBLE_EQ(*row.ratio, static_cast<double>(row.line_votes) / 11036.0);
  }

  const LeverageRow& con = result.rows[0];
  EXPECT_EQ(con.line_party, "CON");
  EXPECT_EQ(con.line_party_raw, "conservative");
  EXPECT_EQ(con.line_votes, 14284);
  EXPECT_EQ(con.line_candidates, std::vector<std::string>{"Lee M. Zeldin"});
  EXPECT_EQ(con.backs, LineBacking::kWinner);
  EXPECT_TRUE(con.is_fusion);
  EXPECT_NEAR(*con.ratio, 1.2943, 1e-4);
  EXPECT_TRUE(con.exceeds_margin);

  const LeverageRow& wor = result.rows[1];
  EXPECT_EQ(wor.line_party, "WOR");
  EXPECT_EQ(wor.line_votes, 3778);
  EXPECT_EQ(wor.backs, LineBacking::kRunnerUp);
  EXPECT_TRUE(wor.is_fusion);
  EXPECT_FALSE(wor.exceeds_margin);

  const LeverageRow& wep = result.rows[2];
  EXPECT_EQ(wep.line_party, "WEP");
  EXPECT_EQ(wep.line_votes, 2988);
  EXPECT_EQ(wep.line_candidates, std::vector<std::string>{"Kate M. Browning"});
  EXPECT_EQ(wep.backs, LineBacking::kOwnCandidate);
  EXPECT_FALSE(wep.is_fusion);
  EXPECT_FALSE(wep.exceeds_margin);

  EXPECT_EQ(result.rows[3].line_party, "IND");
  EXPECT_EQ(result.rows[3].line_votes, 2693);
  EXPECT_EQ(result.rows[3].backs, LineBacking::kWinner);
  EXPECT_EQ(result.rows[4].line_party, "REF");
  EXPECT_EQ(result.rows[4].line_votes, 488);

  // All minor lines: 14,284 + 3,778 + 2,988 + 2,693 + 488; the write-in line is not one.
  const LeverageRow& all = result.rows[5];
  EXPECT_EQ(all.line_party, "ALL");
  EXPECT_EQ(all.line_party_raw, "");
  EXPECT_EQ(all.line_votes, 24231);
  EXPECT_EQ(all.line_candidates,
            (std::vector<std::string>{"Lee M. Zeldin", "Perry Gershon", "Kate M. Browning"}));
  EXPECT_EQ(all.backs, LineBacking::kMixed);
  EXPECT_TRUE(all.is_fusion);
  EXPECT_NEAR(*all.ratio, 2.1956, 1e-4);
  EXPECT_TRUE(all.exceeds_margin);
}

TEST(Leverage, TieHasNoRatioButEveryMinorVoteExceedsIt) {
  const std::vector<model::GeneralContest> contests = {
      Contest("tie",
              {Line("Bea Bee", "REP", "republican", 100), Line("Al Aye", "DEM", "democrat", 100),
               Line("Cy Sea", "GRN", "green", 5), WriteIn(3)}),
      Contest("tie-no-minor",
              {Line("Al Aye", "DEM", "democrat", 7), Line("Bea Bee", "REP", "republican", 7)}),
  };
  const LeverageResult result = ComputeLeverage(contests);
  ASSERT_EQ(result.rows.size(), 3u);
  const LeverageRow& green = result.rows[0];
  EXPECT_TRUE(green.is_tie);
  EXPECT_EQ(green.margin, 0);
  EXPECT_FALSE(green.ratio.has_value());
  EXPECT_TRUE(green.exceeds_margin);
  // A tie for first is broken by name only to fill the fields; is_tie says nobody is known.
  EXPECT_EQ(green.winner, "Al Aye");
  EXPECT_EQ(green.runner_up, "Bea Bee");
  EXPECT_EQ(green.backs, LineBacking::kOwnCandidate);

  const LeverageRow& none = result.rows[2];
  EXPECT_EQ(none.contest_id, "tie-no-minor");
  EXPECT_EQ(none.line_party, "ALL");
  EXPECT_EQ(none.line_votes, 0);
  EXPECT_TRUE(none.line_candidates.empty());
  EXPECT_EQ(none.backs, LineBacking::kNone);
  EXPECT_FALSE(none.ratio.has_value());
  EXPECT_FALSE(none.exceeds_margin);
}

TEST(Leverage, UncontestedContestsAreListedWithoutRows) {
  const std::vector<model::GeneralContest> contests = {
      // Unopposed on two lines, plus write-ins: one candidate.
      Contest("unopposed",
              {Line("Jose E. Serrano", "DEM", "democrat", 150000),
               Line("Jose E. Serrano", "WOR", "working families", 5000), WriteIn(900)}),
      Contest("only-write-ins", {WriteIn(12)}),
      Contest("empty", {}),
      Contest("contested", {Line("A", "DEM", "democrat", 2), Line("B", "REP", "republican", 1)}),
  };
  const LeverageResult result = ComputeLeverage(contests);
  EXPECT_EQ(result.uncontested_contest_ids,
            (std::vector<std::string>{"unopposed", "only-write-ins", "empty"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].contest_id, "contested");
  EXPECT_EQ(result.rows[0].line_party, "ALL");
  ASSERT_TRUE(result.rows[0].ratio.has_value());
  EXPECT_DOUBLE_EQ(*result.rows[0].ratio, 0.0);
}

TEST(Leverage, IndependentWinnerOnHisOwnLine) {
  // Maine's 2018 Senate race in MEDSL: King ran as an independent; "Others" has no party.
  model::GeneralContest maine =
      Contest("medsl.2018.me.u-s-senate",
              {Line("Angus S. King, Jr.", "INDEPENDENT", "independent", 344575),
               Line("Eric L. Brakey", "REP", "republican", 223502),
               Line("Zak Ringelstein", "DEM", "democrat", 66268), Line("Others", "", "", 64)});
  maine.state = "ME";
  maine.office = "U.S. Senate";
  maine.district = "";
  const std::vector<model::GeneralContest> contests = {maine};
  const LeverageResult result = ComputeLeverage(contests);
  ASSERT_EQ(result.rows.size(), 2u);
  const LeverageRow& king = result.rows[0];
  EXPECT_EQ(king.winner, "Angus S. King, Jr.");
  EXPECT_EQ(king.winner_party, "INDEPENDENT");
  EXPECT_EQ(king.runner_up, "Eric L. Brakey");
  EXPECT_EQ(king.margin, 121073);
  EXPECT_EQ(king.line_party, "INDEPENDENT");
  EXPECT_EQ(king.line_votes, 344575);
  EXPECT_EQ(king.backs, LineBacking::kWinner);
  EXPECT_FALSE(king.is_fusion);
  EXPECT_TRUE(king.exceeds_margin);
  // "Others" is a candidate line without a party, so it is not a minor line.
  EXPECT_EQ(result.rows[1].line_votes, 344575);
  EXPECT_EQ(result.rows[1].backs, LineBacking::kWinner);
}

TEST(Leverage, ThirdPartyCandidateLargerThanTheMargin) {
  // Arizona's 2018 Senate race: the Green candidate's votes exceed Sinema's margin.
  const std::vector<model::GeneralContest> contests = {Contest(
      "medsl.2018.az.u-s-senate", {Line("Kyrsten Sinema", "DEM", "democrat", 1191100),
                                   Line("Martha McSally", "REP", "republican", 1135200),
                                   Line("Angela Green", "GRN", "green", 57442), WriteIn(566)})};
  const LeverageResult result = ComputeLeverage(contests);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].line_party, "GRN");
  EXPECT_EQ(result.rows[0].margin, 55900);
  EXPECT_EQ(result.rows[0].backs, LineBacking::kOwnCandidate);
  EXPECT_NEAR(*result.rows[0].ratio, 1.0276, 1e-4);
  EXPECT_TRUE(result.rows[0].exceeds_margin);
}

TEST(Leverage, BackingOfThirdPlaceAndSharedLines) {
  const std::vector<model::GeneralContest> contests = {
      Contest("c", {
                       Line("Ann Winner", "REP", "republican", 100),
                       Line("Xavier Second", "INDEPENDENT", "independent", 60),
                       Line("Yolanda Fourth", "INDEPENDENT", "Independent", 5),
                       Line("Carl Third", "DEM", "democrat", 40),
                       Line("Carl Third", "WOR", "working families", 10),
                       // Another spelling of the winner's name on a fusion line is the same person.
                       Line("ANN WINNER", "CON", "conservative", 3),
                       // MN's DFL is the Democratic line: not a minor line.
                       Line("Dee Eff", "DEM", "democratic-farmer-labor", 1),
                   })};
  const LeverageResult result = ComputeLeverage(contests);
  ASSERT_EQ(result.rows.size(), 4u);  // INDEPENDENT, WOR, CON, ALL
  const LeverageRow& independent = result.rows[0];
  EXPECT_EQ(independent.winner, "Ann Winner");
  EXPECT_EQ(independent.winner_votes, 103);
  EXPECT_EQ(independent.runner_up, "Xavier Second");
  EXPECT_EQ(independent.runner_up_party, "INDEPENDENT");
  EXPECT_EQ(independent.margin, 43);
  EXPECT_EQ(independent.line_party, "INDEPENDENT");
  EXPECT_EQ(independent.line_party_raw, "independent; Independent");
  EXPECT_EQ(independent.line_votes, 65);
  EXPECT_EQ(independent.line_candidates,
            (std::vector<std::string>{"Xavier Second", "Yolanda Fourth"}));
  EXPECT_EQ(independent.backs, LineBacking::kMixed);
  EXPECT_FALSE(independent.is_fusion);
  EXPECT_TRUE(independent.exceeds_margin);

  EXPECT_EQ(result.rows[1].line_party, "WOR");
  EXPECT_EQ(result.rows[1].backs, LineBacking::kOtherCandidate);
  EXPECT_TRUE(result.rows[1].is_fusion);
  EXPECT_EQ(result.rows[2].line_party, "CON");
  // Named as on the candidate's largest line.
  EXPECT_EQ(result.rows[2].line_candidates, std::vector<std::string>{"Ann Winner"});
  EXPECT_EQ(result.rows[2].backs, LineBacking::kWinner);
  EXPECT_EQ(result.rows[3].line_votes, 78);
  EXPECT_EQ(result.rows[3].backs, LineBacking::kMixed);
}

TEST(Leverage, CandidatesWithoutPartyHaveNoMinorLine) {
  // MEDSL 2018 gives Alabama-5's candidates no party (NA).
  model::GeneralContest contest = Contest(
      "medsl.2018.al.u-s-house.5",
      {Line("Mo Brooks", "", "", 159063), Line("Peter Joffrion", "", "", 101388), WriteIn(222)});
  contest.is_complete = false;
  const std::vector<model::GeneralContest> contests = {contest};
  const LeverageResult result = ComputeLeverage(contests);
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].winner_party, "");
  EXPECT_EQ(result.rows[0].margin, 57675);
  EXPECT_EQ(result.rows[0].line_votes, 0);
  EXPECT_FALSE(result.rows[0].is_complete);
}

TEST(Leverage, NamesEveryBacking) {
  EXPECT_EQ(ToString(LineBacking::kWinner), "winner");
  EXPECT_EQ(ToString(LineBacking::kRunnerUp), "runner_up");
  EXPECT_EQ(ToString(LineBacking::kOwnCandidate), "own_candidate");
  EXPECT_EQ(ToString(LineBacking::kOtherCandidate), "other_candidate");
  EXPECT_EQ(ToString(LineBacking::kMixed), "mixed");
  EXPECT_EQ(ToString(LineBacking::kNone), "none");
}

}  // namespace
}  // namespace downballot::analysis
