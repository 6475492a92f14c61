#include "ingest/party_normalizer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/check.h"
#include "base/strings.h"

namespace downballot::ingest {
namespace {

// The code config/parties.tsv gives labels that mark write-ins, not a party line.
constexpr std::string_view kWriteInCode = "WRITE-IN";
// Labels this long are names, safe to find inside free text; shorter ones may be codes.
constexpr size_t kMinNameLetters = 5;

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "Women's Equality Party" -> "womens equality"; "WRITE-IN" -> "write in".
std::string LookupKey(std::string_view raw) {
  std::string words;
  bool pending_space = false;
  for (const char c : raw) {
    if (c == '\'' || static_cast<unsigned char>(c) >= 0x80) continue;
    if (!IsAsciiAlnum(c)) {
      pending_space = !words.empty();
      continue;
    }
    if (pending_space) words.push_back(' ');
    pending_space = false;
    words.push_back(c);
  }
  std::string key = base::ToLower(words);
  constexpr std::string_view kPartySuffix = " party";
  if (key.size() > kPartySuffix.size() &&
      key.compare(key.size() - kPartySuffix.size(), kPartySuffix.size(), kPartySuffix) == 0) {
    key.resize(key.size() - kPartySuffix.size());
  }
  return key;
}

// The party table (config/parties.tsv), parsed once: (state, lookup key) -> code, with "" for
// the rows of every state.
struct PartyTable {
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> codes;
  // Names safe to find inside free text, longest first: full words of five letters or more
  // ("republican", "working families"), never codes ("Rep" is a word in "Rep. Smith").
  std::vector<std::pair<std::string, std::string>> names;
};

const PartyTable& Table() {
  static const PartyTable kTable = [] {
    PartyTable table;
    bool is_header = true;
    for (std::string_view line : base::Split(DefaultPartyTable(), '\n')) {
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (base::Trim(line).empty() || line.starts_with('#')) continue;
      const std::vector<std::string_view> fields = base::Split(line, '\t');
      if (is_header) {
        is_header = false;
        continue;
      }
      // The project's own file, checked by party_normalizer_test: a bad row is a build bug.
      if (fields.size() != 4) {
        std::fprintf(stderr, "config/parties.tsv: not 4 fields: %s\n", std::string(line).c_str());
      }
      DOWNBALLOT_CHECK(fields.size() == 4);
      const std::string state = fields[0] == "*" ? "" : std::string(fields[0]);
      const std::string key = LookupKey(fields[1]);
      const std::string code(fields[2]);
      table.codes.try_emplace({state, key}, code);
      if (state.empty() && code != kWriteInCode && key.size() >= kMinNameLetters) {
        table.names.emplace_back(key, code);
      }
    }
    std::stable_sort(table.names.begin(), table.names.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return table;
  }();
  return kTable;
}

std::optional<std::string> Find(std::string_view raw, std::string_view state) {
  const std::string key = LookupKey(raw);
  const PartyTable& table = Table();
  for (const std::string_view scope : {state, std::string_view()}) {
    if (const auto it = table.codes.find(std::pair<std::string, std::string>(scope, key));
        it != table.codes.end()) {
      return it->second;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string NormalizeParty(std::string_view raw, std::string_view state) {
  const std::string_view trimmed = base::Trim(raw);
  if (trimmed.empty()) return "";
  if (const auto code = Find(trimmed, state)) return *code == kWriteInCode ? "" : *code;
  return base::ToUpper(base::CollapseSpaces(trimmed));
}

bool IsKnownParty(std::string_view raw, std::string_view state) {
  const auto code = Find(raw, state);
  return code.has_value() && *code != kWriteInCode;
}

bool IsWriteInPartyLabel(std::string_view raw) { return Find(raw, "") == kWriteInCode; }

std::optional<PartySuffix> SplitPartySuffix(std::string_view text, std::string_view state,
                                            SuffixForms forms) {
  text = base::Trim(text);
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
      if (IsKnownParty(inner, state)) {
        return PartySuffix{std::string(base::Trim(text.substr(0, open))),
                           NormalizeParty(inner, state)};
      }
    }
  }
  if (forms == SuffixForms::kParenthesesOrDash) {
    constexpr std::string_view kDash = " - ";
    const size_t dash = text.rfind(kDash);
    if (dash != std::string_view::npos && dash > 0) {
      const std::string_view suffix = text.substr(dash + kDash.size());
      if (IsKnownParty(suffix, state)) {
        return PartySuffix{std::string(base::Trim(text.substr(0, dash))),
                           NormalizeParty(suffix, state)};
      }
    }
  }
  return std::nullopt;
}

std::string PartyFromText(std::string_view text) {
  // Whole segments first: "Blank (Dem)", "Ballots Cast - REP".
  std::vector<std::string_view> segments;
  size_t start = 0;
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    const bool is_break = pos == text.size() || text[pos] == '(' || text[pos] == ')' ||
                          text[pos] == '/' || text[pos] == ',' ||
                          (text[pos] == '-' && pos > 0 && pos + 1 < text.size() &&
                           text[pos - 1] == ' ' && text[pos + 1] == ' ');
    if (!is_break) continue;
    segments.push_back(base::Trim(text.substr(start, pos - start)));
    start = pos + 1;
  }
  // Only a segment beside other text counts, and never a one-letter code: "Smith, D" is more
  // likely an initial than the Democratic line.
  constexpr size_t kMinCodeLength = 2;
  if (segments.size() > 1) {
    for (const std::string_view segment : segments) {
      if (segment.size() >= kMinCodeLength && IsKnownParty(segment)) return NormalizeParty(segment);
    }
  }
  const std::string key = " " + LookupKey(text) + " ";
  for (const auto& [name, code] : Table().names) {
    if (key.find(" " + name + " ") != std::string::npos) return code;
  }
  return "";
}

}  // namespace downballot::ingest
