/*
 * Trygg samverkan: the managers' overview (index.html: the table across municipalities; kommun.html: one
 * municipality's year with its cycle's diagram). Plain JavaScript, no build step. Every piece of data is put on the
 * page as text (textContent or text nodes), never as HTML.
 *
 * Login: the page shares the session of Camunda's web applications. Whoever is logged in to Tasklist or Cockpit in
 * this browser is logged in here; whoever logs in here is logged in there. The login form posts to Camunda's own
 * login endpoint with the CSRF token that Camunda's CsrfPreventionFilter hands out (see csrfToken()).
 */
(function () {
  'use strict';

  const CAMUNDA = {
    user: '/camunda/api/admin/auth/user/default',
    // "welcome" is the application every user may log in to (coordinators have no Cockpit); the session is the same
    login: '/camunda/api/admin/auth/user/default/login/welcome',
    logout: '/camunda/api/admin/auth/user/default/logout',
    // any GET under /camunda/api/ starts the session's CSRF token
    tokenSource: '/camunda/api/engine/engine/'
  };
  const CSRF_HEADER = 'X-XSRF-TOKEN';
  const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

  // the phases in the order a yearly cycle passes them (CyclePhase), for sorting
  const PHASES = ['WAITING', 'SITUATION_PICTURE', 'PRIORITISATION', 'CAUSE_ANALYSIS', 'ACTION_PLAN', 'PREPARATION',
    'STEERING_DECISION', 'SIGNING', 'IMPLEMENTATION', 'YEARLY_REPORT', 'COMPLETED'];
  const TASK_STATES = {
    OVERDUE: { label: 'Försenad', css: 'overdue' },
    DUE_SOON: { label: 'Snart förfallen', css: 'due-soon' }
  };
  const VERDICTS = {
    ON_TRACK: 'on-track',
    AT_RISK: 'at-risk',
    KEPT: 'kept',
    NOT_KEPT: 'not-kept'
  };
  const DECISIONS = {
    APPROVE: 'Godkände planen',
    RETURN: 'Återremitterade planen'
  };
  const STATUS_CSS = {
    NOT_STARTED: 'not-started',
    ONGOING: 'ongoing',
    ONGOING_WITH_DEVIATION: 'ongoing-deviation',
    COMPLETED: 'completed',
    COMPLETED_WITH_DEVIATION: 'completed-deviation',
    DELAYED: 'delayed'
  };

  /**
   * The CSRF token of the current Camunda session, as far as this tab has seen it (kept for the tab's other pages,
   * so that "Logga ut" sends it).
   */
  let csrf = readToken();

  function readToken() {
    try {
      return window.sessionStorage.getItem('trygg.csrf');
    } catch (ignored) {
      return null;
    }
  }

  function keepToken(token) {
    csrf = token;
    try {
      if (token) {
        window.sessionStorage.setItem('trygg.csrf', token);
      } else {
        window.sessionStorage.removeItem('trygg.csrf');
      }
    } catch (ignored) {
      // storage switched off: this page still has it
    }
  }

  // --- small DOM helpers: text only ---

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes, null and false are left out. */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'className') {
        element.className = value;
      } else if (name === 'href') {
        element.setAttribute('href', safeHref(value));
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
    append(element, children);
    return element;
  }

  function append(parent, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
  }

  /** Links from the API lead into this application: anything else (javascript:, other hosts) is refused. */
  function safeHref(value) {
    const href = String(value);
    if (href.startsWith('/') && !href.startsWith('//')) {
      return href;
    }
    if (/^[a-z0-9._-]+\.html(\?[^#]*)?$/i.test(href) || href === './' || href.startsWith('#')) {
      return href;
    }
    return '#';
  }

  function hiddenText(text) {
    return el('span', { className: 'visually-hidden' }, text);
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  // --- talking to the server ---

  class NotLoggedIn extends Error {
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function rememberToken(response) {
    const token = response.headers.get(CSRF_HEADER);
    if (token && token !== 'Required') {
      keepToken(token);
    }
  }

  async function request(url, options) {
    const response = await fetch(url, Object.assign({ credentials: 'same-origin', cache: 'no-store' }, options));
    rememberToken(response);
    return response;
  }

  /** GETs the project's API. 401 means the session has ended; other refusals carry a Swedish message. */
  async function api(url, accept) {
    const response = await request(url, {
      headers: { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (response.status === 401) {
      throw new NotLoggedIn();
    }
    if (!response.ok) {
      throw new ApiError(response.status, await messageOf(response));
    }
    return accept ? response.text() : response.json();
  }

  async function messageOf(response) {
    try {
      const body = await response.json();
      if (body && typeof body.message === 'string' && body.message.trim()) {
        return body.message;
      }
    } catch (ignored) {
      // not JSON: the status decides
    }
    if (response.status === 403) {
      return 'Du har inte behörighet till det här.';
    }
    if (response.status === 404) {
      return 'Det du söker finns inte.';
    }
    return 'Servern svarade med fel ' + response.status + '. Försök igen om en stund.';
  }

  /** The web applications the logged-in user may open (Cockpit is for managers). */
  let applications = [];

  /** The user logged in to Camunda's web applications in this browser, or null. */
  async function currentUser() {
    const response = await request(CAMUNDA.user, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return null;
    }
    const user = await response.json();
    applications = user && Array.isArray(user.authorizedApps) ? user.authorizedApps : [];
    return user && user.userId ? user.userId : null;
  }

  function mayOpen(application) {
    return applications.includes(application);
  }

  /**
   * A CSRF token for a POST to Camunda. Camunda's CsrfPreventionFilter creates the token with the session and sends
   * it once, in the X-XSRF-TOKEN header of that response (and in an XSRF-TOKEN cookie whose path, /camunda, this page
   * cannot read). When this page has not seen it, a POST without a token ends the session (that is what the filter
   * does with any such POST), and the next GET starts a new session whose token this page does see. Only used when
   * nobody is logged in, so nothing is lost.
   */
  async function freshCsrfToken() {
    keepToken(null);
    await request(CAMUNDA.tokenSource, { headers: { Accept: 'application/json' } });
    if (!csrf) {
      await request(CAMUNDA.logout, { method: 'POST' });
      await request(CAMUNDA.tokenSource, { headers: { Accept: 'application/json' } });
    }
    return csrf;
  }

  async function logIn(username, password) {
    const token = await freshCsrfToken();
    const response = await request(CAMUNDA.login, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Accept: 'application/json',
        [CSRF_HEADER]: token || ''
      },
      body: new URLSearchParams({ username, password })
    });
    if (response.status === 401) {
      // Camunda also refuses the right password for a few seconds after a wrong one (and longer after several)
      throw new ApiError(401, 'Fel användarnamn eller lösenord. Efter ett misslyckat försök kan du behöva vänta '
        + 'en stund innan du försöker igen.');
    }
    if (response.status === 403) {
      throw new ApiError(403, 'Inloggningen nekades. Du kanske saknar behörighet till webbapplikationerna: '
        + 'kontakta administratören.');
    }
    if (!response.ok) {
      throw new ApiError(response.status, 'Inloggningen misslyckades (fel ' + response.status + '). Försök igen.');
    }
    // the login starts a new session: its first GET hands out the new token (for "Logga ut")
    keepToken(null);
    return currentUser();
  }

  /** Ends the session shared with Tasklist and Cockpit. A missing or stale token ends it all the same (see above). */
  async function logOut() {
    if (!csrf) {
      await request(CAMUNDA.tokenSource, { headers: { Accept: 'application/json' } });
    }
    await request(CAMUNDA.logout, { method: 'POST', headers: csrf ? { [CSRF_HEADER]: csrf } : {} });
    keepToken(null);
  }

  // --- the frame of both pages: loading, login, errors, the user ---

  function showLogin(message) {
    show('laddar', false);
    show('anvandare', false);
    hideContent();
    show('inloggning', true);
    const error = $('inloggningsfel');
    error.textContent = message || '';
    error.hidden = !message;
    document.title = 'Logga in – Trygg samverkan';
    $('anvandarnamn-falt').focus();
  }

  function showUser(userId) {
    $('anvandarnamn').textContent = userId;
    show('anvandare', true);
    for (const link of document.querySelectorAll('.site-nav a[href^="/camunda/app/cockpit/"]')) {
      link.parentElement.hidden = !mayOpen('cockpit');
    }
  }

  function showError(error) {
    show('laddar', false);
    hideContent();
    const heading = error.status === 403 ? 'Ingen behörighet'
      : error.status === 404 ? 'Hittades inte' : 'Något gick fel';
    $('fel-rubrik').textContent = heading;
    $('fel-text').textContent = error instanceof ApiError ? error.message
      : 'Sidan kunde inte hämta översikten. Kontrollera anslutningen och ladda om sidan.';
    show('fel', true);
    document.title = heading + ' – Trygg samverkan';
  }

  function hideContent() {
    show('fel', false);
    for (const id of ['oversikt', 'kommun']) {
      if ($(id)) {
        show(id, false);
      }
    }
  }

  async function run(view) {
    try {
      show('inloggning', false);
      show('laddar', true);
      await view();
      show('laddar', false);
    } catch (error) {
      if (error instanceof NotLoggedIn) {
        showLogin('Du är inte inloggad längre. Logga in igen.');
      } else {
        if (!(error instanceof ApiError)) {
          console.error(error);
        }
        showError(error);
      }
    }
  }

  function wireLogin(view) {
    $('inloggningsformular').addEventListener('submit', async (event) => {
      event.preventDefault();
      const username = $('anvandarnamn-falt').value.trim();
      const password = $('losenord-falt').value;
      const error = $('inloggningsfel');
      if (!username || !password) {
        error.textContent = 'Fyll i både användarnamn och lösenord.';
        error.hidden = false;
        return;
      }
      const button = event.target.querySelector('button[type=submit]');
      button.disabled = true;
      error.hidden = true;
      try {
        const user = await logIn(username, password);
        if (!user) {
          throw new ApiError(0, 'Inloggningen gick igenom men sessionen följde inte med. Försök igen.');
        }
        $('losenord-falt').value = '';
        showUser(user);
        await run(view);
      } catch (failure) {
        error.textContent = failure instanceof ApiError ? failure.message
          : 'Inloggningen misslyckades: servern gick inte att nå.';
        error.hidden = false;
        $('losenord-falt').focus();
      } finally {
        button.disabled = false;
      }
    });
    $('logga-ut').addEventListener('click', async (event) => {
      event.preventDefault();
      try {
        await logOut();
      } finally {
        showLogin();
        const message = $('inloggningsfel');
        message.textContent = 'Du är utloggad, även från Tasklist och Cockpit.';
        message.className = 'message info';
        message.hidden = false;
      }
    });
  }

  async function start() {
    const view = document.body.dataset.view === 'kommun' ? municipalityPage() : overviewPage();
    wireLogin(view);
    let user;
    try {
      user = await currentUser();
    } catch (error) {
      showError(error);
      return;
    }
    if (!user) {
      // asking the API itself would answer 401 with a Basic challenge, and the browser would pop up its own dialog
      showLogin();
      return;
    }
    showUser(user);
    await run(view);
  }

  // --- index.html: every municipality of the viewer, in a sortable table ---

  function phaseText(phase) {
    return phase ? phase.phaseName + ' (' + phase.year + ')' : '–';
  }

  function phaseOrder(phase) {
    return phase ? phase.year * 100 + PHASES.indexOf(phase.phase) : -1;
  }

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

  const COLUMNS = [
    {
      key: 'kommun', label: 'Kommun', text: true,
      value: (m) => m.name,
      cell: (m) => el('th', { scope: 'row' },
        el('a', { href: 'kommun.html?kommun=' + encodeURIComponent(m.tenantId) }, m.name),
        el('span', { className: 'sub' }, m.policeArea))
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

  function overviewPage() {
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

  // --- kommun.html: one municipality's year ---

  function municipalityPage() {
    let viewer = null;
    let current = [];
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
      await renderDiagram(data);
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

    async function renderDiagram(data) {
      const cycle = data.cycle;
      const description = clear($('diagram-beskrivning'));
      if (!cycle) {
        return;
      }
      if (typeof window.BpmnJS !== 'function') {
        description.textContent = 'Diagramvisaren kunde inte laddas. Fasen står ovanför.';
        return;
      }
      let xml;
      try {
        xml = await api(cycle.diagram, 'application/xml');
      } catch (error) {
        if (error instanceof NotLoggedIn) {
          throw error;
        }
        description.textContent = 'Diagrammet kunde inte hämtas: ' + error.message;
        return;
      }
      if (!viewer) {
        viewer = new window.BpmnJS({ container: $('diagram') });
      }
      await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      const names = [];
      current = [];
      for (const id of cycle.activeElements) {
        const element = registry.get(id);
        if (!element) {
          continue;
        }
        canvas.addMarker(id, 'aktuell');
        current.push(element);
        const name = element.businessObject && element.businessObject.name;
        names.push(name ? name.replace(/\s+/g, ' ') : id);
      }
      canvas.zoom('fit-viewport', 'auto');
      $('zooma-aktuellt').hidden = current.length === 0;
      description.textContent = 'Diagram över årscykeln ' + data.year + '. '
        + (names.length ? 'Aktuellt steg: ' + names.join('; ') + '.'
          : cycle.ended ? 'Cykeln är avslutad: inget steg är aktuellt.' : 'Inget steg är aktivt just nu.');
    }

    function zoom(step) {
      if (!viewer) {
        return;
      }
      const canvas = viewer.get('canvas');
      if (step === 'aktuellt') {
        showCurrent(canvas);
      } else if (step === 0) {
        canvas.zoom('fit-viewport', 'auto');
      } else {
        canvas.zoom(canvas.zoom() * (step > 0 ? 1.25 : 0.8));
      }
    }

    /** Zooms to the current steps that are drawn on the shown plane, no closer than the diagram's own size. */
    function showCurrent(canvas) {
      const root = canvas.getRootElement();
      const shapes = current.filter((e) => !e.waypoints && typeof e.x === 'number'
        && (typeof canvas.findRoot !== 'function' || canvas.findRoot(e) === root));
      if (!shapes.length) {
        return;
      }
      const left = Math.min(...shapes.map((e) => e.x));
      const top = Math.min(...shapes.map((e) => e.y));
      const right = Math.max(...shapes.map((e) => e.x + e.width));
      const bottom = Math.max(...shapes.map((e) => e.y + e.height));
      const outer = canvas.viewbox().outer;
      const padding = 60;
      const width = Math.max(right - left + 2 * padding, outer.width);
      const height = Math.max(bottom - top + 2 * padding, outer.height);
      canvas.viewbox({ x: (left + right - width) / 2, y: (top + bottom - height) / 2, width, height });
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
          el('td', {}, a.description),
          el('td', {}, a.focusArea),
          el('td', {}, a.responsible),
          el('td', { className: 'nowrap' }, (a.start || '') + ' – ' + (a.end || '')),
          el('td', {}, a.comment ? el('span', {}, a.comment) : el('span', { className: 'muted' }, 'Ingen rapport än'),
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
        $('zooma-in').addEventListener('click', () => zoom(1));
        $('zooma-ut').addEventListener('click', () => zoom(-1));
        $('zooma-anpassa').addEventListener('click', () => zoom(0));
        $('zooma-aktuellt').addEventListener('click', () => zoom('aktuellt'));
      }
      await load();
    };
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
