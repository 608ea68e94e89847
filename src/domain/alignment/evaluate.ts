/** Top-1 and top-3 accuracy of the alignment helper on project texts labelled with their primary priority. */
import type { AlignmentModel } from './align.ts';
import { alignText } from './align.ts';

export interface LabelledProject {
  text: string;
  priority: string;
}

export interface AlignmentAccuracy {
  count: number;
  top1: number;
  top3: number;
  /** The projects whose priority was not among the first three. */
  misses: { text: string; priority: string; ranked: string[] }[];
}

export function evaluateAlignment(model: AlignmentModel, projects: readonly LabelledProject[]): AlignmentAccuracy {
  let top1 = 0;
  let top3 = 0;
  const misses: AlignmentAccuracy['misses'] = [];
  for (const p of projects) {
    const ranked = alignText(model, p.text).priorities.map((h) => h.key);
    const at = ranked.indexOf(p.priority);
    if (at === 0) top1++;
    if (at >= 0 && at < 3) top3++;
    else misses.push({ text: p.text, priority: p.priority, ranked: ranked.slice(0, 3) });
  }
  const n = projects.length;
  return { count: n, top1: n === 0 ? 0 : top1 / n, top3: n === 0 ? 0 : top3 / n, misses };
}
