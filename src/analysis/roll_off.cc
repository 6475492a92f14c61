#include "analysis/roll_off.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "fmt/format.h"

namespace downballot::analysis {
namespace {

constexpr std::string_view kHouse = "U.S. House";
constexpr std::string_view kSenate = "U.S. Senate";

// "gen" is MEDSL's general stage; sources that hold only general elections leave it empty.
bool IsGeneralStage(const model::GeneralContest& contest) {
  return contest.stage.empty() || contest.stage == "gen";
}

int64_t SumVotes(const model::GeneralContest& contest) {
  int64_t total = 0;
  for (const model::LineVotes& line : contest.lines) total += line.votes;
  return total;
}

struct StateKey {
  std::string source;
  int year = 0;
  std::string state;

  bool operator<(const StateKey& other) const {
    return std::tie(source, year, state) < std::tie(other.source, other.year, other.state);
  }
};

struct StateContests {
  std::vector<const model::GeneralContest*> house;
  std::vector<const model::GeneralContest*> senate;
};

std::vector<std::string> SourceFiles(const std::vector<const model::GeneralContest*>& contests) {
  std::set<std::string> files;
  for (const model::GeneralContest* contest : contests) files.insert(contest->source_file);
  return {files.begin(), files.end()};
}

void CheckState(const StateKey& key, const StateContests& state, const RollOffOptions& options,
                std::vector<RollOffIssue>& issues) {
  if (state.house.empty() || state.senate.empty()) return;
  RollOffIssue issue;
  issue.check = RollOffCheck::kHouseVsSenate;
  issue.source = key.source;
  issue.year = key.year;
  issue.state = key.state;
  bool is_complete = true;
  for (const model::GeneralContest* house : state.house) {
    issue.house_votes += SumVotes(*house);
    issue.contest_ids.push_back(house->contest_id);
    is_complete = is_complete && house->is_complete;
  }
  const model::GeneralContest* senate = nullptr;
  for (const model::GeneralContest* candidate : state.senate) {
    const int64_t votes = SumVotes(*candidate);
    if (senate == nullptr || votes > issue.senate_votes) {
      senate = candidate;
      issue.senate_votes = votes;
    }
  }
  issue.contest_ids.push_back(senate->contest_id);
  is_complete = is_complete && senate->is_complete;
  std::vector<const model::GeneralContest*> involved = state.house;
  involved.push_back(senate);
  issue.source_files = SourceFiles(involved);

  if (issue.senate_votes == 0) {
    issue.severity = RollOffSeverity::kError;
    issue.message = fmt::format(
        "{} {}: the U.S. Senate contest {} has no votes, so the {} U.S. House votes cannot be "
        "checked against it",
        key.state, key.year, senate->contest_id, issue.house_votes);
    issues.push_back(std::move(issue));
    return;
  }
  const double ratio =
      static_cast<double>(issue.house_votes) / static_cast<double>(issue.senate_votes);
  issue.ratio = ratio;
  if (ratio > options.max_ratio) {
    issue.severity = RollOffSeverity::kError;
    issue.message = fmt::format(
        "{} {}: {} U.S. House contests have {} votes, {:.2f} times the {} of the U.S. Senate "
        "contest (more than {:.2f}): House votes are likely counted twice",
        key.state, key.year, state.house.size(), issue.house_votes, ratio, issue.senate_votes,
        options.max_ratio);
    issues.push_back(std::move(issue));
  } else if (ratio < options.min_ratio && is_complete) {
    issue.severity = RollOffSeverity::kWarning;
    issue.message = fmt::format(
        "{} {}: {} U.S. House contests have {} votes, {:.2f} times the {} of the U.S. Senate "
        "contest (less than {:.2f}): House districts or voting modes may be missing",
        key.state, key.year, state.house.size(), issue.house_votes, ratio, issue.senate_votes,
        options.min_ratio);
    issues.push_back(std::move(issue));
  }
}

void CheckReportedTotal(const model::GeneralContest& contest, const RollOffOptions& options,
                        std::vector<RollOffIssue>& issues) {
  if (contest.reported_total_votes <= 0) return;
  const int64_t counted = SumVotes(contest);
  const double share =
      static_cast<double>(counted) / static_cast<double>(contest.reported_total_votes);
  RollOffIssue issue;
  if (counted > contest.reported_total_votes) {
    issue.severity = RollOffSeverity::kError;
    issue.check = RollOffCheck::kVotesAboveReportedTotal;
    issue.message = fmt::format("{}: its lines sum to {} votes, more than the file's total of {}",
                                contest.contest_id, counted, contest.reported_total_votes);
  } else if (share < options.min_share_of_reported_total &&
             2 * counted == contest.reported_total_votes) {
    // MEDSL's 2018 House totals for Delaware and Florida: the candidates' lines match the
    // official returns and the total is exactly twice them.
    issue.severity = RollOffSeverity::kWarning;
    issue.check = RollOffCheck::kVotesBelowReportedTotal;
    issue.message = fmt::format(
        "{}: its lines sum to {} votes, exactly half of the file's total of {}: the file's "
        "total counts each vote twice, not a sign of missing lines",
        contest.contest_id, counted, contest.reported_total_votes);
  } else if (share < options.min_share_of_reported_total) {
    issue.severity = RollOffSeverity::kWarning;
    issue.check = RollOffCheck::kVotesBelowReportedTotal;
    issue.message = fmt::format(
        "{}: its lines sum to {} votes, {:.2f} of the file's total of {} (less than {:.2f}): "
        "lines are missing or the total covers more than this contest",
        contest.contest_id, counted, share, contest.reported_total_votes,
        options.min_share_of_reported_total);
  } else {
    return;
  }
  issue.source = contest.source;
  issue.year = contest.year;
  issue.state = contest.state;
  issue.ratio = share;
  issue.counted_votes = counted;
  issue.reported_total_votes = contest.reported_total_votes;
  issue.contest_ids = {contest.contest_id};
  issue.source_files = {contest.source_file};
  issues.push_back(std::move(issue));
}

}  // namespace

std::string_view ToString(RollOffSeverity severity) {
  switch (severity) {
    case RollOffSeverity::kError:
      return "error";
    case RollOffSeverity::kWarning:
      return "warning";
  }
  return "warning";
}

std::string_view ToString(RollOffCheck check) {
  switch (check) {
    case RollOffCheck::kHouseVsSenate:
      return "house_vs_senate";
    case RollOffCheck::kVotesAboveReportedTotal:
      return "votes_above_reported_total";
    case RollOffCheck::kVotesBelowReportedTotal:
      return "votes_below_reported_total";
  }
  return "house_vs_senate";
}

std::vector<RollOffIssue> CheckRollOff(std::span<const model::GeneralContest> contests,
                                       const RollOffOptions& options) {
  std::vector<RollOffIssue> issues;
  std::map<StateKey, StateContests> by_state;
  std::set<std::string> seen_ids;
  for (const model::GeneralContest& contest : contests) {
    CheckReportedTotal(contest, options, issues);
    if (!IsGeneralStage(contest)) continue;
    // MEDSL's county file repeats contests of its district file under the same id; counting
    // both would double those states' House votes.
    if (!seen_ids.insert(contest.contest_id).second) continue;
    const StateKey key{contest.source, contest.year, contest.state};
    // A special House election fills a vacancy in a district that also votes for the regular
    // seat, so adding it would count those voters twice.
    if (contest.office == kHouse && !contest.is_special) by_state[key].house.push_back(&contest);
    if (contest.office == kSenate) by_state[key].senate.push_back(&contest);
  }
  for (const auto& [key, state] : by_state) CheckState(key, state, options, issues);
  std::stable_sort(issues.begin(), issues.end(), [](const RollOffIssue& a, const RollOffIssue& b) {
    return std::tie(a.source, a.year, a.state, a.check, a.contest_ids.front()) <
           std::tie(b.source, b.year, b.state, b.check, b.contest_ids.front());
  });
  return issues;
}

}  // namespace downballot::analysis
