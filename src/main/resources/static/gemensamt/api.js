/*
 * Talking to the server, for the project's pages: the project's API (/api/...) and the login of Camunda's web
 * applications, whose session the pages share. Whoever is logged in to Tasklist, Cockpit or Admin in this browser is
 * logged in here; whoever logs in on a page is logged in there. The login posts to Camunda's own login endpoint with
 * the CSRF token that Camunda's CsrfPreventionFilter hands out (see freshCsrfToken()).
 */

const CAMUNDA = {
  user: '/camunda/api/admin/auth/user/default',
  // "welcome" is the application every user may log in to (coordinators have no Cockpit); the session is the same
  login: '/camunda/api/admin/auth/user/default/login/welcome',
  logout: '/camunda/api/admin/auth/user/default/logout',
  // any GET under /camunda/api/ starts the session's CSRF token
  tokenSource: '/camunda/api/engine/engine/'
};
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** What a page says of a refusal that brings no message of its own, by status; other(status) for the rest. */
const REFUSALS = {
  403: 'Du har inte behörighet till det här.',
  404: 'Det du söker finns inte.',
  other: (status) => 'Servern svarade med fel ' + status + '. Försök igen om en stund.'
};

/** The session has ended, or there is none: the page asks for a login. */
export class NotLoggedIn extends Error {
}

/** A refusal, with the Swedish message to show and, for a form, the message per field. */
export class ApiError extends Error {
  constructor(status, message, fieldErrors) {
    super(message);
    this.status = status;
    this.fieldErrors = fieldErrors || {};
  }
}

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

/** The body as JSON, or null when it is none. */
async function jsonOf(response) {
  try {
    return await response.json();
  } catch (ignored) {
    return null;
  }
}

function messageOf(status, answer, refusals) {
  if (answer && typeof answer.message === 'string' && answer.message.trim()) {
    return answer.message;
  }
  return refusals[status] || refusals.other(status);
}

/**
 * Calls the project's API with the session: GET unless options.method says otherwise, options.body sent as
 * options.contentType (JSON by default). Every call carries X-Requested-With, which the API requires of a write made
 * with the web applications' login (another site cannot send it). Answers the JSON, or the text when options.accept
 * asks for another type. 401 means the session has ended (NotLoggedIn); another refusal is an ApiError with the
 * server's Swedish message, or else options.refusals' (by default the overview's) word for the status.
 */
export async function api(url, options) {
  const { method, body, contentType, accept, refusals } = options || {};
  const headers = { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
  }
  const response = await request(url, { method: method || 'GET', headers, body });
  if (response.status === 401) {
    throw new NotLoggedIn();
  }
  if (!response.ok) {
    const answer = await jsonOf(response);
    throw new ApiError(response.status, messageOf(response.status, answer, refusals || REFUSALS),
      answer && answer.fieldErrors);
  }
  return accept ? response.text() : jsonOf(response);
}

/** The web applications the logged-in user may open (Cockpit is for managers). */
let applications = [];

/**
 * The user logged in to Camunda's web applications in this browser, or null. Asked there: asking the API itself
 * would answer 401 with a Basic challenge, and the browser would pop up its own dialog.
 */
export async function currentUser() {
  const response = await request(CAMUNDA.user, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return null;
  }
  const user = await response.json();
  applications = user && Array.isArray(user.authorizedApps) ? user.authorizedApps : [];
  return user && user.userId ? user.userId : null;
}

/** Whether the user of currentUser() may open this web application ("cockpit", "tasklist", "admin"). */
export function mayOpen(application) {
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

/** Logs in to Camunda's web applications; answers the user, or refuses with an ApiError in Swedish. */
export async function logIn(username, password) {
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
export async function logOut() {
  if (!csrf) {
    await request(CAMUNDA.tokenSource, { headers: { Accept: 'application/json' } });
  }
  await request(CAMUNDA.logout, { method: 'POST', headers: csrf ? { [CSRF_HEADER]: csrf } : {} });
  keepToken(null);
}
