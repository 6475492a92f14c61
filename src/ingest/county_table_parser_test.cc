#include "ingest/county_table_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace downballot::ingest {
namespace {

TEST(CountyTableParser, ReadsCodesPaddedAndRejectsBadRows) {
  const std::string text =
      "fips,county_name,state_abbr,state_name\r\n"
      "1001,Autauga County,AL,Alabama\r\n"
      "36055,Monroe County,NY,New York\r\n"
      "35013,Do\xd0"
      "a Ana County,NM,New Mexico\r\n"
      "12,Short,NY,New York\r\n"
      "36056,Nowhere County,XX,Nowhere\r\n"
      "36057,,NY,New York\r\n";
  model::FileReport report;
  const auto counties = ParseCountyTable("county_fips_master.csv", text, report);
  ASSERT_TRUE(counties.ok()) << counties.status();
  ASSERT_EQ(counties->size(), 3u);
  EXPECT_EQ((*counties)[0].fips, "01001");
  EXPECT_EQ((*counties)[0].state, "AL");
  EXPECT_EQ((*counties)[1].name, "Monroe County");
  EXPECT_EQ((*counties)[2].state, "NM");
  EXPECT_EQ(report.rows_read, 6);
  ASSERT_EQ(report.rejects.size(), 3u);
  EXPECT_EQ(report.rejects[0].field, "fips");
  EXPECT_EQ(report.rejects[0].line, 5);
  EXPECT_EQ(report.rejects[1].field, "state_abbr");
  EXPECT_EQ(report.rejects[2].field, "county_name");
}

TEST(CountyTableParser, FailsWithoutItsColumns) {
  model::FileReport report;
  const auto counties = ParseCountyTable("x.csv", "fips,name\n1001,A\n", report);
  ASSERT_FALSE(counties.ok());
  EXPECT_NE(counties.status().message().find("x.csv:1:"), std::string::npos);
}

}  // namespace
}  // namespace downballot::ingest
