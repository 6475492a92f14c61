#include "cli/output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace downballot::cli {
namespace {

Table Sample() {
  return Table{{"name", "votes", "share", "winner"},
               {{std::string("Ocasio-Cortez, A."), int64_t{16898}, 0.567, true},
                {std::string("Crowley"), int64_t{12880}, 0.433, false},
                {Cell(), int64_t{0}, 0.0, false}}};
}

TEST(Output, CsvQuotesOnlyWhenNeeded) {
  std::ostringstream out;
  Render(Sample(), OutputFormat::kCsv, out);
  EXPECT_EQ(
      out.str(),
      "name,votes,share,winner\n\"Ocasio-Cortez, A.\",16898,0.567,yes\nCrowley,12880,0.433,no\n"
      ",0,0,no\n");
}

TEST(Output, JsonKeepsTypesAndNulls) {
  const nlohmann::json json = ToJson(Sample());
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[0]["votes"], 16898);
  EXPECT_EQ(json[0]["winner"], true);
  EXPECT_TRUE(json[2]["name"].is_null());
}

TEST(Output, TableAlignsNumbersRight) {
  std::ostringstream out;
  Render(Sample(), OutputFormat::kTable, out);
  EXPECT_NE(out.str().find("Crowley            12880"), std::string::npos) << out.str();
}

TEST(Output, DecimalsHaveFourSignificantDigitsAtLeastTwoDecimalsAndNoExponent) {
  std::ostringstream out;
  Render(Table{{"x"}, {{0.00001929}, {123456.7}, {25311.3}, {0.49963}, {1.0}, {-0.5}}},
         OutputFormat::kCsv, out);
  EXPECT_EQ(out.str(), "x\n0.00001929\n123456.7\n25311.3\n0.4996\n1\n-0.5\n");
}

// A table wider than the terminal cuts its widest text column, never a number or a header.
TEST(Output, TablesFitTheWidthByCuttingTextColumns) {
  std::ostringstream out;
  const Table table{{"race_id", "votes"},
                    {{std::string("ny.2018-06-26.primary.dem.state-committee.assembly-district-39"),
                      int64_t{1234567}}}};
  Render(table, OutputFormat::kTable, out, 30);
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line)) {
    const auto code_points = std::count_if(line.begin(), line.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    EXPECT_LE(code_points, 30) << line;
  }
  EXPECT_NE(out.str().find("ny.2018-06-26.primar\u2026  1234567"), std::string::npos) << out.str();
}

TEST(Output, SelectColumnsKeepsTheNamedOnesInOrder) {
  const Table table{{"a", "b", "c"}, {{int64_t{1}, int64_t{2}, int64_t{3}}}};
  const std::string_view keys[] = {"c", "a", "missing"};
  const Table narrow = SelectColumns(table, keys);
  EXPECT_EQ(narrow.columns, (std::vector<std::string>{"c", "a"}));
  ASSERT_EQ(narrow.rows.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(narrow.rows[0][0]), 3);
  EXPECT_EQ(std::get<int64_t>(narrow.rows[0][1]), 1);
}

TEST(Output, ParsesFormatNames) {
  EXPECT_EQ(ParseOutputFormat("JSON"), OutputFormat::kJson);
  EXPECT_FALSE(ParseOutputFormat("xml").has_value());
}

}  // namespace
}  // namespace downballot::cli
