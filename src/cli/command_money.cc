#include "cli/command_money.h"

#include <iostream>
#include <memory>
#include <optional>

#include "base/status_macros.h"
#include "cli/money_profile.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "money/candidate_money.h"
#include "store/money_queries.h"

namespace downballot::cli {
namespace {

struct MoneyOptions {
  std::string candidate;
  std::optional<int> cycle;
  CodingOptions coding;
  int64_t top = 10;
};

std::string Dollars(base::Cents cents) { return "$" + base::FormatDollars(cents); }

nlohmann::json SharesJson(const std::vector<money::AmountShare>& shares) {
  nlohmann::json array = nlohmann::json::array();
  for (const money::AmountShare& share : shares) {
    array.push_back({{"name", share.name},
                     {"dollars", static_cast<double>(share.cents) / 100.0},
                     {"share", share.share}});
  }
  return array;
}

nlohmann::json ProfileJson(const money::MoneyProfile& profile, const store::FecCandidateInCycle& found,
                           const std::vector<std::string>& committees) {
  const auto dollars = [](base::Cents cents) { return static_cast<double>(cents) / 100.0; };
  nlohmann::json reconciliation = nlohmann::json::array();
  for (const money::ReconciliationLine& line : profile.reconciliation) {
    reconciliation.push_back(
        {{"item", line.item},
         {"computed_dollars", dollars(line.computed_cents)},
         {"fec_dollars", line.fec_cents ? nlohmann::json(dollars(*line.fec_cents)) : nullptr},
         {"difference_dollars", line.fec_cents ? nlohmann::json(dollars(line.difference_cents))
                                               : nullptr}});
  }
  return {{"cand_id", profile.cand_id},
          {"name", profile.name},
          {"cycle", found.cycle},
          {"party", found.candidate.party},
          {"office", found.candidate.office},
          {"state", found.candidate.office_state},
          {"district", found.candidate.office_district},
          {"committees", committees},
          {"total_receipts_dollars", dollars(profile.total_receipts_cents)},
          {"individual_dollars", dollars(profile.individual_cents)},
          {"itemized_individual_dollars", dollars(profile.itemized_individual_cents)},
          {"unitemized_dollars", dollars(profile.unitemized_cents)},
          {"refunds_dollars", dollars(profile.refunds_cents)},
          {"small_dollars", dollars(profile.small_cents)},
          {"large_dollars", dollars(profile.large_cents)},
          {"small_share", profile.small_share},
          {"pac_dollars", dollars(profile.pac_cents)},
          {"party_dollars", dollars(profile.party_cents)},
          {"self_dollars", dollars(profile.self_cents)},
          {"self_net_dollars", dollars(profile.self_net_cents)},
          {"other_dollars", dollars(profile.other_cents)},
          {"unique_donors", profile.unique_donors},
          {"in_state_share", profile.in_state_share},
          {"categorized_share", profile.categorized_share},
          {"finance_share", profile.finance_share},
          {"top_industries", SharesJson(profile.top_industries)},
          {"top_sectors", SharesJson(profile.top_sectors)},
          {"top_employers", SharesJson(profile.top_employers)},
          {"top_pac_industries", SharesJson(profile.top_pac_industries)},
          {"pac_categorized_share", profile.pac_categorized_share},
          {"reconciliation", std::move(reconciliation)},
          {"notes", profile.notes}};
}

Table SharesTable(const std::vector<money::AmountShare>& shares, std::string name_column) {
  Table table{{std::move(name_column), "dollars", "share"}, {}};
  for (const money::AmountShare& share : shares) {
    table.rows.push_back({share.name, base::FormatDollars(share.cents),
                          fmt::format("{:.1f}%", share.share * 100)});
  }
  return table;
}

void RenderProfileTable(const money::MoneyProfile& profile, const store::FecCandidateInCycle& found,
                        const std::vector<std::string>& committees, std::ostream& out) {
  const model::FecCandidate& candidate = found.candidate;
  out << fmt::format("candidate       {} ({}), {}, {}-{} {}, cycle {}\n", profile.name,
                     profile.cand_id, candidate.party, candidate.office_state,
                     candidate.office_district, candidate.office, found.cycle);
  std::string committee_list;
  for (const std::string& id : committees) committee_list += (committee_list.empty() ? "" : ", ") + id;
  out << fmt::format("committees      {}\n", committee_list.empty() ? "(none linked)" : committee_list);
  out << fmt::format("total receipts  {}\n", Dollars(profile.total_receipts_cents));
  out << fmt::format("  individuals   {} (unitemized {}; refunds {}; by donor: small {} = {:.1f}%, "
                     "large {})\n",
                     Dollars(profile.individual_cents), Dollars(profile.unitemized_cents),
                     Dollars(profile.refunds_cents), Dollars(profile.small_cents),
                     profile.small_share * 100, Dollars(profile.large_cents));
  out << fmt::format("  PACs          {}\n  party         {}\n", Dollars(profile.pac_cents),
                     Dollars(profile.party_cents));
  out << fmt::format("  self          {} (net of loans repaid: {})\n  other         {}\n",
                     Dollars(profile.self_cents), Dollars(profile.self_net_cents),
                     Dollars(profile.other_cents));
  out << fmt::format("unique donors   {}\n", profile.unique_donors);
  out << fmt::format("in-state        {:.1f}% of itemized individual dollars\n",
                     profile.in_state_share * 100);
  out << fmt::format("finance (FIRE)  {:.1f}% of categorized dollars ({:.1f}% of itemized dollars "
                     "categorized)\n",
                     profile.finance_share * 100, profile.categorized_share * 100);
  out << "\ntop industries (itemized individual dollars)\n";
  Render(SharesTable(profile.top_industries, "catcode"), OutputFormat::kTable, out);
  out << "\ntop sectors\n";
  Render(SharesTable(profile.top_sectors, "sector"), OutputFormat::kTable, out);
  out << "\ntop employers\n";
  Render(SharesTable(profile.top_employers, "employer"), OutputFormat::kTable, out);
  out << fmt::format("\nPAC money by the PAC's connected organization ({:.1f}% of PAC dollars "
                     "categorized)\n",
                     profile.pac_categorized_share * 100);
  Render(SharesTable(profile.top_pac_industries, "catcode"), OutputFormat::kTable, out);
  out << "\nreconciliation with the FEC's own summary (weball/webl)\n";
  Table reconciliation{{"item", "computed", "fec", "difference"}, {}};
  for (const money::ReconciliationLine& line : profile.reconciliation) {
    reconciliation.rows.push_back(
        {line.item, base::FormatDollars(line.computed_cents),
         line.fec_cents ? Cell(base::FormatDollars(*line.fec_cents)) : Cell(),
         line.fec_cents ? Cell(base::FormatDollars(line.difference_cents)) : Cell()});
  }
  Render(reconciliation, OutputFormat::kTable, out);
  for (const std::string& note : profile.notes) out << "note: " << note << '\n';
}

absl::Status RunMoney(const AppContext& context, const MoneyOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  if (options.top <= 0) return absl::InvalidArgumentError("--top must be 1 or more");
  ASSIGN_OR_RETURN(const Coding coding, LoadCoding(options.coding));
  ASSIGN_OR_RETURN(auto db, OpenStore(context));
  ASSIGN_OR_RETURN(const auto found, store::FindFecCandidates(*db, options.candidate, options.cycle));
  if (found.empty()) {
    return absl::NotFoundError(fmt::format(
        "no FEC candidate matches '{}'{} (load cn files with `downballot ingest fec`)",
        options.candidate, options.cycle ? fmt::format(" in cycle {}", *options.cycle) : ""));
  }
  // One candidate (the same ID across the matches) is required; several are listed.
  if (found.front().candidate.cand_id != found.back().candidate.cand_id ||
      (!options.cycle && found.front().cycle != found.back().cycle)) {
    std::string list;
    for (const auto& match : found) {
      list += fmt::format("\n  {} {} ({} {}-{}, cycle {})", match.candidate.cand_id,
                          match.candidate.name, match.candidate.party,
                          match.candidate.office_state, match.candidate.office_district,
                          match.cycle);
    }
    return absl::FailedPreconditionError(fmt::format(
        "'{}' matches {} candidacies; give a CAND_ID and --cycle:{}", options.candidate,
        found.size(), list));
  }
  ASSIGN_OR_RETURN(const money::MoneyProfile profile,
                   BuildProfile(*db, found.front(), coding, static_cast<size_t>(options.top)));
  ASSIGN_OR_RETURN(const auto committees, store::ReadCandidateCommittees(
                                              *db, found.front().candidate.cand_id,
                                              found.front().cycle));
  if (format == OutputFormat::kJson) {
    RenderJson(ProfileJson(profile, found.front(), committees), std::cout);
  } else if (format == OutputFormat::kCsv) {
    Render(SharesTable(profile.top_industries, "catcode"), format, std::cout);
  } else {
    RenderProfileTable(profile, found.front(), committees, std::cout);
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterMoneyCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<MoneyOptions>();
  CLI::App* command = app.add_subcommand(
      "money",
      "Who funds a candidate: total receipts; small and large individual money, PACs, party,\n"
      "self-funding; unique donors; top industries, sectors and employers; the finance (FIRE)\n"
      "share beside the share of dollars categorized; in-state share; and the reconciliation\n"
      "with the FEC's own summary. Rules: docs/money.md. CSV prints the industry table.");
  command->add_option("candidate", options->candidate, "FEC CAND_ID or part of the name")
      ->required();
  command->add_option("--cycle", options->cycle, "two-year cycle, e.g. 2020");
  command->add_option("--rules", options->coding.rules_path,
                      "industry rules file (default: the built-in config/industry_rules.tsv)");
  command->add_option("--categories", options->coding.categories_path,
                      "OpenSecrets CRP_Categories file (default: $DOWNBALLOT_DATA/opensecrets/)");
  command->add_option("--top", options->top, "rows in each ranked list (default 10)");
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("money", [&] { return RunMoney(context, *options); });
  });
}

}  // namespace downballot::cli
