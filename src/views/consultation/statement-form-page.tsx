/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The form for a statement on behalf of an organisation (issue 10): the organisation, its business
 * id, the signer, the answers to the round's questions (one text area each), the statement, the
 * publishing choice and an optional PDF attachment. Plain HTML (multipart, no JavaScript) with the
 * visitor's pre-session CSRF token, an idempotency key and the honeypot of the comment form.
 */
import { ATTACHMENT_MAX_BYTES } from '#src/domain/consultation/attachment.ts';
import { PUBLISH_AS } from '#src/domain/consultation/comment.ts';
import { STATEMENT_RESPONDENTS } from '#src/domain/consultation/statement.ts';
import type { Round, RoundPhase } from '#src/domain/consultation/round.ts';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { fieldId, type FieldError } from '../admin/components.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { ConsentField, ErrorText, FormErrorSummary, HoneypotField } from './form-parts.tsx';
import { ConsultationFrame } from './consultation-frame.tsx';
import { phaseText } from './round-page.tsx';

export interface StatementFormPageProps {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  round: Round;
  phase: RoundPhase;
  csrfToken: string;
  form: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  problem: string | null;
}

export function StatementFormPage(props: StatementFormPageProps): JSX.Element {
  const { rc, region, programme, round, form } = props;
  const { t, lang } = rc;
  const roundPath = paths.consultation(region.slug, programme.slug, round.slug);
  const action = `${inLang(lang, roundPath)}statement`;
  const heading = t('consultation.statements.title');
  const errorOf = (field: string): string | undefined => props.errors.find((e) => e.field === field)?.message;
  const describedBy = (field: string, hint = false): string | undefined =>
    [hint ? `${fieldId(field)}-hint` : '', errorOf(field) ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const invalid = (field: string): string | undefined => (errorOf(field) ? 'true' : undefined);
  const value = (name: string): string => form[name] ?? '';
  const textInput = (
    field: string,
    label: string,
    options: { required?: boolean; type?: string; autocomplete?: string; hint?: string } = {},
  ): JSX.Element => (
    <div class="field">
      <label for={fieldId(field)} safe>
        {label}
      </label>
      {options.hint ? (
        <p class="hint" id={`${fieldId(field)}-hint`} safe>
          {options.hint}
        </p>
      ) : (
        ''
      )}
      <input
        type={options.type ?? 'text'}
        id={fieldId(field)}
        name={field}
        value={value(field)}
        required={options.required}
        autocomplete={options.autocomplete}
        aria-describedby={describedBy(field, options.hint !== undefined)}
        aria-invalid={invalid(field)}
      />
      <ErrorText id={fieldId(field)} error={errorOf(field)} />
    </div>
  );
  return (
    <ConsultationFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[heading, plain(rc, round.title)]}
      description={t('consultation.statements.description')}
      rest={null}
      noindex
      trail={[
        { href: inLang(lang, roundPath), label: plain(rc, round.title) },
        { href: action, label: heading },
      ]}
    >
      <h1 safe>{heading}</h1>
      <p class={`round-phase round-${props.phase}`} safe>
        {phaseText(rc, props.phase, round)}
      </p>
      <FormErrorSummary title={t('consultation.statements.errors')} errors={props.errors} problem={props.problem} />
      {props.phase === 'open' ? (
        <form method="post" action={action} enctype="multipart/form-data" class="comment-form statement-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="key" value={value('key')} />
          <p safe>{t('consultation.statements.intro')}</p>
          {textInput('organisation', t('consultation.statements.organisation'), {
            required: true,
            autocomplete: 'organization',
          })}
          {textInput('businessId', t('consultation.statements.businessId'), {
            hint: t('consultation.statements.businessIdHint'),
          })}
          <fieldset class="field" aria-describedby={describedBy('respondentType')}>
            <legend safe>{t('consultation.statements.respondentType')}</legend>
            {STATEMENT_RESPONDENTS.map((type, i) => (
              <p class="choice">
                <input
                  type="radio"
                  name="respondentType"
                  id={i === 0 ? fieldId('respondentType') : `statement-type-${type}`}
                  value={type}
                  checked={(value('respondentType') || 'organisation') === type}
                />{' '}
                <label for={i === 0 ? fieldId('respondentType') : `statement-type-${type}`} safe>
                  {t(`consultation.statements.respondent.${type}`)}
                </label>
              </p>
            ))}
            <ErrorText id={fieldId('respondentType')} error={errorOf('respondentType')} />
          </fieldset>
          {textInput('signerName', t('consultation.statements.signerName'), { autocomplete: 'name' })}
          {textInput('signerRole', t('consultation.statements.signerRole'), { autocomplete: 'organization-title' })}
          {textInput('email', t('consultation.statements.email'), { type: 'email', autocomplete: 'email' })}
          {round.questions.length > 0 ? (
            <fieldset class="field questions">
              <legend safe>{t('consultation.statements.questions')}</legend>
              {round.questions.map((q) => {
                const field = `answer.${q.key}`;
                const text = shownRequired(rc, q.text);
                return (
                  <div class="field">
                    <label for={fieldId(field)} lang={text.lang} safe>
                      {text.text}
                    </label>
                    <textarea
                      id={fieldId(field)}
                      name={field}
                      rows="4"
                      aria-describedby={describedBy(field)}
                      aria-invalid={invalid(field)}
                      safe
                    >
                      {value(field)}
                    </textarea>
                    <ErrorText id={fieldId(field)} error={errorOf(field)} />
                  </div>
                );
              })}
            </fieldset>
          ) : (
            ''
          )}
          <div class="field">
            <label for={fieldId('body')} safe>
              {t('consultation.statements.body')}
            </label>
            <textarea
              id={fieldId('body')}
              name="body"
              rows="10"
              required
              aria-describedby={describedBy('body')}
              aria-invalid={invalid('body')}
              safe
            >
              {value('body')}
            </textarea>
            <ErrorText id={fieldId('body')} error={errorOf('body')} />
          </div>
          <fieldset class="field" aria-describedby={describedBy('publishAs')}>
            <legend safe>{t('consultation.statements.publishAs')}</legend>
            {PUBLISH_AS.map((choice, i) => (
              <p class="choice">
                <input
                  type="radio"
                  name="publishAs"
                  id={i === 0 ? fieldId('publishAs') : `statement-publish-${choice}`}
                  value={choice}
                  checked={(value('publishAs') || 'name') === choice}
                />{' '}
                <label for={i === 0 ? fieldId('publishAs') : `statement-publish-${choice}`} safe>
                  {t(`consultation.statements.publishAs.${choice}`)}
                </label>
              </p>
            ))}
            <ErrorText id={fieldId('publishAs')} error={errorOf('publishAs')} />
          </fieldset>
          <div class="field">
            <label for={fieldId('file')} safe>
              {t('consultation.statements.file')}
            </label>
            <p class="hint" id={`${fieldId('file')}-hint`} safe>
              {t('consultation.statements.fileHint', { max: ATTACHMENT_MAX_BYTES / (1024 * 1024) })}
            </p>
            <input
              type="file"
              id={fieldId('file')}
              name="file"
              accept="application/pdf,.pdf"
              aria-describedby={describedBy('file', true)}
              aria-invalid={invalid('file')}
            />
            <ErrorText id={fieldId('file')} error={errorOf('file')} />
          </div>
          <HoneypotField rc={rc} />
          <ConsentField
            label={t('consultation.statements.consent')}
            checked={value('consent') === 'yes'}
            describedBy={describedBy('consent')}
            error={errorOf('consent')}
          />
          <p>
            <button type="submit" safe>
              {t('consultation.statements.send')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <a href={inLang(lang, roundPath)} safe>
            {t('consultation.statements.back')}
          </a>
        </p>
      )}
    </ConsultationFrame>
  );
}
