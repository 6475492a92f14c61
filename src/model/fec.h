// FEC bulk-file records (cn, cm, ccl, itcont/itpas2/itoth, weball/webl) as plain structs.
// Field meanings: docs/formats.md; FEC terms are kept as field names where they are the
// readable name too (cmte_id, cand_id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/money.h"

namespace downballot::model {

// cn.txt: one candidate per line.
struct FecCandidate {
  std::string cand_id;               // "H8CA39133"
  std::string name;                  // "LAST, FIRST MIDDLE \"NICK\" SUFFIX"
  std::string party;                 // CAND_PTY_AFFILIATION: "DEM", "REP", ...
  int election_year = 0;             // CAND_ELECTION_YR
  std::string office_state;          // CAND_OFFICE_ST
  std::string office;                // CAND_OFFICE: H, S, P
  std::string office_district;       // CAND_OFFICE_DISTRICT: "14", "00"
  std::string incumbent_challenger;  // CAND_ICI: I, C, O or ""
  std::string status;                // CAND_STATUS
  std::string principal_committee;   // CAND_PCC
  std::string state;                 // CAND_ST (mailing address)
  std::string zip;
};

// cm.txt: one committee per line.
struct FecCommittee {
  std::string cmte_id;
  std::string name;
  std::string treasurer;
  std::string state;
  std::string zip;
  std::string designation;  // CMTE_DSGN: A, B, D, J, P, U
  std::string type;         // CMTE_TP: H, S, P, Q, N, Y, ...
  std::string party;        // CMTE_PTY_AFFILIATION
  std::string filing_frequency;
  std::string org_type;       // ORG_TP: C, L, M, T, V, W
  std::string connected_org;  // CONNECTED_ORG_NM
  std::string cand_id;
};

// ccl.txt: a candidate-committee linkage.
struct FecLinkage {
  std::string cand_id;
  int cand_election_year = 0;
  int fec_election_year = 0;
  std::string cmte_id;
  std::string cmte_type;
  std::string cmte_designation;
  int64_t linkage_id = 0;
};

// itcont (individual), itpas2 (committee to candidate) and itoth (committee to committee)
// share this layout; itpas2 adds cand_id.
struct Contribution {
  int64_t line = 0;
  std::string cmte_id;          // the filer (recipient for receipts)
  std::string amendment;        // AMNDT_IND: N, A, T
  std::string report_type;      // RPT_TP
  std::string primary_general;  // TRANSACTION_PGI
  std::string image_num;
  std::string transaction_type;  // TRANSACTION_TP: 15, 15E, 22Y, 24T, 24K, ...
  std::string entity_type;       // ENTITY_TP: IND, CAN, COM, ORG, PAC, PTY, CCM
  std::string name;
  std::string city;
  std::string state;
  std::string zip;  // as given: 5 or 9 digits, sometimes other lengths
  std::string employer;
  std::string occupation;
  std::optional<base::Date> date;  // TRANSACTION_DT (MMDDYYYY); empty in some rows
  base::Cents amount_cents = 0;
  std::string other_id;  // OTHER_ID: the conduit or contributor committee
  std::string cand_id;   // itpas2 only
  std::string tran_id;
  int64_t file_num = 0;
  std::string memo_code;  // MEMO_CD: "X" or ""
  std::string memo_text;
  int64_t sub_id = 0;  // FEC's unique row id
};

// The fields of one itcont row that donor totals are built from, as views into the reader's
// buffer: what ingest::ScanContributions hands on, so a row costs no string copy. Valid only
// during the call that receives it.
struct ContributionView {
  std::string_view cmte_id;
  std::string_view transaction_type;
  std::string_view entity_type;
  std::string_view name;
  std::string_view state;
  std::string_view zip;
  std::string_view employer;
  std::string_view occupation;
  std::string_view memo_code;
  int date_key = 0;  // TRANSACTION_DT as yyyymmdd; 0 when the field is empty
  base::Cents amount_cents = 0;
  // Where the row's line starts in the (unzipped) file, in bytes: orders rows whichever worker
  // read them, so ties resolve the same for any split of the file among threads.
  int64_t position = 0;
};

// A date as yyyymmdd, so that dates compare as integers; 0 for no date.
[[nodiscard]] inline int DateKey(const std::optional<base::Date>& date) {
  return date ? date->year * 10000 + date->month * 100 + date->day : 0;
}

// The views of `row`'s fields, positioned by its line; valid while `row` lives and is not changed.
[[nodiscard]] inline ContributionView ViewOf(const Contribution& row) {
  ContributionView view;
  view.cmte_id = row.cmte_id;
  view.transaction_type = row.transaction_type;
  view.entity_type = row.entity_type;
  view.name = row.name;
  view.state = row.state;
  view.zip = row.zip;
  view.employer = row.employer;
  view.occupation = row.occupation;
  view.memo_code = row.memo_code;
  view.date_key = DateKey(row.date);
  view.amount_cents = row.amount_cents;
  view.position = row.line;  // line order is file order, as byte order is
  return view;
}

// weball/webl: the FEC's own summary of a candidate's cycle, in cents.
struct FecCandidateSummary {
  std::string cand_id;
  std::string name;
  std::string incumbent_challenger;
  std::string party_code;
  std::string party;
  base::Cents total_receipts = 0;
  base::Cents transfers_from_authorized = 0;
  base::Cents total_disbursements = 0;
  base::Cents transfers_to_authorized = 0;
  base::Cents cash_on_hand_start = 0;
  base::Cents cash_on_hand_end = 0;
  base::Cents candidate_contributions = 0;
  base::Cents candidate_loans = 0;
  base::Cents other_loans = 0;
  base::Cents candidate_loan_repayments = 0;
  base::Cents other_loan_repayments = 0;
  base::Cents debts_owed_by = 0;
  base::Cents individual_contributions = 0;
  std::string office_state;
  std::string office_district;
  std::string special_election_status;
  std::string primary_election_status;
  std::string runoff_election_status;
  std::string general_election_status;
  std::string general_election_percent;
  base::Cents other_committee_contributions = 0;
  base::Cents party_contributions = 0;
  std::optional<base::Date> coverage_end_date;
  base::Cents individual_refunds = 0;
  base::Cents committee_refunds = 0;
};

}  // namespace downballot::model
