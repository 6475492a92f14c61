// Home: where can we run? The US map shaded by opportunity beside the ranked targets
// (`/api/targets`), with filters, sorting, paging and a CSV export of the filtered list.

import { get, getWithTotal, whyEmpty, type Params } from '../api';
import { download, num, toCsv } from '../format';
import { usMap, type MapDocument } from '../map';
import { queryString, type Page } from '../router';
import { levelLabel, levelNames, loadSummary, partyCodes, stateCodes } from '../summary';
import { checkbox, empty, errorBox, fill, h, link, loading, raceHref, select, table, type Column } from '../ui';

export interface Component {
  name: string;
  value: number | null;
  is_known: boolean;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface Target {
  rank: number;
  seat_id: string;
  state: string;
  office: string;
  district: string;
  jurisdiction: string;
  party: string;
  level: string;
  last_race_id: string;
  last_primary: string;
  field_size: number;
  ballots_for_office: number;
  win_number: number;
  incumbent: string;
  completeness: string;
  score: number;
  components: Component[];
}

const PAGE_SIZE = 25;
const SORTS: Record<string, string> = { score: 'score', win_number: 'win_number', ballots_for_office: 'ballots', field_size: 'field_size' };
// A smaller electorate or win number is the better opportunity: those sort ascending first.
const FIRST_ORDER: Record<string, 'asc' | 'desc'> = { score: 'desc', win_number: 'asc', ballots: 'asc', field_size: 'desc' };

const mapCache = new Map<string, Promise<MapDocument>>();

export function seatName(row: { office: string; district?: string; jurisdiction?: string }): string {
  const district = row.district ? ` ${row.district}` : '';
  const place = row.jurisdiction ? ` (${row.jurisdiction})` : '';
  return `${row.office}${district}${place}`;
}

function componentList(components: Component[]): HTMLElement {
  return h(
    'ul',
    { class: 'components' },
    components.map((c) =>
      h('li', null, h('strong', null, c.name.replace(/_/g, ' ')), ': ', c.is_known ? `${num(c.value)} × ${num(c.weight)} = ${num(c.contribution)}` : 'unknown (weighs nothing)', c.explanation ? ` — ${c.explanation}` : ''),
    ),
  );
}

export const homePage: Page = ({ main, query, alive, navigate }) => {
  document.title = 'Targets · downballot';
  const filters = {
    state: (query.get('state') ?? '').toUpperCase(),
    level: query.get('level') ?? '',
    party: (query.get('party') ?? '').toUpperCase(),
    open: query.get('open') === '1',
    sort: query.get('sort') ?? 'score',
    order: (query.get('order') === 'asc' ? 'asc' : query.get('order') === 'desc' ? 'desc' : FIRST_ORDER[query.get('sort') ?? 'score'] ?? 'desc') as 'asc' | 'desc',
    page: Math.max(1, Number(query.get('page') ?? '1') || 1),
  };
  const state = () => ({ ...filters, page: filters.page > 1 ? filters.page : null, open: filters.open });
  const go = (changes: Partial<typeof filters>) => navigate({ ...state(), page: null, ...changes });
  const apiParams: Params = {
    state: filters.state,
    level: filters.level,
    party: filters.party,
    open: filters.open ? 1 : '',
    sort: filters.sort,
    order: filters.order,
  };

  const filterBar = h('form', { class: 'filters', 'aria-label': 'Filter the targets', onsubmit: (e: Event) => e.preventDefault() }, loading('Loading the filters…'));
  const mapBody = h('div');
  const tableBody = h('div');
  const exportButton = h('button', { type: 'button' }, 'Download CSV');

  main.append(
    h('h1', null, 'Where can we run?'),
    h('p', { class: 'lead' }, 'Seats ranked by an explainable opportunity score: open seats, uncontested primaries, small electorates, seats the primary decides, weak incumbents. Open a seat for its results, win number and field plan.'),
    filterBar,
    h('div', { class: 'grid home' }, h('section', { class: 'card', 'aria-labelledby': 'map-title' }, h('h2', { id: 'map-title' }, 'Opportunity by state'), mapBody), h('section', { class: 'card', 'aria-labelledby': 'targets-title' }, h('h2', { id: 'targets-title' }, 'Ranked targets'), tableBody)),
  );

  void loadSummary().then((summary) => {
    if (!alive()) return;
    const states = stateCodes(summary);
    const parties = partyCodes(summary);
    const all: [string, string] = ['', 'All'];
    filterBar.replaceChildren(
      select('State', 'state', [all, ...states.map((s): [string, string] => [s, s])], filters.state, (state) => go({ state })),
      select('Level', 'level', [all, ...levelNames(summary).map((l): [string, string] => [l, levelLabel(l)])], filters.level, (level) => go({ level })),
      parties.length
        ? select('Party', 'party', [all, ...parties.map((p): [string, string] => [p, p])], filters.party, (party) => go({ party }))
        : select('Party', 'party', [all, ['DEM', 'DEM'], ['REP', 'REP']], filters.party, (party) => go({ party })),
      checkbox('Open seats only', 'open', filters.open, (open) => go({ open })),
      ...(filters.state || filters.level || filters.party || filters.open ? [h('a', { class: 'button', href: '#/' }, 'Clear filters')] : []),
      exportButton,
    );
  });

  const mapKey = `level=${filters.level}&party=${filters.party}`;
  if (!mapCache.has(mapKey)) mapCache.set(mapKey, get<MapDocument>('map', { level: filters.level, party: filters.party }));
  void fill(
    mapBody,
    async () => {
      try {
        const data = await mapCache.get(mapKey)!;
        return usMap(data, filters.state, (code) => `#/${queryString({ ...state(), page: null, state: code === filters.state ? null : code })}`);
      } catch (error) {
        mapCache.delete(mapKey);
        throw error;
      }
    },
    alive,
  );

  const columns: Column<Target>[] = [
    { key: 'rank', label: '#', numeric: true, value: (t) => t.rank + (filters.page - 1) * PAGE_SIZE },
    { key: 'seat', label: 'Seat', className: 'wide', cell: (t) => link(raceHref(t.last_race_id), seatName(t)) },
    { key: 'state', label: 'State', className: 'hide-narrow' },
    { key: 'party', label: 'Party', className: 'hide-narrow' },
    { key: 'level', label: 'Level', className: 'hide-narrow' },
    { key: 'last_primary', label: 'Last primary', className: 'hide-medium' },
    { key: 'field_size', label: 'Field', numeric: true, className: 'hide-narrow', title: 'named candidates at the last primary' },
    { key: 'ballots_for_office', label: 'Ballots', numeric: true, title: 'ballots for the office at the last primary' },
    { key: 'win_number', label: 'Win number', numeric: true },
    { key: 'incumbent', label: 'Incumbent', value: (t) => t.incumbent || '—' },
    { key: 'score', label: 'Score', numeric: true, cell: (t) => t.score.toFixed(2) },
    { key: 'why', label: 'Why', cell: (t) => h('details', null, h('summary', null, 'components'), componentList(t.components ?? [])) },
  ];

  void fill(
    tableBody,
    async () => {
      const offset = (filters.page - 1) * PAGE_SIZE;
      const { data, total } = await getWithTotal<Target[]>('targets', { ...apiParams, limit: PAGE_SIZE, offset });
      if (!data.length) {
        return empty(filters.page > 1 ? 'No more targets: go back a page.' : await whyEmpty('targets', 'No seat matches these filters.'));
      }
      const count = total ?? offset + data.length;
      const lastPage = Math.max(1, Math.ceil(count / PAGE_SIZE));
      const pageLink = (page: number, label: string, disabled: boolean) =>
        disabled ? h('button', { type: 'button', disabled: true }, label) : h('a', { class: 'button', href: `#/${queryString({ ...state(), page: page > 1 ? page : null })}` }, label);
      return [
        table(columns, data, {
          caption: 'Ranked targets',
          serverSortable: Object.keys(SORTS),
          sortKey: Object.keys(SORTS).find((k) => SORTS[k] === filters.sort),
          order: filters.order,
          onSort: (key) => {
            const sort = SORTS[key]!;
            const order = sort === filters.sort ? (filters.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[sort]!;
            go({ sort, order });
          },
        }),
        h(
          'div',
          { class: 'pager' },
          h('span', { class: 'count' }, `Rows ${num(offset + 1)}–${num(offset + data.length)} of ${num(count)} · page ${num(filters.page)} of ${num(lastPage)}`),
          pageLink(filters.page - 1, '← Previous', filters.page <= 1),
          pageLink(filters.page + 1, 'Next →', filters.page >= lastPage),
        ),
      ];
    },
    alive,
  );

  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    exportButton.textContent = 'Preparing…';
    try {
      const rows: Target[] = [];
      for (let offset = 0; ; offset += 500) {
        const { data, total } = await getWithTotal<Target[]>('targets', { ...apiParams, limit: 500, offset });
        rows.push(...data);
        if (!data.length || rows.length >= (total ?? 0)) break;
      }
      const componentNames = rows[0]?.components?.map((c) => c.name) ?? [];
      const flat = rows.map((t, index) => {
        const { components, ...rest } = t;
        const row: Record<string, unknown> = { ...rest, rank: index + 1 };
        for (const c of components ?? []) row[c.name] = c.is_known ? c.value : null;
        return row;
      });
      const columnsCsv = ['rank', 'seat_id', 'state', 'office', 'district', 'jurisdiction', 'party', 'level', 'last_primary', 'last_race_id', 'field_size', 'ballots_for_office', 'win_number', 'incumbent', 'completeness', 'score', ...componentNames];
      const name = ['targets', filters.state, filters.level, filters.party, filters.open ? 'open' : ''].filter(Boolean).join('-').toLowerCase();
      download(`${name}.csv`, toCsv(columnsCsv, flat));
      exportButton.textContent = `Downloaded ${num(rows.length)} rows`;
    } catch (error) {
      exportButton.textContent = 'Download CSV';
      tableBody.prepend(errorBox(error));
    } finally {
      exportButton.disabled = false;
      setTimeout(() => alive() && (exportButton.textContent = 'Download CSV'), 3000);
    }
  });
};
