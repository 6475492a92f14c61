// Small DOM helpers shared by the pages: element builder, tables (sortable, right-aligned
// numbers), sections that load with a spinner and show the server's error message, filters.

import { ApiError } from './api';
import { num, text } from './format';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element: h('a', {href: '#/'}, 'home'). Text is always set as text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'class') element.className = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A link to a dashboard route, e.g. link('#/race/' + id, id). */
export function link(href: string, label: Child): HTMLAnchorElement {
  return h('a', { href }, label);
}

export const raceHref = (id: string) => `#/race/${encodeURIComponent(id)}`;
export const bodyHref = (id: string) => `#/body/${encodeURIComponent(id)}`;

/** The message of an error, as the server wrote it. */
export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : '';
  const lead = error instanceof ApiError && error.status === 503 ? 'Not loaded: ' : '';
  return h('div', { class: 'error', role: 'alert' }, lead, message, code ? h('span', { class: 'code' }, ` (${code})`) : null);
}

export function empty(message: string): HTMLElement {
  return h('p', { class: 'empty' }, message);
}

export function loading(label = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, label);
}

/**
 * Fills `target` with what `load` builds, showing a loading line first and the error's
 * message if it fails. `alive` says whether the page is still the one shown.
 */
export async function fill(
  target: HTMLElement,
  load: () => Promise<Child | Child[]>,
  alive: () => boolean = () => true,
): Promise<void> {
  target.replaceChildren(loading());
  target.setAttribute('aria-busy', 'true');
  try {
    const content = await load();
    if (!alive()) return;
    target.replaceChildren(...[content].flat().filter((c): c is Node | string => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'number' ? String(c) : c)));
  } catch (error) {
    if (!alive()) return;
    target.replaceChildren(errorBox(error));
  } finally {
    target.removeAttribute('aria-busy');
  }
}

/** A titled section whose body is filled by `load`. */
export function section(
  title: string,
  load: () => Promise<Child | Child[]>,
  alive?: () => boolean,
  id?: string,
): HTMLElement {
  const body = h('div', { class: 'section-body' });
  const element = h('section', { class: 'card', id: id ?? null }, h('h2', null, title), body);
  void fill(body, load, alive);
  return element;
}

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  /** The raw value (for display, sorting and CSV); defaults to row[key]. */
  value?: (row: T) => unknown;
  /** Custom cell content; defaults to the formatted value. */
  cell?: (row: T) => Child | Child[];
  title?: string;
  /** False keeps the column out of client-side sorting. */
  sortable?: boolean;
  /** Extra class of the column's cells: 'wide' for a column that needs room, 'hide-narrow'
   *  for one left out at phone widths. */
  className?: string;
}

export interface TableOptions {
  caption?: string;
  /** Server-side sort: the current key and order, and what a header click does. */
  sortKey?: string;
  order?: 'asc' | 'desc';
  onSort?: (key: string) => void;
  /** Column keys the server can sort by; other headers are plain. */
  serverSortable?: string[];
  /** Sort rows in the browser when a header is clicked. */
  localSort?: boolean;
  rowClass?: (row: never) => string | null;
}

export function valueOf<T>(column: Column<T>, row: T): unknown {
  return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
}

/** A table in a horizontally scrollable, keyboard-focusable region. */
export function table<T>(columns: Column<T>[], rows: T[], options: TableOptions = {}): HTMLElement {
  const wrap = h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': options.caption ?? 'table' });
  let sortKey = options.sortKey ?? '';
  let order: 'asc' | 'desc' = options.order ?? 'desc';
  const draw = () => {
    let shown = rows;
    if (options.localSort && sortKey) {
      const column = columns.find((c) => c.key === sortKey);
      if (column) {
        const sign = order === 'asc' ? 1 : -1;
        shown = [...rows].sort((a, b) => sign * compare(valueOf(column, a), valueOf(column, b)));
      }
    }
    const head = h(
      'tr',
      null,
      columns.map((column) => {
        const canSort = options.localSort
          ? column.sortable !== false
          : (options.serverSortable ?? []).includes(column.key);
        const active = canSort && sortKey === column.key;
        const th = h('th', {
          scope: 'col',
          class: [column.numeric ? 'num' : '', column.className ?? ''].join(' ').trim() || null,
          title: column.title ?? null,
          'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : null,
        });
        if (!canSort) {
          th.append(column.label);
          return th;
        }
        th.append(
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              onclick: () => {
                if (options.onSort) return options.onSort(column.key);
                order = sortKey === column.key && order === 'desc' ? 'asc' : 'desc';
                sortKey = column.key;
                draw();
              },
            },
            column.label,
            h('span', { 'aria-hidden': 'true', class: 'arrow' }, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''),
          ),
        );
        return th;
      }),
    );
    const body = shown.map((row) =>
      h(
        'tr',
        { class: options.rowClass ? (options.rowClass as (r: T) => string | null)(row) : null },
        columns.map((column) => {
          const content = column.cell ? column.cell(row) : column.numeric ? num(valueOf(column, row)) : text(valueOf(column, row));
          return h('td', { class: [column.numeric ? 'num' : '', column.className ?? ''].join(' ').trim() || null }, content as Child);
        }),
      ),
    );
    wrap.replaceChildren(
      h('table', null, options.caption ? h('caption', { class: 'sr-only' }, options.caption) : null, h('thead', null, head), h('tbody', null, body)),
    );
  };
  draw();
  return wrap;
}

function compare(a: unknown, b: unknown): number {
  const missingA = a === null || a === undefined || a === '';
  const missingB = b === null || b === undefined || b === '';
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** A labelled select; `options` are [value, label] pairs, the first usually ['', 'All']. */
export function select(
  label: string,
  name: string,
  options: [string, string][],
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = `f-${name}`;
  const element = h(
    'select',
    { id, name, onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value) },
    options.map(([optionValue, optionLabel]) => h('option', { value: optionValue, selected: optionValue === value }, optionLabel)),
  );
  // A value from a shared link that the list lacks is kept, not silently dropped.
  if (value && !options.some(([optionValue]) => optionValue === value)) {
    element.append(h('option', { value, selected: true }, value));
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), element);
}

export function checkbox(label: string, name: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const id = `f-${name}`;
  return h(
    'div',
    { class: 'field check' },
    h('input', { type: 'checkbox', id, name, checked, onchange: (event: Event) => onChange((event.target as HTMLInputElement).checked) }),
    h('label', { for: id }, label),
  );
}

export function textInput(label: string, name: string, value: string, onChange: (value: string) => void, placeholder = ''): HTMLElement {
  const id = `f-${name}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { type: 'text', id, name, value, placeholder, onchange: (event: Event) => onChange((event.target as HTMLInputElement).value.trim()) }),
  );
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Key figures: a row of big numbers with labels. */
export function stats(items: [string, Child | Child[], string?][]): HTMLElement {
  return h(
    'dl',
    { class: 'stats' },
    items.map(([label, value, note]) => h('div', null, h('dt', null, label), h('dd', null, value as Child), note ? h('dd', { class: 'note' }, note) : null)),
  );
}

/** A definition list of label → value pairs, leaving out empty values. */
export function facts(items: [string, Child | Child[]][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    items
      .filter(([, value]) => value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
      .map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value as Child))),
  );
}
