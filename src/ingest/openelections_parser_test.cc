#include "ingest/openelections_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "ingest/test_files.h"

namespace downballot::ingest {
namespace {

using testing::Message;

using model::OfficeLevel;
using model::RowKind;

constexpr std::string_view kAlbanyGeneral = "20181106__ny__general__albany__precinct.csv";

struct Parsed {
  absl::StatusOr<ParsedResults> result;
  model::FileReport report;
};

Parsed Parse(std::string_view text, std::string_view path = kAlbanyGeneral) {
  Parsed parsed{absl::UnknownError("not run"), {}};
  parsed.result = ParseOpenElections(path, text, parsed.report);
  if (parsed.result.ok()) {
    EXPECT_EQ(parsed.report.rows_read,
              static_cast<int64_t>(parsed.result->rows.size()) + parsed.report.rows_rejected);
  }
  return parsed;
}

bool HasNote(const model::FileReport& report, std::string_view needle) {
  return std::any_of(report.notes.begin(), report.notes.end(), [&](const std::string& note) {
    return note.find(needle) != std::string::npos;
  });
}

TEST(OpenElectionsParser, ReadsEveryLineEndingBomAndEncoding) {
  struct Case {
    const char* name;
    std::string text;
  };
  const std::string body = "county,precinct,office,district,party,candidate,votes";
  const Case cases[] = {
      {"lf", body + "\nAlbany,W1 ED1,Governor,,DEM,Andrew M. Cuomo,35\n"},
      {"crlf", body + "\r\nAlbany,W1 ED1,Governor,,DEM,Andrew M. Cuomo,35\r\n"},
      // Westchester 2016 ends lines with a lone CR (old Mac export).
      {"cr", body + "\rAlbany,W1 ED1,Governor,,DEM,Andrew M. Cuomo,35\r"},
      {"bom", "\xEF\xBB\xBF" + body + "\r\nAlbany,W1 ED1,Governor,,DEM,Andrew M. Cuomo,35\r\n"},
      {"no final newline", body + "\nAlbany,W1 ED1,Governor,,DEM,Andrew M. Cuomo,35"},
      {"nbsp", body + "\nAlbany,W1 ED1,Governor,,DEM,Andrew\xC2\xA0M.\xC2\xA0 Cuomo ,35\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Parsed parsed = Parse(c.text);
    ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
    ASSERT_EQ(parsed.result->rows.size(), 1u);
    const model::ResultRow& row = parsed.result->rows[0];
    EXPECT_EQ(row.line, 2);
    EXPECT_EQ(row.county, "Albany");
    EXPECT_EQ(row.candidate, "Andrew M. Cuomo");
    EXPECT_EQ(row.office, "Governor");
    EXPECT_EQ(row.party, "DEM");
    EXPECT_EQ(row.votes, 35);
    EXPECT_EQ(parsed.report.rows_read, 1);
  }
}

TEST(OpenElectionsParser, ReadsLatin1BytesAsText) {
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "Albany,W1,Governor,,DEM,Jos\xE9 P\xE9rez,3\n");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  EXPECT_EQ(parsed.result->rows[0].candidate, "Jos\xC3\xA9 P\xC3\xA9rez");
  EXPECT_TRUE(HasNote(parsed.report, "not valid UTF-8"));
}

TEST(OpenElectionsParser, MapsColumnsByNameInAnyOrder) {
  // Albany, Broome and Niagara 2018 start with `candidate`; Erie puts candidate before party.
  const Parsed parsed = Parse(
      "Candidate,Office,District,Party,County,Precinct,VOTES,winner\n"
      "Kenneth Blankenbush,State Assembly,117,REP,Albany,Town of X,\"1,203\",\n");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const model::ResultRow& row = parsed.result->rows[0];
  EXPECT_EQ(row.candidate, "Kenneth Blankenbush");
  EXPECT_EQ(row.kind, RowKind::kCandidate);
  EXPECT_EQ(row.office, "State Assembly");
  EXPECT_EQ(row.district, "117");
  EXPECT_EQ(row.level, OfficeLevel::kState);
  EXPECT_EQ(row.precinct, "Town of X");
  EXPECT_EQ(row.votes, 1203);
}

TEST(OpenElectionsParser, ParsesVoteCells) {
  struct Case {
    const char* cell;
    int64_t votes;
    bool is_missing;
  };
  const Case cases[] = {
      {"3437", 3437, false}, {"\"3,437\"", 3437, false}, {"\"1,234,567\"", 1234567, false},
      {"0.0", 0, false},     {"12.0", 12, false},        {"", 0, true},
      {" 7 ", 7, false}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cell);
    const Parsed parsed =
        Parse(std::string("county,precinct,office,district,party,candidate,votes\n") +
              "Albany,W1,Governor,,DEM,Cynthia Nixon," + c.cell + "\n");
    ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
    ASSERT_EQ(parsed.result->rows.size(), 1u);
    EXPECT_EQ(parsed.result->rows[0].votes, c.votes);
    EXPECT_EQ(parsed.result->rows[0].is_votes_missing, c.is_missing);
  }
}

TEST(OpenElectionsParser, RejectsBadVoteCellsAndKeepsTheRest) {
  struct Case {
    const char* cell;
    const char* reason;
  };
  const Case cases[] = {
      {"12x", "votes '12x' is not a number"}, {"12.5", "votes '12.5' is not a whole number"},
      {"-3", "votes '-3' is negative"},       {"\"1,2\"", "votes '1,2' is not a number"},
      {"N/A", "votes 'N/A' is not a number"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cell);
    const Parsed parsed =
        Parse(std::string("county,precinct,office,district,party,candidate,votes\n") +
              "Albany,W1,Governor,,DEM,Cynthia Nixon," + c.cell +
              "\nAlbany,W1,Governor,,DEM,Andrew Cuomo,4\n");
    ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
    ASSERT_EQ(parsed.result->rows.size(), 1u);
    EXPECT_EQ(parsed.result->rows[0].candidate, "Andrew Cuomo");
    ASSERT_EQ(parsed.report.rejects.size(), 1u);
    EXPECT_EQ(parsed.report.rejects[0].line, 2);
    EXPECT_EQ(parsed.report.rejects[0].field, "votes");
    EXPECT_EQ(parsed.report.rejects[0].reason, c.reason);
    EXPECT_EQ(parsed.report.rejects[0].file, kAlbanyGeneral);
  }
}

TEST(OpenElectionsParser, SumsVoteModesWhenThereIsNoVotesColumn) {
  // Herkimer 2018-09-13: election_day and absentee only, absentee often empty.
  const Parsed parsed = Parse(
      "\xEF\xBB\xBF"
      "county,precinct,office,district,party,candidate,election_day,absentee\r\n"
      "Herkimer,Ward 1,Lieutenant Governor,,DEM,Kathy C. Hochul,21,6\r\n"
      "Herkimer,Ward 1,Lieutenant Governor,,DEM,Blank,13,\r\n"
      "Herkimer,Ward 1,Lieutenant Governor,,DEM,Void,,\r\n"
      "Herkimer,Ward 1,Lieutenant Governor,,DEM,Jumaane Williams,2,x\r\n",
      "20180913__ny__primary__herkimer__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const auto& rows = parsed.result->rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].votes, 27);
  EXPECT_EQ(rows[1].votes, 13);
  EXPECT_EQ(rows[1].kind, RowKind::kBlankVoid);
  EXPECT_EQ(rows[2].votes, 0);
  EXPECT_TRUE(rows[2].is_votes_missing);
  ASSERT_EQ(parsed.report.rejects.size(), 1u);
  EXPECT_EQ(parsed.report.rejects[0].field, "absentee");
  EXPECT_EQ(parsed.report.rejects[0].reason, "absentee 'x' is not a number");
  EXPECT_TRUE(HasNote(parsed.report, "no 'votes' column: summed election_day+absentee"));
}

TEST(OpenElectionsParser, ExtractsTheDistrictFromTheOfficeWhenThereIsNoDistrictColumn) {
  // Onondaga 2018-09-13 has no district column.
  const Parsed parsed = Parse(
      "county,precinct,office,candidate,party,votes\n"
      "Onondaga,Cicero 08,COUNTY COMMITTEE - TOWN OF CICERO DISTRICT 8,Jane Roe,REP,12\n"
      "Onondaga,Cicero 08,State Senate - 53RD DISTRICT,Rachel May,DEM,40\n"
      "Onondaga,Cicero 08,State Senate - 53RD DISTRICT,Ballots,DEM,80\n",
      "20180913__ny__primary__onondaga__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const auto& rows = parsed.result->rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].office, "County Committee");
  EXPECT_EQ(rows[0].district, "Town of Cicero District 8");
  EXPECT_EQ(rows[0].level, OfficeLevel::kParty);
  EXPECT_EQ(rows[0].jurisdiction, "Onondaga");
  EXPECT_EQ(rows[1].office, "State Senate");
  EXPECT_EQ(rows[1].district, "53");
  EXPECT_EQ(rows[1].jurisdiction, "");
  EXPECT_EQ(rows[2].kind, RowKind::kBallotsCast);
}

TEST(OpenElectionsParser, ClassifiesPseudoRowsAndTakesTheirParty) {
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "Suffolk,Babylon 1,C - Member of State Committee 1st CD,1,,Scattering,2\n"
      "Suffolk,Babylon 1,Governor,,,Ballots Cast - REPUBLICAN PARTY,80\n"
      "Albany,W1,Ballots Cast,,DEMOCRATIC,,77\n"
      "Albany,W1,Registered Voters,,,,642\n"
      "Richmond,001/61,State Assembly,61,Conservative,Ronald Castorina Jr. (Conservative),5\n"
      "Westchester,Town 1,Attorney General,,WRITE-IN,ZEPHYR TEACHOUT,3\n"
      "Westchester,Town 1,Attorney General,,WRITE-IN,IRREGULAR,1\n",
      "20180913__ny__primary__county.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const auto& rows = parsed.result->rows;
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0].kind, RowKind::kWriteIn);
  EXPECT_EQ(rows[0].party, "CON");  // from the office's party letter
  EXPECT_EQ(rows[0].office, "State Committee");
  EXPECT_EQ(rows[0].district, "1st CD");
  EXPECT_EQ(rows[1].kind, RowKind::kBallotsCast);
  EXPECT_EQ(rows[1].party, "REP");
  EXPECT_EQ(rows[2].kind, RowKind::kBallotsCast);
  EXPECT_EQ(rows[2].office, "");
  EXPECT_EQ(rows[2].office_raw, "Ballots Cast");
  EXPECT_EQ(rows[2].candidate, "Ballots Cast");
  EXPECT_EQ(rows[2].party, "DEM");
  EXPECT_EQ(rows[3].kind, RowKind::kRegisteredVoters);
  EXPECT_EQ(rows[3].candidate, "Registered Voters");
  EXPECT_EQ(rows[4].candidate, "Ronald Castorina Jr.");
  EXPECT_EQ(rows[4].party, "CON");
  EXPECT_EQ(rows[4].party_raw, "Conservative");
  EXPECT_EQ(rows[5].kind, RowKind::kWriteIn);
  EXPECT_EQ(rows[5].candidate, "ZEPHYR TEACHOUT");
  EXPECT_EQ(rows[5].party, "");
  EXPECT_EQ(rows[6].kind, RowKind::kWriteIn);
}

TEST(OpenElectionsParser, RejectsRowsWithoutACandidateOrOffice) {
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "New York,New York 65017,Assembly,65,,,\n"
      ",,,,,Someone,3\n"
      "New York,New York 65017,Assembly,65,Dem,Yuh-Line Niou,6\n",
      "20181106__ny__general__new_york__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  ASSERT_EQ(parsed.result->rows.size(), 1u);
  ASSERT_EQ(parsed.report.rejects.size(), 2u);
  EXPECT_EQ(parsed.report.rejects[0].field, "candidate");
  EXPECT_EQ(parsed.report.rejects[0].reason, "candidate is empty");
  EXPECT_EQ(parsed.report.rejects[1].field, "office");
  EXPECT_EQ(parsed.report.rejects[1].line, 3);
}

TEST(OpenElectionsParser, RejectsRecordsWithTheWrongFieldCount) {
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "Albany,W1,Governor,,DEM,Cynthia Nixon,4,9\n"
      "Albany,W1,Governor,DEM,Andrew Cuomo,4\n"
      "Albany,W1,Governor,,DEM,Andrew Cuomo,5,,\n"
      "Albany,W1,Governor,,DEM,Andrew Cuomo,6\n");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  ASSERT_EQ(parsed.result->rows.size(), 2u);  // trailing empty fields are harmless
  ASSERT_EQ(parsed.report.rejects.size(), 2u);
  EXPECT_EQ(parsed.report.rejects[0].line, 2);
  EXPECT_EQ(parsed.report.rejects[0].field, "");
  EXPECT_EQ(parsed.report.rejects[0].reason, "expected 7 fields, got 8");
  EXPECT_EQ(parsed.report.rejects[1].reason, "expected 7 fields, got 6");
}

TEST(OpenElectionsParser, AcceptsRecordsShortOnlyOfColumnsItDoesNotRead) {
  // The 2016 Richmond Republican primary drops affidavit_votes when it is zero.
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes,public_counter_votes,"
      "affidavit_votes\n"
      "Richmond,002/62,State Assembly,62,Republican,Janine Materna,35,83\n"
      "Richmond,049/62,State Assembly,62,Republican,Janine Materna,10,43,1\n",
      "20160913__ny__republican__primary__richmond__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  ASSERT_EQ(parsed.result->rows.size(), 2u);
  EXPECT_EQ(parsed.result->rows[0].votes, 35);
  EXPECT_EQ(parsed.result->rows[0].party, "REP");
  EXPECT_TRUE(HasNote(parsed.report, "1 records lack trailing columns"));
}

TEST(OpenElectionsParser, MarksTotalRowsAndContestRows) {
  const Parsed parsed = Parse(
      "candidate,office,county,district,party,precinct,votes,winner\n"
      "Anna Kaplan,U.S. House,Nassau,3,DEM,,1884,\n"
      "Anna Kaplan,U.S. House,Queens,3,DEM,,850,\n"
      "Anna Kaplan,U.S. House,,3,DEM,,2734,\n"
      "Hillary Clinton,President,Total,,DEM,,4379783,\n"
      "Solo Candidate,State Senate,,5,DEM,,10,\n",
      "20160628__ny__primary__us_house__counties.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const auto& rows = parsed.result->rows;
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].kind, RowKind::kCandidate);
  EXPECT_EQ(rows[0].geography, model::GeographyLevel::kCounty);
  EXPECT_EQ(rows[1].kind, RowKind::kCandidate);
  // The district total with no county is the whole contest's figure: counted, with the
  // county rows reconciled against it by the roll-up.
  EXPECT_EQ(rows[2].kind, RowKind::kCandidate);
  EXPECT_EQ(rows[2].geography, model::GeographyLevel::kContest);
  // "Total" in the county column sums the rows of the file: never counted.
  EXPECT_EQ(rows[3].kind, RowKind::kTotalVotes);
  // No county row of the same contest: the row is the only count there is.
  EXPECT_EQ(rows[4].kind, RowKind::kCandidate);
  EXPECT_EQ(rows[4].geography, model::GeographyLevel::kContest);
  EXPECT_TRUE(HasNote(parsed.report, "1 rows add up other rows"));
  EXPECT_TRUE(HasNote(parsed.report, "1 rows give a contest's total with no county"));

  const Parsed precincts = Parse(
      "county,precinct,office,district,candidate,party,votes\n"
      "Erie,City of Buffalo Total,Governor,,Andrew Cuomo,Dem,100\n"
      "Erie,Buffalo 1,Governor,,Andrew Cuomo,Dem,100\n",
      "20181106__ny__general__erie__precinct.csv");
  ASSERT_TRUE(precincts.result.ok()) << precincts.result.status();
  EXPECT_EQ(precincts.result->rows[0].kind, RowKind::kTotalVotes);
  EXPECT_EQ(precincts.result->rows[1].kind, RowKind::kCandidate);
}

// The kinds the per-file passes give each row (fill-down, subtotals, repeats, repeated precinct
// blocks and candidate spellings), one case per publisher's habit, each from a real file.
TEST(OpenElectionsParser, FindsSubtotalsRepeatsAndFilledDownPrecincts) {
  const std::string header = "county,precinct,office,district,party,candidate,votes\n";
  struct Case {
    const char* name;
    const char* path;
    std::string body;
    std::vector<RowKind> want_kinds;
    std::vector<std::string> want_precincts;  // empty: not checked
    const char* want_note;
  };
  const Case cases[] = {
      {"subtotal after the precincts (New York County 2018)",
       "20181106__ny__general__new_york__precinct.csv",
       "New York,65079,State Senate,27,Wor,Brad Hoylman,3\n"
       "New York,65080,State Senate,27,Wor,Brad Hoylman,5\n"
       "New York,,State Senate,27,Wor,Brad Hoylman,8\n"
       "New York,65079,State Senate,27,,Scattered,1\n"
       "New York,65080,State Senate,27,,Scattered,2\n"
       "New York,,State Senate,27,,Scattered,3\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kTotalVotes, RowKind::kWriteIn,
        RowKind::kWriteIn, RowKind::kTotalVotes},
       {},
       "2 rows labelled with no precinct"},
      {"a subtotal that differs from its precincts is the county's own figure",
       "20181106__ny__general__new_york__precinct.csv",
       "New York,65079,State Senate,27,Dem,Brad Hoylman,3\n"
       "New York,65080,State Senate,27,Dem,Brad Hoylman,5\n"
       "New York,,State Senate,27,Dem,Brad Hoylman,10\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kCandidate},
       {},
       nullptr},
      {"county name and state code (San Bernardino 2018)",
       "20181106__ca__general__san_bernardino__precinct.csv",
       "San Bernardino,ADE0111,U.S. House,8,Rep,Paul Cook,4\n"
       "San Bernardino,ADE0112,U.S. House,8,Rep,Paul Cook,6\n"
       "San Bernardino,SAN BERNARDINO CA,U.S. House,8,Rep,Paul Cook,10\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kTotalVotes},
       {},
       "1 rows labelled"},
      {"a precinct named like its county is a precinct (Lafayette 2018)",
       "20181106__fl__general__lafayette__precinct.csv",
       "Lafayette,Day Community Center,Governor,,,WriteinVotes,0\n"
       "Lafayette,Airline Community Center,Governor,,,WriteinVotes,1\n"
       "Lafayette,Lafayette Public Libary,Governor,,,WriteinVotes,1\n",
       {RowKind::kWriteIn, RowKind::kWriteIn, RowKind::kWriteIn},
       {},
       nullptr},
      {"totals given twice under the last precinct (Oswego 2018-09-13)",
       "20180913__ny__primary__oswego__precinct.csv",
       "Oswego,Fulton 6 1,Oswego County Sheriff,,REP,Don Hilton,4\n"
       "Oswego,Fulton 6 2,Oswego County Sheriff,,REP,Don Hilton,3\n"
       "Oswego,Fulton 6 2,Oswego County Sheriff,,REP,Don Hilton,7\n"
       "Oswego,Fulton 6 2,Oswego County Sheriff,,REP,Don Hilton,7\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kTotalVotes, RowKind::kTotalVotes},
       {},
       "2 rows labelled"},
      {"precinct written on the first row of its block only (Onondaga 2018)",
       "20181106__ny__general__onondaga__precinct.csv",
       "Onondaga,Cicero 1,Governor,,DEM,Andrew Cuomo,5\n"
       "Onondaga,,Governor,,REP,Marc Molinaro,6\n"
       "Onondaga,Cicero 2,Governor,,DEM,Andrew Cuomo,7\n"
       "Onondaga,,Governor,,REP,Marc Molinaro,8\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kCandidate, RowKind::kCandidate},
       {"Cicero 1", "Cicero 1", "Cicero 2", "Cicero 2"},
       "2 rows leave the precinct empty below a row that names it"},
      {"an exact repeat is kept once",
       "20181106__ny__general__albany__precinct.csv",
       "Albany,W1 ED1,Governor,,DEM,Andrew Cuomo,35\n"
       "Albany,W1 ED1,Governor,,DEM,Andrew Cuomo,35\n"
       "Albany,W1 ED2,Governor,,DEM,Andrew Cuomo,40\n",
       {RowKind::kCandidate, RowKind::kRepeat, RowKind::kCandidate},
       {},
       "1 rows repeat an earlier row cell for cell: kept as repeats"},
      {"repeats are coincidence where lines repeat with other votes too (Richmond 2018)",
       "20181106__ny__general__richmond__precinct.csv",
       "Richmond,ED 1,U.S. House,11,Ref,Dan Donovan,2\n"
       "Richmond,ED 1,U.S. House,11,Ref,Dan Donovan,3\n"
       "Richmond,ED 2,U.S. House,11,Ref,Dan Donovan,4\n"
       "Richmond,ED 2,U.S. House,11,Ref,Dan Donovan,4\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kCandidate, RowKind::kCandidate},
       {},
       "counted as separate lines"},
      {"one precinct written two ways (Onondaga 2018-09-13)",
       "20180913__ny__primary__onondaga__precinct.csv",
       "Onondaga,Cicero 22,County Committee,,REP,Mark R Venesky,3\n"
       "Onondaga,Cicero 22,County Committee,,REP,Paul F Becallo,2\n"
       "Onondaga,Cicero 22nd District,County Committee,,REP,Mark R Venesky,3\n"
       "Onondaga,Cicero 22nd District,County Committee,,REP,Paul F Becallo,2\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kRepeat, RowKind::kRepeat},
       {},
       "repeat another spelling of the same precinct"},
      {"one candidate listed under two spellings (New York County 2018)",
       "20181106__ny__general__new_york__precinct.csv",
       "New York,65001,U.S. House,7,Dem,Nydia M. Velazquez,10\n"
       "New York,65002,U.S. House,7,Dem,Nydia M. Velazquez,20\n"
       "New York,65001,U.S. House,7,Dem,Nydia Velazquez,10\n"
       "New York,65002,U.S. House,7,Dem,Nydia Velazquez,20\n",
       {RowKind::kCandidate, RowKind::kCandidate, RowKind::kRepeat, RowKind::kRepeat},
       {},
       "'Nydia Velazquez' repeats 'Nydia M. Velazquez'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Parsed parsed = Parse(header + c.body, c.path);
    ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
    const auto& rows = parsed.result->rows;
    ASSERT_EQ(rows.size(), c.want_kinds.size());
    for (size_t idx = 0; idx < rows.size(); ++idx) {
      EXPECT_EQ(model::ToString(rows[idx].kind), model::ToString(c.want_kinds[idx])) << idx;
      if (!c.want_precincts.empty()) {
        EXPECT_EQ(rows[idx].precinct, c.want_precincts[idx]) << idx;
      }
    }
    if (c.want_note != nullptr) {
      EXPECT_TRUE(HasNote(parsed.report, c.want_note))
          << ::testing::PrintToString(parsed.report.notes);
    }
  }
}

// A statewide contest tabulated again by another geography in the same file is kept as a
// sub-tabulation, with its breakdown, and never counted; a Senate seat (district "Class 1")
// too. Without the plain variant, a district cell is the contest itself (Richmond's "NYC").
TEST(OpenElectionsParser, KeepsSubTabulationsOutOfTheContest) {
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "Albany,,President,,DEM,Hillary Clinton,100\n"
      "Albany,,President Senatorial,44,DEM,Hillary Clinton,60\n"
      "Albany,,U.S. Senate,,DEM,Kirsten Gillibrand,90\n"
      "Albany,,U.S. Senate,44,DEM,Kirsten Gillibrand,50\n",
      "20181106__ny__general__albany__county.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const auto& rows = parsed.result->rows;
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].breakdown, "");
  EXPECT_EQ(rows[1].breakdown, "President Senatorial 44");
  EXPECT_EQ(rows[2].breakdown, "");
  EXPECT_EQ(rows[2].district, "Class 1");
  EXPECT_EQ(rows[3].breakdown, "U.S. Senate 44");
  EXPECT_TRUE(HasNote(parsed.report, "2 rows tabulate a statewide contest again"));

  const Parsed richmond = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "Richmond,ED 1,President,NYC,DEM,Hillary Clinton,100\n",
      "20161108__ny__general__richmond__precinct.csv");
  ASSERT_TRUE(richmond.result.ok()) << richmond.result.status();
  EXPECT_EQ(richmond.result->rows[0].breakdown, "");
}

// Lines whose every cell is empty (Mariposa 2018 ends with 36) are skipped like blank lines,
// with a note; they are not rows, so they are neither stored nor rejected.
TEST(OpenElectionsParser, SkipsLinesOfEmptyCells) {
  const Parsed parsed = Parse(
      "county,precinct,office,district,party,candidate,votes\n"
      "Mariposa,1,Governor,,DEM,Gavin Newsom,10\n"
      ",,,,,,\n"
      " , ,,,,,\n",
      "20181106__ca__general__mariposa__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  EXPECT_EQ(parsed.result->rows.size(), 1u);
  EXPECT_EQ(parsed.report.rows_read, 1);
  EXPECT_EQ(parsed.report.rows_rejected, 0);
  EXPECT_TRUE(HasNote(parsed.report, "2 lines have every cell empty"));
}

TEST(OpenElectionsParser, BuildsUniqueNewYorkCityPrecincts) {
  const Parsed parsed = Parse(
      "assembly_district,precinct,county,party,office,district,candidate,votes\n"
      "41,1,Kings,Democratic,President,,Emergency,0\n"
      "41,1,Kings,Democratic,President,,Bernie Sanders,61\n"
      "42,1,Kings,Democratic,President,,Bernie Sanders,12\n",
      "20160419__ny__primary__kings__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  const auto& rows = parsed.result->rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].precinct, "001/41");
  EXPECT_EQ(rows[0].kind, RowKind::kBallotType);
  EXPECT_EQ(rows[2].precinct, "001/42");
  EXPECT_EQ(rows[1].party, "DEM");
  EXPECT_EQ(rows[1].level, OfficeLevel::kFederal);
}

TEST(OpenElectionsParser, FallsBackToTheFileNameCounty) {
  const Parsed parsed = Parse(
      "precinct,office,district,party,candidate,votes\n"
      "ED 1,Governor,,DEM,Cynthia Nixon,4\n",
      "20180913__ny__primary__st_lawrence__precinct.csv");
  ASSERT_TRUE(parsed.result.ok()) << parsed.result.status();
  EXPECT_EQ(parsed.result->rows[0].county, "St. Lawrence");
  EXPECT_EQ(parsed.result->info.county, "St. Lawrence");
  EXPECT_TRUE(parsed.result->info.is_precinct_level);
}

TEST(OpenElectionsParser, FailsTheWholeFileOnFatalProblems) {
  struct Case {
    const char* name;
    std::string path;
    std::string text;
    std::string want;
  };
  const std::string header = "county,precinct,office,district,party,candidate,votes\n";
  constexpr char kBinaryRow[] = "Albany,W1\0PNG,x\n";
  const std::string binary = header + std::string(kBinaryRow, sizeof(kBinaryRow) - 1);
  const Case cases[] = {
      {"binary", std::string(kAlbanyGeneral), binary,
       "20181106__ny__general__albany__precinct.csv:2: binary content (NUL byte), not a CSV file"},
      {"semicolons", std::string(kAlbanyGeneral),
       "county;precinct;office;district;party;candidate;votes\nAlbany;W1;Governor;;DEM;X;1\n",
       "looks delimited by ';'"},
      {"tabs", std::string(kAlbanyGeneral), "county\toffice\tcandidate\tvotes\n",
       "looks delimited by tabs"},
      {"no office", std::string(kAlbanyGeneral), "county,candidate,votes\nAlbany,X,1\n",
       "20181106__ny__general__albany__precinct.csv:1: header has no 'office' column"},
      {"no votes", std::string(kAlbanyGeneral), "county,office,candidate,winner\n",
       "header has no 'votes' column"},
      {"empty", std::string(kAlbanyGeneral), "", "file is empty"},
      {"truncated record", std::string(kAlbanyGeneral),
       header + "Albany,W1,Governor,,DEM,Cynthia Nixon,4\nAlbany,W1,Gover",
       "20181106__ny__general__albany__precinct.csv:3: file is truncated"},
      {"open quote", std::string(kAlbanyGeneral),
       header + "Albany,W1,Governor,,DEM,Cynthia Nixon,4\nAlbany,\"W1,Governor,,DEM,X,4\n",
       "20181106__ny__general__albany__precinct.csv:3: file is truncated"},
      {"bad name", "albany-2018.csv", header, "does not follow the OpenElections convention"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto result = ParseOpenElections(c.path, c.text, report);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(Message(result.status()).find(c.want), std::string::npos) << Message(result.status());
  }
}

// Reads a whole file without base::FileSystem's seam: the real-data test only needs bytes.
std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(OpenElectionsParser, ParsesEveryRealNewYorkFile) {
  const std::filesystem::path root =
      std::filesystem::path(DOWNBALLOT_SOURCE_DIR) / ".." / "shared" / "data" / "openelections-ny";
  std::error_code error;
  if (!std::filesystem::is_directory(root, error)) GTEST_SKIP() << "no data at " << root;
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(root, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().extension() == ".csv") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 75u);

  int64_t num_rows = 0;
  int64_t num_rejected = 0;
  bool saw_bronx = false;
  bool saw_queens = false;
  bool saw_suffolk_committee = false;
  int64_t herkimer_votes = -1;
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    model::FileReport report;
    const auto parsed = ParseOpenElections(file.string(), Slurp(file), report);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(report.rows_read, static_cast<int64_t>(parsed->rows.size()) + report.rows_rejected);
    num_rows += report.rows_read;
    num_rejected += report.rows_rejected;

    const std::string name = file.filename().string();
    if (name == "20180626__ny__primary__county.csv") {
      for (const model::ResultRow& row : parsed->rows) {
        if (row.candidate != "Alexandria Ocasio-Cortez") continue;
        EXPECT_EQ(row.office, "U.S. House");
        EXPECT_EQ(row.district, "14");
        EXPECT_EQ(row.party, "DEM");
        EXPECT_EQ(row.level, OfficeLevel::kFederal);
        if (row.county == "Bronx") saw_bronx = row.votes == 4503;
        if (row.county == "Queens") saw_queens = row.votes == 12395;
      }
    }
    if (name == "20180913__ny__primary__herkimer__precinct.csv") {
      herkimer_votes = 0;
      for (const model::ResultRow& row : parsed->rows) herkimer_votes += row.votes;
      ASSERT_GE(parsed->rows.size(), 3u);
      EXPECT_EQ(parsed->rows[0].candidate, "Blank");  // line 2: 13 + empty absentee
      EXPECT_EQ(parsed->rows[0].votes, 13);
      EXPECT_EQ(parsed->rows[2].candidate, "Kathy C. Hochul");  // line 4: 21 + 6
      EXPECT_EQ(parsed->rows[2].votes, 27);
    }
    if (name == "20180913__ny__primary__suffolk__precinct.csv") {
      for (const model::ResultRow& row : parsed->rows) {
        if (!row.office_raw.starts_with("C - Member of State Committee")) continue;
        saw_suffolk_committee = true;
        EXPECT_EQ(row.office, "State Committee");
        EXPECT_EQ(row.district, "1st CD");
        EXPECT_EQ(row.level, OfficeLevel::kParty);
        EXPECT_EQ(row.jurisdiction, "");
        EXPECT_EQ(row.party, "CON");
      }
    }
  }
  EXPECT_TRUE(saw_bronx);
  EXPECT_TRUE(saw_queens);
  EXPECT_TRUE(saw_suffolk_committee);
  // Herkimer has no votes column: every row is election_day + absentee.
  EXPECT_EQ(herkimer_votes, 7203);
  // Rejects stay under 0.1% of all rows.
  EXPECT_LT(num_rejected * 1000, num_rows) << num_rejected << " of " << num_rows;
}

}  // namespace
}  // namespace downballot::ingest
