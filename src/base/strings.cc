#include "base/strings.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <system_error>
#include <vector>

namespace downballot::base {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool IsBlankByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte == ' ' || byte < 0x20 || byte == 0x7F;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsBlankByte(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlankByte(text.back())) text.remove_suffix(1);
  return text;
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string ToUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = UpperAscii(c);
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    // U+00A0 NO-BREAK SPACE arrives as C2 A0 once the input is UTF-8.
    const bool is_nbsp = static_cast<unsigned char>(c) == 0xC2 && pos + 1 < text.size() &&
                         static_cast<unsigned char>(text[pos + 1]) == 0xA0;
    if (IsBlankByte(c) || is_nbsp) {
      if (is_nbsp) ++pos;
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      pieces.push_back(text.substr(start));
      return pieces;
    }
    pieces.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t pos = 0; pos < a.size(); ++pos) {
    if (LowerAscii(a[pos]) != LowerAscii(b[pos])) return false;
  }
  return true;
}

bool ContainsIgnoreCase(std::string_view text, std::string_view needle) {
  return ToLower(text).find(ToLower(needle)) != std::string::npos;
}

std::optional<int64_t> ParseInt(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<int64_t> ParseByteSize(std::string_view text) {
  text = Trim(text);
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  const std::optional<int64_t> number = ParseInt(text.substr(0, digits));
  if (!number) return std::nullopt;
  std::string unit = ToLower(Trim(text.substr(digits)));
  if (unit.ends_with("ib")) {
    unit.resize(unit.size() - 2);
  } else if (unit.size() == 2 && unit.back() == 'b') {
    unit.pop_back();
  }
  int shift = 0;
  if (unit == "k") {
    shift = 10;
  } else if (unit == "m") {
    shift = 20;
  } else if (unit == "g") {
    shift = 30;
  } else if (unit == "t") {
    shift = 40;
  } else if (!unit.empty() && unit != "b") {
    return std::nullopt;
  }
  if (*number > (std::numeric_limits<int64_t>::max() >> shift)) return std::nullopt;
  return *number << shift;
}

std::optional<double> ParseDouble(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::string Slugify(std::string_view text) {
  std::string out;
  bool pending_dash = false;
  for (char c : text) {
    const char lower = LowerAscii(c);
    const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (!keep) {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) out.push_back('-');
    pending_dash = false;
    out.push_back(lower);
  }
  return out;
}

std::string_view NearestChoice(std::string_view typed,
                               const std::vector<std::string_view>& choices) {
  const std::string lower = ToLower(typed);
  std::string_view nearest;
  size_t best = 3;  // at most two edits
  std::string_view started;
  int num_started = 0;
  for (const std::string_view choice : choices) {
    const std::string choice_lower = ToLower(choice);
    const size_t distance = EditDistance(lower, choice_lower);
    if (distance < best) {
      best = distance;
      nearest = choice;
    }
    if (!lower.empty() && choice_lower.starts_with(lower)) {
      ++num_started;
      started = choice;
    }
  }
  if (nearest.empty() && num_started == 1) nearest = started;
  return nearest;
}

std::string DidYouMean(std::string_view typed, const std::vector<std::string_view>& choices) {
  const std::string_view nearest = NearestChoice(typed, choices);
  return nearest.empty() ? "" : "; did you mean '" + std::string(nearest) + "'?";
}

std::vector<std::string_view> SplitList(std::string_view list) {
  std::vector<std::string_view> pieces;
  while (!list.empty()) {
    const size_t comma = list.find(", ");
    const size_t word_or = list.find(" or ");
    const size_t cut = std::min(comma, word_or);
    pieces.push_back(list.substr(0, cut));
    if (cut == std::string_view::npos) break;
    list.remove_prefix(cut + (cut == comma ? 2 : 4));
  }
  return pieces;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  // distance[a_len][b_len]: edits between the first a_len bytes of a and b_len bytes of b.
  std::vector<std::vector<size_t>> distance(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t a_len = 0; a_len <= a.size(); ++a_len) distance[a_len][0] = a_len;
  for (size_t b_len = 0; b_len <= b.size(); ++b_len) distance[0][b_len] = b_len;
  for (size_t a_len = 1; a_len <= a.size(); ++a_len) {
    for (size_t b_len = 1; b_len <= b.size(); ++b_len) {
      const size_t cost = a[a_len - 1] == b[b_len - 1] ? 0 : 1;
      distance[a_len][b_len] =
          std::min({distance[a_len - 1][b_len] + 1, distance[a_len][b_len - 1] + 1,
                    distance[a_len - 1][b_len - 1] + cost});
      const bool is_swap =
          a_len > 1 && b_len > 1 && a[a_len - 1] == b[b_len - 2] && a[a_len - 2] == b[b_len - 1];
      if (is_swap) {
        distance[a_len][b_len] =
            std::min(distance[a_len][b_len], distance[a_len - 2][b_len - 2] + 1);
      }
    }
  }
  return distance[a.size()][b.size()];
}

}  // namespace downballot::base
