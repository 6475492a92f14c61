#include "query/params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/party_normalizer.h"
#include "ingest/us_states.h"

namespace downballot::query {
namespace {

bool IsPrintable(std::string_view text) {
  // Control characters never belong in a filter; UTF-8 bytes (>= 0x80) do, in names.
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

Params::Params(std::vector<std::pair<std::string, std::string>> pairs) : pairs_(std::move(pairs)) {}

void Params::Set(std::string name, std::string value) {
  if (value.empty()) return;
  pairs_.emplace_back(std::move(name), std::move(value));
}

absl::Status Params::CheckNames(std::initializer_list<std::string_view> allowed) const {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : pairs_) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return absl::InvalidArgumentError(
          fmt::format("unknown parameter '{}' (this question takes: {})",
                      name.substr(0, kMaxParamLength), fmt::join(allowed, ", ")));
    }
    if (!seen.insert(name).second) {
      return absl::InvalidArgumentError(fmt::format("parameter '{}' is given twice", name));
    }
    if (value.size() > kMaxParamLength) {
      return absl::InvalidArgumentError(
          fmt::format("parameter '{}' is longer than {} bytes", name, kMaxParamLength));
    }
  }
  return absl::OkStatus();
}

std::string Params::Text(std::string_view name) const {
  for (const auto& [key, value] : pairs_) {
    if (key == name) return value;
  }
  return "";
}

bool Params::Has(std::string_view name) const {
  return std::any_of(pairs_.begin(), pairs_.end(),
                     [&](const auto& pair) { return pair.first == name && !pair.second.empty(); });
}

absl::StatusOr<std::string> Params::State(std::string_view name) const {
  const std::string text = Text(name);
  if (text.empty()) return text;
  if (const std::optional<std::string> code = ingest::StatePostalCode(text)) return *code;
  // Territories elect too (MEDSL and the FEC list them), though they are no states.
  const std::string upper = base::ToUpper(text);
  for (const std::string_view territory : {"AS", "GU", "MP", "PR", "VI"}) {
    if (upper == territory) return upper;
  }
  std::vector<std::string_view> names;
  for (const std::string_view state_name : ingest::StateNames()) names.push_back(state_name);
  return absl::InvalidArgumentError(
      fmt::format("{} must be a state's two-letter code or name (e.g. NY or New York), got '{}'{}",
                  name, text, base::DidYouMean(text, names)));
}

absl::StatusOr<std::string> Params::Party(std::string_view name) const {
  const std::string text = Text(name);
  if (text.empty()) return text;
  // A name the party table knows ("Democrat", "Working Families") is its code.
  constexpr size_t kMaxPartyName = 60;
  const bool is_name =
      text.size() <= kMaxPartyName && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '\'';
      });
  if (is_name && ingest::IsKnownParty(text)) {
    return ingest::NormalizeParty(text);
  }
  if (text.size() > 16 || !std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c));
      })) {
    return absl::InvalidArgumentError(fmt::format(
        "{} must be a party code such as DEM or a party name config/parties.tsv knows, got '{}'",
        name, text));
  }
  return base::ToUpper(text);
}

absl::StatusOr<std::string> Params::Words(std::string_view name) const {
  std::string text = Text(name);
  if (text.size() > kMaxParamLength || !IsPrintable(text)) {
    return absl::InvalidArgumentError(
        fmt::format("{} must be printable text of at most {} bytes", name, kMaxParamLength));
  }
  return text;
}

absl::StatusOr<std::optional<int64_t>> Params::OptionalInteger(std::string_view name, int64_t min,
                                                               int64_t max) const {
  const std::string text = Text(name);
  if (text.empty()) return std::optional<int64_t>();
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return absl::InvalidArgumentError(
        fmt::format("{} must be a whole number from {} to {}, got '{}'", name, min, max, text));
  }
  return std::optional<int64_t>(value);
}

absl::StatusOr<int64_t> Params::Integer(std::string_view name, int64_t min, int64_t max,
                                        int64_t fallback) const {
  absl::StatusOr<std::optional<int64_t>> value = OptionalInteger(name, min, max);
  if (!value.ok()) return value.status();
  return value->value_or(fallback);
}

absl::StatusOr<double> Params::Number(std::string_view name, double min, double max,
                                      double fallback) const {
  const std::string text = Text(name);
  if (text.empty()) return fallback;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value < min || value > max) {
    return absl::InvalidArgumentError(
        fmt::format("{} must be a number from {:g} to {:g}, got '{}'", name, min, max, text));
  }
  return value;
}

absl::StatusOr<std::vector<int64_t>> Params::IntegerList(std::string_view name, int64_t min,
                                                         int64_t max) const {
  std::vector<int64_t> values;
  const std::string text = Text(name);
  if (text.empty()) return values;
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t comma = std::min(text.find(',', begin), text.size());
    int64_t value = 0;
    const char* first = text.data() + begin;
    const char* last = text.data() + comma;
    const auto [end, error] = std::from_chars(first, last, value);
    if (first == last || error != std::errc() || end != last || value < min || value > max) {
      return absl::InvalidArgumentError(
          fmt::format("{} must be whole numbers from {} to {} separated by commas, got '{}'", name,
                      min, max, text));
    }
    values.push_back(value);
    begin = comma + 1;
  }
  return values;
}

absl::StatusOr<bool> Params::Flag(std::string_view name) const {
  const std::string text = base::ToLower(Text(name));
  if (text.empty() || text == "0" || text == "false" || text == "no") return false;
  if (text == "1" || text == "true" || text == "yes") return true;
  return absl::InvalidArgumentError(
      fmt::format("{} must be 1 or 0 (true or false), got '{}'", name, Text(name)));
}

absl::StatusOr<std::string> Params::Choice(std::string_view name,
                                           std::initializer_list<std::string_view> choices,
                                           std::string_view fallback) const {
  const std::string text = Text(name);
  if (text.empty()) return std::string(fallback);
  if (std::find(choices.begin(), choices.end(), text) == choices.end()) {
    return absl::InvalidArgumentError(fmt::format("{} must be {}, got '{}'{}", name,
                                                  fmt::join(choices, ", "), text,
                                                  base::DidYouMean(text, choices)));
  }
  return text;
}

absl::StatusOr<std::map<std::string, std::string>> Params::Overrides() const {
  std::map<std::string, std::string> found;
  for (const auto& [key, value] : pairs_) {
    if (key.size() > kMaxParamLength || value.size() > kMaxParamLength) {
      return absl::InvalidArgumentError(
          fmt::format("parameters are at most {} bytes long", kMaxParamLength));
    }
    if (!found.emplace(key, value).second) {
      return absl::InvalidArgumentError(fmt::format("parameter '{}' is given twice", key));
    }
  }
  return found;
}

}  // namespace downballot::query
