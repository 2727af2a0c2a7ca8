/*
 * trygg-samverkan: with single sign-on, a user who logs out of Tasklist (or Cockpit, Admin) is logged out of the
 * identity provider too, instead of landing on Camunda's password form, which such users have no password for.
 * Camunda's logout ends its own login and shows #/login, while the single sign-on session would log the user
 * straight in again: after the user's own "Logga ut", #/login sends the browser on to /sso/logga-ut, which ends
 * both. Asks /sso/status once; does nothing when the installation uses passwords.
 */
const status = fetch('/sso/status', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : { enabled: false }))
  .catch(() => ({ enabled: false }));

let loggedOut = false;

// the user's own "Logga ut" in the header's account menu: the web application is about to show #/login
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[ng-click="logout()"]')) {
    loggedOut = true;
  }
}, true);

async function afterLoggingOut() {
  if (!loggedOut || window.location.hash.indexOf('#/login') !== 0) {
    return;
  }
  const sso = await status;
  if (sso.enabled) {
    window.location.assign(sso.logout);
  }
}

window.addEventListener('hashchange', afterLoggingOut);

export default [];
