/**
 * The one inline script of errata.html: filters the claim table (and the claim entries) by verdict and sorts the
 * table by a column. No framework; the page reads completely without it (math is rendered at build time).
 */

/** The page script (allowed by the page's Content-Security-Policy through its sha256 hash). */
export const PAGE_SCRIPT = `(() => {
  'use strict';
  const table = document.getElementById('claims-table');
  if (!table) return;
  document.documentElement.classList.add('js');
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
    if (target && target.closest('[hidden]')) {
      filter('all');
      target.scrollIntoView();
    }
  };
  window.addEventListener('hashchange', reveal);
  filter('all');
  reveal();
})();
`;
