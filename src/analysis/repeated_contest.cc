#include "analysis/repeated_contest.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "analysis/candidate_name.h"

namespace downballot::analysis {
namespace {

std::map<std::string, int64_t> VotesByKey(const model::Race& race) {
  std::map<std::string, int64_t> votes;
  for (const model::CandidateResult& candidate : race.candidates) {
    votes[CandidateKey(candidate.name)] += candidate.votes;
  }
  return votes;
}

bool IsClose(int64_t a, int64_t b, double max_relative_difference) {
  const int64_t larger = std::max(a, b);
  return larger == 0 || static_cast<double>(std::llabs(a - b)) <=
                            max_relative_difference * static_cast<double>(larger);
}

}  // namespace

std::vector<RepeatedContest> FindRepeatedContests(std::span<const model::Race> races,
                                                  double max_relative_difference) {
  // Primaries of any kind compare with each other, generals with generals; runoffs never.
  std::map<std::tuple<model::SeatKey, std::string, bool, int>, std::vector<const model::Race*>>
      groups;
  for (const model::Race& race : races) {
    if (model::IsRunoffStage(race.key.stage) || race.candidates.size() < 2) continue;
    groups[{race.key.seat, race.key.party, model::IsPartyStage(race.key.stage), race.key.date.year}]
        .push_back(&race);
  }
  std::vector<RepeatedContest> found;
  for (auto& [key, group] : groups) {
    std::sort(group.begin(), group.end(),
              [](const model::Race* a, const model::Race* b) { return a->key.date < b->key.date; });
    for (size_t later = 1; later < group.size(); ++later) {
      const std::map<std::string, int64_t> later_votes = VotesByKey(*group[later]);
      for (size_t earlier = 0; earlier < later; ++earlier) {
        if (group[earlier]->key.date == group[later]->key.date) continue;
        const std::map<std::string, int64_t> earlier_votes = VotesByKey(*group[earlier]);
        if (earlier_votes.size() != later_votes.size()) continue;
        bool is_same = true;
        for (const auto& [name, votes] : later_votes) {
          const auto it = earlier_votes.find(name);
          is_same = is_same && it != earlier_votes.end() &&
                    IsClose(votes, it->second, max_relative_difference);
        }
        if (!is_same) continue;
        found.push_back(RepeatedContest{group[later]->key.seat.state, group[later]->id,
                                        group[earlier]->id, group[later]->candidate_votes,
                                        group[earlier]->candidate_votes});
        break;
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const RepeatedContest& a, const RepeatedContest& b) {
    return a.race_id < b.race_id;
  });
  return found;
}

}  // namespace downballot::analysis
