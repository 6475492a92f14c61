#include "base/key_value_config.h"

#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::base {

absl::StatusOr<KeyValues> ParseKeyValues(std::string_view text, std::string_view source_name) {
  KeyValues values;
  int line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = Trim(line);
    if (line.empty()) continue;
    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return absl::InvalidArgumentError(
          fmt::format("{}:{}: expected 'key = value', got '{}'", source_name, line_number, line));
    }
    const std::string key(Trim(line.substr(0, equals)));
    const std::string value(Trim(line.substr(equals + 1)));
    if (!values.emplace(key, value).second) {
      return absl::InvalidArgumentError(
          fmt::format("{}:{}: key '{}' given twice", source_name, line_number, key));
    }
  }
  return values;
}

absl::Status ApplyNumericFields(const KeyValues& values, std::initializer_list<NumericField> fields,
                                std::string_view source_name) {
  for (const auto& [key, value] : values) {
    const NumericField* match = nullptr;
    for (const NumericField& field : fields) {
      if (field.key == key) match = &field;
    }
    if (match == nullptr) {
      std::vector<std::string_view> keys;
      for (const NumericField& field : fields) keys.push_back(field.key);
      return absl::InvalidArgumentError(
          fmt::format("{}: unknown key '{}'{}", source_name, key, DidYouMean(key, keys)));
    }
    const auto number = ParseDouble(value);
    if (!number) {
      return absl::InvalidArgumentError(
          fmt::format("{}: key '{}' wants a number, got '{}'", source_name, key, value));
    }
    *match->target = *number;
  }
  return absl::OkStatus();
}

}  // namespace downballot::base
