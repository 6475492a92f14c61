#include "analysis/campaign_plan.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::analysis {
namespace {

constexpr double kCentsPerDollar = 100.0;

// Counts round up; the relative slack absorbs floating error such as 4000 doors x $0.10
// landing a hair above $400.
int64_t CeilCount(double value) {
  const double slack = 1e-9 * std::max(1.0, std::fabs(value));
  return static_cast<int64_t>(std::ceil(value - slack));
}

double AsDouble(int64_t count) { return static_cast<double>(count); }

// METHODS §8: compare a midterm primary with midterm primaries. Odd years (municipal cycles)
// form their own kind.
enum class YearKind { kPresidential, kMidterm, kOddYear };

YearKind KindOfYear(const base::Date& date) {
  if (date.is_presidential_year()) return YearKind::kPresidential;
  return date.year % 2 == 0 ? YearKind::kMidterm : YearKind::kOddYear;
}

struct CoefficientSource {
  std::string_view name;
  std::string_view source;
};

// Where each default comes from; shown next to the value so users can judge and edit it.
constexpr CoefficientSource kSources[] = {
    {"two_way_share_target",
     "NGP VAN: 50% + 1 plus a 3% margin; CallHub: plan for ~53% of expected ballots"},
    {"margin", "NGP VAN: a 3% margin is a good baseline"},
    {"comparable_elections", "NGP VAN: average the last three similar elections"},
    {"field_size", "0 = expect the same number of candidates as the race planned from"},
    {"turnout_low_factor",
     "downballot default: -15% when one comparable race is loaded "
     "(CallHub suggests a 10-20% cushion)"},
    {"turnout_high_factor",
     "downballot default: +15% when one comparable race is loaded "
     "(CallHub suggests a 10-20% cushion)"},
    {"base_vote_share",
     "NDTC 'Calculating your vote goal': the base vote comes to you for being on the ballot, "
     "the deficit is found by canvassing; half the win number is downballot's judgment"},
    {"worst_case_base_vote_share",
     "the range's high end: no vote assured, every vote found at the door (downballot)"},
    {"contacts_per_vote", "Gerber & Green: door-to-door canvassing, 1 vote per 14 contacts"},
    {"take_rate", "doors that become conversations: 20-30% typical (doornoc, Black Peak)"},
    {"doors_per_hour", "Wellstone/FIRM: suburban walk list, 15 doors an hour"},
    {"shift_hours", "Wellstone/FIRM: 3-hour shifts"},
    {"shifts_per_volunteer_per_week", "downballot default: judgment, edit for your volunteers"},
    {"weeks", "downballot default: an 8-week field program, edit for your calendar"},
    {"literature_cost_per_door", "downballot default: estimate of $0.10 of print per door"},
    {"paid_canvass_share", "downballot default: an all-volunteer canvass"},
    {"hourly_wage", "downballot default: estimate of $18 an hour for paid canvassers"},
};

std::vector<std::pair<std::string_view, double>> NamedValues(const PlanAssumptions& a) {
  return {{"two_way_share_target", a.two_way_share_target},
          {"margin", a.margin},
          {"comparable_elections", a.comparable_elections},
          {"field_size", a.field_size},
          {"turnout_low_factor", a.turnout_low_factor},
          {"turnout_high_factor", a.turnout_high_factor},
          {"base_vote_share", a.base_vote_share},
          {"worst_case_base_vote_share", a.worst_case_base_vote_share},
          {"contacts_per_vote", a.contacts_per_vote},
          {"take_rate", a.take_rate},
          {"doors_per_hour", a.doors_per_hour},
          {"shift_hours", a.shift_hours},
          {"shifts_per_volunteer_per_week", a.shifts_per_volunteer_per_week},
          {"weeks", a.weeks},
          {"literature_cost_per_door", a.literature_cost_per_door},
          {"paid_canvass_share", a.paid_canvass_share},
          {"hourly_wage", a.hourly_wage}};
}

}  // namespace

std::vector<PlanCoefficient> PlanCoefficients(const PlanAssumptions& assumptions) {
  const auto values = NamedValues(assumptions);
  const auto defaults = NamedValues(PlanAssumptions{});
  std::vector<PlanCoefficient> coefficients;
  for (size_t idx = 0; idx < values.size(); ++idx) {
    const auto& [name, value] = values[idx];
    std::string source;
    for (const CoefficientSource& known : kSources) {
      if (known.name == name) source = std::string(known.source);
    }
    if (value != defaults[idx].second) {
      source = fmt::format("edited (default {}: {})", defaults[idx].second, source);
    }
    coefficients.push_back(PlanCoefficient{std::string(name), value, std::move(source)});
  }
  return coefficients;
}

PlanScenario PlanChain(double expected_ballots, int64_t win_number, const PlanAssumptions& a) {
  PlanScenario s;
  s.expected_ballots = expected_ballots;
  s.win_number = win_number;
  s.votes_to_find = CeilCount(AsDouble(s.win_number) * (1.0 - a.base_vote_share));
  s.contacts = CeilCount(AsDouble(s.votes_to_find) * a.contacts_per_vote);
  s.doors = CeilCount(AsDouble(s.contacts) / a.take_rate);
  s.shifts = CeilCount(AsDouble(s.doors) / (a.doors_per_hour * a.shift_hours));
  s.paid_shifts = CeilCount(AsDouble(s.shifts) * a.paid_canvass_share);
  s.volunteer_shifts = s.shifts - s.paid_shifts;
  s.volunteers =
      CeilCount(AsDouble(s.volunteer_shifts) / (a.shifts_per_volunteer_per_week * a.weeks));
  s.paid_hours = CeilCount(AsDouble(s.paid_shifts) * a.shift_hours);
  s.budget_cents = CeilCount(kCentsPerDollar * (AsDouble(s.doors) * a.literature_cost_per_door +
                                                AsDouble(s.paid_hours) * a.hourly_wage));
  return s;
}

PlanAssumptions WorstCase(const PlanAssumptions& assumptions) {
  PlanAssumptions worst = assumptions;
  worst.base_vote_share = assumptions.worst_case_base_vote_share;
  return worst;
}

namespace {

absl::Status OutOfRange(std::string_view source, std::string_view key, double value,
                        std::string_view range) {
  return absl::InvalidArgumentError(
      fmt::format("{}: {} must be {}, got {}", source, key, range, value));
}

PlanScenario RunChain(double expected_ballots, double share_target, bool is_majority,
                      const PlanAssumptions& a) {
  // A majority is half the ballots and one vote more: 50 of 100 ties, 51 wins.
  const int64_t win_number = is_majority
                                 ? static_cast<int64_t>(std::floor(expected_ballots / 2)) + 1
                                 : CeilCount(expected_ballots * share_target);
  return PlanChain(expected_ballots, win_number, a);
}

std::vector<PlanStep> Steps(const Plan& plan) {
  struct Row {
    std::string_view name;
    std::string_view formula;
    double PlanScenario::*real = nullptr;
    int64_t PlanScenario::*count = nullptr;
  };
  const Row rows[] = {
      {"expected_ballots", "mean ballots for the office in the comparable races",
       &PlanScenario::expected_ballots, nullptr},
      {"win_number",
       plan.is_majority ? "floor(expected_ballots / 2) + 1 (a runoff: a majority)"
                        : "ceil(expected_ballots * share_target)",
       nullptr, &PlanScenario::win_number},
      {"votes_to_find",
       "ceil(win_number * (1 - base_vote_share)); the high end uses worst_case_base_vote_share",
       nullptr, &PlanScenario::votes_to_find},
      {"contacts", "ceil(votes_to_find * contacts_per_vote)", nullptr, &PlanScenario::contacts},
      {"doors", "ceil(contacts / take_rate)", nullptr, &PlanScenario::doors},
      {"shifts", "ceil(doors / (doors_per_hour * shift_hours))", nullptr, &PlanScenario::shifts},
      {"paid_shifts", "ceil(shifts * paid_canvass_share)", nullptr, &PlanScenario::paid_shifts},
      {"volunteer_shifts", "shifts - paid_shifts", nullptr, &PlanScenario::volunteer_shifts},
      {"volunteers", "ceil(volunteer_shifts / (shifts_per_volunteer_per_week * weeks))", nullptr,
       &PlanScenario::volunteers},
      {"paid_hours", "ceil(paid_shifts * shift_hours)", nullptr, &PlanScenario::paid_hours},
      {"budget_dollars", "doors * literature_cost_per_door + paid_hours * hourly_wage", nullptr,
       nullptr},
  };
  std::vector<PlanStep> steps;
  for (const Row& row : rows) {
    const auto value = [&](const PlanScenario& s) {
      if (row.real != nullptr) return s.*row.real;
      // Dollars read better than cents in a table; PlanScenario keeps the exact cents.
      if (row.count == nullptr) return AsDouble(s.budget_cents) / kCentsPerDollar;
      return AsDouble(s.*row.count);
    };
    steps.push_back(PlanStep{std::string(row.name), std::string(row.formula), value(plan.low),
                             value(plan.expected), value(plan.high)});
  }
  return steps;
}

const model::CandidateResult* Winner(const model::Race& race) {
  for (const model::CandidateResult& candidate : race.candidates) {
    if (candidate.is_winner) return &candidate;
  }
  return nullptr;
}

// A seat that elects N: a candidate wins by beating the (N+1)th finisher, so the target is that
// finisher's share of the ballots for the office in the comparable races, plus the margin.
void ChooseMultiSeatShareTarget(const model::Race& race,
                                std::span<const model::Race* const> comparables,
                                const PlanAssumptions& a, Plan& plan) {
  const size_t seats = static_cast<size_t>(race.seats);
  double share_sum = 0;
  int num_races = 0;
  for (const model::Race* comparable : comparables) {
    if (comparable->candidates.size() <= seats || comparable->ballots_for_office <= 0) continue;
    share_sum +=
        AsDouble(comparable->candidates[seats].votes) / AsDouble(comparable->ballots_for_office);
    ++num_races;
  }
  if (num_races == 0) {
    plan.share_target = a.margin;
    plan.share_target_basis = fmt::format(
        "a seat that elects {}: no comparable race had more candidates than seats, so any "
        "votes win one; target = margin {}",
        race.seats, a.margin);
    plan.warnings.push_back(
        "every comparable race was uncontested: the win number assumes no one else files");
    return;
  }
  const double mean = share_sum / num_races;
  plan.share_target = std::min(mean + a.margin, a.two_way_share_target);
  plan.share_target_basis = fmt::format(
      "a seat that elects {}: beat finisher number {}, whose mean share of the ballots for the "
      "office was {:.3f} in {} comparable race(s), + margin {}",
      race.seats, race.seats + 1, mean, num_races, a.margin);
}

void ChooseShareTarget(const model::Race& race,
                       std::span<const model::Race> all_primaries_for_kway_share,
                       const PlanAssumptions& a, Plan& plan) {
  const int k = a.field_size > 0 ? a.field_size : race.field_size;
  plan.field_size = k;
  if (model::IsRunoffStage(race.key.stage)) {
    plan.is_majority = true;
    plan.share_target = 0.5;
    plan.share_target_basis = "a runoff is won by a majority: half the ballots + 1 vote";
    return;
  }
  if (k <= 2) {
    plan.share_target = a.two_way_share_target;
    plan.share_target_basis =
        fmt::format("two-way race: two_way_share_target {}", a.two_way_share_target);
    return;
  }
  double share_sum = 0;
  int num_races = 0;
  for (const model::Race& primary : all_primaries_for_kway_share) {
    if (primary.key.stage != model::ElectionStage::kPrimary || primary.field_size != k ||
        primary.level != race.level) {
      continue;
    }
    if (const model::CandidateResult* winner = Winner(primary)) {
      share_sum += winner->share;
      ++num_races;
    }
  }
  plan.num_kway_races = num_races;
  const double even_split = 1.0 / k;
  double share = 0;
  if (num_races > 0) {
    const double mean = share_sum / num_races;
    share = std::max(mean, even_split) + a.margin;
    plan.share_target_basis = fmt::format(
        "{}-candidate race: mean winner share {:.3f} in {} {}-candidate {} primaries "
        "+ margin {}",
        k, mean, num_races, k, model::ToString(race.level), a.margin);
  } else {
    share = even_split + a.margin;
    plan.share_target_basis = fmt::format(
        "{}-candidate race: no comparable {}-candidate primary loaded, so 1/{} + margin {}", k, k,
        k, a.margin);
    plan.warnings.push_back(fmt::format(
        "share target assumes the other {} candidates split the rest evenly: optimistic", k - 1));
  }
  if (share > a.two_way_share_target) {
    share = a.two_way_share_target;
    plan.share_target_basis +=
        fmt::format(", capped at two_way_share_target {}", a.two_way_share_target);
  }
  plan.share_target = share;
}

}  // namespace

absl::Status CheckPlanAssumptions(const PlanAssumptions& a, std::string_view source) {
  const auto in_unit = [](double v) { return v >= 0 && v <= 1; };
  if (!(a.two_way_share_target > 0 && a.two_way_share_target <= 1)) {
    return OutOfRange(source, "two_way_share_target", a.two_way_share_target, "in (0, 1]");
  }
  if (!(a.margin >= 0 && a.margin < 0.5))
    return OutOfRange(source, "margin", a.margin, "in [0, 0.5)");
  if (a.comparable_elections < 1) {
    return OutOfRange(source, "comparable_elections", a.comparable_elections, ">= 1");
  }
  if (a.field_size < 0) return OutOfRange(source, "field_size", a.field_size, ">= 0");
  if (!(a.turnout_low_factor > 0)) {
    return OutOfRange(source, "turnout_low_factor", a.turnout_low_factor, "> 0");
  }
  if (!(a.turnout_high_factor >= a.turnout_low_factor)) {
    return OutOfRange(source, "turnout_high_factor", a.turnout_high_factor,
                      ">= turnout_low_factor");
  }
  if (!in_unit(a.base_vote_share)) {
    return OutOfRange(source, "base_vote_share", a.base_vote_share, "in [0, 1]");
  }
  if (!(a.worst_case_base_vote_share >= 0 && a.worst_case_base_vote_share <= a.base_vote_share)) {
    return OutOfRange(source, "worst_case_base_vote_share", a.worst_case_base_vote_share,
                      "in [0, base_vote_share]");
  }
  if (!(a.contacts_per_vote > 0)) {
    return OutOfRange(source, "contacts_per_vote", a.contacts_per_vote, "> 0");
  }
  if (!(a.take_rate > 0 && a.take_rate <= 1)) {
    return OutOfRange(source, "take_rate", a.take_rate, "in (0, 1]");
  }
  const std::pair<std::string_view, double> positive[] = {
      {"doors_per_hour", a.doors_per_hour},
      {"shift_hours", a.shift_hours},
      {"shifts_per_volunteer_per_week", a.shifts_per_volunteer_per_week},
      {"weeks", a.weeks}};
  for (const auto& [key, value] : positive) {
    if (!(value > 0)) return OutOfRange(source, key, value, "> 0");
  }
  if (!(a.literature_cost_per_door >= 0)) {
    return OutOfRange(source, "literature_cost_per_door", a.literature_cost_per_door, ">= 0");
  }
  if (!in_unit(a.paid_canvass_share)) {
    return OutOfRange(source, "paid_canvass_share", a.paid_canvass_share, "in [0, 1]");
  }
  if (!(a.hourly_wage >= 0)) return OutOfRange(source, "hourly_wage", a.hourly_wage, ">= 0");
  return absl::OkStatus();
}

absl::StatusOr<PlanAssumptions> PlanAssumptionsFromConfig(const base::KeyValues& values,
                                                          std::string_view source) {
  PlanAssumptions a;
  double comparable_elections = a.comparable_elections;
  double field_size = a.field_size;
  RETURN_IF_ERROR(
      base::ApplyNumericFields(values,
                               {{"two_way_share_target", &a.two_way_share_target},
                                {"margin", &a.margin},
                                {"comparable_elections", &comparable_elections},
                                {"field_size", &field_size},
                                {"turnout_low_factor", &a.turnout_low_factor},
                                {"turnout_high_factor", &a.turnout_high_factor},
                                {"base_vote_share", &a.base_vote_share},
                                {"worst_case_base_vote_share", &a.worst_case_base_vote_share},
                                {"contacts_per_vote", &a.contacts_per_vote},
                                {"take_rate", &a.take_rate},
                                {"doors_per_hour", &a.doors_per_hour},
                                {"shift_hours", &a.shift_hours},
                                {"shifts_per_volunteer_per_week", &a.shifts_per_volunteer_per_week},
                                {"weeks", &a.weeks},
                                {"literature_cost_per_door", &a.literature_cost_per_door},
                                {"paid_canvass_share", &a.paid_canvass_share},
                                {"hourly_wage", &a.hourly_wage}},
                               source));
  // Counts must be whole and small; checking before the cast keeps it defined.
  const std::pair<std::string_view, double> counts[] = {
      {"comparable_elections", comparable_elections}, {"field_size", field_size}};
  for (const auto& [key, value] : counts) {
    if (!(value >= 0 && value <= 1000 && value == std::floor(value))) {
      return OutOfRange(source, key, value, "a whole number from 0 to 1000");
    }
  }
  a.comparable_elections = static_cast<int>(comparable_elections);
  a.field_size = static_cast<int>(field_size);
  RETURN_IF_ERROR(CheckPlanAssumptions(a, source));
  return a;
}

absl::StatusOr<Plan> MakePlan(const model::Race& race, std::span<const model::Race> seat_history,
                              std::span<const model::Race> all_primaries_for_kway_share,
                              const PlanAssumptions& assumptions) {
  RETURN_IF_ERROR(CheckPlanAssumptions(assumptions, "plan assumptions"));
  if (race.ballots_for_office <= 0) {
    return absl::FailedPreconditionError(
        fmt::format("race {} has no ballots for the office: nothing to plan from", race.id));
  }

  Plan plan;
  plan.race_id = race.id;
  plan.seat = race.key.seat;
  plan.stage = race.key.stage;
  plan.party = race.key.party;
  plan.coefficients = PlanCoefficients(assumptions);

  // Only like contests predict each other: the same seat, stage and party, and (METHODS §8)
  // the same kind of year, since presidential years bring out far more primary voters.
  std::vector<const model::Race*> candidates = {&race};
  int num_other_years = 0;
  for (const model::Race& earlier : seat_history) {
    if (earlier.id == race.id || earlier.key.seat != race.key.seat ||
        earlier.key.stage != race.key.stage || earlier.key.party != race.key.party ||
        earlier.key.date > race.key.date) {
      continue;
    }
    if (earlier.ballots_for_office <= 0) {
      plan.warnings.push_back(
          fmt::format("skipped {}: no ballots recorded for the office", earlier.id));
      continue;
    }
    if (KindOfYear(earlier.key.date) != KindOfYear(race.key.date)) {
      ++num_other_years;
      continue;
    }
    candidates.push_back(&earlier);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const model::Race* a, const model::Race* b) { return a->key.date > b->key.date; });
  if (candidates.size() > static_cast<size_t>(assumptions.comparable_elections)) {
    candidates.resize(static_cast<size_t>(assumptions.comparable_elections));
  }
  if (num_other_years > 0) {
    plan.warnings.push_back(fmt::format(
        "left out {} race(s) of this seat held in a different kind of year", num_other_years));
  }

  double sum = 0;
  double low = 0;
  double high = 0;
  for (const model::Race* comparable : candidates) {
    plan.comparables.push_back(ComparableRace{comparable->id, comparable->key.date,
                                              comparable->ballots_for_office,
                                              comparable->field_size, comparable->completeness});
    const double ballots = AsDouble(comparable->ballots_for_office);
    sum += ballots;
    low = plan.comparables.size() == 1 ? ballots : std::min(low, ballots);
    high = std::max(high, ballots);
    if (comparable->completeness == model::Completeness::kPartial) {
      plan.warnings.push_back(
          fmt::format("{} is partial: not every county is loaded, so its ballots are undercounted",
                      comparable->id));
    }
  }
  const double expected = sum / AsDouble(static_cast<int64_t>(plan.comparables.size()));
  if (plan.comparables.size() == 1) {
    low = expected * assumptions.turnout_low_factor;
    high = expected * assumptions.turnout_high_factor;
    plan.warnings.push_back(
        fmt::format("one comparable race: the range is expected ballots x {} to x {}",
                    assumptions.turnout_low_factor, assumptions.turnout_high_factor));
  }

  if (race.seats > 1 && !model::IsRunoffStage(race.key.stage)) {
    plan.field_size = assumptions.field_size > 0 ? assumptions.field_size : race.field_size;
    ChooseMultiSeatShareTarget(race, candidates, assumptions, plan);
  } else {
    ChooseShareTarget(race, all_primaries_for_kway_share, assumptions, plan);
  }
  plan.low = RunChain(low, plan.share_target, plan.is_majority, assumptions);
  plan.expected = RunChain(expected, plan.share_target, plan.is_majority, assumptions);
  plan.high = RunChain(high, plan.share_target, plan.is_majority, WorstCase(assumptions));
  plan.steps = Steps(plan);
  return plan;
}

}  // namespace downballot::analysis
