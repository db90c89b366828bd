// HTML pages shaped like Keycloak's login theme, with the same element ids
// (kc-form-login, username, password, kc-login, input-error, kc-page-title...)
// so that browser tests run unchanged against this provider and a real Keycloak.

const MESSAGES = {
  en: {
    loginTitle: (realm) => `Sign in to ${realm}`,
    loginAccountTitle: 'Sign in to your account',
    usernameOrEmail: 'Username or email',
    password: 'Password',
    doLogIn: 'Sign In',
    invalidUserMessage: 'Invalid username or password.',
    errorTitle: 'We are sorry...',
    expiredActionMessage: 'Action expired. Please continue with login now.',
    loginTimeout: 'Your login attempt timed out. Login will start from the beginning.',
    logoutTitle: 'Logging out',
    doLogout: 'Logout',
  },
  fr: {
    loginTitle: (realm) => `Se connecter à ${realm}`,
    loginAccountTitle: 'Connectez-vous à votre compte',
    usernameOrEmail: "Nom d'utilisateur ou courriel",
    password: 'Mot de passe',
    doLogIn: 'Connexion',
    invalidUserMessage: "Nom d'utilisateur ou mot de passe invalide.",
    errorTitle: 'Nous sommes désolés...',
    expiredActionMessage: 'Action expirée. Merci de vous reconnecter.',
    loginTimeout: 'Le temps imparti pour la connexion est écoulé. Le processus de connexion redémarre depuis le début.',
    logoutTitle: 'Déconnexion',
    doLogout: 'Déconnexion',
  },
};

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Picks the page language: explicit choice (kc_locale / ui_locales) first, then the
 * Accept-Language header; French when it asks for French, English otherwise.
 * @param {{ explicit?: string | undefined, acceptLanguage?: string | undefined, supported: string[] }} input
 * @returns {'fr' | 'en'}
 */
export function pickLanguage({ explicit, acceptLanguage, supported }) {
  const available = supported.filter((l) => l in MESSAGES);
  const candidates = [];
  if (explicit) candidates.push(...explicit.split(/\s+/));
  if (acceptLanguage) {
    const ranged = acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
      })
      .filter((r) => r.tag && r.tag !== '*' && r.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    candidates.push(...ranged.map((r) => r.tag));
  }
  for (const tag of candidates) {
    const lang = tag.toLowerCase().split('-')[0];
    if (available.includes(lang)) return /** @type {'fr' | 'en'} */ (lang);
  }
  return 'en';
}

function layout({ lang, title, realmDisplayName, body }) {
  return `<!DOCTYPE html>
<html class="login-pf" lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
  <meta name="robots" content="noindex, nofollow">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body{font-family:system-ui,sans-serif;background:#f0f0f0;margin:0}
    .login-pf-page{max-width:420px;margin:6vh auto;padding:0 16px}
    #kc-header-wrapper{font-size:1.6em;text-align:center;margin:0 0 24px;color:#333}
    .card-pf{background:#fff;padding:24px 32px;border-top:4px solid #0066cc;box-shadow:0 1px 2px rgba(0,0,0,.2)}
    #kc-page-title{font-size:1.4em;font-weight:400;text-align:center;margin:0 0 24px}
    .form-group{margin-bottom:16px}
    label{display:block;margin-bottom:4px;font-size:.9em}
    input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #8a8d90;font-size:1em}
    input[aria-invalid=true]{border-color:#c9190b}
    #input-error,.kc-feedback-text{display:block;color:#c9190b;font-size:.85em;margin-top:4px}
    #kc-login{width:100%;padding:10px;background:#0066cc;color:#fff;border:0;font-size:1em;cursor:pointer}
    #kc-locale{text-align:right;font-size:.85em;margin-bottom:8px}
    #kc-locale a{margin-left:8px;color:#0066cc}
  </style>
</head>
<body id="keycloak-bg" class="">
<div class="login-pf-page">
  <div id="kc-header" class="login-pf-page-header">
    <div id="kc-header-wrapper" class="">${escapeHtml(realmDisplayName)}</div>
  </div>
  <div class="card-pf">
${body}
  </div>
</div>
</body>
</html>`;
}

/**
 * @param {{ lang: 'fr' | 'en', action: string, realmDisplayName: string, username?: string,
 *   error?: boolean, localeLinks?: Array<{ lang: string, href: string }> }} input
 */
export function loginPage({ lang, action, realmDisplayName, username = '', error = false, localeLinks = [] }) {
  const t = MESSAGES[lang];
  const invalid = error ? ' aria-invalid="true"' : '';
  const locales = localeLinks.length
    ? `    <div id="kc-locale"><div id="kc-locale-wrapper">${localeLinks
        .map(
          (l) =>
            `<a href="${escapeHtml(l.href)}" id="kc-locale-${escapeHtml(l.lang)}">${escapeHtml(l.lang.toUpperCase())}</a>`,
        )
        .join('')}</div></div>\n`
    : '';
  const body = `${locales}    <header class="login-pf-header">
      <h1 id="kc-page-title">${escapeHtml(t.loginAccountTitle)}</h1>
    </header>
    <div id="kc-content">
      <div id="kc-content-wrapper">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <form id="kc-form-login" onsubmit="login.disabled = true; return true;" action="${escapeHtml(action)}" method="post" novalidate="novalidate">
              <div class="form-group">
                <label for="username" class="pf-c-form__label pf-c-form__label-text">${escapeHtml(t.usernameOrEmail)}</label>
                <input tabindex="1" id="username" class="pf-c-form-control" name="username" value="${escapeHtml(username)}" type="text" autofocus autocomplete="username"${invalid}/>
${error ? `                <span id="input-error" class="pf-c-form__helper-text pf-m-error required kc-feedback-text" aria-live="polite">${escapeHtml(t.invalidUserMessage)}</span>\n` : ''}              </div>
              <div class="form-group">
                <label for="password" class="pf-c-form__label pf-c-form__label-text">${escapeHtml(t.password)}</label>
                <input tabindex="2" id="password" class="pf-c-form-control" name="password" type="password" autocomplete="current-password"${invalid}/>
              </div>
              <div id="kc-form-buttons" class="form-group">
                <input type="hidden" id="id-hidden-input" name="credentialId"/>
                <button tabindex="4" class="pf-c-button pf-m-primary pf-m-block btn-lg" name="login" id="kc-login" type="submit">${escapeHtml(t.doLogIn)}</button>
              </div>
            </form>
          </div>
        </div>
      </div>
    </div>`;
  return layout({ lang, title: t.loginTitle(realmDisplayName), realmDisplayName, body });
}

/**
 * @param {{ lang: 'fr' | 'en', realmDisplayName: string, message?: string, expired?: boolean }} input
 */
export function errorPage({ lang, realmDisplayName, message, expired = false }) {
  const t = MESSAGES[lang];
  const text = message ?? (expired ? t.loginTimeout : t.expiredActionMessage);
  const body = `    <header class="login-pf-header">
      <h1 id="kc-page-title">${escapeHtml(t.errorTitle)}</h1>
    </header>
    <div id="kc-content">
      <div id="kc-content-wrapper">
        <div id="kc-error-message">
          <p class="instruction">${escapeHtml(text)}</p>
        </div>
      </div>
    </div>`;
  return layout({ lang, title: t.errorTitle, realmDisplayName, body });
}

/**
 * Logout page that submits itself at once (no confirmation step), keeping a
 * button for browsers without JavaScript.
 * @param {{ lang: 'fr' | 'en', realmDisplayName: string, form: string }} input
 */
export function logoutPage({ lang, realmDisplayName, form }) {
  const t = MESSAGES[lang];
  const autoForm = form.replace(
    '</form>',
    `<input type="hidden" name="logout" value="yes"/><noscript><button type="submit" id="kc-logout">${escapeHtml(t.doLogout)}</button></noscript></form>`,
  );
  const body = `    <header class="login-pf-header">
      <h1 id="kc-page-title">${escapeHtml(t.logoutTitle)}</h1>
    </header>
    <div id="kc-content">${autoForm}</div>
    <script>document.getElementById('op.logoutForm').submit();</script>`;
  return layout({ lang, title: t.logoutTitle, realmDisplayName, body });
}
