/**
 * The run view's browser script (plain ES2018, no dependencies), inlined into every page that
 * shows a run. It reads the packed run data (`run-data.ts`) from the view's
 * `<script type="application/json" class="sc-run-data">`, wires clicks on the graph to the
 * details panel and draws the timeline as a virtual list (only the visible rows exist), so a
 * history of 100,000 events opens at once. `StatecraftRunView.mount(element)` mounts a view added
 * later (the serve console replaces it while an execution runs); views present at load mount
 * themselves.
 */
export const RUN_VIEW_SCRIPT = String.raw`(function () {
  'use strict';
  var ROW = 20, PAGE = 50, CHIPS = 200;
  function el(tag, cls, txt) { var e = document.createElement(tag); if (cls) e.className = cls; if (txt !== undefined) e.textContent = txt; return e; }
  function pad(n, w) { n = String(n); while (n.length < (w || 2)) n = '0' + n; return n; }
  function fmt(ms) {
    if (ms === undefined || ms === null) return '';
    var d = Math.floor(ms / 86400000), r = ms % 86400000;
    return '+' + (d > 0 ? d + 'd ' : '') + pad(Math.floor(r / 3600000)) + ':' + pad(Math.floor(r % 3600000 / 60000)) + ':' + pad(Math.floor(r % 60000 / 1000)) + '.' + pad(r % 1000, 3);
  }
  function pretty(s) {
    if (s === undefined) return '';
    if (s.length > 200000) return s;
    try { return JSON.stringify(JSON.parse(s), null, 2); } catch (e) { return s; }
  }
  function mount(root) {
    if (!root || root.__scMounted) return;
    root.__scMounted = true;
    var D = JSON.parse(root.querySelector('.sc-run-data').textContent);
    var S = D.strings, C = D.visits, V = new Array(C.n.length);
    for (var q = 0; q < V.length; q++) {
      var v0 = C.extra[q] || {}, it = C.it[q];
      v0.n = C.n[q]; v0.a = C.a[q]; v0.r = C.r[q];
      if (C.x[q] >= 0) v0.x = C.x[q];
      if (C.i[q] >= 0) v0.i = C.i[q];
      if (C.o[q] >= 0) v0.o = C.o[q];
      if (C.p[q] >= 0) v0.p = C.p[q];
      if (it !== 0) v0.it = typeof it === 'number' ? [it - 1] : it.map(function (k) { return k - 1; });
      V[q] = v0;
    }
    function str(i) { return i === undefined || i < 0 ? undefined : S[i]; }
    var byName = D.names.map(function () { return []; });
    V.forEach(function (v, i) { byName[v.n].push(i); });
    var rank = { succeeded: 1, running: 2, retried: 3, caught: 4, failed: 5 };
    function outcomeOf(n) { var best = 'not-reached', r = 0; byName[n].forEach(function (i) { var o = D.outcomes[V[i].r]; if (rank[o] > r) { r = rank[o]; best = o; } }); return best; }
    var nameIndex = {}; D.names.forEach(function (n, i) { nameIndex[n] = i; });
    var graph = root.querySelector('.sc-run-graph'), detail = root.querySelector('.sc-run-detail');
    var children = null;
    function childrenOf(p) {
      if (!children) { children = {}; V.forEach(function (v, i) { if (v.p !== undefined) (children[v.p] = children[v.p] || []).push(i); }); }
      return children[p] || [];
    }
    function iterLabel(v) { return v.it ? 'iteration ' + v.it.join('.') : ''; }
    function section(title) { detail.appendChild(el('h4', null, title)); }
    function pre(text) { detail.appendChild(el('pre', null, pretty(text))); }
    function visitButton(i, selected, onClick) {
      var v = V[i], b = el('button', i === selected ? 'sel' : '');
      b.textContent = D.names[v.n] + (v.it ? ' · ' + iterLabel(v) : '') + ' · ' + D.outcomes[v.r] + ' · ' + fmt(v.a);
      b.setAttribute('data-visit', String(i));
      b.onclick = onClick || function () { select(v.n, i); };
      return b;
    }
    function pagedList(items, selected, render, label) {
      var box = el('div'), page = Math.max(0, Math.floor(Math.max(0, items.indexOf(selected)) / PAGE));
      function draw() {
        box.textContent = '';
        var pages = Math.ceil(items.length / PAGE);
        if (pages > 1) {
          var pager = el('div', 'sc-pager'), prev = el('button', null, '‹'), next = el('button', null, '›');
          prev.disabled = page === 0; next.disabled = page >= pages - 1;
          prev.onclick = function () { page--; draw(); }; next.onclick = function () { page++; draw(); };
          pager.appendChild(prev); pager.appendChild(el('span', null, label + ' ' + (page * PAGE + 1) + '–' + Math.min(items.length, (page + 1) * PAGE) + ' of ' + items.length)); pager.appendChild(next);
          box.appendChild(pager);
        }
        var list = el('div', 'sc-list');
        items.slice(page * PAGE, (page + 1) * PAGE).forEach(function (i) { list.appendChild(render(i)); });
        box.appendChild(list);
      }
      draw();
      return box;
    }
    function select(n, visitIndex) {
      var sel = graph.querySelectorAll('.selected');
      for (var k = 0; k < sel.length; k++) sel[k].classList.remove('selected');
      var node = graph.querySelector('[data-state="' + cssEscape(D.names[n]) + '"]');
      if (node) { node.classList.add('selected'); if (node.scrollIntoView && visitIndex !== undefined) node.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
      var visits = byName[n];
      if (visitIndex === undefined) visitIndex = visits[0];
      detail.textContent = '';
      var st = D.states[n] || {};
      var head = el('h3', null, D.names[n] + ' ');
      head.appendChild(el('span', 'sc-muted', (st.t || '') + ' · ' + outcomeOf(n).replace('-', ' ') + (visits.length > 1 ? ' · ' + visits.length + ' visits' : '')));
      detail.appendChild(head);
      detail.setAttribute('data-selected', D.names[n]);
      if (visits.length === 0) { detail.appendChild(el('p', 'sc-hint', 'Not reached in this execution.')); return; }
      if (visits.length > 1) { section('Visits'); detail.appendChild(pagedList(visits, visitIndex, function (i) { return visitButton(i, visitIndex); }, 'visits')); }
      showVisit(visitIndex);
    }
    function showVisit(i) {
      var v = V[i], st = D.states[v.n] || {};
      var facts = el('table'), rows = [['Outcome', D.outcomes[v.r]], ['Entered', fmt(v.a)], ['Exited', v.x === undefined ? '—' : fmt(v.x) + ' (' + ((v.x - v.a) / 1000).toFixed(3) + ' s)']];
      if (v.it) rows.push(['Map', iterLabel(v)]);
      if (v.p !== undefined) rows.push(['Inside', D.names[V[v.p].n] + (st.b ? ' · branch ' + st.b : '')]);
      rows.forEach(function (r) { var tr = el('tr'); tr.appendChild(el('th', null, r[0])); tr.appendChild(el('td', null, r[1])); facts.appendChild(tr); });
      detail.appendChild(facts);
      var error = str(v.e), cause = str(v.c);
      if (error === undefined && st.t === 'Fail') { error = str(st.fe); cause = str(st.fc); }
      if ((error !== undefined || cause !== undefined) && (D.outcomes[v.r] === 'failed' || D.outcomes[v.r] === 'caught')) { section(D.outcomes[v.r] === 'caught' ? 'Error (caught)' : 'Error'); var er = el('pre', 'sc-error'); er.textContent = (error || '') + (cause ? '\n' + pretty(cause) : ''); detail.appendChild(er); }
      if (v.i !== undefined) { section('Input'); pre(str(v.i)); }
      var at = v.at || [];
      if (at.length > 0 && at[0][0] >= 0) { section(st.t === 'Task' ? 'Parameters' : 'Started with'); pre(str(at[at.length - 1][0])); }
      if (at.length > 1 || (at.length === 1 && at[0][2] >= 0)) {
        section(at.length > 1 ? 'Attempts (' + (at.length - 1) + ' retr' + (at.length === 2 ? 'y' : 'ies') + ')' : 'Attempt');
        var t = el('table');
        at.forEach(function (a, k) { var tr = el('tr'); tr.appendChild(el('th', null, '#' + (k + 1))); tr.appendChild(el('td', a[2] >= 0 ? 'sc-error' : null, a[2] >= 0 ? str(a[2]) + (a[3] >= 0 ? ': ' + str(a[3]) : '') : (a[1] >= 0 ? 'succeeded' : '…'))); t.appendChild(tr); });
        detail.appendChild(t);
      }
      if (v.o !== undefined) { section('Output'); pre(str(v.o)); }
      if (v.v !== undefined) { section('Assigned variables'); pre(str(v.v)); }
      if (st.t === 'Map') showIterations(i);
      if (st.t === 'Parallel') showBranches(i);
    }
    function showIterations(i) {
      var v = V[i], its = v.its || [], statuses = [], counts = {};
      for (var k = 0; k < its.length; k += 2) { statuses.push([its[k], D.iterationStatus[its[k + 1]]]); counts[D.iterationStatus[its[k + 1]]] = (counts[D.iterationStatus[its[k + 1]]] || 0) + 1; }
      statuses.sort(function (a, b) { return a[0] - b[0]; });
      section('Iterations' + (v.len !== undefined ? ' (' + v.len + ' items)' : ''));
      detail.appendChild(el('p', 'sc-muted', Object.keys(counts).map(function (c) { return counts[c] + ' ' + c; }).join(' · ') || 'none started'));
      var onlyFailed = false, page = 0, box = el('div'), inner = el('div');
      var toggle = el('label', 'sc-muted'), cb = el('input'); cb.type = 'checkbox'; toggle.appendChild(cb); toggle.appendChild(document.createTextNode(' failed only'));
      cb.onchange = function () { onlyFailed = cb.checked; page = 0; draw(); };
      detail.appendChild(toggle); detail.appendChild(box); detail.appendChild(inner);
      function draw() {
        box.textContent = '';
        var shown = statuses.filter(function (s) { return !onlyFailed || s[1] === 'failed' || s[1] === 'aborted'; });
        var pages = Math.ceil(shown.length / CHIPS);
        if (pages > 1) {
          var pager = el('div', 'sc-pager'), prev = el('button', null, '‹'), next = el('button', null, '›');
          prev.disabled = page === 0; next.disabled = page >= pages - 1;
          prev.onclick = function () { page--; draw(); }; next.onclick = function () { page++; draw(); };
          pager.appendChild(prev); pager.appendChild(el('span', null, 'iterations ' + (page * CHIPS + 1) + '–' + Math.min(shown.length, (page + 1) * CHIPS) + ' of ' + shown.length)); pager.appendChild(next);
          box.appendChild(pager);
        }
        var chips = el('div', 'sc-chips');
        shown.slice(page * CHIPS, (page + 1) * CHIPS).forEach(function (s) {
          var chip = el('button', 'sc-chip o-' + (s[1] === 'aborted' ? 'failed' : s[1]), String(s[0]));
          chip.title = 'iteration ' + s[0] + ': ' + s[1];
          chip.setAttribute('data-iteration', String(s[0]));
          chip.onclick = function () { showIteration(i, s[0], inner); };
          chips.appendChild(chip);
        });
        box.appendChild(chips);
      }
      draw();
    }
    function showIteration(mapVisit, index, box) {
      box.textContent = '';
      box.appendChild(el('h4', null, 'Iteration ' + index));
      var depth = (V[mapVisit].it || []).length;
      var list = el('div', 'sc-list');
      childrenOf(mapVisit).forEach(function (c) { if (V[c].it && V[c].it[depth] === index) list.appendChild(visitButton(c)); });
      box.appendChild(list);
    }
    function showBranches(i) {
      var groups = {};
      childrenOf(i).forEach(function (c) { var b = (D.states[V[c].n] || {}).b || 1; (groups[b] = groups[b] || []).push(c); });
      section('Branches');
      Object.keys(groups).sort(function (a, b) { return a - b; }).forEach(function (b) {
        detail.appendChild(el('p', 'sc-muted', 'Branch ' + b));
        var list = el('div', 'sc-list');
        groups[b].forEach(function (c) { list.appendChild(visitButton(c)); });
        detail.appendChild(list);
      });
    }
    function cssEscape(s) { return s.replace(/["\\]/g, '\\$&'); }
    graph.addEventListener('click', function (e) {
      var node = e.target.closest ? e.target.closest('[data-state]') : null;
      if (!node) return;
      var n = nameIndex[node.getAttribute('data-state')];
      if (n !== undefined) select(n);
    });
    // Timeline: a virtual list over the events (absolute virtual times from the packed deltas).
    var E = D.events, times = new Array(E.type.length), acc = 0;
    for (var k = 0; k < E.type.length; k++) { acc += E.dt[k]; times[k] = acc; }
    var scroll = root.querySelector('.sc-tl-scroll'), space = root.querySelector('.sc-tl-space'), count = root.querySelector('.sc-tl-count'), filter = root.querySelector('.sc-tl-filter');
    var rows = [], drawn = [];
    function rowText(k) {
      var vi = E.visit[k], v = vi >= 0 ? V[vi] : undefined;
      return E.types[E.type[k]] + (v ? '  ' + D.names[v.n] + (v.it ? '  [' + iterLabel(v) + ']' : '') : '');
    }
    function applyFilter() {
      var q = filter.value.trim().toLowerCase();
      rows = [];
      for (var k = 0; k < E.type.length; k++) if (!q || rowText(k).toLowerCase().indexOf(q) >= 0) rows.push(k);
      space.style.height = rows.length * ROW + 'px';
      count.textContent = rows.length + ' of ' + E.type.length + ' events';
      render(true);
    }
    function render(force) {
      var first = Math.max(0, Math.floor(scroll.scrollTop / ROW) - 10), last = Math.min(rows.length, first + Math.ceil(scroll.clientHeight / ROW) + 20);
      if (!force && drawn[0] === first && drawn[1] === last) return;
      drawn = [first, last];
      space.textContent = '';
      for (var r = first; r < last; r++) {
        var k = rows[r], row = el('div', 'sc-tl-row' + (/Failed|TimedOut|Aborted/.test(E.types[E.type[k]]) ? ' fail' : ''));
        row.style.top = r * ROW + 'px';
        row.appendChild(el('span', 't', fmt(times[k])));
        row.appendChild(document.createTextNode(rowText(k)));
        row.setAttribute('data-event', String(k));
        space.appendChild(row);
      }
    }
    scroll.addEventListener('scroll', function () { render(false); });
    space.addEventListener('click', function (e) {
      var row = e.target.closest ? e.target.closest('[data-event]') : null;
      if (!row) return;
      var vi = E.visit[Number(row.getAttribute('data-event'))];
      if (vi >= 0) select(V[vi].n, vi);
    });
    filter.addEventListener('input', applyFilter);
    applyFilter();
  }
  function mountAll() { var views = document.querySelectorAll('[data-sc-run]'); for (var i = 0; i < views.length; i++) mount(views[i]); }
  window.StatecraftRunView = { mount: mount, mountAll: mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll); else mountAll();
})();
`;
