// A question's parameters as the front ends receive them (CLI flags, URL query strings): names
// and texts, validated into typed requests by one set of rules so both front ends refuse the
// same input with the same message.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace downballot::query {

// Longest text any parameter may carry; longer values are refused before any other check.
inline constexpr size_t kMaxParamLength = 200;

// Rows of a paged list (targets; every list on the API) when no limit is given.
inline constexpr int64_t kDefaultPageSize = 25;

// The rows of `all` from `offset`, at most `limit` of them (0 = every row): a list's page.
template <typename Row>
[[nodiscard]] std::vector<Row> TakePage(std::vector<Row> all, int64_t offset, int64_t limit) {
  const size_t begin = std::min(all.size(), static_cast<size_t>(offset));
  size_t end = all.size();
  if (limit > 0) end = std::min(end, begin + static_cast<size_t>(limit));
  return std::vector<Row>(std::make_move_iterator(all.begin() + static_cast<ptrdiff_t>(begin)),
                          std::make_move_iterator(all.begin() + static_cast<ptrdiff_t>(end)));
}

class Params {
 public:
  Params() = default;
  // `pairs` in the order given; a name given twice is refused by CheckNames.
  explicit Params(std::vector<std::pair<std::string, std::string>> pairs);

  // Adds one parameter; an empty `value` is the same as leaving it out.
  void Set(std::string name, std::string value);

  // OK when every name is in `allowed`, none repeats and no value exceeds kMaxParamLength.
  // InvalidArgument naming the parameter (and, for an unknown one, the allowed names) otherwise.
  [[nodiscard]] absl::Status CheckNames(std::initializer_list<std::string_view> allowed) const;

  // The value of `name`, or "" when absent.
  [[nodiscard]] std::string Text(std::string_view name) const;
  [[nodiscard]] bool Has(std::string_view name) const;

  // A state's (or DC's, or a territory's) two-letter code, upper-cased, or a state's name ("New
  // York") as its code; "" when absent. InvalidArgument for anything else ("ZZ").
  [[nodiscard]] absl::StatusOr<std::string> State(std::string_view name) const;
  // A party code (letters and digits, at most 16), upper-cased, or a party name the party table
  // knows ("Democrat", "Working Families") as its code; "" when absent.
  [[nodiscard]] absl::StatusOr<std::string> Party(std::string_view name) const;
  // Printable text of at most kMaxParamLength bytes (office names, candidate names, ids).
  [[nodiscard]] absl::StatusOr<std::string> Words(std::string_view name) const;
  // A whole number in [min, max]; `fallback` when absent.
  [[nodiscard]] absl::StatusOr<int64_t> Integer(std::string_view name, int64_t min, int64_t max,
                                                int64_t fallback) const;
  // An optional whole number in [min, max]: nullopt when absent.
  [[nodiscard]] absl::StatusOr<std::optional<int64_t>> OptionalInteger(std::string_view name,
                                                                       int64_t min,
                                                                       int64_t max) const;
  // A finite number in [min, max]; `fallback` when absent.
  [[nodiscard]] absl::StatusOr<double> Number(std::string_view name, double min, double max,
                                              double fallback) const;
  // Whole numbers in [min, max] separated by commas ("2016,2018"); empty when absent.
  [[nodiscard]] absl::StatusOr<std::vector<int64_t>> IntegerList(std::string_view name, int64_t min,
                                                                 int64_t max) const;
  // "1", "true", "yes" or "0", "false", "no"; false when absent.
  [[nodiscard]] absl::StatusOr<bool> Flag(std::string_view name) const;
  // One of `choices`; `fallback` when absent.
  [[nodiscard]] absl::StatusOr<std::string> Choice(std::string_view name,
                                                   std::initializer_list<std::string_view> choices,
                                                   std::string_view fallback) const;

  // Every parameter as name -> value, for questions whose names are open-ended (plan
  // coefficients, checked by their own parser). InvalidArgument for a repeat or an oversize.
  [[nodiscard]] absl::StatusOr<std::map<std::string, std::string>> Overrides() const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& pairs() const {
    return pairs_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

}  // namespace downballot::query
