#include "money/candidate_money.h"

#include <gtest/gtest.h>

namespace downballot::money {
namespace {

DonorReceipts Receipt(std::string cmte, std::string key, std::string state, std::string employer,
                      std::string occupation, ReceiptKind kind, base::Cents dollars) {
  DonorReceipts receipt;
  receipt.cmte_id = std::move(cmte);
  receipt.donor_key = std::move(key);
  receipt.state = std::move(state);
  receipt.employer = std::move(employer);
  receipt.occupation = std::move(occupation);
  receipt.kind = kind;
  receipt.rows = 1;
  receipt.counted_cents = dollars * 100;
  return receipt;
}

// Worked by hand (dollars):
//   donor a: 150 at C1 + 100 earmarked at C2 = 250 -> large, NY, Goldman Sachs (finance)
//   donor b: 100 - 100 refund = 0             -> neither small nor large; refunds -100
//   donor c: 200                              -> small (<= 200), CA, retired
//   donor d: 5000 at C9, not the candidate's committee -> ignored
//   itemized before refunds = 250 + 100 + 200 = 550; FEC individual total 1000 ->
//   unitemized 450; small = 450 + 200 = 650; large = 250; small share 650 / 900
//   PAC 500 (24K), party 300 (24K); 24E and memo rows ignored; other 50 (type 19)
//   self from the summary: 1000 + 2000 loans = 3000 received; net of 500 repaid = 2500
//   total = 1000 + 500 + 300 + 3000 + 50 = 4850
TEST(ComputeMoneyProfile, MatchesAHandWorkedCandidate) {
  CandidateMoneyInput input;
  input.candidate.cand_id = "H0NY14000";
  input.candidate.office_state = "NY";
  input.committee_ids = {"C1", "C2"};
  input.receipts = {
      Receipt("C1", "a|11111", "NY", "GOLDMAN SACHS", "BANKER", ReceiptKind::kIndividual, 150),
      Receipt("C2", "a|11111", "NY", "GOLDMAN SACHS", "BANKER", ReceiptKind::kIndividual, 100),
      Receipt("C1", "b|22222", "NY", "PS 1", "TEACHER", ReceiptKind::kIndividual, 100),
      Receipt("C1", "b|22222", "NY", "PS 1", "TEACHER", ReceiptKind::kRefund, -100),
      Receipt("C1", "c|90210", "CA", "", "RETIRED", ReceiptKind::kIndividual, 200),
      Receipt("C9", "d|33333", "NY", "X", "Y", ReceiptKind::kIndividual, 5000),
      Receipt("C1", "a|11111", "NY", "GOLDMAN SACHS", "BANKER", ReceiptKind::kMemo, 0),
      Receipt("C1", "cand|11111", "NY", "", "", ReceiptKind::kCandidateSelf, 1000),
      Receipt("C1", "e|11111", "NY", "", "", ReceiptKind::kOther, 50),
  };
  input.gifts = {{"P1", GiverKind::kPac, "24K", "", 500'00, "GOLDMAN SACHS GROUP INC"},
                 {"Y1", GiverKind::kParty, "24K", "", 300'00, "NRCC"},
                 {"P2", GiverKind::kPac, "24E", "", 9999'00, "X"},
                 {"P3", GiverKind::kPac, "24K", "X", 100'00, "X"}};
  model::FecCandidateSummary summary;
  summary.individual_contributions = 1000'00;
  summary.candidate_contributions = 1000'00;
  summary.candidate_loans = 2000'00;
  summary.candidate_loan_repayments = 500'00;
  summary.other_committee_contributions = 500'00;
  summary.party_contributions = 300'00;
  summary.total_receipts = 4000'00;
  summary.individual_refunds = 100'00;
  input.summary = summary;

  const IndustryLookup industry_of = [](std::string_view employer,
                                        std::string_view occupation) -> std::optional<std::string> {
    if (employer == "GOLDMAN SACHS") return "F2100";
    if (occupation == "RETIRED") return "X1200";
    return std::nullopt;
  };
  const SectorLookup sector_of = [](std::string_view catcode) -> std::string {
    return catcode == "F2100" ? "Finance/Insur/RealEst" : "Other";
  };
  const OrganizationLookup organization_of =
      [](std::string_view organization) -> std::optional<std::string> {
    if (organization == "GOLDMAN SACHS GROUP INC") return "F2100";
    return std::nullopt;
  };
  const MoneyProfile profile =
      ComputeMoneyProfile(input, industry_of, sector_of, 5, organization_of);

  EXPECT_EQ(profile.itemized_individual_cents, 550'00);
  EXPECT_EQ(profile.unitemized_cents, 450'00);
  EXPECT_EQ(profile.individual_cents, 1000'00);
  EXPECT_EQ(profile.refunds_cents, -100'00);
  EXPECT_EQ(profile.small_cents, 650'00);
  EXPECT_EQ(profile.large_cents, 250'00);
  EXPECT_DOUBLE_EQ(profile.small_share, 650.0 / 900.0);
  EXPECT_EQ(profile.pac_cents, 500'00);
  EXPECT_EQ(profile.party_cents, 300'00);
  EXPECT_EQ(profile.self_cents, 3000'00);
  EXPECT_EQ(profile.self_net_cents, 2500'00);
  EXPECT_EQ(profile.other_cents, 50'00);
  EXPECT_EQ(profile.total_receipts_cents, 4850'00);
  EXPECT_EQ(profile.unique_donors, 2);
  EXPECT_EQ(profile.itemized_donor_cents, 450'00);  // a 250 + c 200
  EXPECT_NEAR(profile.in_state_share, 250.0 / 450.0, 1e-12);
  EXPECT_DOUBLE_EQ(profile.categorized_share, 1.0);
  ASSERT_TRUE(profile.finance_share.has_value());
  EXPECT_NEAR(*profile.finance_share, 250.0 / 450.0, 1e-12);
  ASSERT_EQ(profile.top_employers.size(), 1u);
  EXPECT_EQ(profile.top_employers[0].name, "GOLDMAN SACHS");
  ASSERT_FALSE(profile.top_industries.empty());
  EXPECT_EQ(profile.top_industries[0].name, "F2100");

  ASSERT_EQ(profile.top_pac_industries.size(), 1u);  // 500 from Goldman's PAC
  EXPECT_EQ(profile.top_pac_industries[0].name, "F2100");
  EXPECT_DOUBLE_EQ(profile.top_pac_industries[0].share, 1.0);
  EXPECT_DOUBLE_EQ(profile.pac_categorized_share, 1.0);
  ASSERT_EQ(profile.reconciliation.size(), 6u);
  EXPECT_EQ(profile.reconciliation[0].difference_cents, -450'00);  // the unitemized money
  EXPECT_EQ(profile.reconciliation[1].difference_cents, 0);        // refunds
  EXPECT_EQ(profile.reconciliation[2].difference_cents, 0);
  EXPECT_EQ(profile.reconciliation[3].difference_cents, 0);
  EXPECT_EQ(profile.reconciliation[4].difference_cents, 0);
  EXPECT_EQ(profile.reconciliation[5].difference_cents, 850'00);
}

TEST(ComputeMoneyProfile, SaysWhatIsMissingWithoutASummary) {
  CandidateMoneyInput input;
  input.committee_ids = {"C1"};
  input.receipts = {Receipt("C1", "cand|1", "NY", "", "", ReceiptKind::kCandidateSelf, 700)};
  const MoneyProfile profile = ComputeMoneyProfile(
      input, [](std::string_view, std::string_view) { return std::optional<std::string>(); },
      [](std::string_view) { return std::string(); }, 5);
  EXPECT_EQ(profile.self_cents, 700'00);
  EXPECT_EQ(profile.unitemized_cents, 0);
  EXPECT_FALSE(profile.notes.empty());
  EXPECT_FALSE(profile.reconciliation[0].fec_cents.has_value());
  ASSERT_EQ(profile.notes.size(), 1u);
  EXPECT_NE(profile.notes[0].find("no FEC candidate summary (weball/webl) loaded"),
            std::string::npos);
  EXPECT_FALSE(profile.finance_share.has_value());  // nothing categorized: unknown, not 0%

  // A summary file loaded without this candidate is a different gap, and says so.
  input.is_summary_file_loaded = true;
  const MoneyProfile without_line = ComputeMoneyProfile(
      input, [](std::string_view, std::string_view) { return std::optional<std::string>(); },
      [](std::string_view) { return std::string(); }, 5);
  ASSERT_EQ(without_line.notes.size(), 1u);
  EXPECT_NE(without_line.notes[0].find("does not list this candidate"), std::string::npos);
}

// Coded dollars whose sectors nobody named (no category file): the finance share is unknown.
TEST(ComputeMoneyProfile, FinanceShareIsUnknownWithoutSectors) {
  CandidateMoneyInput input;
  input.committee_ids = {"C1"};
  input.receipts = {
      Receipt("C1", "a|1", "NY", "GOLDMAN SACHS", "BANKER", ReceiptKind::kIndividual, 500)};
  const MoneyProfile profile = ComputeMoneyProfile(
      input, [](std::string_view, std::string_view) { return std::optional<std::string>("F1100"); },
      [](std::string_view) { return std::string(); }, 5);
  EXPECT_DOUBLE_EQ(profile.categorized_share, 1.0);
  EXPECT_FALSE(profile.finance_share.has_value());
}

// Nothing loaded for a candidate: every figure is zero, and a note says it is missing data.
TEST(ComputeMoneyProfile, SaysWhenNoMoneyIsLoaded) {
  CandidateMoneyInput input;
  input.committee_ids = {"C1"};
  const MoneyProfile profile = ComputeMoneyProfile(
      input, [](std::string_view, std::string_view) { return std::optional<std::string>(); },
      [](std::string_view) { return std::string(); }, 5);
  EXPECT_EQ(profile.total_receipts_cents, 0);
  ASSERT_EQ(profile.notes.size(), 2u);
  EXPECT_NE(profile.notes[1].find("no money of this candidate is loaded"), std::string::npos);
}

TEST(GiverKind, FromCommitteeType) {
  EXPECT_EQ(GiverKindFromCommitteeType("Q"), GiverKind::kPac);
  EXPECT_EQ(GiverKindFromCommitteeType("Y"), GiverKind::kParty);
  EXPECT_EQ(GiverKindFromCommitteeType("H"), GiverKind::kCandidateCommittee);
  EXPECT_EQ(GiverKindFromCommitteeType("I"), GiverKind::kOther);
}

}  // namespace
}  // namespace downballot::money
