#include "money/candidate_money.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/strings.h"

namespace downballot::money {
namespace {

constexpr std::string_view kFinanceSector = "Finance/Insur/RealEst";

double Share(base::Cents part, base::Cents whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// The `top_n` largest entries of `sums`, with shares of `base_cents`; ties by name.
std::vector<AmountShare> Ranked(const std::map<std::string, base::Cents>& sums,
                                base::Cents base_cents, size_t top_n) {
  std::vector<AmountShare> ranked;
  for (const auto& [name, cents] : sums)
    ranked.push_back({name, cents, Share(cents, base_cents), ""});
  std::sort(ranked.begin(), ranked.end(), [](const AmountShare& a, const AmountShare& b) {
    return a.cents != b.cents ? a.cents > b.cents : a.name < b.name;
  });
  if (ranked.size() > top_n) ranked.resize(top_n);
  return ranked;
}

struct DonorNet {
  base::Cents individual_cents = 0;
  const DonorReceipts* latest = nullptr;  // where employer, occupation and state come from
};

}  // namespace

GiverKind GiverKindFromCommitteeType(std::string_view cmte_type) {
  if (cmte_type == "X" || cmte_type == "Y" || cmte_type == "Z") return GiverKind::kParty;
  if (cmte_type == "Q" || cmte_type == "N" || cmte_type == "O" || cmte_type == "V" ||
      cmte_type == "W") {
    return GiverKind::kPac;
  }
  if (cmte_type == "H" || cmte_type == "S" || cmte_type == "P") {
    return GiverKind::kCandidateCommittee;
  }
  return GiverKind::kOther;
}

MoneyProfile ComputeMoneyProfile(const CandidateMoneyInput& input,
                                 const IndustryLookup& industry_of, const SectorLookup& sector_of,
                                 size_t top_n, const OrganizationLookup& organization_of) {
  MoneyProfile profile;
  profile.cand_id = input.candidate.cand_id;
  profile.name = input.candidate.name;
  const std::set<std::string, std::less<>> committees(input.committee_ids.begin(),
                                                      input.committee_ids.end());

  // Small or large is a property of the donor's cycle total (METHODS §1), so sum per donor
  // across the candidate's committees first.
  std::map<std::string, DonorNet> donors;
  base::Cents itemized_self_cents = 0;
  base::Cents itemized_gross_cents = 0;
  for (const DonorReceipts& receipt : input.receipts) {
    if (!committees.contains(receipt.cmte_id)) continue;
    switch (receipt.kind) {
      case ReceiptKind::kIndividual:
      case ReceiptKind::kRefund: {
        DonorNet& donor = donors[receipt.donor_key];
        donor.individual_cents += receipt.counted_cents;
        if (receipt.kind == ReceiptKind::kIndividual) {
          itemized_gross_cents += receipt.counted_cents;
        } else {
          profile.refunds_cents += receipt.counted_cents;
        }
        if (donor.latest == nullptr || receipt.kind == ReceiptKind::kIndividual) {
          donor.latest = &receipt;
        }
        break;
      }
      case ReceiptKind::kCandidateSelf:
        itemized_self_cents += receipt.counted_cents;
        break;
      case ReceiptKind::kOther:
        profile.other_cents += receipt.counted_cents;
        break;
      case ReceiptKind::kMemo:
      case ReceiptKind::kConduitPassThrough:
        break;
    }
  }

  base::Cents small_itemized_cents = 0;
  base::Cents positive_cents = 0;
  base::Cents in_state_cents = 0;
  base::Cents categorized_cents = 0;
  base::Cents finance_cents = 0;
  base::Cents sectored_cents = 0;  // categorized dollars whose sector is known
  std::map<std::string, base::Cents> industries;
  std::map<std::string, base::Cents> sectors;
  std::map<std::string, base::Cents> employers;
  profile.itemized_individual_cents = itemized_gross_cents;
  for (const auto& [key, donor] : donors) {
    // A donor whose refunds match or exceed their gifts this cycle (often a refund of an
    // earlier cycle's gift) is neither small nor large: their money shows in refunds_cents.
    if (donor.individual_cents <= 0 || donor.latest == nullptr) continue;
    if (donor.individual_cents <= kSmallDonorMaxCents) {
      small_itemized_cents += donor.individual_cents;
    } else {
      profile.large_cents += donor.individual_cents;
    }
    ++profile.unique_donors;
    positive_cents += donor.individual_cents;
    if (base::EqualsIgnoreCase(donor.latest->state, input.candidate.office_state)) {
      in_state_cents += donor.individual_cents;
    }
    const std::string employer = base::ToUpper(base::Trim(donor.latest->employer));
    if (!employer.empty()) employers[employer] += donor.individual_cents;
    if (const auto catcode = industry_of(donor.latest->employer, donor.latest->occupation)) {
      categorized_cents += donor.individual_cents;
      industries[*catcode] += donor.individual_cents;
      const std::string sector = sector_of(*catcode);
      sectors[sector.empty() ? "unknown sector" : sector] += donor.individual_cents;
      if (!sector.empty()) sectored_cents += donor.individual_cents;
      if (sector == kFinanceSector) finance_cents += donor.individual_cents;
    }
  }

  std::map<std::string, base::Cents> pac_industries;
  base::Cents pac_categorized_cents = 0;
  for (const CommitteeGift& gift : input.gifts) {
    // 24E/24A are independent expenditures for or against the candidate: spending, not money
    // the campaign received. Memo rows repeat money reported elsewhere.
    if (gift.memo_code == "X" ||
        (gift.transaction_type != "24K" && gift.transaction_type != "24Z")) {
      continue;
    }
    switch (gift.giver) {
      case GiverKind::kPac:
        profile.pac_cents += gift.amount_cents;
        // OpenSecrets codes a PAC by its sponsor (METHODS §2).
        if (organization_of) {
          if (const auto catcode = organization_of(gift.giver_organization)) {
            pac_industries[*catcode] += gift.amount_cents;
            pac_categorized_cents += gift.amount_cents;
          }
        }
        break;
      case GiverKind::kParty:
        profile.party_cents += gift.amount_cents;
        break;
      case GiverKind::kCandidateCommittee:
      case GiverKind::kOther:
        profile.other_cents += gift.amount_cents;
        break;
    }
  }

  if (input.summary) {
    const model::FecCandidateSummary& summary = *input.summary;
    profile.has_fec_summary = true;
    profile.unitemized_cents = std::max<base::Cents>(
        0, summary.individual_contributions - profile.itemized_individual_cents);
    // Loans repaid are disbursements, so receipts count the money the candidate put in and the
    // net figure subtracts what the campaign paid back (METHODS §6: report net of repaid loans).
    profile.self_cents = summary.candidate_contributions + summary.candidate_loans;
    profile.self_net_cents = profile.self_cents - summary.candidate_loan_repayments;
  } else {
    profile.self_cents = itemized_self_cents;
    profile.self_net_cents = itemized_self_cents;
    profile.notes.push_back(
        input.is_summary_file_loaded
            ? "the FEC candidate summary (weball/webl) loaded for this cycle does not list this "
              "candidate: unitemized money is unknown and self-funding counts only itemized "
              "candidate contributions, not loans"
            : "no FEC candidate summary (weball/webl) loaded for this cycle: unitemized money "
              "is unknown and self-funding counts only itemized candidate contributions, not "
              "loans (`downballot ingest fec` the cycle's weball and webl files)");
  }
  if (input.receipts.empty() && input.gifts.empty() && !input.summary) {
    profile.notes.push_back(
        "no money of this candidate is loaded: no itemized receipt (itcont) at their committees, "
        "no committee gift (itpas2) and no summary line; every figure is $0 because nothing is "
        "loaded, not because they raised nothing");
  }
  profile.individual_cents = profile.itemized_individual_cents + profile.unitemized_cents;
  profile.small_cents = profile.unitemized_cents + small_itemized_cents;
  profile.small_share = Share(profile.small_cents, profile.small_cents + profile.large_cents);
  profile.total_receipts_cents = profile.individual_cents + profile.pac_cents +
                                 profile.party_cents + profile.self_cents + profile.other_cents;
  profile.itemized_donor_cents = positive_cents;
  profile.in_state_share = Share(in_state_cents, positive_cents);
  profile.categorized_share = Share(categorized_cents, positive_cents);
  if (sectored_cents > 0) profile.finance_share = Share(finance_cents, categorized_cents);
  profile.top_industries = Ranked(industries, positive_cents, top_n);
  profile.top_sectors = Ranked(sectors, positive_cents, top_n);
  profile.top_employers = Ranked(employers, positive_cents, top_n);
  profile.top_pac_industries = Ranked(pac_industries, profile.pac_cents, top_n);
  profile.pac_categorized_share = Share(pac_categorized_cents, profile.pac_cents);

  const auto reconcile = [&](std::string item, base::Cents computed, std::optional<base::Cents> fec,
                             std::string meaning) {
    profile.reconciliation.push_back({std::move(item), computed, fec,
                                      fec ? computed - *fec : base::Cents{0}, std::move(meaning)});
  };
  const auto fec =
      [&](base::Cents model::FecCandidateSummary::*field) -> std::optional<base::Cents> {
    if (!input.summary) return std::nullopt;
    return (*input.summary).*field;
  };
  reconcile("itemized_individual_contributions", profile.itemized_individual_cents,
            fec(&model::FecCandidateSummary::individual_contributions),
            "itemized gifts; the FEC's figure adds the unitemized ones (under $200)");
  reconcile("individual_refunds", -profile.refunds_cents,
            fec(&model::FecCandidateSummary::individual_refunds),
            "money returned to donors, itemized rows against the FEC's total");
  reconcile("pac_contributions", profile.pac_cents,
            fec(&model::FecCandidateSummary::other_committee_contributions),
            "direct gifts from PACs (itpas2) against the FEC's other-committee total");
  reconcile("party_contributions", profile.party_cents,
            fec(&model::FecCandidateSummary::party_contributions),
            "direct gifts from party committees (itpas2)");
  reconcile("candidate_contributions", itemized_self_cents,
            fec(&model::FecCandidateSummary::candidate_contributions),
            "the candidate's own itemized gifts, loans excluded");
  reconcile("total_receipts", profile.total_receipts_cents,
            fec(&model::FecCandidateSummary::total_receipts),
            "the FEC's total also counts transfers, offsets and other receipts the bulk files "
            "do not break out, and loans the candidate made (here in self)");
  return profile;
}

}  // namespace downballot::money
