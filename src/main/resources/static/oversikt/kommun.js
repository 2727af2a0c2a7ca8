/* kommun.html: one municipality's year, with its cycle on the diagram. */
import { $, el, append, clear, hiddenText, show } from '../gemensamt/dom.js';
import { api, ApiError, mayOpen, NotLoggedIn } from '../gemensamt/api.js';
import { plural } from '../gemensamt/format.js';
import { DECISIONS, STATUS_CSS, TASK_STATES, VERDICTS } from './status.js';
import { diagram } from './diagram.js';
import { run } from './ram.js';
import { placesMap } from './karta.js';

/** The view of kommun.html (see ram.js). */
export function municipalityPage() {
  const cycleDiagram = diagram();
  const publication = publicationSection();
  const statistics = statisticsSection();
  const places = placesMap();
  let loadedOnce = false;

  function params() {
    const query = new URLSearchParams(window.location.search);
    return { tenant: query.get('kommun'), year: query.get('ar') };
  }

  async function load() {
    const { tenant, year } = params();
    if (!tenant) {
      throw new ApiError(404, 'Ingen kommun vald. Välj en kommun i översikten.');
    }
    const url = '/api/tenants/' + encodeURIComponent(tenant) + '/overview'
      + (year ? '?year=' + encodeURIComponent(year) : '');
    const data = await api(url);
    render(data);
    await Promise.all([cycleDiagram.show(data), publication.load(data), statistics.load(data),
      places.load(data)]);
  }

  function render(data) {
    document.title = data.name + ' ' + data.year + ' – Trygg samverkan';
    $('kommun-namn').textContent = data.name;
    $('kommun-ingress').textContent = data.policeArea + ' · Överenskommelse ' + data.period
      + ' · Läget den ' + data.today;
    renderYears(data);
    renderCycle(data);
    renderTasks(data);
    renderActivities(data);
    renderPromises(data);
    renderDecisions(data);
    renderPlanChanges(data);
    renderReports(data);
    show('fel', false);
    show('kommun', true);
  }

  function renderYears(data) {
    const select = clear($('ar'));
    const years = data.years.includes(data.year) ? data.years : [...data.years, data.year].sort();
    for (const year of years) {
      select.append(el('option', { value: year, selected: year === data.year }, String(year)));
    }
  }

  function renderCycle(data) {
    const notUpgraded = clear($('cykel-version'));
    for (const n of data.notUpgraded || []) {
      notUpgraded.append(el('li', {}, n.message));
    }
    const cycle = data.cycle;
    $('cykel-rubrik').textContent = 'Årscykeln ' + data.year;
    const phase = clear($('cykel-fas'));
    const cockpit = clear($('cykel-cockpit'));
    if (!cycle) {
      phase.append('Årscykeln ' + data.year + ' har inte startat än.');
      show('diagram-del', false);
      return;
    }
    append(phase, ['Fas: ', el('strong', {}, cycle.phaseName)]);
    if (cycle.cockpit && mayOpen('cockpit')) {
      cockpit.append(el('a', { href: cycle.cockpit, className: 'button-link' },
        'Öppna årscykeln ' + data.year + ' i Cockpit'));
    } else if (cycle.ended) {
      cockpit.append('Cykeln är avslutad.');
    }
    show('diagram-del', true);
  }

  function taskItem(task) {
    const state = TASK_STATES[task.state];
    const meta = [];
    meta.push(task.due ? 'Förfaller ' + task.due : 'Inget förfallodatum');
    meta.push(task.assignee ? 'Tilldelad ' + task.assignee : 'Inte tilldelad');
    return el('li', { className: 'task' + (state ? ' ' + state.css : ''), 'data-task': task.id },
      el('a', { href: task.tasklist, className: 'task-name' }, task.name, hiddenText(' (öppnas i Tasklist)')),
      state ? el('span', { className: 'badge ' + state.css }, state.label) : null,
      el('span', { className: 'meta' }, meta.join(' · ')));
  }

  function renderTasks(data) {
    const container = clear($('uppgifter-roller'));
    if (data.openTasks.length === 0) {
      container.append(el('p', { className: 'empty' }, 'Inga öppna uppgifter i årscykeln ' + data.year + '.'));
      return;
    }
    const groups = data.tasksByRole.map((r) => ({
      title: r.role,
      counts: [plural(r.open, 'öppen', 'öppna'), plural(r.overdue, 'försenad', 'försenade'),
        r.dueSoon + ' snart förfallna'],
      overdue: r.overdue,
      tasks: data.openTasks.filter((t) => t.roles.includes(r.role))
    }));
    const known = new Set(data.tasksByRole.map((r) => r.role));
    const others = data.openTasks.filter((t) => !t.roles.some((role) => known.has(role)));
    if (others.length) {
      groups.push({ title: 'Övriga uppgifter', counts: [plural(others.length, 'öppen', 'öppna')], tasks: others });
    }
    for (const group of groups) {
      container.append(el('section', { className: 'role-group' },
        el('h3', {}, group.title),
        el('p', { className: 'counts' + (group.overdue > 0 ? ' has-overdue' : '') }, group.counts.join(' · ')),
        el('ul', { className: 'tasks' }, group.tasks.map(taskItem))));
    }
  }

  function renderActivities(data) {
    const chart = clear($('aktivitetsdiagram'));
    const total = data.activitiesByStatus.reduce((sum, s) => sum + s.count, 0);
    const max = Math.max(1, ...data.activitiesByStatus.map((s) => s.count));
    for (const status of data.activitiesByStatus) {
      const fill = el('span', { className: 'bar-fill' });
      fill.style.width = (status.count / max * 100) + '%';
      chart.append(el('li', { className: 'bar-row status-' + (STATUS_CSS[status.status] || 'other'),
        'data-status': status.status },
      el('span', { className: 'bar-label' },
        el('span', { className: 'symbol', 'aria-hidden': 'true' }, status.symbol), ' ', status.name),
      el('span', { className: 'bar-track', 'aria-hidden': 'true' }, fill),
      el('span', { className: 'bar-count' }, String(status.count),
        hiddenText(status.count === 1 ? ' aktivitet' : ' aktiviteter'))));
    }
    chart.hidden = total === 0;
    $('aktivitetsdiagram-text').textContent = total === 0
      ? 'Inga aktiviteter i planen för ' + data.year + ' ännu.'
      : plural(total, 'aktivitet', 'aktiviteter') + ' i planen för ' + data.year + ', efter senaste status.';

    const body = clear(document.querySelector('#aktivitetslista tbody'));
    document.querySelector('#aktivitetslista').hidden = data.activities.length === 0;
    for (const a of data.activities) {
      body.append(el('tr', { className: 'status-' + (STATUS_CSS[a.status] || 'other') },
        el('td', { className: 'status' },
          el('span', { className: 'symbol', 'aria-hidden': 'true' }, a.symbol), ' ', a.statusName),
        el('td', {}, a.description, (a.changes || []).map((c) => el('span', { className: 'sub change-note' }, c))),
        el('td', {}, a.focusArea),
        el('td', {}, a.responsible),
        el('td', { className: 'nowrap' }, (a.start || '') + ' – ' + (a.end || '')),
        el('td', {}, a.stoppedOn ? el('span', { className: 'sub' }, 'Stoppad ' + a.stoppedOn + ': ' + a.stopReason) : null,
          a.comment ? el('span', {}, a.comment) : el('span', { className: 'muted' }, 'Ingen rapport än'),
          a.reportedOn ? el('span', { className: 'sub' }, 'Rapporterad ' + a.reportedOn) : null)));
    }
  }

  function renderPromises(data) {
    const counts = { ON_TRACK: 0, AT_RISK: 0, KEPT: 0, NOT_KEPT: 0, none: 0 };
    for (const p of data.promises) {
      counts[p.verdict || 'none'] = (counts[p.verdict || 'none'] || 0) + 1;
    }
    $('loften-summering').textContent = data.promises.length === 0
      ? 'Inga medborgarlöften för ' + data.year + '.'
      : plural(data.promises.length, 'löfte', 'löften') + ': ' + counts.ON_TRACK + ' i fas, ' + counts.AT_RISK
        + ' i riskzonen, ' + counts.KEPT + ' hållna, ' + counts.NOT_KEPT + ' inte hållna'
        + (counts.none ? ', ' + counts.none + ' utan mätbart mål' : '') + '.';
    document.querySelector('#loftestabell').hidden = data.promises.length === 0;
    const body = clear(document.querySelector('#loftestabell tbody'));
    const ongoing = data.year >= Number(String(data.today).slice(0, 4));
    for (const p of data.promises) {
      const verdict = p.verdict
        ? el('span', { className: 'chip verdict ' + (VERDICTS[p.verdict] || '') }, p.verdictName)
        : el('span', { className: 'chip verdict none' }, 'Bedöms inte (inget mätbart mål)');
      body.append(el('tr', { 'data-verdict': p.verdict || '' },
        el('td', { className: 'number' }, String(p.number)),
        el('td', {}, p.text),
        el('td', {}, p.party),
        el('td', {}, p.target || el('span', { className: 'muted' }, 'Inget mätbart mål')),
        el('td', { className: 'nowrap' }, String(p.done),
          p.expectedSoFar !== null && p.expectedSoFar !== undefined
            ? el('span', { className: 'sub' }, (ongoing ? 'förväntat hittills: ' : 'förväntat: ') + p.expectedSoFar)
            : null),
        el('td', {}, verdict)));
    }
  }

  function renderDecisions(data) {
    const table = document.querySelector('#beslutstabell');
    const body = clear(table.querySelector('tbody'));
    const empty = table.parentElement.parentElement.querySelector('p.empty');
    if (empty) {
      empty.remove();
    }
    table.hidden = data.decisions.length === 0;
    if (data.decisions.length === 0) {
      table.parentElement.after(el('p', { className: 'empty' },
        'Styrgruppen har inte fattat något beslut om planen för ' + data.year + ' än.'));
      return;
    }
    for (const d of data.decisions) {
      body.append(el('tr', { className: 'decision-' + String(d.verdict).toLowerCase() },
        el('td', {}, String(d.round)),
        el('td', {}, d.party),
        el('td', {}, DECISIONS[d.verdict] || d.verdict),
        el('td', {}, d.comment || el('span', { className: 'muted' }, 'Ingen kommentar')),
        el('td', { className: 'nowrap' }, d.decidedAt)));
    }
  }

  function renderPlanChanges(data) {
    const list = clear($('andringslista'));
    const changes = data.planChanges || [];
    if (changes.length === 0) {
      list.append(el('li', { className: 'empty' }, 'Ingen ändring av planen har föreslagits för ' + data.year + '.'));
      return;
    }
    for (const c of changes) {
      const outcome = c.decidedOn && c.status !== 'LAPSED'
        ? c.statusName + ' ' + c.decidedOn + ' av ' + c.deciders.toLowerCase()
        : c.statusName;
      list.append(el('li', { className: 'change change-' + c.status.toLowerCase(), 'data-change': String(c.number) },
        el('h3', {}, 'Ändring ' + c.number + ', föreslagen ' + c.proposedOn + ' av ' + c.proposedBy),
        el('p', { className: 'outcome' }, el('span', { className: 'chip change-status' }, outcome)),
        el('p', {}, 'Skäl: ' + c.reason),
        el('ul', {}, c.rows.map((r) => el('li', {}, r))),
        c.decisions.map((d) => el('p', { className: 'decision' },
          el('strong', {}, d.party + (d.approves ? ' godkände' : ' återremitterade')),
          ' (' + d.decidedBy + ', ' + d.decidedOn + ')' + (d.comment ? ': ' + d.comment : '')))));
    }
  }

  function renderReports(data) {
    const list = clear($('rapportlista'));
    if (data.reports.length === 0) {
      list.append(el('li', { className: 'empty' }, 'Ingen årsrapport för ' + data.year + ' ännu.'));
      return;
    }
    for (const r of [...data.reports].sort((a, b) => b.version - a.version)) {
      const what = 'Uppföljning ' + data.year + ', version ' + r.version + (r.isFinal ? ' (slutlig)' : ' (utkast)');
      list.append(el('li', {},
        el('span', {}, what + ': '),
        el('a', { href: r.pdf, 'aria-label': what + ' som PDF' }, 'PDF'),
        ' · ',
        el('a', { href: r.html, 'aria-label': what + ' som webbsida' }, 'Webbsida')));
    }
  }

  return async function () {
    if (!loadedOnce) {
      loadedOnce = true;
      $('ar').addEventListener('change', () => {
        const query = new URLSearchParams(window.location.search);
        query.set('ar', $('ar').value);
        window.history.pushState(null, '', '?' + query.toString());
        run(load);
      });
      $('arsval').addEventListener('submit', (event) => event.preventDefault());
      window.addEventListener('popstate', () => run(load));
      cycleDiagram.wire();
      publication.wire();
      statistics.wire();
    }
    await load();
  };
}

/**
 * "Medborgarlöftena för invånarna": whether the year's promises are signed and on the municipality's public page,
 * links to the page and the signed document, and for the coordinators the two switches (issue 16).
 */
function publicationSection() {
  let current = null;

  async function load(data) {
    $('publicering-meddelande').textContent = '';
    if (!data.agreementId) {
      current = null;
      render(null, data.year);
      return;
    }
    current = { tenant: data.tenantId, agreement: data.agreementId, year: data.year };
    try {
      render(await api(base() + '/publication'), data.year);
    } catch (error) {
      if (error instanceof NotLoggedIn) {
        throw error;
      }
      show('publicering-val', false);
      clear($('publicering-lankar'));
      $('publicering-status').textContent = 'Publiceringen för ' + data.year + ' kan inte visas: ' + error.message;
    }
  }

  function base() {
    return '/api/tenants/' + encodeURIComponent(current.tenant) + '/agreements/'
      + encodeURIComponent(current.agreement) + '/years/' + current.year;
  }

  function render(p, year) {
    const links = clear($('publicering-lankar'));
    const status = $('publicering-status');
    if (!p || !p.signed) {
      status.textContent = 'Medborgarlöftena för ' + year + ' är inte undertecknade än. De publiceras när '
        + 'samordnarna bekräftar det i uppgiften Underteckna och publicera.';
      show('publicering-val', false);
      return;
    }
    let where;
    if (!p.pageEnabled) {
      where = 'Kommunens offentliga sida är avstängd: invånarna ser inget år.';
    } else if (p.published) {
      where = 'De visas på kommunens offentliga sida.';
    } else if (p.withdrawnAt) {
      where = 'De togs bort från den offentliga sidan ' + p.withdrawnAt.slice(0, 10)
        + (p.withdrawnBy ? ' av ' + p.withdrawnBy : '') + '.';
    } else {
      where = 'Samordnarna valde att inte publicera dem.';
    }
    status.textContent = 'Medborgarlöftena för ' + year + ' undertecknades ' + p.signedOn + '. ' + where;
    if (p.publicPage) {
      links.append(el('li', {}, el('a', { href: p.publicPage }, 'Den offentliga sidan för ' + year)));
    }
    links.append(el('li', {}, el('span', {}, 'Löftena som de undertecknades: '),
      el('a', { href: p.documentPdf, 'aria-label': 'Medborgarlöftena ' + year + ' som PDF' }, 'PDF'), ' · ',
      el('a', { href: p.documentHtml, 'aria-label': 'Medborgarlöftena ' + year + ' som webbsida' }, 'Webbsida')));
    $('publicering-ar').textContent = p.published
      ? 'Ta bort ' + year + ' från den offentliga sidan'
      : 'Publicera ' + year + ' på den offentliga sidan';
    $('publicering-ar').dataset.published = String(p.published);
    $('publicering-sida').textContent = p.pageEnabled
      ? 'Stäng av kommunens offentliga sida'
      : 'Slå på kommunens offentliga sida';
    $('publicering-sida').dataset.enabled = String(p.pageEnabled);
    show('publicering-val', p.mayChange);
  }

  async function change(url, body, done) {
    const message = $('publicering-meddelande');
    message.classList.remove('error', 'info');
    try {
      await api(url, { method: 'PUT', body: JSON.stringify(body) });
      render(await api(base() + '/publication'), current.year);
      message.classList.add('info');
      message.textContent = done;
    } catch (error) {
      message.classList.add('error');
      message.textContent = error.message || 'Ändringen kunde inte sparas.';
    }
  }

  function wire() {
    $('publicering-ar').addEventListener('click', () => {
      const publish = $('publicering-ar').dataset.published !== 'true';
      change(base() + '/publication', { published: publish }, publish
        ? 'Medborgarlöftena för ' + current.year + ' är publicerade igen.'
        : 'Medborgarlöftena för ' + current.year + ' är borttagna från den offentliga sidan.');
    });
    $('publicering-sida').addEventListener('click', () => {
      const enable = $('publicering-sida').dataset.enabled !== 'true';
      change('/api/tenants/' + encodeURIComponent(current.tenant) + '/public-page', { enabled: enable }, enable
        ? 'Kommunens offentliga sida är påslagen.'
        : 'Kommunens offentliga sida är avstängd.');
    });
  }

  return { load, wire };
}

/** "Officiell statistik": the municipality's figures from Kolada for the year's cycle, and a refresh on demand. */
function statisticsSection() {
  let tenant = null;
  let year = null;
  const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

  async function load(data) {
    tenant = data.tenantId;
    year = data.year;
    try {
      render(await api('/api/tenants/' + encodeURIComponent(tenant) + '/statistics?year=' + year));
    } catch (error) {
      if (error instanceof NotLoggedIn) {
        throw error;
      }
      $('statistik-status').textContent = 'Statistiken kan inte visas: ' + error.message;
    }
  }

  function cell(value) {
    return value === null || value === undefined ? el('span', { className: 'muted' }, '–') : number.format(value);
  }

  function render(s) {
    const last = s.lastRefresh;
    $('statistik-status').textContent = !last
      ? 'Ingen statistik är hämtad för kommunen än.'
      : last.message;
    const body = clear(document.querySelector('#statistiktabell tbody'));
    document.querySelector('#statistiktabell').hidden = s.figures.length === 0;
    for (const f of s.figures) {
      const change = f.changePercent === null || f.changePercent === undefined ? null
        : (f.changePercent > 0 ? '+' : f.changePercent < 0 ? '−' : '±') + number.format(Math.abs(f.changePercent))
          + ' %';
      body.append(el('tr', { 'data-kpi': f.kpiId },
        el('td', {}, f.title, el('span', { className: 'sub' }, f.kpiId)),
        el('td', {}, String(f.period)),
        el('td', { className: 'number' }, cell(f.value)),
        el('td', { className: 'number' }, cell(f.county)),
        el('td', { className: 'number' }, cell(f.country)),
        el('td', { className: 'number' }, change || el('span', { className: 'muted' }, '–'))));
    }
    show('statistik-val', s.mayRefresh);
  }

  function wire() {
    $('statistik-hamta').addEventListener('click', async () => {
      const message = $('statistik-meddelande');
      const button = $('statistik-hamta');
      message.classList.remove('error', 'info');
      button.disabled = true;
      message.textContent = 'Hämtar från Kolada …';
      try {
        const result = await api('/api/tenants/' + encodeURIComponent(tenant) + '/statistics/refresh',
          { method: 'POST', body: '{}' });
        message.classList.add(result.refresh.outcome === 'OK' ? 'info' : 'error');
        message.textContent = result.refresh.message + (result.openTasksUpdated
          ? ' Siffrorna är ifyllda i ' + result.openTasksUpdated + ' öppen lägesbild.' : '');
        render(await api('/api/tenants/' + encodeURIComponent(tenant) + '/statistics?year=' + year));
      } catch (error) {
        message.classList.add('error');
        message.textContent = error.message || 'Statistiken kunde inte hämtas.';
      } finally {
        button.disabled = false;
      }
    });
  }

  return { load, wire };
}
