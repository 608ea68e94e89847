/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The form for a comment on a paragraph, a node or the whole programme (issue 10, points 2 and 7).
 * Plain HTML: it works without JavaScript and on a phone. It carries the CSRF token of the visitor's
 * pre-session, an idempotency key (a second submit of the same form stores nothing new), and a
 * honeypot field people never see. The commenter chooses to be published with name, anonymously
 * or not at all; the e-mail address is never published.
 */
import { PUBLISH_AS, RESPONDENT_TYPES } from '#src/domain/consultation/comment.ts';
import type { Paragraph } from '#src/domain/consultation/anchors.ts';
import type { Lang, LocalizedText } from '#src/domain/languages.ts';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import type { Round, RoundPhase } from '#src/domain/consultation/round.ts';
import { fieldId, type FieldError } from '../admin/components.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { ConsultationFrame } from './consultation-frame.tsx';
import { ConsentField, ErrorText, FormErrorSummary, HoneypotField } from './form-parts.tsx';

import { phaseText } from './round-page.tsx';

/** What the comment is on: the whole programme, a node, or a paragraph of a node. */
export interface CommentTarget {
  node: { key: string; title: LocalizedText } | null;
  paragraph: Paragraph | null;
  textLang: Lang;
}

export interface CommentFormPageProps {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  round: Round;
  phase: RoundPhase;
  target: CommentTarget;
  csrfToken: string;
  /** The form's values (a new idempotency key, or what was sent when shown again). */
  form: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  /** A refusal without field errors (e.g. the round closed meanwhile). */
  problem: string | null;
}

export function CommentFormPage(props: CommentFormPageProps): JSX.Element {
  const { rc, region, programme, round, target, form } = props;
  const { t, lang } = rc;
  const roundPath = paths.consultation(region.slug, programme.slug, round.slug);
  const open = props.phase === 'open';
  const errorOf = (field: string): string | undefined => props.errors.find((e) => e.field === field)?.message;
  const described = (field: string): string | undefined => (errorOf(field) ? `${fieldId(field)}-error` : undefined);
  const nodeTitle = target.node ? shownRequired(rc, target.node.title) : null;
  const heading = target.paragraph
    ? t('consultation.form.titleParagraph', { n: target.paragraph.index + 1 })
    : target.node
      ? t('consultation.form.titleNode')
      : t('consultation.form.titleProgramme');
  const value = (name: string): string => form[name] ?? '';
  return (
    <ConsultationFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[heading, plain(rc, round.title)]}
      description={t('consultation.form.description')}
      rest={null}
      noindex
      trail={[
        { href: inLang(lang, roundPath), label: plain(rc, round.title) },
        { href: `${inLang(lang, roundPath)}comment`, label: heading },
      ]}
    >
      <h1 safe>{heading}</h1>
      {nodeTitle ? (
        <p class="comment-target">
          <span safe>{t('consultation.form.on')}</span>{' '}
          <a href={`${inLang(lang, roundPath)}#node-${target.node!.key}`} lang={nodeTitle.lang} safe>
            {nodeTitle.text}
          </a>
        </p>
      ) : (
        ''
      )}
      {target.paragraph ? (
        <blockquote class="comment-quote" lang={target.textLang === lang ? undefined : target.textLang}>
          <p safe>{target.paragraph.text}</p>
        </blockquote>
      ) : (
        ''
      )}
      <p class={`round-phase round-${props.phase}`} safe>
        {phaseText(rc, props.phase, round)}
      </p>
      <FormErrorSummary title={t('consultation.form.errors')} errors={props.errors} problem={props.problem} />
      {open ? (
        <form method="post" action={`${inLang(lang, roundPath)}comment`} class="comment-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="key" value={value('key')} />
          {target.node ? <input type="hidden" name="node" value={target.node.key} /> : ''}
          {target.paragraph ? <input type="hidden" name="p" value={String(target.paragraph.index)} /> : ''}
          {target.paragraph ? (
            <div class="field">
              <label for={fieldId('quote')} safe>
                {t('consultation.form.quote')}
              </label>
              <p class="hint" id={`${fieldId('quote')}-hint`} safe>
                {t('consultation.form.quoteHint')}
              </p>
              <textarea
                id={fieldId('quote')}
                name="quote"
                rows="2"
                aria-describedby={[`${fieldId('quote')}-hint`, described('quote')].filter(Boolean).join(' ')}
                safe
              >
                {value('quote')}
              </textarea>
              <ErrorText id={fieldId('quote')} error={errorOf('quote')} />
            </div>
          ) : (
            ''
          )}
          <div class="field">
            <label for={fieldId('body')} safe>
              {t('consultation.form.body')}
            </label>
            <textarea
              id={fieldId('body')}
              name="body"
              rows="8"
              required
              aria-describedby={described('body')}
              aria-invalid={errorOf('body') ? 'true' : undefined}
              safe
            >
              {value('body')}
            </textarea>
            <ErrorText id={fieldId('body')} error={errorOf('body')} />
          </div>
          <fieldset class="field" aria-describedby={described('respondentType')}>
            <legend safe>{t('consultation.form.respondentType')}</legend>
            {RESPONDENT_TYPES.map((type) => (
              <p class="choice">
                <input
                  type="radio"
                  name="respondentType"
                  id={type === 'resident' ? fieldId('respondentType') : `respondent-${type}`}
                  value={type}
                  checked={(value('respondentType') || 'resident') === type}
                />{' '}
                <label for={type === 'resident' ? fieldId('respondentType') : `respondent-${type}`} safe>
                  {t(`consultation.respondent.${type}`)}
                </label>
              </p>
            ))}
            <ErrorText id={fieldId('respondentType')} error={errorOf('respondentType')} />
          </fieldset>
          <fieldset class="field" aria-describedby={described('publishAs')}>
            <legend safe>{t('consultation.form.publishAs')}</legend>
            {PUBLISH_AS.map((choice) => (
              <p class="choice">
                <input
                  type="radio"
                  name="publishAs"
                  id={choice === 'name' ? fieldId('publishAs') : `publish-${choice}`}
                  value={choice}
                  checked={(value('publishAs') || 'anonymous') === choice}
                />{' '}
                <label for={choice === 'name' ? fieldId('publishAs') : `publish-${choice}`} safe>
                  {t(`consultation.publishAs.${choice}`)}
                </label>
              </p>
            ))}
            <ErrorText id={fieldId('publishAs')} error={errorOf('publishAs')} />
          </fieldset>
          {(['name', 'organisation', 'email'] as const).map((field) => (
            <div class="field">
              <label for={fieldId(field)} safe>
                {t(`consultation.form.${field}`)}
              </label>
              <input
                type={field === 'email' ? 'email' : 'text'}
                id={fieldId(field)}
                name={field}
                value={value(field)}
                autocomplete={field === 'email' ? 'email' : field === 'name' ? 'name' : 'organization'}
                aria-describedby={described(field)}
              />
              <ErrorText id={fieldId(field)} error={errorOf(field)} />
            </div>
          ))}
          <HoneypotField rc={rc} />
          <ConsentField
            label={t('consultation.form.consent')}
            checked={value('consent') === 'yes'}
            describedBy={described('consent')}
            error={errorOf('consent')}
          />
          <p>
            <button type="submit" safe>
              {t('consultation.form.send')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <a href={inLang(lang, roundPath)} safe>
            {t('consultation.form.back')}
          </a>
        </p>
      )}
    </ConsultationFrame>
  );
}
