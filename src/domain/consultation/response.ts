/**
 * The council's official responses to a consultation round's comments (issue 10, point 5): one
 * response answers one comment or a group of them, in fi/sv/en, with a decision, a reason (required
 * when the comment was not taken into account) and optionally the change that carries it out (a
 * node of a later version). Responses are drafted and then published together.
 */
import type { LocalizedText } from '../languages.ts';

export const DECISIONS = ['taken_into_account', 'partly', 'not_taken_into_account', 'noted'] as const;
export type ResponseDecision = (typeof DECISIONS)[number];

/** `draft` is seen by editors only; `published` is public. */
export const RESPONSE_STATUSES = ['draft', 'published'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const RESPONSE_LIMITS = { text: 5000, reason: 2000 } as const;

/** Whether a decision needs its reason written out. */
export const needsReason = (decision: ResponseDecision): boolean => decision === 'not_taken_into_account';

/** The change in a later version that carries a response out. */
export interface ResponseChange {
  version: number;
  nodeKey: string;
}

export interface ConsultationResponse {
  id: number;
  roundId: number;
  text: LocalizedText;
  decision: ResponseDecision;
  reason: LocalizedText | null;
  change: ResponseChange | null;
  status: ResponseStatus;
  publishedAt: string | null;
  revision: number;
  /** The comments it answers, in id order. */
  commentIds: number[];
  createdAt: string;
  updatedAt: string;
}
