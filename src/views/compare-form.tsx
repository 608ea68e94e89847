/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The GET form "compare version A with version B": two labelled selects and a button, no script needed. */
import type { VersionSummary } from '#src/domain/read-models.ts';
import type { RenderContext } from './render-context.ts';
import { versionName } from './version-info.tsx';

export interface CompareFormProps {
  rc: RenderContext;
  action: string;
  versions: readonly VersionSummary[];
  from: number;
  to: number;
}

export function CompareForm(props: CompareFormProps): JSX.Element {
  const { rc, versions } = props;
  const { t } = rc;
  const oldestFirst = [...versions].sort((a, b) => a.number - b.number);
  const select = (name: 'from' | 'to', selected: number): JSX.Element => (
    <select id={`compare-${name}`} name={name}>
      {oldestFirst.map((v) => (
        <option value={String(v.number)} selected={v.number === selected} safe>
          {versionName(rc, v)}
        </option>
      ))}
    </select>
  );
  return (
    <form class="compare-form" method="get" action={props.action}>
      <fieldset>
        <legend safe>{t('diff.formLegend')}</legend>
        <div class="compare-row">
          <div class="compare-field">
            <label for="compare-from" safe>
              {t('diff.fromLabel')}
            </label>
            {select('from', props.from)}
          </div>
          <div class="compare-field">
            <label for="compare-to" safe>
              {t('diff.toLabel')}
            </label>
            {select('to', props.to)}
          </div>
          <button type="submit" safe>
            {t('diff.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
