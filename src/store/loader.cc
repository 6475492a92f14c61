#include "store/loader.h"

#include <chrono>
#include <map>
#include <tuple>

#include "base/status_macros.h"
#include "fmt/chrono.h"
#include "fmt/format.h"

namespace downballot::store {
namespace {

std::string NowUtc() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

// Inserts the source_file row with its rejects and notes; returns its id.
absl::StatusOr<int64_t> InsertSourceFile(Database& db, const model::FileReport& report,
                                         int64_t bytes) {
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO source_file (path, kind, content_hash, bytes, rows_read, "
                              "rows_stored, rows_rejected, ingested_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id"));
  RETURN_IF_ERROR(insert.Bind(1, report.path));
  RETURN_IF_ERROR(insert.Bind(2, report.kind));
  RETURN_IF_ERROR(insert.Bind(3, report.content_hash));
  RETURN_IF_ERROR(insert.Bind(4, bytes));
  RETURN_IF_ERROR(insert.Bind(5, report.rows_read));
  RETURN_IF_ERROR(insert.Bind(6, report.rows_stored));
  RETURN_IF_ERROR(insert.Bind(7, report.rows_rejected));
  RETURN_IF_ERROR(insert.Bind(8, NowUtc()));
  ASSIGN_OR_RETURN(const bool has_row, insert.Step());
  if (!has_row) return absl::InternalError("insert into source_file returned no id");
  const int64_t file_id = insert.ColumnInt(0);

  ASSIGN_OR_RETURN(auto reject, db.Prepare("INSERT INTO row_reject VALUES (?1, ?2, ?3, ?4)"));
  for (const model::RowError& error : report.rejects) {
    RETURN_IF_ERROR(reject.Bind(1, file_id));
    RETURN_IF_ERROR(reject.Bind(2, error.line));
    RETURN_IF_ERROR(reject.Bind(3, error.field));
    RETURN_IF_ERROR(reject.Bind(4, error.reason));
    RETURN_IF_ERROR(reject.Execute());
  }
  ASSIGN_OR_RETURN(auto note, db.Prepare("INSERT INTO file_note VALUES (?1, ?2)"));
  for (const std::string& text : report.notes) {
    RETURN_IF_ERROR(note.Bind(1, file_id));
    RETURN_IF_ERROR(note.Bind(2, text));
    RETURN_IF_ERROR(note.Execute());
  }
  return file_id;
}

// The fields a result row is summed over when it is tallied (see result_tally).
using TallyKey = std::tuple<std::string, std::string, std::string, std::string, std::string_view,
                            std::string, bool, std::string_view, std::string, std::string>;

absl::Status InsertTallies(Database& db, int64_t file_id, const model::ResultFileInfo& info,
                           std::span<const model::ResultRow> rows) {
  std::map<TallyKey, int64_t> tallies;
  for (const model::ResultRow& row : rows) {
    const bool is_precinct_level = info.is_precinct_level && !row.precinct.empty();
    tallies[TallyKey{row.race_party, row.office, row.district, row.jurisdiction,
                     model::ToString(row.level), row.county, is_precinct_level,
                     model::ToString(row.kind), row.candidate, row.party}] += row.votes;
  }
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO result_tally VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                              "?9, ?10, ?11, ?12, ?13, ?14, ?15)"));
  const std::string date = info.date.ToIso();
  for (const auto& [key, votes] : tallies) {
    const auto& [race_party, office, district, jurisdiction, level, county, is_precinct_level,
                 kind, candidate, party] = key;
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, date));
    RETURN_IF_ERROR(insert.Bind(3, info.state));
    RETURN_IF_ERROR(insert.Bind(4, model::ToString(info.stage)));
    RETURN_IF_ERROR(insert.Bind(5, race_party));
    RETURN_IF_ERROR(insert.Bind(6, office));
    RETURN_IF_ERROR(insert.Bind(7, district));
    RETURN_IF_ERROR(insert.Bind(8, jurisdiction));
    RETURN_IF_ERROR(insert.Bind(9, level));
    RETURN_IF_ERROR(insert.Bind(10, county));
    RETURN_IF_ERROR(insert.Bind(11, int64_t{is_precinct_level}));
    RETURN_IF_ERROR(insert.Bind(12, kind));
    RETURN_IF_ERROR(insert.Bind(13, candidate));
    RETURN_IF_ERROR(insert.Bind(14, party));
    RETURN_IF_ERROR(insert.Bind(15, votes));
    RETURN_IF_ERROR(insert.Execute());
  }
  return absl::OkStatus();
}

absl::Status CheckAccounting(const model::FileReport& report) {
  if (report.rows_read != report.rows_stored + report.rows_rejected) {
    return absl::InternalError(fmt::format("{}: rows read {} != stored {} + rejected {}",
                                           report.path, report.rows_read, report.rows_stored,
                                           report.rows_rejected));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<bool> IsFileLoaded(Database& db, std::string_view content_hash) {
  ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT 1 FROM source_file WHERE content_hash = ?1"));
  RETURN_IF_ERROR(query.Bind(1, content_hash));
  return query.Step();
}

absl::Status LoadResults(Database& db, model::FileReport& report, int64_t bytes,
                         const model::ResultFileInfo& info, std::span<const model::ResultRow> rows) {
  report.rows_stored = static_cast<int64_t>(rows.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO result_row VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                              "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"));
  const std::string date = info.date.ToIso();
  const std::string_view stage = model::ToString(info.stage);
  for (const model::ResultRow& row : rows) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, row.line));
    RETURN_IF_ERROR(insert.Bind(3, date));
    RETURN_IF_ERROR(insert.Bind(4, info.state));
    RETURN_IF_ERROR(insert.Bind(5, stage));
    RETURN_IF_ERROR(insert.Bind(6, row.race_party));
    RETURN_IF_ERROR(insert.Bind(7, row.county));
    RETURN_IF_ERROR(insert.Bind(8, row.precinct));
    RETURN_IF_ERROR(insert.Bind(9, int64_t{info.is_precinct_level && !row.precinct.empty()}));
    RETURN_IF_ERROR(insert.Bind(10, row.office_raw));
    RETURN_IF_ERROR(insert.Bind(11, row.office));
    RETURN_IF_ERROR(insert.Bind(12, model::ToString(row.level)));
    RETURN_IF_ERROR(insert.Bind(13, row.district));
    RETURN_IF_ERROR(insert.Bind(14, row.jurisdiction));
    RETURN_IF_ERROR(insert.Bind(15, row.party_raw));
    RETURN_IF_ERROR(insert.Bind(16, row.party));
    RETURN_IF_ERROR(insert.Bind(17, row.candidate));
    RETURN_IF_ERROR(insert.Bind(18, model::ToString(row.kind)));
    RETURN_IF_ERROR(insert.Bind(19, row.votes));
    RETURN_IF_ERROR(insert.Bind(20, int64_t{row.is_votes_missing}));
    RETURN_IF_ERROR(insert.Execute());
  }
  RETURN_IF_ERROR(InsertTallies(db, file_id, info, rows));
  RETURN_IF_ERROR(db.Exec("UPDATE store_state SET value = '1' WHERE key = 'races_stale'"));
  return transaction.Commit();
}

absl::Status LoadPrimaryCandidacies(Database& db, model::FileReport& report, int64_t bytes,
                                    std::span<const model::PrimaryCandidacy> candidacies) {
  report.rows_stored = static_cast<int64_t>(candidacies.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO primary_candidacy (file_id, line, cycle, party, "
                              "candidate, state, district, office_type, race_type, primary_date, "
                              "primary_status, runoff_status, general_status, partisan_lean, "
                              "primary_pct, won_primary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                              "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id"));
  ASSIGN_OR_RETURN(auto endorse, db.Prepare("INSERT INTO endorsement VALUES (?1, ?2, ?3)"));
  for (const model::PrimaryCandidacy& c : candidacies) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, c.line));
    RETURN_IF_ERROR(insert.Bind(3, int64_t{c.cycle}));
    RETURN_IF_ERROR(insert.Bind(4, c.party));
    RETURN_IF_ERROR(insert.Bind(5, c.candidate));
    RETURN_IF_ERROR(insert.Bind(6, c.state));
    RETURN_IF_ERROR(insert.Bind(7, c.district));
    RETURN_IF_ERROR(insert.Bind(8, c.office_type));
    RETURN_IF_ERROR(insert.Bind(9, c.race_type));
    if (c.primary_date) {
      RETURN_IF_ERROR(insert.Bind(10, c.primary_date->ToIso()));
    } else {
      RETURN_IF_ERROR(insert.BindNull(10));
    }
    RETURN_IF_ERROR(insert.Bind(11, c.primary_status));
    RETURN_IF_ERROR(insert.Bind(12, c.runoff_status));
    RETURN_IF_ERROR(insert.Bind(13, c.general_status));
    RETURN_IF_ERROR(insert.Bind(14, c.partisan_lean));
    RETURN_IF_ERROR(insert.Bind(15, c.primary_pct));
    if (c.won_primary) {
      RETURN_IF_ERROR(insert.Bind(16, int64_t{*c.won_primary}));
    } else {
      RETURN_IF_ERROR(insert.BindNull(16));
    }
    ASSIGN_OR_RETURN(const bool has_row, insert.Step());
    if (!has_row) return absl::InternalError("insert into primary_candidacy returned no id");
    const int64_t candidacy_id = insert.ColumnInt(0);
    insert.Reset();
    for (const model::EndorsementCell& cell : c.endorsements) {
      const std::string_view value = cell.value == model::Endorsement::kYes  ? "yes"
                                     : cell.value == model::Endorsement::kNo ? "no"
                                                                             : "not_tracked";
      RETURN_IF_ERROR(endorse.Bind(1, candidacy_id));
      RETURN_IF_ERROR(endorse.Bind(2, cell.group));
      RETURN_IF_ERROR(endorse.Bind(3, value));
      RETURN_IF_ERROR(endorse.Execute());
    }
  }
  return transaction.Commit();
}

absl::Status LoadPartisanLeans(Database& db, model::FileReport& report, int64_t bytes,
                               std::span<const model::PartisanLean> leans) {
  report.rows_stored = static_cast<int64_t>(leans.size());
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT INTO partisan_lean VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const model::PartisanLean& lean : leans) {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, int64_t{lean.year}));
    RETURN_IF_ERROR(insert.Bind(3, lean.state));
    RETURN_IF_ERROR(insert.Bind(4, lean.district));
    RETURN_IF_ERROR(insert.Bind(5, lean.dem_margin));
    RETURN_IF_ERROR(insert.Execute());
  }
  return transaction.Commit();
}

}  // namespace downballot::store
