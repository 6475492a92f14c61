// Sanity checks on general-election vote totals: a state's U.S. House votes against its U.S.
// Senate votes on the same ballot (roll-off), and each contest against the file's own total.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/general_return.h"

namespace downballot::analysis {

enum class RollOffSeverity { kError, kWarning };

enum class RollOffCheck {
  kHouseVsSenate,            // a state's House votes against its Senate votes
  kVotesAboveReportedTotal,  // a contest's lines sum to more than the file's total for it
  kVotesBelowReportedTotal,  // a contest's lines sum to well under the file's total for it
};

// "error", "warning".
[[nodiscard]] std::string_view ToString(RollOffSeverity severity);
// "house_vs_senate", "votes_above_reported_total", "votes_below_reported_total".
[[nodiscard]] std::string_view ToString(RollOffCheck check);

struct RollOffOptions {
  // House votes / Senate votes above this is an error. On one ballot fewer people vote for the
  // House than for the Senate (roll-off), and a state's House total is normally 0.9-1.05 of
  // its Senate total (MEDSL 2018: 0.91-1.01 in every state but California, doubled: 2.19,
  // Florida: 0.86 and Maryland: 0.64); a House total a quarter above the Senate's means votes
  // counted twice or from another election.
  double max_ratio = 1.25;
  // Below this is a warning, not an error: some states leave unopposed districts off the
  // returns (Florida 2018 lists 23 of its 27 seats: 0.86), which lowers the ratio legitimately;
  // only half the Senate total points to districts or voting modes missing.
  double min_ratio = 0.5;
  // A contest whose lines sum to less than this share of the file's total for it gets a
  // warning. MEDSL's totalvotes is the sum of the contest's lines in every 2018 House contest,
  // so a smaller sum means lost lines or a total that covers more than this contest.
  double min_share_of_reported_total = 0.9;
};

struct RollOffIssue {
  RollOffSeverity severity = RollOffSeverity::kWarning;
  RollOffCheck check = RollOffCheck::kHouseVsSenate;
  std::string source;
  int year = 0;
  std::string state;
  std::string message;       // lowercase, no trailing period, names the state or contest
  int64_t house_votes = 0;   // kHouseVsSenate: all lines of the state's regular House contests
  int64_t senate_votes = 0;  // kHouseVsSenate: all lines of the Senate contest compared
  // kHouseVsSenate: house_votes / senate_votes; the other checks: counted_votes /
  // reported_total_votes. Empty when the divisor is 0.
  std::optional<double> ratio;
  int64_t counted_votes = 0;              // the reported-total checks: the contest's lines summed
  int64_t reported_total_votes = 0;       // the reported-total checks: the file's total
  std::vector<std::string> contest_ids;   // the House contests then the Senate contest, or
                                          // the one contest checked
  std::vector<std::string> source_files;  // of those contests, sorted, without repeats
};

// Checks `contests`, all lines counted (write-in and blank/void ones too), and returns the
// issues sorted by source, year, state, check and first contest id.
//
// kHouseVsSenate, per (source, year, state) with both U.S. House and U.S. Senate contests of the
// general stage ("gen" or ""): the House votes are those of the regular (non-special) House
// contests; the Senate votes are those of the largest Senate contest, since when a state
// elects both seats (Minnesota and Mississippi 2018, one a special) every voter gets both
// races. A contest id seen before (the county and district files of MEDSL share ids) is
// compared once, as first given. A ratio above options.max_ratio is an error; below
// options.min_ratio a warning, unless some contest compared is incomplete (is_complete false),
// which explains a low ratio. A Senate contest without votes is an error with an empty ratio.
//
// kVotesAboveReportedTotal (error) and kVotesBelowReportedTotal (warning, below
// options.min_share_of_reported_total), per contest with a reported_total_votes above 0.
// Pure; thread-safe.
[[nodiscard]] std::vector<RollOffIssue> CheckRollOff(
    std::span<const model::GeneralContest> contests, const RollOffOptions& options);

}  // namespace downballot::analysis
