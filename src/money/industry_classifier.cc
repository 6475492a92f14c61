#include "money/industry_classifier.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::money {
namespace {

constexpr size_t kNumFields = 4;
constexpr size_t kCatcodeChars = 5;
// FEC caps EMPLOYER and OCCUPATION at 38 characters, so inputs almost always normalize inside
// this stack buffer; longer text (committee names) takes one heap allocation.
constexpr size_t kInlineChars = 128;
// No real employer or committee name has this many words; later words are ignored.
constexpr size_t kMaxWords = 48;

bool IsWordChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// The words of a text, upper-cased and joined by single spaces into one buffer, so the buffer
// is also the key for exact rules. Holds views into itself: not copyable or movable.
class Words {
 public:
  explicit Words(std::string_view text) {
    char* out = inline_.data();
    if (text.size() >= kInlineChars) {
      heap_.resize(text.size() + 1);
      out = heap_.data();
    }
    size_t len = 0;
    size_t idx = 0;
    while (idx < text.size() && count_ < kMaxWords) {
      while (idx < text.size() && !IsWordChar(text[idx])) ++idx;
      if (idx == text.size()) break;
      if (len > 0) out[len++] = ' ';
      size_t start = len;
      while (idx < text.size() && IsWordChar(text[idx])) out[len++] = UpperAscii(text[idx++]);
      words_[count_++] = std::string_view(out + start, len - start);
    }
    joined_ = std::string_view(out, len);
  }
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;

  [[nodiscard]] size_t size() const { return count_; }
  [[nodiscard]] std::string_view operator[](size_t idx) const { return words_[idx]; }
  [[nodiscard]] std::string_view joined() const { return joined_; }

 private:
  std::array<char, kInlineChars> inline_{};
  std::string heap_;
  std::array<std::string_view, kMaxWords> words_{};
  size_t count_ = 0;
  std::string_view joined_;
};

std::vector<std::string> SplitWords(std::string_view text) {
  Words words(text);
  std::vector<std::string> out;
  out.reserve(words.size());
  for (size_t idx = 0; idx < words.size(); ++idx) out.emplace_back(words[idx]);
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

std::optional<RuleField> ParseField(std::string_view name) {
  if (name == "status") return RuleField::kStatus;
  if (name == "employer") return RuleField::kEmployer;
  if (name == "occupation") return RuleField::kOccupation;
  if (name == "org") return RuleField::kOrganization;
  return std::nullopt;
}

bool IsLowerWord(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Only exact outranks the others: a prefix and a whole-word rule on different words of the text
// are equally specific, and the file order (which the user controls) decides.
int KindRank(MatchKind kind) { return kind == MatchKind::kExact ? 1 : 0; }

// Identifies a rule's pattern for duplicate detection; a prefix and a word on the same text
// are different patterns.
int KindKey(MatchKind kind) { return static_cast<int>(kind); }

size_t FieldSlot(RuleField field) { return static_cast<size_t>(field); }

// Debian's Abseil has its own string_view type, so heterogeneous lookups need this conversion.
absl::string_view AsAbsl(std::string_view text) { return {text.data(), text.size()}; }

}  // namespace

std::string_view RuleFieldName(RuleField field) {
  switch (field) {
    case RuleField::kStatus:
      return "status";
    case RuleField::kEmployer:
      return "employer";
    case RuleField::kOccupation:
      return "occupation";
    case RuleField::kOrganization:
      return "org";
  }
  return "unknown";
}

absl::StatusOr<std::vector<IndustryRule>> ParseIndustryRules(
    std::string_view text, std::string_view source, std::span<const CrpCategory> categories) {
  absl::flat_hash_set<std::string> known;
  for (const CrpCategory& category : categories) known.insert(category.catcode);

  std::vector<IndustryRule> rules;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = base::Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = fmt::format("{}:{}", std::string(source), line_no);

    std::vector<std::string_view> fields = base::Split(line, '\t');
    // Several tabs in a row line columns up for the eye; they are one separator.
    std::erase_if(fields, [](std::string_view f) { return base::Trim(f).empty(); });
    for (std::string_view& field : fields) field = base::Trim(field);
    if (fields.size() > 3 && fields[3].front() == '#') fields.resize(3);
    if (fields.size() != 3) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: expected field<TAB>pattern<TAB>catcode, got {} columns", where, fields.size()));
    }

    IndustryRule rule;
    rule.line = line_no;
    std::optional<RuleField> field = ParseField(fields[0]);
    if (!field) {
      return absl::InvalidArgumentError(
          fmt::format("{}: unknown field '{}' (want status, employer, occupation or org)", where,
                      std::string(fields[0])));
    }
    rule.field = *field;

    std::string_view pattern = fields[1];
    size_t colon = pattern.find(':');
    if (colon != std::string_view::npos && IsLowerWord(pattern.substr(0, colon))) {
      std::string_view kind = pattern.substr(0, colon);
      if (kind == "exact") {
        rule.kind = MatchKind::kExact;
      } else if (kind == "word" || kind == "phrase") {
        rule.kind = MatchKind::kPhrase;
      } else if (kind == "prefix") {
        rule.kind = MatchKind::kPrefix;
      } else {
        return absl::InvalidArgumentError(
            fmt::format("{}: unknown pattern kind '{}:' (want exact:, word:, phrase: or prefix:)",
                        where, std::string(kind)));
      }
      pattern.remove_prefix(colon + 1);
    }
    rule.words = SplitWords(pattern);
    if (rule.words.empty()) {
      return absl::InvalidArgumentError(
          fmt::format("{}: pattern '{}' has no letters or digits", where, std::string(fields[1])));
    }
    if (rule.kind == MatchKind::kPrefix && rule.words.size() != 1) {
      return absl::InvalidArgumentError(
          fmt::format("{}: prefix: takes one word stem, got '{}'", where, std::string(pattern)));
    }

    std::string_view catcode = fields[2];
    if (catcode != kFallThroughCode) {
      bool shaped = catcode.size() == kCatcodeChars &&
                    std::all_of(catcode.begin(), catcode.end(), IsWordChar);
      if (!shaped || (!known.empty() && !known.contains(AsAbsl(catcode)))) {
        return absl::InvalidArgumentError(fmt::format(
            "{}: catcode '{}' is not an OpenSecrets category", where, std::string(catcode)));
      }
    }
    rule.catcode = std::string(catcode);
    rules.push_back(std::move(rule));
  }
  return rules;
}

absl::StatusOr<IndustryClassifier> IndustryClassifier::Create(std::vector<IndustryRule> rules) {
  IndustryClassifier classifier(std::move(rules));
  classifier.fields_.resize(kNumFields);
  // Key (field, kind, words) -> first rule index, to reject contradictory duplicates.
  absl::flat_hash_map<std::string, size_t> seen;
  for (size_t idx = 0; idx < classifier.rules_.size(); ++idx) {
    const IndustryRule& rule = classifier.rules_[idx];
    const std::string joined = JoinWords(rule.words);
    const std::string key =
        fmt::format("{}|{}|{}", FieldSlot(rule.field), KindKey(rule.kind), joined);
    auto [it, inserted] = seen.try_emplace(key, idx);
    if (!inserted) {
      const IndustryRule& first = classifier.rules_[it->second];
      if (first.catcode != rule.catcode) {
        return absl::InvalidArgumentError(fmt::format(
            "rule on line {} ({} '{}' -> {}) contradicts line {} (-> {})", rule.line,
            RuleFieldName(rule.field), joined, rule.catcode, first.line, first.catcode));
      }
      continue;  // a harmless repeat: the earlier line keeps priority
    }
    FieldIndex& index = classifier.fields_[FieldSlot(rule.field)];
    switch (rule.kind) {
      case MatchKind::kExact:
        index.exact.emplace(joined, idx);
        break;
      case MatchKind::kPhrase:
        index.phrase[rule.words.front()].push_back(idx);
        break;
      case MatchKind::kPrefix: {
        const std::string& stem = rule.words.front();
        index.prefix.emplace(stem, idx);
        if (std::find(index.stem_lengths.begin(), index.stem_lengths.end(), stem.size()) ==
            index.stem_lengths.end()) {
          index.stem_lengths.push_back(stem.size());
        }
        break;
      }
    }
  }
  return classifier;
}

std::optional<size_t> IndustryClassifier::BestRule(RuleField field, std::string_view text) const {
  const FieldIndex& index = fields_[FieldSlot(field)];
  Words words(text);
  if (words.size() == 0) return std::nullopt;

  std::optional<size_t> best;
  size_t best_words = 0;
  // Specificity order of the class contract: more words, then exact over the rest, then the
  // earlier line.
  auto offer = [&](size_t rule_idx, size_t matched_words) {
    if (best) {
      const IndustryRule& cur = rules_[*best];
      const IndustryRule& cand = rules_[rule_idx];
      if (matched_words != best_words) {
        if (matched_words < best_words) return;
      } else if (KindRank(cand.kind) != KindRank(cur.kind)) {
        if (KindRank(cand.kind) < KindRank(cur.kind)) return;
      } else if (cand.line >= cur.line) {
        return;
      }
    }
    best = rule_idx;
    best_words = matched_words;
  };

  if (auto it = index.exact.find(AsAbsl(words.joined())); it != index.exact.end()) {
    offer(it->second, words.size());
  }
  for (size_t start = 0; start < words.size(); ++start) {
    if (!index.phrase.empty()) {
      if (auto it = index.phrase.find(AsAbsl(words[start])); it != index.phrase.end()) {
        for (size_t rule_idx : it->second) {
          const std::vector<std::string>& want = rules_[rule_idx].words;
          if (start + want.size() > words.size()) continue;
          bool all = true;
          for (size_t offset = 1; offset < want.size() && all; ++offset) {
            all = words[start + offset] == want[offset];
          }
          if (all) offer(rule_idx, want.size());
        }
      }
    }
    for (size_t stem_len : index.stem_lengths) {
      if (stem_len > words[start].size()) continue;
      if (auto it = index.prefix.find(AsAbsl(words[start].substr(0, stem_len)));
          it != index.prefix.end()) {
        offer(it->second, 1);
      }
    }
  }
  return best;
}

std::optional<Classification> IndustryClassifier::Code(RuleField field,
                                                       std::string_view text) const {
  std::optional<size_t> rule_idx = BestRule(field, text);
  if (!rule_idx) return std::nullopt;
  const IndustryRule& rule = rules_[*rule_idx];
  if (rule.catcode == kFallThroughCode) return std::nullopt;
  return Classification{.catcode = rule.catcode, .rule_line = rule.line, .field = field};
}

std::optional<Classification> IndustryClassifier::Classify(std::string_view employer,
                                                           std::string_view occupation) const {
  // A status in the occupation ("RETIRED" under a former employer's name) describes the donor
  // now, so it outranks the employer; OpenSecrets codes such donors Retired, not by employer.
  if (auto c = Code(RuleField::kStatus, occupation)) return c;
  if (auto c = Code(RuleField::kStatus, employer)) return c;
  if (auto c = Code(RuleField::kEmployer, employer)) return c;
  return Code(RuleField::kOccupation, occupation);
}

std::optional<Classification> IndustryClassifier::ClassifyOrganization(
    std::string_view name) const {
  if (auto c = Code(RuleField::kOrganization, name)) return c;
  return Code(RuleField::kEmployer, name);
}

}  // namespace downballot::money
