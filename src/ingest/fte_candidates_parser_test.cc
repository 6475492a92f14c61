#include "ingest/fte_candidates_parser.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/text_encoding.h"
#include "gtest/gtest.h"
#include "ingest/test_files.h"

namespace downballot::ingest {
namespace {

using testing::Message;
using testing::ReadWholeFile;

constexpr std::string_view kFteDir = DOWNBALLOT_SOURCE_DIR "/../shared/data/fivethirtyeight";

// A cut-down 2018 header: mapped columns, endorsement columns of both suffixes (one with the
// real file's trailing space) and an unmapped Yes/No column that is not an endorsement.
constexpr std::string_view kHeader2018 =
    "Candidate,State,District,Office Type,Race Type,Race Primary Election Date,Primary Status,"
    "Primary Runoff Status,General Status,Partisan Lean,Primary %,Won Primary,Veteran?,"
    "Sanders Endorsed?,Warren Endorsed? ,No Labels Support?\n";

std::string File2018(std::string_view rows) { return std::string(kHeader2018) + std::string(rows); }

model::Endorsement EndorsementOf(const model::PrimaryCandidacy& row, std::string_view group) {
  for (const model::EndorsementCell& cell : row.endorsements) {
    if (cell.group == group) return cell.value;
  }
  ADD_FAILURE() << "no endorsement column " << group;
  return model::Endorsement::kNotTracked;
}

TEST(FteCandidatesParser, MapsEveryColumnOf2018Row) {
  model::FileReport report;
  const auto got = ParseFteCandidates(
      "data/dem_candidates.csv",
      File2018("Anthony White (Alabama),AL,Governor of Alabama,Governor,Regular,6/5/18,Lost,"
               "None,None,-28.879999,3.4200001,No,Yes,Yes,No,\n"),
      report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  const model::PrimaryCandidacy& row = (*got)[0];
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.cycle, 2018);
  EXPECT_EQ(row.party, "DEM");
  EXPECT_EQ(row.candidate, "Anthony White (Alabama)");
  EXPECT_EQ(row.state, "AL");
  EXPECT_EQ(row.district, "Governor of Alabama");
  EXPECT_EQ(row.office_type, "Governor");
  EXPECT_EQ(row.race_type, "Regular");
  ASSERT_TRUE(row.primary_date.has_value());
  EXPECT_EQ(row.primary_date->ToIso(), "2018-06-05");
  EXPECT_EQ(row.primary_status, "Lost");
  EXPECT_EQ(row.runoff_status, "None");
  EXPECT_EQ(row.general_status, "None");
  ASSERT_TRUE(row.partisan_lean.has_value());
  EXPECT_DOUBLE_EQ(*row.partisan_lean, -28.879999);
  ASSERT_TRUE(row.primary_pct.has_value());
  EXPECT_DOUBLE_EQ(*row.primary_pct, 3.4200001);
  EXPECT_EQ(row.won_primary, std::optional<bool>(false));
  // "Veteran?" is a Yes/No column but not an endorsement; the trailing space is trimmed away.
  ASSERT_EQ(row.endorsements.size(), 3u);
  EXPECT_EQ(row.endorsements[0].group, "Sanders Endorsed?");
  EXPECT_EQ(row.endorsements[1].group, "Warren Endorsed?");
  EXPECT_EQ(row.endorsements[2].group, "No Labels Support?");
  EXPECT_EQ(row.endorsements[0].value, model::Endorsement::kYes);
  EXPECT_EQ(row.endorsements[1].value, model::Endorsement::kNo);
  EXPECT_EQ(row.endorsements[2].value, model::Endorsement::kNotTracked);
  EXPECT_EQ(report.rows_read, 1);
  EXPECT_EQ(report.rows_rejected, 0);
  EXPECT_EQ(report.path, "data/dem_candidates.csv");
  EXPECT_EQ(report.kind, "fte_candidates");
}

TEST(FteCandidatesParser, ReadsValueVariants) {
  struct Case {
    std::string_view name;
    std::string_view row;
    std::optional<double> want_pct;
    std::optional<bool> want_won;
    model::Endorsement want_sanders;
    std::string want_race_type;
  };
  const Case cases[] = {
      {"empty percent and won", "A,AL,D,Representative,Regular,6/5/18,Lost,None,None,-3,,,No,,,\n",
       std::nullopt, std::nullopt, model::Endorsement::kNotTracked, "Regular"},
      {"lowercase yes", "A,AL,D,Representative,Regular,6/5/18,Lost,None,None,-3,100,yes,No,yes,,\n",
       100.0, true, model::Endorsement::kYes, "Regular"},
      {"padded cells",
       "A , AL ,D,Representative, Special ,6/5/2018,Lost,None,None, -3 , 12.5 , "
       "No , No , No ,,\n",
       12.5, false, model::Endorsement::kNo, "Special"},
      {"blank race type", "A,AL,D,Representative, ,6/5/18,Lost,None,None,-3,1,No,No,,,\n", 1.0,
       false, model::Endorsement::kNotTracked, ""},
      {"quoted name with commas",
       "\"Smith, Jr., A\",AL,D,Representative,Regular,6/5/18,Lost,"
       "None,None,-3,1,No,No,N/A,,\n",
       1.0, false, model::Endorsement::kNotTracked, "Regular"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got = ParseFteCandidates("rep_candidates.csv", File2018(c.row), report);
    ASSERT_TRUE(got.ok()) << got.status();
    ASSERT_EQ(got->size(), 1u) << (report.rejects.empty() ? "" : report.rejects[0].reason);
    const model::PrimaryCandidacy& row = (*got)[0];
    EXPECT_EQ(row.party, "REP");
    EXPECT_EQ(row.state, "AL");
    EXPECT_EQ(row.primary_pct, c.want_pct);
    EXPECT_EQ(row.won_primary, c.want_won);
    EXPECT_EQ(EndorsementOf(row, "Sanders Endorsed?"), c.want_sanders);
    EXPECT_EQ(row.race_type, c.want_race_type);
  }
}

TEST(FteCandidatesParser, TakesPartyFromFileName) {
  struct Case {
    std::string_view path;
    std::optional<std::string> want_party;
  };
  const Case cases[] = {
      {"dem_candidates.csv", "DEM"},
      {"/data/2018/rep_candidates.csv", "REP"},
      {"DEM_candidates.CSV", "DEM"},
      {"C:\\data\\Rep_2018.csv", "REP"},
      {"candidates.csv", std::nullopt},
      {"democrats.csv", std::nullopt},
      {"dem_files/candidates.csv", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    model::FileReport report;
    const auto got = ParseFteCandidates(
        c.path, File2018("A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,\n"), report);
    if (!c.want_party.has_value()) {
      ASSERT_FALSE(got.ok());
      EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_NE(Message(got.status()).find("'dem_' or 'rep_'"), std::string::npos);
      continue;
    }
    ASSERT_TRUE(got.ok()) << got.status();
    ASSERT_EQ(got->size(), 1u);
    EXPECT_EQ((*got)[0].party, *c.want_party);
  }
}

TEST(FteCandidatesParser, RejectsBadRowsNamingTheField) {
  struct Case {
    std::string_view name;
    std::string_view row;
    std::string want_field;
    std::string want_reason_part;
  };
  const Case cases[] = {
      {"bad endorsement", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,Maybe,,\n",
       "Sanders Endorsed?", "'Maybe' is not Yes, No or empty"},
      {"bad endorsement in trailing-space column",
       "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,,Y,\n", "Warren Endorsed?", "'Y'"},
      {"bad won primary", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,Won,No,,,\n",
       "Won Primary", "'Won'"},
      {"garbage percent", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,12x,No,No,,,\n",
       "Primary %", "'12x' is not a number"},
      {"percent above 100", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,101,No,No,,,\n",
       "Primary %", "outside 0-100"},
      {"negative percent", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,-1,No,No,,,\n",
       "Primary %", "outside 0-100"},
      {"garbage lean", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,abc,1,No,No,,,\n",
       "Partisan Lean", "'abc'"},
      {"nan lean", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,nan,1,No,No,,,\n",
       "Partisan Lean", "'nan'"},
      {"bad date", "A,AL,D,Governor,Regular,June 5,Lost,None,None,-3,1,No,No,,,\n",
       "Race Primary Election Date", "'June 5'"},
      {"empty date", "A,AL,D,Governor,Regular,,Lost,None,None,-3,1,No,No,,,\n",
       "Race Primary Election Date", "primary date is empty"},
      {"unknown state", "A,PR,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,\n", "State",
       "'PR' is not one of the 50 states or DC"},
      {"empty candidate", " ,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,\n",
       "Candidate", "candidate name is empty"},
      {"too many fields", "A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,,\n", "",
       "expected 16 fields, got 17"},
      {"too few fields before the end", "A,AL,D,Governor\n", "", "expected 16 fields, got 4"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    // A good row after the bad one shows the load goes on.
    const auto got = ParseFteCandidates(
        "dem_candidates.csv",
        File2018(std::string(c.row) +
                 "B,AK,D,Governor,Regular,8/21/18,Lost,None,None,-3,1,No,No,,,\n"),
        report);
    ASSERT_TRUE(got.ok()) << got.status();
    ASSERT_EQ(got->size(), 1u);
    EXPECT_EQ((*got)[0].candidate, "B");
    EXPECT_EQ(report.rows_read, 2);
    ASSERT_EQ(report.rows_rejected, 1);
    ASSERT_EQ(report.rejects.size(), 1u);
    EXPECT_EQ(report.rejects[0].file, "dem_candidates.csv");
    EXPECT_EQ(report.rejects[0].line, 2);
    EXPECT_EQ(report.rejects[0].field, c.want_field);
    EXPECT_NE(report.rejects[0].reason.find(c.want_reason_part), std::string::npos)
        << report.rejects[0].reason;
  }
}

TEST(FteCandidatesParser, FailsOnFilesItCannotRead) {
  struct Case {
    std::string_view name;
    std::string input;
    std::string want_message_part;
  };
  const Case cases[] = {
      {"empty", "", "dem_x.csv:1: empty file"},
      {"binary", std::string("Candidate,State\n\0PK", 19), "dem_x.csv:2: binary content"},
      {"missing office type",
       "Candidate,State,District,Race Primary Election Date\nA,AL,D,6/5/18\n",
       "dem_x.csv:1: missing required column 'Office Type' (or 'Office')"},
      {"missing several", "Candidate,Votes\nA,1\n",
       "dem_x.csv:1: missing required columns 'State', 'District'"},
      {"not a candidates file", "county,precinct,office\nAlbany,1,Governor\n",
       "missing required columns 'Candidate'"},
      {"repeated column", "Candidate,State,District,Office Type,State\n",
       "dem_x.csv:1: column 'State' appears twice"},
      {"truncated last row", File2018("A,AL,D,Governor,Regular,6/5/18,Lo"),
       "dem_x.csv:2: last row is cut off without a line break: expected 16 fields, got 7"},
      {"open quote", File2018("\"A,AL,D\n"), "dem_x.csv:2: file is truncated: quoted field is not closed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::FileReport report;
    const auto got = ParseFteCandidates("dem_x.csv", c.input, report);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(Message(got.status()).find(c.want_message_part), std::string::npos) << got.status();
  }
}

TEST(FteCandidatesParser, AcceptsLastRowWithoutLineBreakWhenComplete) {
  model::FileReport report;
  const auto got = ParseFteCandidates(
      "dem_x.csv", File2018("A,AL,D,Governor,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,"), report);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->size(), 1u);
  EXPECT_EQ(report.rows_rejected, 0);
}

TEST(FteCandidatesParser, ReadsBomCrlfAndLatin1Bytes) {
  std::string input = "\xEF\xBB\xBF" + std::string(kHeader2018);
  input.insert(input.size() - 1, "\r");
  input +=
      "Rocky Ch\xCC\xC1vez,CA,D,Representative,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,\r\n";
  input += "Ana Mar\xEDn,CA,D,Representative,Regular,6/5/18,Lost,None,None,-3,1,No,No,,,\r\n";
  model::FileReport report;
  const auto got = ParseFteCandidates("rep_candidates.csv", input, report);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].candidate, "Rocky Ch\u00CC\u00C1vez");
  EXPECT_EQ((*got)[1].candidate, "Ana Mar\u00EDn");
  EXPECT_EQ((*got)[0].endorsements.size(), 3u);
  EXPECT_EQ(report.notes.size(), 1u);
}

// The 2022 primary-project layout: outcomes instead of Won Primary, spelled-out states, "12%",
// "N/A" and bare endorser columns.
TEST(FteCandidatesParser, Reads2022Layout) {
  constexpr std::string_view kInput =
      "Candidate,Gender,Incumbent,State,Primary Date,Office,District,Primary Votes,Primary %,"
      "Primary Outcome,Runoff Votes,Runoff %,Runoff Outcome,Trump,Trump Date,Club for Growth,"
      "Maggie's List\r\n"
      "\"Aditya \"\"A.D.\"\" Atholi\",Male,No,Texas,3/1/22,Representative,1,\"6,186\",8%,Lost,"
      "N/A,N/A,N/A,N/A,N/A,No,N/A\r\n"
      "Katie Britt,Female,No,Alabama,5/24/22,Senator,N/A,\"289,425\",45%,Made runoff,\"253,251\","
      "63%,Won,Yes (runoff only),6/10/22,N/A,Yes\r\n"
      "Sarah Palin,Female,No,Alaska,8/16/22,Representative,At-Large,\"1\",27%,Made runoff,,,,"
      "N/A,N/A,No,N/A\r\n"
      "Markwayne Mullin,Male,No,Oklahoma,6/28/22,Senator (unexpired term),N/A,\"1\",44%,Made "
      "runoff,\"1\",65%,Won,No (runoff only),N/A,Yes,N/A\r\n"
      "Bad Outcome,Male,No,Ohio,5/3/22,Governor,N/A,1,1%,Tied,N/A,N/A,N/A,N/A,N/A,N/A,N/A";
  model::FileReport report;
  const auto got = ParseFteCandidates("rep_candidates.csv", kInput, report);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(report.rows_read, 5);
  ASSERT_EQ(report.rows_rejected, 1);
  EXPECT_EQ(report.rejects[0].line, 6);
  EXPECT_EQ(report.rejects[0].field, "Primary Outcome");
  EXPECT_EQ(report.rejects[0].reason, "'Tied' is not Won, Lost or Made runoff");
  ASSERT_EQ(got->size(), 4u);

  const model::PrimaryCandidacy& atholi = (*got)[0];
  EXPECT_EQ(atholi.candidate, "Aditya \"A.D.\" Atholi");
  EXPECT_EQ(atholi.cycle, 2022);
  EXPECT_EQ(atholi.state, "TX");
  EXPECT_EQ(atholi.district, "1");
  EXPECT_EQ(atholi.office_type, "Representative");
  EXPECT_EQ(atholi.race_type, "Regular");
  EXPECT_EQ(atholi.primary_pct, std::optional<double>(8.0));
  EXPECT_EQ(atholi.won_primary, std::optional<bool>(false));
  EXPECT_EQ(atholi.primary_status, "Lost");
  EXPECT_FALSE(atholi.partisan_lean.has_value());
  EXPECT_EQ(EndorsementOf(atholi, "Trump"), model::Endorsement::kNotTracked);
  EXPECT_EQ(EndorsementOf(atholi, "Club for Growth"), model::Endorsement::kNo);
  EXPECT_EQ(atholi.endorsements.size(), 3u);  // Trump Date is not an endorsement
  EXPECT_EQ(atholi.incumbent, std::optional<bool>(false));
  EXPECT_EQ(atholi.primary_votes, std::optional<int64_t>(6186));
  EXPECT_FALSE(atholi.runoff_votes.has_value());
  EXPECT_FALSE(atholi.runoff_pct.has_value());

  const model::PrimaryCandidacy& britt = (*got)[1];
  EXPECT_EQ(britt.state, "AL");
  EXPECT_EQ(britt.district, "");
  EXPECT_EQ(britt.won_primary, std::optional<bool>(true));
  EXPECT_EQ(EndorsementOf(britt, "Trump"), model::Endorsement::kYes);
  EXPECT_EQ(EndorsementOf(britt, "Maggie's List"), model::Endorsement::kYes);
  EXPECT_EQ(britt.primary_votes, std::optional<int64_t>(289425));
  EXPECT_EQ(britt.runoff_votes, std::optional<int64_t>(253251));
  EXPECT_EQ(britt.runoff_pct, std::optional<double>(63.0));

  // Alaska's top-four primary: "Made runoff" with no runoff held.
  const model::PrimaryCandidacy& palin = (*got)[2];
  EXPECT_EQ(palin.district, "At-Large");
  EXPECT_EQ(palin.primary_pct, std::optional<double>(27.0));
  EXPECT_FALSE(palin.won_primary.has_value());

  const model::PrimaryCandidacy& mullin = (*got)[3];
  EXPECT_EQ(mullin.race_type, "Special");
  EXPECT_EQ(EndorsementOf(mullin, "Trump"), model::Endorsement::kNo);
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_NE(report.notes[0].find("2 endorsement cells marked '(runoff only)'"), std::string::npos);
}

TEST(FteCandidatesParser, Rejects2022AttributeAndVoteCells) {
  constexpr std::string_view kHeader =
      "Candidate,Incumbent,State,Primary Date,Office,District,Primary Votes,Primary %,"
      "Primary Outcome,Runoff Votes,Runoff %,Runoff Outcome\n";
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"A,Maybe,Texas,3/1/22,Representative,1,10,8%,Lost,N/A,N/A,N/A\n", "Incumbent"},
      {"A,No,Texas,3/1/22,Representative,1,12x,8%,Lost,N/A,N/A,N/A\n", "Primary Votes"},
      {"A,No,Texas,3/1/22,Representative,1,-5,8%,Lost,N/A,N/A,N/A\n", "Primary Votes"},
      {"A,No,Texas,3/1/22,Representative,1,5,8%,Made runoff,\"1,2x\",N/A,Won\n", "Runoff Votes"},
      {"A,No,Texas,3/1/22,Representative,1,5,8%,Made runoff,10,140%,Won\n", "Runoff %"},
  };
  for (const auto& [row, field] : cases) {
    SCOPED_TRACE(row);
    model::FileReport report;
    const auto got = ParseFteCandidates("rep_candidates.csv", std::string(kHeader) + std::string(row),
                                        report);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_TRUE(got->empty());
    ASSERT_EQ(report.rows_rejected, 1);
    EXPECT_EQ(report.rejects[0].field, field);
    EXPECT_EQ(report.rejects[0].line, 2);
  }
}

struct RealFile {
  std::vector<model::PrimaryCandidacy> rows;
  model::FileReport report;
  std::string bytes;
};

std::optional<RealFile> ParseRealFile(const std::string& relative_path) {
  const std::string path = std::string(kFteDir) + "/" + relative_path;
  std::optional<std::string> bytes = ReadWholeFile(path);
  if (!bytes.has_value()) return std::nullopt;
  RealFile file;
  file.bytes = std::move(*bytes);
  auto got = ParseFteCandidates(path, file.bytes, file.report);
  EXPECT_TRUE(got.ok()) << got.status();
  if (got.ok()) file.rows = std::move(*got);
  return file;
}

// Counts rows whose `column` equals `value` by splitting lines on commas: the 2018 files
// quote only names, and none of those contains a comma.
int CountByLineScan(std::string_view bytes, std::string_view column, std::string_view value) {
  const std::vector<std::string_view> lines = base::Split(bytes, '\n');
  const std::vector<std::string_view> header = base::Split(lines[0], ',');
  size_t col = header.size();
  for (size_t idx = 0; idx < header.size(); ++idx) {
    if (base::Trim(header[idx]) == column) col = idx;
  }
  EXPECT_LT(col, header.size()) << column;
  int count = 0;
  for (size_t idx = 1; idx < lines.size(); ++idx) {
    const std::vector<std::string_view> fields = base::Split(lines[idx], ',');
    if (col < fields.size() && base::Trim(fields[col]) == value) ++count;
  }
  return count;
}

TEST(FteCandidatesParser, RealDem2018FileLoadsEveryRow) {
  const std::optional<RealFile> file = ParseRealFile("primary-candidates-2018/dem_candidates.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  EXPECT_EQ(file->rows.size(), 811u);
  EXPECT_EQ(file->report.rows_read, 811);
  EXPECT_EQ(file->report.rows_rejected, 0);
  EXPECT_TRUE(file->report.notes.empty()) << "the dem file is valid UTF-8";

  int num_won = 0;
  std::map<model::Endorsement, int> sanders;
  for (const model::PrimaryCandidacy& row : file->rows) {
    EXPECT_EQ(row.party, "DEM");
    EXPECT_EQ(row.cycle, 2018);
    EXPECT_EQ(row.state.size(), 2u);
    EXPECT_TRUE(row.partisan_lean.has_value()) << row.line;
    EXPECT_EQ(row.endorsements.size(), 13u);
    if (row.won_primary == true) ++num_won;
    ++sanders[EndorsementOf(row, "Sanders Endorsed?")];
  }
  EXPECT_EQ(num_won, CountByLineScan(file->bytes, "Won Primary", "Yes"));
  EXPECT_EQ(num_won, 239);
  EXPECT_EQ(sanders[model::Endorsement::kYes], 9);
  EXPECT_EQ(sanders[model::Endorsement::kNo], 20);
  EXPECT_EQ(sanders[model::Endorsement::kNotTracked], 782);
  EXPECT_EQ(file->rows.front().candidate, "Anthony White (Alabama)");
  EXPECT_EQ(file->rows.front().line, 2);
  EXPECT_EQ(file->rows[2].candidate, "Doug \"New Blue\" Smith");
}

TEST(FteCandidatesParser, RealRep2018FileDecodesMojibakeNames) {
  const std::optional<RealFile> file = ParseRealFile("primary-candidates-2018/rep_candidates.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  EXPECT_EQ(file->rows.size(), 774u);
  EXPECT_EQ(file->report.rows_read, 774);
  EXPECT_EQ(file->report.rows_rejected, 0);
  EXPECT_EQ(file->report.notes.size(), 1u);

  int num_won = 0;
  std::vector<std::string> decoded_names;
  for (const model::PrimaryCandidacy& row : file->rows) {
    EXPECT_EQ(row.party, "REP");
    EXPECT_EQ(row.cycle, 2018);
    EXPECT_TRUE(base::IsValidUtf8(row.candidate)) << row.line;
    EXPECT_EQ(row.endorsements.size(), 14u);
    if (row.won_primary == true) ++num_won;
    if (row.candidate.rfind("Cristina Osme", 0) == 0 || row.candidate.rfind("Rocky Ch", 0) == 0) {
      decoded_names.push_back(row.candidate);
    }
  }
  EXPECT_EQ(num_won, 245);
  // The source bytes are CC B1 (valid UTF-8: U+0331) and CC C1 (not UTF-8: read as Latin-1).
  EXPECT_EQ(decoded_names,
            (std::vector<std::string>{"Cristina Osme\u0331a", "Rocky Ch\u00CC\u00C1vez"}));
}

TEST(FteCandidatesParser, RealRep2022FileLoadsEveryRow) {
  const std::optional<RealFile> file = ParseRealFile("primary-project-2022/rep_candidates.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  EXPECT_EQ(file->rows.size(), 1599u);
  EXPECT_EQ(file->report.rows_rejected, 0);
  int num_won = 0;
  int num_trump_yes = 0;
  for (const model::PrimaryCandidacy& row : file->rows) {
    EXPECT_EQ(row.cycle, 2022);
    EXPECT_EQ(row.state.size(), 2u);
    if (row.won_primary == true) ++num_won;
    if (EndorsementOf(row, "Trump") == model::Endorsement::kYes) ++num_trump_yes;
  }
  // 466 won outright plus 19 who won their runoff.
  EXPECT_EQ(num_won, 485);
  // 188 "Yes" plus 2 "Yes (runoff only)".
  EXPECT_EQ(num_trump_yes, 190);

  // The bare endorser columns are found by their values; "Trump Date", "Gender" and "2020
  // Election Stance" are not endorsements, and Incumbent is a mapped column.
  std::vector<std::string> groups;
  for (const model::EndorsementCell& cell : file->rows.front().endorsements) {
    groups.push_back(cell.group + (cell.is_party_committee ? " [party]" : ""));
  }
  EXPECT_EQ(groups, (std::vector<std::string>{"Trump", "Club for Growth", "Party Committee [party]",
                                              "Renew America", "E-PAC", "VIEW PAC",
                                              "Maggie's List", "Winning for Women"}));
  int num_incumbents = 0;
  int64_t total_primary_votes = 0;
  for (const model::PrimaryCandidacy& row : file->rows) {
    ASSERT_TRUE(row.incumbent.has_value()) << row.line;
    if (*row.incumbent) ++num_incumbents;
    total_primary_votes += row.primary_votes.value_or(0);
  }
  // Counted with Python's csv module from the same file.
  EXPECT_EQ(num_incumbents, 216);
  EXPECT_EQ(total_primary_votes, 58142800);
}

TEST(FteCandidatesParser, RealDem2018FileReadsCandidateAttributes) {
  const std::optional<RealFile> file = ParseRealFile("primary-candidates-2018/dem_candidates.csv");
  if (!file.has_value()) GTEST_SKIP() << "no shared data";
  std::map<std::optional<bool>, int> elected;
  int num_self_funders = 0;
  std::map<model::Endorsement, int> gun_sense;
  std::map<model::Endorsement, int> party_support;
  for (const model::PrimaryCandidacy& row : file->rows) {
    ++elected[row.elected_official];
    if (row.self_funder == true) ++num_self_funders;
    EXPECT_FALSE(row.incumbent.has_value()) << "the 2018 files have no Incumbent column";
    ++gun_sense[EndorsementOf(row, "Guns Sense Candidate?")];
    ++party_support[EndorsementOf(row, "Party Support?")];
    for (const model::EndorsementCell& cell : row.endorsements) {
      EXPECT_EQ(cell.is_party_committee, cell.group == "Party Support?") << cell.group;
    }
  }
  EXPECT_EQ(elected[true], CountByLineScan(file->bytes, "Elected Official?", "Yes"));
  EXPECT_EQ(elected[true], 133);
  EXPECT_EQ(elected[false], 667);
  EXPECT_EQ(elected[std::nullopt], 11);
  EXPECT_EQ(num_self_funders, 43);
  // A bare Yes/No/empty column of the codebook's kind ("Gun Sense Candidate Distinction") is a
  // slate like any "Endorsed?" column.
  EXPECT_EQ(gun_sense[model::Endorsement::kYes], 193);
  EXPECT_EQ(gun_sense[model::Endorsement::kNo], 180);
  EXPECT_EQ(party_support[model::Endorsement::kYes], 39);
  EXPECT_EQ(party_support[model::Endorsement::kNo], 99);
}

}  // namespace
}  // namespace downballot::ingest
