/**
 * Optional PNG rendering of the plots' SVG with the resvg rasteriser (`@resvg/resvg-js`, prebuilt binaries shipped in
 * npm packages). When the package or its platform binary is missing, the caller gets the reason instead of a PNG.
 */

/** A PNG, or why none was made. */
export type PngResult =
  | { readonly ok: true; readonly png: Uint8Array; readonly renderer: string }
  | { readonly ok: false; readonly reason: string };

/** Options of `svgToPng`. */
export interface PngOptions {
  /** Output width in pixels (height follows the aspect ratio). Default: the SVG's own width. */
  readonly width?: number;
  /** Font family used for generic names; default "DejaVu Sans". Text renders only if the system has the font. */
  readonly defaultFontFamily?: string;
}

interface ResvgModule {
  Resvg: new (svg: string, opts?: object) => { render(): { asPng(): Uint8Array } };
}

/**
 * Rasterises an SVG string to PNG bytes with resvg (system fonts; same input on the same machine gives the same
 * bytes). Never throws for a missing renderer: returns `{ ok: false, reason }`.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<PngResult> {
  let mod: ResvgModule;
  try {
    mod = (await import('@resvg/resvg-js')) as unknown as ResvgModule;
  } catch (e) {
    return { ok: false, reason: `@resvg/resvg-js is not available: ${(e as Error).message}` };
  }
  try {
    const r = new mod.Resvg(svg, {
      ...(options.width !== undefined ? { fitTo: { mode: 'width', value: options.width } } : {}),
      font: { loadSystemFonts: true, defaultFontFamily: options.defaultFontFamily ?? 'DejaVu Sans' },
    });
    return { ok: true, png: new Uint8Array(r.render().asPng()), renderer: 'resvg-js' };
  } catch (e) {
    return { ok: false, reason: `resvg could not render the SVG: ${(e as Error).message}` };
  }
}
