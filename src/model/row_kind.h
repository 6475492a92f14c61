// What one line of returns counts: a candidate's votes, or a turnout figure ("pseudo row").
#pragma once

#include <optional>
#include <string_view>

namespace downballot::model {

// OpenElections files mix real candidates with rows that count ballots, not votes for a person
// (docs/results.md lists every spelling recognised). Only kCandidate rows are candidacies.
enum class RowKind {
  kCandidate,         // votes for a named candidate on one party line
  kWriteIn,           // Scattering, Write-ins, Opportunity to Ballot: votes for the office
  kBlankVoid,         // blank, void, spoiled ballots for the office
  kOverVote,          // over votes for the office
  kUnderVote,         // under votes for the office
  kBallotsCast,       // ballots cast / public counter / total ballots
  kRegisteredVoters,  // enrolled or registered voters
  kBallotType,        // NYC ballot-type sub-counts: Emergency, Absentee/Military, Affidavit, ...
  kTotalVotes,        // a printed total of the votes for the office
  // Repeats another row of the same file (docs/results.md "Repeats and sub-tabulations").
  kRepeat,
};

// "candidate", "write_in", "blank_void", "over_vote", "under_vote", "ballots_cast",
// "registered_voters", "ballot_type", "total_votes", "repeat".
[[nodiscard]] std::string_view ToString(RowKind kind);
[[nodiscard]] std::optional<RowKind> ParseRowKind(std::string_view text);

// True for the kinds that are votes cast for the office (candidates and write-ins).
[[nodiscard]] bool IsVoteForOffice(RowKind kind);

}  // namespace downballot::model
