#include "cli/command_money.h"

#include <algorithm>
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

// "$1,234.50", "-$1,000.00": dollars for reading, with thousands separated.
std::string Dollars(base::Cents cents) {
  const std::string plain = base::FormatDollars(cents < 0 ? -cents : cents);
  const size_t point = plain.find('.');
  std::string grouped;
  for (size_t at = 0; at < point; ++at) {
    if (at > 0 && (point - at) % 3 == 0) grouped += ',';
    grouped += plain[at];
  }
  return (cents < 0 ? "-$" : "$") + grouped + plain.substr(point);
}

// "45.0%", or "unknown" when the share's base is zero.
std::string PercentOrUnknown(double share, bool is_known) {
  return is_known ? fmt::format("{:.1f}%", share * 100) : "unknown";
}

// A ranked list with each code's name beside it (when the category file names it); the share
// is a number (0..1) in every format.
Table SharesTable(const std::vector<money::AmountShare>& shares, std::string name_column,
                  bool has_labels) {
  Table table{{std::move(name_column)}, {}};
  if (has_labels) table.columns.emplace_back("industry");
  table.columns.emplace_back("dollars");
  table.columns.emplace_back("share");
  for (const money::AmountShare& share : shares) {
    std::vector<Cell>& row = table.rows.emplace_back();
    row.emplace_back(share.name);
    if (has_labels) row.emplace_back(share.label.empty() ? Cell() : Cell(share.label));
    row.emplace_back(static_cast<double>(share.cents) / 100.0);
    row.emplace_back(share.share);
  }
  return table;
}

// One line per figure: the label, the amount, and what it counts in one phrase.
void RenderProfileText(const money::MoneyProfile& profile, const store::FecCandidateInCycle& found,
                       const std::vector<std::string>& committees, std::ostream& out) {
  const model::FecCandidate& candidate = found.candidate;
  const auto line = [&out](std::string_view label, const std::string& amount,
                           std::string_view meaning) {
    out << FitToTerminal(fmt::format("{:<16}{:>14}  {}", label, amount, meaning)) << '\n';
  };
  out << FitToTerminal(fmt::format("{} ({}), {}, {}-{} {}, cycle {}; committees: {}", profile.name,
                                   profile.cand_id, candidate.party, candidate.office_state,
                                   candidate.office_district, candidate.office, found.cycle,
                                   committees.empty()
                                       ? std::string("none linked (ccl)")
                                       : fmt::format("{}", fmt::join(committees, ", "))))
      << "\n\n";
  line("total receipts", Dollars(profile.total_receipts_cents), "the five sources below");
  line("  individuals", Dollars(profile.individual_cents),
       profile.has_fec_summary ? fmt::format("gifts from people: {} itemized + {} unitemized",
                                             Dollars(profile.itemized_individual_cents),
                                             Dollars(profile.unitemized_cents))
                               : "itemized gifts from people (unitemized unknown: no FEC summary)");
  line("    small", Dollars(profile.small_cents),
       profile.small_cents + profile.large_cents > 0
           ? fmt::format("{:.1f}% of individual money, from donors giving $200 or less in all",
                         profile.small_share * 100)
           : std::string("from donors giving $200 or less in all (no individual money: no share)"));
  line("    large", Dollars(profile.large_cents), "from donors giving more than $200 in all");
  line("    refunds", Dollars(profile.refunds_cents),
       "returned to donors (not taken off the gifts above)");
  line("  PACs", Dollars(profile.pac_cents), "direct gifts from PACs");
  line("  party", Dollars(profile.party_cents), "direct gifts from party committees");
  line("  self", Dollars(profile.self_cents),
       profile.has_fec_summary
           ? fmt::format("the candidate's own gifts and loans; {} after loans repaid",
                         Dollars(profile.self_net_cents))
           : "the candidate's own itemized gifts (loans unknown: no FEC summary)");
  line("  other", Dollars(profile.other_cents), "transfers and other itemized receipts");
  line("unique donors", std::to_string(profile.unique_donors),
       "itemized donors who gave more than they got back");
  line("in-state", PercentOrUnknown(profile.in_state_share, profile.itemized_donor_cents > 0),
       profile.itemized_donor_cents > 0
           ? fmt::format("of itemized individual dollars came from {}", candidate.office_state)
           : std::string("no itemized individual dollars to place"));
  std::string finance_meaning = "no itemized individual dollars to code";
  if (profile.finance_share) {
    finance_meaning = fmt::format("of industry-coded dollars ({:.1f}% of itemized dollars coded)",
                                  profile.categorized_share * 100);
  } else if (profile.itemized_donor_cents > 0) {
    finance_meaning = "no coded dollar has a known sector (see the notes)";
  }
  line("finance (FIRE)",
       PercentOrUnknown(profile.finance_share.value_or(0), profile.finance_share.has_value()),
       finance_meaning);
  const auto has_labels = [](const std::vector<money::AmountShare>& shares) {
    return std::any_of(shares.begin(), shares.end(),
                       [](const money::AmountShare& share) { return !share.label.empty(); });
  };
  const size_t width = TerminalWidth();
  out << "\ntop industries (share of itemized individual dollars)\n";
  Render(SharesTable(profile.top_industries, "catcode", has_labels(profile.top_industries)),
         OutputFormat::kTable, out, width);
  out << "\ntop sectors\n";
  Render(SharesTable(profile.top_sectors, "sector", false), OutputFormat::kTable, out, width);
  out << "\ntop employers\n";
  Render(SharesTable(profile.top_employers, "employer", false), OutputFormat::kTable, out, width);
  out << fmt::format("\nPAC money by the PAC's connected organization ({} of PAC dollars coded)\n",
                     PercentOrUnknown(profile.pac_categorized_share, profile.pac_cents > 0));
  Render(SharesTable(profile.top_pac_industries, "catcode", has_labels(profile.top_pac_industries)),
         OutputFormat::kTable, out, width);
  out << "\nreconciliation with the FEC's own summary (weball/webl): difference = computed - fec\n";
  Table reconciliation{{"item", "computed", "fec", "difference"}, {}};
  for (const money::ReconciliationLine& entry : profile.reconciliation) {
    std::vector<Cell>& row = reconciliation.rows.emplace_back();
    row.emplace_back(entry.item);
    row.emplace_back(Dollars(entry.computed_cents));
    row.emplace_back(entry.fec_cents ? Cell(Dollars(*entry.fec_cents)) : Cell("unknown"));
    row.emplace_back(entry.fec_cents ? Cell(Dollars(entry.difference_cents)) : Cell());
  }
  Render(reconciliation, OutputFormat::kTable, out, width);
  for (const money::ReconciliationLine& entry : profile.reconciliation) {
    out << FitToTerminal(fmt::format("  {}: {}", entry.item, entry.meaning)) << '\n';
  }
  if (!profile.notes.empty()) out << '\n';
  for (const std::string& note : profile.notes) out << FitToTerminal("note: " + note) << '\n';
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
    // Every column, labelled or not, so a script's header does not depend on the files.
    context.Show(SharesTable(answer.profile.top_industries, "catcode", true), format);
  } else {
    RenderProfileText(answer.profile, answer.found, answer.committees, std::cout);
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
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("money", [&] { return RunMoney(context, *options); });
  });
}

}  // namespace downballot::cli
