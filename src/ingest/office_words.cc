#include "ingest/office_words.h"

#include <utility>

namespace downballot::ingest {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

OfficeWords::OfficeWords(std::string_view text) {
  std::string word;
  size_t end = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '.' || c == '\'') {
      if (!word.empty()) end = pos + 1;
      continue;
    }
    if (IsAsciiAlnum(c)) {
      word.push_back(Lower(c));
      end = pos + 1;
      continue;
    }
    if (!word.empty()) {
      words_.push_back(std::move(word));
      ends_.push_back(end);
    }
    word.clear();
  }
  if (!word.empty()) {
    words_.push_back(std::move(word));
    ends_.push_back(end);
  }
  // "U S House" (Tompkins 2018) is the same office as "U.S. House".
  for (size_t idx = 0; idx + 1 < words_.size(); ++idx) {
    if (words_[idx] == "u" && words_[idx + 1] == "s") {
      words_[idx] = "us";
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(idx) + 1);
      ends_.erase(ends_.begin() + static_cast<std::ptrdiff_t>(idx));
    }
  }
}

bool OfficeWords::Has(std::string_view word) const {
  for (const std::string& candidate : words_) {
    if (candidate == word) return true;
  }
  return false;
}

bool OfficeWords::HasAny(std::initializer_list<std::string_view> words) const {
  for (const std::string_view word : words) {
    if (Has(word)) return true;
  }
  return false;
}

}  // namespace downballot::ingest
