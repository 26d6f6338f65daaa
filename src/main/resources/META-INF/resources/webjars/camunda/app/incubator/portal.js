/*
 * Incubator branding shared by Tasklist, Cockpit, Admin and Welcome (loaded through customScripts in
 * app/<name>/scripts/config.js). It adds a "back to the portal" link to the Camunda header and sends
 * people to the portal's login page instead of the webapps' own: the portal and the webapps share one
 * Spring Security sign-on, and a webapp logout already ends that session. The webapps speak the language
 * chosen on the portal (else the browser's): English, Spanish or French, the validation messages of
 * Camunda Forms included.
 */
const PORTAL = '/';
const PORTAL_LOGIN = '/login';
const LABELS = {
  en: 'Back to the portal',
  es: 'Volver al portal',
  fr: 'Retour au portail'
};

// The portal's language cookie (Spring's CookieLocaleResolver, set by the language switcher).
const LANGUAGE_COOKIE = 'incubator-lang';

// The language the person chose on the portal, else the browser's first language, else English.
function language() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(LANGUAGE_COOKIE + '='));
  const chosen = cookie ? decodeURIComponent(cookie.substring(LANGUAGE_COOKIE.length + 1)) : '';
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  for (const candidate of [chosen, first]) {
    const code = candidate.split(/[-_]/)[0].toLowerCase();
    if (LABELS[code]) {
      return code;
    }
  }
  return 'en';
}

// The webapps pick their translation (locales/<lang>.json) from navigator.languages[0] when Angular starts,
// which is after this custom script has run: make that the language chosen on the portal, so that someone
// who picked Spanish there gets Spanish Tasklist, Cockpit and Admin whatever their browser says.
function speakThePortalsLanguage() {
  const chosen = language();
  const languages = [chosen].concat(Array.from(navigator.languages || []).filter(l => l !== chosen));
  try {
    Object.defineProperty(navigator, 'languages', {configurable: true, get: () => languages});
    Object.defineProperty(navigator, 'language', {configurable: true, get: () => chosen});
  } catch (e) {
    // A browser that refuses keeps its own language: the webapps still work, in that language.
    console.warn('Cannot apply the portal language to the webapps', e);
  }
}

// The texts of Camunda Forms come translated from the server (process/internal/EngineApiTranslationFilter,
// messages/forms_<lang>.properties); form-js itself writes its validation messages in English only, with no
// way to translate them, so Tasklist's form errors are translated here.
const FORM_ERRORS = {
  es: [
    [/^Field is required\.$/, 'Este campo es obligatorio.'],
    [/^Field must have minimum value of (.+)\.$/, 'El valor mínimo es $1.'],
    [/^Field must have maximum value of (.+)\.$/, 'El valor máximo es $1.'],
    [/^Field must have minimum length of (.+)\.$/, 'Escriba al menos $1 caracteres.'],
    [/^Field must have maximum length of (.+)\.$/, 'Escriba como máximo $1 caracteres.'],
    [/^Field must match pattern (.+)\.$/, 'El valor no tiene el formato esperado ($1).'],
    [/^Field must be a valid email\.$/, 'Escriba una dirección de correo válida.'],
    [/^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/,
      'Escriba un número de teléfono internacional válido (p. ej. $1).']
  ],
  fr: [
    [/^Field is required\.$/, 'Ce champ est obligatoire.'],
    [/^Field must have minimum value of (.+)\.$/, 'La valeur minimale est $1.'],
    [/^Field must have maximum value of (.+)\.$/, 'La valeur maximale est $1.'],
    [/^Field must have minimum length of (.+)\.$/, 'Saisissez au moins $1 caractères.'],
    [/^Field must have maximum length of (.+)\.$/, 'Saisissez au plus $1 caractères.'],
    [/^Field must match pattern (.+)\.$/, 'La valeur n’a pas le format attendu ($1).'],
    [/^Field must be a valid email\.$/, 'Saisissez une adresse e-mail valide.'],
    [/^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/,
      'Saisissez un numéro de téléphone international valide (p. ex. $1).']
  ]
};

function translateFormErrors(rules) {
  document.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    const text = item.textContent.trim();
    for (const [english, translated] of rules) {
      if (english.test(text)) {
        item.textContent = text.replace(english, translated);
        return;
      }
    }
  });
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

speakThePortalsLanguage();
redirectLoginToPortal();
window.addEventListener('hashchange', redirectLoginToPortal);
new MutationObserver(addPortalLink).observe(document.documentElement, {childList: true, subtree: true});
addPortalLink();
// Only where there is something to translate: English pages are not watched for text changes.
const formErrorRules = FORM_ERRORS[language()];
if (formErrorRules) {
  new MutationObserver(() => translateFormErrors(formErrorRules))
    .observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}

// No plugins: this module only decorates the page.
export default [];
