import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.app.notFound}</h1>
      <p>
        <Link to="/">{t.nav.dashboard}</Link>
      </p>
    </>
  );
}
