#include "analysis/leverage.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "analysis/candidate_name.h"
#include "model/party.h"

namespace downballot::analysis {
namespace {

constexpr std::string_view kDemocratic = "DEM";
constexpr std::string_view kRepublican = "REP";
constexpr std::string_view kAllMinorLines = "ALL";

bool IsMajorParty(std::string_view party) { return party == kDemocratic || party == kRepublican; }

bool IsCandidateLine(const model::LineVotes& line) {
  return !line.is_write_in && !line.candidate.empty();
}

bool IsMinorLine(const model::LineVotes& line) {
  return IsCandidateLine(line) && !line.party.empty() && line.party != model::kNonpartisan &&
         !IsMajorParty(line.party);
}

struct Candidate {
  std::string name;
  int64_t total_votes = 0;
  int64_t largest_line_votes = -1;  // the line whose spelling names the candidate
  std::map<std::string, int64_t> votes_by_party;
  bool has_major_line = false;
  LineBacking backing = LineBacking::kOwnCandidate;
};

// DEM or REP when the candidate has such a line (the larger if both, as when a New York
// candidate is cross-endorsed), else the party of the candidate's largest line.
std::string MainParty(const Candidate& candidate) {
  std::string best;
  int64_t best_votes = -1;
  bool is_best_major = false;
  for (const auto& [party, votes] : candidate.votes_by_party) {
    const bool is_major = IsMajorParty(party);
    if (std::tie(is_major, votes) > std::tie(is_best_major, best_votes)) {
      best = party;
      best_votes = votes;
      is_best_major = is_major;
    }
  }
  return best;
}

struct MinorLine {
  std::string party;
  std::vector<std::string> raw_spellings;
  int64_t votes = 0;
  std::map<std::string, int64_t> votes_by_candidate_key;
};

// Candidate names on a line (or on all minor lines), most votes first, then by name.
std::vector<std::string> NamesByVotes(const std::map<std::string, int64_t>& votes_by_key,
                                      const std::map<std::string, Candidate>& candidates) {
  std::vector<std::pair<int64_t, std::string>> ordered;
  for (const auto& [key, votes] : votes_by_key) {
    ordered.emplace_back(votes, candidates.at(key).name);
  }
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> names;
  for (auto& [votes, name] : ordered) names.push_back(std::move(name));
  return names;
}

// The one backing all the candidates in `votes_by_key` share, else kMixed; kNone for none.
LineBacking CommonBacking(const std::map<std::string, int64_t>& votes_by_key,
                          const std::map<std::string, Candidate>& candidates) {
  std::set<LineBacking> backings;
  for (const auto& [key, votes] : votes_by_key) backings.insert(candidates.at(key).backing);
  if (backings.empty()) return LineBacking::kNone;
  return backings.size() == 1 ? *backings.begin() : LineBacking::kMixed;
}

bool HasFusion(const std::map<std::string, int64_t>& votes_by_key,
               const std::map<std::string, Candidate>& candidates) {
  return std::any_of(votes_by_key.begin(), votes_by_key.end(),
                     [&](const auto& entry) { return candidates.at(entry.first).has_major_line; });
}

void AddContestRows(const model::GeneralContest& contest, LeverageResult& result) {
  std::map<std::string, Candidate> candidates;  // by SpellingKey
  for (const model::LineVotes& line : contest.lines) {
    if (!IsCandidateLine(line)) continue;
    Candidate& candidate = candidates[SpellingKey(line.candidate)];
    if (line.votes > candidate.largest_line_votes) {
      candidate.name = line.candidate;
      candidate.largest_line_votes = line.votes;
    }
    candidate.total_votes += line.votes;
    candidate.votes_by_party[line.party] += line.votes;
    if (IsMajorParty(line.party)) candidate.has_major_line = true;
  }
  if (candidates.size() < 2) {
    result.uncontested_contest_ids.push_back(contest.contest_id);
    return;
  }

  std::vector<std::pair<std::string, Candidate*>> ranked;
  for (auto& [key, candidate] : candidates) ranked.emplace_back(key, &candidate);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second->total_votes != b.second->total_votes) {
      return a.second->total_votes > b.second->total_votes;
    }
    return std::tie(a.second->name, a.first) < std::tie(b.second->name, b.first);
  });
  for (auto& [key, candidate] : ranked) {
    candidate->backing =
        candidate->has_major_line ? LineBacking::kOtherCandidate : LineBacking::kOwnCandidate;
  }
  Candidate& winner = *ranked[0].second;
  Candidate& runner_up = *ranked[1].second;
  winner.backing = LineBacking::kWinner;
  runner_up.backing = LineBacking::kRunnerUp;

  LeverageRow base;
  base.contest_id = contest.contest_id;
  base.source = contest.source;
  base.year = contest.year;
  base.state = contest.state;
  base.office = contest.office;
  base.district = contest.district;
  base.is_special = contest.is_special;
  base.winner = winner.name;
  base.winner_party = MainParty(winner);
  base.winner_votes = winner.total_votes;
  base.runner_up = runner_up.name;
  base.runner_up_party = MainParty(runner_up);
  base.runner_up_votes = runner_up.total_votes;
  base.margin = winner.total_votes - runner_up.total_votes;
  base.is_tie = base.margin == 0;
  base.is_complete = contest.is_complete;
  base.seats = contest.seats;
  const auto finish = [&](LeverageRow& row) {
    if (!row.is_tie) {
      row.ratio = static_cast<double>(row.line_votes) / static_cast<double>(row.margin);
    }
    // Integers decide, so a tie (margin 0) needs no special case and no rounding can flip it.
    // A margin from some of a contest's counties, or between two of several winners, is not
    // the margin that decides a seat: such rows are shown, never flagged.
    row.exceeds_margin = row.line_votes > row.margin && contest.is_complete && contest.seats == 1;
  };

  std::map<std::string, MinorLine> minor_lines;  // by party code
  std::map<std::string, int64_t> all_minor_votes_by_key;
  for (const model::LineVotes& line : contest.lines) {
    if (!IsMinorLine(line)) continue;
    MinorLine& minor = minor_lines[line.party];
    minor.party = line.party;
    if (std::find(minor.raw_spellings.begin(), minor.raw_spellings.end(), line.party_raw) ==
        minor.raw_spellings.end()) {
      minor.raw_spellings.push_back(line.party_raw);
    }
    minor.votes += line.votes;
    const std::string key = SpellingKey(line.candidate);
    minor.votes_by_candidate_key[key] += line.votes;
    all_minor_votes_by_key[key] += line.votes;
  }
  std::vector<const MinorLine*> ordered;
  for (const auto& [party, minor] : minor_lines) ordered.push_back(&minor);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const MinorLine* a, const MinorLine* b) { return a->votes > b->votes; });

  int64_t all_minor_votes = 0;
  for (const MinorLine* minor : ordered) {
    LeverageRow row = base;
    row.line_party = minor->party;
    for (const std::string& spelling : minor->raw_spellings) {
      if (!row.line_party_raw.empty()) row.line_party_raw += "; ";
      row.line_party_raw += spelling;
    }
    row.line_votes = minor->votes;
    row.line_candidates = NamesByVotes(minor->votes_by_candidate_key, candidates);
    row.backs = CommonBacking(minor->votes_by_candidate_key, candidates);
    row.is_fusion = HasFusion(minor->votes_by_candidate_key, candidates);
    finish(row);
    all_minor_votes += minor->votes;
    result.rows.push_back(std::move(row));
  }

  LeverageRow all = base;
  all.line_party = std::string(kAllMinorLines);
  all.line_votes = all_minor_votes;
  all.line_candidates = NamesByVotes(all_minor_votes_by_key, candidates);
  all.backs = CommonBacking(all_minor_votes_by_key, candidates);
  all.is_fusion = HasFusion(all_minor_votes_by_key, candidates);
  finish(all);
  result.rows.push_back(std::move(all));
}

}  // namespace

std::string_view ToString(LineBacking backing) {
  switch (backing) {
    case LineBacking::kWinner:
      return "winner";
    case LineBacking::kRunnerUp:
      return "runner_up";
    case LineBacking::kOwnCandidate:
      return "own_candidate";
    case LineBacking::kOtherCandidate:
      return "other_candidate";
    case LineBacking::kMixed:
      return "mixed";
    case LineBacking::kNone:
      return "none";
  }
  return "none";
}

LeverageResult ComputeLeverage(std::span<const model::GeneralContest> contests) {
  LeverageResult result;
  for (const model::GeneralContest& contest : contests) AddContestRows(contest, result);
  return result;
}

}  // namespace downballot::analysis
