// Writes a synthetic FEC itcont file (21 '|'-separated fields, no header, LF, Latin-1) whose
// distributions were measured on the real 2019-20 sample; bench/README.md lists the numbers.
// Deterministic: the same --rows and --seed give the same bytes on every platform (own RNG,
// no std:: distributions, whose output differs between standard libraries).
//
//   itcont_generator --rows 10000000 --out bench/out/itcont_10m.txt [--seed 20200317]
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// ---- measured on fec/cycle2020_jk3587/itcont.txt (70,671 rows) unless marked otherwise ----

// Committees: 960 for 70,671 rows. Receipts per committee follow Zipf-Mandelbrot
// 1/(rank+1.5)^1.2 (least-squares fit of the top-1/2/5/10/20/50/100/200/500 shares
// .089/.164/.306/.435/.524/.651/.759/.863/.974; the fit gives .108/.181/.310/.423/.536/.674/
// .767/.849/.943). A bigger file has more committees: 960 * sqrt(rows / 70,671), a choice
// (about 11,400 at 10M rows; a full cycle has tens of thousands of filers).
constexpr double kZipfExponent = 1.2;
constexpr double kZipfOffset = 1.5;
constexpr double kSampleRows = 70671;
constexpr double kSampleCommittees = 960;
// Rows come grouped by filing: 1,713 runs of one CMTE_ID, mean 41.3 rows.
constexpr double kMeanRunRows = 41.3;
// Donors (exact NAME + ZIP5): 44,926 distinct over 70,579 rows with both = 0.6365 new per row;
// 1.4% of donors give to more than one committee; repeat gifts concentrate on a few donors
// (max 95 rows), which preferential choice of an earlier row reproduces.
constexpr double kNewDonorShare = 0.6365;
constexpr double kCrossCommitteeDonorShare = 0.014;
// ZIP_CODE: 9 digits 74.43%, 5 digits 25.47%, empty 0.098%, odd lengths/foreign 0.0057%.
constexpr double kZip9Share = 0.7443;
constexpr double kZip5Share = 0.2547;
constexpr double kZipEmptyShare = 0.00098;
// TRANSACTION_AMT: 77.8% of rows carry one of 48 popular amounts (table below); the rest
// follow the quantiles of the remaining positive amounts. Negative 85 rows (0.120%), zero 19
// (0.027%). All sample amounts are whole dollars.
constexpr double kNegativeShare = 0.00120;
constexpr double kZeroShare = 0.00027;
constexpr double kPopularAmountShare = 0.7777;
constexpr std::array<std::pair<int, int>, 48> kPopularAmounts = {{
    {250, 7164}, {500, 5933}, {100, 4379}, {208, 2959}, {1000, 2895}, {50, 2729}, {25, 2299},
    {300, 2248}, {15, 1873},  {5, 1708},   {192, 1537}, {416, 1480},  {35, 1476}, {10, 1159},
    {384, 1121}, {104, 1039}, {200, 1017}, {150, 898},  {5000, 891},  {20, 690},  {3, 544},
    {220, 540},  {75, 523},   {125, 518},  {115, 491},  {2500, 474},  {400, 458}, {750, 419},
    {375, 415},  {1500, 372}, {1, 370},    {225, 341},  {210, 333},   {110, 327}, {230, 321},
    {83, 307},   {51, 266},   {380, 247},  {105, 241},  {1250, 234},  {350, 233}, {2, 229},
    {80, 224},   {2000, 220}, {365, 216},  {600, 205},  {275, 198},   {240, 198},
}};
// Quantiles 0, 5, ..., 100% of the other positive amounts, then the 99% and 99.9% points.
constexpr std::array<double, 21> kTailQuantiles = {4,   18,  39,  44,  53,  63,   82,
                                                   101, 116, 130, 147, 170, 202,  228,
                                                   265, 303, 360, 450, 640, 1210, 849000};
constexpr double kTailP99 = 10000;
constexpr double kTailP999 = 59816;
constexpr std::array<int, 11> kNegativeAmounts = {-8530, -2700, -1000, -1000, -500, -500,
                                                  -300,  -250,  -250,  -150,  -50};
// TRANSACTION_TP shares (per 70,671): 15 55,712; 15E 9,449; 22Y 4,858; 10 497; 24T 76; 31 30;
// 32 22; 15C 13; 24I 8; 11 3; 30 2; 20Y 1.
constexpr std::array<std::pair<const char*, int>, 12> kTransactionTypes = {{
    {"15", 55712},
    {"15E", 9449},
    {"22Y", 4858},
    {"10", 497},
    {"24T", 76},
    {"31", 30},
    {"32", 22},
    {"15C", 13},
    {"24I", 8},
    {"11", 3},
    {"30", 2},
    {"20Y", 1},
}};
// ENTITY_TP: IND 99.74%, ORG 0.22%, the rest CAN/PAC/COM/PTY.
constexpr double kOrgShare = 0.0022;
// AMNDT_IND N 69,569 / A 938 / T 164; RPT_TP M2 56,850 / M3 13,644 / TER 175 / M11 2;
// TRANSACTION_PGI P 68,527 / G 2,125 / S 13 / 0 4 / E 2.
constexpr double kAmendedShare = 938.0 / kSampleRows;
constexpr double kTerminatedShare = 164.0 / kSampleRows;
constexpr double kM3Share = 13644.0 / kSampleRows;
constexpr double kGeneralShare = 2125.0 / kSampleRows;
// MEMO_CD X on 226 rows (0.32%). MEMO_TEXT: 15E rows "* EARMARKED CONTRIBUTION: SEE BELOW"
// 5,712 or "... EARMARKED THROUGH ACTBLUE" 3,401 of 9,449; other rows 8,447 texts, mostly
// payroll deductions. OTHER_ID is set on 15E rows (the conduit) and 96 others.
constexpr double kMemoShare = 226.0 / kSampleRows;
constexpr double kOtherMemoTextShare = 8447.0 / (kSampleRows - 9449);
// EMPLOYER empty on 9.2% of rows, OCCUPATION on 9.0%; RETIRED leads both.
constexpr double kEmptyEmployerShare = 0.092;
// Transaction dates: 2019 for 99.8% of rows, 2018 otherwise.
constexpr double kPriorYearShare = 0.0022;

// ---- not in the sample, injected on purpose so the benchmark exercises every rule ----
// The sample is all-ASCII with no quotes in NAME, but production itcont files carry Latin-1
// names, and cn.txt shows nicknames in double quotes on 17 of 3,937 names (0.43%).
constexpr double kQuotedNicknameShare = 0.0043;
constexpr double kLatin1NameShare = 0.001;    // a choice
constexpr double kCentsShare = 0.01;          // a choice: amounts with cents
constexpr double kEmptyNameShare = 0.00001;   // a choice: one row in 100,000
constexpr double kMalformedShare = 0.000001;  // a choice: one row in a million each kind

// ---------------------------------------------------------------------------------------

// xoshiro256** seeded by splitmix64: fast, and the same sequence everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) {
      seed += 0x9e3779b97f4a7c15ULL;
      uint64_t mixed = seed;
      mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ULL;
      mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebULL;
      word = mixed ^ (mixed >> 31);
    }
  }
  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Uniform() < probability; }
  uint64_t Below(uint64_t bound) { return Next() % bound; }  // bias < 2^-40 for our bounds

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> state_{};
};

// A stateless hash: donor and committee attributes derive from their ids, so nothing but the
// id is stored per donor.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

template <typename T, size_t N>
const T& Pick(const std::array<T, N>& items, uint64_t hash) {
  return items[hash % N];
}

constexpr std::array<const char*, 100> kLastNames = {
    "SMITH",    "JOHNSON",   "WILLIAMS",   "BROWN",     "JONES",    "GARCIA",   "MILLER",
    "DAVIS",    "RODRIGUEZ", "MARTINEZ",   "HERNANDEZ", "LOPEZ",    "GONZALEZ", "WILSON",
    "ANDERSON", "THOMAS",    "TAYLOR",     "MOORE",     "JACKSON",  "MARTIN",   "LEE",
    "PEREZ",    "THOMPSON",  "WHITE",      "HARRIS",    "SANCHEZ",  "CLARK",    "RAMIREZ",
    "LEWIS",    "ROBINSON",  "WALKER",     "YOUNG",     "ALLEN",    "KING",     "WRIGHT",
    "SCOTT",    "TORRES",    "NGUYEN",     "HILL",      "FLORES",   "GREEN",    "ADAMS",
    "NELSON",   "BAKER",     "HALL",       "RIVERA",    "CAMPBELL", "MITCHELL", "CARTER",
    "ROBERTS",  "GOMEZ",     "PHILLIPS",   "EVANS",     "TURNER",   "DIAZ",     "PARKER",
    "CRUZ",     "EDWARDS",   "COLLINS",    "REYES",     "STEWART",  "MORRIS",   "MORALES",
    "MURPHY",   "COOK",      "ROGERS",     "GUTIERREZ", "ORTIZ",    "MORGAN",   "COOPER",
    "PETERSON", "BAILEY",    "REED",       "KELLY",     "HOWARD",   "RAMOS",    "KIM",
    "COX",      "WARD",      "RICHARDSON", "WATSON",    "BROOKS",   "CHAVEZ",   "WOOD",
    "JAMES",    "BENNETT",   "GRAY",       "MENDOZA",   "RUIZ",     "HUGHES",   "PRICE",
    "ALVAREZ",  "CASTILLO",  "SANDERS",    "PATEL",     "MYERS",    "LONG",     "ROSS",
    "FOSTER",   "O'BRIEN"};
constexpr std::array<const char*, 64> kFirstNames = {
    "JAMES",   "MARY",    "ROBERT",    "PATRICIA", "JOHN",     "JENNIFER", "MICHAEL",
    "LINDA",   "DAVID",   "ELIZABETH", "WILLIAM",  "BARBARA",  "RICHARD",  "SUSAN",
    "JOSEPH",  "JESSICA", "THOMAS",    "SARAH",    "CHARLES",  "KAREN",    "CHRISTOPHER",
    "LISA",    "DANIEL",  "NANCY",     "MATTHEW",  "BETTY",    "ANTHONY",  "MARGARET",
    "MARK",    "SANDRA",  "DONALD",    "ASHLEY",   "STEVEN",   "KIMBERLY", "PAUL",
    "EMILY",   "ANDREW",  "DONNA",     "JOSHUA",   "MICHELLE", "KENNETH",  "CAROL",
    "KEVIN",   "AMANDA",  "BRIAN",     "DOROTHY",  "GEORGE",   "MELISSA",  "TIMOTHY",
    "DEBORAH", "RONALD",  "STEPHANIE", "EDWARD",   "REBECCA",  "JASON",    "SHARON",
    "JEFFREY", "LAURA",   "RYAN",      "CYNTHIA",  "JACOB",    "KATHLEEN", "GARY",
    "AMY"};
constexpr std::array<const char*, 8> kNicknames = {"BUD", "BILL",  "PEGGY", "CHUCK",
                                                   "BOB", "SALLY", "TED",   "DOTTIE"};
// Latin-1 surnames (bytes 0xC1 0xC9 0xD1 0xD6 0xDC...): the rows a UTF-8-only reader trips on.
constexpr std::array<const char*, 6> kLatin1LastNames = {"MU\xD1OZ",
                                                         "PE\xD1"
                                                         "A",
                                                         "M\xC9NDEZ",
                                                         "J\xC9R\xD4ME",
                                                         "M\xDCLLER",
                                                         "L\xD3PEZ"};
constexpr std::array<const char*, 8> kOrgNames = {
    "ACME HOLDINGS LLC",  "SMITH & SONS INC",      "BLUE RIVER PARTNERS LP", "NORTHSTAR GROUP",
    "HARBOR CAPITAL LLC", "MAPLE LEAF CONSULTING", "RED ROCK ENTERPRISES",   "PINE STREET CO"};
constexpr std::array<std::pair<const char*, int>, 20> kStates = {{
    {"CA", 9408}, {"TX", 6726}, {"NY", 4936}, {"MI", 3679}, {"FL", 3529},
    {"IL", 3038}, {"VA", 3030}, {"PA", 2568}, {"GA", 2423}, {"MA", 2256},
    {"DC", 1998}, {"OH", 1799}, {"NJ", 1690}, {"WA", 1601}, {"MD", 1423},
    {"MN", 1404}, {"CO", 1337}, {"NC", 1305}, {"AZ", 1203}, {"CT", 1164},
}};
constexpr std::array<const char*, 16> kCities = {
    "WASHINGTON", "NEW YORK", "LOS ANGELES", "HOUSTON",    "CHICAGO", "SAN FRANCISCO",
    "AUSTIN",     "DETROIT",  "ARLINGTON",   "BOSTON",     "ATLANTA", "SEATTLE",
    "DENVER",     "PORTLAND", "MIAMI",       "SPRINGFIELD"};
// EMPLOYER / OCCUPATION leaders in the sample, then a long tail.
constexpr std::array<const char*, 16> kEmployers = {"RETIRED",
                                                    "RETIRED",
                                                    "NONE",
                                                    "N/A",
                                                    "SELF-EMPLOYED",
                                                    "PRICEWATERHOUSECOOPERS, LLP",
                                                    "NOT EMPLOYED",
                                                    "SELF",
                                                    "MICROSOFT",
                                                    "KAISER PERMANENTE",
                                                    "UNIVERSITY OF MICHIGAN",
                                                    "STATE OF CALIFORNIA",
                                                    "GOOGLE",
                                                    "AT&T",
                                                    "BOEING",
                                                    "WELLS FARGO"};
constexpr std::array<const char*, 16> kOccupations = {
    "RETIRED",    "RETIRED",   "RETIRED",           "NOT EMPLOYED", "PARTNER", "ATTORNEY",
    "UNEMPLOYED", "PHYSICIAN", "PRESIDENT",         "ENGINEER",     "TEACHER", "CONSULTANT",
    "MANAGER",    "CEO",       "SOFTWARE ENGINEER", "NURSE"};
constexpr std::array<const char*, 4> kPayrollMemos = {"P/R DEDUCTION ($192.30 BI-WEEKLY)",
                                                      "CONTRIBUTION", "INDIVIDUAL CONTRIBUTION",
                                                      "P/R DEDUCTION ($208.33 SEMI-MONTHLY)"};
// Conduits named in OTHER_ID on earmarked (15E) rows: ActBlue above all.
constexpr std::array<const char*, 4> kConduits = {"C00401224", "C00401224", "C00401224",
                                                  "C00694323"};

// Cumulative weights for a table of (item, count) pairs.
template <typename T, size_t N>
std::array<double, N> Cumulative(const std::array<std::pair<T, int>, N>& table) {
  std::array<double, N> cumulative{};
  double total = 0;
  for (size_t idx = 0; idx < N; ++idx) total += table[idx].second;
  double running = 0;
  for (size_t idx = 0; idx < N; ++idx) {
    running += table[idx].second;
    cumulative[idx] = running / total;
  }
  return cumulative;
}

template <size_t N>
size_t Draw(const std::array<double, N>& cumulative, double uniform) {
  return static_cast<size_t>(std::upper_bound(cumulative.begin(), cumulative.end() - 1, uniform) -
                             cumulative.begin());
}

class Generator {
 public:
  Generator(uint64_t seed, int64_t rows)
      : rng_(seed),
        popular_(Cumulative(kPopularAmounts)),
        types_(Cumulative(kTransactionTypes)),
        states_(Cumulative(kStates)) {
    const auto num_committees = static_cast<size_t>(std::max(
        1.0, std::round(kSampleCommittees * std::sqrt(static_cast<double>(rows) / kSampleRows))));
    committee_cdf_.resize(num_committees);
    double total = 0;
    for (size_t rank = 0; rank < num_committees; ++rank) {
      total += 1.0 / std::pow(static_cast<double>(rank + 1) + kZipfOffset, kZipfExponent);
      committee_cdf_[rank] = total;
    }
    for (double& value : committee_cdf_) value /= total;
    committee_rows_.resize(num_committees);
  }

  size_t num_committees() const { return committee_cdf_.size(); }

  void Write(int64_t rows, std::FILE* out) {
    std::string line;
    std::string buffer;
    buffer.reserve(kFlushBytes + 4096);
    int64_t run_left = 0;
    size_t committee = 0;
    for (int64_t row = 0; row < rows; ++row) {
      if (run_left == 0) {
        committee = static_cast<size_t>(
            std::upper_bound(committee_cdf_.begin(), committee_cdf_.end() - 1, rng_.Uniform()) -
            committee_cdf_.begin());
        // Geometric run length with the measured mean.
        run_left = 1 + static_cast<int64_t>(std::floor(std::log(1.0 - rng_.Uniform()) /
                                                       std::log(1.0 - 1.0 / kMeanRunRows)));
        filing_ = 1300000 + rng_.Below(99999);
        image_ = 201900000000000000ULL + rng_.Below(999999999999ULL);
      }
      --run_left;
      Row(committee, row, line);
      buffer += line;
      if (buffer.size() >= kFlushBytes) Flush(buffer, out);
    }
    Flush(buffer, out);
  }

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 22;

  static void Flush(std::string& buffer, std::FILE* out) {
    if (!buffer.empty() && std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size()) {
      std::perror("itcont_generator: write");
      std::exit(1);
    }
    buffer.clear();
  }

  uint32_t PickDonor(size_t committee) {
    std::vector<uint32_t>& seen = committee_rows_[committee];
    if (!seen.empty() && !rng_.Chance(kNewDonorShare)) {
      return seen[rng_.Below(seen.size())];  // proportional to earlier gifts
    }
    if (next_donor_ > 0 && rng_.Chance(kCrossCommitteeDonorShare)) {
      return static_cast<uint32_t>(rng_.Below(next_donor_));
    }
    return next_donor_++;
  }

  std::string Amount() {
    const double kind = rng_.Uniform();
    int64_t dollars = 0;
    if (kind < kNegativeShare) {
      dollars = Pick(kNegativeAmounts, rng_.Next());
    } else if (kind < kNegativeShare + kZeroShare) {
      dollars = 0;
    } else if (rng_.Chance(kPopularAmountShare)) {
      dollars = kPopularAmounts[Draw(popular_, rng_.Uniform())].first;
    } else {
      // Log-linear between the measured tail quantiles, with the top 1% stretched to the
      // measured 99% / 99.9% / max points.
      const double u = rng_.Uniform();
      double value = 0;
      if (u < 0.99) {
        const double pos = u / 0.05;
        const auto idx = static_cast<size_t>(pos);
        const double low = kTailQuantiles[idx];
        const double high = idx + 1 < 20 ? kTailQuantiles[idx + 1] : kTailP99;
        value = low * std::pow(high / low, pos - static_cast<double>(idx));
      } else if (u < 0.999) {
        value = kTailP99 * std::pow(kTailP999 / kTailP99, (u - 0.99) / 0.009);
      } else {
        value = kTailP999 * std::pow(kTailQuantiles[20] / kTailP999, (u - 0.999) / 0.001);
      }
      dollars = static_cast<int64_t>(std::llround(value));
    }
    if (dollars != 0 && rng_.Chance(kCentsShare)) {
      const uint64_t cents = rng_.Below(100);
      char text[32];
      // "27.5" and "27.50" both occur in FEC files; keep one digit when the second is 0.
      if (cents % 10 == 0) {
        std::snprintf(text, sizeof text, "%lld.%llu", static_cast<long long>(dollars),
                      static_cast<unsigned long long>(cents / 10));
      } else {
        std::snprintf(text, sizeof text, "%lld.%02llu", static_cast<long long>(dollars),
                      static_cast<unsigned long long>(cents));
      }
      return text;
    }
    return std::to_string(dollars);
  }

  static std::string DonorName(uint32_t donor) {
    const uint64_t hash = Mix(donor);
    std::string name;
    const double latin = static_cast<double>(Mix(hash) % 1000000) / 1e6;
    name =
        latin < kLatin1NameShare ? Pick(kLatin1LastNames, hash >> 8) : Pick(kLastNames, hash >> 8);
    name += ", ";
    name += Pick(kFirstNames, hash >> 20);
    const uint64_t middle = (hash >> 30) % 40;
    if (middle < 26) {
      name += ' ';
      name += static_cast<char>('A' + middle);
    }
    const double nick = static_cast<double>(Mix(hash + 1) % 1000000) / 1e6;
    if (nick < kQuotedNicknameShare) {
      name += " \"";
      name += Pick(kNicknames, hash >> 40);
      name += '"';
    }
    return name;
  }

  std::string Zip(uint32_t donor) {
    const uint64_t hash = Mix(donor ^ 0x5a5a5a5aULL);
    char text[16];
    const double u = rng_.Uniform();
    const auto zip5 = static_cast<unsigned>(501 + hash % 99000);
    if (u < kZip9Share) {
      std::snprintf(text, sizeof text, "%05u%04u", zip5,
                    static_cast<unsigned>((hash >> 20) % 10000));
    } else if (u < kZip9Share + kZip5Share) {
      std::snprintf(text, sizeof text, "%05u", zip5);
    } else if (u < kZip9Share + kZip5Share + kZipEmptyShare) {
      text[0] = '\0';
    } else {
      std::snprintf(text, sizeof text, "%s", (hash & 1) != 0 ? "KT207NS" : "0201");
    }
    return text;
  }

  void Row(size_t committee, int64_t row, std::string& line) {
    const uint32_t donor = PickDonor(committee);
    committee_rows_[committee].push_back(donor);
    const char* type = kTransactionTypes[Draw(types_, rng_.Uniform())].first;
    const bool is_earmarked = std::strcmp(type, "15E") == 0;
    const bool is_org = rng_.Chance(kOrgShare);
    const uint64_t donor_hash = Mix(donor + 0x1234567ULL);
    std::string name = is_org ? Pick(kOrgNames, donor_hash) : DonorName(donor);
    if (rng_.Chance(kEmptyNameShare)) name.clear();
    char cmte_id[16];
    std::snprintf(cmte_id, sizeof cmte_id, "C%08llu",
                  static_cast<unsigned long long>(Mix(committee) % 100000000ULL));
    const bool is_amended = rng_.Chance(kAmendedShare);
    const bool is_terminated = !is_amended && rng_.Chance(kTerminatedShare);
    const char* amendment = is_amended ? "A" : is_terminated ? "T" : "N";
    const char* report = is_terminated ? "TER" : rng_.Chance(kM3Share) ? "M3" : "M2";
    const char* pgi = rng_.Chance(kGeneralShare) ? "G" : "P";
    const bool no_job = rng_.Chance(kEmptyEmployerShare);
    const char* employer = no_job ? "" : Pick(kEmployers, donor_hash >> 8);
    const char* occupation = no_job ? "" : Pick(kOccupations, donor_hash >> 16);
    const auto& state =
        kStates[Draw(states_, static_cast<double>(donor_hash % 1000003) / 1000003.0)];
    const char* city = Pick(kCities, donor_hash >> 24);
    char date[16];
    std::snprintf(date, sizeof date, "%02u%02u%s", static_cast<unsigned>(1 + rng_.Below(12)),
                  static_cast<unsigned>(1 + rng_.Below(28)),
                  rng_.Chance(kPriorYearShare) ? "2018" : "2019");
    const char* other_id = is_earmarked ? Pick(kConduits, donor_hash >> 32) : "";
    const char* memo_text = "";
    if (is_earmarked) {
      memo_text = rng_.Chance(3401.0 / 9449.0)
                      ? "* EARMARKED CONTRIBUTION: SEE BELOW EARMARKED THROUGH ACTBLUE"
                      : "* EARMARKED CONTRIBUTION: SEE BELOW";
    } else if (rng_.Chance(kOtherMemoTextShare)) {
      memo_text = Pick(kPayrollMemos, rng_.Next());
    }
    const char* memo_code = rng_.Chance(kMemoShare) ? "X" : "";
    std::string amount = Amount();
    const double malformed = rng_.Uniform();
    char tail[256];
    std::snprintf(
        tail, sizeof tail, "|%s|SA11AI.%llu|%llu|%s|%s|%llu", other_id,
        static_cast<unsigned long long>(row + 1), static_cast<unsigned long long>(filing_),
        memo_code, memo_text,
        static_cast<unsigned long long>(4022020191640000000ULL + static_cast<uint64_t>(row)));
    line.clear();
    line.append(cmte_id).append("|").append(amendment).append("|").append(report).append("|");
    line.append(pgi).append("|").append(std::to_string(image_ + static_cast<uint64_t>(row % 1000)));
    line.append("|").append(type).append("|").append(is_org ? "ORG" : "IND").append("|");
    line.append(name).append("|").append(city).append("|").append(state.first).append("|");
    line.append(Zip(donor)).append("|").append(employer).append("|").append(occupation);
    line.append("|").append(date).append("|");
    if (malformed < kMalformedShare) {
      line.append("12.3.4");  // an amount no parser accepts
    } else {
      line.append(amount);
    }
    line.append(tail);
    if (malformed >= kMalformedShare && malformed < 2 * kMalformedShare) {
      line.resize(line.rfind('|'));  // a truncated row: 20 fields
    } else if (malformed >= 2 * kMalformedShare && malformed < 3 * kMalformedShare) {
      line.append("|EXTRA");  // 22 fields
    }
    line.push_back('\n');
  }

  Rng rng_;
  std::array<double, kPopularAmounts.size()> popular_;
  std::array<double, kTransactionTypes.size()> types_;
  std::array<double, kStates.size()> states_;
  std::vector<double> committee_cdf_;
  std::vector<std::vector<uint32_t>> committee_rows_;  // donor per earlier row, per committee
  uint32_t next_donor_ = 0;
  uint64_t filing_ = 0;
  uint64_t image_ = 0;
};

int Usage() {
  std::fprintf(stderr, "usage: itcont_generator --rows N --out FILE [--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t rows = -1;
  std::string out_path;
  uint64_t seed = 20200317;  // the sample's snapshot date
  for (int idx = 1; idx < argc; ++idx) {
    const std::string_view arg = argv[idx];
    if (idx + 1 >= argc) return Usage();
    const char* value = argv[++idx];
    char* end = nullptr;
    if (arg == "--rows") {
      rows = std::strtoll(value, &end, 10);
      if (*end != '\0' || rows < 0) return Usage();
    } else if (arg == "--seed") {
      seed = std::strtoull(value, &end, 10);
      if (*end != '\0') return Usage();
    } else if (arg == "--out") {
      out_path = value;
    } else {
      return Usage();
    }
  }
  if (rows < 0 || out_path.empty()) return Usage();
  std::FILE* out = std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    std::perror(out_path.c_str());
    return 1;
  }
  Generator generator(seed, rows);
  generator.Write(rows, out);
  if (std::fclose(out) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "itcont_generator: %lld rows, %zu committees -> %s\n",
               static_cast<long long>(rows), generator.num_committees(), out_path.c_str());
  return 0;
}
