// The lowercase words of an office text, the form the office table's rules match on.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace downballot::ingest {

// "U.S. House 1st Congress" -> us house 1st congress. Periods and apostrophes join a word
// ("U.S." -> "us", "Surrogate's" -> "surrogates"); any other punctuation separates words, so
// "ED# 13", "- 53RD DISTRICT" and "Civil Court - County" split cleanly. "U S" becomes "us".
// Non-ASCII bytes separate words. Thread-compatible.
class OfficeWords {
 public:
  static constexpr size_t kNotFound = static_cast<size_t>(-1);

  explicit OfficeWords(std::string_view text);

  [[nodiscard]] size_t size() const { return words_.size(); }
  [[nodiscard]] const std::string& operator[](size_t idx) const { return words_[idx]; }
  // Offset in the text just past word `idx`: the text after a phrase starts there.
  [[nodiscard]] size_t end_offset(size_t idx) const { return ends_[idx]; }

  [[nodiscard]] bool Has(std::string_view word) const;
  [[nodiscard]] bool HasAny(std::initializer_list<std::string_view> words) const;

 private:
  std::vector<std::string> words_;
  std::vector<size_t> ends_;
};

}  // namespace downballot::ingest
