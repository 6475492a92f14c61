#include "ingest/file_kind.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace downballot::ingest {
namespace {

TEST(FileKind, DetectsKindFromNameAndHeader) {
  struct Case {
    std::string_view name;
    std::string_view path;
    std::string first_bytes;
    FileKind want;
    std::string want_reason_part;
  };
  const Case cases[] = {
      {"openelections precinct file", "data/20180626__ny__primary__cayuga__precinct.csv",
       "county,precinct,office,district,party,candidate,votes\nCayuga,1,Governor,,DEM,A,1\n",
       FileKind::kOpenElections, "openelections"},
      {"openelections with BOM, CRLF and another column order",
       "20180626__ny__primary__albany__precinct.csv",
       "\xEF\xBB\xBF"
       "Candidate,County,Precinct,Office,District,Party,Votes\r\nA,Albany,1,G,,D,1\r\n",
       FileKind::kOpenElections, "openelections"},
      {"openelections upper-case extension", "20161108__ny__general__county.CSV",
       "county,office,district,party,candidate,votes\n", FileKind::kOpenElections, ""},
      {"openelections quoted header", "20161108__ny__general__county.csv",
       "\"county\",\"office\",\"candidate\",\"votes\"\n", FileKind::kOpenElections, ""},
      {"openelections name without office column", "20180626__ny__primary__x.csv",
       "county,precinct,candidate,votes\n", FileKind::kUnknown,
       "file name looks like openelections but the header has no 'office'"},
      {"openelections header with another name", "ny_results.csv",
       "county,office,district,party,candidate,votes\n", FileKind::kUnknown,
       "header looks like openelections but the file name 'ny_results.csv'"},
      {"seven digits in the name", "2018062__ny__primary.csv", "county,office,candidate\n",
       FileKind::kUnknown, ""},
      {"openelections name but not csv", "20180626__ny__primary.txt", "county,office,candidate\n",
       FileKind::kUnknown, ""},
      {"fte 2018 candidates", "dem_candidates.csv",
       "Candidate,State,District,Office Type,Race Type,Race Primary Election "
       "Date\nA,AL,D,G,R,6/5/18\n",
       FileKind::kFteCandidates, "primary-candidates"},
      {"fte 2022 candidates", "rep_candidates.csv",
       "Candidate,Gender,Race 1,Race 2,Race 3,Incumbent,Incumbent Challenger,State,Primary Date,"
       "Office,District,Primary Votes,Primary %,Primary Outcome\r\n",
       FileKind::kFteCandidates, "primary-project"},
      {"candidate-first header without office type", "dem_candidates.csv",
       "Candidate,State,District,Votes\n", FileKind::kUnknown, "no recognised header"},
      {"fec candidate master by name", "cn.txt",
       "H0AK00105|LAMB, THOMAS|NNE|2020|AK|H|00|C|N|||||ANCHORAGE|AK\n", FileKind::kUnknown,
       "`downballot ingest fec"},
      {"fec contributions renamed", "contributions.txt",
       "C00401224|N|M2|P|201902069147427470|15|IND|DOE, JANE|X|NY|10001|A|B|01312019|25|||"
       "|X|Y|4020820191638409512\n",
       FileKind::kUnknown, "(fec_individual_contributions)"},
      {"lean districts with BOM", "fivethirtyeight_partisan_lean_DISTRICTS.csv",
       "\xEF\xBB\xBF"
       "district,2018\r\nAK-1,R+15.21\r\n",
       FileKind::kPartisanLean, "'district,2018'"},
      {"lean states", "lean.csv", "state,2022\nAlabama,-29.17974\n", FileKind::kPartisanLean,
       "'state,2022'"},
      {"lean header cut off without line break", "lean.csv", "State,2020", FileKind::kPartisanLean,
       ""},
      {"three-column lean-like header", "lean.csv", "state,2018,2020\n", FileKind::kUnknown,
       "no recognised header: first line is 'state,2018,2020'"},
      {"lean header with word year", "lean.csv", "state,year\n", FileKind::kUnknown, ""},
      {"fec pipe file", "itcont.txt", "C00401224|A|M3|P|201903149144|15|IND|SMITH, JOHN\n",
       FileKind::kUnknown, "`downballot ingest fec"},
      {"empty", "x.csv", "", FileKind::kUnknown, "empty"},
      {"blank first line", "x.csv", "\n\ncounty,office\n", FileKind::kUnknown, "empty"},
      {"binary", "20180626__ny__primary.csv", std::string("PK\x03\x04\0\0county,office", 19),
       FileKind::kUnknown, "binary content"},
      {"latin-1 header", "x.csv", "Candidat\xE9,Votes\n", FileKind::kUnknown,
       "first line is 'Candidat\u00E9,Votes'"},
      {"medsl district file, quoted header", "district_overall_2018.csv",
       "\"year\",\"state\",\"state_po\",\"state_fips\",\"state_cen\",\"state_ic\",\"office\","
       "\"district\",\"stage\",\"special\",\"candidate\",\"party\",\"writein\",\"mode\","
       "\"candidatevotes\",\"totalvotes\",\"unofficial\",\"version\"\n",
       FileKind::kMedslReturns, "medsl returns"},
      {"medsl county file under another name", "returns.csv",
       "year,state,state_po,county,FIPS,office,district,stage,special,candidate,party,writein,"
       "mode,candidatevotes,totalvotes,version\r\n",
       FileKind::kMedslReturns, "medsl returns"},
      {"medsl columns in another order", "x.csv",
       "state_po,office,candidate,totalvotes,candidatevotes,year\n", FileKind::kMedslReturns, ""},
      {"medsl-like header without totalvotes", "x.csv",
       "year,state,state_po,office,district,candidate,party,candidatevotes\n", FileKind::kUnknown,
       "header looks like openelections"},
      {"medsl header in an openelections-named file", "20181106__ny__general__county.csv",
       "year,state_po,office,candidate,candidatevotes,totalvotes\n", FileKind::kOpenElections, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const DetectedKind got = DetectFileKind(c.path, c.first_bytes);
    EXPECT_EQ(got.kind, c.want) << got.reason;
    EXPECT_FALSE(got.reason.empty());
    EXPECT_NE(got.reason.find(c.want_reason_part), std::string::npos) << got.reason;
  }
}

TEST(FileKind, QuotesLongFirstLinesShortened) {
  const std::string line(500, 'x');
  const DetectedKind got = DetectFileKind("x.csv", line + "\n");
  EXPECT_EQ(got.kind, FileKind::kUnknown);
  EXPECT_LT(got.reason.size(), 200u);
  EXPECT_NE(got.reason.find("...'"), std::string::npos);
}

TEST(FileKind, BinaryReasonIsExact) {
  EXPECT_EQ(DetectFileKind("a.csv", std::string("a\0b", 3)).reason, "binary content");
}

TEST(FileKind, ToStringNamesEveryKind) {
  struct Case {
    FileKind kind;
    std::string_view want;
  };
  const Case cases[] = {
      {FileKind::kOpenElections, "openelections"},
      {FileKind::kFteCandidates, "fte_candidates"},
      {FileKind::kPartisanLean, "partisan_lean"},
      {FileKind::kMedslReturns, "medsl_returns"},
      {FileKind::kUnknown, "unknown"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.want);
    EXPECT_EQ(ToString(c.kind), c.want);
  }
}

// The real files are recognised from their first 4 KiB, as the CLI will read them.
TEST(FileKind, RecognisesRealFiles) {
  const std::string data_dir = DOWNBALLOT_SOURCE_DIR "/../shared/data";
  if (!std::filesystem::exists(data_dir)) GTEST_SKIP() << "no shared data";
  struct Case {
    std::string relative_path;
    FileKind want;
  };
  const Case cases[] = {
      {"fivethirtyeight/primary-candidates-2018/dem_candidates.csv", FileKind::kFteCandidates},
      {"fivethirtyeight/primary-candidates-2018/rep_candidates.csv", FileKind::kFteCandidates},
      {"fivethirtyeight/primary-project-2022/rep_candidates.csv", FileKind::kFteCandidates},
      {"fivethirtyeight/partisan-lean/2018/fivethirtyeight_partisan_lean_DISTRICTS.csv",
       FileKind::kPartisanLean},
      {"fivethirtyeight/partisan-lean/2020/fivethirtyeight_partisan_lean_STATES.csv",
       FileKind::kPartisanLean},
      {"fivethirtyeight/partisan-lean/2021/fivethirtyeight_partisan_lean_DISTRICTS.csv",
       FileKind::kPartisanLean},
      {"fivethirtyeight/partisan-lean/fivethirtyeight_partisan_lean_STATES.csv",
       FileKind::kPartisanLean},
      {"openelections-ny/2018/20180626__ny__primary__cayuga__precinct.csv",
       FileKind::kOpenElections},
      {"openelections-ny/2016/20160419__ny__primary__bronx__precinct.csv",
       FileKind::kOpenElections},
      {"medsl/2018-elections-official/district_overall_2018.csv", FileKind::kMedslReturns},
      {"medsl/2018-elections-official/senate_overall_2018.csv", FileKind::kMedslReturns},
      {"medsl/2018-elections-official/district_county_2018.csv", FileKind::kMedslReturns},
      {"medsl/2018-elections-official/codebook-2018-election-data.md", FileKind::kUnknown},
      {"fivethirtyeight/primary-candidates-2018/README.md", FileKind::kUnknown},
      {"fivethirtyeight/redistricting-2022-state-legislatures/"
       "fivethirtyeight_state_legislative_district_analysis.csv",
       FileKind::kUnknown},
  };
  constexpr size_t kSniffBytes = 4096;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.relative_path);
    std::ifstream in(data_dir + "/" + c.relative_path, std::ios::binary);
    if (!in) {
      ADD_FAILURE() << "missing " << c.relative_path;
      continue;
    }
    std::string head(kSniffBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    const DetectedKind got = DetectFileKind(c.relative_path, head);
    EXPECT_EQ(got.kind, c.want) << got.reason;
  }
}

}  // namespace
}  // namespace downballot::ingest
