/**
 * The texts of a progress status in one language: the state's name and the one-sentence reason
 * (the reason's parameters with the indicator's name added, formatted by the `monitoring` messages).
 */
import type { Lang } from '#src/domain/languages.ts';
import { progressStateKey, type ProgressResult, type ProgressState } from '#src/domain/indicators/progress-status.ts';
import { translator } from '#src/i18n/index.ts';

/** The name of `state` in `lang` (`on_track` → fi "Tavoitteen mukaisesti"). */
export function progressStateName(lang: Lang, state: ProgressState): string {
  return translator(lang)(progressStateKey(state));
}

/** The reason of `result` as one sentence in `lang`, about the indicator named `name` (in that language). */
export function progressReasonText(lang: Lang, result: Pick<ProgressResult, 'reason'>, name: string): string {
  return translator(lang)(result.reason.key, { ...result.reason.params, name });
}
