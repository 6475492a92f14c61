#include "cli/fec_links.h"

#include "analysis/candidate_name.h"
#include "base/status_macros.h"
#include "store/money_queries.h"

namespace downballot::cli {

absl::StatusOr<std::vector<analysis::FecLink>> ReadFecLinks(store::Database& db,
                                                           std::span<const model::Race> races) {
  ASSIGN_OR_RETURN(const auto found, store::FindFecCandidates(db, "", std::nullopt));
  std::vector<model::FecCandidate> candidates;
  candidates.reserve(found.size());
  for (const store::FecCandidateInCycle& row : found) candidates.push_back(row.candidate);
  return analysis::LinkFecCandidates(races, candidates);
}

analysis::IncumbentMoneyLookup MakeIncumbentMoneyLookup(store::Database& db,
                                                        const std::vector<analysis::FecLink>& links,
                                                        std::span<const model::Race> races,
                                                        const Coding& coding) {
  // (seat id, name key) -> CAND_ID, from every linked candidacy.
  std::map<std::string, std::string> seat_of_race;
  for (const model::Race& race : races) seat_of_race[race.id] = model::MakeSeatId(race.key.seat);
  auto cand_of = std::make_shared<std::map<std::pair<std::string, std::string>, std::string>>();
  for (const analysis::FecLink& link : links) {
    if (link.status != "linked") continue;
    (*cand_of)[{seat_of_race[link.race_id], analysis::NameMatchKey(link.candidate)}] = link.cand_id;
  }
  if (cand_of->empty()) return nullptr;
  // The map is shared with the returned function, which outlives this call.
  return [&db, &coding, cand_of](const model::Race& primary) -> std::optional<analysis::IncumbentMoney> {
    const auto it = cand_of->find(
        {model::MakeSeatId(primary.key.seat), analysis::NameMatchKey(primary.incumbent)});
    if (it == cand_of->end()) return std::nullopt;
    const int year = primary.key.date.year;
    const int cycle = year % 2 == 0 ? year : year + 1;
    const auto found = store::FindFecCandidates(db, it->second, cycle);
    if (!found.ok() || found->empty()) return std::nullopt;
    const auto profile = BuildProfile(db, found->front(), coding, 1);
    if (!profile.ok()) return std::nullopt;
    analysis::IncumbentMoney money;
    money.cand_id = it->second;
    money.cycle = cycle;
    money.has_individual_money = profile->small_cents + profile->large_cents > 0;
    money.small_share = profile->small_share;
    money.has_categorized_money = profile->categorized_share > 0;
    money.finance_share = profile->finance_share;
    money.categorized_share = profile->categorized_share;
    return money;
  };
}

}  // namespace downballot::cli
