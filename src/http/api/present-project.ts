/** Projects as the API shows them: texts with all three languages. */
import type { ProjectListItem, StoredProject } from '#src/domain/projects/listing.ts';
import { presentOptionalText, presentText } from './present-text.ts';

export function presentProjectSummary(p: ProjectListItem) {
  return { ...p, name: presentText(p.name) };
}

export function presentProject(p: StoredProject) {
  return {
    code: p.code,
    regionCode: p.regionCode,
    name: presentText(p.name),
    summary: presentOptionalText(p.summary),
    leadOrganisation: p.leadOrganisation,
    partners: p.partners,
    municipalities: p.municipalities,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    funding: p.funding,
    nodes: p.nodes,
    terms: p.terms,
    source: p.source,
    fundingPeriod: p.fundingPeriod ?? null,
    updatedAt: p.updatedAt,
  };
}
