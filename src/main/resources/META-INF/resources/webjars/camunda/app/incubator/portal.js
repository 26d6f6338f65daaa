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

function language() {
  const candidates = [document.documentElement.lang, ...(navigator.languages || []), navigator.language];
  for (const candidate of candidates) {
    const code = (candidate || '').slice(0, 2).toLowerCase();
    if (LABELS[code]) {
      return code;
    }
  }
  return 'en';
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
