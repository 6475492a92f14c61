// Reads the small `key = value` files users edit to change weights and assumptions.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace downballot::base {

// Parsed `key = value` lines. `#` starts a comment; blank lines are ignored; keys are unique.
using KeyValues = std::map<std::string, std::string, std::less<>>;

// Parses `text`; InvalidArgument "<source>:<line>: ..." for a line without '=' or a repeated key.
[[nodiscard]] absl::StatusOr<KeyValues> ParseKeyValues(std::string_view text,
                                                       std::string_view source_name);

// Overwrites the numeric fields named in `values`: each entry of `fields` maps a key to the
// double it sets. InvalidArgument for an unknown key or a value that is not a number.
struct NumericField {
  std::string_view key;
  double* target;
};
[[nodiscard]] absl::Status ApplyNumericFields(const KeyValues& values,
                                              std::initializer_list<NumericField> fields,
                                              std::string_view source_name);

}  // namespace downballot::base
