// Endorsement scoreboards (`/api/slates`): each group's win rate with its 95% interval, and
// the splits by office, seat or lean.

import { get } from '../api';
import { figure, intervalChart, widthOf } from '../charts';
import { num, pct } from '../format';
import type { Page } from '../router';
import { empty, fill, h, select, table, textInput, type Column } from '../ui';

type Row = Record<string, unknown> & {
  cycle: number;
  party: string;
  group: string;
  endorsed: number;
  decided: number;
  won: number;
  win_rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
};

const MAX_CHART_ROWS = 60;

export const slatesPage: Page = ({ main, query, alive, navigate }) => {
  document.title = 'Slates · downballot';
  const filters = { group: query.get('group') ?? '', cycle: query.get('cycle') ?? '', party: (query.get('party') ?? '').toUpperCase(), by: query.get('by') ?? '' };
  const go = (changes: Partial<typeof filters>) => navigate({ ...filters, ...changes });
  const body = h('div');
  main.append(
    h('h1', null, 'How did the slates do?'),
    h('p', { class: 'lead' }, 'Endorsement groups in FiveThirtyEight’s primary files: how many of their endorsees won, with a 95% interval, and the rate adjusted for open seats, lean and field size.'),
    h(
      'form',
      { class: 'filters', 'aria-label': 'Filter the slates', onsubmit: (e: Event) => e.preventDefault() },
      textInput('Group contains', 'group', filters.group, (group) => go({ group }), 'e.g. Sanders'),
      select('Cycle', 'cycle', [['', 'All'], ['2018', '2018'], ['2020', '2020'], ['2022', '2022']], filters.cycle, (cycle) => go({ cycle })),
      select('Party', 'party', [['', 'Both'], ['DEM', 'DEM'], ['REP', 'REP']], filters.party, (party) => go({ party })),
      select('Split by', 'by', [['', 'No split (scoreboard)'], ['office', 'Office'], ['seat', 'Seat'], ['lean', 'Partisan lean']], filters.by, (by) => go({ by })),
    ),
    body,
  );
  const width = widthOf(main);
  void fill(
    body,
    async () => {
      const rows = await get<Row[]>('slates', filters);
      if (!rows.length) return empty('No endorsement group matches.');
      const dimension = filters.by;
      const label = (r: Row) => `${r.group} · ${r.party} ${r.cycle}${dimension ? ` · ${String(r[dimension] ?? r.value ?? '')}` : ''}`;
      const charted = rows.filter((r) => r.decided > 0 && r.win_rate !== null).slice(0, MAX_CHART_ROWS);
      const columns: Column<Row>[] = [
        { key: 'cycle', label: 'Cycle' },
        { key: 'party', label: 'Party' },
        { key: 'group', label: 'Group' },
        ...(dimension ? [{ key: dimension, label: dimension, value: (r: Row) => r[dimension] ?? r.value }] : []),
        { key: 'endorsed', label: 'Endorsed', numeric: true },
        ...(dimension ? [] : [{ key: 'backed_opponent', label: 'Backed opponent', numeric: true }]),
        { key: 'decided', label: 'Decided', numeric: true },
        { key: 'won', label: 'Won', numeric: true },
        { key: 'win_rate', label: 'Win rate', numeric: true, cell: (r) => pct(r.win_rate) },
        { key: 'ci', label: '95% interval', numeric: true, sortable: false, cell: (r) => (r.ci_low === null ? '–' : `${pct(r.ci_low, 0)}–${pct(r.ci_high, 0)}`) },
        ...(dimension
          ? []
          : [
              { key: 'expected_rate', label: 'Expected', numeric: true, cell: (r: Row) => pct(r.expected_rate) },
              { key: 'adjusted_rate', label: 'Adjusted', numeric: true, cell: (r: Row) => pct(r.adjusted_rate) },
            ]),
      ];
      return h(
        'div',
        { class: 'grid' },
        h(
          'section',
          { class: 'card' },
          h('h2', null, 'Win rates with 95% intervals'),
          charted.length
            ? figure(
                intervalChart(
                  charted.map((r) => ({ label: label(r), rate: r.win_rate ?? 0, low: r.ci_low ?? 0, high: r.ci_high ?? 0, group: `${r.party}` })),
                  width,
                  'win rate of endorsees',
                ),
                `Each dot is a win rate, each bar its 95% Wilson interval${charted.length < rows.length ? ` (the first ${charted.length} of ${rows.length} rows with decided races)` : ''}.`,
              )
            : empty('No decided races to chart.'),
        ),
        h('section', { class: 'card' }, h('h2', null, `${num(rows.length)} ${dimension ? `splits by ${dimension}` : 'groups'}`), table(columns, rows, { caption: 'Slate scoreboard', localSort: true })),
      );
    },
    alive,
  );
};
