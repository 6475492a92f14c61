#include "ingest/partisan_lean_parser.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/test_files.h"

namespace downballot::ingest {
namespace {

using testing::Message;
using testing::ReadWholeFile;

constexpr std::string_view kLeanDir =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/fivethirtyeight/partisan-lean";

TEST(PartisanLeanParser, ParseLeanMarginReadsBothFormats) {
  struct Case {
    std::string_view name;
    std::string_view input;
    std::optional<double> want;
  };
  const Case cases[] = {
      {"republican string", "R+15.21", -15.21},
      {"democratic string", "D+3", 3.0},
      {"lowercase prefix", "d+12.5", 12.5},
      {"even", "EVEN", 0.0},
      {"even lowercase", "even", 0.0},
      {"signed float", "-14.6111", -14.6111},
      {"positive float", "13.7246", 13.7246},
      {"explicit plus", "+2", 2.0},
      {"padded", "  R+1  ", -1.0},
      {"zero republican is zero", "R+0", 0.0},
      {"empty", "", std::nullopt},
      {"prefix only", "R+", std::nullopt},
      {"signed after prefix", "R+-3", std::nullopt},
      {"double prefix", "R++3", std::nullopt},
      {"unknown party", "I+3", std::nullopt},
      {"words", "lean R", std::nullopt},
      {"percent sign", "D+3%", std::nullopt},
      {"nan", "nan", std::nullopt},
      {"infinity", "inf", std::nullopt},
      {"beyond 100 points", "R+150", std::nullopt},
      {"comma decimal", "3,5", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::optional<double> got = ParseLeanMargin(c.input);
    ASSERT_EQ(got.has_value(), c.want.has_value());
    if (got.has_value()) {
      EXPECT_DOUBLE_EQ(*got, *c.want);
      EXPECT_FALSE(std::signbit(*got) && *got == 0.0) << "negative zero";
    }
  }
}

struct Want {
  std::string state;
  std::string district;
  double dem_margin;
};

TEST(PartisanLeanParser, ParsesRowsOfEachShape) {
  struct Case {
    std::string_view name;
    std::string_view input;
    int want_year;
    std::vector<Want> want;
  };
  const Case cases[] = {
      {"2018 strings with BOM, CRLF and no final line break",
       "\xEF\xBB\xBF"
       "district,2018\r\nAK-1,R+15.21\r\nNY-14,D+29.4\r\nTX-23,EVEN",
       2018,
       {{"AK", "AL", -15.21}, {"NY", "14", 29.4}, {"TX", "23", 0.0}}},
      {"2022 signed floats, LF",
       "district,2022\nAK-1,-14.6111\nDE-1,13.7246\n",
       2022,
       {{"AK", "AL", -14.6111}, {"DE", "AL", 13.7246}}},
      {"Montana at large before 2022", "district,2021\nMT-1,-9.98\n", 2021, {{"MT", "AL", -9.98}}},
      {"Montana has two seats from 2022",
       "district,2022\nMT-1,-19.9\nMT-2,-29.7\n",
       2022,
       {{"MT", "1", -19.9}, {"MT", "2", -29.7}}},
      {"explicit at-large codes",
       "district,2018\nVT-AL,D+24\nWY-00,R+44\n",
       2018,
       {{"VT", "AL", 24.0}, {"WY", "AL", -44.0}}},
      {"leading zero and lowercase", "District,2020\nny-04,D+2\n", 2020, {{"NY", "4", 2.0}}},
      {"states by name",
       "\xEF\xBB\xBFstate,2018\r\nAlabama,R+27\r\nDistrict of Columbia,D+70\r\n",
       2018,
       {{"AL", "", -27.0}, {"DC", "", 70.0}}},
      {"states by code", "state,2022\nNY,19.5\n", 2022, {{"NY", "", 19.5}}},
      {"header only", "state,2018\n", 2018, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got = ParsePartisanLean("lean.csv", c.input, report);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(report.rows_rejected, 0);
    EXPECT_EQ(report.rows_read, static_cast<int64_t>(c.want.size()));
    ASSERT_EQ(got->size(), c.want.size());
    for (size_t idx = 0; idx < c.want.size(); ++idx) {
      EXPECT_EQ((*got)[idx].year, c.want_year);
      EXPECT_EQ((*got)[idx].state, c.want[idx].state);
      EXPECT_EQ((*got)[idx].district, c.want[idx].district);
      EXPECT_DOUBLE_EQ((*got)[idx].dem_margin, c.want[idx].dem_margin);
    }
  }
}

TEST(PartisanLeanParser, RejectsBadRowsWithLineAndField) {
  struct Case {
    std::string_view name;
    std::string_view input;
    int64_t want_line;
    std::string want_field;
    std::string want_reason_part;
  };
  const Case cases[] = {
      {"bad value", "district,2018\nAK-1,R+15.21\nAL-1,R+x\n", 3, "2018", "'R+x'"},
      {"empty value", "district,2018\nAL-1,\n", 2, "2018", "''"},
      {"bad district code", "district,2018\nAlaska-1,R+3\n", 2, "district", "'Alaska-1'"},
      {"unknown state code", "district,2018\nXX-1,R+3\n", 2, "district", "'XX-1'"},
      {"district number too long", "district,2018\nNY-123,R+3\n", 2, "district", "'NY-123'"},
      {"unknown state name", "state,2018\nPuerto Rico,D+1\n", 2, "state", "'Puerto Rico'"},
      {"too many fields", "state,2018\nOhio,R+3,extra\n", 2, "", "expected 2 fields, got 3"},
      {"too few fields mid-file", "state,2018\nOhio\nIowa,R+3\n", 2, "",
       "expected 2 fields, got 1"},
      {"repeated district", "district,2018\nNY-14,D+29\nNY-14,D+30\n", 3, "district",
       "repeats line 2"},
      {"repeated state by name and code", "state,2018\nOhio,R+3\nOH,R+3\n", 3, "state",
       "repeats line 2"},
      {"nan", "state,2018\nOhio,nan\n", 2, "2018", "'nan'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got = ParsePartisanLean("lean.csv", c.input, report);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(report.rows_read, static_cast<int64_t>(got->size()) + report.rows_rejected);
    ASSERT_EQ(report.rows_rejected, 1);
    ASSERT_EQ(report.rejects.size(), 1u);
    EXPECT_EQ(report.rejects[0].file, "lean.csv");
    EXPECT_EQ(report.rejects[0].line, c.want_line);
    EXPECT_EQ(report.rejects[0].field, c.want_field);
    EXPECT_NE(report.rejects[0].reason.find(c.want_reason_part), std::string::npos)
        << report.rejects[0].reason;
  }
}

TEST(PartisanLeanParser, FailsOnFilesThatAreNotPartisanLean) {
  struct Case {
    std::string_view name;
    std::string input;
    std::string want_message_part;
  };
  const Case cases[] = {
      {"empty", "", "lean.csv:1: empty file"},
      {"only a BOM", "\xEF\xBB\xBF", "lean.csv:1: empty file"},
      {"binary", std::string("district,2018\nAK-1,R+1\n\0\0\0", 26), "lean.csv:3: binary content"},
      {"three columns", "district,2018,2020\nAK-1,R+1,R+2\n",
       "lean.csv:1: expected header 'district,<year>' or 'state,<year>', got "
       "'district,2018,2020'"},
      {"not a year", "district,lean\nAK-1,R+1\n", "lean.csv:1: expected header"},
      {"wrong key column", "county,2018\nAlbany,D+10\n", "lean.csv:1: expected header"},
      {"truncated last row", "district,2018\nAK-1,R+15.21\nAL-1",
       "lean.csv:3: last row is cut off"},
      {"open quote", "state,2018\n\"Ohio,R+3\n", "lean.csv:2: file is truncated: quoted field is not closed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got = ParsePartisanLean("lean.csv", c.input, report);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(Message(got.status()).find(c.want_message_part), std::string::npos) << got.status();
  }
}

TEST(PartisanLeanParser, ReadsNonUtf8BytesWithoutLosingRows) {
  model::FileReport report;
  const auto got = ParsePartisanLean("lean.csv", "state,2018\nOhio\xA0,R+3\nIowa,R+3\n", report);
  ASSERT_TRUE(got.ok()) << got.status();
  // NBSP becomes U+00A0, which the state lookup folds away like any other space.
  EXPECT_EQ(got->size(), 2u);
  EXPECT_EQ(report.rows_rejected, 0);
  EXPECT_EQ(report.notes.size(), 1u);
}

// Every real file in the FiveThirtyEight partisan-lean folder parses completely.
TEST(PartisanLeanParser, RealFilesParseCompletely) {
  if (!std::filesystem::exists(std::string(kLeanDir))) GTEST_SKIP() << "no shared data";
  struct Case {
    std::string relative_path;
    int want_year;
    size_t want_rows;
    std::string want_state;
    std::string want_district;
    double want_margin;
  };
  const Case cases[] = {
      {"2018/fivethirtyeight_partisan_lean_DISTRICTS.csv", 2018, 435, "AK", "AL", -15.21},
      {"2018/fivethirtyeight_partisan_lean_STATES.csv", 2018, 50, "AL", "", -27.0},
      {"2020/fivethirtyeight_partisan_lean_DISTRICTS.csv", 2020, 435, "AK", "AL", -15.52},
      {"2020/fivethirtyeight_partisan_lean_STATES.csv", 2020, 50, "AK", "", -16.0},
      {"2021/fivethirtyeight_partisan_lean_DISTRICTS.csv", 2021, 435, "AK", "AL", -14.62028},
      {"2021/fivethirtyeight_partisan_lean_STATES.csv", 2021, 51, "AL", "", -29.59438},
      {"fivethirtyeight_partisan_lean_DISTRICTS.csv", 2022, 435, "AK", "AL", -14.6111},
      {"fivethirtyeight_partisan_lean_STATES.csv", 2022, 51, "AK", "", -14.6111},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.relative_path);
    const std::string path = std::string(kLeanDir) + "/" + c.relative_path;
    const std::optional<std::string> bytes = ReadWholeFile(path);
    ASSERT_TRUE(bytes.has_value()) << path;
    model::FileReport report;
    const auto got = ParsePartisanLean(path, *bytes, report);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->size(), c.want_rows);
    EXPECT_EQ(report.rows_read, static_cast<int64_t>(c.want_rows));
    EXPECT_EQ(report.rows_rejected, 0);
    std::map<std::string, double> margin_by_key;
    for (const model::PartisanLean& lean : *got) {
      EXPECT_EQ(lean.year, c.want_year);
      margin_by_key[lean.state + "/" + lean.district] = lean.dem_margin;
    }
    const std::string key = c.want_state + "/" + c.want_district;
    ASSERT_TRUE(margin_by_key.count(key)) << key;
    EXPECT_DOUBLE_EQ(margin_by_key[key], c.want_margin);
  }
}

TEST(PartisanLeanParser, RealDistrictFilesUseAtLargeOnlyForSingleSeatStates) {
  if (!std::filesystem::exists(std::string(kLeanDir))) GTEST_SKIP() << "no shared data";
  struct Case {
    std::string relative_path;
    std::set<std::string> want_at_large;
    std::string want_ny14;  // a spot check of an ordinary district
  };
  const Case cases[] = {
      {"2018/fivethirtyeight_partisan_lean_DISTRICTS.csv",
       {"AK", "DE", "MT", "ND", "SD", "VT", "WY"},
       "NY/14"},
      {"fivethirtyeight_partisan_lean_DISTRICTS.csv",
       {"AK", "DE", "ND", "SD", "VT", "WY"},
       "NY/14"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.relative_path);
    const std::optional<std::string> bytes =
        ReadWholeFile(std::string(kLeanDir) + "/" + c.relative_path);
    ASSERT_TRUE(bytes.has_value());
    model::FileReport report;
    const auto got = ParsePartisanLean(c.relative_path, *bytes, report);
    ASSERT_TRUE(got.ok()) << got.status();
    std::set<std::string> at_large;
    std::map<std::string, int> seats_by_state;
    bool has_ny14 = false;
    for (const model::PartisanLean& lean : *got) {
      ++seats_by_state[lean.state];
      if (lean.district == "AL") at_large.insert(lean.state);
      if (lean.state + "/" + lean.district == c.want_ny14) has_ny14 = true;
    }
    EXPECT_EQ(at_large, c.want_at_large);
    for (const std::string& state : at_large) EXPECT_EQ(seats_by_state[state], 1) << state;
    EXPECT_TRUE(has_ny14);
  }
}

}  // namespace
}  // namespace downballot::ingest
