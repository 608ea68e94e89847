/** Addresses of the programme editor under /admin (segments URL-encoded). */
const seg = (s: string | number): string => encodeURIComponent(String(s));

export interface ProgrammeAt {
  code: string;
  slug: string;
}

const programme = (p: ProgrammeAt): string => `/admin/regions/${seg(p.code)}/programmes/${seg(p.slug)}`;
const version = (p: ProgrammeAt, n: number): string => `${programme(p)}/versions/${seg(n)}`;
const node = (p: ProgrammeAt, n: number, key: string): string => `${version(p, n)}/nodes/${seg(key)}`;
const terms = (p: ProgrammeAt): string => `${programme(p)}/terms`;
const term = (p: ProgrammeAt, taxonomy: string, key: string): string => `${terms(p)}/${seg(taxonomy)}/${seg(key)}`;
const council = (code: string): string => `/admin/regions/${seg(code)}/council`;

export const editorPaths = {
  programmes: (): string => '/admin/programmes',
  programme,
  startUpdate: (p: ProgrammeAt): string => `${programme(p)}/updates`,
  version,
  lifecycle: (p: ProgrammeAt, n: number): string => `${version(p, n)}/lifecycle`,
  nodes: (p: ProgrammeAt, n: number): string => `${version(p, n)}/nodes`,
  newNode: (p: ProgrammeAt, n: number, parent: string | null): string =>
    `${version(p, n)}/nodes/new${parent === null ? '' : `?parent=${seg(parent)}`}`,
  node,
  moveNode: (p: ProgrammeAt, n: number, key: string): string => `${node(p, n, key)}/move`,
  deleteNode: (p: ProgrammeAt, n: number, key: string): string => `${node(p, n, key)}/delete`,
  /** The programme's consultation rounds and their moderation. */
  consultation: (p: ProgrammeAt): string => `${programme(p)}/consultation`,
  terms,
  taxonomy: (p: ProgrammeAt, taxonomy: string): string => `${terms(p)}/${seg(taxonomy)}`,
  term,
  deleteTerm: (p: ProgrammeAt, taxonomy: string, key: string): string => `${term(p, taxonomy, key)}/delete`,
  council,
  councilList: (code: string, kind: 'offices' | 'contacts'): string => `${council(code)}/${kind}`,
  councilEntry: (code: string, kind: 'offices' | 'contacts', id: number): string =>
    `${council(code)}/${kind}/${seg(id)}`,
  moveCouncilEntry: (code: string, kind: 'offices' | 'contacts', id: number): string =>
    `${council(code)}/${kind}/${seg(id)}/move`,
  deleteCouncilEntry: (code: string, kind: 'offices' | 'contacts', id: number): string =>
    `${council(code)}/${kind}/${seg(id)}/delete`,
  publicVersion: (lang: string, regionSlug: string, programmeSlug: string, n: number): string =>
    `/${lang}/${seg(regionSlug)}/${seg(programmeSlug)}/versions/${seg(n)}/`,
};
