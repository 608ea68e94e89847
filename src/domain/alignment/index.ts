/** The alignment helper's public surface: build a model of a version, align a project text. */
export { evaluateAlignment, type AlignmentAccuracy, type LabelledProject } from './evaluate.ts';
export {
  alignText,
  buildAlignmentModel,
  markMatches,
  MAX_ALIGN_TEXT,
  SPEARHEAD_TAXONOMY,
  type AlignmentHit,
  type AlignmentModel,
  type AlignmentResult,
  type TextSegment,
} from './align.ts';
