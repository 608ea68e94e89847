/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A round's moderation queue (issue 10, point 4): the comments waiting for a decision, oldest first,
 * each with its anchor (node, paragraph, quote), text, sender's details and choices, and one form to
 * approve the chosen comments, reject them with a reason of the round, or merge them into the comment
 * they repeat. The decided comments follow, with their state.
 */
import type { RejectReason, RoundQuestion } from '#src/domain/consultation/round.ts';
import { pickText } from '#src/domain/languages.ts';
import { formatDateTime } from '#src/i18n/format.ts';
import type { AttachmentMeta, CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { CsrfField, ErrorSummary, fieldId, Notice, type FieldError } from '../components.tsx';
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
  /** The round's questions (a statement's answers are shown under them). */
  questions: readonly RoundQuestion[];
  /** The attachments of the round's comments, by comment id. */
  attachments: ReadonlyMap<number, AttachmentMeta>;
  attachmentHref: (commentId: number) => string;
  /** Where a redaction is posted. */
  redactAction: string;
  /** A refused redaction form as sent (shown again, open, at its comment). */
  redactForm: Readonly<Record<string, string>> | null;
  /** The comment a passage was just removed from. */
  redacted: number | null;
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

/** A statement's organisation, signer, answers and attachment; a redaction's note. */
function StatementDetails(props: { p: ModerationPageProps; c: CommentRow }): JSX.Element {
  const { p, c } = props;
  const { t } = p.ac;
  const attachment = p.attachments.get(c.id);
  const answered = p.questions.filter((q) => (c.answers[q.key] ?? '') !== '');
  return (
    <>
      {c.kind === 'statement' ? (
        <ul class="statement-details">
          {c.organisation ? (
            <li safe>{t('consultation.statements.admin.organisation', { name: c.organisation })}</li>
          ) : (
            ''
          )}
          {c.businessId ? <li safe>{t('consultation.statements.admin.businessId', { id: c.businessId })}</li> : ''}
          {c.authorName || c.signerRole ? (
            <li safe>
              {t('consultation.statements.admin.signer', {
                name: [c.authorName, c.signerRole].filter((s): s is string => !!s).join(', '),
              })}
            </li>
          ) : (
            ''
          )}
        </ul>
      ) : (
        ''
      )}
      {answered.length > 0 ? (
        <>
          <p>
            <strong safe>{t('consultation.statements.admin.answers')}</strong>
          </p>
          <dl class="comment-answers">
            {answered.map((q) => (
              <>
                <dt safe>{pickText(q.text, p.ac.lang)?.text ?? q.key}</dt>
                <dd>
                  {c.answers[q.key]!.split('\n').map((line) => (
                    <p safe>{line}</p>
                  ))}
                </dd>
              </>
            ))}
          </dl>
        </>
      ) : (
        ''
      )}
      {attachment ? (
        <p class="comment-attachment">
          <a href={p.attachmentHref(c.id)} download={attachment.fileName} safe>
            {t('consultation.statements.admin.download', {
              name: attachment.fileName,
              kb: Math.max(1, Math.round(attachment.bytes / 1024)),
              sha: attachment.sha256.slice(0, 16),
            })}
          </a>
        </p>
      ) : (
        ''
      )}
      {c.redactionReason !== null ? (
        <p class="comment-redacted" safe>
          {t('consultation.statements.admin.redactedNote', { reason: c.redactionReason })}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** One small form per comment to remove a passage of its text, with a reason. */
function RedactionForms(props: { p: ModerationPageProps; comments: readonly CommentRow[] }): JSX.Element {
  const { p } = props;
  const { t } = p.ac;
  if (props.comments.length === 0) return '';
  const sentFor = (c: CommentRow): Readonly<Record<string, string>> | null =>
    p.redactForm && (p.redactForm['comment'] ?? '').split(':')[0] === String(c.id) ? p.redactForm : null;
  return (
    <section aria-labelledby="redaction-title">
      <h2 id="redaction-title" safe>
        {t('consultation.statements.admin.redaction')}
      </h2>
      <p class="hint" safe>
        {t('consultation.statements.admin.redactionHint')}
      </p>
      {props.comments.map((c) => {
        const sent = sentFor(c);
        const passage = `passage-${c.id}`;
        const reason = `reason-${c.id}`;
        const errorOf = (field: string): string | undefined => p.errors.find((e) => e.field === field)?.message;
        return (
          <details class="redaction" open={sent !== null}>
            <summary safe>{t('consultation.statements.admin.redactComment', { id: String(c.id) })}</summary>
            <form method="post" action={p.redactAction}>
              <CsrfField ac={p.ac} />
              <input type="hidden" name="comment" value={`${c.id}:${c.revision}`} />
              {[
                { field: passage, name: 'passage', label: t('consultation.statements.admin.passage'), area: true },
                { field: reason, name: 'reason', label: t('consultation.statements.admin.reason'), area: false },
              ].map((f) => {
                const error = errorOf(f.field);
                const attrs = {
                  id: fieldId(f.field),
                  name: f.name,
                  required: true,
                  'aria-invalid': error ? 'true' : undefined,
                  'aria-describedby': error ? `${fieldId(f.field)}-error` : undefined,
                };
                return (
                  <div class="field">
                    <label for={fieldId(f.field)} safe>
                      {f.label}
                    </label>
                    {error ? (
                      <p class="field-error" id={`${fieldId(f.field)}-error`} safe>
                        {error}
                      </p>
                    ) : (
                      ''
                    )}
                    {f.area ? (
                      <textarea rows="2" {...attrs} safe>
                        {sent?.[f.name] ?? ''}
                      </textarea>
                    ) : (
                      <input type="text" value={sent?.[f.name] ?? ''} {...attrs} />
                    )}
                  </div>
                );
              })}
              <p>
                <button type="submit" safe>
                  {t('consultation.statements.admin.redact')}
                </button>
              </p>
            </form>
          </details>
        );
      })}
    </section>
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
      {props.redacted !== null ? (
        <Notice kind="success">
          <p safe>{t('consultation.statements.admin.redactedDone', { id: String(props.redacted) })}</p>
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
                      {c.kind === 'statement'
                        ? `${t('consultation.admin.comment', { id: String(c.id) })} (${t('consultation.statements.admin.kind')})`
                        : t('consultation.admin.comment', { id: String(c.id) })}
                    </label>
                  </p>
                  <Anchor ac={ac} c={c} />
                  <div class="comment-body">
                    {c.body.split('\n').map((line) => (
                      <p safe>{line}</p>
                    ))}
                  </div>
                  <StatementDetails p={props} c={c} />
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
              <StatementDetails p={props} c={c} />
              <Sender ac={ac} c={c} />
            </li>
          ))}
        </ol>
      )}
      <RedactionForms p={props} comments={[...props.pending, ...props.decided.filter((c) => c.status !== 'merged')]} />
    </AdminLayout>
  );
}
