/**
 * The feedback report of a consultation round (issue 10, point 6; Finnish "palauteraportti"): how
 * each comment was handled. Node by node in programme order (the comments on the whole programme
 * first): what was said (the approved comments; the text only of those whose senders allowed it to
 * be published), the council's published response with its decision, and the resulting change — the
 * node's text in the round's version beside its text in the version the responses link (or else the
 * newest version), as a word diff. Then counts by respondent type and by decision, and the
 * organisations that sent statements (their names are public). Only published responses count.
 * One read model for the HTML page, the CSV and the PDF.
 */
import { paragraphsOf } from '#src/domain/consultation/anchors.ts';
import { publicAuthor, RESPONDENT_TYPES, type RespondentType } from '#src/domain/consultation/comment.ts';
import { commentableText } from '#src/domain/consultation/commentable.ts';
import { DECISIONS, type ResponseDecision } from '#src/domain/consultation/response.ts';
import type { Round } from '#src/domain/consultation/round.ts';
import type { Lang, LocalizedText } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import { wordDiff, type Segment } from '#src/domain/word-diff.ts';
import type { Executor } from '#src/storage/executor.ts';
import { listComments, type CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { loadTree } from '#src/storage/repositories/nodes-repository.ts';
import type { ProgrammeRow } from '#src/storage/repositories/programmes-repository.ts';
import { listVersions, type VersionRow } from '#src/storage/repositories/versions-repository.ts';
import type { ProgrammeRef } from '../programmes/edit-transaction.ts';
import { flatten, publishedResponses, type PublicResponse } from './public-view.ts';
import { loadRound, roundTree } from './rounds.ts';

/** A comment as the report shows it: always counted, its text and author only when the sender allowed. */
export interface ReportComment {
  id: number;
  kind: CommentRow['kind'];
  respondentType: RespondentType;
  paragraphIndex: number | null;
  /** null: the sender chose not to publish it (counted, text not shown). */
  body: string | null;
  author: { name: string | null; organisation: string | null } | null;
  /** A statement's organisation (public even when the text is not shown). */
  organisation: string | null;
  response: PublicResponse | null;
}

/** The node's text before and after: the round's version and the version of the change. */
export interface ReportChange {
  fromVersion: number;
  /** The version compared with: the one the responses link, else the newest; null when there is none after the round's. */
  toVersion: number | null;
  oldText: string;
  /** null: the node is not in `toVersion`. */
  newText: string | null;
  /** Word diff of old → new (empty when unchanged). */
  segments: Segment[];
  lang: Lang;
}

export interface ReportNode {
  /** null for the comments on the whole programme. */
  key: string | null;
  title: LocalizedText | null;
  comments: ReportComment[];
  change: ReportChange | null;
}

export type DecisionCount = ResponseDecision | 'unanswered';
export const DECISION_COUNTS: readonly DecisionCount[] = [...DECISIONS, 'unanswered'];

export interface FeedbackReport {
  round: Round;
  programme: ProgrammeRow;
  version: VersionRow;
  lang: Lang;
  nodes: ReportNode[];
  counts: {
    total: number;
    /** Counted comments whose text is not shown (publishAs `none`). */
    hidden: number;
    byRespondent: Record<RespondentType, number>;
    byDecision: Record<DecisionCount, number>;
  };
  /** Organisations that sent statements, by name, with how many each sent. */
  statements: { organisation: string; count: number }[];
}

const nodeText = (n: TreeNode, lang: Lang): { lang: Lang; text: string } => {
  const t = commentableText(n, lang);
  return {
    lang: t.lang,
    text: paragraphsOf(t.text)
      .map((p) => p.text)
      .join('\n\n'),
  };
};

function reportComment(c: CommentRow, responses: ReadonlyMap<number, PublicResponse>): ReportComment {
  const author = publicAuthor(c);
  return {
    id: c.id,
    kind: c.kind,
    respondentType: c.respondentType,
    paragraphIndex: c.paragraphIndex,
    body: author ? (c.redactedBody ?? c.body) : null,
    author,
    organisation: c.kind === 'statement' ? c.organisation : null,
    response: responses.get(c.id) ?? null,
  };
}

export async function feedbackReport(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
  lang: Lang,
): Promise<FeedbackReport> {
  const { round, programme, version } = await loadRound(db, ref, slug);
  const [comments, responses, versions, tree] = await Promise.all([
    listComments(db, round.id, ['approved']),
    publishedResponses(db, round, programme),
    listVersions(db, programme.id),
    roundTree(db, round, programme.levels),
  ]);
  const trees = new Map<number, Map<string, TreeNode>>();
  const treeOf = async (number: number): Promise<Map<string, TreeNode> | null> => {
    const v = versions.find((x) => x.number === number);
    if (!v) return null;
    let t = trees.get(number);
    if (!t) {
      t = new Map(flatten(await loadTree(db, v.id, programme.levels)).map((n) => [n.key, n]));
      trees.set(number, t);
    }
    return t;
  };
  const newest = Math.max(...versions.map((v) => v.number));
  const shown = comments.map((c) => reportComment(c, responses));
  const byNode = new Map<string | null, ReportComment[]>();
  comments.forEach((c, i) => byNode.set(c.nodeKey, [...(byNode.get(c.nodeKey) ?? []), shown[i]!]));

  const nodes: ReportNode[] = [];
  if (byNode.has(null)) nodes.push({ key: null, title: null, comments: byNode.get(null)!, change: null });
  for (const n of flatten(tree)) {
    const on = byNode.get(n.key);
    if (!on) continue;
    const linked = on
      .flatMap((c) => (c.response?.change?.nodeKey === n.key ? [c.response.change.version] : []))
      .filter((v) => v >= version.number);
    const to = linked.length > 0 ? Math.max(...linked) : newest > version.number ? newest : null;
    const old = nodeText(n, lang);
    let change: ReportChange = {
      fromVersion: version.number,
      toVersion: null,
      oldText: old.text,
      newText: null,
      segments: [],
      lang: old.lang,
    };
    if (to !== null) {
      const after = (await treeOf(to))?.get(n.key) ?? null;
      // Compared in the language of the old text, so both sides are the same text.
      const newText = after ? nodeText(after, old.lang).text : null;
      change = {
        ...change,
        toVersion: to,
        newText,
        segments: newText === null || newText === old.text ? [] : wordDiff(old.text, newText),
      };
    }
    nodes.push({ key: n.key, title: n.title, comments: on, change });
  }
  // Comments on nodes that are not in the round's version (cannot happen through the form): kept at the end.
  const known = new Set(nodes.map((n) => n.key));
  for (const [key, on] of byNode) if (!known.has(key)) nodes.push({ key, title: null, comments: on, change: null });

  const byRespondent = Object.fromEntries(RESPONDENT_TYPES.map((t) => [t, 0])) as Record<RespondentType, number>;
  const byDecision = Object.fromEntries(DECISION_COUNTS.map((d) => [d, 0])) as Record<DecisionCount, number>;
  const organisations = new Map<string, number>();
  for (const c of shown) {
    byRespondent[c.respondentType]++;
    byDecision[c.response?.decision ?? 'unanswered']++;
    if (c.kind === 'statement' && c.organisation)
      organisations.set(c.organisation, (organisations.get(c.organisation) ?? 0) + 1);
  }
  const collator = new Intl.Collator(lang);
  return {
    round,
    programme,
    version,
    lang,
    nodes,
    counts: { total: shown.length, hidden: shown.filter((c) => c.body === null).length, byRespondent, byDecision },
    statements: [...organisations]
      .map(([organisation, count]) => ({ organisation, count }))
      .sort((a, b) => collator.compare(a.organisation, b.organisation)),
  };
}
