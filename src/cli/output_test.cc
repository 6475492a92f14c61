#include "cli/output.h"

#include <gtest/gtest.h>

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

TEST(Output, DecimalsHaveFourSignificantDigitsAndNoExponent) {
  std::ostringstream out;
  Render(Table{{"x"}, {{0.00001929}, {123456.7}, {0.49963}, {1.0}, {-0.5}}}, OutputFormat::kCsv,
         out);
  EXPECT_EQ(out.str(), "x\n0.00001929\n123457\n0.4996\n1\n-0.5\n");
}

TEST(Output, ParsesFormatNames) {
  EXPECT_EQ(ParseOutputFormat("JSON"), OutputFormat::kJson);
  EXPECT_FALSE(ParseOutputFormat("xml").has_value());
}

}  // namespace
}  // namespace downballot::cli
