// What the store holds (`/api/summary`), fetched once: the filter lists come from it.

import { get } from './api';
import { STATE_BY_FIPS } from './map';

export interface Summary {
  states?: unknown[];
  parties?: unknown[];
  levels?: unknown[];
  [key: string]: unknown;
}

let summary: Promise<Summary> | null = null;

export function loadSummary(): Promise<Summary> {
  summary ??= get<Summary>('summary').catch(() => ({}) as Summary);
  return summary;
}

const LEVELS = ['federal', 'state', 'county', 'municipal', 'judicial', 'party', 'measure', 'other'];

/** The codes of a summary list, whether it holds strings or objects. */
function codes(list: unknown[] | undefined, keys: string[]): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const key = keys.find((k) => typeof record[k] === 'string');
      if (key) out.push(record[key] as string);
    }
  }
  return [...new Set(out)].sort();
}

/** The loaded states; every state when the summary cannot say. */
export function stateCodes(s: Summary): string[] {
  const loaded = codes(s.states, ['state', 'code', 'abbr']);
  return loaded.length ? loaded : Object.values(STATE_BY_FIPS).sort();
}
export const partyCodes = (s: Summary) => codes(s.parties, ['party', 'code', 'name']);
export function levelNames(s: Summary): string[] {
  const loaded = codes(s.levels, ['level', 'name']);
  return loaded.length ? loaded : LEVELS;
}

export const levelLabel = (level: string) => (level === 'party' ? 'party seats (committees)' : level);
