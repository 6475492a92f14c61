#include "analysis/race_rollup.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/candidate_name.h"

namespace downballot::analysis {
namespace {

using CountySpans = std::map<model::SeatKey, std::set<std::string>>;

bool HasLowercase(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Files disagree on case ("SUFFOLK" in the statewide county file, "Suffolk" in precinct files).
// A mixed-case spelling reads better; ties go to the smaller string so the choice does not
// depend on the order tallies arrive in.
void KeepBetterSpelling(std::string& current, const std::string& seen) {
  if (current.empty()) {
    current = seen;
    return;
  }
  const bool seen_mixed = HasLowercase(seen);
  const bool current_mixed = HasLowercase(current);
  if (seen_mixed != current_mixed ? seen_mixed : seen < current) current = seen;
}

struct RaceTallies {
  model::OfficeLevel level = model::OfficeLevel::kState;
  std::vector<const model::VoteTally*> tallies;
};

struct CountyTallies {
  std::string name;
  std::vector<const model::VoteTally*> county_level;
  std::vector<const model::VoteTally*> precinct_level;
};

struct CandidateSum {
  std::string name;
  int64_t votes = 0;
  std::map<std::string, int64_t> votes_by_line;
};

// County files and precinct sums should agree; a difference means one of them is missing
// precincts or was entered wrongly, so the user is told instead of silently trusting either.
void Reconcile(const std::string& race_id, const CountyTallies& county,
               std::vector<model::ReconciliationMismatch>& mismatches) {
  struct Pair {
    std::string name;
    int64_t county_file_votes = 0;
    int64_t precinct_sum_votes = 0;
  };
  std::map<std::string, Pair> by_candidate;
  for (const model::VoteTally* tally : county.county_level) {
    if (tally->kind != model::RowKind::kCandidate) continue;
    Pair& pair = by_candidate[SpellingKey(tally->candidate)];
    KeepBetterSpelling(pair.name, tally->candidate);
    pair.county_file_votes += tally->votes;
  }
  for (const model::VoteTally* tally : county.precinct_level) {
    if (tally->kind != model::RowKind::kCandidate) continue;
    Pair& pair = by_candidate[SpellingKey(tally->candidate)];
    KeepBetterSpelling(pair.name, tally->candidate);
    pair.precinct_sum_votes += tally->votes;
  }
  for (const auto& [key, pair] : by_candidate) {
    if (pair.county_file_votes == pair.precinct_sum_votes) continue;
    mismatches.push_back(model::ReconciliationMismatch{
        race_id, county.name, pair.name, pair.county_file_votes, pair.precinct_sum_votes});
  }
}

// A seat local to one county (jurisdiction set) is whole once that county is in. Otherwise
// the seat's span, learned from county-level files of any date, says which counties the race
// should have; without a span, precinct files cannot show whether counties are missing.
model::Completeness JudgeCompleteness(const model::SeatKey& seat,
                                      const std::set<std::string>& county_keys,
                                      int num_precinct_counties, const CountySpans& spans) {
  if (!seat.jurisdiction.empty() && county_keys.contains(SpellingKey(seat.jurisdiction))) {
    return model::Completeness::kComplete;
  }
  if (const auto span = spans.find(seat); span != spans.end()) {
    for (const std::string& county_key : span->second) {
      if (!county_keys.contains(county_key)) return model::Completeness::kPartial;
    }
    return model::Completeness::kComplete;
  }
  return num_precinct_counties == 0 ? model::Completeness::kComplete
                                    : model::Completeness::kUnverified;
}

void FillCandidates(std::map<std::string, CandidateSum>& sums, model::Race& race) {
  for (auto& [key, sum] : sums) {
    model::CandidateResult candidate;
    candidate.name = std::move(sum.name);
    candidate.votes = sum.votes;
    for (const auto& [party, votes] : sum.votes_by_line) {
      candidate.lines.push_back(model::PartyLineVotes{party, votes});
    }
    std::sort(candidate.lines.begin(), candidate.lines.end(),
              [](const model::PartyLineVotes& a, const model::PartyLineVotes& b) {
                return a.votes != b.votes ? a.votes > b.votes : a.party < b.party;
              });
    race.candidate_votes += candidate.votes;
    race.candidates.push_back(std::move(candidate));
  }
  std::sort(race.candidates.begin(), race.candidates.end(),
            [](const model::CandidateResult& a, const model::CandidateResult& b) {
              return a.votes != b.votes ? a.votes > b.votes : a.name < b.name;
            });

  const int64_t office_votes = race.candidate_votes + race.write_in_votes;
  for (size_t idx = 0; idx < race.candidates.size(); ++idx) {
    model::CandidateResult& candidate = race.candidates[idx];
    // Tied candidates share a rank (1, 1, 3): the returns do not order them.
    const bool ties_previous = idx > 0 && race.candidates[idx - 1].votes == candidate.votes;
    candidate.rank = ties_previous ? race.candidates[idx - 1].rank : static_cast<int>(idx) + 1;
    candidate.share = office_votes > 0
                          ? static_cast<double>(candidate.votes) / static_cast<double>(office_votes)
                          : 0.0;
  }

  race.field_size = static_cast<int>(race.candidates.size());
  race.is_contested = race.field_size >= 2;
  if (race.candidates.empty()) return;
  const model::CandidateResult& first = race.candidates[0];
  const bool is_tied = race.candidates.size() >= 2 && race.candidates[1].votes == first.votes;
  if (first.votes <= 0 || is_tied) return;
  race.candidates[0].is_winner = true;
  race.margin_votes =
      race.candidates.size() >= 2 ? first.votes - race.candidates[1].votes : first.votes;
  race.margin_share =
      office_votes > 0 ? static_cast<double>(race.margin_votes) / static_cast<double>(office_votes)
                       : 0.0;
}

model::Race BuildRace(const model::RaceKey& key, const RaceTallies& race_tallies,
                      const CountySpans& spans,
                      std::vector<model::ReconciliationMismatch>& mismatches) {
  model::Race race;
  race.key = key;
  race.id = model::MakeRaceId(key);
  race.level = race_tallies.level;

  std::map<std::string, CountyTallies> counties;
  // Spellings come from every file of the race, counted or not, so a candidate reads the same
  // whichever file happened to supply the votes.
  std::map<std::string, std::string> candidate_names;
  for (const model::VoteTally* tally : race_tallies.tallies) {
    CountyTallies& county = counties[SpellingKey(tally->county)];
    KeepBetterSpelling(county.name, tally->county);
    (tally->is_precinct_level ? county.precinct_level : county.county_level).push_back(tally);
    if (tally->kind == model::RowKind::kCandidate) {
      KeepBetterSpelling(candidate_names[SpellingKey(tally->candidate)], tally->candidate);
    }
  }

  std::map<std::string, CandidateSum> candidates;
  std::set<std::string> county_keys;
  for (const auto& [county_key, county] : counties) {
    // County and precinct files of one election overlap: for each kind of row, take the
    // county file's figures when it has any, so that no vote is counted twice. Per kind, not
    // per county, because NY's statewide county files carry candidates only, while the
    // precinct files also carry ballots-cast and blank rows that are not counted elsewhere.
    const bool has_county_level = !county.county_level.empty();
    if (has_county_level && !county.precinct_level.empty()) {
      Reconcile(race.id, county, mismatches);
    }
    county_keys.insert(county_key);
    race.counties.push_back(county.name);
    ++(has_county_level ? race.num_county_counties : race.num_precinct_counties);
    std::set<model::RowKind> county_level_kinds;
    for (const model::VoteTally* tally : county.county_level) county_level_kinds.insert(tally->kind);
    std::vector<const model::VoteTally*> counted = county.county_level;
    for (const model::VoteTally* tally : county.precinct_level) {
      if (!county_level_kinds.contains(tally->kind)) counted.push_back(tally);
    }
    for (const model::VoteTally* tally : counted) {
      switch (tally->kind) {
        case model::RowKind::kCandidate: {
          const std::string candidate_key = SpellingKey(tally->candidate);
          CandidateSum& sum = candidates[candidate_key];
          sum.name = candidate_names[candidate_key];
          sum.votes += tally->votes;
          sum.votes_by_line[tally->party] += tally->votes;
          break;
        }
        case model::RowKind::kWriteIn:
          race.write_in_votes += tally->votes;
          break;
        case model::RowKind::kBlankVoid:
        case model::RowKind::kOverVote:
        case model::RowKind::kUnderVote:
          race.blank_void += tally->votes;
          break;
        case model::RowKind::kBallotsCast:
          race.ballots_cast += tally->votes;
          break;
        case model::RowKind::kRegisteredVoters:
        case model::RowKind::kBallotType:
        case model::RowKind::kTotalVotes:
          // Registration is not a ballot; ballot-type sub-counts and printed totals would
          // count the same ballots again.
          break;
      }
    }
  }

  FillCandidates(candidates, race);
  race.ballots_for_office = race.candidate_votes + race.write_in_votes + race.blank_void;
  race.completeness = JudgeCompleteness(key.seat, county_keys, race.num_precinct_counties, spans);
  return race;
}

}  // namespace

RollupResult RollUpRaces(std::span<const model::VoteTally> tallies) {
  std::map<model::RaceKey, RaceTallies> by_race;
  CountySpans spans;
  for (const model::VoteTally& tally : tallies) {
    // Election-wide turnout rows carry no office: they are not a race.
    if (tally.race.seat.office.empty()) continue;
    // Printed totals ("Total", "Statewide Total", district totals with no county) repeat votes
    // counted elsewhere and name no real county, so they neither count nor shape a span.
    if (tally.kind == model::RowKind::kTotalVotes) continue;
    auto [entry, is_new] = by_race.try_emplace(tally.race);
    if (is_new) entry->second.level = tally.level;
    entry->second.tallies.push_back(&tally);
    if (!tally.is_precinct_level) {
      std::string county_key = SpellingKey(tally.county);
      if (!county_key.empty()) spans[tally.race.seat].insert(std::move(county_key));
    }
  }

  RollupResult result;
  result.races.reserve(by_race.size());
  for (const auto& [key, race_tallies] : by_race) {
    result.races.push_back(BuildRace(key, race_tallies, spans, result.mismatches));
  }
  std::sort(result.races.begin(), result.races.end(),
            [](const model::Race& a, const model::Race& b) {
              return a.id != b.id ? a.id < b.id : a.key < b.key;
            });
  std::sort(result.mismatches.begin(), result.mismatches.end(),
            [](const model::ReconciliationMismatch& a, const model::ReconciliationMismatch& b) {
              return std::tie(a.race_id, a.county, a.candidate) <
                     std::tie(b.race_id, b.county, b.candidate);
            });
  return result;
}

}  // namespace downballot::analysis
