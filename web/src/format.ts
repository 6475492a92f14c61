// Number and text formatting shared by every page: thousands separators, shares as
// percentages, dollars, and a CSV writer for exports.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const dollars0 = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

export const isNum = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 12,345 for whole numbers, 4 significant digits otherwise; a dash for no value. */
export function num(value: unknown): string {
  if (!isNum(value)) return value === null || value === undefined || value === '' ? '–' : String(value);
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** 0.4996 → "50.0%". */
export function pct(value: unknown, digits = 1): string {
  return isNum(value) ? `${(value * 100).toFixed(digits)}%` : '–';
}

/** 1234.5 → "$1,235". */
export function usd(value: unknown): string {
  return isNum(value) ? dollars0.format(value) : '–';
}

/** A value as it reads in a text (not numeric) cell: a year stays 2018. */
export function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (isNum(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(text).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvCell(value: unknown): string {
  const raw =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? Array.isArray(value)
          ? value.join('; ')
          : JSON.stringify(value)
        : String(value);
  return /[",\n\r]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

/** RFC 4180 CSV of `rows` with the given columns (raw values, no separators). */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Offers `content` as a file download. */
export function download(filename: string, content: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
