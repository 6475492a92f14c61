#include "analysis/fte_cross_check.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/candidate_name.h"
#include "analysis/primary_fields.h"

namespace downballot::analysis {
namespace {

constexpr double kPercent = 100.0;

bool IsPrimaryOf(const model::Race& race, const model::PrimaryCandidacy& candidacy,
                 bool is_special) {
  const model::ElectionStage stage =
      is_special ? model::ElectionStage::kSpecialPrimary : model::ElectionStage::kPrimary;
  // A top-two state's primary is one race of every party: it has no party.
  return race.key.stage == stage && race.key.seat.state == candidacy.state &&
         candidacy.primary_date.has_value() && race.key.date == *candidacy.primary_date &&
         race.key.seat.office == NormalizedOffice(candidacy) &&
         (race.key.party == candidacy.party || race.key.party.empty()) &&
         (race.key.seat.office != "U.S. House" ||
          race.key.seat.district == NormalizedDistrict(candidacy));
}

// FiveThirtyEight's shares have one decimal, so a candidate it lists below 0.05 points rounds
// to 0.0 and may be missing from the race: a race that omits such a candidate still agrees.
constexpr double kNegligiblePoints = 0.05;

// The candidate of `race` that `name` names: the same key, else the one candidate a typo away,
// else the one with the same last name and initial (North Carolina's ballot says "DD Adams",
// FiveThirtyEight "Denise Adams").
const model::CandidateResult* FindCandidate(const model::Race& race, const std::string& name) {
  for (const model::CandidateResult& candidate : race.candidates) {
    if (IsSameCandidate(candidate.name, name)) return &candidate;
  }
  const std::string key = CandidateKey(name);
  for (const auto is_close : {IsNearMatch, IsSameLastNameAndInitial}) {
    const model::CandidateResult* near = nullptr;
    int num_close = 0;
    for (const model::CandidateResult& candidate : race.candidates) {
      if (!is_close(CandidateKey(candidate.name), key)) continue;
      near = &candidate;
      ++num_close;
    }
    if (num_close == 1) return near;
    if (num_close > 1) return nullptr;
  }
  return nullptr;
}

int NumNamed(const model::Race& race, const std::vector<std::string>& names) {
  int count = 0;
  for (const std::string& name : names) count += FindCandidate(race, name) != nullptr ? 1 : 0;
  return count;
}

}  // namespace

std::string_view ToString(FteVerdict verdict) {
  switch (verdict) {
    case FteVerdict::kAgrees:
      return "agrees";
    case FteVerdict::kSharesDiffer:
      return "shares_differ";
    case FteVerdict::kWinnerDiffers:
      return "winner_differs";
    case FteVerdict::kNotComparable:
      return "not_comparable";
    case FteVerdict::kCandidateMissing:
      return "candidate_missing";
  }
  return "unknown";
}

std::vector<FteComparison> CompareWithFiveThirtyEight(
    std::span<const model::Race> races, std::span<const model::PrimaryCandidacy> candidacies,
    double tolerance_points) {
  std::vector<FteComparison> comparisons;
  for (const PrimaryRace& primary : GroupPrimaries(candidacies)) {
    const std::string& office = primary.office;
    if (office != "U.S. House" && office != "U.S. Senate" && office != "Governor") continue;
    std::vector<std::string> names;
    bool has_share = false;
    for (const size_t idx : primary.candidacies) {
      names.push_back(candidacies[idx].candidate);
      has_share = has_share || candidacies[idx].primary_pct.has_value();
    }
    if (!has_share) continue;
    const model::PrimaryCandidacy& first = candidacies[primary.candidacies.front()];
    const model::Race* race = nullptr;
    int best_named = 0;
    for (const model::Race& candidate_race : races) {
      if (!IsPrimaryOf(candidate_race, first, primary.is_special)) continue;
      const int named = NumNamed(candidate_race, names);
      if (named > best_named) {
        race = &candidate_race;
        best_named = named;
      }
    }
    if (race == nullptr) continue;

    FteComparison comparison;
    comparison.fte_race = primary.race_id;
    comparison.race_id = race->id;
    // FiveThirtyEight's winner is the nominee: where a runoff decided the primary, its winner.
    const model::Race* decider = race;
    if (!race->decided_by_race_id.empty()) {
      for (const model::Race& runoff : races) {
        if (runoff.id == race->decided_by_race_id) decider = &runoff;
      }
    }
    const model::CandidateResult* our_winner = nullptr;
    for (const model::CandidateResult& candidate : decider->candidates) {
      if (candidate.is_winner) our_winner = &candidate;
    }
    if (our_winner != nullptr) comparison.our_winner = our_winner->name;
    const double candidate_votes = static_cast<double>(race->candidate_votes);
    const double office_votes = static_cast<double>(race->candidate_votes + race->write_in_votes);
    bool is_missing = false;
    for (const size_t idx : primary.candidacies) {
      const model::PrimaryCandidacy& candidacy = candidacies[idx];
      if (candidacy.won_primary.value_or(false)) comparison.fte_winner = candidacy.candidate;
      if (!candidacy.primary_pct) continue;
      FteCandidateShares shares;
      shares.candidate = candidacy.candidate;
      shares.fte_points = *candidacy.primary_pct;
      if (const model::CandidateResult* found = FindCandidate(*race, candidacy.candidate)) {
        const model::CandidateResult& ours = *found;
        shares.is_found = true;
        const double votes = static_cast<double>(ours.votes);
        const double of_candidates = candidate_votes > 0 ? kPercent * votes / candidate_votes : 0;
        const double of_office = office_votes > 0 ? kPercent * votes / office_votes : 0;
        shares.our_points =
            std::fabs(of_candidates - shares.fte_points) <= std::fabs(of_office - shares.fte_points)
                ? of_candidates
                : of_office;
      }
      is_missing = is_missing || (!shares.is_found && shares.fte_points >= kNegligiblePoints);
      if (shares.is_found) {
        comparison.worst_points =
            std::max(comparison.worst_points, std::fabs(shares.our_points - shares.fte_points));
      }
      comparison.shares.push_back(std::move(shares));
    }
    const bool is_whole = race->completeness == model::Completeness::kComplete;
    const bool same_winner =
        comparison.fte_winner.empty() ||
        (our_winner != nullptr && FindCandidate(*decider, comparison.fte_winner) == our_winner);
    if (!is_whole) {
      comparison.verdict = FteVerdict::kNotComparable;
    } else if (!same_winner) {
      comparison.verdict = FteVerdict::kWinnerDiffers;
    } else if (is_missing) {
      comparison.verdict = FteVerdict::kCandidateMissing;
    } else if (comparison.worst_points > tolerance_points) {
      comparison.verdict = FteVerdict::kSharesDiffer;
    }
    comparisons.push_back(std::move(comparison));
  }
  std::sort(comparisons.begin(), comparisons.end(),
            [](const FteComparison& a, const FteComparison& b) {
              return a.race_id != b.race_id ? a.race_id < b.race_id : a.fte_race < b.fte_race;
            });
  return comparisons;
}

}  // namespace downballot::analysis
