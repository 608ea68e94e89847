/**
 * A consultation round (issue 10): a version in status *consultation* on public display between two
 * instants given in Finnish time (Europe/Helsinki), with an introduction, the council's questions,
 * its documents, the reasons a moderator may reject a comment for, and its pre-moderation rule.
 */
import type { LocalizedText } from '../languages.ts';

export const HELSINKI = 'Europe/Helsinki';

/** Where a round is in time: new comments are taken only while it is `open`. */
export type RoundPhase = 'upcoming' | 'open' | 'closed';

export function roundPhase(round: { opensAt: string; closesAt: string }, now: Date): RoundPhase {
  const t = now.getTime();
  if (t < Date.parse(round.opensAt)) return 'upcoming';
  return t < Date.parse(round.closesAt) ? 'open' : 'closed';
}

/**
 * Which comments wait for a moderator before they are public: `all` (the default), only those with
 * links or attachments (`links_or_attachments`; the others are published at once), or `none`.
 */
export const PRE_MODERATION = ['all', 'links_or_attachments', 'none'] as const;
export type PreModeration = (typeof PRE_MODERATION)[number];

export interface RoundQuestion {
  key: string;
  text: LocalizedText;
}

export interface RoundDocument {
  title: LocalizedText;
  url: string;
}

export interface RejectReason {
  code: string;
  label: LocalizedText;
}

/** The reasons a round offers unless it sets its own (the public sees a count per reason). */
export const DEFAULT_REJECT_REASONS: readonly RejectReason[] = [
  {
    code: 'off_topic',
    label: { fi: 'Ei koske ohjelmaa', sv: 'Gäller inte programmet', en: 'Not about the programme' },
  },
  {
    code: 'offensive',
    label: { fi: 'Asiaton tai loukkaava', sv: 'Osakligt eller kränkande', en: 'Inappropriate or offensive' },
  },
  {
    code: 'personal_data',
    label: {
      fi: 'Sisältää toisen henkilön tietoja',
      sv: 'Innehåller uppgifter om en annan person',
      en: "Contains another person's data",
    },
  },
  { code: 'advertising', label: { fi: 'Mainonta', sv: 'Reklam', en: 'Advertising' } },
];

export interface Round {
  id: number;
  regionCode: string;
  programmeId: number;
  versionId: number;
  slug: string;
  title: LocalizedText;
  intro: LocalizedText;
  opensAt: string;
  closesAt: string;
  questions: RoundQuestion[];
  documents: RoundDocument[];
  rejectReasons: RejectReason[];
  preModeration: PreModeration;
  /** The day after which the names and e-mail addresses of commenters are removed (ISO date), or null. */
  retentionUntil: string | null;
  personalDataRemovedAt: string | null;
  revision: number;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/** The offset of Finnish time from UTC at `instant`, in minutes (120 in winter, 180 in summer). */
function helsinkiOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: HELSINKI,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant (ISO 8601) of a Finnish local time `YYYY-MM-DDTHH:MM`, e.g. `2021-09-30T15:00`
 * → `2021-09-30T12:00:00.000Z`; null when the text is not such a time or the time does not exist
 * (the hour skipped when clocks go forward).
 */
export function helsinkiToInstant(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return null;
  let instant = wall - helsinkiOffsetMinutes(wall) * 60_000;
  instant = wall - helsinkiOffsetMinutes(instant) * 60_000;
  return instantToHelsinki(new Date(instant).toISOString()) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`
    ? new Date(instant).toISOString()
    : null;
}

/** The Finnish local time `YYYY-MM-DDTHH:MM` of an instant (what a datetime-local field shows). */
export function instantToHelsinki(instant: string): string {
  const t = Date.parse(instant);
  const local = new Date(t + helsinkiOffsetMinutes(t) * 60_000).toISOString();
  return local.slice(0, 16);
}

/**
 * The round's questions from one text per language, a question per line (line i of each language
 * is question i; keys q1, q2, …). Empty lines are skipped alike in every language.
 */
export function questionsFromLines(texts: Partial<Record<'fi' | 'sv' | 'en', string>>): RoundQuestion[] {
  const lines = (t: string | undefined): string[] =>
    (t ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  const fi = lines(texts.fi);
  const sv = lines(texts.sv);
  const en = lines(texts.en);
  return fi.map((text, i) => ({
    key: `q${i + 1}`,
    text: { fi: text, ...(sv[i] ? { sv: sv[i] } : {}), ...(en[i] ? { en: en[i] } : {}) },
  }));
}

/** The round's documents from lines `title | https://address` (the title in Finnish). */
export function documentsFromLines(text: string): { documents: RoundDocument[]; bad: number[] } {
  const documents: RoundDocument[] = [];
  const bad: number[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const bar = line.lastIndexOf('|');
    const title = bar < 0 ? '' : line.slice(0, bar).trim();
    const url = bar < 0 ? line : line.slice(bar + 1).trim();
    if (title === '' || !/^https?:\/\/[^\s]+$/i.test(url)) bad.push(i + 1);
    else documents.push({ title: { fi: title }, url });
  }
  return { documents, bad };
}
