#include "query/money.h"

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::query {
namespace {

nlohmann::json SharesJson(const std::vector<money::AmountShare>& shares) {
  nlohmann::json array = nlohmann::json::array();
  for (const money::AmountShare& share : shares) {
    array.push_back(
        {{"name", share.name},
         {"label", share.label.empty() ? nlohmann::json() : nlohmann::json(share.label)},
         {"dollars", static_cast<double>(share.cents) / 100.0},
         {"share", share.share}});
  }
  return array;
}

// A share, or null when its base is zero: 0% of nothing is unknown, not zero.
nlohmann::json ShareOrNull(double share, base::Cents base_cents) {
  return base_cents > 0 ? nlohmann::json(share) : nlohmann::json();
}

}  // namespace

absl::StatusOr<MoneyRequest> ParseMoneyRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"candidate", "cycle", "top"}));
  MoneyRequest request;
  ASSIGN_OR_RETURN(request.candidate, params.Words("candidate"));
  if (request.candidate.empty()) {
    return absl::InvalidArgumentError("candidate is required: a CAND_ID or part of a name");
  }
  ASSIGN_OR_RETURN(const std::optional<int64_t> cycle, params.OptionalInteger("cycle", 1980, 2100));
  if (cycle) request.cycle = static_cast<int>(*cycle);
  ASSIGN_OR_RETURN(request.top, params.Integer("top", 1, 100, 10));
  return request;
}

absl::StatusOr<MoneyAnswer> AnswerMoney(store::Database& db, const MoneyRequest& request,
                                        const Coding& coding) {
  ASSIGN_OR_RETURN(const auto found,
                   store::FindFecCandidates(db, request.candidate, request.cycle));
  if (found.empty()) {
    return absl::NotFoundError(fmt::format(
        "no FEC candidate matches '{}'{} (load cn files with `downballot ingest fec`)",
        request.candidate, request.cycle ? fmt::format(" in cycle {}", *request.cycle) : ""));
  }
  // One candidate (the same ID across the matches) is required; several are listed.
  if (found.front().candidate.cand_id != found.back().candidate.cand_id ||
      (!request.cycle && found.front().cycle != found.back().cycle)) {
    std::string list;
    for (const auto& match : found) {
      list += fmt::format("\n  {} {} ({} {}-{}, cycle {})", match.candidate.cand_id,
                          match.candidate.name, match.candidate.party, match.candidate.office_state,
                          match.candidate.office_district, match.cycle);
    }
    return absl::FailedPreconditionError(
        fmt::format("'{}' matches {} candidacies; give a CAND_ID and --cycle:{}", request.candidate,
                    found.size(), list));
  }
  MoneyAnswer answer;
  answer.found = found.front();
  ASSIGN_OR_RETURN(answer.profile, query::BuildProfile(db, found.front(), coding,
                                                       static_cast<size_t>(request.top)));
  ASSIGN_OR_RETURN(
      answer.committees,
      store::ReadCandidateCommittees(db, found.front().candidate.cand_id, found.front().cycle));
  return answer;
}

nlohmann::json ToJson(const MoneyAnswer& answer) {
  const money::MoneyProfile& profile = answer.profile;
  const store::FecCandidateInCycle& found = answer.found;
  const std::vector<std::string>& committees = answer.committees;
  const auto dollars = [](base::Cents cents) { return static_cast<double>(cents) / 100.0; };
  nlohmann::json reconciliation = nlohmann::json::array();
  for (const money::ReconciliationLine& line : profile.reconciliation) {
    reconciliation.push_back(
        {{"item", line.item},
         {"computed_dollars", dollars(line.computed_cents)},
         {"fec_dollars", line.fec_cents ? nlohmann::json(dollars(*line.fec_cents)) : nullptr},
         {"difference_dollars",
          line.fec_cents ? nlohmann::json(dollars(line.difference_cents)) : nullptr},
         {"meaning", line.meaning}});
  }
  return {
      {"cand_id", profile.cand_id},
      {"name", profile.name},
      {"cycle", found.cycle},
      {"party", found.candidate.party},
      {"office", found.candidate.office},
      {"state", found.candidate.office_state},
      {"district", found.candidate.office_district},
      {"committees", committees},
      {"total_receipts_dollars", dollars(profile.total_receipts_cents)},
      {"individual_dollars", dollars(profile.individual_cents)},
      {"itemized_individual_dollars", dollars(profile.itemized_individual_cents)},
      {"unitemized_dollars", profile.has_fec_summary
                                 ? nlohmann::json(dollars(profile.unitemized_cents))
                                 : nlohmann::json()},
      {"refunds_dollars", dollars(profile.refunds_cents)},
      {"small_dollars", dollars(profile.small_cents)},
      {"large_dollars", dollars(profile.large_cents)},
      {"small_share", ShareOrNull(profile.small_share, profile.small_cents + profile.large_cents)},
      {"pac_dollars", dollars(profile.pac_cents)},
      {"party_dollars", dollars(profile.party_cents)},
      {"self_dollars", dollars(profile.self_cents)},
      {"self_net_dollars", dollars(profile.self_net_cents)},
      {"other_dollars", dollars(profile.other_cents)},
      {"unique_donors", profile.unique_donors},
      {"in_state_share", ShareOrNull(profile.in_state_share, profile.itemized_donor_cents)},
      {"categorized_share", ShareOrNull(profile.categorized_share, profile.itemized_donor_cents)},
      {"finance_share",
       profile.finance_share ? nlohmann::json(*profile.finance_share) : nlohmann::json()},
      {"top_industries", SharesJson(profile.top_industries)},
      {"top_sectors", SharesJson(profile.top_sectors)},
      {"top_employers", SharesJson(profile.top_employers)},
      {"top_pac_industries", SharesJson(profile.top_pac_industries)},
      {"pac_categorized_share", ShareOrNull(profile.pac_categorized_share, profile.pac_cents)},
      {"reconciliation", std::move(reconciliation)},
      {"notes", profile.notes}};
}

}  // namespace downballot::query
