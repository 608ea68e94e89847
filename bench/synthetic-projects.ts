/**
 * The synthetic project list of the projects bench: `count` projects (fixed seed) in the `suunta`
 * preset's CSV format, with Finnish names and summaries made from the words below, Kymenlaakso
 * municipalities, the 2022–2025 priorities and terms, and one funding line each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOPICS = [
  'yrittäjyyden',
  'matkailun',
  'kiertotalouden',
  'biotalouden',
  'logistiikan',
  'osaamisen',
  'digitalisaation',
  'energiaomavaraisuuden',
  'kulttuurin',
  'liikunnan',
  'kotoutumisen',
  'työllisyyden',
  'kyberturvallisuuden',
  'luontomatkailun',
  'vesistöjen',
  'satamien',
  'koulutuksen',
  'hyvinvoinnin',
  'innovaatioiden',
  'kylien',
];
export const ACTIONS = [
  'kehittäminen',
  'vahvistaminen',
  'edistäminen',
  'kokeilu',
  'verkosto',
  'tuotteistaminen',
  'selvitys',
  'ohjelma',
  'valmennus',
  'pilotti',
];
export const PLACES = [
  'Kotkassa',
  'Kouvolassa',
  'Haminassa',
  'Kymenlaaksossa',
  'Pyhtäällä',
  'Virolahdella',
  'Miehikkälässä',
  'Kaakkois-Suomessa',
  'saaristossa',
  'maaseudulla',
];
const NOUNS = [
  'yrityksille',
  'nuorille',
  'asukkaille',
  'yhdistyksille',
  'kunnille',
  'oppilaitoksille',
  'maahanmuuttajille',
  'ikäihmisille',
  'matkailijoille',
  'tutkijoille',
];
const ORGS = [
  'Kotkan kaupunki',
  'Kouvolan kaupunki',
  'Xamk',
  'Cursor Oy',
  'Kouvola Innovation Oy',
  'Kymenlaakson liitto',
  'Etelä-Kymenlaakson ammattiopisto',
  'Haminan kaupunki',
  'Kymenlaakson Kylät ry',
  'LUT-yliopisto',
];
export const FUNDS = ['ERDF', 'ESF+', 'JTF', 'AKKE', 'INTERREG', 'MUNICIPAL'];
const STATUSES = ['planned', 'running', 'ended', 'cancelled'];
const PRIORITIES = [
  'uudistuva-elinkeinoelama',
  'alykas-erikoistuminen-ja-tki',
  'osaaminen-ja-koulutus',
  'saavutettavuus-ja-kestava-liikkuminen',
  'vetovoimainen-yhdyskuntarakenne',
  'luonnon-monimuotoisuus-ja-luonnonvarat',
  'osallisuus-ja-hyvinvointi',
  'eriarvoistumisen-ehkaisy',
  'kulttuuri-ja-liikunta',
];
const TERMS = [
  'spearheads/logistics',
  'spearheads/bio-circular-economy',
  'spearheads/digital-economy',
  'crosscutting/sustainable-development',
  'crosscutting/digitalisation',
];

function municipalityCodes(root: string): string[] {
  const facts = JSON.parse(readFileSync(join(root, 'content/facts/municipalities.json'), 'utf8')) as {
    municipalities: { code: string; region: string }[];
  };
  return facts.municipalities.filter((m) => m.region === '08').map((m) => m.code);
}

/** The synthetic project list as CSV text (header `suunta` preset columns). */
export function generateCsv(root: string, count: number, seed: number): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const municipalities = municipalityCodes(root);
  const q = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'code,name_fi,summary_fi,lead_organisation,municipalities,start_date,end_date,status,primary_node,terms,fund,year,granted_eur,paid_eur',
  ];
  for (let i = 0; i < count; i++) {
    const year = 2014 + Math.floor(rnd() * 12);
    const startMonth = 1 + Math.floor(rnd() * 12);
    const months = 6 + Math.floor(rnd() * 36);
    const endTotal = year * 12 + startMonth - 1 + months;
    const end = `${Math.floor(endTotal / 12)}-${String((endTotal % 12) + 1).padStart(2, '0')}-28`;
    const topic = pick(TOPICS);
    const name = `${topic[0]!.toUpperCase()}${topic.slice(1)} ${pick(ACTIONS)} ${pick(PLACES)}`;
    const summary = `Hankkeessa ${pick(ACTIONS)} ${pick(TOPICS)} palveluja ${pick(NOUNS)} ${pick(PLACES)} yhdessä ${pick(NOUNS)}.`;
    const ms = [...new Set([pick(municipalities), ...(rnd() < 0.3 ? [pick(municipalities)] : [])])].join(';');
    const granted = Math.round(rnd() * 2_000_000 * 100) / 100;
    const paid = Math.round(granted * rnd() * 100) / 100;
    lines.push(
      [
        `B${String(i).padStart(6, '0')}`,
        q(name),
        q(summary),
        q(pick(ORGS)),
        q(ms),
        `1.${startMonth}.${year}`,
        end,
        pick(STATUSES),
        pick(PRIORITIES),
        rnd() < 0.5 ? pick(TERMS) : '',
        pick(FUNDS),
        String(year),
        granted.toFixed(2),
        paid.toFixed(2),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
