#include "cli/command_money.h"

#include <iostream>
#include <memory>
#include <optional>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "money/candidate_money.h"
#include "query/money.h"
#include "query/store_access.h"
#include "store/money_queries.h"

namespace downballot::cli {
namespace {

struct MoneyOptions {
  std::string candidate;
  std::optional<int> cycle;
  query::CodingOptions coding;
  int64_t top = 10;
};

std::string Dollars(base::Cents cents) { return "$" + base::FormatDollars(cents); }

Table SharesTable(const std::vector<money::AmountShare>& shares, std::string name_column) {
  Table table{{std::move(name_column), "dollars", "share"}, {}};
  for (const money::AmountShare& share : shares) {
    table.rows.push_back(
        {share.name, base::FormatDollars(share.cents), fmt::format("{:.1f}%", share.share * 100)});
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
  for (const std::string& id : committees)
    committee_list += (committee_list.empty() ? "" : ", ") + id;
  out << fmt::format("committees      {}\n",
                     committee_list.empty() ? "(none linked)" : committee_list);
  out << fmt::format("total receipts  {}\n", Dollars(profile.total_receipts_cents));
  out << fmt::format(
      "  individuals   {} (unitemized {}; refunds {}; by donor: small {} = {:.1f}%, "
      "large {})\n",
      Dollars(profile.individual_cents), Dollars(profile.unitemized_cents),
      Dollars(profile.refunds_cents), Dollars(profile.small_cents), profile.small_share * 100,
      Dollars(profile.large_cents));
  out << fmt::format("  PACs          {}\n  party         {}\n", Dollars(profile.pac_cents),
                     Dollars(profile.party_cents));
  out << fmt::format("  self          {} (net of loans repaid: {})\n  other         {}\n",
                     Dollars(profile.self_cents), Dollars(profile.self_net_cents),
                     Dollars(profile.other_cents));
  out << fmt::format("unique donors   {}\n", profile.unique_donors);
  out << fmt::format("in-state        {:.1f}% of itemized individual dollars\n",
                     profile.in_state_share * 100);
  out << fmt::format(
      "finance (FIRE)  {:.1f}% of categorized dollars ({:.1f}% of itemized dollars "
      "categorized)\n",
      profile.finance_share * 100, profile.categorized_share * 100);
  out << "\ntop industries (itemized individual dollars)\n";
  Render(SharesTable(profile.top_industries, "catcode"), OutputFormat::kTable, out);
  out << "\ntop sectors\n";
  Render(SharesTable(profile.top_sectors, "sector"), OutputFormat::kTable, out);
  out << "\ntop employers\n";
  Render(SharesTable(profile.top_employers, "employer"), OutputFormat::kTable, out);
  out << fmt::format(
      "\nPAC money by the PAC's connected organization ({:.1f}% of PAC dollars "
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
  query::Params params;
  params.Set("candidate", options.candidate);
  params.Set("cycle", options.cycle ? std::to_string(*options.cycle) : "");
  params.Set("top", std::to_string(options.top));
  ASSIGN_OR_RETURN(const query::MoneyRequest request, query::ParseMoneyRequest(params));
  ASSIGN_OR_RETURN(const query::Coding coding, query::LoadCoding(options.coding));
  ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
  ASSIGN_OR_RETURN(const query::MoneyAnswer answer, query::AnswerMoney(*db, request, coding));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
  } else if (format == OutputFormat::kCsv) {
    Render(SharesTable(answer.profile.top_industries, "catcode"), format, std::cout);
  } else {
    RenderProfileTable(answer.profile, answer.found, answer.committees, std::cout);
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
