/**
 * Where the text of an SVG the plots write lands, estimated the way the plot code lays text out (`textWidth`: 0.6 em
 * per character, 0.64 em in bold): each `<text>` element's horizontal extent from its x, anchor, font size and weight,
 * and the ones that reach outside the SVG's width.
 */
import { textWidth } from '../../src/plot/svg.ts';

/** One `<text>` element: its content and estimated horizontal extent. */
export interface TextExtent {
  readonly content: string;
  readonly cls: string | undefined;
  readonly x0: number;
  readonly x1: number;
  readonly rotated: boolean;
}

const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/** The root `<svg>` element's width attribute. */
export function svgWidth(svg: string): number {
  return Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
}

/** Every `<text>` element of `svg` with its estimated extent (inherited font size 12 where none is given). */
export function textExtents(svg: string): TextExtent[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attr = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(m[1]!)?.[1];
    const content = unescape(m[2]!);
    const size = Number(attr('font-size') ?? 12);
    const w = textWidth(content, size, attr('font-weight') === 'bold' ? 'bold' : 'normal');
    const x = Number(attr('x'));
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    return { content, cls: attr('class'), x0, x1: x0 + w, rotated: attr('transform') !== undefined };
  });
}

/** The texts of `svg` of the given classes (all when omitted) that reach outside [0, width]. */
export function overflowingTexts(svg: string, classes?: readonly string[]): TextExtent[] {
  const width = svgWidth(svg);
  return textExtents(svg).filter(
    (t) =>
      !t.rotated &&
      (classes === undefined || (t.cls !== undefined && classes.includes(t.cls))) &&
      (t.x0 < -0.5 || t.x1 > width + 0.5),
  );
}
