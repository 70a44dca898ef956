/**
 * End to end in a real browser: writes a report for a few fast claims plus hand-made experiment sections, opens
 * errata.html in headless Debian Chromium (playwright-core, no downloaded browser) and checks that it works with no
 * network: no console error, every formula rendered by KaTeX with its fonts loaded, the findings first, no element
 * wider than its box at 390 px or 1400 px (entries folded or open), entries that open and close, figures with a size
 * and a title that fits, the verdict filter and the column sort. Screenshots go to test-output/ (git-ignored).
 *
 * Needs /usr/bin/chromium (`npm test` installs it through its pretest script when run as root); set
 * CLAIMCHECK_SKIP_BROWSER=1 to skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICT_STATUSES } from '../../src/claims/verdict.ts';
import { engineInfo, collectProvenance, collectRunProvenance } from '../../src/pipeline/provenance.ts';
import { reportFiles } from '../../src/report/files.ts';
import { splitQuoteMath } from '../../src/report/quote-math.ts';
import { writeFilesAtomic } from '../../src/fs/write-dir-atomic.ts';
import { defaultEngines } from '../../src/engines/index.ts';
import { paperAt, runChecks } from '../../src/pipeline/run.ts';
import { type CheckResult } from '../../src/claims/loaded.ts';
import { fakeSections } from '../report/fake-sections.ts';
import { registryIds } from '../cli/fast-claims.ts';
import { ROOT } from '../cli/run-cli.ts';
import { paperProvenance } from '../../src/paper/paper.ts';

/** Debian's Chromium (never a browser downloaded by Playwright). */
const CHROMIUM = '/usr/bin/chromium';

/** Flags for a sandbox with a closed network (see the machine notes): no background connections, no GPU. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Fast claims that between them have every verdict but inconclusive, fractions and \left…\right, a role printed in
 * several rows (set-eps-mnist2-linf), rows split with \right. … \left. (appb-l5), and derived and corrected forms.
 */
const WANTED = [
  'eq12-norm-inequality',
  'eq15-limit',
  'set-eps-mnist2-linf',
  'tab1-gap',
  'thm2-adversarial-vs-random',
  'eq13-gradient-random',
  'appb-l5',
];

const OUT = join(ROOT, 'test-output', 'browser');
const skip = process.env.CLAIMCHECK_SKIP_BROWSER === '1';

describe.skipIf(skip)('errata.html in headless Chromium', () => {
  let results: CheckResult[];
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `browser test: ${CHROMIUM} is missing; run \`npm test\` as root (its pretest installs Debian's chromium), install it with \`apt-get install -y chromium\`, or set CLAIMCHECK_SKIP_BROWSER=1`,
      );
    }
    const present = new Set(registryIds());
    const ids = WANTED.filter((id) => present.has(id));
    results = await runChecks(ids, { seed: 20210 });
    const sections = fakeSections(ids[0]!);
    const provenance = collectProvenance(20210, engineInfo(defaultEngines()), paperProvenance(paperAt()), ids, {
      setting: 'ci',
      backend: 'auto',
    });
    const now = new Date();
    const run = collectRunProvenance(
      results.map((r) => ({ id: r.claim.id, millis: r.millis })),
      now,
      now,
      ['report', ...ids],
    );
    const { files, mathFailures } = reportFiles(results, provenance, sections, run);
    expect(mathFailures).toEqual([]);
    rmSync(OUT, { recursive: true, force: true });
    await writeFilesAtomic(OUT, files);

    profile = mkdtempSync(join(tmpdir(), 'claimcheck-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(join(OUT, 'errata.html')).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads with no console error and no request beyond the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('renders every formula: KaTeX output with a size, no error, no raw LaTeX outside <annotation>', async () => {
    const math = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('.katex'));
      const empty = all.filter((k) => {
        const box = (k.querySelector('.katex-html') ?? k).getBoundingClientRect();
        return box.width <= 0 || box.height <= 0;
      }).length;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const raw: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || parent.closest('annotation, script, style')) continue;
        if (/\\(?:frac|left|right|begin|boldsymbol|bm)(?![A-Za-z])/.test(n.textContent ?? ''))
          raw.push((n.textContent ?? '').slice(0, 80));
      }
      return { count: all.length, errors: document.querySelectorAll('.katex-error').length, empty, raw };
    });
    const expected = results.reduce(
      (n, r) =>
        n +
        new Set(r.claim.latex.map((f) => f.role)).size +
        (r.verdict.derivedLatex ? 1 : 0) +
        (r.verdict.correction?.latex ? 1 : 0) +
        splitQuoteMath(r.claim.quote ?? '').filter((p) => 'latex' in p).length,
      0,
    );
    // Plain-text symbols of statements and witnesses are rendered too, so there are at least the formulas.
    expect(math.count).toBeGreaterThanOrEqual(expected);
    expect(math.errors).toBe(0);
    expect(math.empty).toBe(0);
    expect(math.raw).toEqual([]);
  });

  it('has every KaTeX font the page uses inlined and loaded', async () => {
    const fonts = await page.evaluate(() => {
      const used = new Set<string>();
      for (const el of Array.from(document.querySelectorAll('.katex-html *'))) {
        if (!Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim())) continue;
        const family = getComputedStyle(el).fontFamily.split(',')[0]!.trim().replace(/["']/g, '');
        if (family.startsWith('KaTeX_')) used.add(family);
      }
      const loaded = new Set(
        Array.from(document.fonts)
          .filter((f) => f.status === 'loaded')
          .map((f) => f.family.replace(/["']/g, '')),
      );
      return { used: [...used].sort(), missing: [...used].filter((f) => !loaded.has(f)) };
    });
    expect(fonts.used).toContain('KaTeX_Main');
    expect(fonts.missing).toEqual([]);
  });

  it('draws every figure with a non-zero size and a title inside its drawing', async () => {
    const boxes = await page.$$eval('figure.plot svg', (svgs) =>
      svgs.map((s) => {
        const b = s.getBoundingClientRect();
        // Every text of the drawing (the title among them) lies inside the drawing, as drawn (transforms applied).
        const outside = Array.from(s.querySelectorAll('text')).filter((t) => {
          const tb = t.getBoundingClientRect();
          return tb.left < b.left - 0.5 || tb.right > b.right + 0.5;
        }).length;
        return { w: b.width, h: b.height, outside, texts: s.querySelectorAll('text').length };
      }),
    );
    expect(boxes.length).toBe(1);
    for (const { w, h, outside, texts } of boxes) {
      expect(w).toBeGreaterThan(100);
      expect(h).toBeGreaterThan(50);
      expect(texts).toBeGreaterThan(0);
      expect(outside).toBe(0);
    }
  });

  it('opens with the findings: the first section of the page, expanded, with its title in the first screen', async () => {
    const first = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const section = Array.from(main.children).find((c) => c.tagName === 'SECTION');
      const summary = section?.querySelector('li.finding > details[open] > summary');
      return {
        id: section?.id,
        top: summary ? summary.getBoundingClientRect().top + window.scrollY : Infinity,
      };
    });
    expect(first.id).toBe('findings');
    expect(first.top).toBeLessThan(900);
  });

  it('folds every claim entry with its verdict visible, opens and closes one, all, and the one a link targets', async () => {
    const state = () =>
      page.$$eval('article.claim > details.entry', (ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    const summary = 'article.claim > details.entry > summary';
    expect((await state()).length).toBe(results.length);
    const lines = await page.$$eval(summary, (ss) => ss.map((s) => s.querySelector('.badge')?.textContent ?? ''));
    expect(lines.every((l) => (VERDICT_STATUSES as readonly string[]).includes(l))).toBe(true);
    await page.click('button[data-entries="close"]');
    expect(await state()).toEqual(Array(results.length).fill(false));
    await page.locator(summary).first().click();
    expect((await state())[0]).toBe(true);
    await page.locator(summary).first().click();
    expect((await state())[0]).toBe(false);
    await page.click('button[data-entries="open"]');
    expect(await state()).toEqual(Array(results.length).fill(true));
    await page.click('button[data-entries="close"]');
    const last = results[results.length - 1]!.claim.id;
    await page.evaluate((id) => {
      location.hash = `claim-${id}`;
    }, last);
    await page.waitForFunction(
      (id) => (document.querySelector(`#claim-${id} > details.entry`) as HTMLDetailsElement).open,
      last,
    );
  });

  it('has no element wider than its box at 390 px or 1400 px, entries folded or open', async () => {
    const overflowing = () =>
      page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1)
          out.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          if (el.closest('.katex-mathml, svg')) continue;
          const style = getComputedStyle(el);
          // A one-line cell cut with an ellipsis (its title holds the whole text) is cut on purpose.
          if (style.textOverflow === 'ellipsis' || el.clientWidth === 0) continue;
          if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible')
            out.push(
              `${el.tagName}.${el.className} in #${el.closest('[id]')?.id}: ${el.scrollWidth} > ${el.clientWidth}`,
            );
        }
        return out;
      });
    for (const width of [390, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      for (const mode of ['close', 'open']) {
        await page.click(`button[data-entries="${mode}"]`);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        expect({ width, mode, overflowing: await overflowing() }).toEqual({ width, mode, overflowing: [] });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('filters the table and the claims by verdict, and back to all', async () => {
    const visible = (): Promise<{ rows: string[]; articles: number }> =>
      page.evaluate(() => ({
        rows: Array.from(document.querySelectorAll<HTMLTableRowElement>('#claims-table tbody tr'))
          .filter((r) => r.offsetParent !== null)
          .map((r) => r.dataset.verdict ?? ''),
        articles: Array.from(document.querySelectorAll<HTMLElement>('article.claim')).filter(
          (a) => a.offsetParent !== null,
        ).length,
      }));
    const refuted = results.filter((r) => r.verdict.status === 'refuted').length;
    expect(refuted).toBeGreaterThan(0);
    await page.click('button[data-filter="refuted"]');
    const filtered = await visible();
    expect(filtered.rows).toEqual(Array(refuted).fill('refuted'));
    expect(filtered.articles).toBe(refuted);
    expect(await page.textContent('#filter-status')).toContain(`Showing ${refuted} of ${results.length}`);
    await page.click('button[data-filter="all"]');
    const all = await visible();
    expect(all.rows).toHaveLength(results.length);
    expect(all.articles).toBe(results.length);
  });

  it('sorts the table by a column, both ways', async () => {
    const column = (i: number): Promise<string[]> =>
      page.$$eval(
        '#claims-table tbody tr',
        (rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c]!.textContent!.trim()),
        i,
      );
    await page.click('#claims-table thead th:nth-child(2) button');
    const ascending = await column(1);
    expect(ascending).toEqual(
      [...ascending].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })),
    );
    expect(await page.getAttribute('#claims-table thead th:nth-child(2)', 'aria-sort')).toBe('ascending');
    await page.click('#claims-table thead th:nth-child(2) button');
    expect(await column(1)).toEqual([...ascending].reverse());
    await page.click('#claims-table thead th:nth-child(4) button');
    const verdicts = (await column(3)).map((v) => VERDICT_STATUSES.indexOf(v as (typeof VERDICT_STATUSES)[number]));
    expect(verdicts).toEqual([...verdicts].sort((a, b) => a - b));
    await page.click('#claims-table thead th:nth-child(1) button');
  });

  it('fits a phone screen without sideways scrolling, and saves screenshots', async () => {
    mkdirSync(OUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: join(OUT, 'errata-desktop.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(OUT, 'errata-phone.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(OUT, 'errata-full.png'), fullPage: true });
    for (const name of ['errata-desktop.png', 'errata-phone.png', 'errata-full.png'])
      expect(existsSync(join(OUT, name))).toBe(true);
  });
});
