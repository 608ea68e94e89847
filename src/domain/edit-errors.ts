/**
 * Errors of editing: invalid fields (400, each with its own message so a form can show it next to
 * the field) and a stale revision (409, carrying the values now stored so the editor sees the
 * other change beside their own).
 */
import { AppError } from './errors.ts';

export class FieldErrors extends AppError {
  /** Field name (as in the form, e.g. `title.fi`) → what is wrong. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(message: string, fields: Record<string, string>) {
    super(
      'bad_request',
      `${message}: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}`,
      Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
    );
    this.name = 'FieldErrors';
    this.fields = fields;
  }
}

export class EditConflict<T = unknown> extends AppError {
  /** The values stored now, with their current revision. */
  readonly current: T;

  constructor(what: string, current: T) {
    super(
      'conflict',
      `${what} was changed by someone else after you opened it; nothing was saved. Compare the stored values with yours and save again.`,
    );
    this.name = 'EditConflict';
    this.current = current;
  }
}
