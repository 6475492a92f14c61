#include "analysis/candidate_name.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.h"

namespace downballot::analysis {
namespace {

// Suffixes that one file writes and the next omits ("John Smith Jr." vs "John Smith").
constexpr std::array<std::string_view, 8> kSuffixes = {"jr", "sr",  "ii",  "iii",
                                                       "iv", "esq", "2nd", "3rd"};
// Honorifics some files prepend.
constexpr std::array<std::string_view, 7> kTitles = {"dr", "mr", "mrs", "ms", "miss", "hon", "rev"};

bool IsOneOf(std::string_view token, std::span<const std::string_view> words) {
  for (std::string_view word : words) {
    if (token == word) return true;
  }
  return false;
}

// ASCII lowercasing plus the UTF-8 Latin-1 capitals (C3 80..C3 9E except the multiplication
// sign C3 97), so "JOSÉ" and "José" agree; other scripts are left as they are.
std::string LowerLatin(std::string_view text) {
  std::string out = base::ToLower(text);
  for (size_t pos = 0; pos + 1 < out.size(); ++pos) {
    const auto lead = static_cast<unsigned char>(out[pos]);
    const auto next = static_cast<unsigned char>(out[pos + 1]);
    if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      out[pos + 1] = static_cast<char>(next + 0x20);
      ++pos;
    }
  }
  return out;
}

bool IsWordByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || byte >= 0x80;
}

// '.' and apostrophes join rather than split: "T.J." is "tj" and "O'Rourke" is "orourke".
bool IsJoiner(char c) { return c == '.' || c == '\'' || c == '`'; }

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (char c : text) {
    if (IsWordByte(c)) {
      current.push_back(c);
    } else if (!IsJoiner(c) && !current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// Removes "(...)" disambiguators and a double-quoted nickname. An unbalanced quote is ignored
// rather than allowed to swallow the surname after it.
std::string StripAsides(std::string_view text) {
  const bool is_quote_balanced = std::count(text.begin(), text.end(), '"') % 2 == 0;
  std::string out;
  int paren_depth = 0;
  bool in_quote = false;
  for (char c : text) {
    if (c == '(' || c == ')' || c == '"') {
      if (c == '(') ++paren_depth;
      if (c == ')' && paren_depth > 0) --paren_depth;
      if (c == '"' && is_quote_balanced) in_quote = !in_quote;
      out.push_back(' ');
      continue;
    }
    if (paren_depth == 0 && !in_quote) out.push_back(c);
  }
  return out;
}

bool IsAllSuffixes(const std::vector<std::string>& tokens) {
  for (const std::string& token : tokens) {
    if (!IsOneOf(token, kSuffixes)) return false;
  }
  return true;
}

}  // namespace

std::string NameMatchKey(std::string_view name) {
  const std::string cleaned = StripAsides(LowerLatin(name));

  // "Cuomo, Andrew M." puts the surname first; "John Smith, Jr." only sets off a suffix.
  std::vector<std::vector<std::string>> segments;
  for (std::string_view segment : base::Split(cleaned, ',')) {
    std::vector<std::string> tokens = Tokens(segment);
    if (tokens.empty() || IsAllSuffixes(tokens)) continue;
    segments.push_back(std::move(tokens));
  }
  if (segments.empty()) return "";
  std::vector<std::string> tokens;
  for (size_t seg_idx = 1; seg_idx < segments.size(); ++seg_idx) {
    tokens.insert(tokens.end(), segments[seg_idx].begin(), segments[seg_idx].end());
  }
  tokens.insert(tokens.end(), segments[0].begin(), segments[0].end());

  std::vector<std::string> kept;
  for (size_t token_idx = 0; token_idx < tokens.size(); ++token_idx) {
    const std::string& token = tokens[token_idx];
    if (token_idx > 0 && IsOneOf(token, kSuffixes)) continue;
    if (token_idx == 0 && tokens.size() > 2 && IsOneOf(token, kTitles)) continue;
    kept.push_back(token);
  }
  // Initials come and go between files ("Thomas P DiNapoli"), so drop them when at least two
  // full words remain; "A Smith" keeps its only first-name token.
  int num_full_words = 0;
  for (const std::string& token : kept) {
    if (token.size() > 1) ++num_full_words;
  }
  if (num_full_words >= 2) {
    std::erase_if(kept, [](const std::string& token) { return token.size() == 1; });
  }
  if (kept.empty()) return "";
  if (kept.size() == 1) return kept.front();
  return kept.front() + ' ' + kept.back();
}

std::string CandidateKey(std::string_view name) {
  // "A / B" runs B as A's running mate (governor and lieutenant governor on one line).
  const size_t slash = name.find('/');
  if (slash != std::string_view::npos && slash > 0) {
    std::string key = NameMatchKey(name.substr(0, slash));
    if (!key.empty()) return key;
  }
  return NameMatchKey(name);
}

bool IsNearMatch(std::string_view key_a, std::string_view key_b) {
  if (key_a == key_b || key_a.empty() || key_b.empty()) return false;
  const size_t space_a = key_a.rfind(' ');
  const size_t space_b = key_b.rfind(' ');
  if (space_a != std::string_view::npos && space_b != std::string_view::npos &&
      key_a.substr(space_a) == key_b.substr(space_b) && key_a.front() == key_b.front()) {
    return true;
  }
  // One insertion, deletion or substitution apart.
  if (key_a.size() > key_b.size()) std::swap(key_a, key_b);
  if (key_b.size() - key_a.size() > 1) return false;
  size_t prefix = 0;
  while (prefix < key_a.size() && key_a[prefix] == key_b[prefix]) ++prefix;
  const std::string_view rest_a =
      key_a.substr(std::min(prefix + (key_a.size() == key_b.size() ? 1 : 0), key_a.size()));
  const std::string_view rest_b = key_b.substr(prefix + 1);
  return rest_a == rest_b;
}

std::string SpellingKey(std::string_view text) {
  std::string out;
  for (const std::string& token : Tokens(LowerLatin(text))) {
    if (!out.empty()) out.push_back(' ');
    out += token;
  }
  return out;
}

}  // namespace downballot::analysis
