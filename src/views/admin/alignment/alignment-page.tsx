/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The alignment helper's admin page: a form (POSTed with the CSRF token) with the project text and
 * its language, and the programme's priorities and spearheads ranked by similarity, with the
 * matched words marked.
 */
import Html from '@kitajs/html';
import type { AlignmentHit, TextSegment } from '#src/domain/alignment/index.ts';
import { MAX_ALIGN_TEXT } from '#src/domain/alignment/align.ts';
import { formatDecimal, formatNumber } from '#src/i18n/format.ts';
import { LANGS, pickText, type Lang, type LocalizedText } from '#src/domain/languages.ts';
import { CsrfField, ErrorSummary, Notice, SelectField, TextArea, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface AlignmentPageProps {
  ac: AdminRenderContext;
  programme: { regionCode: string; slug: string; title: LocalizedText };
  form: { text: string; lang: Lang };
  errors: FieldError[];
  result: { priorities: AlignmentHit[]; spearheads: AlignmentHit[]; segments: TextSegment[] } | null;
  /** The helper's proposals for the region's unlinked projects, with confirm buttons (editors only; null: not shown). */
  proposals?: { code: string; name: string; priority: string; priorityTitle: string }[] | null;
  /** A link just confirmed, for the notice. */
  confirmed?: { project: string; priority: string } | null;
}

const LANG_NAMES: Record<Lang, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

function HitTable(props: { ac: AdminRenderContext; caption: string; hits: AlignmentHit[] }): JSX.Element {
  const { t, lang } = props.ac;
  return (
    <table class="table">
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('admin.align.rank')}
          </th>
          <th scope="col" safe>
            {t('admin.align.target')}
          </th>
          <th scope="col" safe>
            {t('admin.align.score')}
          </th>
          <th scope="col" safe>
            {t('admin.align.matched')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.hits.map((h, i) => (
          <tr>
            <td safe>{formatNumber(i + 1, lang)}</td>
            <th scope="row">
              <span safe>{h.title}</span> <code safe>{h.key}</code>
            </th>
            <td safe>{formatDecimal(h.score, lang, 2)}</td>
            <td>{h.matched.length > 0 ? h.matched.map((w) => <mark safe>{w}</mark>).join(', ') : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The text as HTML: every run escaped, the matched words in `<mark>`. */
function markedText(segments: readonly TextSegment[]): JSX.Element {
  const safeHtml = segments.map((s) => (s.marked ? <mark safe>{s.text}</mark> : Html.escapeHtml(s.text))).join('');
  return safeHtml;
}

export function AlignmentPage(props: AlignmentPageProps): JSX.Element {
  const { ac, programme, form, errors, result } = props;
  const { t } = ac;
  const title = t('admin.align.title');
  const programmeTitle = pickText(programme.title, ac.lang)?.text ?? programme.slug;
  const base = `/admin/regions/${programme.regionCode}/programmes/${programme.slug}`;
  const anyMatch = result !== null && result.segments.some((s) => s.marked);
  return (
    <AdminLayout
      ac={ac}
      title={`${title} – ${programmeTitle}`}
      section="programmes"
      crumbs={[
        { href: '/admin/programmes', label: t('admin.nav.programmes') },
        { href: base, label: programmeTitle },
      ]}
    >
      <h1 safe>{title}</h1>
      {props.confirmed ? (
        <Notice kind="success">
          {Html.escapeHtml(
            t('admin.align.confirmed', { project: props.confirmed.project, priority: props.confirmed.priority }),
          )}
        </Notice>
      ) : (
        ''
      )}
      <p safe>{t('admin.align.intro')}</p>
      <ErrorSummary ac={ac} errors={errors} />
      <form method="post" action={Html.escapeHtml(`${base}/align`)} class="stack">
        <CsrfField ac={ac} />
        <TextArea
          ac={ac}
          name="text"
          label={t('admin.align.text')}
          hint={t('admin.align.textHint', { max: MAX_ALIGN_TEXT })}
          value={form.text}
          error={errors.find((e) => e.field === 'text')?.message}
          rows={10}
          required
          lang={form.lang}
        />
        <SelectField
          ac={ac}
          name="lang"
          label={t('admin.align.lang')}
          value={form.lang}
          options={LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] }))}
          error={errors.find((e) => e.field === 'lang')?.message}
        />
        <p>
          <button type="submit" class="button" safe>
            {t('admin.align.submit')}
          </button>
        </p>
      </form>
      {result === null ? (
        ''
      ) : (
        <section class="stack" aria-labelledby="align-results">
          {anyMatch ? '' : <Notice kind="info">{Html.escapeHtml(t('admin.align.noMatch'))}</Notice>}
          <HitTable ac={ac} caption={t('admin.align.priorities')} hits={result.priorities} />
          <HitTable ac={ac} caption={t('admin.align.spearheads')} hits={result.spearheads} />
          <h2 id="align-results" safe>
            {t('admin.align.marked')}
          </h2>
          <blockquote lang={form.lang}>
            <p>{markedText(result.segments)}</p>
          </blockquote>
        </section>
      )}
      {props.proposals ? (
        <section class="stack" aria-labelledby="align-proposals">
          <h2 id="align-proposals" safe>
            {t('admin.align.proposals')}
          </h2>
          <p safe>{t('admin.align.proposalsIntro')}</p>
          {props.proposals.length === 0 ? (
            <p safe>{t('admin.align.noProposals')}</p>
          ) : (
            <table class="table">
              <caption safe>{t('admin.align.proposals')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('projects.code')}
                  </th>
                  <th scope="col" safe>
                    {t('projects.section')}
                  </th>
                  <th scope="col" safe>
                    {t('admin.align.target')}
                  </th>
                  <th scope="col">
                    <span class="visually-hidden" safe>
                      {t('admin.align.confirm')}
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.proposals.map((p) => (
                  <tr>
                    <td>
                      <code safe>{p.code}</code>
                    </td>
                    <th scope="row" safe>
                      {p.name}
                    </th>
                    <td>
                      <span safe>{p.priorityTitle}</span> <code safe>{p.priority}</code>
                    </td>
                    <td>
                      <form method="post" action={Html.escapeHtml(`${base}/align/confirm`)}>
                        <CsrfField ac={ac} />
                        <input type="hidden" name="project" value={Html.escapeHtml(p.code)} />
                        <input type="hidden" name="priority" value={Html.escapeHtml(p.priority)} />
                        <button type="submit" class="button button-secondary" safe>
                          {t('admin.align.confirm')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
