/** Paths of the project pages (without the language prefix; see urls.ts `inLang`). */
const seg = (s: string): string => encodeURIComponent(s);

/** `?a=1&b=2` of `params` (empty when there are none). */
export function queryString(params: readonly (readonly [string, string])[]): string {
  return params.length === 0 ? '' : `?${params.map(([k, v]) => `${seg(k)}=${seg(v)}`).join('&')}`;
}

export const projectPaths = {
  browser: (region: string, params: readonly (readonly [string, string])[] = []): string =>
    `/${seg(region)}/projects/${queryString(params)}`,
  csv: (region: string, params: readonly (readonly [string, string])[]): string =>
    `/${seg(region)}/projects.csv${queryString(params)}`,
  json: (region: string, params: readonly (readonly [string, string])[]): string =>
    `/${seg(region)}/projects.json${queryString(params)}`,
  project: (region: string, code: string): string => `/${seg(region)}/projects/${seg(code)}/`,
  funding: (region: string, programme: string): string => `/${seg(region)}/${seg(programme)}/funding/`,
};
