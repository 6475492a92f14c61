#include "query/committee_receipts.h"

#include <map>
#include <utility>

#include "base/status_macros.h"
#include "ingest/fec_parser.h"
#include "money/contribution_rules.h"

namespace downballot::query {

absl::StatusOr<CommitteeReceiptsAnswer> SumCommitteeReceipts(std::span<const std::string> paths,
                                                             int num_threads) {
  ingest::ContributionScanOptions options;
  options.num_threads = std::max(1, num_threads);
  // One map per worker: the sink is called concurrently, each worker only touching its own.
  std::vector<std::map<std::string, CommitteeReceipts, std::less<>>> by_worker(
      static_cast<size_t>(options.num_threads));
  CommitteeReceiptsAnswer answer;
  for (const std::string& path : paths) {
    model::FileReport& report = answer.reports.emplace_back();
    report.path = path;
    RETURN_IF_ERROR(ingest::ScanContributions(
        path, ingest::FecFileKind::kIndividualContributions, report, options,
        [&by_worker](int worker, const model::ContributionView& row) {
          auto& committees = by_worker[static_cast<size_t>(worker)];
          auto entry = committees.find(row.cmte_id);
          if (entry == committees.end()) {
            entry = committees.emplace(std::string(row.cmte_id), CommitteeReceipts{}).first;
            entry->second.cmte_id = std::string(row.cmte_id);
          }
          CommitteeReceipts& sums = entry->second;
          ++sums.rows;
          const money::ReceiptTreatment treatment = money::TreatIndividualReceipt(row);
          switch (treatment.kind) {
            case model::ReceiptKind::kIndividual:
              sums.individual_cents += treatment.counted_cents;
              break;
            case model::ReceiptKind::kRefund:
              sums.refunds_cents += treatment.counted_cents;
              break;
            case model::ReceiptKind::kCandidateSelf:
              sums.candidate_cents += treatment.counted_cents;
              break;
            case model::ReceiptKind::kOther:
              sums.other_cents += treatment.counted_cents;
              break;
            case model::ReceiptKind::kConduitPassThrough:
            case model::ReceiptKind::kMemo:
              ++sums.uncounted_rows;
              break;
          }
          return absl::OkStatus();
        }));
    report.rows_stored = report.rows_read - report.rows_rejected;
  }
  std::map<std::string, CommitteeReceipts> merged;
  for (const auto& committees : by_worker) {
    for (const auto& [id, sums] : committees) {
      CommitteeReceipts& total = merged[id];
      total.cmte_id = id;
      total.rows += sums.rows;
      total.individual_cents += sums.individual_cents;
      total.refunds_cents += sums.refunds_cents;
      total.candidate_cents += sums.candidate_cents;
      total.other_cents += sums.other_cents;
      total.uncounted_rows += sums.uncounted_rows;
    }
  }
  for (auto& [id, sums] : merged) answer.committees.push_back(std::move(sums));
  return answer;
}

Table CommitteeReceiptsTable(const CommitteeReceiptsAnswer& answer) {
  Table table{{"cmte_id", "rows", "individual_dollars", "refunds_dollars", "candidate_dollars",
               "other_dollars", "receipts_dollars", "uncounted_rows"},
              {}};
  // Exact cents as text ("1273519.00"), as the default `committees` lines print them.
  const auto dollars = [](base::Cents cents) { return base::FormatDollars(cents); };
  for (const CommitteeReceipts& sums : answer.committees) {
    std::vector<Cell>& row = table.rows.emplace_back();
    row.emplace_back(sums.cmte_id);
    row.emplace_back(sums.rows);
    row.emplace_back(dollars(sums.individual_cents));
    row.emplace_back(dollars(sums.refunds_cents));
    row.emplace_back(dollars(sums.candidate_cents));
    row.emplace_back(dollars(sums.other_cents));
    row.emplace_back(dollars(sums.ReceiptsCents()));
    row.emplace_back(sums.uncounted_rows);
  }
  return table;
}

}  // namespace downballot::query
