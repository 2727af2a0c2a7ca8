/*
 * The frame of both overview pages (index.html, kommun.html): loading, the login form, errors, the user in the
 * header. A page is a view: an async function that fetches its data and shows it, run again after a login.
 */
import { $, show } from '../gemensamt/dom.js';
import { ApiError, NotLoggedIn, currentUser, logIn, logOut, mayOpen } from '../gemensamt/api.js';

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

/** Runs the view: its data on the page, the login form when the session has ended, or the error. */
export async function run(view) {
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

/** Starts the page with its view: shown at once to a user logged in to Camunda's web applications. */
export async function start(view) {
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
