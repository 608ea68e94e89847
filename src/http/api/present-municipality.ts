/** Municipalities as public JSON. */
import type { Municipality } from '#src/domain/read-models.ts';
import { presentText } from './present-text.ts';
import type { MunicipalityJson } from './schemas/regions.ts';

const LANGUAGES = ['fi', 'sv', 'fi-sv', 'sv-fi'] as const;

export function presentMunicipality(m: Municipality): MunicipalityJson {
  const languages = LANGUAGES.find((l) => l === m.languages);
  if (!languages) throw new Error(`Municipality ${m.code} has unknown languages "${m.languages}"`);
  return {
    code: m.code,
    regionCode: m.regionCode,
    name: presentText(m.name),
    languages,
    bilingual: languages.includes('-'),
  };
}
