/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A round's moderation queue (issue 10, point 4): the comments waiting for a decision, oldest first,
 * each with its anchor (node, paragraph, quote), text, sender's details and choices, and one form to
 * approve the chosen comments, reject them with a reason of the round, or merge them into the comment
 * they repeat. The decided comments follow, with their state.
 */
import type { RejectReason } from '#src/domain/consultation/round.ts';
import { pickText } from '#src/domain/languages.ts';
import { formatDateTime } from '#src/i18n/format.ts';
import type { CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { CsrfField, ErrorSummary, Notice, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface ModerationPageProps {
  ac: AdminRenderContext;
  roundTitle: string;
  programmeTitle: string;
  pending: readonly CommentRow[];
  decided: readonly CommentRow[];
  reasons: readonly RejectReason[];
  action: string;
  roundsHref: string;
  /** The round's responses desk (editors), or null for a moderator who may not write responses. */
  responsesHref?: string | null;
  errors: readonly FieldError[];
  problem: string | null;
  done: number | null;
}

function Anchor(props: { ac: AdminRenderContext; c: CommentRow }): JSX.Element {
  const { ac, c } = props;
  const where =
    c.nodeKey === null
      ? ac.t('consultation.admin.onProgramme')
      : c.paragraphIndex === null
        ? ac.t('consultation.admin.onNode', { node: c.nodeKey })
        : ac.t('consultation.admin.onParagraph', { node: c.nodeKey, n: c.paragraphIndex + 1 });
  return (
    <>
      <p class="hint" safe>
        {where}
      </p>
      {c.quote ? (
        <blockquote lang={c.textLang}>
          <p safe>{c.quote}</p>
        </blockquote>
      ) : (
        ''
      )}
      {c.anchorState !== 'exact' ? (
        <>
          <p class="anchor-state" safe>
            {ac.t(`consultation.admin.anchor.${c.anchorState}`)}
          </p>
          {c.anchorQuote !== null && c.anchorState !== 'moved' ? (
            <div class="anchor-now">
              <p safe>{ac.t('consultation.admin.anchorNow', { n: (c.anchorParagraphIndex ?? 0) + 1 })}</p>
              <blockquote lang={c.textLang}>
                <p safe>{c.anchorQuote}</p>
              </blockquote>
            </div>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </>
  );
}

function Sender(props: { ac: AdminRenderContext; c: CommentRow }): JSX.Element {
  const { ac, c } = props;
  const details = [c.authorName, c.organisation, c.authorEmail].filter((s): s is string => !!s).join(', ');
  return (
    <p class="hint" safe>
      {[
        details || ac.t('consultation.admin.noDetails'),
        ac.t(`consultation.respondent.${c.respondentType}`),
        ac.t(`consultation.publishAs.${c.publishAs}`),
        formatDateTime(c.submittedAt, ac.lang),
        c.heldReason ? ac.t(`consultation.admin.held.${c.heldReason as 'pre_moderation' | 'link' | 'attachment'}`) : '',
      ]
        .filter((s) => s !== '')
        .join(' · ')}
    </p>
  );
}

export function ModerationPage(props: ModerationPageProps): JSX.Element {
  const { ac } = props;
  const { t, lang } = ac;
  const title = `${t('consultation.admin.queue')} – ${props.roundTitle}`;
  const reasonLabel = (code: string | null): string =>
    pickText(props.reasons.find((r) => r.code === code)?.label, lang)?.text ?? code ?? '';
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
      {props.done !== null ? (
        <Notice kind="success">
          <p safe>{t('consultation.admin.moderated', { n: props.done })}</p>
        </Notice>
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={props.errors} />
      {props.problem ? (
        <Notice kind="error">
          <p safe>{props.problem}</p>
        </Notice>
      ) : (
        ''
      )}
      {props.responsesHref ? (
        <p>
          <a href={props.responsesHref} safe>
            {t('responses.admin.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('consultation.admin.waiting', { n: props.pending.length })}</h2>
      {props.pending.length === 0 ? (
        <p safe>{t('consultation.admin.queueEmpty')}</p>
      ) : (
        <form method="post" action={props.action}>
          <CsrfField ac={ac} />
          <fieldset id="field-comments">
            <legend safe>{t('consultation.admin.choose')}</legend>
            <ol class="moderation-list">
              {props.pending.map((c) => (
                <li>
                  <p>
                    <input type="checkbox" name="comment" id={`comment-${c.id}`} value={`${c.id}:${c.revision}`} />{' '}
                    <label for={`comment-${c.id}`} safe>
                      {t('consultation.admin.comment', { id: String(c.id) })}
                    </label>
                  </p>
                  <Anchor ac={ac} c={c} />
                  <div class="comment-body">
                    {c.body.split('\n').map((line) => (
                      <p safe>{line}</p>
                    ))}
                  </div>
                  <Sender ac={ac} c={c} />
                </li>
              ))}
            </ol>
          </fieldset>
          <p>
            <button type="submit" name="action" value="approve" safe>
              {t('consultation.admin.approve')}
            </button>
          </p>
          <div class="field">
            <label for="field-reason" safe>
              {t('consultation.admin.reason')}
            </label>
            <select id="field-reason" name="reason">
              {props.reasons.map((r) => (
                <option value={r.code} safe>
                  {reasonLabel(r.code)}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit" name="action" value="reject" safe>
              {t('consultation.admin.reject')}
            </button>
          </p>
          <div class="field">
            <label for="field-into" safe>
              {t('consultation.admin.into')}
            </label>
            <input type="text" inputmode="numeric" id="field-into" name="into" value="" />
          </div>
          <p>
            <button type="submit" name="action" value="merge" safe>
              {t('consultation.admin.merge')}
            </button>
          </p>
        </form>
      )}
      <h2 safe>{t('consultation.admin.decided', { n: props.decided.length })}</h2>
      {props.decided.length === 0 ? (
        ''
      ) : (
        <ol class="moderation-list">
          {props.decided.map((c) => (
            <li>
              <p>
                <strong safe>{t('consultation.admin.comment', { id: String(c.id) })}</strong>{' '}
                <span safe>
                  {c.status === 'rejected'
                    ? t('consultation.admin.state.rejected', { reason: reasonLabel(c.rejectReason) })
                    : c.status === 'merged'
                      ? t('consultation.admin.state.merged', { id: String(c.mergedInto ?? '') })
                      : t('consultation.admin.state.approved')}
                </span>
              </p>
              <Anchor ac={ac} c={c} />
              <div class="comment-body">
                {(c.redactedBody ?? c.body).split('\n').map((line) => (
                  <p safe>{line}</p>
                ))}
              </div>
              <Sender ac={ac} c={c} />
            </li>
          ))}
        </ol>
      )}
    </AdminLayout>
  );
}
