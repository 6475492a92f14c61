#include "ingest/fec_layout.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace downballot::ingest {
namespace {

constexpr std::string_view kFec2020Dir =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/fec/cycle2020_jk3587";

constexpr FecFileKind kAllKinds[] = {FecFileKind::kCandidates,
                                     FecFileKind::kCommittees,
                                     FecFileKind::kLinkages,
                                     FecFileKind::kIndividualContributions,
                                     FecFileKind::kCommitteeToCandidate,
                                     FecFileKind::kCommitteeToCommittee,
                                     FecFileKind::kCandidateSummary};

TEST(FecLayout, FieldCountsMatchTheFecFiles) {
  struct Case {
    FecFileKind kind;
    size_t want;
  };
  const Case cases[] = {
      {FecFileKind::kCandidates, 15},
      {FecFileKind::kCommittees, 15},
      {FecFileKind::kLinkages, 7},
      {FecFileKind::kIndividualContributions, 21},
      {FecFileKind::kCommitteeToCandidate, 22},
      {FecFileKind::kCommitteeToCommittee, 21},
      {FecFileKind::kCandidateSummary, 30},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.kind)));
    EXPECT_EQ(FecFieldCount(c.kind), c.want);
    EXPECT_EQ(FecColumns(c.kind).size(), c.want);
  }
}

TEST(FecLayout, ColumnNamesAreUniqueWithinALayout) {
  for (const FecFileKind kind : kAllKinds) {
    SCOPED_TRACE(std::string(ToString(kind)));
    const auto columns = FecColumns(kind);
    EXPECT_EQ(std::set<std::string_view>(columns.begin(), columns.end()).size(), columns.size());
  }
}

TEST(FecLayout, Itpas2IsTheContributionLayoutWithCandIdAfterOtherId) {
  std::vector<std::string_view> expected(kContributionColumns.begin(), kContributionColumns.end());
  expected.insert(expected.begin() + 16, "CAND_ID");
  EXPECT_EQ(std::vector<std::string_view>(kCommitteeToCandidateColumns.begin(),
                                          kCommitteeToCandidateColumns.end()),
            expected);
  static_assert(FecColumnIndex(kContributionColumns, "TRANSACTION_AMT") == 14);
  static_assert(FecColumnIndex(kCommitteeToCandidateColumns, "CAND_ID") == 16);
  static_assert(FecColumnIndex(kContributionColumns, "CAND_ID") == kContributionColumns.size());
}

TEST(FecLayout, KindFromNameCoversTheBulkNames) {
  struct Case {
    std::string_view name;
    std::optional<FecFileKind> want;
  };
  const Case cases[] = {
      {"cn.txt", FecFileKind::kCandidates},
      {"cn20.txt", FecFileKind::kCandidates},
      {"CN.TXT", FecFileKind::kCandidates},
      {"data/fec/cm.txt", FecFileKind::kCommittees},
      {"ccl.txt", FecFileKind::kLinkages},
      {"itcont.txt", FecFileKind::kIndividualContributions},
      {"itcont_2020_20190101_20190331.txt", FecFileKind::kIndividualContributions},
      {"itpas2.txt", FecFileKind::kCommitteeToCandidate},
      {"itoth.txt", FecFileKind::kCommitteeToCommittee},
      {"weball20.txt", FecFileKind::kCandidateSummary},
      {"webl20.txt", FecFileKind::kCandidateSummary},
      {"indiv20.zip", FecFileKind::kIndividualContributions},
      {"pas220.zip", FecFileKind::kCommitteeToCandidate},
      {"oth20.zip", FecFileKind::kCommitteeToCommittee},
      {"cn20.zip", FecFileKind::kCandidates},
      {"cm20.zip", FecFileKind::kCommittees},
      {"ccl20.zip", FecFileKind::kLinkages},
      {"weball20.zip", FecFileKind::kCandidateSummary},
      {"webl98.zip", FecFileKind::kCandidateSummary},
      // Not FEC kinds downballot reads, or not FEC names at all.
      {"webk20.txt", std::nullopt},
      {"oppexp.txt", std::nullopt},
      {"indiv_header_file.csv", std::nullopt},
      {"cn.zip", std::nullopt},
      {"cn2020.txt", std::nullopt},
      {"itcont20.txt", std::nullopt},
      {"cnx.txt", std::nullopt},
      {"indiv20.txt", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.name));
    EXPECT_EQ(FecFileKindFromName(c.name), c.want);
  }
}

TEST(FecLayout, CycleFromNameReadsTheTwoDigits) {
  struct Case {
    std::string_view name;
    std::optional<int> want;
  };
  const Case cases[] = {
      {"weball20.txt", 2020},       {"indiv20.zip", 2020},        {"cn98.zip", 1998},
      {"pas280.zip", 1980},         {"cm00.zip", 2000},           {"cn.txt", std::nullopt},
      {"itcont.txt", std::nullopt}, {"webl19.txt", std::nullopt}, {"webk20.txt", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.name));
    EXPECT_EQ(FecCycleFromName(c.name), c.want);
  }
}

TEST(FecLayout, KindNamesAreDistinct) {
  std::set<std::string_view> names;
  for (const FecFileKind kind : kAllKinds) names.insert(ToString(kind));
  EXPECT_EQ(names.size(), std::size(kAllKinds));
  EXPECT_EQ(ToString(FecFileKind::kCandidates), "fec_candidates");
}

// The FEC's own header files must agree with the layouts, name for name.
TEST(FecLayout, LayoutsMatchTheShippedHeaderFiles) {
  struct Case {
    std::string_view file;
    FecFileKind kind;
  };
  const Case cases[] = {
      {"cn_header_file.csv", FecFileKind::kCandidates},
      {"cm_header_file.csv", FecFileKind::kCommittees},
      {"ccl_header_file.csv", FecFileKind::kLinkages},
      {"indiv_header_file.csv", FecFileKind::kIndividualContributions},
      {"pas2_header_file.csv", FecFileKind::kCommitteeToCandidate},
      {"oth_header_file.csv", FecFileKind::kCommitteeToCommittee},
  };
  if (!std::filesystem::exists(std::string(kFec2020Dir))) GTEST_SKIP() << "no FEC sample data";
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.file));
    std::ifstream in(std::string(kFec2020Dir) + "/" + std::string(c.file));
    ASSERT_TRUE(in.good());
    std::string header;
    std::getline(in, header);
    if (!header.empty() && header.back() == '\r') header.pop_back();
    std::vector<std::string> names;
    size_t start = 0;
    for (size_t comma = header.find(',');; comma = header.find(',', start)) {
      names.push_back(header.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    const auto columns = FecColumns(c.kind);
    ASSERT_EQ(names.size(), columns.size());
    for (size_t idx = 0; idx < names.size(); ++idx) EXPECT_EQ(names[idx], columns[idx]);
  }
}

}  // namespace
}  // namespace downballot::ingest
