/** Statements on behalf of an organisation (issue 10): who may send one. */
import type { RespondentType } from './comment.ts';

/** The kinds of organisation a statement comes from: every respondent type but a resident. */
export const STATEMENT_RESPONDENTS = [
  'organisation',
  'municipality',
  'authority',
  'company',
  'other',
] as const satisfies readonly RespondentType[];
export type StatementRespondent = (typeof STATEMENT_RESPONDENTS)[number];
