#include "ingest/fec_layout.h"

#include <string>

#include "base/strings.h"

namespace downballot::ingest {
namespace {

enum class CycleDigits { kNone, kOptional, kRequired };

struct NamePattern {
  std::string_view stem;
  std::string_view extension;
  CycleDigits digits;
  FecFileKind kind;
};

// The names of https://www.fec.gov/data/browse-data/?tab=bulk-data: zips carry the cycle
// digits, the text members inside them mostly do not (indiv20.zip holds itcont.txt), except
// weball/webl. Digits are also accepted on the master text files because users who unzip
// several cycles into one folder tend to keep them apart that way.
constexpr NamePattern kNamePatterns[] = {
    {"cn", ".txt", CycleDigits::kOptional, FecFileKind::kCandidates},
    {"cm", ".txt", CycleDigits::kOptional, FecFileKind::kCommittees},
    {"ccl", ".txt", CycleDigits::kOptional, FecFileKind::kLinkages},
    {"itcont", ".txt", CycleDigits::kNone, FecFileKind::kIndividualContributions},
    {"itpas2", ".txt", CycleDigits::kNone, FecFileKind::kCommitteeToCandidate},
    {"itoth", ".txt", CycleDigits::kNone, FecFileKind::kCommitteeToCommittee},
    {"weball", ".txt", CycleDigits::kOptional, FecFileKind::kCandidateSummary},
    {"webl", ".txt", CycleDigits::kOptional, FecFileKind::kCandidateSummary},
    {"cn", ".zip", CycleDigits::kRequired, FecFileKind::kCandidates},
    {"cm", ".zip", CycleDigits::kRequired, FecFileKind::kCommittees},
    {"ccl", ".zip", CycleDigits::kRequired, FecFileKind::kLinkages},
    {"indiv", ".zip", CycleDigits::kRequired, FecFileKind::kIndividualContributions},
    {"pas2", ".zip", CycleDigits::kRequired, FecFileKind::kCommitteeToCandidate},
    {"oth", ".zip", CycleDigits::kRequired, FecFileKind::kCommitteeToCommittee},
    {"weball", ".zip", CycleDigits::kRequired, FecFileKind::kCandidateSummary},
    {"webl", ".zip", CycleDigits::kRequired, FecFileKind::kCandidateSummary},
};

// Since 2019 indivYY.zip also holds itcont.txt split by date: itcont_2020_20190101_20190331.txt.
constexpr std::string_view kItcontSplitPrefix = "itcont_";

constexpr int kCycleDigitCount = 2;
// FEC bulk data begins with the 1979-80 cycle, so "80".."99" are 1980..1998.
constexpr int kFirstCenturyCycle = 80;

struct NameMatch {
  FecFileKind kind;
  std::string_view digits;  // "" or two digits, viewing into the caller's lowered name
};

bool IsTwoDigits(std::string_view text) {
  return text.size() == kCycleDigitCount &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<NameMatch> MatchName(std::string_view lowered_name) {
  if (lowered_name.starts_with(kItcontSplitPrefix) && lowered_name.ends_with(".txt")) {
    return NameMatch{FecFileKind::kIndividualContributions, ""};
  }
  for (const NamePattern& pattern : kNamePatterns) {
    if (!lowered_name.starts_with(pattern.stem) || !lowered_name.ends_with(pattern.extension)) {
      continue;
    }
    const std::string_view rest = lowered_name.substr(
        pattern.stem.size(), lowered_name.size() - pattern.stem.size() - pattern.extension.size());
    const bool is_match = rest.empty() ? pattern.digits != CycleDigits::kRequired
                                       : pattern.digits != CycleDigits::kNone && IsTwoDigits(rest);
    if (is_match) return NameMatch{pattern.kind, rest};
  }
  return std::nullopt;
}

}  // namespace

std::span<const std::string_view> FecColumns(FecFileKind kind) {
  switch (kind) {
    case FecFileKind::kCandidates:
      return kCandidateColumns;
    case FecFileKind::kCommittees:
      return kCommitteeColumns;
    case FecFileKind::kLinkages:
      return kLinkageColumns;
    case FecFileKind::kIndividualContributions:
    case FecFileKind::kCommitteeToCommittee:
      return kContributionColumns;
    case FecFileKind::kCommitteeToCandidate:
      return kCommitteeToCandidateColumns;
    case FecFileKind::kCandidateSummary:
      return kCandidateSummaryColumns;
  }
  return {};
}

size_t FecFieldCount(FecFileKind kind) { return FecColumns(kind).size(); }

std::optional<FecFileKind> FecFileKindFromName(std::string_view file_name) {
  const std::string lowered = base::ToLower(base::BaseName(file_name));
  const std::optional<NameMatch> match = MatchName(lowered);
  if (!match.has_value()) return std::nullopt;
  return match->kind;
}

std::optional<int> FecCycleFromName(std::string_view file_name) {
  const std::string lowered = base::ToLower(base::BaseName(file_name));
  const std::optional<NameMatch> match = MatchName(lowered);
  if (!match.has_value() || match->digits.empty()) return std::nullopt;
  const int two_digits = (match->digits[0] - '0') * 10 + (match->digits[1] - '0');
  if (two_digits % 2 != 0) return std::nullopt;
  return two_digits >= kFirstCenturyCycle ? 1900 + two_digits : 2000 + two_digits;
}

std::string_view ToString(FecFileKind kind) {
  switch (kind) {
    case FecFileKind::kCandidates:
      return "fec_candidates";
    case FecFileKind::kCommittees:
      return "fec_committees";
    case FecFileKind::kLinkages:
      return "fec_linkages";
    case FecFileKind::kIndividualContributions:
      return "fec_individual_contributions";
    case FecFileKind::kCommitteeToCandidate:
      return "fec_committee_to_candidate";
    case FecFileKind::kCommitteeToCommittee:
      return "fec_committee_to_committee";
    case FecFileKind::kCandidateSummary:
      return "fec_candidate_summary";
  }
  return "fec_unknown";
}

}  // namespace downballot::ingest
