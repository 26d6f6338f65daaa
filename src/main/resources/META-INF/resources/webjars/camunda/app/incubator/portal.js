/*
 * Incubator branding shared by Tasklist, Cockpit, Admin and Welcome (loaded through customScripts in
 * app/<name>/scripts/config.js). It adds a "back to the portal" link to the Camunda header and sends
 * people to the portal's login page instead of the webapps' own: the portal and the webapps share one
 * Spring Security sign-on, and a webapp logout already ends that session.
 */
const PORTAL = '/';
const PORTAL_LOGIN = '/login';
const LABELS = {
  en: 'Back to the portal',
  es: 'Volver al portal',
  fr: 'Retour au portail'
};

// The same choice as the webapps' own translations: the browser's first language, else English.
function language() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  const code = first.split('-')[0].toLowerCase();
  return LABELS[code] ? code : 'en';
}

function redirectLoginToPortal() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace(PORTAL_LOGIN + (window.location.hash.indexOf('logout') >= 0 ? '?logout' : ''));
  }
}

function addPortalLink() {
  const header = document.querySelector('[cam-widget-header] .navbar-header');
  if (!header || header.querySelector('.incubator-portal-link')) {
    return;
  }
  const link = document.createElement('a');
  link.className = 'incubator-portal-link';
  link.href = PORTAL;
  link.textContent = '\u2190 ' + LABELS[language()];
  header.appendChild(link);
}

redirectLoginToPortal();
window.addEventListener('hashchange', redirectLoginToPortal);
new MutationObserver(addPortalLink).observe(document.documentElement, {childList: true, subtree: true});
addPortalLink();

// No plugins: this module only decorates the page.
export default [];
