/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The frame every monitoring page shares: the site layout with the region's menu and the trail
 * region → programme → monitoring → (the page's own steps).
 */
import Html from '@kitajs/html';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { Breadcrumbs, type Crumb } from '../components.tsx';
import { Frame } from '../layout.tsx';
import type { RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';

export interface MonitoringFrameProps {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  /** The page title's parts, most specific first (the frame adds nothing). */
  title: string[];
  description: string;
  /** The page's path without the language prefix. */
  rest: string;
  /** The steps after "monitoring", the page itself last; empty on the monitoring page. */
  trail: Crumb[];
  children?: JSX.Element | JSX.Element[] | string;
}

export function MonitoringFrame(props: MonitoringFrameProps): JSX.Element {
  const { rc, region, programme } = props;
  const base = { region: region.slug, programme: programme.slug, version: null };
  const monitoring = paths.monitoring(region.slug, programme.slug);
  // The pages' own content, rendered (and escaped) by their components.
  const safeContent = Html.contentsToString([props.children ?? '']);
  return (
    <Frame
      rc={rc}
      title={props.title}
      description={props.description}
      rest={props.rest}
      menu={regionMenu(rc, region, {
        programme,
        hasContact: props.hasContact,
        place: props.trail.length === 0 ? 'monitoring' : null,
      })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...programmeCrumbs(rc, region, programme, base),
          { href: inLang(rc.lang, monitoring), label: rc.t('monitoringPages.title') },
          ...props.trail,
        ]}
      />
      {safeContent}
    </Frame>
  );
}
