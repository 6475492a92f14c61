#include "analysis/targeting_score.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::analysis {
namespace {

// Unknown facts score halfway: neither rewarded nor punished.
constexpr double kUnknownValue = 0.5;
// A nominee needs more than half the vote to win a two-way general.
constexpr double kMajorityShare = 0.5;

std::string Percent(double share) { return fmt::format("{:.1f}%", share * 100.0); }

// Counts round up; the relative slack absorbs floating error such as 1000 * 0.53 landing a hair
// above 530.
int64_t CeilCount(double value) {
  const double slack = 1e-9 * std::max(1.0, std::fabs(value));
  return static_cast<int64_t>(std::ceil(value - slack));
}

bool MatchesFilter(const model::Race& race, const TargetFilter& filter) {
  if (!filter.state.empty() && !base::EqualsIgnoreCase(filter.state, race.key.seat.state)) {
    return false;
  }
  if (filter.level && *filter.level != race.level) return false;
  return filter.party.empty() || base::EqualsIgnoreCase(filter.party, race.key.party);
}

const model::CandidateResult* Incumbent(const model::Race& race) {
  for (const model::CandidateResult& candidate : race.candidates) {
    if (candidate.is_incumbent) return &candidate;
  }
  return nullptr;
}

ScoreComponent OpenSeat(const model::Race& primary) {
  const std::string date = primary.key.date.ToIso();
  if (primary.is_open_seat) {
    return {"open_seat", 1.0, 0, 0,
            fmt::format("no incumbent on the {} primary ballot (seat last won by {})", date,
                        primary.incumbent)};
  }
  if (primary.has_incumbent) {
    return {"open_seat", 0.0, 0, 0,
            fmt::format("incumbent {} ran in the {} primary", primary.incumbent, date)};
  }
  // Not half an open seat: an unknown weighs nothing, so seats are not ranked by a guess.
  return {"open_seat",
          0.0,
          0,
          0,
          "incumbency unknown: no earlier election of this seat is loaded (weighs nothing)",
          false};
}

ScoreComponent UncontestedLastPrimary(const model::Race& primary) {
  if (!primary.is_contested) {
    const int seats = std::max(primary.seats, 1);
    return {"uncontested_last_primary", 1.0, 0, 0,
            seats > 1 ? fmt::format("{} named candidates for {} seats in the {} primary: no one "
                                    "lost",
                                    primary.field_size, seats, primary.key.date.ToIso())
                      : fmt::format("{} named candidate in the {} primary: nobody challenged",
                                    primary.field_size, primary.key.date.ToIso())};
  }
  return {"uncontested_last_primary", 0.0, 0, 0,
          fmt::format("{} named candidates in the {} primary", primary.field_size,
                      primary.key.date.ToIso())};
}

// `win_basis` says how win_number was found: "53.0% of 114 ballots for the office".
ScoreComponent SmallElectorate(const model::Race& primary, int64_t win_number,
                               const std::string& win_basis, const TargetWeights& weights) {
  if (primary.ballots_for_office <= 0) {
    return {"small_electorate", kUnknownValue, 0, 0,
            "no ballots recorded for the office: size unknown"};
  }
  const double value = weights.small_electorate_scale /
                       (weights.small_electorate_scale + static_cast<double>(win_number));
  return {"small_electorate", value, 0, 0,
          fmt::format("win number {} ({}); 0.5 at {}", win_number, win_basis,
                      weights.small_electorate_scale)};
}

ScoreComponent SafeSeat(const model::Race& primary, const model::Race* general,
                        const TargetWeights& weights) {
  if (primary.level == model::OfficeLevel::kParty) {
    return {"safe_seat", 1.0, 0, 0, "party seat: the primary decides it"};
  }
  if (primary.key.party.empty()) {
    return {"safe_seat", kUnknownValue, 0, 0, "nonpartisan primary: no party to measure"};
  }
  if (general == nullptr) {
    return {"safe_seat", kUnknownValue, 0, 0, "no general loaded for this seat"};
  }
  // A general counted from only some of its counties can show a landslide that the whole
  // district never gave (one county of a House seat), so it says nothing about safety.
  if (general->completeness != model::Completeness::kComplete) {
    return {"safe_seat", kUnknownValue, 0, 0,
            fmt::format("the {} general is {}: only some counties loaded",
                        general->key.date.ToIso(), model::ToString(general->completeness))};
  }
  // Fusion: a nominee's strength is all their lines, so count every candidate carrying the
  // party's line with all of their votes.
  int64_t nominee_votes = 0;
  for (const model::CandidateResult& candidate : general->candidates) {
    const bool carries_line = std::any_of(
        candidate.lines.begin(), candidate.lines.end(), [&](const model::PartyLineVotes& line) {
          return base::EqualsIgnoreCase(line.party, primary.key.party);
        });
    if (carries_line) nominee_votes += candidate.votes;
  }
  const int64_t office_votes = general->candidate_votes + general->write_in_votes;
  if (office_votes <= 0) {
    return {"safe_seat", kUnknownValue, 0, 0,
            fmt::format("the {} general recorded no votes", general->key.date.ToIso())};
  }
  const double share = static_cast<double>(nominee_votes) / static_cast<double>(office_votes);
  const double value =
      std::clamp((share - kMajorityShare) / (weights.safe_seat_share - kMajorityShare), 0.0, 1.0);
  return {"safe_seat", value, 0, 0,
          fmt::format("{} nominee won {} in the {} general (safe at {})", primary.key.party,
                      Percent(share), general->key.date.ToIso(), Percent(weights.safe_seat_share))};
}

ScoreComponent IncumbentWeakness(const model::Race& primary) {
  const model::CandidateResult* incumbent = Incumbent(primary);
  if (incumbent == nullptr) {
    return {"incumbent_weakness", 0.0, 0, 0,
            primary.incumbent.empty() ? std::string("incumbency unknown")
                                      : std::string("no incumbent on the ballot")};
  }
  if (!primary.is_contested) {
    return {"incumbent_weakness", 0.0, 0, 0,
            fmt::format("incumbent {} ran unopposed", incumbent->name)};
  }
  return {"incumbent_weakness", 1.0 - incumbent->share, 0, 0,
          fmt::format("incumbent {} {} with {} in a {}-candidate primary", incumbent->name,
                      incumbent->is_winner                  ? "won"
                      : !primary.decided_by_race_id.empty() ? "ran (a runoff decided it)"
                                                            : "lost",
                      Percent(incumbent->share), primary.field_size)};
}

ScoreComponent IncumbentBigDonors(const model::Race& primary,
                                  const std::optional<IncumbentMoney>& money) {
  if (!money || !money->has_individual_money) {
    return {"incumbent_big_donors", 0.0, 0, 0,
            primary.incumbent.empty()
                ? std::string("incumbency unknown")
                : fmt::format("no FEC individual money linked for {}", primary.incumbent)};
  }
  return {
      "incumbent_big_donors", 1.0 - money->small_share, 0, 0,
      fmt::format("{} ({}, cycle {}): {} of individual money from small donors", primary.incumbent,
                  money->cand_id, money->cycle, Percent(money->small_share))};
}

ScoreComponent IncumbentFinance(const model::Race& primary,
                                const std::optional<IncumbentMoney>& money) {
  if (!money || !money->has_categorized_money) {
    return {"incumbent_finance", 0.0, 0, 0,
            primary.incumbent.empty()
                ? std::string("incumbency unknown")
                : fmt::format("no coded FEC donor money linked for {}", primary.incumbent)};
  }
  return {"incumbent_finance", money->finance_share, 0, 0,
          fmt::format("{}: {} of categorized donor dollars from finance, insurance and real "
                      "estate ({} of dollars categorized)",
                      primary.incumbent, Percent(money->finance_share),
                      Percent(money->categorized_share))};
}

Target MakeTarget(const model::Race& primary, const model::Race* general,
                  const TargetWeights& weights, const IncumbentMoneyByRace& money_by_race) {
  Target target;
  target.seat_id = model::MakeSeatId(primary.key.seat);
  target.seat = primary.key.seat;
  target.level = primary.level;
  target.party = primary.key.party;
  target.last_race_id = primary.id;
  target.last_primary_date = primary.key.date;
  target.last_field_size = primary.field_size;
  target.last_ballots_for_office = primary.ballots_for_office;
  const size_t seats = static_cast<size_t>(std::max(primary.seats, 1));
  std::string win_basis;
  if (seats > 1) {
    // A seat that elects several is won by beating the first candidate not elected, as the
    // last primary ran (the plan forecasts it from comparable races instead).
    if (primary.candidates.size() > seats) {
      target.win_number = primary.candidates[seats].votes + 1;
      win_basis = fmt::format("one more than finisher number {}'s {} votes, {} seats", seats + 1,
                              primary.candidates[seats].votes, seats);
    } else {
      target.win_number = 1;
      win_basis =
          fmt::format("{} candidates for {} seats: any vote wins", primary.field_size, seats);
    }
  } else {
    target.win_number =
        CeilCount(static_cast<double>(primary.ballots_for_office) * weights.win_share_target);
    win_basis = fmt::format("{} of {} ballots for the office", Percent(weights.win_share_target),
                            primary.ballots_for_office);
  }
  if (general != nullptr) target.last_general_race_id = general->id;
  target.incumbent = primary.incumbent;
  if (const model::CandidateResult* incumbent = Incumbent(primary)) {
    target.incumbent_last_share = incumbent->share;
  }
  target.completeness = primary.completeness;
  std::optional<IncumbentMoney> money;
  if (const auto found = money_by_race.find(primary.id);
      found != money_by_race.end() && !primary.incumbent.empty()) {
    money = found->second;
  }

  const std::pair<ScoreComponent, double> scored[] = {
      {OpenSeat(primary), weights.open_seat},
      {UncontestedLastPrimary(primary), weights.uncontested_last_primary},
      {SmallElectorate(primary, target.win_number, win_basis, weights), weights.small_electorate},
      {SafeSeat(primary, general, weights), weights.safe_seat},
      {IncumbentWeakness(primary), weights.incumbent_weakness},
      {IncumbentBigDonors(primary, money), weights.incumbent_big_donors},
      {IncumbentFinance(primary, money), weights.incumbent_finance},
  };
  for (const auto& [component, weight] : scored) {
    ScoreComponent weighted = component;
    weighted.weight = weight;
    weighted.contribution = component.is_known ? weight * component.value : 0.0;
    target.score += weighted.contribution;
    target.components.push_back(std::move(weighted));
  }
  return target;
}

absl::Status CheckWeights(const TargetWeights& weights, std::string_view source) {
  const std::pair<std::string_view, double> named[] = {
      {"open_seat", weights.open_seat},
      {"uncontested_last_primary", weights.uncontested_last_primary},
      {"small_electorate", weights.small_electorate},
      {"safe_seat", weights.safe_seat},
      {"incumbent_weakness", weights.incumbent_weakness},
      {"incumbent_big_donors", weights.incumbent_big_donors},
      {"incumbent_finance", weights.incumbent_finance},
  };
  for (const auto& [name, weight] : named) {
    if (!(weight >= 0)) {
      return absl::InvalidArgumentError(
          fmt::format("{}: weight '{}' must be >= 0, got {}", source, name, weight));
    }
  }
  if (!(weights.small_electorate_scale > 0)) {
    return absl::InvalidArgumentError(fmt::format("{}: small_electorate_scale must be > 0, got {}",
                                                  source, weights.small_electorate_scale));
  }
  if (!(weights.safe_seat_share > kMajorityShare && weights.safe_seat_share <= 1)) {
    return absl::InvalidArgumentError(fmt::format("{}: safe_seat_share must be in (0.5, 1], got {}",
                                                  source, weights.safe_seat_share));
  }
  if (!(weights.win_share_target > 0 && weights.win_share_target <= 1)) {
    return absl::InvalidArgumentError(fmt::format("{}: win_share_target must be in (0, 1], got {}",
                                                  source, weights.win_share_target));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<TargetWeights> TargetWeightsFromConfig(const base::KeyValues& values,
                                                      std::string_view source) {
  TargetWeights weights;
  RETURN_IF_ERROR(
      base::ApplyNumericFields(values,
                               {{"open_seat", &weights.open_seat},
                                {"uncontested_last_primary", &weights.uncontested_last_primary},
                                {"small_electorate", &weights.small_electorate},
                                {"safe_seat", &weights.safe_seat},
                                {"incumbent_weakness", &weights.incumbent_weakness},
                                {"incumbent_big_donors", &weights.incumbent_big_donors},
                                {"incumbent_finance", &weights.incumbent_finance},
                                {"small_electorate_scale", &weights.small_electorate_scale},
                                {"safe_seat_share", &weights.safe_seat_share},
                                {"win_share_target", &weights.win_share_target}},
                               source));
  RETURN_IF_ERROR(CheckWeights(weights, source));
  return weights;
}

std::vector<Target> RankTargets(std::span<const model::Race> races, const TargetFilter& filter,
                                const TargetWeights& weights,
                                const IncumbentMoneyByRace& money_by_race) {
  using SeatParty = std::pair<model::SeatKey, std::string>;
  std::map<SeatParty, const model::Race*> latest_primary;
  std::map<model::SeatKey, const model::Race*> latest_general;
  for (const model::Race& race : races) {
    // A ballot question is no seat; a conflicting race's returns belong to another contest.
    if (race.level == model::OfficeLevel::kMeasure ||
        race.completeness == model::Completeness::kConflicting) {
      continue;
    }
    if (race.key.stage == model::ElectionStage::kPrimary) {
      const model::Race*& best = latest_primary[{race.key.seat, race.key.party}];
      if (best == nullptr || race.key.date > best->key.date) best = &race;
    } else if (race.key.stage == model::ElectionStage::kGeneral) {
      const model::Race*& best = latest_general[race.key.seat];
      if (best == nullptr || race.key.date > best->key.date) best = &race;
    }
  }

  std::vector<Target> targets;
  for (const auto& [seat_party, primary] : latest_primary) {
    if (!MatchesFilter(*primary, filter)) continue;
    const auto general = latest_general.find(seat_party.first);
    targets.push_back(MakeTarget(*primary,
                                 general == latest_general.end() ? nullptr : general->second,
                                 weights, money_by_race));
  }
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) {
    if (a.score != b.score) return a.score > b.score;
    return std::tie(a.seat_id, a.party) < std::tie(b.seat_id, b.party);
  });
  return targets;
}

}  // namespace downballot::analysis
