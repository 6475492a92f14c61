// A candidate's money profile: who funds them, in dollars, from FEC rows already aggregated per
// donor (docs/money.md). Pure: structs in, struct out.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/money.h"
#include "model/donor_receipts.h"
#include "model/fec.h"
#include "money/contribution_rules.h"

namespace downballot::money {

using model::DonorReceipts;

// What a giving committee is, for sorting committee money into PAC and party.
enum class GiverKind { kPac, kParty, kCandidateCommittee, kOther };

// CMTE_TP of the giver: X/Y/Z party; Q/N/O/V/W PAC; H/S/P candidate committees.
[[nodiscard]] GiverKind GiverKindFromCommitteeType(std::string_view cmte_type);

struct CommitteeGift {
  std::string giver_cmte_id;
  GiverKind giver = GiverKind::kOther;
  std::string transaction_type;  // 24K direct contribution; 24E/24A are independent spending
  std::string memo_code;
  base::Cents amount_cents = 0;
  std::string giver_organization;  // CONNECTED_ORG_NM, else the committee's name
};

// Codes a PAC by its connected organization or name; nullopt when it cannot.
using OrganizationLookup = std::function<std::optional<std::string>(std::string_view organization)>;

struct CandidateMoneyInput {
  model::FecCandidate candidate;
  std::vector<std::string> committee_ids;  // principal + authorized committees of the cycle
  std::vector<DonorReceipts> receipts;     // individual receipts at those committees
  std::vector<CommitteeGift> gifts;        // itpas2 rows naming the candidate
  std::optional<model::FecCandidateSummary> summary;  // weball/webl
  // Whether any weball/webl of the cycle is loaded: a missing `summary` then means the FEC's
  // summary lacks the candidate rather than that no summary was loaded.
  bool is_summary_file_loaded = false;
};

// Codes an employer/occupation pair; nullopt when it cannot.
using IndustryLookup = std::function<std::optional<std::string>(std::string_view employer,
                                                                std::string_view occupation)>;
// The sector of a catcode ("Finance/Insur/RealEst"); "" when unknown.
using SectorLookup = std::function<std::string(std::string_view catcode)>;

struct AmountShare {
  std::string name;
  base::Cents cents = 0;
  double share = 0;   // of the base the list states
  std::string label;  // what the code means (an industry's name); "" when unknown
};

struct ReconciliationLine {
  std::string item;  // "individual_contributions", ...
  base::Cents computed_cents = 0;
  std::optional<base::Cents> fec_cents;  // the FEC summary's figure, when loaded
  base::Cents difference_cents = 0;      // computed - fec
  std::string meaning;                   // what the two figures count, and why they can differ
};

struct MoneyProfile {
  std::string cand_id;
  std::string name;
  base::Cents total_receipts_cents = 0;       // individual + self + PAC + party (+ other)
  base::Cents individual_cents = 0;           // itemized + unitemized, before refunds (as the FEC)
  base::Cents itemized_individual_cents = 0;  // itemized individual receipts, before refunds
  base::Cents unitemized_cents = 0;           // summary individual total - itemized, when loaded
  bool has_fec_summary = false;               // the candidate's weball/webl line was loaded
  base::Cents refunds_cents = 0;              // individual refunds (negative)
  base::Cents small_cents = 0;  // unitemized + itemized donors whose net is $0.01-$200
  base::Cents large_cents = 0;  // itemized donors whose net is over $200
  base::Cents pac_cents = 0;
  base::Cents party_cents = 0;
  base::Cents self_cents = 0;      // own contributions + loans received (summary when loaded)
  base::Cents self_net_cents = 0;  // self_cents minus loans repaid to the candidate
  base::Cents other_cents = 0;
  double small_share = 0;     // small / (small + large)
  int64_t unique_donors = 0;  // itemized individual donors with net > 0
  // Their dollars: the base of the in-state and categorized shares (0: both are unknown).
  base::Cents itemized_donor_cents = 0;
  double in_state_share = 0;     // of itemized individual dollars
  double categorized_share = 0;  // itemized individual dollars with an industry code
  // FIRE dollars / categorized dollars; nullopt when no categorized dollar has a known sector
  // (nothing coded, or no category file to name the sectors).
  std::optional<double> finance_share;
  std::vector<AmountShare> top_industries;  // share of itemized individual dollars
  std::vector<AmountShare> top_sectors;
  std::vector<AmountShare> top_employers;
  std::vector<AmountShare> top_pac_industries;  // share of PAC dollars, by connected org
  double pac_categorized_share = 0;             // PAC dollars whose giver got a code
  std::vector<ReconciliationLine> reconciliation;
  std::vector<std::string> notes;
};

// Itemized donors at or under this cycle total are small (FEC itemization threshold, METHODS §1).
inline constexpr base::Cents kSmallDonorMaxCents = 200'00;

// Computes the profile. `top_n` bounds each ranked list. Pure; thread-safe if the lookups are.
// `organization_of` may be null (PAC industries then stay empty).
[[nodiscard]] MoneyProfile ComputeMoneyProfile(const CandidateMoneyInput& input,
                                               const IndustryLookup& industry_of,
                                               const SectorLookup& sector_of, size_t top_n,
                                               const OrganizationLookup& organization_of = nullptr);

}  // namespace downballot::money
