import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { SetPasswordPage, SET_PASSWORD_PATH } from '../features/auth/SetPasswordPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { useSession, useSessionEndedWatch } from '../features/auth/session.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { ApprovalsPage } from '../features/filings/ApprovalsPage.js';
import { FilingPage } from '../features/filings/FilingPage.js';
import { IncidentPage } from '../features/incidents/IncidentPage.js';
import { IntakeWizard } from '../features/intake/IntakeWizard.js';
import { OrganisationPage } from '../features/organisation/OrganisationPage.js';
import { RegisterPage } from '../features/register/RegisterPage.js';
import { UsersPage } from '../features/users/UsersPage.js';
import { Layout } from './Layout.js';
import { NotFoundPage } from './NotFoundPage.js';

const noticesPages = () => import('../features/notices/pages.js');
const NoticesPage = lazy(() => noticesPages().then((pages) => ({ default: pages.NoticesPage })));
const NoticeDraftPage = lazy(() => noticesPages().then((pages) => ({ default: pages.NoticeDraftPage })));
const NoticePage = lazy(() => noticesPages().then((pages) => ({ default: pages.NoticePage })));

/** Signed out, every address shows the sign-in form, and after signing in the page asked for (an e-mail's link). */
export function App() {
  const session = useSession();
  useSessionEndedWatch();
  const { t } = useI18n();
  // A one-time link is followed signed in or not: it is about the account the link names.
  if (window.location.pathname === SET_PASSWORD_PATH) {
    return (
      <Layout>
        <SetPasswordPage />
      </Layout>
    );
  }
  if (session.isPending) return <p role="status">{t.app.loading}</p>;
  if (!session.data) {
    return (
      <Layout>
        <SignInPage />
      </Layout>
    );
  }
  return (
    <Layout>
      <Suspense fallback={<p role="status">{t.app.loading}</p>}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/incidents/new/:step?" element={<IntakeWizard />} />
          <Route path="/incidents/:id" element={<IncidentPage />} />
          <Route path="/filings/:id" element={<FilingPage />} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/settings" element={<OrganisationPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/incidents/:id/notices" element={<NoticesPage />} />
          <Route path="/incidents/:id/notices/new" element={<NoticeDraftPage />} />
          <Route path="/notices/:id" element={<NoticePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
