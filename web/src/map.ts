// The US map of the home page: states (and the counties the store has data for) shaded by
// their best opportunity score, from `/api/map`. d3-geo's albersUsa projection over the
// us-atlas topology, which is bundled (nothing is fetched from outside).

import { geoAlbersUsa, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import * as Plot from '@observablehq/plot';
import { h } from './ui';
import { num, isNum } from './format';

/** One state or county of `/api/map`. */
export interface MapArea {
  state?: string;
  county?: string;
  fips?: string;
  seats?: number;
  open_seats?: number;
  best_score?: number | null;
  [key: string]: unknown;
}
/** `/api/map`: one row per state (an array), or `{states, counties}` where counties are given. */
export type MapDocument = MapArea[] | { states?: MapArea[]; counties?: MapArea[] };

// Census FIPS code of each state and territory → postal code.
export const STATE_BY_FIPS: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE',
  '11': 'DC', '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA',
  '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN',
  '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM',
  '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA',
  '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP', '72': 'PR', '78': 'VI',
};

type Atlas = Topology<{ states: GeometryCollection<{ name: string }>; counties: GeometryCollection<{ name: string }> }>;
let atlas: Promise<Atlas> | null = null;
// The topology is a separate chunk: the rest of the dashboard does not wait for it.
const loadAtlas = () => (atlas ??= import('us-atlas/counties-10m.json').then((m) => m.default as unknown as Atlas));

const WIDTH = 975;
const HEIGHT = 610;

const norm = (name: string) => name.toLowerCase().replace(/\s+(county|parish|borough|census area|city and borough)$/, '').replace(/[^a-z]/g, '');

function describe(name: string, area: MapArea | undefined): string {
  if (!area) return `${name}: no seats loaded`;
  const score = isNum(area.best_score) ? ` · best score ${num(Math.round(area.best_score * 100) / 100)}` : '';
  return `${name}: ${num(area.seats ?? 0)} seats, ${num(area.open_seats ?? 0)} open${score}`;
}

/**
 * Draws the map. States with data are links (keyboard reachable) to `stateHref(code)`;
 * `selected` is outlined.
 */
export async function usMap(data: MapDocument, selected: string, stateHref: (code: string) => string): Promise<HTMLElement> {
  const topology = await loadAtlas();
  const stateRows = Array.isArray(data) ? data : (data.states ?? []);
  const counties = Array.isArray(data) ? [] : (data.counties ?? []);
  const stateByCode = new Map(stateRows.filter((s) => s.state).map((s) => [String(s.state).toUpperCase(), s]));
  const countyByFips = new Map(counties.filter((c) => c.fips).map((c) => [String(c.fips).padStart(5, '0'), c]));
  const countyByName = new Map(counties.filter((c) => c.county && c.state).map((c) => [`${String(c.state).toUpperCase()}|${norm(String(c.county))}`, c]));
  const scores = [...stateByCode.values(), ...counties].map((a) => a.best_score).filter(isNum);
  const max = Math.max(0.001, ...scores);
  const color = Plot.scale({ color: { type: 'linear', scheme: 'Blues', domain: [0, max] } });
  const fill = (area: MapArea | undefined) => (area && isNum(area.best_score) ? String(color.apply(area.best_score)) : '#dfe5ea');

  const projection = geoAlbersUsa().scale(1300).translate([WIDTH / 2, HEIGHT / 2]);
  const path = geoPath(projection);
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Map of the United States: states shaded by their best opportunity score');
  const tip = h('p', { class: 'map-tip', 'aria-live': 'polite' }, 'Select a state to filter the targets.');

  const states = feature(topology, topology.objects.states).features;
  for (const state of states) {
    const code = STATE_BY_FIPS[String(state.id)] ?? '';
    const area = stateByCode.get(code);
    const d = path(state);
    if (!d) continue;
    const shape = document.createElementNS(svgNs, 'path');
    shape.setAttribute('d', d);
    const label = describe(state.properties.name, area);
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = label;
    shape.append(title);
    if (!area) {
      shape.setAttribute('class', 'state none');
      svg.append(shape);
      continue;
    }
    shape.setAttribute('class', `state${code === selected ? ' selected' : ''}`);
    shape.setAttribute('fill', fill(area));
    const anchor = document.createElementNS(svgNs, 'a');
    anchor.setAttribute('href', stateHref(code));
    anchor.setAttribute('aria-label', label);
    anchor.append(shape);
    const show = () => (tip.textContent = label);
    anchor.addEventListener('mouseenter', show);
    anchor.addEventListener('focus', show);
    svg.append(anchor);
  }

  if (counties.length) {
    const group = document.createElementNS(svgNs, 'g');
    for (const county of feature(topology, topology.objects.counties).features) {
      const fips = String(county.id);
      const code = STATE_BY_FIPS[fips.slice(0, 2)] ?? '';
      const area = countyByFips.get(fips) ?? countyByName.get(`${code}|${norm(county.properties.name)}`);
      if (!area) continue;
      const d = path(county);
      if (!d) continue;
      const shape = document.createElementNS(svgNs, 'path');
      shape.setAttribute('d', d);
      shape.setAttribute('class', 'county');
      shape.setAttribute('fill', fill(area));
      group.append(shape);
    }
    svg.append(group);
    const borders = document.createElementNS(svgNs, 'path');
    borders.setAttribute('class', 'borders');
    borders.setAttribute('d', path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '');
    svg.append(borders);
  }

  // A CSS gradient, not Plot.legend: its ramp is a data: image, which the server's
  // Content-Security-Policy (img-src 'self') refuses.
  const stops = Array.from({ length: 9 }, (_, i) => `${color.apply((max * i) / 8)} ${(100 * i) / 8}%`).join(', ');
  const legend = h(
    'span',
    { class: 'legend-scale' },
    h('span', null, 'Best opportunity score: 0'),
    h('span', { class: 'ramp', style: `background: linear-gradient(to right, ${stops})`, 'aria-hidden': 'true' }),
    h('span', null, num(Math.round(max * 100) / 100)),
  );
  return h(
    'div',
    { class: 'map' },
    svg as unknown as HTMLElement,
    tip,
    h('div', { class: 'legend' }, legend, counties.length ? h('span', null, 'Counties are shaded where county data is loaded; grey: nothing loaded.') : h('span', null, 'Grey: nothing loaded.')),
  );
}
