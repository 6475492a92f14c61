// Reads the FEC tables into the structs a money profile is computed from.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/donor_receipts.h"
#include "model/fec.h"
#include "store/database.h"

namespace downballot::store {

struct FecCandidateInCycle {
  model::FecCandidate candidate;
  int cycle = 0;
};

// Candidates whose ID equals `query` or whose name contains it (ignoring case), in `cycle` when
// given; newest cycle first, then by name. Empty when none match.
[[nodiscard]] absl::StatusOr<std::vector<FecCandidateInCycle>> FindFecCandidates(
    Database& db, const std::string& query, std::optional<int> cycle);

// The candidate's principal (P) and authorized (A) committees in `cycle` (ccl), plus the
// principal committee named in cn; joint fundraisers and leadership PACs are left out
// (docs/money.md). Sorted, unique.
[[nodiscard]] absl::StatusOr<std::vector<std::string>> ReadCandidateCommittees(
    Database& db, const std::string& cand_id, int cycle);

// The itcont donor totals of each committee in `cmte_ids` for `cycle`, from every file that
// holds the committee: committees in the order of `cmte_ids` (one without totals adds none), a
// committee's totals sorted by donor_key, then kind (in ReceiptKind order), then file. DataLoss,
// naming the committee, cycle and file, when a stored blob does not unpack.
[[nodiscard]] absl::StatusOr<std::vector<model::DonorReceipts>> ReadDonorReceipts(
    Database& db, std::span<const std::string> cmte_ids, int cycle);

// itpas2 rows naming the candidate (every type; the caller decides what counts).
[[nodiscard]] absl::StatusOr<std::vector<model::Contribution>> ReadContributionsToCandidate(
    Database& db, const std::string& cand_id, int cycle);

// The committees (cm) of `cycle` among `cmte_ids` that are loaded, by ID: type, name and
// connected organization are what a money profile uses.
[[nodiscard]] absl::StatusOr<std::map<std::string, model::FecCommittee>> ReadCommittees(
    Database& db, std::span<const std::string> cmte_ids, int cycle);

// Whether any FEC candidate summary (weball/webl) of `cycle` is loaded.
[[nodiscard]] absl::StatusOr<bool> HasCandidateSummaries(Database& db, int cycle);

[[nodiscard]] absl::StatusOr<std::optional<model::FecCandidateSummary>> ReadCandidateSummary(
    Database& db, const std::string& cand_id, int cycle);

// Every loaded FEC candidate (cn) whose office is in `office_state` (upper-case postal code),
// every cycle, newest first: what linking one state's races reads.
[[nodiscard]] absl::StatusOr<std::vector<FecCandidateInCycle>> ReadFecCandidatesOfState(
    Database& db, const std::string& office_state);

// The cycles with any FEC candidate (cn) or candidate summary (weball) loaded, ascending.
[[nodiscard]] absl::StatusOr<std::vector<int>> ReadFecCycles(Database& db);

}  // namespace downballot::store
