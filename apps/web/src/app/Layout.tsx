import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../rules/domain.js';
import { Confirmable } from '../components/Confirmable.js';
import { formErrorsOf } from '../components/form-errors.js';
import { useSession, useSignOut, useSignOutEverywhere } from '../features/auth/session.js';
import { useI18n, type Language } from '../i18n/i18n.js';

/**
 * The page frame: a skip link, the menu (only what the signed-in role can use; the Art. 34 notices
 * belong to an incident, so they are reached from its page), the language switch, sign-out and
 * sign-out everywhere (every browser and API client of the account, after a confirmation). After a
 * navigation, focus moves to the main content so a screen reader starts at the new page.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const session = useSession().data;
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const role = session?.user.role;
  const links = role
    ? [
        { to: '/', label: t.nav.dashboard, end: true },
        ...(INCIDENT_EDITORS.includes(role) ? [{ to: '/incidents/new', label: t.nav.newIncident }] : []),
        ...(APPROVER_ROLES.includes(role) ? [{ to: '/approvals', label: t.nav.approvals }] : []),
        { to: '/register', label: t.nav.register },
        { to: '/settings', label: t.nav.settings },
        ...(role === 'admin' ? [{ to: '/users', label: t.nav.users }] : []),
      ]
    : [];

  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="header">
        <div className="header__inner">
          <span className="header__name">{t.app.name}</span>
          {links.length > 0 && (
            <nav aria-label={t.nav.label}>
              <ul className="nav">
                {links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end={link.end}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="header__tools">
            <label htmlFor="language" className="visually-hidden">
              {t.app.language}
            </label>
            <select id="language" className="input input--compact" value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {(['sv', 'en'] as const).map((code) => (
                <option key={code} value={code} lang={code}>
                  {t.app.languageName[code]}
                </option>
              ))}
            </select>
            {role && (
              <>
                <span className="header__who">{t.app.signedInAs(t.roles[role])}</span>
                <button type="button" className="button button--secondary button--compact" onClick={() => signOut.mutate()}>
                  {t.app.signOut}
                </button>
                <Confirmable
                  label={t.app.signOutEverywhere}
                  question={t.app.signOutEverywhereQuestion}
                  yes={t.app.signOutEverywhereYes}
                  no={t.app.notNow}
                  compact
                  quiet
                  disabled={signOutEverywhere.isPending}
                  onYes={() => signOutEverywhere.mutate()}
                />
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main} className="main">
        {signOutEverywhere.isError && (
          <p className="notice notice--error" role="alert">
            {t.app.signOutEverywhereFailed(formErrorsOf(signOutEverywhere.error, t.app.loadFailed)[0]?.message ?? t.app.loadFailed)}
          </p>
        )}
        {children}
      </main>
    </>
  );
}
