/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** How a version is named and flagged: its label, status, decision, and the banner on non-current versions. */
import type { VersionSummary } from '#src/domain/read-models.ts';
import { formatDate } from '#src/i18n/format.ts';
import { Text } from './components.tsx';
import { plain, type RenderContext } from './render-context.ts';

/** `Päivitys 2022 (versio 2)`, or `Versio 2` without a label. */
export function versionName(rc: RenderContext, v: VersionSummary): string {
  const label = plain(rc, v.label);
  const number = rc.t('programme.versionNumber', { n: v.number });
  return label ? `${label} (${number})` : number.charAt(0).toLocaleUpperCase(rc.lang) + number.slice(1);
}

export function statusText(rc: RenderContext, v: VersionSummary): string {
  return rc.t(`status.${v.status}`);
}

/** The decision as `Body DD.MM.YYYY (reference)`. */
export function Decision(props: { rc: RenderContext; version: VersionSummary }): JSX.Element {
  const d = props.version.decision;
  if (!d) return '';
  return (
    <>
      <Text rc={props.rc} text={d.body} />{' '}
      <time datetime={d.date} safe>
        {formatDate(d.date, props.rc.lang)}
      </time>
      {d.reference ? <span safe>{` (${d.reference})`}</span> : ''}
    </>
  );
}

/**
 * A banner on any version other than the current one, and on every draft or consultation version:
 * unmistakable, with a link to the current version when there is one.
 */
export function VersionBanner(props: {
  rc: RenderContext;
  version: VersionSummary;
  isCurrent: boolean;
  currentHref: string | null;
}): JSX.Element {
  const { rc, version, isCurrent, currentHref } = props;
  const { t } = rc;
  const unapproved = version.status === 'draft' || version.status === 'consultation';
  if (isCurrent && !unapproved) return '';
  return (
    <div class={unapproved ? 'banner banner-warning' : 'banner'} role="note">
      {unapproved ? (
        <p class="banner-title" safe>
          {t(version.status === 'draft' ? 'banner.draft' : 'banner.consultation')}
        </p>
      ) : (
        ''
      )}
      {!isCurrent && !unapproved ? (
        <p safe>{t('banner.older', { version: versionName(rc, version), status: statusText(rc, version) })}</p>
      ) : (
        ''
      )}
      {!isCurrent && currentHref ? (
        <p>
          <a href={currentHref} safe>
            {t('banner.toCurrent')}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}
