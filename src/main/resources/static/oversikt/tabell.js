/* index.html: every municipality of the viewer, in a sortable table. */
import { $, el, clear, hiddenText, show } from '../gemensamt/dom.js';
import { api } from '../gemensamt/api.js';
import { collator } from '../gemensamt/format.js';
import { phaseOrder, phaseText } from './status.js';

function countCell(count, css, what) {
  const highlighted = count > 0 && css;
  return el('td', { className: 'number' + (highlighted ? ' highlight-' + css : '') },
    highlighted ? el('span', { className: 'badge ' + css }, String(count), hiddenText(' ' + what)) : String(count));
}

function promiseChips(p) {
  const parts = [
    ['on-track', p.onTrack, 'i fas'],
    ['at-risk', p.atRisk, 'i riskzonen'],
    ['kept', p.kept, 'hållna'],
    ['not-kept', p.notKept, 'inte hållna']
  ];
  const chips = [];
  parts.forEach(([css, count, label], i) => {
    if (i > 0) {
      chips.push(el('span', { className: 'separator', 'aria-hidden': 'true' }, ' / '));
    }
    chips.push(el('span', { className: 'chip ' + css + (count > 0 ? '' : ' zero'), title: label },
      String(count), hiddenText(' ' + label + (i < parts.length - 1 ? ',' : ''))));
  });
  if (p.withoutTarget > 0) {
    chips.push(el('span', { className: 'note' }, ' (' + p.withoutTarget + ' utan mätbart mål)'));
  }
  return chips;
}

/** An agreement or cycle the last upgrade left on an older process version: said in the row, detailed on its page. */
function notUpgraded(list) {
  if (!list || list.length === 0) {
    return null;
  }
  return el('span', { className: 'sub not-upgraded' }, '⚠ ' + (list.length === 1 ? 'En process'
    : list.length + ' processer') + ' på äldre processversion');
}

const COLUMNS = [
  {
    key: 'kommun', label: 'Kommun', text: true,
    value: (m) => m.name,
    cell: (m) => el('th', { scope: 'row' },
      el('a', { href: 'kommun.html?kommun=' + encodeURIComponent(m.tenantId) }, m.name),
      el('span', { className: 'sub' }, m.policeArea),
      notUpgraded(m.notUpgraded))
  },
  {
    key: 'genomforande', label: 'Genomförande (fas)',
    value: (m) => phaseOrder(m.implementation),
    cell: (m) => el('td', {}, phaseText(m.implementation))
  },
  {
    key: 'planering', label: 'Planering (fas)',
    value: (m) => phaseOrder(m.planning),
    cell: (m) => el('td', {}, phaseText(m.planning))
  },
  {
    key: 'oppna', numeric: true, label: 'Öppna uppgifter',
    value: (m) => m.openTasks,
    cell: (m) => countCell(m.openTasks, null, '')
  },
  {
    key: 'forsenade', numeric: true, label: 'Försenade uppgifter',
    value: (m) => m.overdueTasks,
    cell: (m) => countCell(m.overdueTasks, 'overdue', 'försenade')
  },
  {
    key: 'snart', numeric: true, label: 'Snart förfallna',
    value: (m) => m.dueSoonTasks,
    cell: (m) => countCell(m.dueSoonTasks, 'due-soon', 'snart förfallna')
  },
  {
    key: 'aktiviteter', numeric: true, label: 'Försenade aktiviteter',
    value: (m) => m.delayedActivities,
    cell: (m) => countCell(m.delayedActivities, 'overdue', 'försenade')
  },
  {
    key: 'loften', label: 'Löften (i fas / i riskzonen / hållna / inte hållna)',
    // the promises that need attention: at risk or not kept
    value: (m) => m.promises.atRisk + m.promises.notKept,
    cell: (m) => el('td', { className: 'promises' }, promiseChips(m.promises))
  }
];

/** The view of index.html (see ram.js). */
export function overviewPage() {
  const sort = { key: 'kommun', ascending: true };
  let rows = [];

  function compare(a, b) {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const x = column.value(a);
    const y = column.value(b);
    let order = column.text ? collator.compare(x, y) : x - y;
    if (order === 0) {
      order = collator.compare(a.name, b.name);
      return order;
    }
    return sort.ascending ? order : -order;
  }

  function renderHead() {
    const row = clear(document.querySelector('#kommuner thead tr'));
    for (const column of COLUMNS) {
      const active = column.key === sort.key;
      const button = el('button', { type: 'button', className: 'sort', 'data-sort': column.key },
        column.label, el('span', { className: 'sort-icon', 'aria-hidden': 'true' },
          active ? (sort.ascending ? '▲' : '▼') : '↕'));
      button.addEventListener('click', () => {
        sort.ascending = sort.key === column.key ? !sort.ascending : true;
        sort.key = column.key;
        renderHead();
        renderBody();
        $('sortering').textContent = 'Sorterat efter ' + column.label + ', '
          + (sort.ascending ? 'stigande' : 'fallande') + '.';
        document.querySelector('#kommuner [data-sort="' + column.key + '"]').focus();
      });
      row.append(el('th', {
        scope: 'col',
        'aria-sort': active ? (sort.ascending ? 'ascending' : 'descending') : null,
        className: column.numeric ? 'number' : 'text'
      }, button));
    }
  }

  function renderBody() {
    const body = clear(document.querySelector('#kommuner tbody'));
    for (const m of [...rows].sort(compare)) {
      body.append(el('tr', { 'data-tenant': m.tenantId }, COLUMNS.map((c) => c.cell(m))));
    }
  }

  return async function () {
    const overview = await api('/api/overview');
    rows = overview.municipalities;
    $('oversikt-ingress').textContent = 'Var kommunerna står i årscykeln ' + overview.year
      + ', vad som är försenat och hur medborgarlöftena hålls. Läget den ' + overview.today + '.';
    renderHead();
    renderBody();
    show('inga-kommuner', rows.length === 0);
    document.querySelector('#kommuner').hidden = rows.length === 0;
    document.title = 'Översikt – Trygg samverkan';
    show('oversikt', true);
  };
}
