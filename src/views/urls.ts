/**
 * Paths of the public site. A page's path without its language prefix (`rest`, e.g.
 * `/kymenlaakso/2022-2025/`) is the same in every language; `inLang` adds the prefix.
 */
import type { Lang } from '#src/domain/languages.ts';

/** Where a programme's pages live: the current version, or one stored version under `versions/{n}/`. */
export interface ProgrammeBase {
  region: string;
  programme: string;
  /** null for the current version. */
  version: number | null;
}

const seg = (s: string): string => encodeURIComponent(s);

export const paths = {
  home: (): string => '/',
  accessibility: (): string => '/accessibility/',
  region: (region: string): string => `/${seg(region)}/`,
  contact: (region: string): string => `/${seg(region)}/contact/`,
  versions: (region: string, programme: string): string => `/${seg(region)}/${seg(programme)}/versions/`,
  /** The comparison of two versions, e.g. `…/versions/compare?from=1&to=2`. */
  compare: (region: string, programme: string, from: number, to: number): string =>
    `/${seg(region)}/${seg(programme)}/versions/compare?from=${from}&to=${to}`,
  compareForm: (region: string, programme: string): string => `/${seg(region)}/${seg(programme)}/versions/compare`,
  programme: (b: ProgrammeBase): string =>
    `/${seg(b.region)}/${seg(b.programme)}/${b.version === null ? '' : `versions/${b.version}/`}`,
  node: (b: ProgrammeBase, path: readonly string[]): string => `${paths.programme(b)}${path.map(seg).join('/')}/`,
  term: (b: ProgrammeBase, taxonomy: string, term: string): string =>
    `${paths.programme(b)}tags/${seg(taxonomy)}/${seg(term)}/`,
  search: (b: ProgrammeBase): string => `${paths.programme(b)}search`,
  /** The monitoring of a programme (its current version): status counts, indicators by group and theme. */
  monitoring: (region: string, programme: string): string => `/${seg(region)}/${seg(programme)}/monitoring/`,
  /** One indicator of a programme's monitoring: chart, data table, status, source and targets. */
  indicator: (region: string, programme: string, indicator: string): string =>
    `${paths.monitoring(region, programme)}${seg(indicator)}/`,
  /** The municipality comparison of one indicator. */
  indicatorMunicipalities: (region: string, programme: string, indicator: string): string =>
    `${paths.indicator(region, programme, indicator)}municipalities/`,
  /** The annual monitoring reports of a programme, one per year. */
  reports: (region: string, programme: string): string => `/${seg(region)}/${seg(programme)}/reports/`,
  /** The annual monitoring report of a year (HTML); `report.pdf`, `observations.csv` and `observations.json` beside it. */
  report: (region: string, programme: string, year: number): string => `${paths.reports(region, programme)}${year}/`,
  /** The consultation rounds of a programme. */
  consultations: (region: string, programme: string): string => `/${seg(region)}/${seg(programme)}/consultation/`,
  /** A consultation round: the text on consultation with its comments; `comment` (the form) and `sent` below it. */
  consultation: (region: string, programme: string, round: string): string =>
    `${paths.consultations(region, programme)}${seg(round)}/`,
  /** A round's feedback report: how each comment was handled (`feedback.csv` and `feedback.pdf` beside it). */
  consultationReport: (region: string, programme: string, round: string): string =>
    `${paths.consultation(region, programme, round)}report/`,
};

/** The full path of `rest` in `lang`, e.g. `/sv/kymenlaakso/`. */
export function inLang(lang: Lang, rest: string): string {
  return `/${lang}${rest}`;
}

/** Open-data downloads of an indicator (served by the API, `src/http/api`), linked from the indicator page. */
export const apiPaths = {
  observationsCsv: (regionCode: string, indicator: string): string =>
    `/api/v1/regions/${seg(regionCode)}/indicators/${seg(indicator)}/observations.csv`,
  jsonstat: (regionCode: string, indicator: string): string =>
    `/api/v1/regions/${seg(regionCode)}/indicators/${seg(indicator)}/jsonstat`,
};
