#include "ingest/medsl_parser.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/header_columns.h"
#include "ingest/office_table.h"
#include "ingest/party_normalizer.h"
#include "ingest/text_input.h"
#include "ingest/us_states.h"

namespace downballot::ingest {
namespace {

// Where each mapped column sits in a row; nullopt when the file does not have it.
struct Layout {
  size_t num_fields = 0;
  std::vector<std::string> names;  // trimmed header names, for rejects
  std::optional<size_t> year;
  std::optional<size_t> state_po;
  std::optional<size_t> state;
  std::optional<size_t> county;
  std::optional<size_t> office;
  std::optional<size_t> district;
  std::optional<size_t> stage;
  std::optional<size_t> special;
  std::optional<size_t> candidate;
  std::optional<size_t> party;
  std::optional<size_t> write_in;
  std::optional<size_t> mode;
  std::optional<size_t> candidate_votes;
  std::optional<size_t> total_votes;
};

using Alias = ColumnAlias<Layout>;

// MEDSL's column names. The 1976-2020 compilations call the party column party_detailed
// (next to a coarser party_simplified); the 2018 files call it party. The earlier alias wins.
constexpr std::array<Alias, 15> kAliases = {{
    {&Layout::year, "year"},
    {&Layout::state_po, "state_po"},
    {&Layout::state, "state"},
    {&Layout::county, "county"},
    {&Layout::office, "office"},
    {&Layout::district, "district"},
    {&Layout::stage, "stage"},
    {&Layout::special, "special"},
    {&Layout::candidate, "candidate"},
    {&Layout::party, "party"},
    {&Layout::party, "party_detailed"},
    {&Layout::write_in, "writein"},
    {&Layout::mode, "mode"},
    {&Layout::candidate_votes, "candidatevotes"},
    {&Layout::total_votes, "totalvotes"},
}};

using Required = RequiredColumn<Layout>;

// Without these a row cannot be placed in a contest or counted. The state is checked apart:
// either state_po or state will do.
constexpr std::array<Required, 6> kRequired = {{
    {&Layout::year, "'year'"},
    {&Layout::office, "'office'"},
    {&Layout::district, "'district'"},
    {&Layout::candidate, "'candidate'"},
    {&Layout::party, "'party' (or 'party_detailed')"},
    {&Layout::candidate_votes, "'candidatevotes'"},
}};

// Plausible election years; anything outside is a misplaced column, not a year.
constexpr int64_t kMinYear = 1900;
constexpr int64_t kMaxYear = 2100;
// No U.S. contest comes near a billion votes (the largest statewide totals are under 20
// million), so a larger count is garbage; the cap also keeps sums of many rows far from
// int64_t overflow.
constexpr int64_t kMaxVotes = 1'000'000'000;

// MEDSL writes missing values as R's NA, unquoted in the 2018 files; the reader cannot tell a
// quoted "NA" from a bare one, and no candidate or party is called NA, so both mean "none".
bool IsMissing(std::string_view cell) { return cell.empty() || cell == "NA"; }

// Letters and digits only, lowercased: "U.S. Representative" -> "usrepresentative".
std::string AlnumKey(std::string_view text) {
  std::string key;
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      key.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return key;
}

std::string NormalizeOffice(std::string_view office) {
  const std::string key = AlnumKey(office);
  if (key == "usrepresentative" || key == "ushouse" || key == "usrepresentatives") {
    return "U.S. House";
  }
  if (key == "ussenate" || key == "ussenator") return "U.S. Senate";
  return base::CollapseSpaces(office);
}

bool IsAllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// MEDSL writes House seats "District 7" and at-large seats "District 0" (the overall files)
// or "District 1" (Delaware in the county file); Senate races are "statewide".
std::string NormalizeDistrict(std::string_view district, std::string_view office,
                              std::string_view state, int year) {
  const std::string key = AlnumKey(district);
  if (key.empty() || key == "statewide") return "";
  if (key == "atlarge" || key == "al") return "AL";
  std::string_view number = district;
  constexpr std::string_view kDistrictPrefix = "district";
  if (base::StartsWithIgnoreCase(number, kDistrictPrefix)) {
    number = base::Trim(number.substr(kDistrictPrefix.size()));
  }
  if (!IsAllDigits(number)) return base::CollapseSpaces(district);
  const size_t first_nonzero = number.find_first_not_of('0');
  if (first_nonzero == std::string_view::npos) return "AL";
  const std::string_view digits = number.substr(first_nonzero);
  if (digits == "1" && office == "U.S. House" && HasOneAtLargeSeat(state, year)) return "AL";
  return std::string(digits);
}

std::optional<bool> ParseBool(std::string_view cell) {
  if (base::EqualsIgnoreCase(cell, "TRUE")) return true;
  if (base::EqualsIgnoreCase(cell, "FALSE")) return false;
  return std::nullopt;
}

std::variant<int64_t, std::string> ParseVotes(std::string_view cell) {
  const std::optional<int64_t> value = base::ParseInt(cell);
  if (!value.has_value()) return fmt::format("'{}' is not a whole number of votes", cell);
  if (*value < 0) return fmt::format("'{}' is negative", cell);
  if (*value > kMaxVotes) return fmt::format("'{}' is more than {} votes", cell, kMaxVotes);
  return *value;
}

absl::StatusOr<Layout> LayoutFromHeader(std::string_view path, const Record& header) {
  ASSIGN_OR_RETURN(HeaderColumns columns, ReadHeaderColumns(path, header));
  Layout layout;
  layout.num_fields = header.fields.size();
  MapColumnAliases(columns, kAliases, layout);
  std::vector<std::string_view> missing = MissingColumns(layout, kRequired);
  if (!layout.state_po.has_value() && !layout.state.has_value()) {
    missing.insert(missing.begin(), "'state_po' (or 'state')");
  }
  RETURN_IF_ERROR(MissingColumnsError(path, header.line, missing));
  layout.names = std::move(columns.names);
  return layout;
}

struct Rejection {
  std::string field;
  std::string reason;
};

std::variant<model::GeneralReturn, Rejection> ParseRow(const Record& record, const Layout& layout,
                                                       const OfficeTable& offices) {
  const auto reject = [&](std::optional<size_t> col, std::string reason) {
    return Rejection{col.has_value() ? layout.names[*col] : std::string(), std::move(reason)};
  };
  model::GeneralReturn row;
  row.line = record.line;

  const std::string_view year_text = TrimmedCell(record, layout.year);
  const std::optional<int64_t> year = base::ParseInt(year_text);
  if (!year.has_value() || *year < kMinYear || *year > kMaxYear) {
    return reject(layout.year,
                  fmt::format("'{}' is not a year from {} to {}", year_text, kMinYear, kMaxYear));
  }
  row.year = static_cast<int>(*year);

  const std::string_view state_po = TrimmedCell(record, layout.state_po);
  const bool is_state_from_name = state_po.empty();
  const std::optional<size_t> state_col = is_state_from_name ? layout.state : layout.state_po;
  const std::string_view state = TrimmedCell(record, state_col);
  std::optional<std::string> state_code = StatePostalCode(state);
  if (!state_code.has_value()) {
    return reject(state_col.has_value() ? state_col : layout.state_po,
                  fmt::format("'{}' is not one of the 50 states or DC", state));
  }
  row.state = std::move(*state_code);
  row.county = base::CollapseSpaces(TrimmedCell(record, layout.county));

  const std::string_view office = TrimmedCell(record, layout.office);
  if (office.empty()) return reject(layout.office, "office is empty");
  row.office = NormalizeOffice(office);
  row.district =
      NormalizeDistrict(TrimmedCell(record, layout.district), row.office, row.state, row.year);

  const std::string_view stage = TrimmedCell(record, layout.stage);
  row.stage = stage.empty() ? "gen" : base::ToLower(base::CollapseSpaces(stage));

  if (layout.special.has_value()) {
    const std::string_view special = TrimmedCell(record, layout.special);
    const std::optional<bool> is_special = ParseBool(special);
    if (!is_special.has_value()) {
      return reject(layout.special, fmt::format("'{}' is not TRUE or FALSE", special));
    }
    row.is_special = *is_special;
  }
  // A state's two Senate seats are told apart by class, as in OpenElections' races.
  if (row.office == "U.S. Senate") {
    if (std::string seat = offices.SenateSeat(row.state, row.year, row.is_special); !seat.empty()) {
      row.district = std::move(seat);
    }
  }
  if (layout.write_in.has_value()) {
    const std::string_view write_in = TrimmedCell(record, layout.write_in);
    const std::optional<bool> is_write_in = ParseBool(write_in);
    if (!is_write_in.has_value()) {
      return reject(layout.write_in, fmt::format("'{}' is not TRUE or FALSE", write_in));
    }
    row.is_write_in = *is_write_in;
  }

  const std::string_view candidate = TrimmedCell(record, layout.candidate);
  if (!IsMissing(candidate)) row.candidate = base::CollapseSpaces(candidate);
  const std::string_view party = TrimmedCell(record, layout.party);
  if (!IsMissing(party)) {
    row.party_raw = base::CollapseSpaces(party);
    row.party = NormalizeParty(row.party_raw, row.state);
  }
  const std::string_view mode = TrimmedCell(record, layout.mode);
  row.mode = mode.empty() ? "total" : base::ToLower(base::CollapseSpaces(mode));

  std::variant<int64_t, std::string> votes =
      ParseVotes(TrimmedCell(record, layout.candidate_votes));
  if (auto* reason = std::get_if<std::string>(&votes)) {
    return reject(layout.candidate_votes, std::move(*reason));
  }
  row.candidate_votes = std::get<int64_t>(votes);
  if (layout.total_votes.has_value()) {
    votes = ParseVotes(TrimmedCell(record, layout.total_votes));
    if (auto* reason = std::get_if<std::string>(&votes)) {
      return reject(layout.total_votes, std::move(*reason));
    }
    row.total_votes = std::get<int64_t>(votes);
  }
  return row;
}

}  // namespace

absl::StatusOr<std::vector<model::GeneralReturn>> ParseMedslReturns(std::string_view path,
                                                                    std::string_view bytes,
                                                                    model::FileReport& report,
                                                                    const OfficeTable& offices) {
  if (report.path.empty()) report.path = std::string(path);
  if (report.kind.empty()) report.kind = "medsl_returns";
  ASSIGN_OR_RETURN(const std::string text, DecodeTextFile(path, bytes, report));

  DelimitedReader reader(text, {});
  Record record;
  RETURN_IF_ERROR(ReadHeaderRecord(path, reader, record));
  ASSIGN_OR_RETURN(const Layout layout, LayoutFromHeader(path, record));

  // Whole rows already seen, with the line each first appeared on.
  std::map<std::vector<std::string>, int64_t> first_line_of_row;
  std::vector<model::GeneralReturn> returns;
  while (true) {
    const absl::StatusOr<bool> next = reader.Next(record);
    if (!next.ok()) return ReaderErrorAt(path, record, next.status());
    if (!*next) break;
    ++report.rows_read;
    ASSIGN_OR_RETURN(const bool has_all_fields,
                     CheckFieldCount(path, record, layout.num_fields, report));
    if (!has_all_fields) continue;
    // A repeated row is the same cell of the same contest listed twice (Florida's House rows
    // in the 2018 district file, Delaware's in the county file); summing it doubles the votes.
    const auto [seen, is_new] = first_line_of_row.emplace(record.fields, record.line);
    if (!is_new) {
      report.Reject(record.line, "", fmt::format("repeats line {}", seen->second));
      continue;
    }
    std::variant<model::GeneralReturn, Rejection> parsed = ParseRow(record, layout, offices);
    if (auto* rejection = std::get_if<Rejection>(&parsed)) {
      report.Reject(record.line, std::move(rejection->field), std::move(rejection->reason));
      continue;
    }
    returns.push_back(std::move(std::get<model::GeneralReturn>(parsed)));
  }
  return returns;
}

}  // namespace downballot::ingest
