/** The region menu and the breadcrumb trail shared by region and programme pages. */
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import type { Crumb } from './components.tsx';
import type { MenuItem } from './layout.tsx';
import { shownRequired, type RenderContext } from './render-context.ts';
import { projectPaths } from './pages/project-urls.ts';
import { inLang, paths, type ProgrammeBase } from './urls.ts';

export type MenuPlace = 'region' | 'programme' | 'projects' | 'funding' | 'monitoring' | 'contact' | null;

/**
 * The region's menu: its front page, its current programme, its project browser, the funding
 * overview and the monitoring of its current programme, and its contact page. `place` marks the page the visitor is on.
 */
export function regionMenu(
  rc: RenderContext,
  region: Region,
  options: { programme: Pick<ProgrammeSummary, 'slug'> | null; hasContact: boolean; place: MenuPlace },
): { items: MenuItem[] } {
  const name = shownRequired(rc, region.name);
  const items: MenuItem[] = [
    {
      href: inLang(rc.lang, paths.region(region.slug)),
      label: name.text,
      lang: name.lang,
      current: options.place === 'region',
    },
  ];
  if (options.programme) {
    items.push({
      href: inLang(rc.lang, paths.programme({ region: region.slug, programme: options.programme.slug, version: null })),
      label: rc.t('nav.programme'),
      current: options.place === 'programme',
    });
  }
  items.push({
    href: inLang(rc.lang, projectPaths.browser(region.slug)),
    label: rc.t('nav.projects'),
    current: options.place === 'projects',
  });
  if (options.programme) {
    items.push({
      href: inLang(rc.lang, projectPaths.funding(region.slug, options.programme.slug)),
      label: rc.t('nav.funding'),
      current: options.place === 'funding',
    });
    items.push({
      href: inLang(rc.lang, paths.monitoring(region.slug, options.programme.slug)),
      label: rc.t('monitoringPages.nav'),
      current: options.place === 'monitoring',
    });
  }
  if (options.hasContact) {
    items.push({
      href: inLang(rc.lang, paths.contact(region.slug)),
      label: rc.t('nav.contact'),
      current: options.place === 'contact',
    });
  }
  return { items };
}

/** Home › Region. */
export function regionCrumbs(rc: RenderContext, region: Region): Crumb[] {
  const name = shownRequired(rc, region.name);
  return [
    { href: inLang(rc.lang, paths.home()), label: rc.t('nav.home') },
    { href: inLang(rc.lang, paths.region(region.slug)), label: name.text, lang: name.lang },
  ];
}

/** Home › Region › Programme (› version n when `base` is a stored version). */
export function programmeCrumbs(
  rc: RenderContext,
  region: Region,
  programme: ProgrammeSummary,
  base: ProgrammeBase,
): Crumb[] {
  const title = shownRequired(rc, programme.title);
  const crumbs = [
    ...regionCrumbs(rc, region),
    { href: inLang(rc.lang, paths.programme({ ...base, version: null })), label: title.text, lang: title.lang },
  ];
  if (base.version !== null) {
    crumbs.push({
      href: inLang(rc.lang, paths.programme(base)),
      label: `${rc.t('programme.version')} ${base.version}`,
      lang: undefined,
    });
  }
  return crumbs;
}
