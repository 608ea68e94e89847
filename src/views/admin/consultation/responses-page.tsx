/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A round's responses desk (issue 10, point 5): the council's responses so far (drafts and
 * published), the one action that publishes every draft together, and one form: a new response to
 * the chosen comments (one, or a group answered jointly), or, with `?edit=<id>`, the edit of one
 * response (conditional on its revision: a stale form is shown again with the stored response beside
 * it). Texts in fi/sv/en, the decision as radio buttons, the reason (required when not taken into
 * account), and optionally the change in a later version (version and node key).
 */
import { DECISIONS, type ConsultationResponse } from '#src/domain/consultation/response.ts';
import { LANGS, pickText } from '#src/domain/languages.ts';
import { formatDateTime } from '#src/i18n/format.ts';
import type { StoredResponse } from '#src/services/consultation/responses.ts';
import type { CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import {
  CsrfField,
  errorFor,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
  type FieldError,
} from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface ResponsesPageProps {
  ac: AdminRenderContext;
  roundTitle: string;
  programmeTitle: string;
  /** The round's version: a change is in it or a later one. */
  roundVersion: number;
  versions: readonly number[];
  comments: readonly CommentRow[];
  responses: readonly ConsultationResponse[];
  /** The response being edited, or null for the new-response form. */
  editing: ConsultationResponse | null;
  /** The form's values (as sent after a refusal, else the edited response's or empty). */
  form: FormValues;
  errors: readonly FieldError[];
  conflict: StoredResponse | null;
  problem: string | null;
  done: { saved: number | null; published: number | null };
  /** The page's own address (edit links add `?edit=<id>`). */
  selfHref: string;
  queueHref: string;
  roundsHref: string;
  reportHref: string;
}

const value = (form: FormValues, name: string): string => {
  const v = form[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};
const values = (form: FormValues, name: string): string[] => {
  const v = form[name];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? [...v] : [];
};

/** The form values of a stored response. */
export function responseForm(r: ConsultationResponse): FormValues {
  const form: Record<string, string | string[]> = {
    revision: String(r.revision),
    comment: r.commentIds.map(String),
    decision: r.decision,
    changeVersion: r.change ? String(r.change.version) : '',
    changeNode: r.change?.nodeKey ?? '',
  };
  for (const l of LANGS) {
    form[`text.${l}`] = r.text[l] ?? '';
    form[`reason.${l}`] = r.reason?.[l] ?? '';
  }
  return form;
}

function Where(props: { ac: AdminRenderContext; c: CommentRow }): JSX.Element {
  const { ac, c } = props;
  const where =
    c.nodeKey === null
      ? ac.t('consultation.admin.onProgramme')
      : c.paragraphIndex === null
        ? ac.t('consultation.admin.onNode', { node: c.nodeKey })
        : ac.t('consultation.admin.onParagraph', { node: c.nodeKey, n: c.paragraphIndex + 1 });
  return (
    <p class="hint" safe>
      {[where, ac.t(`consultation.respondent.${c.respondentType}`), ac.t(`consultation.publishAs.${c.publishAs}`)].join(
        ' · ',
      )}
    </p>
  );
}

function Body(props: { text: string; lang?: string }): JSX.Element {
  return (
    <div class="comment-body" lang={props.lang}>
      {props.text.split('\n').map((line) => (
        <p safe>{line}</p>
      ))}
    </div>
  );
}

function ResponseSummary(props: { ac: AdminRenderContext; r: ConsultationResponse; selfHref: string }): JSX.Element {
  const { ac, r } = props;
  const { t, lang } = ac;
  const text = pickText(r.text, lang);
  return (
    <li class="response-summary">
      <p>
        <strong safe>{`#${r.id}`}</strong>{' '}
        <span safe>
          {[
            r.status === 'published'
              ? t('responses.admin.status.published', { date: formatDateTime(r.publishedAt ?? r.updatedAt, lang) })
              : t('responses.admin.status.draft'),
            t(`responses.decision.${r.decision}`),
            r.commentIds.map((id) => t('responses.admin.comment', { id: String(id) })).join(', '),
          ].join(' · ')}
        </span>
      </p>
      {text ? <Body text={text.text} lang={text.lang === lang ? undefined : text.lang} /> : ''}
      <p>
        <a href={`${props.selfHref}?edit=${r.id}#response-form`} safe>
          {t('responses.admin.edit', { id: String(r.id) })}
        </a>
      </p>
    </li>
  );
}

export function ResponsesPage(props: ResponsesPageProps): JSX.Element {
  const { ac, form, errors, editing } = props;
  const { t } = ac;
  const title = `${t('responses.admin.title')} – ${props.roundTitle}`;
  const answeredBy = new Map<number, number>();
  for (const r of props.responses) for (const id of r.commentIds) answeredBy.set(id, r.id);
  const chosen = new Set(values(form, 'comment'));
  const selectable = props.comments.filter((c) => !answeredBy.has(c.id) || answeredBy.get(c.id) === editing?.id);
  const drafts = props.responses.filter((r) => r.status === 'draft').length;
  const unanswered = props.comments.filter((c) => !answeredBy.has(c.id)).length;
  const action = editing ? `${props.selfHref}/${editing.id}` : props.selfHref;
  const decisionError = errorFor(errors, 'decision');
  const commentsError = errorFor(errors, 'comments');
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: props.roundsHref, label: `${t('consultation.admin.title')} – ${props.programmeTitle}` },
      ]}
    >
      <h1 safe>{title}</h1>
      {props.done.saved !== null ? (
        <Notice kind="success">
          <p safe>{t('responses.admin.saved', { id: String(props.done.saved) })}</p>
        </Notice>
      ) : (
        ''
      )}
      {props.done.published !== null ? (
        <Notice kind="success">
          <p safe>{t('responses.admin.published', { n: props.done.published })}</p>
        </Notice>
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={errors} />
      {props.problem ? (
        <Notice kind="error">
          <p safe>{props.problem}</p>
        </Notice>
      ) : (
        ''
      )}
      <p safe>{t('responses.admin.intro')}</p>
      <ul>
        <li>
          <a href={props.queueHref} safe>
            {t('responses.admin.queue')}
          </a>
        </li>
        <li>
          <a href={props.reportHref} safe>
            {t('responses.admin.report')}
          </a>
        </li>
      </ul>
      <p safe>
        {`${t('responses.admin.comments', { n: props.comments.length })}. ${t('responses.admin.unanswered', { n: unanswered })}`}
      </p>

      <h2 safe>{t('responses.admin.responses', { n: props.responses.length })}</h2>
      {props.responses.length > 0 ? (
        <ol class="response-list">
          {props.responses.map((r) => (
            <ResponseSummary ac={ac} r={r} selfHref={props.selfHref} />
          ))}
        </ol>
      ) : (
        ''
      )}

      <h2 safe>{t('responses.admin.publishTitle')}</h2>
      {drafts === 0 ? (
        <p safe>{t('responses.admin.publishNone')}</p>
      ) : (
        <form method="post" action={`${props.selfHref}/publish`}>
          <CsrfField ac={ac} />
          <p safe>{t('responses.admin.publishHelp')}</p>
          <p>
            <button type="submit" safe>
              {t('responses.admin.publish', { n: drafts })}
            </button>
          </p>
        </form>
      )}

      <h2 id="response-form" safe>
        {editing ? t('responses.admin.edit', { id: String(editing.id) }) : t('responses.admin.new')}
      </h2>
      {props.conflict ? (
        <Notice kind="error">
          <p safe>{t('responses.admin.conflict')}</p>
          <p safe>{t('responses.admin.stored', { decision: t(`responses.decision.${props.conflict.decision}`) })}</p>
          <Body text={props.conflict.text.fi ?? ''} lang="fi" />
        </Notice>
      ) : (
        ''
      )}
      {selectable.length === 0 ? (
        <p safe>{t('responses.admin.unanswered', { n: 0 })}</p>
      ) : (
        <form method="post" action={action} class="response-form" novalidate>
          <CsrfField ac={ac} />
          {editing ? <input type="hidden" name="revision" value={value(form, 'revision')} /> : ''}
          <fieldset
            id="field-comments"
            class={commentsError ? 'field-error' : undefined}
            aria-describedby={commentsError ? 'field-comments-error' : 'field-comments-hint'}
          >
            <legend safe>{t('responses.admin.choose')}</legend>
            <p class="hint" id="field-comments-hint" safe>
              {t('responses.admin.chooseHint')}
            </p>
            {commentsError ? (
              <p class="field-error-message" id="field-comments-error" safe>
                {commentsError}
              </p>
            ) : (
              ''
            )}
            <ol class="moderation-list">
              {selectable.map((c) => (
                <li>
                  <p>
                    <input
                      type="checkbox"
                      name="comment"
                      id={`respond-${c.id}`}
                      value={String(c.id)}
                      checked={chosen.has(String(c.id))}
                    />{' '}
                    <label for={`respond-${c.id}`} safe>
                      {t('responses.admin.comment', { id: String(c.id) })}
                    </label>
                  </p>
                  <Where ac={ac} c={c} />
                  <Body text={c.redactedBody ?? c.body} />
                </li>
              ))}
            </ol>
          </fieldset>
          {LANGS.map((l) => (
            <TextArea
              ac={ac}
              name={`text.${l}`}
              label={t(`responses.admin.text.${l}`)}
              value={value(form, `text.${l}`)}
              error={errorFor(errors, `text.${l}`)}
              required={l === 'fi'}
              lang={l}
              rows={5}
            />
          ))}
          <fieldset
            id="field-decision"
            class={decisionError ? 'field-error' : undefined}
            aria-describedby={decisionError ? 'field-decision-error' : undefined}
          >
            <legend safe>{t('responses.admin.decision')}</legend>
            {decisionError ? (
              <p class="field-error-message" id="field-decision-error" safe>
                {decisionError}
              </p>
            ) : (
              ''
            )}
            {DECISIONS.map((d) => (
              <p>
                <input
                  type="radio"
                  name="decision"
                  id={`decision-${d}`}
                  value={d}
                  checked={value(form, 'decision') === d}
                />{' '}
                <label for={`decision-${d}`} safe>
                  {t(`responses.decision.${d}`)}
                </label>
              </p>
            ))}
          </fieldset>
          {LANGS.map((l) => (
            <TextArea
              ac={ac}
              name={`reason.${l}`}
              label={t(`responses.admin.reason.${l}`)}
              hint={l === 'fi' ? t('responses.admin.reasonHint') : undefined}
              value={value(form, `reason.${l}`)}
              error={errorFor(errors, `reason.${l}`)}
              lang={l}
              rows={3}
            />
          ))}
          <SelectField
            ac={ac}
            name="changeVersion"
            label={t('responses.admin.changeVersion')}
            hint={t('responses.admin.changeVersionHint', { from: props.roundVersion })}
            value={value(form, 'changeVersion')}
            error={errorFor(errors, 'changeVersion')}
            options={[
              { value: '', label: t('responses.admin.noChange') },
              ...props.versions.map((n) => ({ value: String(n), label: String(n) })),
            ]}
          />
          <TextField
            ac={ac}
            name="changeNode"
            label={t('responses.admin.changeNode')}
            hint={t('responses.admin.changeNodeHint', {
              example: props.comments.find((c) => c.nodeKey)?.nodeKey ?? 'T1',
            })}
            value={value(form, 'changeNode')}
            error={errorFor(errors, 'changeNode')}
          />
          <p>
            <button type="submit" safe>
              {editing ? t('responses.admin.saveChanges') : t('responses.admin.save')}
            </button>
          </p>
          {editing ? (
            <p>
              <a href={props.selfHref} safe>
                {t('responses.admin.cancel')}
              </a>
            </p>
          ) : (
            ''
          )}
        </form>
      )}
    </AdminLayout>
  );
}
