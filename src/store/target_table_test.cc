#include "store/target_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/test_database.h"

namespace downballot::store {
namespace {

using testing::OpenMigrated;

// Five targets in rank order: scores 0.9 .. 0.5.
std::vector<TargetRow> FiveTargets() {
  std::vector<TargetRow> rows;
  const char* states[] = {"NY", "AZ", "NY", "NY", "AZ"};
  const char* levels[] = {"party", "state", "state", "party", "party"};
  const char* parties[] = {"DEM", "REP", "DEM", "REP", "DEM"};
  const char* jurisdictions[] = {"Albany", "", "", "Albany", "Pima"};
  const int64_t wins[] = {40, 900, 12, 40, 7};
  for (int idx = 0; idx < 5; ++idx) {
    TargetRow row;
    row.seat_id = "seat" + std::to_string(idx);
    row.state = states[idx];
    row.level = levels[idx];
    row.party = parties[idx];
    row.jurisdiction = jurisdictions[idx];
    row.is_open = idx % 2 == 0;
    row.score = 0.9 - 0.1 * idx;
    row.win_number = wins[idx];
    row.ballots_for_office = wins[idx] * 2;
    row.field_size = idx + 1;
    row.document = "doc" + std::to_string(idx);
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> Documents(const TargetPage& page) {
  std::vector<std::string> out;
  for (const TargetPageRow& row : page.rows) {
    out.push_back(row.document + "#" + std::to_string(row.rank));
  }
  return out;
}

TEST(TargetTable, IsStaleUntilSavedAndAgainAfterAMark) {
  auto db = OpenMigrated();
  EXPECT_EQ(*ReadTargetsBuiltFor(*db), "");
  ASSERT_TRUE(SaveTargets(*db, FiveTargets(), "coding-1").ok());
  EXPECT_EQ(*ReadTargetsBuiltFor(*db), "coding-1");
  ASSERT_TRUE(MarkTargetsStale(*db).ok());
  EXPECT_EQ(*ReadTargetsBuiltFor(*db), "");
}

TEST(TargetTable, PagesRankAmongTheFilteredRows) {
  auto db = OpenMigrated();
  ASSERT_TRUE(SaveTargets(*db, FiveTargets(), "c").ok());
  TargetPageRequest all;
  all.limit = 2;
  absl::StatusOr<TargetPage> page = ReadTargetPage(*db, all);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 5);
  EXPECT_EQ(Documents(*page), (std::vector<std::string>{"doc0#1", "doc1#2"}));

  TargetPageRequest ny;
  ny.state = "NY";
  ny.offset = 1;
  page = ReadTargetPage(*db, ny);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 3);
  EXPECT_EQ(Documents(*page), (std::vector<std::string>{"doc2#2", "doc3#3"}));

  TargetPageRequest open_party;
  open_party.level = "party";
  open_party.open_only = true;
  page = ReadTargetPage(*db, open_party);
  EXPECT_EQ(Documents(*page), (std::vector<std::string>{"doc0#1", "doc4#2"}));
}

TEST(TargetTable, SortsByAColumnWithTiesInRankOrder) {
  auto db = OpenMigrated();
  ASSERT_TRUE(SaveTargets(*db, FiveTargets(), "c").ok());
  TargetPageRequest request;
  request.order = TargetOrder::kWinNumber;
  request.is_descending = false;
  request.limit = 0;
  absl::StatusOr<TargetPage> page = ReadTargetPage(*db, request);
  ASSERT_TRUE(page.ok()) << page.status();
  // 7, 12, 40 (seat0 before seat3: the better rank), 900.
  EXPECT_EQ(Documents(*page),
            (std::vector<std::string>{"doc4#5", "doc2#3", "doc0#1", "doc3#4", "doc1#2"}));
  request.is_descending = true;
  request.party = "DEM";
  page = ReadTargetPage(*db, request);
  EXPECT_EQ(Documents(*page), (std::vector<std::string>{"doc0#1", "doc2#2", "doc4#3"}));
}

TEST(TargetTable, AreasCountSeatsAndNameTheBestRanked) {
  auto db = OpenMigrated();
  ASSERT_TRUE(SaveTargets(*db, FiveTargets(), "c").ok());
  absl::StatusOr<std::vector<TargetArea>> states = ReadTargetAreas(*db, {}, false);
  ASSERT_TRUE(states.ok()) << states.status();
  ASSERT_EQ(states->size(), 2u);
  EXPECT_EQ((*states)[0].state, "AZ");
  EXPECT_EQ((*states)[0].seats, 2);
  EXPECT_EQ((*states)[0].open_seats, 1);
  EXPECT_EQ((*states)[0].best_seat_id, "seat1");
  EXPECT_DOUBLE_EQ((*states)[0].best_score, 0.8);
  EXPECT_EQ((*states)[1].seats, 3);
  EXPECT_EQ((*states)[1].best_seat_id, "seat0");

  TargetPageRequest party;
  party.level = "party";
  absl::StatusOr<std::vector<TargetArea>> counties = ReadTargetAreas(*db, party, true);
  ASSERT_TRUE(counties.ok()) << counties.status();
  ASSERT_EQ(counties->size(), 2u);
  EXPECT_EQ((*counties)[0].jurisdiction, "Pima");
  EXPECT_EQ((*counties)[1].jurisdiction, "Albany");
  EXPECT_EQ((*counties)[1].seats, 2);
  EXPECT_EQ((*counties)[1].best_seat_id, "seat0");
}

TEST(TargetTable, FilterValuesAreBoundNotSpliced) {
  auto db = OpenMigrated();
  ASSERT_TRUE(SaveTargets(*db, FiveTargets(), "c").ok());
  TargetPageRequest request;
  request.state = "NY' OR '1'='1";
  absl::StatusOr<TargetPage> page = ReadTargetPage(*db, request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 0);
}

}  // namespace
}  // namespace downballot::store
