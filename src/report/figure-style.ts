/**
 * The CSS of multi-panel figures in errata.html (`inlineSvg` of a figure with `panels`): the panels side by side
 * where the page is wide enough, wrapping to fewer per row as it narrows, one per row at full width on a phone; the
 * shared legend beside or under them; the title and small print as text that reflows.
 */

/** CSS for `.figure-panels` (include it in the page's `<style>` after the page's own CSS). */
export const FIGURE_CSS = `
figure.plot .figure-panels { margin: 0 auto; }
figure.plot .figure-heading { font: 600 0.95rem/1.35 var(--sans, sans-serif); text-align: center; margin: 0 0 0.3rem; }
figure.plot .figure-subtitle, figure.plot .figure-note { font: 0.8rem/1.4 var(--sans, sans-serif); color: var(--muted, #59636e); text-align: center; margin: 0.2rem 0; }
figure.plot .figure-grid { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: 0.25rem 0.5rem; }
figure.plot .figure-panel { flex: 0 1 auto; min-width: 0; max-width: 100%; }
figure.plot .figure-legend { flex: 0 0 auto; max-width: 100%; }
figure.plot .figure-panel svg, figure.plot .figure-legend svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
@media (max-width: 40rem) {
  figure.plot .figure-panel { flex: 1 1 100%; }
  figure.plot .figure-panel svg { width: 100%; }
}
`;
