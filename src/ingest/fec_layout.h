// The column layouts of the FEC bulk files (cn, cm, ccl, itcont, itpas2, itoth, weball/webl) and
// how their published file names map to a layout; field notes in docs/formats.md.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace downballot::ingest {

// One kind per FEC bulk layout. weball (all candidates) and webl (House/Senate current
// campaigns) share kCandidateSummary; itcont, itpas2 and itoth are the three Schedule A files.
enum class FecFileKind {
  kCandidates,               // cn.txt
  kCommittees,               // cm.txt
  kLinkages,                 // ccl.txt
  kIndividualContributions,  // itcont.txt (indivYY.zip)
  kCommitteeToCandidate,     // itpas2.txt (pas2YY.zip)
  kCommitteeToCommittee,     // itoth.txt (othYY.zip)
  kCandidateSummary,         // weballYY.txt, weblYY.txt
};

// Column names in FEC order, as in the FEC's *_header_file.csv files (the 2019-20 data
// dictionary). weball/webl ship without a header file: theirs is the "all candidates" layout
// of https://www.fec.gov/campaign-finance-data/all-candidates-file-description/.
inline constexpr std::array<std::string_view, 15> kCandidateColumns = {"CAND_ID",
                                                                       "CAND_NAME",
                                                                       "CAND_PTY_AFFILIATION",
                                                                       "CAND_ELECTION_YR",
                                                                       "CAND_OFFICE_ST",
                                                                       "CAND_OFFICE",
                                                                       "CAND_OFFICE_DISTRICT",
                                                                       "CAND_ICI",
                                                                       "CAND_STATUS",
                                                                       "CAND_PCC",
                                                                       "CAND_ST1",
                                                                       "CAND_ST2",
                                                                       "CAND_CITY",
                                                                       "CAND_ST",
                                                                       "CAND_ZIP"};
inline constexpr std::array<std::string_view, 15> kCommitteeColumns = {"CMTE_ID",
                                                                       "CMTE_NM",
                                                                       "TRES_NM",
                                                                       "CMTE_ST1",
                                                                       "CMTE_ST2",
                                                                       "CMTE_CITY",
                                                                       "CMTE_ST",
                                                                       "CMTE_ZIP",
                                                                       "CMTE_DSGN",
                                                                       "CMTE_TP",
                                                                       "CMTE_PTY_AFFILIATION",
                                                                       "CMTE_FILING_FREQ",
                                                                       "ORG_TP",
                                                                       "CONNECTED_ORG_NM",
                                                                       "CAND_ID"};
inline constexpr std::array<std::string_view, 7> kLinkageColumns = {
    "CAND_ID", "CAND_ELECTION_YR", "FEC_ELECTION_YR", "CMTE_ID",
    "CMTE_TP", "CMTE_DSGN",        "LINKAGE_ID"};
// itcont and itoth.
inline constexpr std::array<std::string_view, 21> kContributionColumns = {
    "CMTE_ID",    "AMNDT_IND",      "RPT_TP",          "TRANSACTION_PGI",
    "IMAGE_NUM",  "TRANSACTION_TP", "ENTITY_TP",       "NAME",
    "CITY",       "STATE",          "ZIP_CODE",        "EMPLOYER",
    "OCCUPATION", "TRANSACTION_DT", "TRANSACTION_AMT", "OTHER_ID",
    "TRAN_ID",    "FILE_NUM",       "MEMO_CD",         "MEMO_TEXT",
    "SUB_ID"};
// itpas2: the contribution layout with CAND_ID after OTHER_ID.
inline constexpr std::array<std::string_view, 22> kCommitteeToCandidateColumns = {
    "CMTE_ID",    "AMNDT_IND",      "RPT_TP",          "TRANSACTION_PGI",
    "IMAGE_NUM",  "TRANSACTION_TP", "ENTITY_TP",       "NAME",
    "CITY",       "STATE",          "ZIP_CODE",        "EMPLOYER",
    "OCCUPATION", "TRANSACTION_DT", "TRANSACTION_AMT", "OTHER_ID",
    "CAND_ID",    "TRAN_ID",        "FILE_NUM",        "MEMO_CD",
    "MEMO_TEXT",  "SUB_ID"};
inline constexpr std::array<std::string_view, 30> kCandidateSummaryColumns = {
    "CAND_ID",
    "CAND_NAME",
    "CAND_ICI",
    "PTY_CD",
    "CAND_PTY_AFFILIATION",
    "TTL_RECEIPTS",
    "TRANS_FROM_AUTH",
    "TTL_DISB",
    "TRANS_TO_AUTH",
    "COH_BOP",
    "COH_COP",
    "CAND_CONTRIB",
    "CAND_LOANS",
    "OTHER_LOANS",
    "CAND_LOAN_REPAY",
    "OTHER_LOAN_REPAY",
    "DEBTS_OWED_BY",
    "TTL_INDIV_CONTRIB",
    "CAND_OFFICE_ST",
    "CAND_OFFICE_DISTRICT",
    "SPEC_ELECTION",
    "PRIM_ELECTION",
    "RUN_ELECTION",
    "GEN_ELECTION",
    "GEN_ELECTION_PRECENT",
    "OTHER_POL_CMTE_CONTRIB",
    "POL_PTY_CONTRIB",
    "CVG_END_DT",
    "INDIV_REFUNDS",
    "CMTE_REFUNDS"};

// Returns the column names of `kind` in file order; the span views static storage.
[[nodiscard]] std::span<const std::string_view> FecColumns(FecFileKind kind);

// Returns the number of '|'-separated fields a line of `kind` has (the size of FecColumns).
[[nodiscard]] size_t FecFieldCount(FecFileKind kind);

// Returns the index of column `name` in `columns`, or N when there is none. Meant for constant
// expressions in parsers: `constexpr size_t kAmt = FecColumnIndex(kContributionColumns,
// "TRANSACTION_AMT"); static_assert(kAmt < 21);` catches a misspelt name at compile time.
template <size_t N>
[[nodiscard]] constexpr size_t FecColumnIndex(const std::array<std::string_view, N>& columns,
                                              std::string_view name) {
  for (size_t idx = 0; idx < N; ++idx) {
    if (columns[idx] == name) return idx;
  }
  return N;
}

// Returns the kind of an FEC bulk file from its name (the last component of `file_name`,
// compared case-insensitively), or nullopt for any other name. Text files: cn.txt, cm.txt,
// ccl.txt, itcont.txt (and the FEC's by-date splits itcont_*.txt), itpas2.txt, itoth.txt,
// weballYY.txt, weblYY.txt; the master files may carry the two cycle digits too (cn20.txt).
// Zips map to the kind of the member the FEC ships in them: cnYY.zip, cmYY.zip, cclYY.zip,
// indivYY.zip (itcont), pas2YY.zip (itpas2), othYY.zip (itoth), weballYY.zip, weblYY.zip.
// webk (PAC summary), oppexp and the rest are not FEC kinds downballot reads: nullopt.
// Pure and thread-safe.
[[nodiscard]] std::optional<FecFileKind> FecFileKindFromName(std::string_view file_name);

// Returns the election cycle (the even year ending the two-year period) named by the two
// digits in an FEC bulk name: "weball20.txt" and "indiv20.zip" -> 2020, "cn98.zip" -> 1998
// (FEC bulk data starts with 1980, so 80-99 are 19xx). nullopt when the name has no such digits
// ("cn.txt", "itcont.txt") or they are odd (not an FEC cycle). Pure and thread-safe.
[[nodiscard]] std::optional<int> FecCycleFromName(std::string_view file_name);

// "fec_candidates", "fec_committees", "fec_linkages", "fec_individual_contributions",
// "fec_committee_to_candidate", "fec_committee_to_committee", "fec_candidate_summary": the
// names FileReport::kind and source_file.kind use.
[[nodiscard]] std::string_view ToString(FecFileKind kind);

}  // namespace downballot::ingest
