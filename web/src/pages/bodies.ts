// Party bodies (county and state committees) as units, and each body's takeover plan: the
// cheapest majority, seat by seat, with its costs, editable like a race's plan.

import { get, seg } from '../api';
import { num } from '../format';
import { editablePlan, overridesFrom, scenarioTable, warnings, type Scenarios } from '../plan';
import type { Page } from '../router';
import { loadSummary, partyCodes, stateCodes } from '../summary';
import { bodyHref, empty, facts, fill, h, link, raceHref, select, stats, table, type Column } from '../ui';

interface Body {
  body_id: string;
  state: string;
  party: string;
  body: string;
  area: string;
  last_primary: string;
  seats: number;
  seat_count: string;
  seats_basis: string;
  units: number;
  unit_kind?: string;
  members_per_unit: number | null;
  members_basis?: string;
  primaries: number;
  seats_at_primary: number;
  contested_seats: number;
  seats_without_primary: number | null;
  median_ballots_per_contested_seat: number | null;
  notes?: string[];
}

interface Pick {
  unit: string;
  race_id: string | null;
  seats: number;
  candidates: number;
  win_number_low: number;
  win_number_expected: number;
  win_number_high: number;
  basis: string;
}

interface Takeover extends Scenarios {
  body: Body;
  majority: number;
  seats_won: number;
  candidates: number;
  picks: Pick[];
  assumptions: string[];
}

const seatsText = (b: Body) => (b.seat_count === 'at_least' ? `at least ${num(b.seats)}` : num(b.seats));
const bodyName = (b: Body) => `${b.party} ${b.body.replace(/-/g, ' ')}${b.area ? `, ${b.area}` : ''} (${b.state})`;

export const bodiesPage: Page = ({ main, query, alive, navigate }) => {
  document.title = 'Party bodies · downballot';
  const state = (query.get('state') ?? '').toUpperCase();
  const party = (query.get('party') ?? '').toUpperCase();
  const filterBar = h('form', { class: 'filters', 'aria-label': 'Filter the bodies', onsubmit: (e: Event) => e.preventDefault() });
  const body = h('section', { class: 'card' });
  main.append(
    h('h1', null, 'Party bodies'),
    h('p', { class: 'lead' }, 'County and state committees as units: how many seats each has, how many had a primary and were contested. Open a body for the cheapest majority, seat by seat.'),
    filterBar,
    body,
  );
  void loadSummary().then((summary) => {
    if (!alive()) return;
    const all: [string, string] = ['', 'All'];
    filterBar.append(
      select('State', 'state', [all, ...stateCodes(summary).map((s): [string, string] => [s, s])], state, (value) => navigate({ state: value, party })),
      select('Party', 'party', [all, ...(partyCodes(summary).length ? partyCodes(summary) : ['DEM', 'REP']).map((p): [string, string] => [p, p])], party, (value) => navigate({ state, party: value })),
    );
  });
  const columns: Column<Body>[] = [
    { key: 'body_id', label: 'Body', cell: (b) => link(bodyHref(b.body_id), bodyName(b)), value: (b) => b.body_id },
    { key: 'last_primary', label: 'Last primary' },
    { key: 'seats', label: 'Seats', numeric: true, cell: seatsText },
    { key: 'units', label: 'Units', numeric: true },
    { key: 'members_per_unit', label: 'Members / unit', numeric: true },
    { key: 'seats_at_primary', label: 'At primary', numeric: true },
    { key: 'contested_seats', label: 'Contested', numeric: true },
    { key: 'seats_without_primary', label: 'No primary', numeric: true },
    { key: 'median_ballots_per_contested_seat', label: 'Median ballots', numeric: true, title: 'median ballots per contested seat' },
  ];
  void fill(
    body,
    async () => {
      const bodies = await get<Body[]>('bodies', { state, party });
      if (!bodies.length) return empty('No party-seat primaries are loaded for these filters.');
      return [h('p', { class: 'lead' }, `${num(bodies.length)} bodies.`), table(columns, bodies, { caption: 'Party bodies', localSort: true })];
    },
    alive,
  );
};

function takeoverView(plan: Takeover): (Node | null | Node[])[] {
  const filing = plan.picks.filter((p) => !p.race_id);
  const contested = plan.picks.filter((p) => p.race_id);
  const byFiling = filing.reduce((sum, p) => sum + p.seats, 0);
  const columns: Column<Pick>[] = [
    { key: 'order', label: '#', numeric: true, value: (p) => plan.picks.indexOf(p) + 1 },
    { key: 'unit', label: 'Unit' },
    { key: 'race_id', label: 'Race', cell: (p) => (p.race_id ? link(raceHref(p.race_id), p.race_id) : 'won by filing') },
    { key: 'seats', label: 'Seats', numeric: true },
    { key: 'candidates', label: 'Candidates', numeric: true },
    { key: 'win_number_low', label: 'Votes (low)', numeric: true },
    { key: 'win_number_expected', label: 'Votes', numeric: true },
    { key: 'win_number_high', label: 'Votes (high)', numeric: true },
    { key: 'basis', label: 'Basis' },
  ];
  return [
    stats([
      ['Majority', num(plan.majority), `of ${seatsText(plan.body)} seats`],
      ['Votes needed', h('span', { id: 'win-number' }, num(plan.expected.win_number)), `low ${num(plan.low.win_number)} · high ${num(plan.high.win_number)}`],
      ['Candidates to recruit', num(plan.candidates)],
      ['Seats won by filing', num(byFiling)],
      ['Volunteers', num(plan.expected.volunteers)],
    ]),
    warnings(plan.warnings),
    scenarioTable(plan),
    h('h3', null, `The cheapest majority, seat by seat: ${num(plan.picks.length)} picks, ${num(plan.seats_won)} seats`),
    contested.length
      ? [h('p', null, `${num(contested.length)} races to win, cheapest first:`), table(columns, contested, { caption: 'Contested races to win' })]
      : empty('No contested race is needed: seats won by filing make the majority.'),
    filing.length
      ? h('details', null, h('summary', null, `${num(filing.length)} units where filing wins ${num(byFiling)} seats (no one contested them)`), table(columns, filing, { caption: 'Seats won by filing' }))
      : null,
    plan.assumptions?.length ? h('details', null, h('summary', null, 'What the takeover assumes'), h('ul', null, plan.assumptions.map((a) => h('li', null, a)))) : null,
  ];
}

export const bodyPage: Page = ({ main, args, query, alive, replaceQuery }) => {
  const id = args.join('/');
  document.title = `${id} · downballot`;
  const head = h('div', null, h('p', { class: 'crumbs' }, link('#/bodies', 'Party bodies'), ' › takeover'), h('h1', null, id));
  const info = h('section', { class: 'card' }, h('h2', null, 'The body'));
  const infoBody = h('div');
  info.append(infoBody);
  main.append(head);
  let described = false;
  const plan = editablePlan<Takeover>({
    overrides: overridesFrom(query),
    fetchPlan: (overrides) => get<Takeover>(`bodies/${seg(id)}/takeover`, overrides),
    render: (takeover) => {
      if (!described) {
        described = true;
        info.hidden = false;
        const b = takeover.body;
        head.replaceChildren(h('p', { class: 'crumbs' }, link(`#/bodies?state=${b.state}`, `Party bodies in ${b.state}`), ' › takeover'), h('h1', null, bodyName(b)), h('p', { class: 'lead' }, b.body_id));
        document.title = `${bodyName(b)} · downballot`;
        infoBody.replaceChildren(
          facts([
            ['Seats', `${seatsText(b)} — ${b.seats_basis}`],
            ['Units', `${num(b.units)}${b.unit_kind ? ` ${b.unit_kind}s` : ''}, ${b.members_per_unit ? `${num(b.members_per_unit)} members each` : 'members vary'}${b.members_basis ? ` (${b.members_basis})` : ''}`],
            ['Last primary', `${b.last_primary}: ${num(b.primaries)} races, ${num(b.seats_at_primary)} seats, ${num(b.contested_seats)} contested`],
            ['Median ballots per contested seat', num(b.median_ballots_per_contested_seat)],
            ['Notes', b.notes?.length ? h('ul', null, b.notes.map((n) => h('li', null, n))) : ''],
          ]),
        );
      }
      return takeoverView(takeover);
    },
    onOverrides: (overrides) => replaceQuery(overrides),
    alive,
  });
  info.hidden = true;
  main.append(info, h('section', { class: 'card', id: 'plan' }, h('h2', null, 'Takeover: the cheapest majority'), plan));
};
