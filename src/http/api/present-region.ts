/** Regions and their councils as public JSON. */
import type { Council } from '#src/domain/read-models.ts';
import type { RegionWithProgrammes } from '#src/services/programmes/programme-reader.ts';
import { presentProgrammeSummary } from './present-programme.ts';
import { presentOptionalText, presentText } from './present-text.ts';
import type { RegionDetailJson, RegionJson } from './schemas/regions.ts';

export function presentRegion(region: RegionWithProgrammes): RegionJson {
  return {
    code: region.code,
    slug: region.slug,
    name: presentText(region.name),
    statfinCode: region.statfinCode,
    programmeIds: region.programmes.map((p) => p.id),
  };
}

function presentCouncil(council: Council): NonNullable<RegionDetailJson['council']> {
  return {
    name: presentText(council.name),
    businessId: council.businessId,
    email: council.email,
    web: council.web,
    offices: council.offices.map((o) => ({
      key: o.key,
      kind: o.kind,
      name: presentText(o.name),
      postalAddress: o.postalAddress,
      visitingAddress: o.visitingAddress,
      hours: presentOptionalText(o.hours),
      phone: o.phone,
      email: o.email,
    })),
    contacts: council.contacts.map((c) => ({
      name: c.name,
      role: presentText(c.role),
      topic: presentOptionalText(c.topic),
      email: c.email,
      phone: c.phone,
    })),
  };
}

export function presentRegionDetail(region: RegionWithProgrammes, council: Council | null): RegionDetailJson {
  return {
    code: region.code,
    slug: region.slug,
    name: presentText(region.name),
    statfinCode: region.statfinCode,
    council: council ? presentCouncil(council) : null,
    programmes: region.programmes.map(presentProgrammeSummary),
  };
}
