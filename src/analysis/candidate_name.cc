#include "analysis/candidate_name.h"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/check.h"
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

// The ASCII letter of a UTF-8 Latin-1 letter's second byte (C3 80..C3 BF), capitals and small
// letters alike: "É" and "é" -> 'e', "ñ" -> 'n'; 0 for the signs (x and ÷) and letters with no
// one-letter base (æ, ß, þ).
char LatinBase(unsigned char second) {
  // C3 80..C3 BF: ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ
  // ('0' marks no base).
  constexpr char kBases[] = "aaaaaa0ceeeeiiiidnooooo0ouuuuy00aaaaaa0ceeeeiiiidnooooo0ouuuuy0y";
  constexpr size_t kNumBases = sizeof(kBases) - 1;
  const size_t idx = static_cast<size_t>(second) - 0x80;
  if (second < 0x80 || idx >= kNumBases || kBases[idx] == '0') return '\0';
  return kBases[idx];
}

// ASCII lowercasing with Latin-1 letters in UTF-8 written as their ASCII base, so "JOSÉ",
// "José" and "Jose" agree; other scripts are left as they are.
std::string LowerLatin(std::string_view text) {
  std::string lower = base::ToLower(text);
  std::string out;
  out.reserve(lower.size());
  for (size_t pos = 0; pos < lower.size(); ++pos) {
    const auto lead = static_cast<unsigned char>(lower[pos]);
    if (lead == 0xC3 && pos + 1 < lower.size()) {
      const auto next = static_cast<unsigned char>(lower[pos + 1]);
      if (const char base_letter = LatinBase(next); base_letter != '\0') {
        out.push_back(base_letter);
        ++pos;
        continue;
      }
    }
    out.push_back(lower[pos]);
  }
  return out;
}

// Surname particles that files write apart or joined ("de León", "DeLeon", "Van Hollen").
constexpr std::array<std::string_view, 14> kParticles = {
    "de", "del", "della", "der", "di", "da", "du", "la", "le", "van", "von", "den", "ter", "dos"};

// The nickname table: each form -> the name it stands for.
const std::map<std::string, std::string, std::less<>>& Nicknames() {
  static const auto kTable = [] {
    std::map<std::string, std::string, std::less<>> table;
    bool is_header = true;
    for (std::string_view line : base::Split(DefaultNicknames(), '\n')) {
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (base::Trim(line).empty() || line.starts_with('#')) continue;
      if (is_header) {
        is_header = false;
        continue;
      }
      const std::vector<std::string_view> fields = base::Split(line, '\t');
      // The project's own file (config/nicknames.tsv): a malformed row is a build bug.
      DOWNBALLOT_CHECK(fields.size() == 2);
      for (const std::string_view form : base::Split(fields[1], ',')) {
        table.try_emplace(std::string(base::Trim(form)), std::string(base::Trim(fields[0])));
      }
    }
    return table;
  }();
  return kTable;
}

std::string CanonicalFirstName(const std::string& first) {
  const auto it = Nicknames().find(first);
  return it == Nicknames().end() ? first : it->second;
}

// Curly double quotes (U+201C, U+201D) are quotes like '"'.
std::string StraightQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == 0xE2 &&
        static_cast<unsigned char>(text[pos + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(text[pos + 2]);
      if (third == 0x9C || third == 0x9D) {
        out.push_back('"');
        pos += 2;
        continue;
      }
      if (third == 0x98 || third == 0x99) {
        out.push_back('\'');
        pos += 2;
        continue;
      }
    }
    out.push_back(text[pos]);
  }
  return out;
}

// The nickname a name quotes: "Robert \"Bud\" Cramer" and "L.S. 'CASEY' CAGLE" -> the quoted
// word; a single quote only when it opens and closes a whole word (not O'Rourke's apostrophe).
// "" when there is none.
std::string QuotedNickname(std::string_view text) {
  const size_t open = text.find('"');
  if (open != std::string_view::npos) {
    const size_t close = text.find('"', open + 1);
    if (close != std::string_view::npos)
      return std::string(text.substr(open + 1, close - open - 1));
  }
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] != '\'' || (pos > 0 && text[pos - 1] != ' ')) continue;
    const size_t close = text.find('\'', pos + 1);
    if (close == std::string_view::npos) break;
    if (close + 1 < text.size() && text[close + 1] != ' ' && text[close + 1] != ',') continue;
    return std::string(text.substr(pos + 1, close - pos - 1));
  }
  return "";
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

// Removes "(...)" disambiguators and a quoted nickname. An unbalanced quote is ignored rather
// than allowed to swallow the surname after it.
std::string StripAsides(std::string_view raw) {
  std::string text = StraightQuotes(raw);
  // A single-quoted whole word is a nickname like a double-quoted one.
  if (const std::string nickname = QuotedNickname(text);
      !nickname.empty() && text.find('"') == std::string::npos) {
    const size_t at = text.find("'" + nickname + "'");
    if (at != std::string::npos) text.replace(at, nickname.size() + 2, " ");
  }
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
  // "de León" and "DeLeon" are one surname, "Du Wayne" and "DuWayne" one first name; a particle
  // that is a whole name ("Van Taylor") stays a word.
  for (size_t token_idx = kept.size(); token_idx-- > 0;) {
    if (token_idx + 1 < kept.size() && kept.size() > 2 && IsOneOf(kept[token_idx], kParticles)) {
      kept[token_idx] += kept[token_idx + 1];
      kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(token_idx) + 1);
    }
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
  return CanonicalFirstName(kept.front()) + ' ' + kept.back();
}

std::string NicknameKey(std::string_view name) {
  const size_t slash = name.find('/');
  const std::string_view person =
      slash != std::string_view::npos && slash > 0 ? name.substr(0, slash) : name;
  const std::string nickname = NameMatchKey(QuotedNickname(StraightQuotes(person)));
  if (nickname.empty() || nickname.find(' ') != std::string::npos) return "";
  if (std::any_of(nickname.begin(), nickname.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  const std::string key = NameMatchKey(person);
  const size_t space = key.rfind(' ');
  if (space == std::string::npos) return "";
  return CanonicalFirstName(nickname) + key.substr(space);
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

bool IsSameCandidate(std::string_view a, std::string_view b) {
  const std::string key_a = CandidateKey(a);
  const std::string key_b = CandidateKey(b);
  if (!key_a.empty() && key_a == key_b) return true;
  const std::string nickname_a = NicknameKey(a);
  const std::string nickname_b = NicknameKey(b);
  return (!nickname_a.empty() && (nickname_a == key_b || nickname_a == nickname_b)) ||
         (!nickname_b.empty() && nickname_b == key_a);
}

bool IsNearMatch(std::string_view key_a, std::string_view key_b) {
  if (key_a == key_b || key_a.empty() || key_b.empty()) return false;
  // An initial for a first name: "m avigdor" and "morton avigdor".
  const size_t space_a = key_a.find(' ');
  const size_t space_b = key_b.find(' ');
  if (space_a != std::string_view::npos && space_b != std::string_view::npos &&
      key_a.substr(space_a) == key_b.substr(space_b) && (space_a == 1 || space_b == 1) &&
      key_a.front() == key_b.front()) {
    return true;
  }
  // A typo: one letter changed, added, dropped or two swapped ("Chrsitian"), two in a long name
  // ("Torn O'Halleran" for Tom).
  constexpr size_t kLongKey = 12;
  const size_t max_edits = std::min(key_a.size(), key_b.size()) >= kLongKey ? 2 : 1;
  return base::EditDistance(key_a, key_b) <= max_edits;
}

bool IsSameLastNameAndInitial(std::string_view key_a, std::string_view key_b) {
  const size_t space_a = key_a.rfind(' ');
  const size_t space_b = key_b.rfind(' ');
  return space_a != std::string_view::npos && space_b != std::string_view::npos &&
         key_a.substr(space_a) == key_b.substr(space_b) && key_a.front() == key_b.front();
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
