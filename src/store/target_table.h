// The ranked targets as a derived table: written whole after the races or the FEC data change,
// read a filtered, sorted page at a time through its indexes (docs/api.md, "Targets at national
// scale").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/database.h"

namespace downballot::store {

// One ranked target as stored: the columns a page filters and sorts on, and its document (the
// target's JSON, which the store does not read).
struct TargetRow {
  std::string seat_id;
  std::string party;  // upper case
  std::string state;  // upper case
  std::string jurisdiction;
  std::string level;
  bool is_open = false;
  double score = 0;
  int64_t win_number = 0;
  int64_t ballots_for_office = 0;
  int64_t field_size = 0;
  std::string document;
};

// Marks the table out of date; every load and race rebuild calls it inside its own transaction.
absl::Status MarkTargetsStale(Database& db);

// The coding key the table was built for ("" when it is out of date).
[[nodiscard]] absl::StatusOr<std::string> ReadTargetsBuiltFor(Database& db);

// Replaces every row by `rows`, which must be in rank order (best first), and records
// `built_for` (non-empty), in one transaction.
absl::Status SaveTargets(Database& db, const std::vector<TargetRow>& rows,
                         const std::string& built_for);

enum class TargetOrder { kScore, kWinNumber, kBallots, kFieldSize };

// Exact matches on the upper-case state, level and party; "" matches every value.
struct TargetPageRequest {
  std::string state;
  std::string level;
  std::string party;
  bool open_only = false;
  TargetOrder order = TargetOrder::kScore;
  bool is_descending = true;
  int64_t limit = 25;  // 0 = every row
  int64_t offset = 0;
};

struct TargetPageRow {
  int64_t rank = 0;  // by score among the rows that pass the filter, 1 = best
  std::string document;
};

struct TargetPage {
  int64_t total = 0;  // rows that pass the filter
  std::vector<TargetPageRow> rows;
};

// The page: rows in the requested order, ties by rank. Errors: the store's.
[[nodiscard]] absl::StatusOr<TargetPage> ReadTargetPage(Database& db,
                                                        const TargetPageRequest& request);

// Per state (or, with `by_jurisdiction`, per state and jurisdiction) of the rows passing the
// filter (order and paging ignored): seats, open seats, best score and its seat.
struct TargetArea {
  std::string state;
  std::string jurisdiction;  // "" per state
  int64_t seats = 0;
  int64_t open_seats = 0;
  double best_score = 0;
  std::string best_seat_id;  // the best-ranked seat of the area
};
[[nodiscard]] absl::StatusOr<std::vector<TargetArea>> ReadTargetAreas(
    Database& db, const TargetPageRequest& filter, bool by_jurisdiction);

}  // namespace downballot::store
