/**
 * KaTeX's stylesheet for a self-contained page: the rules of `katex.min.css` with only the fonts a page uses, each
 * inlined as a woff2 `data:` URL, so the page loads nothing at view time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One `@font-face` of KaTeX: family, weight, style and the woff2 file it points at. */
interface FontFace {
  readonly family: string;
  readonly weight: string;
  readonly style: string;
  readonly file: string;
}

/** A font KaTeX's rules select: family, weight and style. */
interface FontUse {
  readonly family: string;
  readonly weight: string;
  readonly style: string;
  /** Class sets (one per selector of the rule) any of which, all present in the page, select this font. */
  readonly selectors: readonly (readonly string[])[];
}

interface Parsed {
  readonly dist: string;
  readonly rules: string;
  readonly faces: readonly FontFace[];
  readonly uses: readonly FontUse[];
}

let parsed: Parsed | undefined;

function declaration(body: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)${name}:([^;]+)`).exec(body)?.[1]?.trim();
}

function normalWeight(weight: string | undefined): string {
  return weight === undefined || weight === 'normal' ? '400' : weight === 'bold' ? '700' : weight;
}

function load(): Parsed {
  if (parsed) return parsed;
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('katex/package.json')), 'dist');
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  const faces: FontFace[] = [];
  const uses: FontUse[] = [];
  const rules: string[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = m[1]!.trim();
    const body = m[2]!;
    if (selector === '@font-face') {
      const file = /url\((fonts\/[^)]+\.woff2)\)/.exec(body)?.[1];
      const family = declaration(body, 'font-family');
      if (!file || !family)
        throw new Error(`katexStylesheet: a @font-face of katex.min.css has no woff2 source: ${body}`);
      faces.push({
        family,
        weight: normalWeight(declaration(body, 'font-weight')),
        style: declaration(body, 'font-style') ?? 'normal',
        file,
      });
      continue;
    }
    rules.push(`${selector}{${body}}`);
    const family = declaration(body, 'font-family')?.split(',')[0]?.trim();
    if (family?.startsWith('KaTeX_')) {
      uses.push({
        family,
        weight: normalWeight(declaration(body, 'font-weight')),
        style: declaration(body, 'font-style') ?? 'normal',
        selectors: selector
          .split(',')
          .map((s) => [...s.matchAll(/\.([A-Za-z0-9_-]+)/g)].map((c) => c[1]!).filter((c) => c !== 'katex')),
      });
    }
  }
  parsed = { dist, rules: rules.join(''), faces, uses };
  return parsed;
}

/** The class names used anywhere in `html`. */
function classesIn(html: string): Set<string> {
  const classes = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
  return classes;
}

/**
 * KaTeX's CSS for a page whose rendered math is `html`: every rule of katex.min.css, and an `@font-face` with an
 * inlined woff2 for each font the page's classes select (plus KaTeX_Main, the default, and the regular face of
 * every family used: a face another rule asks for in a context not seen here is synthesised from it by the browser).
 */
export function katexStylesheet(html: string): string {
  const { dist, rules, faces, uses } = load();
  const classes = classesIn(html);
  const wanted = new Set<string>(['KaTeX_Main|400|normal']);
  if (classes.size > 0) {
    for (const use of uses) {
      if (use.selectors.some((sel) => sel.length > 0 && sel.every((c) => classes.has(c)))) {
        wanted.add(`${use.family}|${use.weight}|${use.style}`);
      }
    }
  }
  const families = new Set([...wanted].map((w) => w.split('|')[0]!));
  const fontFaces = faces
    .filter(
      (f) =>
        wanted.has(`${f.family}|${f.weight}|${f.style}`) ||
        (families.has(f.family) && f.weight === '400' && f.style === 'normal'),
    )
    .map((f) => {
      const data = readFileSync(join(dist, f.file)).toString('base64');
      return `@font-face{font-display:block;font-family:${f.family};font-style:${f.style};font-weight:${f.weight};src:url(data:font/woff2;base64,${data}) format("woff2")}`;
    });
  return fontFaces.join('\n') + '\n' + rules;
}
