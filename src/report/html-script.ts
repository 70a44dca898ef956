/**
 * The one inline script of errata.html: filters the claim table (and the claim entries) by verdict, sorts the table
 * by a column, opens the entry a link points to, expands or collapses every entry, opens every fold for printing, and
 * shrinks a display formula
 * wider than its box until it fits (down to a floor, beyond which the box scrolls). No framework; the page reads
 * completely without it (math is rendered at build time).
 */

/** The smallest scale a display formula is shrunk to before its box scrolls instead. */
const MIN_FORMULA_SCALE = 0.4;

/** The page script (allowed by the page's Content-Security-Policy through its sha256 hash). */
export const PAGE_SCRIPT = `(() => {
  'use strict';
  document.documentElement.classList.add('js');
  const fit = (root) => {
    for (const box of root.querySelectorAll('.katex-display')) {
      const k = box.querySelector('.katex');
      if (!k) continue;
      k.style.fontSize = '';
      if (box.clientWidth === 0) continue;
      const over = box.scrollWidth / box.clientWidth;
      if (over > 1.002) {
        const base = parseFloat(getComputedStyle(k).fontSize);
        k.style.fontSize = (base * Math.max(${MIN_FORMULA_SCALE}, 0.98 / over)).toFixed(2) + 'px';
      }
    }
  };
  const openTo = (el) => {
    for (let d = el && el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
  };
  document.addEventListener('toggle', (e) => { if (e.target.open) fit(e.target); }, true);
  let pending = 0;
  window.addEventListener('resize', () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(() => fit(document)); });
  for (const b of document.querySelectorAll('button[data-entries]')) {
    b.addEventListener('click', () => {
      for (const d of document.querySelectorAll('article.claim > details.entry')) d.open = b.dataset.entries === 'open';
    });
  }
  // A printed page shows every entry; the folds a reader had open or closed come back after printing.
  let folded = [];
  window.addEventListener('beforeprint', () => {
    folded = Array.from(document.querySelectorAll('details:not([open])'));
    for (const d of folded) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of folded) d.open = false;
    folded = [];
  });
  fit(document);
  const table = document.getElementById('claims-table');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const articles = Array.from(document.querySelectorAll('article.claim'));
  const buttons = Array.from(document.querySelectorAll('button[data-filter]'));
  const status = document.getElementById('filter-status');
  let current = 'all';
  const filter = (verdict) => {
    current = verdict;
    let shown = 0;
    for (const row of rows) {
      row.hidden = verdict !== 'all' && row.dataset.verdict !== verdict;
      if (!row.hidden) shown += 1;
    }
    for (const a of articles) a.hidden = verdict !== 'all' && a.dataset.verdict !== verdict;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.filter === verdict));
    if (status) {
      status.textContent = verdict === 'all'
        ? 'Showing all ' + rows.length + ' claims.'
        : 'Showing ' + shown + ' of ' + rows.length + ' claims: ' + verdict + '.';
    }
  };
  for (const b of buttons) {
    b.addEventListener('click', () => filter(b.dataset.filter === current ? 'all' : b.dataset.filter));
  }
  const headers = Array.from(table.tHead.rows[0].cells);
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  headers.forEach((th, col) => {
    const button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir);
      const key = (row) => {
        const cell = row.cells[col];
        return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
      };
      const sign = dir === 'ascending' ? 1 : -1;
      const sorted = Array.from(body.rows).sort((a, b) =>
        sign * collator.compare(key(a), key(b)) || Number(a.dataset.index) - Number(b.dataset.index));
      body.append(...sorted);
    });
  });
  const reveal = () => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target) return;
    if (target.closest('[hidden]')) filter('all');
    const own = target.querySelector(':scope > details');
    openTo(own || target);
    if (own) own.open = true;
    target.scrollIntoView();
  };
  window.addEventListener('hashchange', reveal);
  // A link to the hash already current fires no hashchange: reveal its target all the same.
  document.addEventListener('click', (e) => {
    const link = e.target.closest && e.target.closest('a[href^="#"]');
    if (link && link.getAttribute('href') === location.hash) reveal();
  });
  filter('all');
  reveal();
})();
`;
