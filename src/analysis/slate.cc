#include "analysis/slate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "analysis/primary_fields.h"
#include "analysis/probability_scores.h"

namespace downballot::analysis {
namespace {

constexpr double kSafeLean = 15.0;
constexpr double kFavouredLean = 5.0;
constexpr int kLargestFieldBand = 5;  // fields of 5 or more share one stratum

struct CandidacyContext {
  std::string seat;
  std::string lean;
  int field_band = 0;
};

WinRate MakeWinRate(int64_t won, int64_t decided) {
  WinRate rate;
  rate.decided = decided;
  rate.won = won;
  rate.rate = decided > 0 ? static_cast<double>(won) / static_cast<double>(decided) : 0.0;
  const WilsonInterval interval = WilsonScoreInterval(won, decided);
  rate.low = interval.low;
  rate.high = interval.high;
  return rate;
}

struct Tally {
  int64_t endorsed = 0;
  int64_t decided = 0;
  int64_t won = 0;
  void Add(const model::PrimaryCandidacy& candidacy) {
    ++endorsed;
    if (candidacy.won_primary.has_value()) {
      ++decided;
      if (*candidacy.won_primary) ++won;
    }
  }
};

double Logit(double p) { return std::log(p / (1.0 - p)); }
double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

using Stratum = std::tuple<int, std::string, std::string, int, std::string>;

}  // namespace

std::string SeatStatus(const model::PrimaryCandidacy& candidacy, bool race_has_incumbent) {
  if (candidacy.incumbent == true) return "incumbent";
  if (candidacy.incumbent_challenger == true || race_has_incumbent) return "vs incumbent";
  return "open seat";
}

std::string LeanBand(const model::PrimaryCandidacy& candidacy) {
  if (!candidacy.partisan_lean.has_value()) return "unknown";
  const double lean =
      candidacy.party == "REP" ? -*candidacy.partisan_lean : *candidacy.partisan_lean;
  if (lean >= kSafeLean) return "safe";
  if (lean >= kFavouredLean) return "favoured";
  if (lean > -kFavouredLean) return "swing";
  if (lean > -kSafeLean) return "uphill";
  return "hostile";
}

std::vector<SlateSummary> ScoreSlates(std::span<const model::PrimaryCandidacy> candidacies) {
  // Each candidacy's race context: seat status, lean band and field size.
  std::vector<CandidacyContext> context(candidacies.size());
  for (const PrimaryRace& race : GroupPrimaries(candidacies)) {
    const bool has_incumbent =
        std::any_of(race.candidacies.begin(), race.candidacies.end(),
                    [&](size_t idx) { return candidacies[idx].incumbent == true; });
    const int field_band = std::min(static_cast<int>(race.candidacies.size()), kLargestFieldBand);
    for (size_t idx : race.candidacies) {
      context[idx] = {SeatStatus(candidacies[idx], has_incumbent), LeanBand(candidacies[idx]),
                      field_band};
    }
  }

  // Win rates of every candidate, per stratum and per cycle and party: the reference.
  std::map<Stratum, Tally> strata;
  std::map<std::pair<int, std::string>, Tally> references;
  for (size_t idx = 0; idx < candidacies.size(); ++idx) {
    const model::PrimaryCandidacy& c = candidacies[idx];
    strata[{c.cycle, c.party, context[idx].seat, context[idx].field_band, context[idx].lean}].Add(
        c);
    references[{c.cycle, c.party}].Add(c);
  }
  const auto stratum_rate = [&](size_t idx) {
    const model::PrimaryCandidacy& c = candidacies[idx];
    const Tally& tally =
        strata[{c.cycle, c.party, context[idx].seat, context[idx].field_band, context[idx].lean}];
    return tally.decided > 0 ? static_cast<double>(tally.won) / static_cast<double>(tally.decided)
                             : 0.0;
  };

  struct GroupState {
    SlateSummary summary;
    double expected = 0;
    std::map<std::pair<std::string, std::string>, Tally> splits;
    std::vector<std::pair<std::string, std::string>> split_order;
  };
  std::map<std::tuple<int, std::string, std::string>, size_t> index_of_group;
  std::vector<GroupState> groups;
  for (size_t idx = 0; idx < candidacies.size(); ++idx) {
    const model::PrimaryCandidacy& c = candidacies[idx];
    for (const model::EndorsementCell& cell : c.endorsements) {
      auto [it, is_new] =
          index_of_group.emplace(std::make_tuple(c.cycle, c.party, cell.group), groups.size());
      if (is_new) {
        GroupState state;
        state.summary.group = cell.group;
        state.summary.cycle = c.cycle;
        state.summary.party = c.party;
        state.summary.is_party_committee = cell.is_party_committee;
        groups.push_back(std::move(state));
      }
      GroupState& group = groups[it->second];
      switch (cell.value) {
        case model::Endorsement::kNo:
          ++group.summary.backed_opponent;
          continue;
        case model::Endorsement::kNotTracked:
          ++group.summary.not_tracked;
          continue;
        case model::Endorsement::kYes:
          break;
      }
      ++group.summary.endorsed;
      if (c.won_primary.has_value()) {
        ++group.summary.result.decided;
        if (*c.won_primary) ++group.summary.result.won;
        group.expected += stratum_rate(idx);
      }
      for (const auto& split : {std::pair<std::string, std::string>{"office", NormalizedOffice(c)},
                                std::pair<std::string, std::string>{"seat", context[idx].seat},
                                std::pair<std::string, std::string>{"lean", context[idx].lean}}) {
        if (!group.splits.contains(split)) group.split_order.push_back(split);
        group.splits[split].Add(c);
      }
    }
  }

  std::vector<SlateSummary> summaries;
  for (GroupState& group : groups) {
    SlateSummary& summary = group.summary;
    summary.result = MakeWinRate(summary.result.won, summary.result.decided);
    const Tally& reference = references[{summary.cycle, summary.party}];
    summary.reference_rate = reference.decided > 0 ? static_cast<double>(reference.won) /
                                                         static_cast<double>(reference.decided)
                                                   : 0.0;
    summary.expected_wins = group.expected;
    if (summary.result.decided > 0) {
      summary.expected_rate = group.expected / static_cast<double>(summary.result.decided);
    }
    if (group.expected > 0) {
      summary.observed_over_expected = static_cast<double>(summary.result.won) / group.expected;
      // Odds of the endorsees against the odds of comparable candidates, moved onto the
      // average candidate's odds; half-counts keep 0 and 100% rates finite.
      const double decided = static_cast<double>(summary.result.decided);
      const double observed = (static_cast<double>(summary.result.won) + 0.5) / (decided + 1.0);
      const double expected = (group.expected + 0.5) / (decided + 1.0);
      const double average = std::clamp(summary.reference_rate, 1e-6, 1.0 - 1e-6);
      summary.adjusted_rate = Logistic(Logit(average) + Logit(observed) - Logit(expected));
    }
    std::sort(group.split_order.begin(), group.split_order.end());
    for (const auto& key : group.split_order) {
      const Tally& tally = group.splits[key];
      summary.splits.push_back(
          SlateSplit{key.first, key.second, tally.endorsed, MakeWinRate(tally.won, tally.decided)});
    }
    summaries.push_back(std::move(summary));
  }
  std::stable_sort(summaries.begin(), summaries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.cycle, a.party) < std::tie(b.cycle, b.party);
  });
  return summaries;
}

}  // namespace downballot::analysis
