#include "ingest/fte_candidates_parser.h"

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
#include "ingest/text_input.h"
#include "ingest/partisan_lean_parser.h"

namespace downballot::ingest {
namespace {

// Where each mapped column sits in a row; nullopt when the file does not have it.
struct Layout {
  size_t num_fields = 0;
  std::vector<std::string> names;  // trimmed header names, for rejects
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
  // 2022 files have no "Won Primary"; it follows from "Primary Outcome" and "Runoff Outcome".
  bool is_outcome_style = false;
  std::vector<size_t> endorsements;
};

struct Alias {
  std::optional<size_t> Layout::*member;
  std::string_view name;  // lowercase
};

// Header names per field, the 2018 name first: when a file has both, the earlier alias wins.
constexpr std::array<Alias, 16> kAliases = {{
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
}};

struct Required {
  std::optional<size_t> Layout::*member;
  std::string_view description;
};

constexpr std::array<Required, 5> kRequired = {{
    {&Layout::candidate, "'Candidate'"},
    {&Layout::state, "'State'"},
    {&Layout::district, "'District'"},
    {&Layout::office, "'Office Type' (or 'Office')"},
    // The cycle comes from the primary date, so a file without one cannot be placed in time.
    {&Layout::primary_date, "'Race Primary Election Date' (or 'Primary Date')"},
}};

// The 2022 codebook names endorsers bare ("Trump", "EMILY's List"); the 2018 files end every
// endorsement column in "Endorsed?" or "Support?" instead.
constexpr std::array<std::string_view, 18> kEndorserColumns2022 = {
    "emily's list",
    "emily\u2019s list",
    "justice dems",
    "indivisible",
    "pccc",
    "our revolution",
    "sunrise",
    "sanders",
    "aoc",
    "party committee",
    "trump",
    "club for growth",
    "renew america",
    "e-pac",
    "view pac",
    "maggie's list",
    "maggie\u2019s list",
    "winning for women",
};

constexpr double kMaxPercent = 100.0;

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         base::EqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

bool IsEndorsementColumn(std::string_view lower_name) {
  if (EndsWithIgnoreCase(lower_name, "endorsed?") || EndsWithIgnoreCase(lower_name, "support?")) {
    return true;
  }
  for (std::string_view endorser : kEndorserColumns2022) {
    if (lower_name == endorser) return true;
  }
  return false;
}

bool IsNotApplicable(std::string_view cell) { return base::EqualsIgnoreCase(cell, "N/A"); }

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

absl::StatusOr<Layout> LayoutFromHeader(std::string_view path, const Record& header) {
  Layout layout;
  layout.num_fields = header.fields.size();
  std::vector<std::string> lower_names;
  for (const std::string& field : header.fields) {
    layout.names.emplace_back(base::Trim(field));
    lower_names.push_back(base::ToLower(layout.names.back()));
  }
  for (size_t col = 0; col < lower_names.size(); ++col) {
    if (lower_names[col].empty()) continue;
    for (size_t other = col + 1; other < lower_names.size(); ++other) {
      if (lower_names[other] == lower_names[col]) {
        return absl::InvalidArgumentError(
            fmt::format("{}:{}: column '{}' appears twice, so its values are ambiguous", path,
                        header.line, layout.names[col]));
      }
    }
  }
  for (const Alias& alias : kAliases) {
    if ((layout.*alias.member).has_value()) continue;
    for (size_t col = 0; col < lower_names.size(); ++col) {
      if (lower_names[col] == alias.name) layout.*alias.member = col;
    }
  }
  for (size_t col = 0; col < lower_names.size(); ++col) {
    if (IsEndorsementColumn(lower_names[col])) layout.endorsements.push_back(col);
  }
  layout.is_outcome_style = !layout.won_primary.has_value() && layout.primary_status.has_value() &&
                            lower_names[*layout.primary_status] == "primary outcome";

  std::vector<std::string_view> missing;
  for (const Required& required : kRequired) {
    if (!(layout.*required.member).has_value()) missing.push_back(required.description);
  }
  if (!missing.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}:{}: missing required column{} {}", path,
                                                  header.line, missing.size() == 1 ? "" : "s",
                                                  fmt::join(missing, ", ")));
  }
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

std::string_view Cell(const Record& record, std::optional<size_t> col) {
  if (!col.has_value()) return {};
  return base::Trim(record.fields[*col]);
}

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

  row.candidate = base::CollapseSpaces(Cell(record, layout.candidate));
  if (row.candidate.empty()) return reject(layout.candidate, "candidate name is empty");

  const std::string_view state = Cell(record, layout.state);
  std::optional<std::string> state_code = StatePostalCode(state);
  if (!state_code.has_value()) {
    return reject(layout.state, fmt::format("'{}' is not one of the 50 states or DC", state));
  }
  row.state = std::move(*state_code);

  // "N/A" marks a statewide race in the 2022 files; an empty district says the same thing.
  const std::string_view district = Cell(record, layout.district);
  row.district = IsNotApplicable(district) ? std::string() : std::string(district);
  row.office_type = std::string(Cell(record, layout.office));
  if (layout.race_type.has_value()) {
    row.race_type = std::string(Cell(record, layout.race_type));
  } else {
    // 2022 has no race-type column; a seat filled "for the unexpired term" is a special.
    row.race_type =
        base::ContainsIgnoreCase(row.office_type, "unexpired term") ? "Special" : "Regular";
  }

  const std::string_view date_text = Cell(record, layout.primary_date);
  if (date_text.empty()) return reject(layout.primary_date, "primary date is empty");
  absl::StatusOr<base::Date> date = base::ParseDate(date_text);
  if (!date.ok()) {
    return reject(layout.primary_date, fmt::format("'{}' is not a date like 6/5/18", date_text));
  }
  row.primary_date = *date;
  row.cycle = date->year;

  row.primary_status = std::string(Cell(record, layout.primary_status));
  row.runoff_status = std::string(Cell(record, layout.runoff_status));
  row.general_status = std::string(Cell(record, layout.general_status));

  const std::string_view lean = Cell(record, layout.partisan_lean);
  if (!lean.empty() && !IsNotApplicable(lean)) {
    row.partisan_lean = ParseLeanMargin(lean);
    if (!row.partisan_lean.has_value()) {
      return reject(layout.partisan_lean, fmt::format("'{}' is not a lean like -28.88", lean));
    }
  }
  absl::StatusOr<std::optional<double>> pct = ParsePercent(Cell(record, layout.primary_pct));
  if (!pct.ok()) return reject(layout.primary_pct, std::string(pct.status().message()));
  row.primary_pct = *pct;

  if (layout.won_primary.has_value()) {
    const std::string_view won = Cell(record, layout.won_primary);
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

  int64_t num_runoff_only = 0;
  for (size_t col : layout.endorsements) {
    const std::string_view cell = Cell(record, col);
    bool is_runoff_only = false;
    const std::optional<model::Endorsement> value = ParseEndorsement(cell, is_runoff_only);
    if (!value.has_value()) {
      return reject(col, fmt::format("'{}' is not Yes, No or empty", cell));
    }
    if (is_runoff_only) ++num_runoff_only;
    row.endorsements.push_back(model::EndorsementCell{layout.names[col], *value});
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
  const std::string_view name = BaseName(path);
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
  absl::StatusOr<bool> next = reader.Next(record);
  if (!next.ok()) return ReaderErrorAt(path, record, next.status());
  if (!*next) return absl::InvalidArgumentError(fmt::format("{}:1: empty file, no header", path));
  ASSIGN_OR_RETURN(const Layout layout, LayoutFromHeader(path, record));

  RowContext context{layout, party};
  std::vector<model::PrimaryCandidacy> candidacies;
  while (true) {
    next = reader.Next(record);
    if (!next.ok()) return ReaderErrorAt(path, record, next.status());
    if (!*next) break;
    ++report.rows_read;
    if (record.fields.size() != layout.num_fields) {
      const std::string reason =
          fmt::format("expected {} fields, got {}", layout.num_fields, record.fields.size());
      // FiveThirtyEight files end without a final line break, so only a short last row says
      // the download was cut off.
      if (!record.ends_with_newline && record.fields.size() < layout.num_fields) {
        return absl::InvalidArgumentError(fmt::format(
            "{}:{}: last row is cut off without a line break: {}", path, record.line, reason));
      }
      report.Reject(record.line, "", reason);
      continue;
    }
    std::variant<model::PrimaryCandidacy, Rejection> parsed = ParseRow(record, context);
    if (auto* rejection = std::get_if<Rejection>(&parsed)) {
      report.Reject(record.line, std::move(rejection->field), std::move(rejection->reason));
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
