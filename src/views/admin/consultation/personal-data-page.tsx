/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The personal data of a region's commenters in the admin (admins of the region): what the system
 * removes by itself after a round's retention date, and the form that removes one person's data on
 * request (by e-mail address or comment number), the comment texts kept.
 */
import { CsrfField, ErrorSummary, errorFor, Notice, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface PersonalDataPageProps {
  ac: AdminRenderContext;
  regionName: string;
  action: string;
  form: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  problem: string | null;
  /** How many comments lost their personal data (after a removal), or null. */
  done: number | null;
}

export function PersonalDataPage(props: PersonalDataPageProps): JSX.Element {
  const { ac, form } = props;
  const { t } = ac;
  const title = `${t('consultationPrivacy.title')} – ${props.regionName}`;
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="programmes"
      crumbs={[{ href: '/admin', label: t('admin.nav.dashboard') }]}
    >
      <h1 safe>{title}</h1>
      {props.done !== null ? (
        <Notice kind="success">
          <p safe>{t('consultationPrivacy.done', { n: props.done })}</p>
        </Notice>
      ) : (
        ''
      )}
      <p safe>{t('consultationPrivacy.intro')}</p>
      <p safe>{t('consultationPrivacy.apiNote')}</p>
      <section aria-labelledby="erase">
        <h2 id="erase" safe>
          {t('consultationPrivacy.request.title')}
        </h2>
        <p safe>{t('consultationPrivacy.request.help')}</p>
        <form method="post" action={props.action}>
          <ErrorSummary ac={ac} errors={props.errors} />
          {props.problem ? (
            <Notice kind="error">
              <p safe>{props.problem}</p>
            </Notice>
          ) : (
            ''
          )}
          <CsrfField ac={ac} />
          <TextField
            ac={ac}
            type="email"
            name="email"
            label={t('consultationPrivacy.email')}
            hint={t('consultationPrivacy.emailHint')}
            value={form['email'] ?? ''}
            error={errorFor(props.errors, 'email')}
            autocomplete="off"
          />
          <TextField
            ac={ac}
            name="comment"
            label={t('consultationPrivacy.comment')}
            hint={t('consultationPrivacy.commentHint')}
            value={form['comment'] ?? ''}
            error={errorFor(props.errors, 'comment')}
            maxlength={10}
          />
          <button type="submit" safe>
            {t('consultationPrivacy.submit')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
