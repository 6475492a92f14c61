// A race: the field with party lines, winner, margin, completeness and mismatches; the
// seat's turnout history; the editable win-number plan; the incumbent's money; the forecast.

import { ApiError, get, seg } from '../api';
import { calibrationChart, figure, turnoutChart, widthOf, type CalibrationBin } from '../charts';
import { num, pct, usd } from '../format';
import { editablePlan, overridesFrom, scenarioTable, warnings, type Scenarios } from '../plan';
import type { Page } from '../router';
import { seatName } from './home';
import { empty, facts, fill, h, link, raceHref, section, stats, table, type Column } from '../ui';

interface Candidate {
  name: string;
  votes: number;
  share: number;
  rank: number;
  is_winner: boolean;
  is_incumbent: boolean;
  party_lines: { party: string; votes: number }[];
  aliases: string[];
  cand_id?: string;
  fec_cand_id?: string;
}

interface FecLink {
  candidate?: string;
  name?: string;
  cand_id?: string;
  fec_cand_id?: string;
  cycle?: number;
  status?: string;
}

export interface Race {
  race_id: string;
  seat_id: string;
  state: string;
  date: string;
  stage: string;
  party: string;
  office: string;
  district: string;
  jurisdiction: string;
  level: string;
  seats: number;
  is_seats_from_data: boolean;
  winners: string[];
  is_tied: boolean;
  margin_votes: number;
  margin_share: number;
  field_size: number;
  is_contested: boolean;
  candidate_votes: number;
  write_in_votes: number;
  blank_void: number;
  ballots_for_office: number;
  ballots_cast: number;
  incumbent: string;
  has_incumbent: boolean;
  is_open_seat: boolean;
  completeness: string;
  conflict: string;
  counted_from: string;
  counties: string[];
  decides_race_id: string;
  decided_by_race_id: string;
  candidates: Candidate[];
  set_aside: { county: string; candidates: string[]; votes: number; reason: string }[];
  sub_tabulations: { breakdown: string; candidate: string; votes: number }[];
  mismatches: { county: string; candidate: string; counted_votes: number; other_votes: number; counted_source: string; other_source: string }[];
  fec_links?: FecLink[];
}

interface RaceRow {
  race_id: string;
  date: string;
  stage: string;
  party: string;
  office: string;
  district: string;
  jurisdiction: string;
  ballots_for_office: number;
  winner: string;
  margin_votes: number;
  completeness: string;
}

interface Plan extends Scenarios {
  race_id: string;
  share_target: number;
  share_target_basis: string;
  field_size: number;
  comparables: { race_id: string; date: string; ballots_for_office: number; field_size: number; completeness: string }[];
  steps: { name: string; formula: string; low: number; expected: number; high: number }[];
}

interface Money {
  cand_id: string;
  name: string;
  cycle: number;
  party: string;
  total_receipts_dollars: number;
  individual_dollars: number;
  small_dollars: number;
  large_dollars: number;
  small_share: number | null; // null: no individual money, so no share
  pac_dollars: number;
  party_dollars: number;
  self_dollars: number;
  other_dollars: number;
  unique_donors: number;
  in_state_share: number | null;
  finance_share: number | null; // null: nothing coded, or no category file names the sectors
  categorized_share: number | null;
  top_industries: { name: string; label: string | null; dollars: number; share: number }[];
  notes: string[];
}

interface Forecast {
  model: { train_cycles?: unknown; num_races?: number; num_candidates?: number; converged?: boolean };
  forecasts: { race_id: string; candidate: string; field_size: number; probability: number; won: unknown }[];
}

interface Evaluation {
  summary?: string;
  scores: { method: string; cycle: string | number; races: number; candidates: number; log_loss: number; brier: number }[];
  calibration: (CalibrationBin & { bin_low: number; bin_high: number })[];
}

let evaluation: Promise<Evaluation> | null = null;

const badge = (label: string, kind = '') => h('span', { class: `badge ${kind}` }, label);
const title = (race: Race) => `${seatName(race)} · ${race.date} ${race.stage}${race.party ? ` (${race.party})` : ''}`;

function field(race: Race): HTMLElement {
  const columns: Column<Candidate>[] = [
    { key: 'rank', label: '#', numeric: true },
    {
      key: 'name',
      label: 'Candidate',
      cell: (c) => [c.name, c.is_winner ? badge('winner', 'good') : null, c.is_incumbent ? badge('incumbent') : null],
    },
    { key: 'party_lines', label: 'Party lines', value: (c) => c.party_lines.map((l) => `${l.party} ${num(l.votes)}`).join(' · ') },
    { key: 'votes', label: 'Votes', numeric: true },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      cell: (c) => [h('span', { class: 'bar', style: `width:${Math.round(c.share * 80)}px`, 'aria-hidden': 'true' }), pct(c.share)],
    },
    { key: 'aliases', label: 'Also spelled' },
  ];
  return table(columns, race.candidates, { caption: 'Candidates', localSort: true, rowClass: ((c: Candidate) => (c.is_winner ? 'winner' : null)) as never });
}

function raceFacts(race: Race): HTMLElement {
  const winners = race.winners.length ? race.winners.join(' and ') : race.is_tied ? 'tied: the returns do not say' : 'none named';
  const margin = race.winners.length ? `${num(race.margin_votes)} votes (${pct(race.margin_share)})` : '';
  return facts([
    ['Election', `${race.date} ${race.stage}${race.party ? ` · ${race.party} primary` : ''}`],
    ['Level', race.level],
    ['Seats', `${num(race.seats)} (${race.is_seats_from_data ? 'the file says vote for N' : race.seats ? 'office table' : 'unknown'})`],
    ['Winner', winners],
    ['Margin', margin],
    ['Ballots', `${num(race.ballots_for_office)} for the office (${num(race.candidate_votes)} for candidates, ${num(race.write_in_votes)} write-in, ${num(race.blank_void)} blank/void)`],
    ['Incumbent', race.incumbent ? `${race.incumbent}${race.is_open_seat ? ' (open seat)' : ''}` : 'unknown (no earlier race for this seat loaded)'],
    ['Completeness', [badge(race.completeness, race.completeness === 'complete' ? 'good' : race.completeness === 'conflicting' ? 'bad' : 'warn'), race.counties.length ? ` ${race.counties.join(', ')}` : '']],
    ['Counted from', race.counted_from],
    ['Conflict', race.conflict],
    ['Decides', race.decides_race_id ? link(raceHref(race.decides_race_id), race.decides_race_id) : ''],
    ['Runoff', race.decided_by_race_id ? link(raceHref(race.decided_by_race_id), race.decided_by_race_id) : ''],
  ]);
}

function extras(race: Race): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (race.mismatches?.length) {
    out.push(
      h('h3', null, 'Sources that disagree (the first counts)'),
      table(
        [
          { key: 'county', label: 'County', value: (m) => m.county || '(whole contest)' },
          { key: 'candidate', label: 'Candidate' },
          { key: 'counted_votes', label: 'Counted', numeric: true },
          { key: 'other_votes', label: 'Other', numeric: true },
          { key: 'difference', label: 'Difference', numeric: true, value: (m) => m.other_votes - m.counted_votes },
          { key: 'counted_source', label: 'Counted source' },
          { key: 'other_source', label: 'Other source' },
        ],
        race.mismatches,
        { caption: 'Mismatches', localSort: true },
      ),
    );
  }
  if (race.set_aside?.length) {
    out.push(
      h('h3', null, 'Returns set aside as another contest’s'),
      table(
        [
          { key: 'county', label: 'County' },
          { key: 'votes', label: 'Votes', numeric: true },
          { key: 'candidates', label: 'Candidates' },
          { key: 'reason', label: 'Reason' },
        ],
        race.set_aside,
        { caption: 'Returns set aside' },
      ),
    );
  }
  if (race.sub_tabulations?.length) {
    out.push(
      h('details', null, h('summary', null, `Sub-tabulations (${race.sub_tabulations.length} rows, shown, never counted)`), table([{ key: 'breakdown', label: 'Breakdown' }, { key: 'candidate', label: 'Candidate' }, { key: 'votes', label: 'Votes', numeric: true }], race.sub_tabulations, { caption: 'Sub-tabulations', localSort: true })),
    );
  }
  return out;
}

async function history(race: Race, width: number): Promise<(Node | null)[]> {
  const rows = await get<RaceRow[]>('races', { state: race.state, office: race.office, district: race.district, limit: 500 });
  const same = rows.filter((r) => r.office === race.office && r.district === race.district && r.jurisdiction === race.jurisdiction && r.stage !== 'special_primary');
  if (same.length < 2) return [empty('No earlier race of this seat is loaded.')];
  const points = same
    .filter((r) => r.ballots_for_office > 0)
    .map((r) => ({ date: new Date(r.date), ballots: r.ballots_for_office, series: r.party ? `${r.stage} ${r.party}` : r.stage, current: r.race_id === race.race_id }));
  return [
    points.length ? figure(turnoutChart(points, width), 'Ballots for the office at each race of this seat; the ringed point is this race.') : null,
    h(
      'details',
      null,
      h('summary', null, `The ${same.length} races of this seat`),
      table(
        [
          { key: 'date', label: 'Date' },
          { key: 'stage', label: 'Stage' },
          { key: 'party', label: 'Party' },
          { key: 'race_id', label: 'Race', cell: (r) => (r.race_id === race.race_id ? 'this race' : link(raceHref(r.race_id), r.race_id)) },
          { key: 'winner', label: 'Winner' },
          { key: 'ballots_for_office', label: 'Ballots', numeric: true },
          { key: 'margin_votes', label: 'Margin', numeric: true },
          { key: 'completeness', label: 'Completeness' },
        ],
        same,
        { caption: 'Races of this seat', localSort: true, sortKey: 'date', order: 'desc' },
      ),
    ),
  ];
}

function planView(plan: Plan): (Node | null)[] {
  return [
    stats([
      ['Win number', h('span', { id: 'win-number' }, num(plan.expected.win_number)), `low ${num(plan.low.win_number)} · high ${num(plan.high.win_number)} (high turnout)`],
      ['Expected ballots', num(Math.round(plan.expected.expected_ballots))],
      ['Share target', pct(plan.share_target)],
      ['Volunteers', num(plan.expected.volunteers)],
      ['Budget', usd(plan.expected.budget_dollars)],
    ]),
    h('p', { class: 'lead' }, `Target: ${plan.share_target_basis}`),
    warnings(plan.warnings),
    scenarioTable(plan),
    h(
      'details',
      null,
      h('summary', null, 'How each number is computed'),
      table(
        [
          { key: 'name', label: 'Step', value: (s) => s.name.replace(/_/g, ' ') },
          { key: 'low', label: 'Low', numeric: true },
          { key: 'expected', label: 'Expected', numeric: true },
          { key: 'high', label: 'Worst case', numeric: true },
          { key: 'formula', label: 'Formula' },
        ],
        plan.steps,
        { caption: 'Plan steps' },
      ),
    ),
    h('h3', null, 'Comparable races (expected ballots average these)'),
    plan.comparables.length
      ? table(
          [
            { key: 'race_id', label: 'Race', cell: (r) => link(raceHref(r.race_id), r.race_id) },
            { key: 'date', label: 'Date' },
            { key: 'ballots_for_office', label: 'Ballots', numeric: true },
            { key: 'field_size', label: 'Field', numeric: true },
            { key: 'completeness', label: 'Completeness' },
          ],
          plan.comparables,
          { caption: 'Comparable races' },
        )
      : empty('No comparable race is loaded.'),
  ];
}

/** The FEC candidate whose money to show: the incumbent's link, else the winner's, else any. */
function moneyCandidate(race: Race): { cand_id: string; name: string; cycle: number } | null {
  const year = Number(race.date.slice(0, 4));
  const cycle = year + (year % 2);
  const links: { cand_id: string; name: string; cycle: number; candidate: Candidate | undefined }[] = [];
  for (const l of race.fec_links ?? []) {
    const id = l.cand_id ?? l.fec_cand_id;
    const name = l.candidate ?? l.name ?? '';
    if (id && (!l.status || l.status === 'linked')) links.push({ cand_id: id, name, cycle: l.cycle ?? cycle, candidate: race.candidates.find((c) => c.name === name) });
  }
  for (const c of race.candidates) {
    const id = c.cand_id ?? c.fec_cand_id;
    if (id && !links.some((l) => l.cand_id === id)) links.push({ cand_id: id, name: c.name, cycle, candidate: c });
  }
  return links.find((l) => l.candidate?.is_incumbent) ?? links.find((l) => l.candidate?.is_winner) ?? links[0] ?? null;
}

/** The race's cycle, else the latest cycle the store has for the candidate. */
async function loadMoney(candidate: { cand_id: string; cycle: number }): Promise<Money> {
  try {
    return await get<Money>('money', { candidate: candidate.cand_id, cycle: candidate.cycle });
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 503)) throw error;
    // Another cycle's profile counts only if it has money: an empty one would read as $0.
    const latest = await get<Money>('money', { candidate: candidate.cand_id }).catch(() => null);
    if (latest && latest.total_receipts_dollars > 0) return latest;
    throw error;
  }
}

/** The money view, or what is missing when the FEC files of the candidate's cycle are not loaded. */
async function moneySection(candidate: { cand_id: string; name: string; cycle: number }, width: number): Promise<(Node | null)[]> {
  try {
    return moneyView(await loadMoney(candidate), candidate.cycle, width);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 409)) throw error;
    return [empty(`No FEC money is loaded for ${candidate.name} (${candidate.cand_id}): ${error.message}`)];
  }
}

function moneyView(money: Money, raceCycle: number, width: number): (Node | null)[] {
  const parts = [
    ['Small individual (≤ $200)', money.small_dollars],
    ['Large individual', money.large_dollars],
    ['PACs', money.pac_dollars],
    ['Party', money.party_dollars],
    ['Self-funding', money.self_dollars],
    ['Other', money.other_dollars],
  ] as [string, number][];
  const total = parts.reduce((sum, [, v]) => sum + Math.max(0, v ?? 0), 0) || 1;
  return [
    h('p', null, `${money.name} (${money.cand_id}, ${money.party}), ${money.cycle} cycle`, money.cycle !== raceCycle ? h('span', { class: 'warning' }, ` — the race’s ${raceCycle} cycle is not loaded`) : null),
    stats([
      ['Receipts', usd(money.total_receipts_dollars)],
      ['Small-donor share', pct(money.small_share)],
      ['Finance (FIRE) share', pct(money.finance_share)],
      ['In-state share', pct(money.in_state_share)],
      ['Unique donors', num(money.unique_donors)],
    ]),
    h(
      'div',
      { class: 'stack', role: 'img', 'aria-label': parts.map(([l, v]) => `${l} ${usd(v)}`).join(', '), style: `display:flex;height:14px;max-width:${width}px;border-radius:3px;overflow:hidden;margin:0.4rem 0` },
      parts.map(([label, value], index) => h('span', { title: `${label}: ${usd(value)}`, style: `width:${(100 * Math.max(0, value ?? 0)) / total}%;background:${['#1d5fa6', '#6b9bd1', '#c2692b', '#8c6bb1', '#2a9d8f', '#aab4be'][index]}` })),
    ),
    table(
      [
        { key: 'label', label: 'Source', value: (r) => r[0] },
        { key: 'dollars', label: 'Dollars', numeric: true, cell: (r) => usd(r[1]) },
        { key: 'share', label: 'Share', numeric: true, cell: (r) => pct(Math.max(0, r[1] ?? 0) / total) },
      ],
      parts,
      { caption: 'Money by source' },
    ),
    h('h3', null, 'Top industries'),
    money.top_industries?.length
      ? table(
          [
            { key: 'name', label: 'Code' },
            { key: 'label', label: 'Industry', cell: (r) => r.label ?? 'unnamed (no category file)' },
            { key: 'dollars', label: 'Dollars', numeric: true, cell: (r) => usd(r.dollars) },
            { key: 'share', label: 'Share', numeric: true, cell: (r) => pct(r.share) },
          ],
          money.top_industries,
          { caption: 'Top industries' },
        )
      : empty('No industry could be coded.'),
    money.notes?.length ? h('details', null, h('summary', null, 'Notes'), h('ul', null, money.notes.map((n) => h('li', null, n)))) : null,
  ];
}

async function forecastView(race: Race, width: number): Promise<(Node | null)[]> {
  const forecast = await get<Forecast>(`races/${seg(race.race_id)}/forecast`);
  evaluation ??= get<Evaluation>('forecast/evaluation');
  evaluation.catch(() => (evaluation = null));
  const rows = [...forecast.forecasts].sort((a, b) => b.probability - a.probability);
  const calibration = h('div');
  void fill(calibration, async () => {
    const result = await evaluation!;
    const scores = result.scores.filter((s) => String(s.cycle) === 'all');
    return [
      h('h3', null, 'How well the model has done (leave-one-state-out)'),
      result.summary ? h('p', { class: 'lead' }, result.summary) : null,
      table(
        [
          { key: 'method', label: 'Method' },
          { key: 'races', label: 'Races', numeric: true },
          { key: 'candidates', label: 'Candidates', numeric: true },
          { key: 'log_loss', label: 'Log loss', numeric: true, title: 'lower is better' },
          { key: 'brier', label: 'Brier', numeric: true, title: 'lower is better' },
        ],
        scores.length ? scores : result.scores,
        { caption: 'Forecast scores' },
      ),
      figure(calibrationChart(result.calibration, Math.min(width, 520)), 'Calibration: predicted probability against how often such candidates won, with 95% intervals; on the dashed line the model is calibrated.'),
    ];
  });
  return [
    table(
      [
        { key: 'candidate', label: 'Candidate' },
        { key: 'probability', label: 'Win probability', numeric: true, cell: (r) => [h('span', { class: 'bar', style: `width:${Math.round(r.probability * 100)}px`, 'aria-hidden': 'true' }), pct(r.probability)] },
        { key: 'won', label: 'Won', value: (r) => (r.won === null || r.won === undefined || r.won === '' ? '' : r.won === true || r.won === 1 || r.won === 'true' || r.won === 'yes' ? 'yes' : 'no') },
      ],
      rows,
      { caption: 'Forecast' },
    ),
    h('p', { class: 'lead' }, `Conditional logit trained on ${[forecast.model.train_cycles].flat().join(', ') || 'other cycles'} (${num(forecast.model.num_races)} races); the forecast cycle is never in the training set.`),
    calibration,
  ];
}

export const racePage: Page = ({ main, args, query, alive, replaceQuery }) => {
  const id = args.join('/');
  document.title = `${id} · downballot`;
  const head = h('div', null, h('p', { class: 'crumbs' }, link('#/', 'Targets'), ' › race'), h('h1', null, id));
  const body = h('div');
  main.append(head, body);
  const width = widthOf(main) * (main.clientWidth >= 1100 ? 0.5 : 1);

  void fill(
    body,
    async () => {
      const race = await get<Race>(`races/${seg(id)}`);
      document.title = `${title(race)} · downballot`;
      head.replaceChildren(h('p', { class: 'crumbs' }, link(`#/?state=${race.state}${race.level ? `&level=${race.level}` : ''}`, `Targets in ${race.state}`), ' › race'), h('h1', null, title(race)), h('p', { class: 'lead' }, race.race_id));
      const candidate = moneyCandidate(race);
      return [
        h('section', { class: 'card' }, h('h2', null, 'The field'), raceFacts(race), field(race), ...extras(race)),
        h(
          'div',
          { class: 'grid two' },
          h(
            'section',
            { class: 'card', id: 'plan' },
            h('h2', null, 'What it takes: the win number and field plan'),
            editablePlan<Plan>({
              overrides: overridesFrom(query),
              fetchPlan: (overrides) => get<Plan>(`races/${seg(id)}/plan`, overrides),
              render: planView,
              onOverrides: (overrides) => replaceQuery(overrides),
              alive,
            }),
          ),
          h('div', null, section('Turnout history', () => history(race, width), alive), candidate ? section(`Money: ${candidate.name}`, () => moneySection(candidate, width), alive) : null, race.stage.includes('primary') ? section('Forecast', () => forecastView(race, width), alive) : null),
        ),
      ];
    },
    alive,
  );
};
