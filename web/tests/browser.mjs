// Browser test of the dashboard: drives Debian's Chromium (headless) through playwright-core
// against a running `downballot serve --web web/dist`. It filters the targets to New York's
// party seats, opens a race, edits a plan assumption and checks that the win number changes,
// exports the CSV, then opens the party bodies and a takeover, a federal primary's money and
// forecast, the slates, leverage, data check and files pages. A screenshot of each page goes to the screenshot folder. It fails
// (exit 1) on any console error, page error, failed request or server error.
//
// usage: node web/tests/browser.mjs BASE_URL SCREENSHOT_DIR

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, shotDir] = process.argv.slice(2);
if (!baseUrl || !shotDir) {
  console.error('usage: node web/tests/browser.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
const base = baseUrl.replace(/\/$/, '');
mkdirSync(shotDir, { recursive: true });
rmSync(join(shotDir, 'failure.png'), { force: true }); // a failure of an earlier run

const TOTAL_MS = 120_000;
const STEP_MS = 30_000;
const problems = [];
const notes = [];
// API answers the dashboard shows as a message (a section whose data is not loaded): allowed,
// but listed. Anything else at 400 and up is a failure.
const shownApiAnswers = new Set();

const watchdog = setTimeout(() => {
  console.error(`browser test: FAILED: took longer than ${TOTAL_MS / 1000} s`);
  process.exit(1);
}, TOTAL_MS);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // The background-networking flags keep Chromium from calling out of a closed network.
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
page.setDefaultTimeout(STEP_MS);

page.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith(base) && !/^(data|blob):/.test(url)) problems.push(`request left the server: ${url}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
page.on('response', (response) => {
  const status = response.status();
  if (status < 400) return;
  const url = response.url();
  if (url.includes('/api/') && (status === 404 || status === 503)) {
    shownApiAnswers.add(url);
    notes.push(`${status} from ${url.slice(base.length)} (shown as a message)`);
  } else {
    problems.push(`HTTP ${status} for ${url}`);
  }
});
page.on('console', (message) => {
  if (message.type() !== 'error') return;
  const url = message.location()?.url ?? '';
  // Chromium logs every 4xx/5xx answer; those are judged by the response handler above.
  if (message.text().startsWith('Failed to load resource') && (shownApiAnswers.has(url) || url.includes('/api/'))) return;
  problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
});

let step = '';
const log = (text) => console.log(`browser test: ${text}`);

/** Waits until nothing on the page is loading, then fails on an error box outside `allowIn`. */
async function settled(allowErrorsIn = []) {
  await page.waitForFunction(() => {
    const visible = (e) => e.offsetParent !== null || e.getClientRects().length > 0;
    return !document.querySelector('main [aria-busy]') && ![...document.querySelectorAll('main .loading')].some(visible);
  });
  const errors = await page.$$eval(
    'main .error',
    (nodes, allowed) =>
      nodes
        .filter((n) => !allowed.some((selector) => n.closest(selector)))
        .map((n) => n.textContent.trim()),
    allowErrorsIn,
  );
  if (errors.length) throw new Error(`the page shows an error: ${errors.join(' | ')}`);
}

async function shot(name) {
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true });
  log(`screenshot ${name}.png`);
}

async function visit(hash, name, check) {
  step = `open ${hash}`;
  await page.goto(`${base}/${hash}`);
  await settled();
  if (check) await check();
  await shot(name);
}

/** The table inside the card section whose heading starts with `title`, or null. */
async function sectionTable(title) {
  const card = page.locator('main section.card', { has: page.locator('h2', { hasText: title }) });
  if ((await card.count()) === 0) return null;
  return card.first().locator('table').count();
}

try {
  step = 'load the home page';
  await page.goto(`${base}/#/`);
  await page.waitForSelector('main table tbody tr');
  await page.waitForSelector('.map svg path.state');
  await settled();
  await shot('home');

  step = 'filter the targets to NY party seats';
  await page.waitForSelector('#f-state option[value="NY"]', { state: 'attached' });
  await page.selectOption('#f-state', 'NY');
  await page.waitForURL(/state=NY/);
  await settled();
  await page.selectOption('#f-level', 'party');
  await page.waitForURL(/level=party/);
  await settled();
  const rows = await page.$$eval('main section[aria-labelledby="targets-title"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
  );
  if (!rows.length) throw new Error('no NY party-seat target is listed');
  const bad = rows.filter((cells) => cells[2] !== 'NY' || cells[4] !== 'party');
  if (bad.length) throw new Error(`rows outside NY party seats: ${JSON.stringify(bad[0])}`);
  const pager = await page.textContent('.pager .count');
  log(`${rows.length} NY party-seat targets shown (${pager})`);
  await shot('targets-ny-party');

  step = 'export the filtered targets as CSV';
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download CSV')]);
  const csvPath = join(shotDir, 'targets-ny-party.csv');
  await download.saveAs(csvPath);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  if (!csv[0].startsWith('rank,seat_id,state')) throw new Error(`unexpected CSV header: ${csv[0]}`);
  if (csv.slice(1).some((line) => !line.includes(',NY,'))) throw new Error('the CSV has rows outside NY');
  log(`CSV export: ${csv.length - 1} rows`);

  step = 'open a race';
  await page.click('main section[aria-labelledby="targets-title"] tbody tr:first-child td:nth-child(2) a');
  await page.waitForURL(/#\/race\//);
  await page.waitForSelector('#win-number');
  await settled(['section:not(#plan)']);
  const before = (await page.textContent('#win-number')).trim();
  log(`race ${page.url().split('#/race/')[1]}: win number ${before}`);
  await shot('race');

  step = 'edit the plan assumptions';
  // A two-way field at a higher share target, and a wider margin for a k-way field: whatever
  // the race, one of them moves its win number. The edits are typed together, so the
  // debounced recompute runs once.
  const edits = [
    ['field_size', '2'],
    ['two_way_share_target', '0.8'],
    ['margin', '0.3'],
  ];
  for (const [name, value] of edits) await page.fill(`#coef-${name}`, value);
  try {
    await page.waitForFunction((old) => document.querySelector('#win-number')?.textContent.trim() !== old, before, { timeout: 10_000 });
  } catch {
    throw new Error(`the win number stayed ${before} after editing ${edits.map((e) => e.join('=')).join(', ')}`);
  }
  const after = (await page.textContent('#win-number')).trim();
  await page.waitForURL(/field_size=2.*margin=0\.3|margin=0\.3.*field_size=2/);
  await settled(['section:not(#plan)']);
  log(`win number ${before} -> ${after} after editing ${edits.map((e) => e.join('=')).join(', ')}`);
  await shot('race-plan-edited');

  step = 'open the race at phone width';
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.waitForSelector('#win-number');
  await settled(['section:not(#plan)']);
  await shot('race-phone');
  await page.setViewportSize({ width: 1366, height: 900 });

  await visit('#/bodies?state=NY', 'bodies', async () => {
    if (!(await page.$('main tbody tr'))) throw new Error('no party body is listed for NY');
  });
  step = 'open a body takeover';
  await page.click('main tbody tr:first-child a');
  await page.waitForURL(/#\/body\//);
  await page.waitForSelector('#win-number');
  await settled();
  await shot('body-takeover');

  // A general whose linked candidate has receipts in the FEC sample: the money section.
  await visit('#/race/ca.2018-11-06.general.u-s-house.9', 'race-money', async () => {
    if (!(await sectionTable('Money'))) throw new Error('the race shows no money table');
  });
  // A federal primary: its forecast, and its money section (a table, or what is not loaded).
  await visit('#/race/ny.2018-06-26.primary.dem.u-s-house.1', 'race-forecast', async () => {
    if (!(await sectionTable('Forecast'))) throw new Error('the race shows no forecast table');
    const money = page.locator('main section.card', { has: page.locator('h2', { hasText: 'Money' }) });
    if (!(await money.locator('table, .empty').count())) throw new Error('the money section shows nothing');
    const probabilities = await page.$$eval('main section.card', (cards) => {
      const card = cards.find((c) => c.querySelector('h2')?.textContent?.startsWith('Forecast'));
      return card?.querySelector('table tbody')?.querySelectorAll('tr').length ?? 0;
    });
    log(`race money and forecast shown (${probabilities} candidates forecast)`);
  });
  await visit('#/slates', 'slates', async () => {
    if (!(await page.$('main figure svg'))) throw new Error('the slates chart is missing');
    if (!(await page.$('main tbody tr'))) throw new Error('the slates table is empty');
  });
  await visit('#/slates?by=lean', 'slates-by-lean', async () => {
    if (!(await page.$('main tbody tr'))) throw new Error('the slates split by lean is empty');
  });
  await visit('#/leverage?state=NY', 'leverage', async () => {
    const rows = await page.$$('main tbody tr');
    if (!rows.length) throw new Error('no NY minor line exceeds a margin');
    log(`leverage: ${rows.length} NY minor lines exceed the margin`);
  });
  await visit('#/check?state=NY', 'check', async () => {
    if (!(await page.$('main tbody tr'))) throw new Error('the data check lists nothing for NY');
  });
  // An empty list says why: what the store holds to filter on.
  await visit('#/?state=AK', 'home-empty', async () => {
    const text = (await page.locator('main .empty').first().textContent({ timeout: 10000 })) ?? '';
    if (!text.includes('Loaded primaries: states')) throw new Error(`the empty list does not say why: ${text}`);
    log(`empty targets explained: ${text.slice(0, 80)}…`);
  });
  await visit('#/files', 'files', async () => {
    if (!(await page.$('main tbody tr'))) throw new Error('no ingested file is listed');
  });

  step = 'home at phone width';
  await page.setViewportSize({ width: 390, height: 844 });
  await visit('#/?state=NY&level=party', 'home-phone');
} catch (error) {
  problems.push(`${step}: ${error.message.split('\n')[0]}`);
  await page.screenshot({ path: join(shotDir, 'failure.png'), fullPage: true }).catch(() => {});
}

await browser.close();
clearTimeout(watchdog);
for (const note of notes) log(`note: ${note}`);
if (problems.length) {
  console.error(`browser test: FAILED (${problems.length} problems)`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
log(`passed; screenshots in ${shotDir}`);
