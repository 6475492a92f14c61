// The data check (`/api/check`): cross-source differences first, then the publishers'
// mistakes the parser and the roll-up found. Each issue names where to look.

import { get } from '../api';
import { num } from '../format';
import type { Page } from '../router';
import { loadSummary, stateCodes } from '../summary';
import { empty, fill, h, link, raceHref, select, table, type Column } from '../ui';

type Issue = { severity: string; check: string; state: string; subject: string; message: string; rows: string };

const RACE_ID = /^[a-z]{2}\.\d{4}-\d{2}-\d{2}\./;

/** Turns `downballot race ID` hints into links to the race page. */
function where(rows: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  const parts = rows.split(/(downballot (?:race|mismatches --race) [^\s;,]+)/);
  for (const part of parts) {
    const match = /^downballot (?:race|mismatches --race) (\S+)$/.exec(part);
    if (match) out.push(link(raceHref(match[1]!), part));
    else if (part) out.push(part);
  }
  return out;
}

export const checkPage: Page = ({ main, query, alive, navigate }) => {
  document.title = 'Data check · downballot';
  const filters = { state: (query.get('state') ?? '').toUpperCase(), cycle: query.get('cycle') ?? '', severity: query.get('severity') ?? '', check: query.get('check') ?? '' };
  const go = (changes: Partial<typeof filters>) => navigate({ ...filters, ...changes });
  const filterBar = h('form', { class: 'filters', 'aria-label': 'Filter the data check', onsubmit: (e: Event) => e.preventDefault() });
  const body = h('div');
  main.append(
    h('h1', null, 'Data check'),
    h('p', { class: 'lead' }, 'Cross-checks against independent sources (MEDSL, FiveThirtyEight) and the mistakes the parser and the roll-up found in the files. Errors first, then warnings, then notes.'),
    filterBar,
    body,
  );
  void fill(
    body,
    async () => {
      const [issues, summary] = await Promise.all([get<Issue[]>('check', { state: filters.state, cycle: filters.cycle }), loadSummary()]);
      if (!alive()) return null;
      const checks = [...new Set(issues.map((i) => i.check))].sort();
      filterBar.replaceChildren(
        select('State', 'state', [['', 'All'], ...stateCodes(summary).map((s): [string, string] => [s, s])], filters.state, (state) => go({ state })),
        select('Cycle', 'cycle', [['', 'All'], ['2016', '2016'], ['2018', '2018'], ['2020', '2020'], ['2022', '2022']], filters.cycle, (cycle) => go({ cycle })),
        select('Severity', 'severity', [['', 'All'], ['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Notes']], filters.severity, (severity) => go({ severity })),
        select('Check', 'check', [['', 'All'], ...checks.map((c): [string, string] => [c, c.replace(/_/g, ' ')])], filters.check, (check) => go({ check })),
      );
      const shown = issues.filter((i) => (!filters.severity || i.severity === filters.severity) && (!filters.check || i.check === filters.check));
      const count = (severity: string) => issues.filter((i) => i.severity === severity).length;
      const columns: Column<Issue>[] = [
        { key: 'severity', label: 'Severity', cell: (i) => h('span', { class: `badge ${i.severity === 'error' ? 'bad' : i.severity === 'warning' ? 'warn' : ''}` }, i.severity) },
        { key: 'check', label: 'Check', value: (i) => i.check.replace(/_/g, ' ') },
        { key: 'state', label: 'State' },
        { key: 'subject', label: 'Subject', cell: (i) => (RACE_ID.test(i.subject) ? link(raceHref(i.subject), i.subject) : i.subject) },
        { key: 'message', label: 'What', cell: (i) => h('span', { class: 'wrap' }, i.message) },
        { key: 'rows', label: 'Where to look', cell: (i) => where(i.rows) },
      ];
      return h(
        'section',
        { class: 'card' },
        h('h2', null, `${num(count('error'))} errors, ${num(count('warning'))} warnings, ${num(count('info'))} notes`),
        shown.length ? table(columns, shown, { caption: 'Data check issues' }) : empty('Nothing found for these filters.'),
      );
    },
    alive,
  );
};
