// Ingest history (`/api/files`): every file loaded, when, and its rows read, stored and
// rejected.

import { get } from '../api';
import { num } from '../format';
import type { Page } from '../router';
import { empty, fill, h, stats, table, type Column } from '../ui';

type FileRow = Record<string, unknown> & { path?: string; rows_read?: number; rows_stored?: number; rows_rejected?: number };

const PREFERRED = ['ingested_at', 'loaded_at', 'path', 'kind', 'status', 'state', 'cycle', 'bytes', 'rows_read', 'rows_stored', 'rows_rejected', 'error'];

export const filesPage: Page = ({ main, alive }) => {
  document.title = 'Files · downballot';
  const body = h('div');
  main.append(h('h1', null, 'Ingest history'), h('p', { class: 'lead' }, 'Every file loaded into the store, when, and how many rows were read, stored and rejected.'), body);
  void fill(
    body,
    async () => {
      const document_ = await get<FileRow[] | { files: FileRow[] }>('files');
      const files = Array.isArray(document_) ? document_ : (document_.files ?? []);
      if (!files.length) return empty('No file has been loaded: run `downballot ingest`.');
      // The columns are those the server sends, the usual ones first; nested lists stay out.
      const keys = [...new Set(files.flatMap((f) => Object.keys(f)))].filter((k) => files.some((f) => f[k] === null || typeof f[k] !== 'object'));
      keys.sort((a, b) => (PREFERRED.indexOf(a) + 1 || 99) - (PREFERRED.indexOf(b) + 1 || 99));
      const columns: Column<FileRow>[] = keys.map((key) => ({
        key,
        label: key.replace(/_/g, ' '),
        numeric: files.some((f) => typeof f[key] === 'number') && !/(^|_)(id|hash|year|cycle)$/.test(key),
        cell: key === 'path' ? (f) => h('span', { title: String(f.path) }, String(f.path ?? '').split('/').slice(-2).join('/')) : undefined,
      }));
      const total = (key: string) => files.reduce((sum, f) => sum + (typeof f[key] === 'number' ? (f[key] as number) : 0), 0);
      return [
        stats([
          ['Files', num(files.length)],
          ['Rows read', num(total('rows_read'))],
          ['Rows stored', num(total('rows_stored'))],
          ['Rows rejected', num(total('rows_rejected'))],
        ]),
        h('section', { class: 'card' }, table(columns, files, { caption: 'Files', localSort: true })),
      ];
    },
    alive,
  );
};
