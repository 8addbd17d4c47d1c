// Filters and sorts the findings index in place. Without this script the page still works: the facet
// pages and the numbered pages it links are plain HTML. The state lives in the URL query
// (?company=axis&year=2015&sort=year&dir=desc&page=2), so a filtered view can be shared and the
// back button steps through earlier views. Data: the compact facets.json beside the page, not every record
// (from disk, its script twin facets.js).
(() => {
  'use strict';
  const box = document.getElementById('finding-filter');
  const table = document.getElementById('finding-table');
  const count = document.getElementById('finding-count');
  const pagerBox = document.getElementById('finding-pager');
  if (!box || !table || !count || !pagerBox || !window.fetch) return;

  const PAGE = 50;
  const text = box.dataset;
  const format = (template, ...args) => template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  // Row layout in facets.json: [id, title, company, technology, buyer type, [places], from, to, licence, kind]
  // (from and to are 0 when the sources give no year; kind is -1 when the finding does not say).
  const COLUMN = { company: 2, technology: 3, 'buyer-type': 4, place: 5, licence: 8, kind: 9 };
  const FIELDS = ['kind', 'company', 'technology', 'buyer-type', 'place', 'year', 'licence'];
  // Opened as .../index.html (from disk or a mirror), links keep naming the file, as the static pages do.
  const suffix = location.pathname.endsWith('/index.html') ? 'index.html' : '';

  /** @type {{lang: string, facets: {name: string, label: string, values: string[][]}[], rows: any[][]}} */
  let data;
  /** @type {Record<string, Map<string, number>>} */
  const positions = {};
  /** @type {Record<string, HTMLSelectElement>} */
  const selects = {};
  let collator;
  let status;
  let previous;
  let next;

  // A page opened from disk (file://) may not fetch(); facets.js, the same data as a script, is loaded instead.
  const load = location.protocol === 'file:'
    ? new Promise((resolve, reject) => {
      globalThis.CampaignFindings = { deliver: resolve };
      const script = document.createElement('script');
      script.src = new URL('facets.js', location.href).href;
      script.onerror = reject;
      script.onload = () => reject(new Error('facets.js delivered nothing'));
      document.head.append(script);
    })
    : fetch(new URL('facets.json', location.href)).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  load
    .then(start)
    .catch(() => {
      const note = document.createElement('p');
      note.className = 'meta';
      note.textContent = text.failed;
      box.append(note);
      box.hidden = false;
    });

  function start(json) {
    data = json;
    collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    const fields = document.createElement('div');
    fields.className = 'filter-fields';
    for (const facet of data.facets) {
      positions[facet.name] = new Map(facet.values.map((v, i) => [v[0], i]));
      const field = document.createElement('div');
      const label = document.createElement('label');
      const select = document.createElement('select');
      select.id = 'filter-' + facet.name;
      select.name = facet.name;
      label.htmlFor = select.id;
      label.textContent = facet.label;
      select.append(new Option(text.all, ''));
      for (const [key, name] of facet.values) select.append(new Option(name, key));
      select.addEventListener('change', () => go({ [facet.name]: select.value, page: '' }));
      field.append(label, select);
      fields.append(field);
      selects[facet.name] = select;
    }
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = text.clear;
    clear.addEventListener('click', () => go(Object.fromEntries([...FIELDS, 'page'].map((k) => [k, '']))));
    fields.append(clear);
    box.append(fields);
    box.hidden = false;

    for (const th of table.tHead.rows[0].cells) {
      const key = th.dataset.key;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      button.title = format(text.sort, th.textContent);
      button.addEventListener('click', () => {
        const state = read();
        const dir = state.sort === key && state.dir !== 'desc' ? 'desc' : 'asc';
        go({ sort: key, dir, page: '' });
      });
      th.textContent = '';
      th.append(button);
    }

    const nav = document.createElement('nav');
    nav.className = 'pager';
    nav.setAttribute('aria-label', text.pager);
    previous = pagerButton(text.previous, -1);
    next = pagerButton(text.next, 1);
    status = document.createElement('span');
    nav.append(previous, status, next);
    pagerBox.replaceChildren(nav);

    window.addEventListener('popstate', show);
    show();
  }

  function pagerButton(label, step) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', () => go({ page: String(read().page + step) }));
    return button;
  }

  function read() {
    const query = new URLSearchParams(location.search);
    const state = { sort: query.get('sort') || '', dir: query.get('dir') === 'desc' ? 'desc' : 'asc', page: Math.max(1, Number(query.get('page')) || 1) };
    for (const field of FIELDS) state[field] = query.get(field) || '';
    return state;
  }

  /** Writes the changes into the URL as a new history entry, then shows that state. */
  function go(changes) {
    const query = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value && !(key === 'page' && value === '1')) query.set(key, value);
      else query.delete(key);
    }
    if (!query.get('sort')) query.delete('dir');
    query.sort();
    const search = query.toString();
    history.pushState(null, '', search ? '?' + search : location.pathname);
    show();
  }

  function label(facet, position) {
    return data.facets.find((f) => f.name === facet).values[position][1];
  }

  // Province and city as the page's language writes them (place_pair: {0} city, {1} province), as the static rows do.
  function place(row) {
    const names = row[5].map((p) => label('place', p));
    return names.length === 2 ? format(text.placePair || '{0}, {1}', names[1], names[0]) : names.join(', ');
  }

  function sortKey(row, key) {
    switch (key) {
      case 'title': return row[1];
      case 'place': return place(row);
      case 'year': return row[7] * 10000 + row[6];
      default: return label(key, row[COLUMN[key]]);
    }
  }

  function matches(row, state) {
    for (const field of FIELDS) {
      const value = state[field];
      if (!value) continue;
      if (field === 'year') {
        const year = Number(value);
        if (!(row[6] <= year && year <= row[7])) return false;
        continue;
      }
      const position = positions[field]?.get(value); // a facet the data does not have matches nothing
      if (position === undefined) return false;
      if (field === 'place' ? !row[5].includes(position) : row[COLUMN[field]] !== position) return false;
    }
    return true;
  }

  function show() {
    const state = read();
    for (const field of FIELDS) {
      const select = selects[field];
      if (!select) continue; // the kind facet exists only when some finding says its kind
      select.value = state[field];
      if (select.value !== state[field]) select.value = '';
    }
    let rows = data.rows.filter((row) => matches(row, state));
    if (state.sort) {
      const key = state.sort;
      const numeric = key === 'year';
      rows = rows.map((row, i) => [row, sortKey(row, key), i]);
      rows.sort((a, b) => (numeric ? a[1] - b[1] : collator.compare(a[1], b[1])) || a[2] - b[2]);
      if (state.dir === 'desc') rows.reverse();
      rows = rows.map((entry) => entry[0]);
    }
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const page = Math.min(state.page, pages);
    const body = document.createElement('tbody');
    for (const row of rows.slice((page - 1) * PAGE, page * PAGE)) body.append(render(row));
    table.tBodies[0].replaceWith(body);
    for (const th of table.tHead.rows[0].cells) {
      if (th.dataset.key === state.sort) th.setAttribute('aria-sort', state.dir === 'desc' ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    count.textContent = rows.length ? format(text.count, rows.length) : text.none;
    status.textContent = format(text.page, page, pages);
    previous.disabled = page <= 1;
    next.disabled = page >= pages;
    pagerBox.hidden = pages <= 1;
  }

  function render(row) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    const link = document.createElement('a');
    link.href = row[0] + '/' + suffix;
    link.textContent = row[1];
    th.append(link);
    tr.append(th);
    // on a phone each cell shows its column's name by its place in the row (the build's finding-labels style sheet)
    const cells = [label('company', row[2]), label('technology', row[3]), label('buyer-type', row[4]), place(row),
      row[6] === 0 ? text.yearNotStated : row[6] === row[7] ? String(row[6]) : row[6] + '–' + row[7]];
    cells.forEach((value, i) => {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    });
    const td = document.createElement('td');
    const span = document.createElement('span');
    span.className = 'licence licence-' + data.facets.find((f) => f.name === 'licence').values[row[8]][0];
    span.textContent = label('licence', row[8]);
    td.append(span);
    tr.append(td);
    return tr;
  }
})();
