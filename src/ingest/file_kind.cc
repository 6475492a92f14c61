#include "ingest/file_kind.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/strings.h"
#include "base/text_encoding.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/fec_layout.h"

namespace downballot::ingest {
namespace {

// Enough of a long header to recognise it in an error message without flooding the terminal.
constexpr size_t kMaxQuotedHeaderChars = 120;
// OpenElections names files "YYYYMMDD__state__stage__...csv".
constexpr size_t kOpenElectionsDateDigits = 8;

bool IsOpenElectionsName(std::string_view name) {
  if (name.size() < kOpenElectionsDateDigits + 2) return false;
  for (size_t pos = 0; pos < kOpenElectionsDateDigits; ++pos) {
    if (name[pos] < '0' || name[pos] > '9') return false;
  }
  if (name.substr(kOpenElectionsDateDigits, 2) != "__") return false;
  const std::string lower = base::ToLower(name);
  return lower.size() >= 4 && lower.substr(lower.size() - 4) == ".csv";
}

bool Has(const std::vector<std::string>& columns, std::string_view name) {
  return std::find(columns.begin(), columns.end(), name) != columns.end();
}

bool IsYear(std::string_view text) {
  if (text.size() != 4) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Printable form of the first line for a reason string: valid UTF-8, control bytes dropped,
// long lines cut.
std::string QuoteLine(std::string_view line) {
  std::string text = base::IsValidUtf8(line) ? std::string(line) : base::ToUtf8Lenient(line);
  text.erase(std::remove_if(text.begin(), text.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20; }),
             text.end());
  if (text.size() > kMaxQuotedHeaderChars) {
    size_t cut = kMaxQuotedHeaderChars;
    // Do not split a UTF-8 sequence: back up to a lead byte.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

}  // namespace

DetectedKind DetectFileKind(std::string_view path, std::string_view first_bytes) {
  if (first_bytes.find('\0') != std::string_view::npos) {
    return {FileKind::kUnknown, "binary content"};
  }
  std::string_view text = base::StripBom(first_bytes);
  const std::string_view first_line = text.substr(0, text.find_first_of("\r\n"));
  if (base::Trim(first_line).empty()) {
    return {FileKind::kUnknown, "no recognised header: the file is empty or starts blank"};
  }

  std::vector<std::string> columns;
  DelimitedReader reader(first_line, {});
  Record record;
  const absl::StatusOr<bool> has_record = reader.Next(record);
  if (has_record.ok() && *has_record) {
    for (const std::string& field : record.fields)
      columns.push_back(base::ToLower(base::Trim(field)));
  }
  const std::string_view name = base::BaseName(path);
  const bool is_open_elections_name = IsOpenElectionsName(name);

  if (is_open_elections_name && Has(columns, "office") && Has(columns, "candidate")) {
    return {FileKind::kOpenElections,
            "openelections file name and header with office and candidate columns"};
  }
  if (Has(columns, "year") && Has(columns, "state_po") && Has(columns, "office") &&
      Has(columns, "candidate") && Has(columns, "candidatevotes") && Has(columns, "totalvotes")) {
    return {FileKind::kMedslReturns,
            "medsl returns header (year, state_po, office, candidate, candidatevotes, "
            "totalvotes)"};
  }
  const bool starts_2018_candidates = columns.size() >= 3 && columns[0] == "candidate" &&
                                      columns[1] == "state" && columns[2] == "district";
  if (starts_2018_candidates && Has(columns, "office type")) {
    return {FileKind::kFteCandidates,
            "fivethirtyeight primary-candidates header (candidate, state, district, office type)"};
  }
  if (!columns.empty() && columns[0] == "candidate" && Has(columns, "state") &&
      Has(columns, "district") && Has(columns, "office") && Has(columns, "primary outcome")) {
    return {FileKind::kFteCandidates,
            "fivethirtyeight primary-project header (candidate, state, office, district, "
            "primary outcome)"};
  }
  if (columns.size() == 2 && (columns[0] == "district" || columns[0] == "state") &&
      IsYear(columns[1])) {
    return {FileKind::kPartisanLean,
            fmt::format("fivethirtyeight partisan-lean header '{},{}'", columns[0], columns[1])};
  }
  if (Has(columns, "fips") && Has(columns, "county_name") && Has(columns, "state_abbr")) {
    return {FileKind::kCountyFips, "county FIPS table header (fips, county_name, state_abbr)"};
  }
  if (is_open_elections_name) {
    return {FileKind::kUnknown,
            fmt::format("file name looks like openelections but the header has no 'office' and "
                        "'candidate' columns: first line is '{}'",
                        QuoteLine(first_line))};
  }
  if (Has(columns, "office") && Has(columns, "candidate")) {
    return {FileKind::kUnknown,
            fmt::format("header looks like openelections but the file name '{}' is not like "
                        "'YYYYMMDD__state__stage.csv'",
                        QuoteLine(name))};
  }
  // FEC bulk files have no header: a known FEC name, or a first line of '|'-separated fields
  // as many as one FEC layout has, is an FEC file for the other command.
  const size_t num_pipe_fields =
      static_cast<size_t>(std::count(first_line.begin(), first_line.end(), '|')) + 1;
  std::optional<FecFileKind> fec_kind = FecFileKindFromName(name);
  for (const FecFileKind kind :
       {FecFileKind::kIndividualContributions, FecFileKind::kCommitteeToCandidate,
        FecFileKind::kCandidateSummary, FecFileKind::kCandidates, FecFileKind::kLinkages}) {
    if (!fec_kind && num_pipe_fields > 1 && num_pipe_fields == FecFieldCount(kind)) {
      fec_kind = kind;
    }
  }
  if (fec_kind) {
    return {FileKind::kUnknown,
            fmt::format("this looks like an FEC bulk file ({}), which `downballot ingest fec "
                        "FILE_OR_FOLDER --cycle YEAR` loads",
                        ToString(*fec_kind))};
  }
  return {FileKind::kUnknown,
          fmt::format("no recognised header: first line is '{}'", QuoteLine(first_line))};
}

std::string_view ToString(FileKind kind) {
  switch (kind) {
    case FileKind::kOpenElections:
      return "openelections";
    case FileKind::kFteCandidates:
      return "fte_candidates";
    case FileKind::kPartisanLean:
      return "partisan_lean";
    case FileKind::kMedslReturns:
      return "medsl_returns";
    case FileKind::kCountyFips:
      return "county_fips";
    case FileKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace downballot::ingest
