/*
 * The administrators' page for municipalities and their people (/admin/kommuner.html), on /api/admin. Uses the
 * login of Camunda's web applications and talks to the server through ../gemensamt/api.js, whose calls carry
 * X-Requested-With (the API requires it of a write made with that login). Text goes into the page as text, never as
 * HTML. A JavaScript module, served as it is: no build step.
 */
import { $ } from '../gemensamt/dom.js';
import { api, currentUser, NotLoggedIn } from '../gemensamt/api.js';
import { dateTime } from '../gemensamt/format.js';

const API = '/api/admin';
/** What the page says of a refusal that brings no message of its own. */
const REFUSALS = {
  403: 'Endast administratörer kan se och ändra kommuner och personer.',
  other: (status) => 'Servern svarade med fel ' + status + '.'
};
let roles = [];

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function call(method, url, body, contentType) {
  return api(url, { method, body, contentType, refusals: REFUSALS });
}

function show(id) {
  ['laddar', 'inloggning', 'fel', 'sida'].forEach((section) => { $(section).hidden = section !== id; });
}

function fail(error) {
  if (error instanceof NotLoggedIn) {
    show('inloggning');
    return;
  }
  $('fel-text').textContent = error.message;
  show('fel');
}

function roleName(id) {
  const role = roles.find((r) => r.id === id);
  return role ? role.name : id;
}

// --- the listing ---

function renderMunicipalities(municipalities) {
  const body = $('kommuner').querySelector('tbody');
  body.replaceChildren();
  $('inga-kommuner').hidden = municipalities.length > 0;
  $('kommuner').hidden = municipalities.length === 0;
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
  const body = $('andringar').querySelector('tbody');
  body.replaceChildren();
  changes.forEach((c) => {
    const row = element('tr');
    row.append(element('td', dateTime(c.at)), element('td', c.by),
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
  $('personer').append(box);
  return box;
}

function edit(municipality) {
  $('kommun-id').value = municipality.tenantId;
  $('kommun-id').readOnly = true;
  $('kommun-namn').value = municipality.name;
  $('polisomrade').value = municipality.policeArea || '';
  $('personer').replaceChildren();
  municipality.people.forEach(personRow);
  $('formularfel').hidden = true;
  $('formularsvar').hidden = true;
  $('formular-rubrik').scrollIntoView();
  $('kommun-namn').focus();
}

function formValue() {
  const people = Array.from($('personer').querySelectorAll('.person')).map((box) => ({
    userId: box.querySelector('[name=userId]').value.trim(),
    firstName: box.querySelector('[name=firstName]').value.trim(),
    lastName: box.querySelector('[name=lastName]').value.trim(),
    email: box.querySelector('[name=email]').value.trim(),
    roles: Array.from(box.querySelectorAll('[name=roles]:checked')).map((c) => c.value)
  }));
  return {
    tenantId: $('kommun-id').value.trim(),
    body: { name: $('kommun-namn').value.trim(), policeArea: $('polisomrade').value.trim() || null, people }
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
  $('formularfel').hidden = true;
  $('formularsvar').hidden = true;
  if (!tenantId) {
    listInto($('formularfel'), 'Kommunen sparades inte:', ['Kommun-id måste fyllas i']);
    return;
  }
  try {
    const outcome = await call('PUT', API + '/municipalities/' + encodeURIComponent(tenantId),
      JSON.stringify(body));
    listInto($('formularsvar'), outcome.changes.length ? 'Sparat. Ändringar:' : 'Sparat. Inget ändrades.',
      outcome.changes);
    $('kommun-id').readOnly = true;
    await reload();
  } catch (error) {
    if (error.status === 400) {
      const lines = Object.values(error.fieldErrors);
      listInto($('formularfel'), 'Kommunen sparades inte:', lines.length ? lines : [error.message]);
    } else {
      fail(error);
    }
  }
}

// --- the import ---

async function importFile(event) {
  event.preventDefault();
  const file = $('csv-fil').files[0];
  const out = $('importsvar');
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

async function start() {
  try {
    if (!(await currentUser())) {
      show('inloggning');
      return;
    }
    const answer = await call('GET', API + '/roles');
    roles = answer.roles;
    $('kolumner').textContent = answer.csvColumns.join(';');
    await reload();
    show('sida');
  } catch (error) {
    fail(error);
  }
}

// a module runs once the page is parsed: its elements are there
$('kommunformular').addEventListener('submit', save);
$('importformular').addEventListener('submit', importFile);
$('ny-person').addEventListener('click', () => personRow(null).querySelector('input').focus());
start();
