/**
 * The compact facts file of a region's projects that the repo ships (content/facts/projects-*.json),
 * made by `suunta import projects FILE --region 08 --select-region --facts-out PATH` from a public
 * project list, and seeded into an empty database on first start. It names its source and holds
 * the projects in the stored form (projectSchema): only the fields Suunta stores.
 */
import { z } from 'zod';
import { projectSchema, type Project } from './project.ts';

export const PROJECT_FACTS_FORMAT = 'suunta.project-facts/1';

export const projectFactsSchema = z.strictObject({
  format: z.literal(PROJECT_FACTS_FORMAT),
  region: z.string().regex(/^\d{2}$/),
  source: z.strictObject({
    /** The source file's name. */
    file: z.string().min(1),
    publisher: z.string().min(1),
    licence: z.string().min(1),
    /** The day the facts file was made (yyyy-mm-dd). */
    made: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The mapping the rows were read with, e.g. `preset rakennerahastot-fi-2014-2020`. */
    mapping: z.string().min(1),
    /** Which rows were kept, in words (null: every row). */
    selection: z.string().min(1).nullable(),
    /** Rows read and projects kept. */
    rows: z.number().int().nonnegative(),
    /** The command that made the file. */
    command: z.string().min(1),
  }),
  projects: z.array(projectSchema),
});

export type ProjectFacts = Omit<z.infer<typeof projectFactsSchema>, 'projects'> & { projects: Project[] };
