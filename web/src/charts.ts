// Observable Plot charts shared by the pages, each with a text caption; the tables beside
// them carry the same numbers for screen readers.

import * as Plot from '@observablehq/plot';
import { h } from './ui';

export function figure(chart: Element, caption: string): HTMLElement {
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', caption);
  return h('figure', { class: 'chart' }, chart as HTMLElement, h('figcaption', null, caption));
}

export interface TurnoutPoint {
  date: Date;
  ballots: number;
  series: string;
  current: boolean;
}

/** Ballots for the office at each of the seat's races, one line per stage and party. */
export function turnoutChart(points: TurnoutPoint[], width: number): Element {
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 60,
    y: { grid: true, label: 'ballots for the office', tickFormat: (d: number) => d.toLocaleString('en-US') },
    x: { type: 'utc', label: null },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(points, { x: 'date', y: 'ballots', stroke: 'series' }),
      Plot.dot(points, { x: 'date', y: 'ballots', fill: 'series', r: 3.5 }),
      Plot.dot(points.filter((p) => p.current), { x: 'date', y: 'ballots', r: 7, stroke: 'black', strokeWidth: 2 }),
      Plot.tip(points, Plot.pointer({ x: 'date', y: 'ballots', title: (p: TurnoutPoint) => `${p.series} ${p.date.toISOString().slice(0, 10)}: ${p.ballots.toLocaleString('en-US')} ballots` })),
    ],
  });
}

export interface Interval {
  label: string;
  rate: number;
  low: number;
  high: number;
  group?: string;
}

/** Rates with their 95% intervals, one row each. */
export function intervalChart(rows: Interval[], width: number, label: string): Element {
  return Plot.plot({
    width,
    height: Math.max(120, rows.length * 22 + 50),
    marginLeft: Math.min(260, 12 + 6.5 * Math.max(...rows.map((r) => r.label.length), 4)),
    x: { domain: [0, 1], grid: true, tickFormat: '.0%', label },
    y: { label: null, domain: rows.map((r) => r.label) },
    color: rows.some((r) => r.group) ? { legend: true, domain: ['DEM', 'REP'], range: ['#2b6cb0', '#c0392b'], unknown: '#777' } : undefined,
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'low', x2: 'high', stroke: rows.some((r) => r.group) ? 'group' : '#7f9cbf', strokeWidth: 3 }),
      Plot.dot(rows, { y: 'label', x: 'rate', fill: rows.some((r) => r.group) ? 'group' : '#1d5fa6', r: 4 }),
    ],
  });
}

export interface CalibrationBin {
  method: string;
  mean_predicted: number | null;
  observed_rate: number | null;
  observed_low: number | null;
  observed_high: number | null;
  candidates: number;
}

/** Predicted probability against the observed win rate per bin; the diagonal is perfect. */
export function calibrationChart(bins: CalibrationBin[], width: number): Element {
  const shown = bins.filter((b) => b.candidates > 0 && b.mean_predicted !== null && b.observed_rate !== null);
  return Plot.plot({
    width,
    height: Math.min(360, width),
    x: { domain: [0, 1], label: 'predicted probability', grid: true },
    y: { domain: [0, 1], label: 'observed win rate', grid: true },
    color: { legend: true },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: '#bbb', strokeDasharray: '4 3' }),
      Plot.ruleX(shown, { x: 'mean_predicted', y1: 'observed_low', y2: 'observed_high', stroke: 'method', strokeOpacity: 0.5 }),
      Plot.dot(shown, { x: 'mean_predicted', y: 'observed_rate', fill: 'method', r: (b: CalibrationBin) => Math.sqrt(b.candidates), title: (b: CalibrationBin) => `${b.method}: ${b.candidates} candidates` }),
    ],
  });
}

/** Width for a chart inside `element`, within sensible bounds. */
export function widthOf(element: HTMLElement, fallback = 640): number {
  const width = element.clientWidth || fallback;
  return Math.max(280, Math.min(900, width - 4));
}
