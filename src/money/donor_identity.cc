#include "money/donor_identity.h"

#include <array>

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

std::string_view Zip5View(std::string_view zip) {
  zip = base::Trim(zip);
  if (zip.size() < 5) return {};
  for (size_t idx = 0; idx < 5; ++idx) {
    if (zip[idx] < '0' || zip[idx] > '9') return {};
  }
  return zip.substr(0, 5);
}

std::string Zip5(std::string_view zip) { return std::string(Zip5View(zip)); }

void AssignDonorKey(std::string_view name, std::string_view zip, std::string& key) {
  key.clear();
  // One pass: each character is folded straight into `key`; a token is checked against the
  // dropped list when it ends and cut back off if it is one. This runs once per itcont row, so
  // it must not allocate (the old clean-then-split form made two strings a row).
  size_t token_start = std::string::npos;  // where the current token starts in `key`
  const auto end_token = [&] {
    if (token_start == std::string::npos) return;
    if (IsDropped(std::string_view(key).substr(token_start))) {
      // Drop the token and the space that joined it to the previous one.
      key.resize(token_start == 0 ? 0 : token_start - 1);
    }
    token_start = std::string::npos;
  };
  const auto put = [&](char c) {
    if (token_start == std::string::npos) {
      if (!key.empty()) key.push_back(' ');
      token_start = key.size();
    }
    key.push_back(c);
  };
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      put(c);
    } else if (c >= 'A' && c <= 'Z') {
      put(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'' || c == '.') {
      // "O'BRIEN" and "OBRIEN", "A." and "A" are the same spelling.
    } else {
      end_token();
    }
  }
  end_token();
  key.push_back('|');
  key.append(Zip5View(zip));
}

std::string DonorKey(std::string_view name, std::string_view zip) {
  std::string key;
  AssignDonorKey(name, zip, key);
  return key;
}

}  // namespace downballot::money
