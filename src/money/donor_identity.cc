#include "money/donor_identity.h"

#include <array>
#include <vector>

#include "base/strings.h"

namespace downballot::money {
namespace {

// Titles and suffixes FEC filers attach inconsistently to the same person.
constexpr std::array<std::string_view, 13> kDroppedTokens = {
    "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii", "iv", "esq", "md", "phd", "miss"};

bool IsDropped(std::string_view token) {
  for (const std::string_view dropped : kDroppedTokens) {
    if (token == dropped) return true;
  }
  return false;
}

}  // namespace

std::string Zip5(std::string_view zip) {
  zip = base::Trim(zip);
  if (zip.size() < 5) return "";
  for (size_t idx = 0; idx < 5; ++idx) {
    if (zip[idx] < '0' || zip[idx] > '9') return "";
  }
  return std::string(zip.substr(0, 5));
}

std::string DonorKey(std::string_view name, std::string_view zip) {
  std::string cleaned;
  cleaned.reserve(name.size());
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (c >= '0' && c <= '9')) {
      cleaned.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      cleaned.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= 'a' && c <= 'z') {
      cleaned.push_back(c);
    } else if (c == '\'' || c == '.') {
      // "O'BRIEN" and "OBRIEN", "A." and "A" are the same spelling.
    } else {
      cleaned.push_back(' ');
    }
  }
  std::string key;
  for (const std::string_view token : base::Split(cleaned, ' ')) {
    if (token.empty() || IsDropped(token)) continue;
    if (!key.empty()) key.push_back(' ');
    key.append(token);
  }
  key.push_back('|');
  key.append(Zip5(zip));
  return key;
}

}  // namespace downballot::money
