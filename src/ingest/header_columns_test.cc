#include "ingest/header_columns.h"

#include <gtest/gtest.h>

namespace downballot::ingest {
namespace {

struct TestLayout {
  std::optional<size_t> office;
  std::optional<size_t> votes;
};

constexpr std::array<ColumnAlias<TestLayout>, 3> kAliases = {{
    {&TestLayout::office, "office type"},
    {&TestLayout::office, "office"},
    {&TestLayout::votes, "votes"},
}};

Record MakeRecord(std::vector<std::string> fields, bool ends_with_newline = true) {
  Record record;
  record.line = 3;
  record.fields = std::move(fields);
  record.ends_with_newline = ends_with_newline;
  return record;
}

TEST(HeaderColumns, MapsTrimmedNamesIgnoringCaseAndPrefersEarlierAliases) {
  const auto columns = ReadHeaderColumns("f.csv", MakeRecord({" Office ", "VOTES", "Office Type"}));
  ASSERT_TRUE(columns.ok()) << columns.status();
  EXPECT_EQ(columns->names[0], "Office");
  EXPECT_EQ(columns->lower_names[2], "office type");
  TestLayout layout;
  MapColumnAliases(*columns, kAliases, layout);
  EXPECT_EQ(layout.office, std::optional<size_t>(2));
  EXPECT_EQ(layout.votes, std::optional<size_t>(1));
  EXPECT_TRUE(IsMappedColumn(layout, kAliases, 1));
  EXPECT_FALSE(IsMappedColumn(layout, kAliases, 0));
}

TEST(HeaderColumns, RepeatedNameFailsNamingTheRepeat) {
  const auto columns = ReadHeaderColumns("f.csv", MakeRecord({"state", "x", "State "}));
  ASSERT_FALSE(columns.ok());
  EXPECT_EQ(std::string(columns.status().message()),
            "f.csv:3: column 'State' appears twice, so its values are ambiguous");
  EXPECT_TRUE(ReadHeaderColumns("f.csv", MakeRecord({"", "a", ""})).ok());
}

TEST(HeaderColumns, MissingColumnsAreListed) {
  EXPECT_TRUE(MissingColumnsError("f.csv", 1, {}).ok());
  EXPECT_EQ(std::string(MissingColumnsError("f.csv", 1, {"'a'"}).message()),
            "f.csv:1: missing required column 'a'");
  EXPECT_EQ(std::string(MissingColumnsError("f.csv", 1, {"'a'", "'b'"}).message()),
            "f.csv:1: missing required columns 'a', 'b'");
}

TEST(HeaderColumns, FieldCountRejectsOrFailsOnACutOffLastRow) {
  model::FileReport report;
  EXPECT_TRUE(*CheckFieldCount("f.csv", MakeRecord({"a", "b"}), 2, report));
  EXPECT_FALSE(*CheckFieldCount("f.csv", MakeRecord({"a", "b", "c"}), 2, report));
  EXPECT_FALSE(*CheckFieldCount("f.csv", MakeRecord({"a"}), 2, report));
  ASSERT_EQ(report.rows_rejected, 2);
  EXPECT_EQ(report.rejects[0].reason, "expected 2 fields, got 3");
  const auto cut_off = CheckFieldCount("f.csv", MakeRecord({"a"}, false), 2, report);
  ASSERT_FALSE(cut_off.ok());
  EXPECT_EQ(std::string(cut_off.status().message()),
            "f.csv:3: last row is cut off without a line break: expected 2 fields, got 1");
  EXPECT_EQ(TrimmedCell(MakeRecord({" x "}), 0), "x");
  EXPECT_EQ(TrimmedCell(MakeRecord({" x "}), std::nullopt), "");
}

}  // namespace
}  // namespace downballot::ingest
