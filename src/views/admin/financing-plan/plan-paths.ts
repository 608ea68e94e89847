/** Addresses of a version's financing plan in the admin editor (segments URL-encoded). */
import { editorPaths, type ProgrammeAt } from '../programmes/editor-paths.ts';

const plan = (p: ProgrammeAt, n: number): string => `${editorPaths.version(p, n)}/financing-plan`;

export const planPaths = {
  plan,
  csv: (p: ProgrammeAt, n: number): string => `${editorPaths.version(p, n)}/financing-plan.csv`,
  cells: (p: ProgrammeAt, n: number): string => `${plan(p, n)}/cells`,
  removeCell: (p: ProgrammeAt, n: number): string => `${plan(p, n)}/cells/remove`,
  importCsv: (p: ProgrammeAt, n: number): string => `${plan(p, n)}/import`,
  copy: (p: ProgrammeAt, n: number): string => `${plan(p, n)}/copy`,
  /** The page with the cell form filled in for one line. */
  editCell: (p: ProgrammeAt, n: number, cell: { nodeKey: string; fund: string; year: number }): string =>
    `${plan(p, n)}?${new URLSearchParams({ node: cell.nodeKey, fund: cell.fund, year: String(cell.year) }).toString()}#set-cell`,
};
