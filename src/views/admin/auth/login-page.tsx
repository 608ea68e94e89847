/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The sign-in form (e-mail and password), with the notices shown after logging out or setting a password. */
import { CsrfField, ErrorSummary, errorFor, Notice, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export type LoginNotice = 'signed-out' | 'signed-out-everywhere' | 'password-set' | 'session-ended';

const NOTICE_KEYS = {
  'signed-out': 'admin.login.signedOut',
  'signed-out-everywhere': 'admin.login.signedOutEverywhere',
  'password-set': 'admin.login.passwordSet',
  'session-ended': 'admin.login.sessionEnded',
} as const;

export interface LoginPageProps {
  ac: AdminRenderContext;
  email: string;
  /** Where to go after signing in (an /admin address). */
  next: string;
  errors: FieldError[];
  notice?: LoginNotice | undefined;
}

export function LoginPage({ ac, email, next, errors, notice }: LoginPageProps): JSX.Element {
  const { t } = ac;
  return (
    <AdminLayout ac={ac} title={t('admin.login.title')}>
      <h1 safe>{t('admin.login.title')}</h1>
      <ErrorSummary ac={ac} errors={errors} />
      {notice && errors.length === 0 ? <Notice kind="info">{<p safe>{t(NOTICE_KEYS[notice])}</p>}</Notice> : ''}
      <p safe>{t('admin.login.intro')}</p>
      <form method="post" action="/admin/login" class="stack narrow" novalidate>
        <CsrfField ac={ac} />
        <input type="hidden" name="next" value={next} />
        <TextField
          ac={ac}
          name="email"
          type="email"
          label={t('admin.login.email')}
          value={email}
          autocomplete="username"
          required
          error={errorFor(errors, 'email')}
        />
        <TextField
          ac={ac}
          name="password"
          type="password"
          label={t('admin.login.password')}
          autocomplete="current-password"
          required
          error={errorFor(errors, 'password')}
        />
        <p>
          <button type="submit" class="button" safe>
            {t('admin.login.submit')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}
