#include "query/money_profile.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>

#include "base/file_system.h"
#include "base/status_macros.h"
#include "money/default_industry_rules.h"

namespace downballot::query {
namespace {

namespace fs = std::filesystem;

// The newest CRP_Categories file in the data folder, or "" when there is none.
std::string FindCategoriesFile() {
  const char* data = std::getenv("DOWNBALLOT_DATA");
  const fs::path folder = fs::path(data != nullptr ? data : "../shared/data") / "opensecrets";
  std::string best;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("CRP_Categories") && it->path().string() > best)
      best = it->path().string();
  }
  return best;
}

}  // namespace

absl::StatusOr<Coding> LoadCoding(const CodingOptions& options) {
  Coding coding;
  coding.categories_source =
      options.categories_path.empty() ? FindCategoriesFile() : options.categories_path;
  std::string categories_text;
  if (!coding.categories_source.empty()) {
    ASSIGN_OR_RETURN(categories_text, base::ReadFile(coding.categories_source));
    ASSIGN_OR_RETURN(coding.categories,
                     money::ParseCrpCategories(categories_text, coding.categories_source));
  }
  std::string rules_text;
  std::string rules_source = "built-in config/industry_rules.tsv";
  if (options.rules_path.empty()) {
    rules_text = std::string(money::DefaultIndustryRules());
  } else {
    ASSIGN_OR_RETURN(rules_text, base::ReadFile(options.rules_path));
    rules_source = options.rules_path;
  }
  ASSIGN_OR_RETURN(auto rules,
                   money::ParseIndustryRules(rules_text, rules_source, coding.categories));
  ASSIGN_OR_RETURN(auto classifier, money::IndustryClassifier::Create(std::move(rules)));
  coding.classifier.emplace(std::move(classifier));
  coding.fingerprint =
      base::ContentHash(base::ContentHash(rules_text) + "\n" + base::ContentHash(categories_text));
  return coding;
}

absl::StatusOr<money::MoneyProfile> BuildProfile(store::Database& db,
                                                 const store::FecCandidateInCycle& found,
                                                 const Coding& coding, size_t top_n) {
  money::CandidateMoneyInput input;
  input.candidate = found.candidate;
  const std::string& cand_id = found.candidate.cand_id;
  ASSIGN_OR_RETURN(input.committee_ids, store::ReadCandidateCommittees(db, cand_id, found.cycle));
  ASSIGN_OR_RETURN(input.receipts, store::ReadDonorReceipts(db, input.committee_ids, found.cycle));
  ASSIGN_OR_RETURN(const auto gifts, store::ReadContributionsToCandidate(db, cand_id, found.cycle));
  std::vector<std::string> givers;
  for (const model::Contribution& gift : gifts) givers.push_back(gift.cmte_id);
  ASSIGN_OR_RETURN(const auto giver_committees, store::ReadCommittees(db, givers, found.cycle));
  for (const model::Contribution& gift : gifts) {
    const auto giver = giver_committees.find(gift.cmte_id);
    const bool is_known = giver != giver_committees.end();
    std::string organization = is_known ? giver->second.connected_org : gift.name;
    if (organization.empty() && is_known) organization = giver->second.name;
    input.gifts.push_back(money::CommitteeGift{
        gift.cmte_id,
        is_known ? money::GiverKindFromCommitteeType(giver->second.type) : money::GiverKind::kOther,
        gift.transaction_type, gift.memo_code, gift.amount_cents, std::move(organization)});
  }
  ASSIGN_OR_RETURN(input.summary, store::ReadCandidateSummary(db, cand_id, found.cycle));
  ASSIGN_OR_RETURN(input.is_summary_file_loaded, store::HasCandidateSummaries(db, found.cycle));
  std::map<std::string, std::string, std::less<>> sector_of_code;
  std::map<std::string, std::string, std::less<>> name_of_code;
  for (const money::CrpCategory& category : coding.categories) {
    sector_of_code[category.catcode] = category.sector;
    name_of_code[category.catcode] = category.name;
  }
  money::MoneyProfile profile = money::ComputeMoneyProfile(
      input,
      [&coding](std::string_view employer, std::string_view occupation) {
        const auto coded = coding.classifier->Classify(employer, occupation);
        return coded ? std::optional<std::string>(coded->catcode) : std::nullopt;
      },
      [&sector_of_code](std::string_view catcode) {
        const auto it = sector_of_code.find(catcode);
        return it == sector_of_code.end() ? std::string() : it->second;
      },
      top_n,
      [&coding](std::string_view organization) {
        const auto coded = coding.classifier->ClassifyOrganization(organization);
        return coded ? std::optional<std::string>(coded->catcode) : std::nullopt;
      });
  for (auto* list : {&profile.top_industries, &profile.top_pac_industries}) {
    for (money::AmountShare& share : *list) {
      const auto name = name_of_code.find(share.name);
      if (name != name_of_code.end()) share.label = name->second;
    }
  }
  if (input.committee_ids.empty()) {
    profile.notes.push_back("no principal or authorized committee linked in this cycle (ccl)");
  }
  if (coding.categories.empty()) {
    profile.notes.push_back(
        "no OpenSecrets category file found (--categories, or $DOWNBALLOT_DATA/opensecrets/): "
        "industries are bare codes, and sectors and the finance share are unknown");
  }
  return profile;
}

}  // namespace downballot::query
