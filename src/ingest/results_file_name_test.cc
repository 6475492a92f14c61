#include "ingest/results_file_name.h"

#include <gtest/gtest.h>

#include <string>

namespace downballot::ingest {
namespace {

using model::ElectionStage;

TEST(ResultsFileName, ParsesTheConventionAndItsRealVariants) {
  struct Case {
    const char* path;
    const char* date;
    ElectionStage stage;
    const char* party;
    const char* county;
    bool is_precinct_level;
    const char* state = "NY";
  };
  const Case cases[] = {
      {"20180626__ny__primary__county.csv", "2018-06-26", ElectionStage::kPrimary, "", "", false},
      {"/data/2018/20181106__ny__general__erie__precinct.csv", "2018-11-06",
       ElectionStage::kGeneral, "", "Erie", true},
      {"20160913__ny__primary_county.csv", "2016-09-13", ElectionStage::kPrimary, "", "", false},
      {"20160419__ny__primary__president.csv", "2016-04-19", ElectionStage::kPrimary, "", "",
       false},
      {"20160628__ny__primary__us_house__counties.csv", "2016-06-28", ElectionStage::kPrimary, "",
       "", false},
      {"20160913__ny__republican__primary__richmond__precinct.csv", "2016-09-13",
       ElectionStage::kPrimary, "REP", "Richmond", true},
      {"20160419__ny__primary__new_york__precinct.csv", "2016-04-19", ElectionStage::kPrimary, "",
       "New York", true},
      {"20180913__ny__primary__st_lawrence__precinct.csv", "2018-09-13", ElectionStage::kPrimary,
       "", "St. Lawrence", true},
      {"20170523__ny__special__general__state_assembly__precinct.csv", "2017-05-23",
       ElectionStage::kSpecial, "", "", true},
      {"20180213__ny__general__special__suffolk__precinct.csv", "2018-02-13",
       ElectionStage::kSpecial, "", "Suffolk", true},
      {"20180724__tx__runoff__county.CSV", "2018-07-24", ElectionStage::kRunoff, "", "", false,
       "TX"},
      {"C:\\data\\20160628__ny__primary__chenango__precinct.csv", "2016-06-28",
       ElectionStage::kPrimary, "", "Chenango", true},
      // Wisconsin reports by ward; a special election has its own primary.
      {"20180220__wi__primary__ward.csv", "2018-02-20", ElectionStage::kPrimary, "", "", true,
       "WI"},
      {"20180515__wi__special__primary__ward.csv", "2018-05-15", ElectionStage::kSpecialPrimary, "",
       "", true, "WI"},
      // Runoffs: of a primary when the name says so, or names a party, or falls before
      // November; of a general otherwise.
      {"20180724__ga__primary__runoff.csv", "2018-07-24", ElectionStage::kRunoff, "", "", false,
       "GA"},
      {"20180522__tx__primary_runoff__county.csv", "2018-05-22", ElectionStage::kRunoff, "", "",
       false, "TX"},
      {"20180522__tx__democratic__runoff__harris__precinct.csv", "2018-05-22",
       ElectionStage::kRunoff, "DEM", "Harris", true, "TX"},
      {"20181204__ga__general__runoff.csv", "2018-12-04", ElectionStage::kGeneralRunoff, "", "",
       false, "GA"},
      {"20181204__ga__runoff.csv", "2018-12-04", ElectionStage::kGeneralRunoff, "", "", false,
       "GA"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    const auto info = ParseResultFileName(c.path);
    ASSERT_TRUE(info.ok()) << info.status();
    EXPECT_EQ(info->date.ToIso(), c.date);
    EXPECT_EQ(info->stage, c.stage);
    EXPECT_EQ(info->party, c.party);
    EXPECT_EQ(info->county, c.county);
    EXPECT_EQ(info->is_precinct_level, c.is_precinct_level);
    EXPECT_EQ(info->state, c.state);
  }
}

TEST(ResultsFileName, RejectsNamesOffTheConvention) {
  struct Case {
    const char* path;
    const char* why;
  };
  const Case cases[] = {
      {"results.csv", "too few parts"},
      {"2018-06-26__ny__primary__county.csv", "is not a YYYYMMDD date"},
      {"20181306__ny__primary__county.csv", "is not a YYYYMMDD date"},
      {"20180626__new_york__primary__county.csv", "two-letter state code"},
      {"20180626__ny__county.csv", "neither a party nor an election stage"},
      {"20180626__ny__primary__albany.csv", "is not a level"},
      {"20180626__ny__primary__county.txt", "not a .csv file"},
      {"20180626__ny____primary__county.csv", "empty part"},
      {"20180626__ny__primary__albany__erie__precinct.csv", "follows the county"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    const auto info = ParseResultFileName(c.path);
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.status().code(), absl::StatusCode::kInvalidArgument);
    const std::string message(info.status().message());
    EXPECT_NE(message.find(c.path), std::string::npos) << message;
    EXPECT_NE(message.find(c.why), std::string::npos) << message;
  }
}

TEST(ResultsFileName, NormalisesCountyNames) {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case cases[] = {
      {"new_york", "New York"},
      {"st_lawrence", "St. Lawrence"},
      {"ST LAWRENCE", "St. Lawrence"},
      {"St.Lawrence", "St. Lawrence"},
      {"St. Lawrence", "St. Lawrence"},
      {"BRONX", "Bronx"},
      {"Kings", "Kings"},
      {"McKean", "McKean"},
      {"  erie ", "Erie"},
      {"", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.raw);
    EXPECT_EQ(NormalizeCountyName(c.raw), c.want);
  }
}

}  // namespace
}  // namespace downballot::ingest
