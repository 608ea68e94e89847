/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The parts the public consultation forms (comment, statement) share: a field's error text, the
 * error summary, the honeypot field people never see, and the consent box.
 */
import { fieldId, type FieldError } from '../admin/components.tsx';
import type { RenderContext } from '../render-context.ts';

/** The honeypot field's name: a person leaves it empty (it is hidden); a bot fills it in. */
export const HONEYPOT = 'website';

export function ErrorText(props: { id: string; error: string | undefined }): JSX.Element {
  return props.error ? (
    <p class="field-error" id={`${props.id}-error`} safe>
      {props.error}
    </p>
  ) : (
    ''
  );
}

/** The refusal of a sent form: the reason (without field errors) and a link to each refused field. */
export function FormErrorSummary(props: {
  title: string;
  errors: readonly FieldError[];
  problem: string | null;
}): JSX.Element {
  if (props.errors.length === 0 && !props.problem) return '';
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title" safe>
        {props.title}
      </h2>
      {props.problem ? <p safe>{props.problem}</p> : ''}
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`} safe>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function HoneypotField(props: { rc: RenderContext }): JSX.Element {
  return (
    <div class="hp" aria-hidden="true">
      <label for="field-website" safe>
        {props.rc.t('consultation.form.honeypot')}
      </label>
      <input type="text" id="field-website" name={HONEYPOT} value="" tabindex="-1" autocomplete="off" />
    </div>
  );
}

/** The consent box (required), with its text and error. */
export function ConsentField(props: {
  label: string;
  checked: boolean;
  describedBy: string | undefined;
  error: string | undefined;
}): JSX.Element {
  return (
    <div class="field">
      <p class="choice">
        <input
          type="checkbox"
          id={fieldId('consent')}
          name="consent"
          value="yes"
          required
          checked={props.checked}
          aria-describedby={props.describedBy}
        />{' '}
        <label for={fieldId('consent')} safe>
          {props.label}
        </label>
      </p>
      <ErrorText id={fieldId('consent')} error={props.error} />
    </div>
  );
}
