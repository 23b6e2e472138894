// provcheck report: sorting, filtering, opening sections. It never builds
// markup from text (no innerHTML): it only moves, shows and hides elements
// the report already has. The page is complete without it.
(function () {
  'use strict';
  var root = document.documentElement;
  root.setAttribute('data-js', 'ready');

  // Sortable overview (a grid with table roles): a button in each column
  // heading.
  var grid = document.getElementById('documents');
  var body = grid ? grid.querySelector('.body') : null;
  var rows = body ? Array.prototype.slice.call(body.children) : [];
  var headings = grid ? grid.querySelector('.head .row').children : [];

  function cellKey(row, index, numeric) {
    var cell = row.children[index];
    if (!numeric) return cell.textContent.toLowerCase();
    var value = cell.getAttribute('data-sort');
    return parseFloat(value === null ? cell.textContent : value) || 0;
  }

  function sortBy(index) {
    var heading = headings[index];
    var numeric = heading.querySelector('button').getAttribute('data-type') === 'number';
    var ascending = heading.getAttribute('aria-sort') !== 'ascending';
    var keyed = rows.map(function (row, order) {
      return { row: row, key: cellKey(row, index, numeric), order: order };
    });
    keyed.sort(function (a, b) {
      if (a.key < b.key) return ascending ? -1 : 1;
      if (a.key > b.key) return ascending ? 1 : -1;
      return a.order - b.order;
    });
    var fragment = document.createDocumentFragment();
    rows = keyed.map(function (item) {
      fragment.appendChild(item.row);
      return item.row;
    });
    body.appendChild(fragment);
    for (var i = 0; i < headings.length; i++) headings[i].removeAttribute('aria-sort');
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  Array.prototype.forEach.call(headings, function (heading, index) {
    var button = heading.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(index); });
  });

  // Filter: every row whose text contains what was typed.
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  function applyFilter() {
    var query = filter.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      if (row.provcheckText === undefined) row.provcheckText = row.textContent.toLowerCase();
      var match = query === '' || row.provcheckText.indexOf(query) !== -1;
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = query === '' ? '' : count + ' of ' + rows.length + ' documents shown';
  }
  var timer = 0;
  if (filter) {
    filter.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(applyFilter, rows.length > 2000 ? 150 : 0);
    });
  }

  // Open the sections around a link's target, so that links into a
  // collapsed document (a contradiction's other side) land somewhere.
  function reveal(id, focus) {
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
    target.scrollIntoView({ block: 'center' });
    if (focus && target.tabIndex >= 0) target.focus({ preventScroll: true });
  }
  function fromHash() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ''; }
  }
  window.addEventListener('hashchange', function () { reveal(fromHash(), true); });
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link && link.getAttribute('href') === location.hash) reveal(fromHash(), true);
  });
  if (location.hash) reveal(fromHash(), true);

  function setAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll('details.doc'), function (details) {
      details.open = open;
    });
  }
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { setAll(true); });
  if (collapse) collapse.addEventListener('click', function () { setAll(false); });

  // Print everything, then put the sections back as they were.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details.doc'), function (details) {
      return !details.open;
    });
    closed.forEach(function (details) { details.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (details) { details.open = false; });
    closed = [];
  });

  // Escape dismisses a tooltip (WCAG 1.4.13) until the pointer moves again.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    root.classList.add('tips-off');
    var active = document.activeElement;
    if (active && active.classList.contains('f')) active.blur();
  });
  document.addEventListener('mousemove', function () { root.classList.remove('tips-off'); });
  document.addEventListener('focusin', function () { root.classList.remove('tips-off'); });
})();
