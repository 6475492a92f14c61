#include "ingest/medsl_parser.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "base/text_encoding.h"
#include "gtest/gtest.h"
#include "ingest/test_files.h"

namespace downballot::ingest {
namespace {

using testing::Message;
using testing::ReadWholeFile;

constexpr std::string_view kMedslDir =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/medsl/2018-elections-official";

// The header of MEDSL's 2018 district_overall and senate_overall files, quoted as they are.
constexpr std::string_view kOverallHeader =
    "\"year\",\"state\",\"state_po\",\"state_fips\",\"state_cen\",\"state_ic\",\"office\","
    "\"district\",\"stage\",\"special\",\"candidate\",\"party\",\"writein\",\"mode\","
    "\"candidatevotes\",\"totalvotes\",\"unofficial\",\"version\"\n";

// A valid NY-1 row of that layout (line 333 of district_overall_2018.csv).
constexpr std::string_view kZeldinConservative =
    "2018,\"New York\",\"NY\",36,21,13,\"U.S. Representative\",\"District 1\",\"gen\",FALSE,"
    "\"Lee M. Zeldin\",\"conservative\",FALSE,\"total\",14284,270053,FALSE,\"20190131\"\n";

std::string Overall(std::string_view rows) {
  return std::string(kOverallHeader) + std::string(rows);
}

// One overall-layout row with the given cells; the others are NY-1's.
struct RowCells {
  std::string year = "2018";
  std::string state = "\"New York\"";
  std::string state_po = "\"NY\"";
  std::string office = "\"U.S. Representative\"";
  std::string district = "\"District 1\"";
  std::string stage = "\"gen\"";
  std::string special = "FALSE";
  std::string candidate = "\"Lee M. Zeldin\"";
  std::string party = "\"conservative\"";
  std::string write_in = "FALSE";
  std::string mode = "\"total\"";
  std::string candidate_votes = "14284";
  std::string total_votes = "270053";
};

std::string Row(const RowCells& cells) {
  return cells.year + "," + cells.state + "," + cells.state_po + ",36,21,13," + cells.office + "," +
         cells.district + "," + cells.stage + "," + cells.special + "," + cells.candidate + "," +
         cells.party + "," + cells.write_in + "," + cells.mode + "," + cells.candidate_votes + "," +
         cells.total_votes + ",FALSE,\"20190131\"\n";
}

TEST(MedslParser, MapsEveryColumnOfOverallRow) {
  model::FileReport report;
  const auto got =
      ParseMedslReturns("district_overall_2018.csv", Overall(kZeldinConservative), report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  const model::GeneralReturn& row = (*got)[0];
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.year, 2018);
  EXPECT_EQ(row.state, "NY");
  EXPECT_EQ(row.office, "U.S. House");
  EXPECT_EQ(row.district, "1");
  EXPECT_FALSE(row.is_special);
  EXPECT_EQ(row.stage, "gen");
  EXPECT_EQ(row.county, "");
  EXPECT_EQ(row.candidate, "Lee M. Zeldin");
  EXPECT_EQ(row.party_raw, "conservative");
  EXPECT_EQ(row.party, "CON");
  EXPECT_FALSE(row.is_write_in);
  EXPECT_EQ(row.mode, "total");
  EXPECT_EQ(row.candidate_votes, 14284);
  EXPECT_EQ(row.total_votes, 270053);
  EXPECT_EQ(report.rows_read, 1);
  EXPECT_EQ(report.rows_rejected, 0);
  EXPECT_EQ(report.path, "district_overall_2018.csv");
  EXPECT_EQ(report.kind, "medsl_returns");
}

TEST(MedslParser, KeepsPathAndKindAlreadyInReport) {
  model::FileReport report;
  report.path = "given/path.csv";
  report.kind = "given_kind";
  ASSERT_TRUE(ParseMedslReturns("x.csv", Overall(kZeldinConservative), report).ok());
  EXPECT_EQ(report.path, "given/path.csv");
  EXPECT_EQ(report.kind, "given_kind");
}

TEST(MedslParser, NormalisesOfficesAndDistricts) {
  struct Case {
    std::string name;
    std::string year;
    std::string state_po;
    std::string office;
    std::string district;
    std::string want_office;
    std::string want_district;
  };
  const Case cases[] = {
      {"house district", "2018", "NY", "U.S. Representative", "District 7", "U.S. House", "7"},
      {"house district 12", "2018", "NY", "U.S. Representative", "District 12", "U.S. House", "12"},
      {"bare number with zeros", "2018", "NY", "US House", "007", "U.S. House", "7"},
      {"district 0 is at large", "2018", "AK", "U.S. Representative", "District 0", "U.S. House",
       "AL"},
      {"bare zero is at large", "2018", "WY", "U.S. Representative", "000", "U.S. House", "AL"},
      {"at large words", "2018", "VT", "U.S. Representative", "At Large", "U.S. House", "AL"},
      {"at-large hyphenated", "2018", "ND", "u.s. representative", "at-large", "U.S. House", "AL"},
      {"AL code", "2018", "SD", "U.S. Representative", "AL", "U.S. House", "AL"},
      {"delaware's seat written as district 1", "2018", "DE", "U.S. Representative", "District 1",
       "U.S. House", "AL"},
      {"montana at large before 2022", "2018", "MT", "U.S. Representative", "District 1",
       "U.S. House", "AL"},
      {"montana's first district from 2022", "2022", "MT", "U.S. Representative", "District 1",
       "U.S. House", "1"},
      {"district 1 of a state with many seats", "2018", "NY", "U.S. Representative", "District 1",
       "U.S. House", "1"},
      // A state's two Senate seats are told apart by class: NY's class 1 is up in 2018.
      {"senate statewide", "2018", "NY", "US Senate", "statewide", "U.S. Senate", "Class 1"},
      {"senate dotted", "2018", "NY", "U.S. Senate", "Statewide", "U.S. Senate", "Class 1"},
      {"senate empty district", "2018", "NY", "US SENATE", "", "U.S. Senate", "Class 1"},
      {"senate of 2016", "2016", "NY", "US SENATE", "", "U.S. Senate", "Class 3"},
      {"state office kept as written", "2018", "NY", "State  Senate", "District 5", "State Senate",
       "5"},
      {"state district one stays one", "2018", "DE", "State Senate", "District 1", "State Senate",
       "1"},
      {"named district kept", "2018", "NH", "State House", "Grafton 1", "State House", "Grafton 1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    RowCells cells;
    cells.year = c.year;
    cells.state_po = "\"" + c.state_po + "\"";
    cells.office = "\"" + c.office + "\"";
    cells.district = "\"" + c.district + "\"";
    model::FileReport report;
    const auto got = ParseMedslReturns("x.csv", Overall(Row(cells)), report);
    ASSERT_TRUE(got.ok()) << got.status();
    ASSERT_EQ(got->size(), 1u) << (report.rejects.empty() ? "" : report.rejects[0].reason);
    EXPECT_EQ((*got)[0].office, c.want_office);
    EXPECT_EQ((*got)[0].district, c.want_district);
  }
}

TEST(MedslParser, ReadsNaWriteInAndBlankLines) {
  RowCells bare_na;
  bare_na.candidate = "NA";
  bare_na.party = "NA";
  bare_na.write_in = "TRUE";
  bare_na.candidate_votes = "47";
  RowCells quoted_na = bare_na;
  quoted_na.candidate = "\"NA\"";
  quoted_na.party = "\"NA\"";
  quoted_na.write_in = "true";
  RowCells named_write_in;  // Arizona-8's Steven Hummel: a named write-in with party NA
  named_write_in.candidate = "\"Steven Hummel\"";
  named_write_in.party = "NA";
  named_write_in.write_in = "TRUE";
  RowCells empty_cells;
  empty_cells.candidate = "\"\"";
  empty_cells.party = "";
  model::FileReport report;
  const auto got = ParseMedslReturns(
      "x.csv", Overall(Row(bare_na) + Row(quoted_na) + Row(named_write_in) + Row(empty_cells)),
      report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 4u);
  for (size_t idx = 0; idx < 2; ++idx) {
    SCOPED_TRACE(idx);
    EXPECT_EQ((*got)[idx].candidate, "");
    EXPECT_EQ((*got)[idx].party_raw, "");
    EXPECT_EQ((*got)[idx].party, "");
    EXPECT_TRUE((*got)[idx].is_write_in);
    EXPECT_EQ((*got)[idx].candidate_votes, 47);
  }
  EXPECT_EQ((*got)[2].candidate, "Steven Hummel");
  EXPECT_EQ((*got)[2].party, "");
  EXPECT_TRUE((*got)[2].is_write_in);
  EXPECT_EQ((*got)[3].candidate, "");
  EXPECT_EQ((*got)[3].party, "");
  EXPECT_FALSE((*got)[3].is_write_in);
}

TEST(MedslParser, KeepsCommasInsideQuotedNames) {
  RowCells sabato;
  sabato.state = "\"California\"";
  sabato.state_po = "\"CA\"";
  sabato.district = "\"District 26\"";
  sabato.candidate = "\"Antonio Sabato, Jr.\"";
  sabato.party = "\"republican\"";
  RowCells reed;
  reed.candidate = "\"Thomas W. Reed, II\"";
  reed.party = "\"women's equality\"";
  model::FileReport report;
  const auto got = ParseMedslReturns("x.csv", Overall(Row(sabato) + Row(reed)), report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].candidate, "Antonio Sabato, Jr.");
  EXPECT_EQ((*got)[0].party, "REP");
  EXPECT_EQ((*got)[1].candidate, "Thomas W. Reed, II");
  EXPECT_EQ((*got)[1].party, "WEP");
  EXPECT_EQ(report.rows_rejected, 0);
}

TEST(MedslParser, TakesStateFromNameWhenPostalCodeIsMissing) {
  RowCells empty_code;
  empty_code.state_po = "\"\"";
  RowCells lowercase_code;
  lowercase_code.state_po = "ny";
  model::FileReport report;
  const auto got =
      ParseMedslReturns("x.csv", Overall(Row(empty_code) + Row(lowercase_code)), report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].state, "NY");
  EXPECT_EQ((*got)[1].state, "NY");

  model::FileReport no_column_report;
  const auto no_column =
      ParseMedslReturns("x.csv",
                        "year,state,office,district,candidate,party,candidatevotes\n"
                        "2018,District of Columbia,US House,District 0,Eleanor Holmes "
                        "Norton,democrat,199124\n",
                        no_column_report);
  ASSERT_TRUE(no_column.ok()) << no_column.status();
  ASSERT_EQ(no_column->size(), 1u);
  EXPECT_EQ((*no_column)[0].state, "DC");
  EXPECT_EQ((*no_column)[0].district, "AL");
}

TEST(MedslParser, ReadsOtherColumnOrdersAndLaterLayouts) {
  // The 1976-2020 compilations: party_detailed, numeric districts, upper-case stage and
  // mode, no writein or totalvotes here, plus columns the parser ignores.
  model::FileReport report;
  const auto got = ParseMedslReturns(
      "1976-2020-house.csv",
      "candidatevotes,party_simplified,party_detailed,candidate,district,office,state_po,year,"
      "stage,runoff,special,mode,fusion_ticket\r\n"
      "104401,REPUBLICAN,REPUBLICAN,\"DOE, JOHN\",013,US HOUSE,TX,2020,GEN,FALSE,TRUE,"
      "ELECTION DAY,FALSE\r\n"
      "7,OTHER,,,000,US HOUSE,AK,2020,RUNOFF,TRUE,FALSE,,FALSE",
      report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 2u);
  const model::GeneralReturn& doe = (*got)[0];
  EXPECT_EQ(doe.year, 2020);
  EXPECT_EQ(doe.state, "TX");
  EXPECT_EQ(doe.office, "U.S. House");
  EXPECT_EQ(doe.district, "13");
  EXPECT_EQ(doe.stage, "gen");
  EXPECT_TRUE(doe.is_special);
  EXPECT_EQ(doe.candidate, "DOE, JOHN");
  EXPECT_EQ(doe.party_raw, "REPUBLICAN");
  EXPECT_EQ(doe.party, "REP");
  EXPECT_FALSE(doe.is_write_in);
  EXPECT_EQ(doe.mode, "election day");
  EXPECT_EQ(doe.candidate_votes, 104401);
  EXPECT_EQ(doe.total_votes, 0);
  const model::GeneralReturn& runoff = (*got)[1];
  EXPECT_EQ(runoff.stage, "runoff");
  EXPECT_EQ(runoff.district, "AL");
  EXPECT_EQ(runoff.mode, "total");
  EXPECT_EQ(runoff.candidate, "");
  EXPECT_EQ(runoff.party, "");
  EXPECT_EQ(report.rows_rejected, 0);
}

TEST(MedslParser, ReadsCountyColumnOfCountyFiles) {
  model::FileReport report;
  const auto got = ParseMedslReturns(
      "district_county_2018.csv",
      "\"year\",\"state\",\"state_po\",\"state_fips\",\"state_cen\",\"state_ic\",\"county\","
      "\"FIPS\",\"office\",\"district\",\"stage\",\"special\",\"candidate\",\"party\","
      "\"writein\",\"mode\",\"candidatevotes\",\"totalvotes\",\"version\"\n"
      "2018,\"Oklahoma\",\"OK\",40,73,53,\"Adair\",40001,\"U.S. Representative\",\"District 2\","
      "\"gen\",FALSE,\"Markwayne Mullin\",\"republican\",FALSE,\"absentee mail\",77,216002,"
      "\"20181212\"\n",
      report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].county, "Adair");
  EXPECT_EQ((*got)[0].mode, "absentee mail");
  EXPECT_EQ((*got)[0].district, "2");
  EXPECT_EQ((*got)[0].total_votes, 216002);
}

TEST(MedslParser, AcceptsBomCrlfAndNoFinalLineBreak) {
  std::string text = "\xEF\xBB\xBF" + Overall(kZeldinConservative);
  std::string crlf;
  for (const char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  crlf.pop_back();
  crlf.pop_back();
  model::FileReport report;
  const auto got = ParseMedslReturns("x.csv", crlf, report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].total_votes, 270053);
  EXPECT_TRUE(report.notes.empty());
}

TEST(MedslParser, ReadsLatin1NamesWithANote) {
  RowCells cells;
  cells.candidate =
      "\"Jos\xE9 Pe\xF1"
      "a\"";
  model::FileReport report;
  const auto got = ParseMedslReturns("x.csv", Overall(Row(cells)), report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].candidate, "Jos\u00E9 Pe\u00F1a");
  EXPECT_TRUE(base::IsValidUtf8((*got)[0].candidate));
  EXPECT_EQ(report.notes.size(), 1u);
}

TEST(MedslParser, RejectsBadRowsAndKeepsTheRest) {
  struct Case {
    std::string name;
    std::string row;
    std::string want_field;
    std::string want_reason_part;
  };
  const auto with = [](auto mutate) {
    RowCells cells;
    mutate(cells);
    return Row(cells);
  };
  const Case cases[] = {
      {"too few fields", "2018,\"New York\",\"NY\"\n", "", "expected 18 fields, got 3"},
      {"too many fields",
       std::string(kZeldinConservative.substr(0, kZeldinConservative.size() - 1)) + ",extra\n", "",
       "expected 18 fields, got 19"},
      {"year not a number", with([](RowCells& c) { c.year = "20x8"; }), "year",
       "'20x8' is not a year"},
      {"year out of range", with([](RowCells& c) { c.year = "1800"; }), "year",
       "'1800' is not a year from 1900 to 2100"},
      {"empty year", with([](RowCells& c) { c.year = ""; }), "year", "'' is not a year"},
      {"unknown postal code", with([](RowCells& c) { c.state_po = "\"ZZ\""; }), "state_po",
       "'ZZ' is not one of the 50 states or DC"},
      {"territory", with([](RowCells& c) { c.state_po = "\"PR\""; }), "state_po",
       "'PR' is not one of the 50 states"},
      {"no state at all", with([](RowCells& c) {
         c.state = "\"\"";
         c.state_po = "\"\"";
       }),
       "state", "'' is not one of the 50 states"},
      {"empty office", with([](RowCells& c) { c.office = "\"  \""; }), "office", "office is empty"},
      {"special not boolean", with([](RowCells& c) { c.special = "maybe"; }), "special",
       "'maybe' is not TRUE or FALSE"},
      {"writein NA", with([](RowCells& c) { c.write_in = "NA"; }), "writein",
       "'NA' is not TRUE or FALSE"},
      {"negative votes", with([](RowCells& c) { c.candidate_votes = "-5"; }), "candidatevotes",
       "'-5' is negative"},
      {"votes with letters", with([](RowCells& c) { c.candidate_votes = "12x"; }), "candidatevotes",
       "'12x' is not a whole number of votes"},
      {"fractional votes", with([](RowCells& c) { c.candidate_votes = "1.5"; }), "candidatevotes",
       "'1.5' is not a whole number"},
      {"thousands separator", with([](RowCells& c) { c.candidate_votes = "\"14,284\""; }),
       "candidatevotes", "'14,284' is not a whole number"},
      {"empty votes", with([](RowCells& c) { c.candidate_votes = ""; }), "candidatevotes",
       "'' is not a whole number"},
      {"NA votes", with([](RowCells& c) { c.candidate_votes = "NA"; }), "candidatevotes",
       "'NA' is not a whole number"},
      {"too many votes", with([](RowCells& c) { c.candidate_votes = "1000000001"; }),
       "candidatevotes", "'1000000001' is more than 1000000000 votes"},
      {"votes overflow int64",
       with([](RowCells& c) { c.candidate_votes = "99999999999999999999"; }), "candidatevotes",
       "is not a whole number"},
      {"negative total", with([](RowCells& c) { c.total_votes = "-1"; }), "totalvotes",
       "'-1' is negative"},
      {"NA total", with([](RowCells& c) { c.total_votes = "NA"; }), "totalvotes",
       "'NA' is not a whole number"},
      {"repeated row", std::string(kZeldinConservative), "", "repeats line 2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got =
        ParseMedslReturns("x.csv", Overall(std::string(kZeldinConservative) + c.row), report);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->size(), 1u);
    EXPECT_EQ(report.rows_read, 2);
    EXPECT_EQ(report.rows_rejected, 1);
    ASSERT_EQ(report.rejects.size(), 1u);
    EXPECT_EQ(report.rejects[0].file, "x.csv");
    EXPECT_EQ(report.rejects[0].line, 3);
    EXPECT_EQ(report.rejects[0].field, c.want_field);
    EXPECT_NE(report.rejects[0].reason.find(c.want_reason_part), std::string::npos)
        << report.rejects[0].reason;
  }
}

TEST(MedslParser, RepeatedRowIsRejectedEvenAfterOtherRows) {
  RowCells other;
  other.candidate = "\"Perry Gershon\"";
  other.party = "\"democrat\"";
  other.candidate_votes = "124213";
  const std::string zeldin(kZeldinConservative);
  model::FileReport report;
  const auto got =
      ParseMedslReturns("x.csv", Overall(zeldin + Row(other) + zeldin + Row(other)), report);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->size(), 2u);
  ASSERT_EQ(report.rejects.size(), 2u);
  EXPECT_EQ(report.rejects[0].line, 4);
  EXPECT_EQ(report.rejects[0].reason, "repeats line 2");
  EXPECT_EQ(report.rejects[1].line, 5);
  EXPECT_EQ(report.rejects[1].reason, "repeats line 3");
}

TEST(MedslParser, FailsOnFilesThatAreNotMedslReturns) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string want_message_part;
  };
  const Case cases[] = {
      {"empty", "", "x.csv:1: empty file, no header"},
      {"blank lines only", "\n\r\n\n", "x.csv:1: empty file, no header"},
      {"binary", std::string("PK\x03\x04\0\0year,state", 16), "binary content (NUL byte)"},
      {"missing votes column",
       "year,state_po,office,district,candidate,party,totalvotes\n2018,NY,x,1,A,dem,5\n",
       "x.csv:1: missing required column 'candidatevotes'"},
      {"missing state and party", "year,office,district,candidate,candidatevotes\n",
       "x.csv:1: missing required columns 'state_po' (or 'state'), 'party' (or "
       "'party_detailed')"},
      {"openelections file", "county,office,district,party,candidate,votes\n",
       "missing required columns 'state_po' (or 'state'), 'year'"},
      {"repeated column", "year,state_po,office,district,candidate,party,candidatevotes,Party\n",
       "x.csv:1: column 'Party' appears twice"},
      {"open quote", Overall("2018,\"New York\",\"NY\",36,21,13,\"U.S. Representative\n"),
       "x.csv:2: file is truncated: quoted field is not closed"},
      {"last row cut off", Overall("2018,\"New York\",\"NY\",36,21"),
       "x.csv:2: last row is cut off without a line break: expected 18 fields, got 5"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got = ParseMedslReturns("x.csv", c.bytes, report);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(Message(got.status()).find(c.want_message_part), std::string::npos)
        << Message(got.status());
  }
}

TEST(MedslParser, HeaderOnlyFileHasNoRows) {
  model::FileReport report;
  const auto got = ParseMedslReturns("x.csv", std::string(kOverallHeader), report);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(got->empty());
  EXPECT_EQ(report.rows_read, 0);
}

struct RealFile {
  std::vector<model::GeneralReturn> rows;
  model::FileReport report;
};

std::optional<RealFile> ParseRealFile(std::string_view name) {
  const std::string path = std::string(kMedslDir) + "/" + std::string(name);
  const std::optional<std::string> bytes = ReadWholeFile(path);
  if (!bytes.has_value()) return std::nullopt;
  RealFile file;
  auto got = ParseMedslReturns(path, *bytes, file.report);
  EXPECT_TRUE(got.ok()) << got.status();
  if (got.ok()) file.rows = std::move(*got);
  return file;
}

std::vector<const model::GeneralReturn*> Select(const std::vector<model::GeneralReturn>& rows,
                                                std::string_view state, std::string_view district) {
  std::vector<const model::GeneralReturn*> selected;
  for (const model::GeneralReturn& row : rows) {
    if (row.state == state && row.district == district) selected.push_back(&row);
  }
  return selected;
}

TEST(MedslParser, RealDistrictFileAccountsForEveryRow) {
  const std::optional<RealFile> file = ParseRealFile("district_overall_2018.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  const model::FileReport& report = file->report;
  EXPECT_EQ(report.rows_read, 1411);
  EXPECT_EQ(report.rows_read, static_cast<int64_t>(file->rows.size()) + report.rows_rejected);
  // Florida's 56 House rows each appear twice; nothing else is rejected, so every row has the
  // 18 fields of the header despite names like "Antonio Sabato, Jr.".
  EXPECT_EQ(report.rows_rejected, 56);
  EXPECT_EQ(file->rows.size(), 1355u);
  for (const model::RowError& reject : report.rejects) {
    EXPECT_EQ(reject.reason.rfind("repeats line ", 0), 0u) << reject.line << ": " << reject.reason;
  }
  EXPECT_TRUE(report.notes.empty());

  std::map<std::string, int> num_rows_by_state;
  for (const model::GeneralReturn& row : file->rows) {
    EXPECT_EQ(row.year, 2018);
    EXPECT_EQ(row.office, "U.S. House") << row.line;
    EXPECT_FALSE(row.district.empty()) << row.line;
    EXPECT_EQ(row.stage, "gen");
    EXPECT_FALSE(row.is_special);
    EXPECT_EQ(row.mode, "total");
    ++num_rows_by_state[row.state];
  }
  EXPECT_EQ(num_rows_by_state["FL"], 56);
  EXPECT_EQ(num_rows_by_state["NY"], 177);
  for (const std::string_view at_large : {"AK", "DE", "MT", "ND", "SD", "VT", "WY"}) {
    SCOPED_TRACE(at_large);
    EXPECT_EQ(Select(file->rows, at_large, "AL").size(),
              static_cast<size_t>(num_rows_by_state[std::string(at_large)]));
  }

  // NY-1 exactly as in the file (lines 331-338): Zeldin on four lines, Gershon on two,
  // Browning on Women's Equality, and the blank/void line.
  struct Line {
    int64_t line;
    std::string candidate;
    std::string party_raw;
    std::string party;
    bool is_write_in;
    int64_t votes;
  };
  const std::vector<Line> want = {
      {331, "Perry Gershon", "democrat", "DEM", false, 124213},
      {332, "Lee M. Zeldin", "republican", "REP", false, 121562},
      {333, "Lee M. Zeldin", "conservative", "CON", false, 14284},
      {334, "Perry Gershon", "working families", "WOR", false, 3778},
      {335, "Lee M. Zeldin", "independence", "IND", false, 2693},
      {336, "Kate M. Browning", "women's equality", "WEP", false, 2988},
      {337, "Lee M. Zeldin", "reform", "REF", false, 488},
      {338, "", "", "", true, 47},
  };
  const std::vector<const model::GeneralReturn*> ny1 = Select(file->rows, "NY", "1");
  ASSERT_EQ(ny1.size(), want.size());
  for (size_t idx = 0; idx < want.size(); ++idx) {
    SCOPED_TRACE(want[idx].line);
    EXPECT_EQ(ny1[idx]->line, want[idx].line);
    EXPECT_EQ(ny1[idx]->candidate, want[idx].candidate);
    EXPECT_EQ(ny1[idx]->party_raw, want[idx].party_raw);
    EXPECT_EQ(ny1[idx]->party, want[idx].party);
    EXPECT_EQ(ny1[idx]->is_write_in, want[idx].is_write_in);
    EXPECT_EQ(ny1[idx]->candidate_votes, want[idx].votes);
    EXPECT_EQ(ny1[idx]->total_votes, 270053);
  }

  // California's votes are doubled in this version of the file (La Malfa had 160,046).
  const std::vector<const model::GeneralReturn*> ca1 = Select(file->rows, "CA", "1");
  ASSERT_EQ(ca1.size(), 2u);
  EXPECT_EQ(ca1[1]->candidate, "Doug La Malfa");
  EXPECT_EQ(ca1[1]->party, "REP");
  EXPECT_EQ(ca1[1]->candidate_votes, 320092);
  EXPECT_EQ(ca1[1]->total_votes, 583188);

  const auto sabato = std::find_if(file->rows.begin(), file->rows.end(), [](const auto& row) {
    return row.candidate == "Antonio Sabato, Jr.";
  });
  ASSERT_NE(sabato, file->rows.end());
  EXPECT_EQ(sabato->line, 38);
  EXPECT_EQ(sabato->candidate_votes, 194420);

  // Minnesota's Democrats run as the Democratic-Farmer-Labor party.
  for (const model::GeneralReturn* row : Select(file->rows, "MN", "5")) {
    if (row->party_raw == "democratic-farmer-labor") {
      EXPECT_EQ(row->party, "DEM");
    }
  }
}

TEST(MedslParser, RealSenateFileLoadsEveryRow) {
  const std::optional<RealFile> file = ParseRealFile("senate_overall_2018.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  EXPECT_EQ(file->report.rows_read, 152);
  EXPECT_EQ(file->report.rows_rejected, 0);
  ASSERT_EQ(file->rows.size(), 152u);
  int num_special = 0;
  int num_write_in = 0;
  for (const model::GeneralReturn& row : file->rows) {
    EXPECT_EQ(row.office, "U.S. Senate");
    // 2018 filled class 1 seats, and class 2 ones in the specials of Minnesota and Mississippi.
    EXPECT_EQ(row.district, row.is_special ? "Class 2" : "Class 1") << row.state;
    if (row.is_special) ++num_special;
    if (row.is_write_in) ++num_write_in;
    if (row.party_raw == "democratic-farmer-labor" || row.party_raw == "democratic-npl") {
      EXPECT_EQ(row.party, "DEM") << row.line;
    }
  }
  // Minnesota's and Mississippi's second seats were special elections.
  EXPECT_EQ(num_special, 7);
  EXPECT_EQ(num_write_in, 17);
  EXPECT_EQ(file->rows.front().state, "AZ");
  EXPECT_EQ(file->rows.front().candidate, "Martha McSally");
  EXPECT_EQ(file->rows.front().candidate_votes, 1135200);
}

TEST(MedslParser, RealCountyFileDropsDelawaresRepeatedRows) {
  const std::optional<RealFile> file = ParseRealFile("district_county_2018.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  EXPECT_EQ(file->report.rows_read, 738);
  EXPECT_EQ(file->report.rows_rejected, 6);
  EXPECT_EQ(file->rows.size(), 732u);
  std::map<std::string, int64_t> votes_by_seat;
  for (const model::GeneralReturn& row : file->rows) {
    EXPECT_FALSE(row.county.empty()) << row.line;
    votes_by_seat[row.state + "-" + row.district] += row.candidate_votes;
  }
  // With the repeats gone the county sums match the district file (DE-AL 352,737, OK-2
  // 216,002), though the county file's totalvotes for Delaware still says 705,474.
  EXPECT_EQ(votes_by_seat["DE-AL"], 352737);
  EXPECT_EQ(votes_by_seat["OK-2"], 216002);
  EXPECT_EQ(votes_by_seat["HI-1"], 184211);
  EXPECT_EQ(votes_by_seat.size(), 8u);
}

}  // namespace
}  // namespace downballot::ingest
