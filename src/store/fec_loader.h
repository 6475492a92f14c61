// Writes parsed FEC bulk files (cn, cm, ccl, weball/webl, itpas2) into the store, one
// transaction per file. itcont is not stored row by row: the money module aggregates it and
// the store keeps each committee's totals packed.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "absl/status/status.h"
#include "model/donor_receipts_codec.h"
#include "model/fec.h"
#include "model/ingest_report.h"
#include "store/database.h"

namespace downballot::store {

// Each LoadFec* writes, in one transaction, the file's source_file row (with `report`'s counts,
// rejects and notes; `bytes` is the file size) and every record, each tagged with the file id and
// `cycle`, the FEC two-year period the file covers (2020 for 2019-20: ingest::FecCycleFromName
// reads it from "weball20.txt", else the caller passes it). It sets report.rows_stored to the
// number of records and report.kind to the FEC kind name when empty ("fec_candidates", ...).
// `report.content_hash` must be set.
// Errors, after which nothing is written:
//   InvalidArgument when `cycle` is not an even year in 1976..2100;
//   Internal when rows_read != rows_stored + rows_rejected, or on an SQLite error (including a
//     content hash already loaded: check IsFileLoaded first).
// Tables: fec_candidate, fec_committee, fec_linkage, fec_candidate_summary and
// fec_committee_contribution (docs/formats.md). Not thread-safe: one Database per thread.
absl::Status LoadFecCandidates(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                               std::span<const model::FecCandidate> candidates);
absl::Status LoadFecCommittees(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                               std::span<const model::FecCommittee> committees);
absl::Status LoadFecLinkages(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                             std::span<const model::FecLinkage> linkages);
absl::Status LoadFecCandidateSummaries(Database& db, model::FileReport& report, int64_t bytes,
                                       int cycle,
                                       std::span<const model::FecCandidateSummary> summaries);
// itpas2 (committee-to-candidate) rows: every field, the date as ISO text or NULL, amounts in
// cents, with the row's line.
absl::Status LoadFecCommitteeContributions(Database& db, model::FileReport& report, int64_t bytes,
                                           int cycle,
                                           std::span<const model::Contribution> contributions);

// itcont after aggregation: one fec_committee_donors row per committee, holding its donor
// totals as packed by model::DonorReceiptsPacker. Here rows_stored counts the contribution rows
// aggregated (the sum of the committees' `rows`), so rows_read == rows_stored + rows_rejected
// still holds for the file.
absl::Status LoadFecDonorReceipts(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                                  std::span<const model::PackedDonorReceipts> committees);

// Inserts one committee's packed totals; called by a DonorReceiptsProducer.
using DonorReceiptsInsert = std::function<absl::Status(const model::PackedDonorReceipts&)>;
// Calls its argument once per committee, in cmte_id order (money::ReceiptAggregator::Pack).
using DonorReceiptsProducer = std::function<absl::Status(const DonorReceiptsInsert&)>;

// As above, for totals produced while the transaction is open, so they need not be held all at
// once: `rows_aggregated` is the sum of the committees' `rows`, known before (the report is
// written first). A non-OK status from `produce` rolls back the load and is returned.
absl::Status LoadFecDonorReceipts(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                                  int64_t rows_aggregated, const DonorReceiptsProducer& produce);

}  // namespace downballot::store
