import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Messages } from '../../i18n/messages.sv.js';
import { useSignIn, useSignInMethods } from './session.js';

/** The query parameter the API's single sign-on puts its refusal in when it sends the browser back here. */
const SSO_ERROR = 'sso-error';

/** The refusal single sign-on sent the browser back with, read once: the address loses it, so a reload does not repeat it. */
function takeSsoError(): string | undefined {
  const url = new URL(window.location.href);
  const code = url.searchParams.get(SSO_ERROR) ?? undefined;
  if (code !== undefined) {
    url.searchParams.delete(SSO_ERROR);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return code;
}

const ssoErrorText = (t: Messages, code: string): string => (t.signIn.ssoError as Record<string, string>)[code] ?? t.signIn.ssoError.unknown;

export function SignInPage() {
  const { t } = useI18n();
  const methods = useSignInMethods();
  const [ssoError] = useState(takeSsoError);
  // Until the methods are known (or when they cannot be read), the password form shows: it is what every deployment had.
  const sso = methods.data?.sso ?? false;
  const password = methods.data?.password ?? true;
  const returnTo = `${window.location.pathname}${window.location.search}`;

  return (
    <div className="narrow">
      <h1>{t.signIn.title}</h1>
      <p className="lead">{t.signIn.intro}</p>
      {ssoError && (
        <div className="notice notice--error" role="alert">
          <h2>{t.signIn.ssoErrorTitle}</h2>
          <p>{ssoErrorText(t, ssoError)}</p>
        </div>
      )}
      {sso && (
        <>
          {!password && <p>{t.signIn.passwordsOff}</p>}
          <p>
            <a className="button" href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}>
              {t.signIn.withOrganisationAccount}
            </a>
          </p>
        </>
      )}
      {password && (
        <>
          {sso && <h2>{t.signIn.orWithPassword}</h2>}
          <PasswordForm />
        </>
      )}
    </div>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [
      ...(email.trim() ? [] : [{ field: 'email', message: `${t.signIn.email}: ${t.form.required}` }]),
      ...(password ? [] : [{ field: 'password', message: `${t.signIn.password}: ${t.form.required}` }]),
    ];
    setErrors(missing);
    if (missing.length) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onError: (error) =>
          setErrors(error instanceof ApiError && error.status === 401 ? [{ field: 'email', message: t.signIn.wrongCredentials }] : formErrorsOf(error, t.app.loadFailed)),
      },
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} knownFields={['email', 'password']} />
      <form onSubmit={submit} noValidate>
        <TextField name="email" type="email" autoComplete="username" label={t.signIn.email} value={email} onChange={setEmail} error={errorFor(errors, 'email')} />
        <TextField name="password" type="password" autoComplete="current-password" label={t.signIn.password} value={password} onChange={setPassword} error={errorFor(errors, 'password')} />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t.form.sending : t.signIn.submit}
        </button>
      </form>
    </>
  );
}
