// Codes a donor's employer and occupation (or a PAC's connected organization) to an OpenSecrets
// catcode with an explainable, user-extendable rules file (config/industry_rules.tsv).
//
// Rules file: one rule a line, `field<TAB>pattern<TAB>catcode`; `#` starts a comment line;
// blank lines are ignored. docs/industry.md has the full guide. Example:
//   status      word:RETIRED           X1200   # occupation or employer says RETIRED
//   employer    word:BANK              F1100   # BANK as a whole word: not BANKS, not BANKER
//   employer    FOOD BANK              X4000   # bare pattern = phrase; longer phrase wins
//   occupation  prefix:ANESTHESIOLOG   H1130   # any word starting with ANESTHESIOLOG
//   employer    exact:SELF-EMPLOYED    -       # '-': says nothing, fall through to occupation
//
// Usage:
//   ASSIGN_OR_RETURN(auto rules, ParseIndustryRules(text, "industry_rules.tsv", categories));
//   ASSIGN_OR_RETURN(IndustryClassifier classifier, IndustryClassifier::Create(std::move(rules)));
//   std::optional<Classification> c = classifier.Classify("PWC", "PARTNER");  // F5100
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "money/crp_categories.h"

namespace downballot::money {

// Which text a rule reads.
enum class RuleField {
  kStatus,        // occupation, then employer: RETIRED, HOMEMAKER, STUDENT...; checked first
  kEmployer,      // EMPLOYER (FEC itcont field 12): what OpenSecrets codes by
  kOccupation,    // OCCUPATION (field 13): the fallback when the employer says nothing
  kOrganization,  // a PAC's CONNECTED_ORG_NM or committee name
};

// How a rule's pattern is compared with the text. Both are first normalized: ASCII letters
// upper-cased, and every run of characters other than A-Z and 0-9 becomes one word break, so
// "AT&T" is the words AT T and "D.R.HORTON" is D R HORTON.
enum class MatchKind {
  kExact,   // `exact:` the whole text is exactly these words
  kPhrase,  // `word:`, `phrase:` or no prefix: these words appear consecutively, whole words
  kPrefix,  // `prefix:` one word of the text starts with this (single-word) stem
};

// The catcode a rule assigns to mean "this text is uninformative: try the next field".
inline constexpr std::string_view kFallThroughCode = "-";

// One parsed rule. `words` is the normalized pattern; `line` is its 1-based line in the file.
struct IndustryRule {
  RuleField field = RuleField::kEmployer;
  MatchKind kind = MatchKind::kPhrase;
  std::vector<std::string> words;
  std::string catcode;
  int line = 0;
};

// Parses a rules file. Each non-comment line is `field<TAB>pattern<TAB>catcode`, optionally
// followed by `<TAB># comment`; field is status, employer, occupation or org; catcode is a code
// in `categories` or `-`. CRLF is accepted. InvalidArgument naming `source:line` for a wrong
// field count, an unknown field or pattern kind, a pattern with no letters or digits, a
// multi-word `prefix:`, or a catcode absent from `categories` (when `categories` is empty only
// the five-character shape is checked). Thread-safe; keeps no reference to its inputs.
[[nodiscard]] absl::StatusOr<std::vector<IndustryRule>> ParseIndustryRules(
    std::string_view text, std::string_view source, std::span<const CrpCategory> categories);

// The code chosen for one input, and the rule that chose it (for explaining a result).
struct Classification {
  std::string catcode;
  int rule_line = 0;
  RuleField field = RuleField::kEmployer;
};

// Precompiled rules. Within one field the most specific matching rule wins: the one matching
// the most words (a prefix counts as one), then an exact rule over the others, then the earliest
// line; so a user adds a longer phrase to override a broad word rule without reordering the
// file, and orders one-word rules by putting the stronger first. Matching costs a few hash
// lookups per word of input, independent of the number of rules.
//
// Thread-safe for concurrent Classify calls after Create. Movable, not copyable.
class IndustryClassifier {
 public:
  // Builds the lookup tables. InvalidArgument when two rules have the same field, kind and
  // words but different catcodes (the message names both lines).
  [[nodiscard]] static absl::StatusOr<IndustryClassifier> Create(std::vector<IndustryRule> rules);

  IndustryClassifier(IndustryClassifier&&) = default;
  IndustryClassifier& operator=(IndustryClassifier&&) = default;
  IndustryClassifier(const IndustryClassifier&) = delete;
  IndustryClassifier& operator=(const IndustryClassifier&) = delete;

  // Codes an individual donor, in OpenSecrets' order: status rules (occupation text, then
  // employer text), then employer rules, then occupation rules. A field whose best rule is `-`
  // yields nothing and the next is tried. nullopt when nothing codes the donor.
  [[nodiscard]] std::optional<Classification> Classify(std::string_view employer,
                                                       std::string_view occupation) const;

  // Codes a committee by its connected organization or name: org rules, then employer rules.
  [[nodiscard]] std::optional<Classification> ClassifyOrganization(std::string_view name) const;

  [[nodiscard]] size_t rule_count() const { return rules_.size(); }

 private:
  struct FieldIndex {
    // Whole normalized text ("N A") -> rule index.
    absl::flat_hash_map<std::string, size_t> exact;
    // First word -> indices of phrase rules starting with it.
    absl::flat_hash_map<std::string, std::vector<size_t>> phrase;
    // Stem -> rule index; stem_lengths lists the distinct stem lengths to probe.
    absl::flat_hash_map<std::string, size_t> prefix;
    std::vector<size_t> stem_lengths;
  };

  explicit IndustryClassifier(std::vector<IndustryRule> rules) : rules_(std::move(rules)) {}

  // Best rule of `field` for `text`, including `-` rules; nullopt when none matches.
  [[nodiscard]] std::optional<size_t> BestRule(RuleField field, std::string_view text) const;
  // Like BestRule but maps `-` to nullopt and builds the result.
  [[nodiscard]] std::optional<Classification> Code(RuleField field, std::string_view text) const;

  std::vector<IndustryRule> rules_;
  std::vector<FieldIndex> fields_;  // indexed by RuleField
};

// The rules-file name of a field ("employer"), for messages and explanations.
[[nodiscard]] std::string_view RuleFieldName(RuleField field);

}  // namespace downballot::money
