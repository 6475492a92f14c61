#include "ingest/partisan_lean_parser.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/header_columns.h"
#include "ingest/text_input.h"
#include "ingest/us_states.h"

namespace downballot::ingest {
namespace {

// A lean is a margin between two shares of the vote, so it cannot exceed 100 points.
constexpr double kMaxLeanPoints = 100.0;
// Plausible header years: the files start in 2018; anything far outside is not a year column.
constexpr int64_t kMinYear = 1900;
constexpr int64_t kMaxYear = 2100;
// "14" -> "14", "04" -> "4", "AL"/"0"/"00" -> "AL"; nullopt for anything else.
std::optional<std::string> NormalizeDistrictNumber(std::string_view text) {
  if (base::EqualsIgnoreCase(text, "AL")) return std::string("AL");
  if (text.empty() || text.size() > 2) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::optional<int64_t> number = base::ParseInt(text);
  if (!number.has_value()) return std::nullopt;
  if (*number == 0) return std::string("AL");
  return fmt::format("{}", *number);
}

struct DistrictCode {
  std::string state;
  std::string district;
};

// "NY-14" -> {NY, 14}; the at-large rewrite of "-1" happens once the year is known.
std::optional<DistrictCode> ParseDistrictCode(std::string_view text) {
  const size_t dash = text.find('-');
  if (dash != 2) return std::nullopt;
  std::optional<std::string> state = StatePostalCode(text.substr(0, dash));
  std::optional<std::string> district = NormalizeDistrictNumber(text.substr(dash + 1));
  if (!state.has_value() || !district.has_value()) return std::nullopt;
  return DistrictCode{std::move(*state), std::move(*district)};
}

}  // namespace

std::optional<double> ParseLeanMargin(std::string_view text) {
  text = base::Trim(text);
  if (base::EqualsIgnoreCase(text, "EVEN")) return 0.0;
  double sign = 1.0;
  std::optional<double> magnitude;
  if (text.size() > 2 && text[1] == '+' &&
      (base::StartsWithIgnoreCase(text, "R") || base::StartsWithIgnoreCase(text, "D"))) {
    sign = base::StartsWithIgnoreCase(text, "R") ? -1.0 : 1.0;
    const std::string_view number = text.substr(2);
    // "R+-3" would flip the meaning of the prefix; the prefix carries the sign.
    if (number.front() == '+' || number.front() == '-') return std::nullopt;
    magnitude = base::ParseDouble(number);
  } else {
    magnitude = base::ParseDouble(text);
  }
  if (!magnitude.has_value() || !std::isfinite(*magnitude)) return std::nullopt;
  const double margin = sign * *magnitude + 0.0;  // + 0.0 turns "R+0" into 0, not -0
  if (std::fabs(margin) > kMaxLeanPoints) return std::nullopt;
  return margin;
}

absl::StatusOr<std::vector<model::PartisanLean>> ParsePartisanLean(std::string_view path,
                                                                   std::string_view bytes,
                                                                   model::FileReport& report) {
  if (report.path.empty()) report.path = std::string(path);
  if (report.kind.empty()) report.kind = "partisan_lean";
  ASSIGN_OR_RETURN(const std::string text, DecodeTextFile(path, bytes, report));

  DelimitedReader reader(text, {});
  Record record;
  RETURN_IF_ERROR(ReadHeaderRecord(path, reader, record));

  // Header: "district,2018" or "state,2022".
  const auto bad_header = [&] {
    std::vector<std::string_view> trimmed;
    for (const std::string& field : record.fields) trimmed.push_back(base::Trim(field));
    return absl::InvalidArgumentError(
        fmt::format("{}:{}: expected header 'district,<year>' or 'state,<year>', got '{}'", path,
                    record.line, fmt::join(trimmed, ",")));
  };
  if (record.fields.size() != 2) return bad_header();
  const std::string key_column = base::ToLower(base::Trim(record.fields[0]));
  const bool is_district_file = key_column == "district";
  if (!is_district_file && key_column != "state") return bad_header();
  const std::string year_column(base::Trim(record.fields[1]));
  const std::optional<int64_t> header_year = base::ParseInt(year_column);
  if (year_column.size() != 4 || !header_year.has_value() || *header_year < kMinYear ||
      *header_year > kMaxYear) {
    return bad_header();
  }
  const int year = static_cast<int>(*header_year);

  std::vector<model::PartisanLean> leans;
  std::map<std::string, int64_t, std::less<>> first_line_of_key;
  while (true) {
    const absl::StatusOr<bool> next = reader.Next(record);
    if (!next.ok()) return ReaderErrorAt(path, record, next.status());
    if (!*next) break;
    ++report.rows_read;
    ASSIGN_OR_RETURN(const bool has_all_fields, CheckFieldCount(path, record, 2, report));
    if (!has_all_fields) continue;
    const std::string_view key = base::Trim(record.fields[0]);
    const std::string_view value = base::Trim(record.fields[1]);

    model::PartisanLean lean;
    lean.year = year;
    if (is_district_file) {
      std::optional<DistrictCode> code = ParseDistrictCode(key);
      if (!code.has_value()) {
        report.Reject(record.line, key_column,
                      fmt::format("district '{}' is not a code like 'NY-14' or 'AK-AL'", key));
        continue;
      }
      lean.state = std::move(code->state);
      lean.district = std::move(code->district);
      // FiveThirtyEight writes a single at-large seat as "-1" (AK-1, WY-1), never "-AL".
      if (lean.district == "1" && HasOneAtLargeSeat(lean.state, year)) lean.district = "AL";
    } else {
      std::optional<std::string> state = StatePostalCode(key);
      if (!state.has_value()) {
        report.Reject(record.line, key_column,
                      fmt::format("state '{}' is not one of the 50 states or DC", key));
        continue;
      }
      lean.state = std::move(*state);
    }
    const std::optional<double> margin = ParseLeanMargin(value);
    if (!margin.has_value()) {
      report.Reject(
          record.line, year_column,
          fmt::format("lean '{}' is not like 'R+15.21', 'D+3', 'EVEN' or '-14.61'", value));
      continue;
    }
    lean.dem_margin = *margin;

    const std::string unique_key = lean.state + "-" + lean.district;
    const auto [it, is_new] = first_line_of_key.emplace(unique_key, record.line);
    if (!is_new) {
      report.Reject(record.line, key_column, fmt::format("'{}' repeats line {}", key, it->second));
      continue;
    }
    leans.push_back(std::move(lean));
  }
  return leans;
}

}  // namespace downballot::ingest
