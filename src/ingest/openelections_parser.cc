#include "ingest/openelections_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "base/text_encoding.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/office_normalizer.h"
#include "ingest/party_normalizer.h"
#include "ingest/pseudo_row_classifier.h"
#include "ingest/results_file_name.h"
#include "ingest/text_input.h"

namespace downballot::ingest {
namespace {

// Largest vote count accepted from a float cell; every integer below 2^53 is exact in a double.
constexpr double kMaxFloatVotes = 9007199254740992.0;

constexpr size_t kNoColumn = static_cast<size_t>(-1);

// Where each column the parser reads sits in the header.
struct Layout {
  size_t num_fields = 0;
  size_t county = kNoColumn;
  size_t precinct = kNoColumn;
  size_t office = kNoColumn;
  size_t district = kNoColumn;
  size_t party = kNoColumn;
  size_t candidate = kNoColumn;
  size_t votes = kNoColumn;
  size_t assembly_district = kNoColumn;
  std::vector<std::pair<std::string, size_t>> vote_modes;  // summed when there is no votes column

  // The last column a row must have for the parser to read everything it needs from it.
  [[nodiscard]] size_t LastNeeded() const {
    size_t last = 0;
    for (const size_t column :
         {county, precinct, office, district, party, candidate, votes, assembly_district}) {
      if (column != kNoColumn) last = std::max(last, column);
    }
    if (votes == kNoColumn) {
      for (const auto& mode : vote_modes) last = std::max(last, mode.second);
    }
    return last;
  }
};

// "Election Day" and "election-day" are the same header as "election_day".
std::string HeaderKey(std::string_view name) {
  std::string key = base::ToLower(base::CollapseSpaces(name));
  for (char& c : key) {
    if (c == ' ' || c == '-') c = '_';
  }
  return key;
}

// Columns holding one way of voting (per candidate) that add up to the votes column.
// `public_counter_votes` is left out on purpose: NYC's public counter counts ballots in the
// precinct, repeated on every candidate's row, not votes for the candidate.
bool IsVoteModeColumn(const std::string& key) {
  for (const std::string_view mode :
       {"election_day", "absentee", "affidavit", "military", "federal", "uocava", "early_voting",
        "early_vote", "early", "provisional", "mail", "mail_in", "machine", "absentee_affidavit",
        "absentee_military", "emergency", "in_person", "polling_place", "overseas"}) {
    if (key == mode) return true;
  }
  if (key == "public_counter_votes" || key == "total_votes") return false;
  return key.ends_with("_paper") || key.ends_with("_votes");
}

std::string Quoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += fmt::format("'{}'", name);
  }
  return out;
}

absl::StatusOr<Layout> MapHeader(std::string_view path, const Record& header) {
  Layout layout;
  layout.num_fields = header.fields.size();
  std::vector<std::string> found;
  for (size_t column = 0; column < header.fields.size(); ++column) {
    const std::string key = HeaderKey(header.fields[column]);
    found.push_back(key);
    const auto assign = [&](size_t& slot) {
      if (slot == kNoColumn) slot = column;
    };
    if (key == "county") {
      assign(layout.county);
    } else if (key == "precinct") {
      assign(layout.precinct);
    } else if (key == "office") {
      assign(layout.office);
    } else if (key == "district") {
      assign(layout.district);
    } else if (key == "party") {
      assign(layout.party);
    } else if (key == "candidate") {
      assign(layout.candidate);
    } else if (key == "votes") {
      assign(layout.votes);
    } else if (key == "assembly_district") {
      assign(layout.assembly_district);
    } else if (IsVoteModeColumn(key)) {
      layout.vote_modes.emplace_back(key, column);
    }
  }
  std::vector<std::string> missing;
  if (layout.office == kNoColumn) missing.emplace_back("office");
  if (layout.candidate == kNoColumn) missing.emplace_back("candidate");
  if (layout.votes == kNoColumn && layout.vote_modes.empty()) missing.emplace_back("votes");
  if (missing.empty()) return layout;

  std::string hint;
  if (header.fields.size() == 1) {
    const std::string& line = header.fields[0];
    for (const auto& [delimiter, name] :
         {std::pair<char, std::string_view>{';', "';'"}, {'\t', "tabs"}, {'|', "'|'"}}) {
      if (line.find(delimiter) != std::string::npos) {
        hint = fmt::format("; the file looks delimited by {}, not commas", name);
        break;
      }
    }
  }
  return absl::InvalidArgumentError(fmt::format(
      "{}:{}: header has no {} column{} (a 'votes' column or a vote-mode column such "
      "as 'election_day' is needed; found {}){}",
      path, header.line, Quoted(missing), missing.size() == 1 ? "" : "s", Quoted(found), hint));
}

// A vote cell: "3,437" (thousands separators), "12.0" (float exports) and "12" are all 12-ish
// integers; nullopt for an empty cell; InvalidArgument whose message is the reject reason.
absl::StatusOr<std::optional<int64_t>> ParseVoteCell(std::string_view column,
                                                     std::string_view raw) {
  const std::string_view text = base::Trim(raw);
  if (text.empty()) return std::optional<int64_t>();
  std::string digits;
  // Thousands separators are only accepted in groups of three, so "1,2" is not 12.
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  if (whole.find(',') != std::string_view::npos) {
    const auto groups = base::Split(whole, ',');
    bool is_grouped = !groups.front().empty() && groups.front().size() <= 3;
    for (size_t idx = 1; idx < groups.size(); ++idx)
      is_grouped = is_grouped && groups[idx].size() == 3;
    if (!is_grouped) {
      return absl::InvalidArgumentError(fmt::format("{} '{}' is not a number", column, text));
    }
    for (const std::string_view group : groups) digits += group;
    if (dot != std::string_view::npos) digits += text.substr(dot);
  } else {
    digits = text;
  }
  int64_t votes = 0;
  if (const auto integer = base::ParseInt(digits)) {
    votes = *integer;
  } else if (const auto number = base::ParseDouble(digits);
             number && std::isfinite(*number) && std::fabs(*number) < kMaxFloatVotes) {
    if (std::floor(*number) != *number) {
      return absl::InvalidArgumentError(fmt::format("{} '{}' is not a whole number", column, text));
    }
    votes = static_cast<int64_t>(*number);
  } else {
    return absl::InvalidArgumentError(fmt::format("{} '{}' is not a number", column, text));
  }
  if (votes < 0)
    return absl::InvalidArgumentError(fmt::format("{} '{}' is negative", column, text));
  return std::optional<int64_t>(votes);
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// County or precinct names such as "Total", "Statewide Total", "City of Buffalo Total" and
// "TOTAL COUNTY WIDE" mark rows that add up other rows of the same file. Runs on every row, so
// it allocates nothing.
bool NamesATotal(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !IsAlnum(text[start])) ++start;
    size_t end = start;
    while (end < text.size() && IsAlnum(text[end])) ++end;
    const std::string_view word = text.substr(start, end - start);
    if (base::EqualsIgnoreCase(word, "total") || base::EqualsIgnoreCase(word, "totals") ||
        base::EqualsIgnoreCase(word, "subtotal")) {
      return true;
    }
    start = end;
  }
  return false;
}

// base::CollapseSpaces, without its copy-by-byte when the text is already clean (most cells).
std::string Clean(std::string_view text) {
  bool is_clean = text.empty() || (text.front() != ' ' && text.back() != ' ');
  for (size_t pos = 0; is_clean && pos < text.size(); ++pos) {
    const char c = text[pos];
    is_clean = !(c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
                 static_cast<unsigned char>(c) == 0xC2 ||
                 (c == ' ' && pos + 1 < text.size() && text[pos + 1] == ' '));
  }
  return is_clean ? std::string(text) : base::CollapseSpaces(text);
}

// "Ronald Castorina Jr. (Conservative)" -> "Ronald Castorina Jr." and "CON": some NYC exports
// repeat the party line in the name, which would split one candidate in two.
std::pair<std::string, std::string> SplitPartySuffix(const std::string& name) {
  if (name.empty() || name.back() != ')') return {name, ""};
  const size_t open = name.rfind('(');
  if (open == std::string::npos || open == 0) return {name, ""};
  const std::string inner = name.substr(open + 1, name.size() - open - 2);
  if (!IsKnownParty(inner)) return {name, ""};
  return {std::string(base::Trim(std::string_view(name).substr(0, open))), NormalizeParty(inner)};
}

struct OfficeInfo {
  std::string text;  // the office cell with spacing collapsed
  NormalizedOffice seat;
  std::optional<model::RowKind> label_kind;  // set when the office cell is a turnout label
  std::string label_party;                   // the party such a label names, if any
};

struct CountyInfo {
  std::string name;
  bool is_total = false;
};

struct PartyInfo {
  std::string code;
  bool is_write_in = false;
};

struct NameInfo {
  std::string name;  // the cell with spacing collapsed
  model::RowKind kind = model::RowKind::kCandidate;
  std::string bare_name;  // without a "(Conservative)" suffix
  std::string party;      // the party that suffix or a pseudo label names
};

// Lets the caches look up a std::string_view cell without building a std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

class Parser {
 public:
  Parser(std::string_view path, model::ResultFileInfo info, model::FileReport& report)
      : path_(path), info_(std::move(info)), report_(report) {}

  absl::StatusOr<std::vector<model::ResultRow>> Run(std::string_view text) {
    // Rows of the NY files average about 60 bytes (the densest about 50); reserving avoids
    // moving hundreds of thousands of rows as the vector grows.
    constexpr size_t kTypicalRowBytes = 50;
    rows_.reserve(text.size() / kTypicalRowBytes);
    DelimitedReader reader(text, {});
    Record record;
    ASSIGN_OR_RETURN(const bool has_header, Next(reader, record));
    if (!has_header) return absl::InvalidArgumentError(fmt::format("{}:1: file is empty", path_));
    ASSIGN_OR_RETURN(layout_, MapHeader(path_, record));
    if (layout_.votes == kNoColumn) {
      std::string modes;
      for (const auto& [name, column] : layout_.vote_modes) {
        if (!modes.empty()) modes += "+";
        modes += name;
      }
      report_.notes.push_back(fmt::format("no 'votes' column: summed {}", modes));
    }
    while (true) {
      ASSIGN_OR_RETURN(const bool has_record, Next(reader, record));
      if (!has_record) break;
      ++report_.rows_read;
      RETURN_IF_ERROR(ParseRecord(record));
    }
    MarkDistrictTotals();
    AddNotes();
    return std::move(rows_);
  }

 private:
  absl::StatusOr<bool> Next(DelimitedReader& reader, Record& record) {
    auto has_record = reader.Next(record);
    if (!has_record.ok()) return ReaderErrorAt(path_, record, has_record.status());
    return *has_record;
  }

  std::string_view Field(const Record& record, size_t column) const {
    if (column == kNoColumn || column >= record.fields.size()) return {};
    return record.fields[column];
  }

  absl::Status ParseRecord(const Record& record) {
    const size_t num_fields = record.fields.size();
    if (num_fields < layout_.num_fields && !record.ends_with_newline) {
      return absl::InvalidArgumentError(fmt::format(
          "{}:{}: file is truncated: the last record has {} of {} fields and no line break", path_,
          record.line, num_fields, layout_.num_fields));
    }
    if (num_fields > layout_.num_fields) {
      bool are_extras_empty = true;
      for (size_t column = layout_.num_fields; column < num_fields; ++column) {
        are_extras_empty = are_extras_empty && base::Trim(record.fields[column]).empty();
      }
      if (!are_extras_empty) return RejectFieldCount(record);
      ++num_trailing_empty_;
    } else if (num_fields < layout_.num_fields) {
      // The 2016 Richmond Republican primary drops the trailing affidavit_votes cell whenever it
      // is zero; a record short only of columns the parser does not read loses nothing.
      if (num_fields <= layout_.LastNeeded()) return RejectFieldCount(record);
      ++num_short_;
    }

    // Built in place: moving a row of a dozen strings costs more than filling it.
    model::ResultRow& row = rows_.emplace_back();
    row.line = record.line;
    row.office_raw = std::string(Field(record, layout_.office));
    const bool is_county_total = SetPlace(record, row);
    const OfficeInfo& office = Office(row.office_raw, Field(record, layout_.district), row.county);
    if (office.text.empty()) return RejectRow(record.line, "office", "office is empty");
    row.office = office.seat.office;
    row.district = office.seat.district;
    row.level = office.seat.level;
    row.jurisdiction = office.seat.jurisdiction;

    row.party_raw = std::string(Field(record, layout_.party));
    const PartyInfo& party = Party(row.party_raw);
    row.party = party.code;
    if (row.party.empty()) row.party = office.seat.party_from_office;

    const std::string_view name_cell = Field(record, layout_.candidate);
    const NameInfo& name = Name(name_cell);
    if (office.label_kind) {
      // "Ballots Cast" / "Registered Voters" in the office column: a turnout figure for the
      // whole election (office ""), usually with no candidate; the label becomes the name.
      const bool is_pseudo_name = !name.name.empty() && name.kind != model::RowKind::kCandidate;
      row.kind = is_pseudo_name ? name.kind : *office.label_kind;
      row.candidate = is_pseudo_name ? name.name : office.text;
      if (row.party.empty()) row.party = is_pseudo_name ? name.party : office.label_party;
    } else if (name.name.empty()) {
      // 14 rows of the NYC 2018 general have an office and district but no candidate, party or
      // votes: nothing to count and nothing to name.
      return RejectRow(record.line, "candidate", "candidate is empty");
    } else {
      row.kind = name.kind;
      row.candidate = name.bare_name;
      if (row.party.empty()) row.party = name.party;
      // Westchester writes write-in votes for named people with party "WRITE-IN" / "wri".
      if (row.kind == model::RowKind::kCandidate && party.is_write_in) {
        row.kind = model::RowKind::kWriteIn;
      }
    }
    if (row.party.empty()) row.party = info_.party;

    const bool is_total = is_county_total || NamesATotal(Field(record, layout_.precinct));
    if (is_total) row.kind = model::RowKind::kTotalVotes;

    auto votes_ok = Votes(record, row);
    if (!votes_ok.ok()) {
      return RejectRow(record.line, std::string(votes_field_),
                       std::string(votes_ok.message().data(), votes_ok.message().size()));
    }
    if (is_total) ++num_total_rows_;
    return absl::OkStatus();
  }

  // Drops the row under construction (the last one) and records why.
  absl::Status RejectRow(int64_t line, std::string field, std::string reason) {
    rows_.pop_back();
    report_.Reject(line, std::move(field), std::move(reason));
    return absl::OkStatus();
  }

  absl::Status RejectFieldCount(const Record& record) {
    report_.Reject(
        record.line, "",
        fmt::format("expected {} fields, got {}", layout_.num_fields, record.fields.size()));
    return absl::OkStatus();
  }

  std::string Precinct(const Record& record) const {
    std::string precinct = Clean(Field(record, layout_.precinct));
    if (layout_.assembly_district == kNoColumn) return precinct;
    const std::string assembly = Clean(Field(record, layout_.assembly_district));
    if (assembly.empty()) return precinct;
    // NYC election districts are numbered within an Assembly district; the other NYC files
    // write the pair as "ED/AD" with a three-digit ED ("023/77"), so these match them.
    if (const auto ed = base::ParseInt(precinct); ed && *ed >= 0) {
      return fmt::format("{:03}/{}", *ed, assembly);
    }
    return fmt::format("{}/{}", precinct, assembly);
  }

  // Sets row.county (the file name's county when the cell is empty) and row.precinct; returns
  // whether the county cell names a total ("Total", "Statewide Total").
  bool SetPlace(const Record& record, model::ResultRow& row) {
    const std::string_view county_cell = Field(record, layout_.county);
    auto it = counties_.find(county_cell);
    if (it == counties_.end()) {
      const std::string cleaned = Clean(county_cell);
      CountyInfo county{cleaned.empty() ? info_.county : NormalizeCountyName(cleaned),
                        NamesATotal(cleaned)};
      it = counties_.emplace(std::string(county_cell), std::move(county)).first;
    }
    row.county = it->second.name;
    row.precinct = Precinct(record);
    return it->second.is_total;
  }

  // The office normalised once per distinct office, district and county.
  const OfficeInfo& Office(const std::string& office_raw, std::string_view district_raw,
                           const std::string& county) {
    std::string& key = office_key_;  // reused: no allocation per row once warm
    key.assign(office_raw);
    key.push_back('\x1f');
    key.append(district_raw);
    key.push_back('\x1f');
    key += county;
    auto it = offices_.find(key);
    if (it == offices_.end()) {
      OfficeInfo office;
      office.text = Clean(office_raw);
      office.seat = NormalizeOffice(office_raw, district_raw, county);
      office.label_kind = ClassifyOfficeLabel(office.text);
      if (office.label_kind) office.label_party = PartyFromText(office.text);
      it = offices_.emplace(key, std::move(office)).first;
    }
    return it->second;
  }

  const PartyInfo& Party(const std::string& party_raw) {
    auto it = parties_.find(party_raw);
    if (it == parties_.end()) {
      it = parties_
               .emplace(party_raw,
                        PartyInfo{NormalizeParty(party_raw), IsWriteInPartyLabel(party_raw)})
               .first;
    }
    return it->second;
  }

  const NameInfo& Name(std::string_view cell) {
    auto it = names_.find(cell);
    if (it == names_.end()) {
      NameInfo name;
      name.name = Clean(cell);
      name.kind = name.name.empty() ? model::RowKind::kCandidate : ClassifyCandidate(name.name);
      if (name.kind == model::RowKind::kCandidate) {
        std::tie(name.bare_name, name.party) = SplitPartySuffix(name.name);
      } else {
        name.bare_name = name.name;
        name.party = PartyFromText(name.name);
      }
      it = names_.emplace(std::string(cell), std::move(name)).first;
    }
    return it->second;
  }

  // Sets row.votes from the votes cell, or from the vote-mode cells when the file has no votes
  // column (or the votes cell is empty and the modes are not). The status message is the
  // reject reason; votes_field_ names the column at fault.
  absl::Status Votes(const Record& record, model::ResultRow& row) {
    if (layout_.votes != kNoColumn) {
      votes_field_ = "votes";
      auto votes = ParseVoteCell("votes", Field(record, layout_.votes));
      if (!votes.ok()) return votes.status();
      if (votes->has_value()) {
        row.votes = **votes;
        return absl::OkStatus();
      }
    }
    bool has_mode_value = false;
    int64_t total = 0;
    for (const auto& [name, column] : layout_.vote_modes) {
      votes_field_ = name;
      auto votes = ParseVoteCell(name, Field(record, column));
      if (!votes.ok()) {
        if (layout_.votes != kNoColumn) continue;  // only informative beside a votes column
        return votes.status();
      }
      if (!votes->has_value()) continue;
      has_mode_value = true;
      total += **votes;
    }
    if (has_mode_value) {
      row.votes = total;
      if (layout_.votes != kNoColumn) ++num_votes_from_modes_;
      return absl::OkStatus();
    }
    row.votes = 0;
    row.is_votes_missing = true;
    ++num_missing_votes_;
    return absl::OkStatus();
  }

  // Statewide county files end each contest with a row whose county is empty: the district
  // total of the county rows above it (2016-06-28 U.S. House, 2016-09-13 legislature).
  void MarkDistrictTotals() {
    if (!info_.county.empty()) return;
    using Contest = std::tuple<std::string, std::string, std::string, std::string>;
    std::set<Contest> with_county;
    for (const model::ResultRow& row : rows_) {
      if (!row.county.empty()) {
        with_county.emplace(row.office_raw, row.district, row.party, row.candidate);
      }
    }
    for (model::ResultRow& row : rows_) {
      if (!row.county.empty() || row.kind == model::RowKind::kTotalVotes) continue;
      if (with_county.contains({row.office_raw, row.district, row.party, row.candidate})) {
        row.kind = model::RowKind::kTotalVotes;
        ++num_total_rows_;
      }
    }
  }

  void AddNotes() {
    if (num_total_rows_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows add up other rows of the file (a county or precinct named 'Total', or a "
          "district total with no county): kept as total_votes so no vote counts twice",
          num_total_rows_));
    }
    if (num_short_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} records lack trailing columns the parser does not read: accepted", num_short_));
    }
    if (num_trailing_empty_ > 0) {
      report_.notes.push_back(fmt::format("{} records have empty fields past the header: ignored",
                                          num_trailing_empty_));
    }
    if (num_missing_votes_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows have no vote count: stored as 0 votes, marked missing", num_missing_votes_));
    }
    if (num_votes_from_modes_ > 0) {
      report_.notes.push_back(
          fmt::format("{} rows with an empty votes cell: summed their vote-mode columns",
                      num_votes_from_modes_));
    }
  }

  std::string_view path_;
  model::ResultFileInfo info_;
  model::FileReport& report_;
  Layout layout_;
  std::vector<model::ResultRow> rows_;
  // Caches: files repeat a few hundred offices, names and parties over thousands of rows.
  std::unordered_map<std::string, OfficeInfo> offices_;
  std::string office_key_;
  std::unordered_map<std::string, CountyInfo, StringHash, std::equal_to<>> counties_;
  std::unordered_map<std::string, PartyInfo> parties_;
  std::unordered_map<std::string, NameInfo, StringHash, std::equal_to<>> names_;
  std::string_view votes_field_ = "votes";
  int64_t num_total_rows_ = 0;
  int64_t num_short_ = 0;
  int64_t num_trailing_empty_ = 0;
  int64_t num_missing_votes_ = 0;
  int64_t num_votes_from_modes_ = 0;
};

}  // namespace

absl::StatusOr<ParsedResults> ParseOpenElections(std::string_view path, std::string_view bytes,
                                                 model::FileReport& report) {
  if (report.path.empty()) report.path = std::string(path);
  if (report.kind.empty()) report.kind = "openelections";
  ParsedResults parsed;
  ASSIGN_OR_RETURN(parsed.info, ParseResultFileName(path));

  ASSIGN_OR_RETURN(const std::string text, DecodeTextFile(path, bytes, report));
  Parser parser(path, parsed.info, report);
  ASSIGN_OR_RETURN(parsed.rows, parser.Run(text));
  return parsed;
}

}  // namespace downballot::ingest
