/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The consultation rounds of a programme in the admin: each round with its times, phase and comment
 * counts (links to its moderation queue and public page), and the form that opens a new round on the
 * version in consultation (editors).
 */
import { PRE_MODERATION, type Round, type RoundPhase } from '#src/domain/consultation/round.ts';
import type { CommentStatus } from '#src/domain/consultation/comment.ts';
import { formatDateTime, formatNumber } from '#src/i18n/format.ts';
import {
  CsrfField,
  ErrorSummary,
  errorFor,
  Notice,
  SelectField,
  TextArea,
  TextField,
  type FieldError,
} from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface RoundRow {
  round: Round;
  title: string;
  phase: RoundPhase;
  counts: Record<CommentStatus, number>;
  queueHref: string;
  publicHref: string;
}

export interface RoundsAdminPageProps {
  ac: AdminRenderContext;
  programme: { title: string };
  rounds: RoundRow[];
  /** The version in consultation a new round would be on, or null when there is none. */
  consultationVersion: number | null;
  canCreate: boolean;
  createAction: string;
  form: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  problem: string | null;
  done: string | null;
}

export function RoundsAdminPage(props: RoundsAdminPageProps): JSX.Element {
  const { ac, form } = props;
  const { t, lang } = ac;
  const title = `${t('consultation.admin.title')} – ${props.programme.title}`;
  const v = (name: string): string => form[name] ?? '';
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="programmes"
      crumbs={[{ href: '/admin', label: t('admin.nav.dashboard') }]}
    >
      <h1 safe>{title}</h1>
      {props.done ? (
        <Notice kind="success">
          <p safe>{t('consultation.admin.created', { slug: props.done })}</p>
        </Notice>
      ) : (
        ''
      )}
      {props.rounds.length === 0 ? (
        <p safe>{t('consultation.admin.none')}</p>
      ) : (
        <table>
          <caption safe>{t('consultation.admin.rounds')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('consultation.admin.round')}
              </th>
              <th scope="col" safe>
                {t('consultation.admin.times')}
              </th>
              <th scope="col" class="num" safe>
                {t('consultation.admin.pending')}
              </th>
              <th scope="col" class="num" safe>
                {t('consultation.admin.approved')}
              </th>
              <th scope="col" class="num" safe>
                {t('consultation.admin.rejected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rounds.map((r) => (
              <tr>
                <th scope="row">
                  <a href={r.queueHref} safe>
                    {r.title}
                  </a>{' '}
                  (
                  <a href={r.publicHref} safe>
                    {t('consultation.admin.publicPage')}
                  </a>
                  )
                </th>
                <td safe>
                  {`${formatDateTime(r.round.opensAt, lang)} – ${formatDateTime(r.round.closesAt, lang)} (${t(`consultation.admin.phase.${r.phase}`)})`}
                </td>
                <td class="num" safe>
                  {formatNumber(r.counts.pending, lang)}
                </td>
                <td class="num" safe>
                  {formatNumber(r.counts.approved, lang)}
                </td>
                <td class="num" safe>
                  {formatNumber(r.counts.rejected, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canCreate ? (
        <section aria-labelledby="new-round">
          <h2 id="new-round" safe>
            {t('consultation.admin.new')}
          </h2>
          {props.consultationVersion === null ? (
            <p safe>{t('consultation.admin.noVersion')}</p>
          ) : (
            <form method="post" action={props.createAction}>
              <p safe>{t('consultation.admin.onVersion', { number: props.consultationVersion })}</p>
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
                name="slug"
                label={t('consultation.admin.slug')}
                hint={t('consultation.admin.slugHint')}
                value={v('slug')}
                error={errorFor(props.errors, 'slug')}
                required
              />
              {(['fi', 'sv', 'en'] as const).map((l) => (
                <TextField
                  ac={ac}
                  name={`title.${l}`}
                  label={t(`consultation.admin.title.${l}`)}
                  value={v(`title.${l}`)}
                  error={errorFor(props.errors, `title.${l}`)}
                  required={l === 'fi'}
                  lang={l}
                />
              ))}
              {(['fi', 'sv', 'en'] as const).map((l) => (
                <TextArea
                  ac={ac}
                  name={`intro.${l}`}
                  label={t(`consultation.admin.intro.${l}`)}
                  value={v(`intro.${l}`)}
                  error={errorFor(props.errors, `intro.${l}`)}
                  required={l === 'fi'}
                  lang={l}
                  rows={5}
                />
              ))}
              {(['fi', 'sv', 'en'] as const).map((l) => (
                <TextArea
                  ac={ac}
                  name={`questions.${l}`}
                  label={t(`consultation.admin.questions.${l}`)}
                  hint={l === 'fi' ? t('consultation.admin.questionsHint') : undefined}
                  value={v(`questions.${l}`)}
                  error={errorFor(props.errors, `questions.${l}`)}
                  lang={l}
                  rows={3}
                />
              ))}
              <TextArea
                ac={ac}
                name="documents"
                label={t('consultation.admin.documents')}
                hint={t('consultation.admin.documentsHint')}
                value={v('documents')}
                error={errorFor(props.errors, 'documents')}
                rows={3}
              />
              <TextField
                ac={ac}
                type="datetime-local"
                name="opens"
                label={t('consultation.admin.opens')}
                hint={t('consultation.admin.timeHint')}
                value={v('opens')}
                error={errorFor(props.errors, 'opens')}
                required
              />
              <TextField
                ac={ac}
                type="datetime-local"
                name="closes"
                label={t('consultation.admin.closes')}
                hint={t('consultation.admin.timeHint')}
                value={v('closes')}
                error={errorFor(props.errors, 'closes')}
                required
              />
              <SelectField
                ac={ac}
                name="preModeration"
                label={t('consultation.admin.preModeration')}
                value={v('preModeration') || 'all'}
                options={PRE_MODERATION.map((p) => ({ value: p, label: t(`consultation.admin.preModeration.${p}`) }))}
              />
              <TextField
                ac={ac}
                type="date"
                name="retentionUntil"
                label={t('consultation.admin.retention')}
                hint={t('consultation.admin.retentionHint')}
                value={v('retentionUntil')}
                error={errorFor(props.errors, 'retentionUntil')}
              />
              <p>
                <button type="submit" safe>
                  {t('consultation.admin.create')}
                </button>
              </p>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
