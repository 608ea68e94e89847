/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The page of a one-time set-password link: the form, or why the link no longer works. */
import { CsrfField, ErrorSummary, errorFor, Notice, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export type LinkProblem = 'used' | 'expired' | 'unknown';

export interface SetPasswordPageProps {
  ac: AdminRenderContext;
  /** The form's action (the link's own address). */
  action: string;
  email: string | null;
  minLength: number;
  errors: FieldError[];
  problem?: LinkProblem | undefined;
}

const PROBLEM_KEYS = {
  used: 'admin.setPassword.used',
  expired: 'admin.setPassword.expired',
  unknown: 'admin.setPassword.unknown',
} as const;

export function SetPasswordPage({ ac, action, email, minLength, errors, problem }: SetPasswordPageProps): JSX.Element {
  const { t } = ac;
  if (problem || email === null) {
    return (
      <AdminLayout ac={ac} title={t('admin.setPassword.title')}>
        <h1 safe>{t('admin.setPassword.title')}</h1>
        <Notice kind="error">{<p safe>{t(PROBLEM_KEYS[problem ?? 'unknown'])}</p>}</Notice>
        <p>
          <a href="/admin/login" safe>
            {t('admin.login.title')}
          </a>
        </p>
      </AdminLayout>
    );
  }
  return (
    <AdminLayout ac={ac} title={t('admin.setPassword.title')}>
      <h1 safe>{t('admin.setPassword.title')}</h1>
      <ErrorSummary ac={ac} errors={errors} />
      <p safe>{t('admin.setPassword.intro', { email })}</p>
      <form method="post" action={action} class="stack narrow" novalidate>
        <CsrfField ac={ac} />
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <TextField
          ac={ac}
          name="password"
          type="password"
          label={t('admin.setPassword.password')}
          hint={t('admin.setPassword.hint', { min: minLength })}
          autocomplete="new-password"
          required
          error={errorFor(errors, 'password')}
        />
        <TextField
          ac={ac}
          name="confirm"
          type="password"
          label={t('admin.setPassword.confirm')}
          autocomplete="new-password"
          required
          error={errorFor(errors, 'confirm')}
        />
        <p>
          <button type="submit" class="button" safe>
            {t('admin.setPassword.submit')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}
