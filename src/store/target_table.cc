#include "store/target_table.h"

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::store {
namespace {

// The WHERE clause of `filter`, with numbered parameters ?1.. for its values in the order
// state, level, party: only the parts asked for, so SQLite can pick the matching index.
struct Where {
  std::string sql;  // "" or " WHERE ..."
  std::vector<std::string> values;
};

Where FilterClause(const TargetPageRequest& filter) {
  Where where;
  std::vector<std::string> parts;
  const auto add = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    where.values.push_back(value);
    parts.push_back(fmt::format("{} = ?{}", column, where.values.size()));
  };
  add("state", filter.state);
  add("level", filter.level);
  add("party", filter.party);
  if (filter.open_only) parts.push_back("is_open = 1");
  if (!parts.empty()) where.sql = fmt::format(" WHERE {}", fmt::join(parts, " AND "));
  return where;
}

absl::Status BindValues(Statement& statement, const Where& where) {
  for (size_t idx = 0; idx < where.values.size(); ++idx) {
    RETURN_IF_ERROR(statement.Bind(static_cast<int>(idx) + 1, where.values[idx]));
  }
  return absl::OkStatus();
}

const char* OrderColumn(TargetOrder order) {
  switch (order) {
    case TargetOrder::kScore:
      return "score";
    case TargetOrder::kWinNumber:
      return "win_number";
    case TargetOrder::kBallots:
      return "ballots_for_office";
    case TargetOrder::kFieldSize:
      return "field_size";
  }
  return "score";
}

}  // namespace

absl::Status MarkTargetsStale(Database& db) {
  return db.Exec("UPDATE store_state SET value = '' WHERE key = 'targets_built_for'");
}

absl::StatusOr<std::string> ReadTargetsBuiltFor(Database& db) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT value FROM store_state WHERE key = 'targets_built_for'"));
  ASSIGN_OR_RETURN(const bool has_row, select.Step());
  return has_row ? select.ColumnText(0) : std::string();
}

absl::Status SaveTargets(Database& db, const std::vector<TargetRow>& rows,
                         const std::string& built_for) {
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  RETURN_IF_ERROR(db.Exec("DELETE FROM target; DELETE FROM target_document"));
  ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT INTO target VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                           "?7, ?8, ?9, ?10, ?11)"));
  ASSIGN_OR_RETURN(auto insert_document, db.Prepare("INSERT INTO target_document VALUES (?1, ?2)"));
  int64_t order = 0;
  for (const TargetRow& row : rows) {
    RETURN_IF_ERROR(insert.Bind(1, ++order));
    RETURN_IF_ERROR(insert.Bind(2, row.seat_id));
    RETURN_IF_ERROR(insert.Bind(3, row.party));
    RETURN_IF_ERROR(insert.Bind(4, row.state));
    RETURN_IF_ERROR(insert.Bind(5, row.jurisdiction));
    RETURN_IF_ERROR(insert.Bind(6, row.level));
    RETURN_IF_ERROR(insert.Bind(7, int64_t{row.is_open}));
    RETURN_IF_ERROR(insert.Bind(8, row.score));
    RETURN_IF_ERROR(insert.Bind(9, row.win_number));
    RETURN_IF_ERROR(insert.Bind(10, row.ballots_for_office));
    RETURN_IF_ERROR(insert.Bind(11, row.field_size));
    RETURN_IF_ERROR(insert.Execute());
    RETURN_IF_ERROR(insert_document.Bind(1, order));
    RETURN_IF_ERROR(insert_document.Bind(2, row.document));
    RETURN_IF_ERROR(insert_document.Execute());
  }
  ASSIGN_OR_RETURN(auto mark, db.Prepare("INSERT OR REPLACE INTO store_state VALUES "
                                         "('targets_built_for', ?1)"));
  RETURN_IF_ERROR(mark.Bind(1, built_for));
  RETURN_IF_ERROR(mark.Execute());
  // Statistics, so a page filtered by state and level reads the state's rows rather than every
  // party seat of the country (AK party seats of a 50-state store: 15 -> 1 ms).
  RETURN_IF_ERROR(db.Exec("ANALYZE target"));
  return transaction.Commit();
}

absl::StatusOr<TargetPage> ReadTargetPage(Database& db, const TargetPageRequest& request) {
  const Where where = FilterClause(request);
  TargetPage page;
  {
    ASSIGN_OR_RETURN(auto count, db.Prepare("SELECT COUNT(*) FROM target" + where.sql));
    RETURN_IF_ERROR(BindValues(count, where));
    ASSIGN_OR_RETURN(const bool has_row, count.Step());
    if (has_row) page.total = count.ColumnInt(0);
  }
  // score_order is the rank among every target, so in the unfiltered table it is the rank;
  // a filtered page numbers the rows that pass in score_order. The page is chosen on the
  // narrow rows; only its documents are read.
  const std::string columns = "score_order, score, win_number, ballots_for_office, field_size";
  const std::string ranked =
      where.sql.empty()
          ? fmt::format("SELECT score_order AS rank, {} FROM target", columns)
          : fmt::format("SELECT ROW_NUMBER() OVER (ORDER BY score_order) AS rank, {} FROM target{}",
                        columns, where.sql);
  const bool by_rank = request.order == TargetOrder::kScore && request.is_descending;
  const auto order = [&](std::string_view prefix) {
    return by_rank ? fmt::format("{}rank", prefix)
                   : fmt::format("{}{} {}, {}rank", prefix, OrderColumn(request.order),
                                 request.is_descending ? "DESC" : "ASC", prefix);
  };
  const std::string sql = fmt::format(
      "SELECT p.rank, d.document FROM (SELECT * FROM ({}) ORDER BY {} LIMIT ?{} OFFSET ?{}) p "
      "JOIN target_document d ON d.score_order = p.score_order ORDER BY {}",
      ranked, order(""), where.values.size() + 1, where.values.size() + 2, order("p."));
  ASSIGN_OR_RETURN(auto select, db.Prepare(sql));
  RETURN_IF_ERROR(BindValues(select, where));
  const int limit_index = static_cast<int>(where.values.size()) + 1;
  RETURN_IF_ERROR(select.Bind(limit_index, request.limit > 0 ? request.limit : int64_t{-1}));
  RETURN_IF_ERROR(select.Bind(limit_index + 1, request.offset));
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    page.rows.push_back({select.ColumnInt(0), select.ColumnText(1)});
  }
  return page;
}

absl::StatusOr<std::vector<TargetArea>> ReadTargetAreas(Database& db,
                                                        const TargetPageRequest& filter,
                                                        bool by_jurisdiction) {
  const Where where = FilterClause(filter);
  const std::string group = by_jurisdiction ? "state, jurisdiction" : "state";
  // SQLite gives the bare columns of an aggregate query with one MIN() the values of the row
  // holding the minimum: the best-ranked target's score and seat.
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare(fmt::format("SELECT state, {}, COUNT(*), SUM(is_open), MIN(score_order), score, "
                             "seat_id FROM target{} GROUP BY {} ORDER BY {}",
                             by_jurisdiction ? "jurisdiction" : "''", where.sql, group, group)));
  RETURN_IF_ERROR(BindValues(select, where));
  std::vector<TargetArea> areas;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    areas.push_back({select.ColumnText(0), select.ColumnText(1), select.ColumnInt(2),
                     select.ColumnInt(3), select.ColumnDouble(5), select.ColumnText(6)});
  }
  return areas;
}

}  // namespace downballot::store
