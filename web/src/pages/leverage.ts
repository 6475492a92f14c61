// Third-party leverage (`/api/leverage`): minor-party lines whose votes exceed the winning
// margin of general elections.

import { get, whyEmpty } from '../api';
import { num } from '../format';
import type { Page } from '../router';
import { loadSummary, stateCodes } from '../summary';
import { checkbox, empty, fill, h, link, raceHref, select, table, textInput, type Column } from '../ui';

type Row = {
  contest_id: string;
  source: string;
  year: number;
  state: string;
  office: string;
  district: string;
  winner: string;
  winner_party: string;
  runner_up: string;
  runner_up_party: string;
  margin: number;
  line_party: string;
  line_votes: number;
  line_candidates: string;
  backs: string;
  ratio: number | null;
  exceeds_margin: boolean;
  fusion: boolean;
  complete: boolean;
  seats: number;
};

export const leveragePage: Page = ({ main, query, alive, navigate }) => {
  document.title = 'Leverage · downballot';
  const filters = {
    state: (query.get('state') ?? '').toUpperCase(),
    cycle: query.get('cycle') ?? '',
    office: query.get('office') ?? '',
    flagged: query.get('flagged') !== '0',
  };
  const go = (changes: Partial<typeof filters>) => {
    const next = { ...filters, ...changes };
    navigate({ state: next.state, cycle: next.cycle, office: next.office, flagged: next.flagged ? null : '0' });
  };
  const filterBar = h('form', { class: 'filters', 'aria-label': 'Filter the leverage table', onsubmit: (e: Event) => e.preventDefault() });
  const body = h('section', { class: 'card' });
  main.append(
    h('h1', null, 'Where does a third party hold leverage?'),
    h('p', { class: 'lead' }, 'Minor-party and fusion lines in general elections against the winning margin. A line is flagged when its votes exceed the margin in a complete contest that elects one member.'),
    filterBar,
    body,
  );
  void loadSummary().then((summary) => {
    if (!alive()) return;
    filterBar.append(
      select('State', 'state', [['', 'All'], ...stateCodes(summary).map((s): [string, string] => [s, s])], filters.state, (state) => go({ state })),
      select('Cycle', 'cycle', [['', 'All'], ['2016', '2016'], ['2018', '2018'], ['2020', '2020'], ['2022', '2022']], filters.cycle, (cycle) => go({ cycle })),
      textInput('Office contains', 'office', filters.office, (office) => go({ office })),
      checkbox('Only lines that exceed the margin', 'flagged', filters.flagged, (flagged) => go({ flagged })),
    );
  });
  const columns: Column<Row>[] = [
    { key: 'contest_id', label: 'Contest', cell: (r) => link(raceHref(r.contest_id), `${r.office}${r.district ? ` ${r.district}` : ''} (${r.state} ${r.year})`), value: (r) => r.contest_id },
    { key: 'line_party', label: 'Line' },
    { key: 'line_votes', label: 'Line votes', numeric: true },
    { key: 'margin', label: 'Margin', numeric: true },
    { key: 'ratio', label: 'Ratio', numeric: true, title: 'line votes / margin' },
    { key: 'backs', label: 'Backs' },
    { key: 'line_candidates', label: 'On the line' },
    { key: 'winner', label: 'Winner', value: (r) => `${r.winner} (${r.winner_party})` },
    { key: 'runner_up', label: 'Runner-up', value: (r) => `${r.runner_up} (${r.runner_up_party})` },
    { key: 'fusion', label: 'Fusion' },
    { key: 'source', label: 'Source' },
  ];
  void fill(
    body,
    async () => {
      const rows = await get<Row[]>('leverage', { state: filters.state, cycle: filters.cycle, office: filters.office, flagged: filters.flagged ? 1 : '' });
      if (!rows.length) {
        return empty(filters.flagged ? 'No minor-party line exceeds the margin for these filters.' : await whyEmpty('leverage', 'No minor-party line for these filters.'));
      }
      return [h('h2', null, `${num(rows.length)} ${filters.flagged ? 'lines exceed the margin' : 'minor-party lines'}`), table(columns, rows, { caption: 'Leverage', localSort: true, sortKey: 'ratio', order: 'desc' })];
    },
    alive,
  );
};
