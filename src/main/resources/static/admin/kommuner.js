/*
 * The administrators' page for municipalities and their people (/admin/kommuner.html), on /api/admin. Uses the
 * login of Camunda's web applications; every write carries X-Requested-With, which the API requires of a write
 * made with that login (another site cannot send it). Text goes into the page as text, never as HTML.
 */
(function () {
  'use strict';

  const API = '/api/admin';
  const HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  let roles = [];

  function byId(id) {
    return document.getElementById(id);
  }

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  class ApiError extends Error {
    constructor(status, message, fieldErrors) {
      super(message);
      this.status = status;
      this.fieldErrors = fieldErrors || {};
    }
  }

  async function call(method, url, body, contentType) {
    const headers = Object.assign({}, HEADERS);
    if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/json';
    }
    const response = await fetch(url, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    let answer = null;
    try {
      answer = await response.json();
    } catch (ignored) {
      // no JSON: the status decides
    }
    if (!response.ok) {
      const message = answer && answer.message ? answer.message
        : response.status === 403 ? 'Endast administratörer kan se och ändra kommuner och personer.'
          : 'Servern svarade med fel ' + response.status + '.';
      throw new ApiError(response.status, message, answer && answer.fieldErrors);
    }
    return answer;
  }

  function show(id) {
    ['laddar', 'inloggning', 'fel', 'sida'].forEach((section) => { byId(section).hidden = section !== id; });
  }

  function fail(error) {
    if (error.status === 401) {
      show('inloggning');
      return;
    }
    byId('fel-text').textContent = error.message;
    show('fel');
  }

  function roleName(id) {
    const role = roles.find((r) => r.id === id);
    return role ? role.name : id;
  }

  // --- the listing ---

  function renderMunicipalities(municipalities) {
    const body = byId('kommuner').querySelector('tbody');
    body.replaceChildren();
    byId('inga-kommuner').hidden = municipalities.length > 0;
    byId('kommuner').hidden = municipalities.length === 0;
    municipalities.forEach((m) => {
      const row = element('tr');
      const name = element('th', m.name, { scope: 'row' });
      name.append(element('span', m.tenantId, { class: 'hint' }));
      row.append(name, element('td', m.policeArea || '–'));
      const people = element('td');
      const list = element('ul');
      m.people.forEach((p) => list.append(element('li', [p.firstName, p.lastName].join(' ') + ' (' + p.userId
        + '): ' + p.roles.map(roleName).join(', '))));
      people.append(m.people.length ? list : element('span', 'Inga personer'));
      row.append(people);
      row.append(element('td', m.missing.length ? m.missing.join(', ') : 'Inget', m.missing.length
        ? { class: 'missing-roles' } : {}));
      const change = element('td');
      const button = element('button', 'Ändra', { type: 'button', 'aria-label': 'Ändra ' + m.name });
      button.addEventListener('click', () => edit(m));
      change.append(button);
      row.append(change);
      body.append(row);
    });
  }

  function renderChanges(changes) {
    const body = byId('andringar').querySelector('tbody');
    body.replaceChildren();
    changes.forEach((c) => {
      const row = element('tr');
      row.append(element('td', new Date(c.at).toLocaleString('sv-SE')), element('td', c.by),
        element('td', c.tenantId || '–'), element('td', c.what));
      body.append(row);
    });
  }

  async function reload() {
    const [municipalities, changes] = await Promise.all([call('GET', API + '/municipalities'),
      call('GET', API + '/changes?limit=50')]);
    renderMunicipalities(municipalities);
    renderChanges(changes);
  }

  // --- the form ---

  let personCount = 0;

  function personRow(person) {
    personCount += 1;
    const n = personCount;
    const box = element('fieldset', null, { class: 'person' });
    box.append(element('legend', 'Person'));
    const fields = [['userId', 'Användar-id', 64], ['firstName', 'Förnamn', 100], ['lastName', 'Efternamn', 100],
      ['email', 'E-post', 255]];
    fields.forEach(([key, label, max]) => {
      const p = element('p', null, { class: 'field' });
      const id = 'person-' + n + '-' + key;
      const input = element('input', null, { id, name: key, maxlength: String(max), required: '' });
      if (key === 'email') {
        input.type = 'email';
      }
      input.value = person && person[key] ? person[key] : '';
      p.append(element('label', label, { for: id }), input);
      box.append(p);
    });
    const roleSet = element('fieldset', null, { class: 'roles' });
    roleSet.append(element('legend', 'Roller'));
    roles.forEach((role) => {
      const id = 'person-' + n + '-roll-' + role.id;
      const box2 = element('input', null, { type: 'checkbox', id, value: role.id, name: 'roles' });
      box2.checked = !!(person && person.roles && person.roles.includes(role.id));
      const label = element('label', null, { for: id });
      label.append(box2, document.createTextNode(' ' + role.name));
      roleSet.append(label);
    });
    box.append(roleSet);
    const remove = element('button', 'Ta bort personen', { type: 'button' });
    remove.addEventListener('click', () => box.remove());
    const actions = element('p');
    actions.append(remove);
    box.append(actions);
    byId('personer').append(box);
    return box;
  }

  function edit(municipality) {
    byId('kommun-id').value = municipality.tenantId;
    byId('kommun-id').readOnly = true;
    byId('kommun-namn').value = municipality.name;
    byId('polisomrade').value = municipality.policeArea || '';
    byId('personer').replaceChildren();
    municipality.people.forEach(personRow);
    byId('formularfel').hidden = true;
    byId('formularsvar').hidden = true;
    byId('formular-rubrik').scrollIntoView();
    byId('kommun-namn').focus();
  }

  function formValue() {
    const people = Array.from(byId('personer').querySelectorAll('.person')).map((box) => ({
      userId: box.querySelector('[name=userId]').value.trim(),
      firstName: box.querySelector('[name=firstName]').value.trim(),
      lastName: box.querySelector('[name=lastName]').value.trim(),
      email: box.querySelector('[name=email]').value.trim(),
      roles: Array.from(box.querySelectorAll('[name=roles]:checked')).map((c) => c.value)
    }));
    return {
      tenantId: byId('kommun-id').value.trim(),
      body: { name: byId('kommun-namn').value.trim(), policeArea: byId('polisomrade').value.trim() || null, people }
    };
  }

  function listInto(container, heading, lines) {
    container.replaceChildren(element('p', heading));
    const list = element('ul');
    lines.forEach((line) => list.append(element('li', line)));
    if (lines.length) {
      container.append(list);
    }
    container.hidden = false;
  }

  async function save(event) {
    event.preventDefault();
    const { tenantId, body } = formValue();
    byId('formularfel').hidden = true;
    byId('formularsvar').hidden = true;
    if (!tenantId) {
      listInto(byId('formularfel'), 'Kommunen sparades inte:', ['Kommun-id måste fyllas i']);
      return;
    }
    try {
      const outcome = await call('PUT', API + '/municipalities/' + encodeURIComponent(tenantId),
        JSON.stringify(body));
      listInto(byId('formularsvar'), outcome.changes.length ? 'Sparat. Ändringar:' : 'Sparat. Inget ändrades.',
        outcome.changes);
      byId('kommun-id').readOnly = true;
      await reload();
    } catch (error) {
      if (error.status === 400) {
        const lines = Object.values(error.fieldErrors);
        listInto(byId('formularfel'), 'Kommunen sparades inte:', lines.length ? lines : [error.message]);
      } else {
        fail(error);
      }
    }
  }

  // --- the import ---

  async function importFile(event) {
    event.preventDefault();
    const file = byId('csv-fil').files[0];
    const out = byId('importsvar');
    if (!file) {
      listInto(out, 'Välj en CSV-fil först.', []);
      return;
    }
    try {
      const report = await call('POST', API + '/municipalities/import', await file.text(), 'text/csv');
      listInto(out, report.rows + ' rader: ' + report.municipalitiesCreated + ' nya kommuner, '
        + report.usersCreated + ' nya personer, ' + report.changes + ' ändringar, ' + report.unchanged
        + ' rader utan ändring, ' + report.refused.length + ' rader med fel.',
      report.refused.map((r) => 'Rad ' + r.row + ': ' + r.reason));
      await reload();
    } catch (error) {
      if (error.status === 400) {
        listInto(out, 'Filen importerades inte: ' + error.message, []);
      } else {
        fail(error);
      }
    }
  }

  /** Whether this browser is logged in to Camunda's web applications (asked there: no password prompt). */
  async function loggedIn() {
    const response = await fetch('/camunda/api/admin/auth/user/default', {
      credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' }
    });
    return response.ok;
  }

  async function start() {
    try {
      if (!(await loggedIn())) {
        show('inloggning');
        return;
      }
      const answer = await call('GET', API + '/roles');
      roles = answer.roles;
      byId('kolumner').textContent = answer.csvColumns.join(';');
      await reload();
      show('sida');
    } catch (error) {
      fail(error);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    byId('kommunformular').addEventListener('submit', save);
    byId('importformular').addEventListener('submit', importFile);
    byId('ny-person').addEventListener('click', () => personRow(null).querySelector('input').focus());
    start();
  });
}());
