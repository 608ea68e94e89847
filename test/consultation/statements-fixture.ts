/**
 * A consultation round with questions for the statement tests: version 3 of the seeded Kymenlaakso
 * programme sent to consultation and round {@link ROUND} on it, holding comments with links or
 * attachments for a moderator (the others are published at once), and PDF files to attach.
 */
import type { PreModeration } from '#src/domain/consultation/round.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { createRound } from '#src/services/consultation/rounds.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { EDITOR, PROGRAMME, ROUND, versionRevision } from './consultation-fixture.ts';

export const QUESTIONS = [
  {
    key: 'painopisteet',
    text: {
      fi: 'Ovatko ohjelman painopisteet oikeat?',
      sv: 'Är programmets prioriteringar rätt?',
      en: "Are the programme's priorities right?",
    },
  },
  {
    key: 'rahoitus',
    text: {
      fi: 'Miten rahoitusta pitäisi suunnata?',
      sv: 'Hur borde finansieringen riktas?',
      en: 'Where should funding go?',
    },
  },
] as const;

export async function openRoundWithQuestions(
  ctx: AppContext,
  options: { opens?: string; closes?: string; preModeration?: PreModeration } = {},
): Promise<void> {
  await startUpdate(ctx, EDITOR, PROGRAMME);
  await transitionVersion(
    ctx,
    EDITOR,
    { ...PROGRAMME, number: 3 },
    { revision: await versionRevision(ctx, 3), action: 'consult' },
  );
  await createRound(ctx, EDITOR, PROGRAMME, {
    slug: ROUND,
    title: { fi: 'Maakuntaohjelman luonnos nähtävillä', sv: 'Utkastet framlagt', en: 'The draft on display' },
    intro: { fi: 'Luonnos on nähtävillä.', sv: 'Utkastet är framlagt.', en: 'The draft is on display.' },
    opens: options.opens ?? '2021-09-01T08:00',
    closes: options.closes ?? '2021-09-30T15:00',
    questions: QUESTIONS.map((q) => ({ key: q.key, text: { ...q.text } })),
    preModeration: options.preModeration ?? 'links_or_attachments',
    retentionUntil: null,
  });
}

/** A small PDF of sane structure (header, objects, cross-reference, trailer, %%EOF). */
export function samplePdf(extra = ''): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    `3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n% ${extra}\n`,
  ];
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += o;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The first bytes of a PNG image (what a picture named `.pdf` holds). */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a10000000049454e44ae426082',
  'hex',
);
