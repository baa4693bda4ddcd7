import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { answer, api } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';

/** Where invitations and the first admin's link lead (`PUBLIC_URL/set-password#token=…`). */
export const SET_PASSWORD_PATH = '/set-password';

/** The token travels in the fragment, which the browser never sends to a server. */
const tokenInAddress = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

export function SetPasswordPage() {
  const { t } = useI18n();
  const [token] = useState(tokenInAddress);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const save = useMutation({ mutationFn: (body: { token: string; password: string }) => answer(api.POST('/api/auth/set-password', { body })) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [
      ...(password ? [] : [{ field: 'password', message: `${t.setPassword.password}: ${t.form.required}` }]),
      ...(password && password !== confirmation ? [{ field: 'confirmation', message: t.setPassword.differ }] : []),
    ];
    setErrors(problems);
    if (problems.length) return;
    save.mutate(
      { token, password },
      {
        // A spent link must not stay in the address bar or the history.
        onSuccess: () => window.history.replaceState(null, '', SET_PASSWORD_PATH),
        onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)),
      },
    );
  };

  if (save.isSuccess) {
    return (
      <div className="narrow">
        <h1>{t.setPassword.title}</h1>
        <p role="status">{t.setPassword.done}</p>
        <a className="button" href="/">
          {t.setPassword.toSignIn}
        </a>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t.setPassword.title}</h1>
      {token ? <p className="lead">{t.setPassword.intro}</p> : <p role="alert">{t.setPassword.noToken}</p>}
      <ErrorSummary errors={errors} knownFields={['password', 'confirmation']} />
      {token && (
        <form onSubmit={submit} noValidate>
          <TextField name="password" type="password" autoComplete="new-password" label={t.setPassword.password} value={password} onChange={setPassword} error={errorFor(errors, 'password') ?? errorFor(errors, 'token')} />
          <TextField name="confirmation" type="password" autoComplete="new-password" label={t.setPassword.confirmation} value={confirmation} onChange={setConfirmation} error={errorFor(errors, 'confirmation')} />
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t.form.sending : t.setPassword.submit}
          </button>
        </form>
      )}
    </div>
  );
}
