#include "query/fec_links.h"

#include <algorithm>

#include "analysis/candidate_name.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "store/money_queries.h"

namespace downballot::query {

absl::StatusOr<std::vector<analysis::FecLink>> ReadFecLinks(store::Database& db,
                                                            std::span<const model::Race> races) {
  // Links never cross a state line: races of one state need that state's candidates only.
  const bool is_one_state =
      !races.empty() && std::all_of(races.begin(), races.end(), [&](const model::Race& race) {
        return race.key.seat.state == races.front().key.seat.state;
      });
  ASSIGN_OR_RETURN(const auto found, is_one_state
                                         ? store::ReadFecCandidatesOfState(
                                               db, base::ToUpper(races.front().key.seat.state))
                                         : store::FindFecCandidates(db, "", std::nullopt));
  std::vector<model::FecCandidate> candidates;
  candidates.reserve(found.size());
  for (const store::FecCandidateInCycle& row : found) candidates.push_back(row.candidate);
  return analysis::LinkFecCandidates(races, candidates);
}

absl::StatusOr<analysis::IncumbentMoneyByRace> ReadIncumbentMoney(
    store::Database& db, std::span<const analysis::FecLink> links,
    std::span<const model::Race> races, const Coding& coding) {
  // (seat id, name key) -> CAND_ID, from every linked candidacy.
  std::map<std::string, std::string, std::less<>> seat_of_race;
  for (const model::Race& race : races) seat_of_race[race.id] = model::MakeSeatId(race.key.seat);
  std::map<std::pair<std::string, std::string>, std::string> cand_of;
  for (const analysis::FecLink& link : links) {
    if (link.status != analysis::FecLinkStatus::kLinked) continue;
    cand_of[{seat_of_race[link.race_id], analysis::NameMatchKey(link.candidate)}] = link.cand_id;
  }
  analysis::IncumbentMoneyByRace money_by_race;
  if (cand_of.empty()) return money_by_race;
  // One profile per (CAND_ID, cycle): a seat's primaries of one cycle share it.
  std::map<std::pair<std::string, int>, std::optional<analysis::IncumbentMoney>> profiled;
  for (const model::Race& primary : races) {
    if (primary.key.stage != model::ElectionStage::kPrimary || primary.incumbent.empty()) continue;
    const auto linked = cand_of.find(
        {model::MakeSeatId(primary.key.seat), analysis::NameMatchKey(primary.incumbent)});
    if (linked == cand_of.end()) continue;
    const int year = primary.key.date.year;
    const int cycle = year % 2 == 0 ? year : year + 1;
    auto [entry, is_new] = profiled.try_emplace({linked->second, cycle});
    if (is_new) {
      ASSIGN_OR_RETURN(const auto found, store::FindFecCandidates(db, linked->second, cycle));
      if (!found.empty()) {
        ASSIGN_OR_RETURN(const money::MoneyProfile profile,
                         BuildProfile(db, found.front(), coding, 1));
        analysis::IncumbentMoney money;
        money.cand_id = linked->second;
        money.cycle = cycle;
        money.has_individual_money = profile.small_cents + profile.large_cents > 0;
        money.small_share = profile.small_share;
        money.has_categorized_money = profile.finance_share.has_value();
        money.finance_share = profile.finance_share.value_or(0);
        money.categorized_share = profile.categorized_share;
        entry->second = money;
      }
    }
    if (entry->second) money_by_race.emplace(primary.id, *entry->second);
  }
  return money_by_race;
}

}  // namespace downballot::query
