// The field plan shared by a race's plan and a body's takeover: the low / expected / high
// scenarios, and the coefficient editor whose edits re-fetch the plan (debounced) with the
// edited values as query parameters.

import { ApiError } from './api';
import { num, pct, usd } from './format';
import { debounce, errorBox, h, loading, table, type Column } from './ui';

export interface Scenario {
  expected_ballots: number;
  win_number: number;
  votes_to_find: number;
  contacts: number;
  doors: number;
  shifts: number;
  paid_shifts: number;
  volunteer_shifts: number;
  volunteers: number;
  paid_hours: number;
  budget_dollars: number;
}

export interface Coefficient {
  name: string;
  value: number;
  source: string;
}

export interface Scenarios {
  low: Scenario;
  expected: Scenario;
  high: Scenario;
  coefficients: Coefficient[];
  warnings?: string[];
}

const ROWS: [keyof Scenario, string][] = [
  ['expected_ballots', 'Expected ballots'],
  ['win_number', 'Win number (votes)'],
  ['votes_to_find', 'Votes to find'],
  ['contacts', 'Contacts'],
  ['doors', 'Doors to knock'],
  ['shifts', 'Canvass shifts'],
  ['volunteer_shifts', 'Volunteer shifts'],
  ['paid_shifts', 'Paid shifts'],
  ['volunteers', 'Volunteers'],
  ['paid_hours', 'Paid hours'],
  ['budget_dollars', 'Budget'],
];

/** The chain as a table: one row per quantity, low / expected / high (the worst case). */
export function scenarioTable(plan: Scenarios): HTMLElement {
  const base = plan.coefficients.find((c) => c.name === 'base_vote_share')?.value;
  const worst = plan.coefficients.find((c) => c.name === 'worst_case_base_vote_share')?.value;
  const cell = (key: keyof Scenario, value: number) => (key === 'budget_dollars' ? usd(value) : num(key === 'expected_ballots' ? Math.round(value) : value));
  type Row = { key: keyof Scenario; label: string };
  const columns: Column<Row>[] = [
    { key: 'label', label: 'Quantity' },
    { key: 'low', label: 'Low turnout', numeric: true, cell: (r) => cell(r.key, plan.low[r.key]) },
    { key: 'expected', label: 'Expected', numeric: true, cell: (r) => h('strong', null, cell(r.key, plan.expected[r.key])) },
    { key: 'high', label: 'Worst case', numeric: true, cell: (r) => cell(r.key, plan.high[r.key]) },
  ];
  const note =
    base === undefined
      ? null
      : h(
          'p',
          { class: 'note' },
          `Low and expected count ${pct(base, 0)} of the win number as your base vote (voters who back you without a conversation); ` +
            `the worst case is high turnout with ${pct(worst ?? 0, 0)} assured. Edit base vote share below.`,
        );
  const chain = table(columns, ROWS.filter(([key]) => plan.expected[key] !== undefined).map(([key, label]) => ({ key, label })), { caption: 'The field plan' });
  return note ? h('div', null, chain, note) : chain;
}

export function warnings(list: string[] | undefined): HTMLElement | null {
  return list?.length ? h('ul', { class: 'warnings', 'aria-label': 'Warnings' }, list.map((w) => h('li', null, w))) : null;
}

const label = (name: string) => name.replace(/_/g, ' ');

/**
 * An editable plan. `fetchPlan(overrides)` asks the server; `render(plan)` draws the results
 * above the editor. Edits are sent 400 ms after the last keystroke, and only the newest
 * answer is drawn. `onOverrides` lets the page keep the edits in the URL.
 */
export function editablePlan<T extends Scenarios>(options: {
  overrides: Record<string, string>;
  fetchPlan: (overrides: Record<string, string>) => Promise<T>;
  render: (plan: T) => (Node | null | Node[])[];
  onOverrides: (overrides: Record<string, string>) => void;
  alive: () => boolean;
}): HTMLElement {
  const overrides = { ...options.overrides };
  const results = h('div', { 'aria-live': 'polite' }, loading('Computing the plan…'));
  const status = h('p', { class: 'loading', role: 'status', hidden: true }, 'Recomputing…');
  const editor = h('div', { class: 'coefficients' });
  const resetButton = h('button', { type: 'button' }, 'Reset to defaults');
  const inputs = new Map<string, HTMLInputElement>();
  let request = 0;

  const run = async () => {
    const token = ++request;
    status.hidden = false;
    try {
      const plan = await options.fetchPlan(overrides);
      if (!options.alive() || token !== request) return;
      results.replaceChildren(...options.render(plan).flat().filter((n): n is Node => n !== null));
      drawEditor(plan.coefficients);
    } catch (error) {
      if (!options.alive() || token !== request) return;
      const message = error instanceof ApiError && error.status === 400 ? errorBox(new Error(`${error.message} — fix the assumption to recompute.`)) : errorBox(error);
      if (!inputs.size) results.replaceChildren(message);
      else results.replaceChildren(message, ...Array.from(results.children).filter((c) => !c.classList.contains('error')));
    } finally {
      if (token === request) status.hidden = true;
    }
  };
  const rerun = debounce(() => {
    options.onOverrides({ ...overrides });
    void run();
  }, 400);

  const drawEditor = (coefficients: Coefficient[]) => {
    for (const coefficient of coefficients) {
      let input = inputs.get(coefficient.name);
      if (!input) {
        const id = `coef-${coefficient.name}`;
        input = h('input', { type: 'number', step: 'any', id, name: coefficient.name, inputmode: 'decimal' });
        const field = input;
        input.addEventListener('input', () => {
          const value = field.value.trim();
          if (value === '') delete overrides[coefficient.name];
          else overrides[coefficient.name] = value;
          field.classList.toggle('changed', coefficient.name in overrides);
          rerun();
        });
        inputs.set(coefficient.name, input);
        editor.append(h('div', { class: 'field' }, h('label', { for: id }, label(coefficient.name)), input, h('small', null, coefficient.source)));
      }
      // Never overwrite what the user is typing.
      if (document.activeElement !== input) input.value = String(coefficient.value);
      input.classList.toggle('changed', coefficient.name in overrides);
    }
  };

  resetButton.addEventListener('click', () => {
    for (const key of Object.keys(overrides)) delete overrides[key];
    for (const input of inputs.values()) input.classList.remove('changed');
    options.onOverrides({});
    void run().then(() => {
      for (const input of inputs.values()) input.classList.remove('changed');
    });
  });

  void run();
  return h(
    'div',
    { class: 'plan' },
    results,
    h('h3', null, 'Assumptions'),
    h('p', { class: 'lead' }, 'Edit any coefficient: the plan recomputes as you type. Each one says where its default comes from.'),
    editor,
    h('div', { class: 'filters' }, resetButton, status),
  );
}

/** The plan coefficients carried in a page's hash query (every key but the page's own). */
export function overridesFrom(query: URLSearchParams, reserved: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) if (!reserved.includes(key) && /^[a-z_]+$/.test(key)) out[key] = value;
  return out;
}
