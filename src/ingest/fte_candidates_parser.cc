#include "ingest/fte_candidates_parser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "base/date.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "base/text_encoding.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/header_columns.h"
#include "ingest/partisan_lean_parser.h"
#include "ingest/text_input.h"
#include "ingest/us_states.h"

namespace downballot::ingest {
namespace {

// Where each mapped column sits in a row; nullopt when the file does not have it.
struct Layout {
  size_t num_fields = 0;
  std::vector<std::string> names;        // trimmed header names, for rejects
  std::vector<std::string> lower_names;  // the same, lowercase, for matching
  std::optional<size_t> candidate;
  std::optional<size_t> state;
  std::optional<size_t> district;
  std::optional<size_t> office;
  std::optional<size_t> race_type;
  std::optional<size_t> primary_date;
  std::optional<size_t> primary_status;
  std::optional<size_t> runoff_status;
  std::optional<size_t> general_status;
  std::optional<size_t> partisan_lean;
  std::optional<size_t> primary_pct;
  std::optional<size_t> won_primary;
  std::optional<size_t> incumbent;
  std::optional<size_t> incumbent_challenger;
  std::optional<size_t> elected_official;
  std::optional<size_t> self_funder;
  std::optional<size_t> primary_votes;
  std::optional<size_t> runoff_votes;
  std::optional<size_t> runoff_pct;
  // 2022 files have no "Won Primary"; it follows from "Primary Outcome" and "Runoff Outcome".
  bool is_outcome_style = false;
  std::vector<size_t> endorsements;
};

using Alias = ColumnAlias<Layout>;

// Header names per field, the 2018 name first: when a file has both, the earlier alias wins.
constexpr std::array<Alias, 23> kAliases = {{
    {&Layout::candidate, "candidate"},
    {&Layout::state, "state"},
    {&Layout::district, "district"},
    {&Layout::office, "office type"},
    {&Layout::office, "office"},
    {&Layout::race_type, "race type"},
    {&Layout::primary_date, "race primary election date"},
    {&Layout::primary_date, "primary date"},
    {&Layout::primary_status, "primary status"},
    {&Layout::primary_status, "primary outcome"},
    {&Layout::runoff_status, "primary runoff status"},
    {&Layout::runoff_status, "runoff outcome"},
    {&Layout::general_status, "general status"},
    {&Layout::partisan_lean, "partisan lean"},
    {&Layout::primary_pct, "primary %"},
    {&Layout::won_primary, "won primary"},
    {&Layout::incumbent, "incumbent"},
    {&Layout::incumbent_challenger, "incumbent challenger"},
    {&Layout::elected_official, "elected official?"},
    {&Layout::self_funder, "self-funder?"},
    {&Layout::primary_votes, "primary votes"},
    {&Layout::runoff_votes, "runoff votes"},
    {&Layout::runoff_pct, "runoff %"},
}};

using Required = RequiredColumn<Layout>;

constexpr std::array<Required, 5> kRequired = {{
    {&Layout::candidate, "'Candidate'"},
    {&Layout::state, "'State'"},
    {&Layout::district, "'District'"},
    {&Layout::office, "'Office Type' (or 'Office')"},
    // The cycle comes from the primary date, so a file without one cannot be placed in time.
    {&Layout::primary_date, "'Race Primary Election Date' (or 'Primary Date')"},
}};

// Yes/No columns that describe the candidate rather than an endorser's choice. Every other
// unmapped column whose cells are all endorsement values is an endorsement: the 2022 codebook
// names endorsers bare ("Trump", "EMILY's List"), so no endorser needs to be known in advance.
constexpr std::array<std::string_view, 4> kCandidateAttributeColumns = {
    "veteran?",
    "lgbtq?",
    "stem?",
    "obama alum?",
};

constexpr double kMaxPercent = 100.0;

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         base::EqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

bool HasEndorsementSuffix(std::string_view lower_name) {
  return EndsWithIgnoreCase(lower_name, "endorsed?") || EndsWithIgnoreCase(lower_name, "support?");
}

// "Party Support?", "Rep Party Support?" (2018) and "Party Committee" (2022): the party's own
// campaign committees, which the codebooks describe apart from outside groups.
bool IsPartyCommitteeColumn(std::string_view lower_name) {
  return lower_name.find("party support") != std::string_view::npos ||
         lower_name.find("party committee") != std::string_view::npos;
}

bool IsCandidateAttribute(std::string_view lower_name) {
  for (std::string_view attribute : kCandidateAttributeColumns) {
    if (lower_name == attribute) return true;
  }
  return false;
}

bool IsNotApplicable(std::string_view cell) { return base::EqualsIgnoreCase(cell, "N/A"); }

absl::StatusOr<Layout> LayoutFromHeader(std::string_view path, const Record& header) {
  ASSIGN_OR_RETURN(HeaderColumns columns, ReadHeaderColumns(path, header));
  Layout layout;
  layout.num_fields = header.fields.size();
  MapColumnAliases(columns, kAliases, layout);
  for (size_t col = 0; col < columns.lower_names.size(); ++col) {
    if (HasEndorsementSuffix(columns.lower_names[col])) layout.endorsements.push_back(col);
  }
  layout.is_outcome_style = !layout.won_primary.has_value() && layout.primary_status.has_value() &&
                            columns.lower_names[*layout.primary_status] == "primary outcome";
  RETURN_IF_ERROR(MissingColumnsError(path, header.line, MissingColumns(layout, kRequired)));
  layout.names = std::move(columns.names);
  layout.lower_names = std::move(columns.lower_names);
  return layout;
}

struct Rejection {
  std::string field;
  std::string reason;
};

// Counts the 2022 "(runoff only)" cells read as plain Yes/No, for one note per file.
struct RowContext {
  const Layout& layout;
  std::string_view party;
  int64_t num_runoff_only = 0;
};

std::optional<model::Endorsement> ParseEndorsement(std::string_view cell, bool& is_runoff_only) {
  is_runoff_only = false;
  if (cell.empty() || IsNotApplicable(cell)) return model::Endorsement::kNotTracked;
  if (base::EqualsIgnoreCase(cell, "Yes")) return model::Endorsement::kYes;
  if (base::EqualsIgnoreCase(cell, "No")) return model::Endorsement::kNo;
  is_runoff_only = true;
  if (base::EqualsIgnoreCase(cell, "Yes (runoff only)")) return model::Endorsement::kYes;
  if (base::EqualsIgnoreCase(cell, "No (runoff only)")) return model::Endorsement::kNo;
  return std::nullopt;
}

// Empty and "N/A" mean "no number"; "12%" is read as 12.
absl::StatusOr<std::optional<double>> ParsePercent(std::string_view cell) {
  if (cell.empty() || IsNotApplicable(cell)) return std::optional<double>();
  std::string_view number = cell;
  if (number.back() == '%') number = base::Trim(number.substr(0, number.size() - 1));
  const std::optional<double> value = base::ParseDouble(number);
  if (!value.has_value() || !std::isfinite(*value)) {
    return absl::InvalidArgumentError(fmt::format("'{}' is not a number", cell));
  }
  if (*value < 0 || *value > kMaxPercent) {
    return absl::InvalidArgumentError(fmt::format("'{}' is outside 0-100", cell));
  }
  return std::optional<double>(*value);
}

// "Yes"/"No" attribute cells; empty and "N/A" mean unknown.
absl::StatusOr<std::optional<bool>> ParseYesNo(std::string_view cell) {
  if (cell.empty() || IsNotApplicable(cell)) return std::optional<bool>();
  if (base::EqualsIgnoreCase(cell, "Yes")) return std::optional<bool>(true);
  if (base::EqualsIgnoreCase(cell, "No")) return std::optional<bool>(false);
  return absl::InvalidArgumentError(fmt::format("'{}' is not Yes, No or empty", cell));
}

// Vote counts: "1,881" (thousands separators), empty and "N/A" mean no number.
absl::StatusOr<std::optional<int64_t>> ParseVoteCount(std::string_view cell) {
  if (cell.empty() || IsNotApplicable(cell)) return std::optional<int64_t>();
  std::string digits;
  for (const char c : cell) {
    if (c != ',') digits.push_back(c);
  }
  const std::optional<int64_t> votes = base::ParseInt(digits);
  if (!votes.has_value() || *votes < 0) {
    return absl::InvalidArgumentError(fmt::format("'{}' is not a vote count", cell));
  }
  return std::optional<int64_t>(*votes);
}

// Adds the endorsement columns that have no "Endorsed?" suffix: unmapped, not a candidate
// attribute, every cell an endorsement value and at least one "Yes". Rows with a wrong field
// count are ignored here; they are rejected later.
void AddEndorsementColumnsByValue(Layout& layout, const std::vector<Record>& records) {
  for (size_t col = 0; col < layout.num_fields; ++col) {
    const std::string& lower_name = layout.lower_names[col];
    if (lower_name.empty() || IsMappedColumn(layout, kAliases, col) ||
        IsCandidateAttribute(lower_name) ||
        std::find(layout.endorsements.begin(), layout.endorsements.end(), col) !=
            layout.endorsements.end()) {
      continue;
    }
    bool has_yes = false;
    bool is_all_endorsement_values = true;
    for (const Record& record : records) {
      if (record.fields.size() != layout.num_fields) continue;
      bool is_runoff_only = false;
      const std::optional<model::Endorsement> value =
          ParseEndorsement(base::Trim(record.fields[col]), is_runoff_only);
      if (!value.has_value()) {
        is_all_endorsement_values = false;
        break;
      }
      if (*value == model::Endorsement::kYes) has_yes = true;
    }
    if (is_all_endorsement_values && has_yes) layout.endorsements.push_back(col);
  }
  std::sort(layout.endorsements.begin(), layout.endorsements.end());
}

// The 2022 files give outcomes instead of "Won Primary": a runoff decides when there was one.
absl::StatusOr<std::optional<bool>> WonFromOutcomes(std::string_view primary_outcome,
                                                    std::string_view runoff_outcome) {
  if (primary_outcome.empty() || IsNotApplicable(primary_outcome)) return std::optional<bool>();
  if (base::EqualsIgnoreCase(primary_outcome, "Won")) return std::optional<bool>(true);
  if (base::EqualsIgnoreCase(primary_outcome, "Lost")) return std::optional<bool>(false);
  if (base::EqualsIgnoreCase(primary_outcome, "Made runoff")) {
    if (base::EqualsIgnoreCase(runoff_outcome, "Won")) return std::optional<bool>(true);
    if (base::EqualsIgnoreCase(runoff_outcome, "Lost")) return std::optional<bool>(false);
    // Alaska's 2022 top-four primary marks advancing candidates "Made runoff" with no runoff.
    return std::optional<bool>();
  }
  return absl::InvalidArgumentError(
      fmt::format("'{}' is not Won, Lost or Made runoff", primary_outcome));
}

std::variant<model::PrimaryCandidacy, Rejection> ParseRow(const Record& record,
                                                          RowContext& context) {
  const Layout& layout = context.layout;
  const auto reject = [&](std::optional<size_t> col, std::string reason) {
    return Rejection{col.has_value() ? layout.names[*col] : std::string(), std::move(reason)};
  };
  model::PrimaryCandidacy row;
  row.line = record.line;
  row.party = std::string(context.party);

  row.candidate = base::CollapseSpaces(TrimmedCell(record, layout.candidate));
  if (row.candidate.empty()) return reject(layout.candidate, "candidate name is empty");

  const std::string_view state = TrimmedCell(record, layout.state);
  std::optional<std::string> state_code = StatePostalCode(state);
  if (!state_code.has_value()) {
    return reject(layout.state, fmt::format("'{}' is not one of the 50 states or DC", state));
  }
  row.state = std::move(*state_code);

  // "N/A" marks a statewide race in the 2022 files; an empty district says the same thing.
  const std::string_view district = TrimmedCell(record, layout.district);
  row.district = IsNotApplicable(district) ? std::string() : std::string(district);
  row.office_type = std::string(TrimmedCell(record, layout.office));
  if (layout.race_type.has_value()) {
    row.race_type = std::string(TrimmedCell(record, layout.race_type));
  } else {
    // 2022 has no race-type column; a seat filled "for the unexpired term" is a special.
    row.race_type =
        base::ContainsIgnoreCase(row.office_type, "unexpired term") ? "Special" : "Regular";
  }

  const std::string_view date_text = TrimmedCell(record, layout.primary_date);
  if (date_text.empty()) return reject(layout.primary_date, "primary date is empty");
  absl::StatusOr<base::Date> date = base::ParseDate(date_text);
  if (!date.ok()) {
    return reject(layout.primary_date, fmt::format("'{}' is not a date like 6/5/18", date_text));
  }
  row.primary_date = *date;
  row.cycle = date->year;

  row.primary_status = std::string(TrimmedCell(record, layout.primary_status));
  row.runoff_status = std::string(TrimmedCell(record, layout.runoff_status));
  row.general_status = std::string(TrimmedCell(record, layout.general_status));

  const std::string_view lean = TrimmedCell(record, layout.partisan_lean);
  if (!lean.empty() && !IsNotApplicable(lean)) {
    row.partisan_lean = ParseLeanMargin(lean);
    if (!row.partisan_lean.has_value()) {
      return reject(layout.partisan_lean, fmt::format("'{}' is not a lean like -28.88", lean));
    }
  }
  absl::StatusOr<std::optional<double>> pct = ParsePercent(TrimmedCell(record, layout.primary_pct));
  if (!pct.ok()) return reject(layout.primary_pct, std::string(pct.status().message()));
  row.primary_pct = *pct;

  if (layout.won_primary.has_value()) {
    const std::string_view won = TrimmedCell(record, layout.won_primary);
    if (base::EqualsIgnoreCase(won, "Yes")) {
      row.won_primary = true;
    } else if (base::EqualsIgnoreCase(won, "No")) {
      row.won_primary = false;
    } else if (!won.empty()) {
      return reject(layout.won_primary, fmt::format("'{}' is not Yes, No or empty", won));
    }
  } else if (layout.is_outcome_style) {
    absl::StatusOr<std::optional<bool>> won =
        WonFromOutcomes(row.primary_status, row.runoff_status);
    if (!won.ok()) return reject(layout.primary_status, std::string(won.status().message()));
    row.won_primary = *won;
  }

  struct OptionalBoolColumn {
    std::optional<size_t> col;
    std::optional<bool>* value;
  };
  for (const OptionalBoolColumn& column :
       {OptionalBoolColumn{layout.incumbent, &row.incumbent},
        OptionalBoolColumn{layout.incumbent_challenger, &row.incumbent_challenger},
        OptionalBoolColumn{layout.elected_official, &row.elected_official},
        OptionalBoolColumn{layout.self_funder, &row.self_funder}}) {
    absl::StatusOr<std::optional<bool>> value = ParseYesNo(TrimmedCell(record, column.col));
    if (!value.ok()) return reject(column.col, std::string(value.status().message()));
    *column.value = *value;
  }
  for (const auto& [col, votes] : {std::pair{layout.primary_votes, &row.primary_votes},
                                   std::pair{layout.runoff_votes, &row.runoff_votes}}) {
    absl::StatusOr<std::optional<int64_t>> value = ParseVoteCount(TrimmedCell(record, col));
    if (!value.ok()) return reject(col, std::string(value.status().message()));
    *votes = *value;
  }
  absl::StatusOr<std::optional<double>> runoff_pct =
      ParsePercent(TrimmedCell(record, layout.runoff_pct));
  if (!runoff_pct.ok())
    return reject(layout.runoff_pct, std::string(runoff_pct.status().message()));
  row.runoff_pct = *runoff_pct;

  int64_t num_runoff_only = 0;
  for (size_t col : layout.endorsements) {
    const std::string_view cell = TrimmedCell(record, col);
    bool is_runoff_only = false;
    const std::optional<model::Endorsement> value = ParseEndorsement(cell, is_runoff_only);
    if (!value.has_value()) {
      return reject(col, fmt::format("'{}' is not Yes, No or empty", cell));
    }
    if (is_runoff_only) ++num_runoff_only;
    row.endorsements.push_back(model::EndorsementCell{
        layout.names[col], *value, IsPartyCommitteeColumn(layout.lower_names[col])});
  }
  context.num_runoff_only += num_runoff_only;
  return row;
}

}  // namespace

absl::StatusOr<std::vector<model::PrimaryCandidacy>> ParseFteCandidates(std::string_view path,
                                                                        std::string_view bytes,
                                                                        model::FileReport& report) {
  if (report.path.empty()) report.path = std::string(path);
  if (report.kind.empty()) report.kind = "fte_candidates";
  const std::string_view name = base::BaseName(path);
  std::string_view party;
  if (base::StartsWithIgnoreCase(name, "dem_")) {
    party = "DEM";
  } else if (base::StartsWithIgnoreCase(name, "rep_")) {
    party = "REP";
  } else {
    // FiveThirtyEight keeps the party only in the file name (dem_candidates.csv).
    return absl::InvalidArgumentError(fmt::format(
        "{}: cannot tell the party: the file name must start with 'dem_' or 'rep_'", path));
  }
  // rep_candidates.csv (2018) carries two mangled names; reading stray bytes as Latin-1 keeps
  // those rows instead of rejecting them.
  ASSIGN_OR_RETURN(const std::string text, DecodeTextFile(path, bytes, report));

  DelimitedReader reader(text, {});
  Record record;
  RETURN_IF_ERROR(ReadHeaderRecord(path, reader, record));
  ASSIGN_OR_RETURN(Layout layout, LayoutFromHeader(path, record));

  // Which bare columns are endorsements depends on their values, so read every row first
  // (these files are a few hundred kilobytes).
  std::vector<Record> records;
  while (true) {
    const absl::StatusOr<bool> next = reader.Next(record);
    if (!next.ok()) return ReaderErrorAt(path, record, next.status());
    if (!*next) break;
    records.push_back(std::move(record));
  }
  AddEndorsementColumnsByValue(layout, records);

  RowContext context{layout, party};
  std::vector<model::PrimaryCandidacy> candidacies;
  for (const Record& row_record : records) {
    ++report.rows_read;
    ASSIGN_OR_RETURN(const bool has_all_fields,
                     CheckFieldCount(path, row_record, layout.num_fields, report));
    if (!has_all_fields) continue;
    std::variant<model::PrimaryCandidacy, Rejection> parsed = ParseRow(row_record, context);
    if (auto* rejection = std::get_if<Rejection>(&parsed)) {
      report.Reject(row_record.line, std::move(rejection->field), std::move(rejection->reason));
      continue;
    }
    candidacies.push_back(std::move(std::get<model::PrimaryCandidacy>(parsed)));
  }
  if (context.num_runoff_only > 0) {
    report.notes.push_back(
        fmt::format("{} endorsement cells marked '(runoff only)' were read as Yes or No",
                    context.num_runoff_only));
  }
  return candidacies;
}

}  // namespace downballot::ingest
