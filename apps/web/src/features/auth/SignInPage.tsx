import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSignIn } from './session.js';

export function SignInPage() {
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
    <div className="narrow">
      <h1>{t.signIn.title}</h1>
      <p className="lead">{t.signIn.intro}</p>
      <ErrorSummary errors={errors} knownFields={['email', 'password']} />
      <form onSubmit={submit} noValidate>
        <TextField name="email" type="email" autoComplete="username" label={t.signIn.email} value={email} onChange={setEmail} error={errorFor(errors, 'email')} />
        <TextField name="password" type="password" autoComplete="current-password" label={t.signIn.password} value={password} onChange={setPassword} error={errorFor(errors, 'password')} />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t.form.sending : t.signIn.submit}
        </button>
      </form>
    </div>
  );
}
