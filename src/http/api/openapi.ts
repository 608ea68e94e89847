/**
 * Options of @fastify/swagger: an OpenAPI 3.1 document generated from the route schemas of
 * /api/v1 only (site, health and document routes are left out), with the named schemas as
 * `components.schemas`. Parameters and bodies are zod schemas (converted to JSON Schema by
 * fastify-type-provider-zod, so the document shows their real types: enums, integers with their
 * bounds, patterns); responses refer to the named schemas.
 */
import type { SwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from '#src/config/config.ts';

export const API_PREFIX = '/api/v1';

/** Converts the zod request schemas of a route; its response schemas are JSON Schema already. */
const zodRequestTransform = createJsonSchemaTransform({ skipList: [] });

export function swaggerOptions(config: Config): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Suunta open data API',
        version: '1.0.0',
        description:
          'Read-only open data on Finnish regions, municipalities and regional development ' +
          'programmes (maakuntaohjelma): versions and their decisions, the node tree (themes, ' +
          'priorities, measures), taxonomies and search, and their monitoring: indicators, observations ' +
          '(figures as exact decimal strings), progress statuses and roll-ups, CSV and JSON-stat 2.0. Texts are given in Finnish, Swedish and ' +
          'English; null means no text in that language yet. Errors are `{"error":{"code","message"}}`.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      ...(config.publicUrl ? { servers: [{ url: config.publicUrl }] } : {}),
      tags: [
        { name: 'regions', description: 'Regions, their councils and municipalities.' },
        { name: 'programmes', description: 'Regional programmes.' },
        { name: 'versions', description: 'Versions of a programme and their decisions.' },
        { name: 'nodes', description: 'The node tree of a version: JSON, CSV, single nodes and search.' },
        { name: 'taxonomies', description: 'Cross-cutting themes, spearheads and other taxonomies.' },
        {
          name: 'monitoring',
          description:
            'Indicators of a programme, their observations (exact decimals), progress statuses and roll-ups; ' +
            'open data as CSV and JSON-stat 2.0.',
        },
        {
          name: 'consultation',
          description:
            'Public consultation rounds on draft programmes: the published comments and statements (only what ' +
            'their senders allowed to be published) and the council’s responses, as JSON and CSV.',
        },
      ],
    },
    refResolver: {
      // Name components after the schemas' own ids (e.g. `Region`) instead of def-0, def-1, …
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`,
    },
    transform: (document) => {
      const { schema, url, route } = document;
      if (!url.startsWith(`${API_PREFIX}/`) || !schema)
        return { schema: { ...(schema ?? {}), hide: true }, url, route };
      const { response, ...request } = schema;
      const converted = zodRequestTransform({ ...document, schema: request });
      return { schema: { ...converted.schema, ...(response ? { response } : {}) }, url, route };
    },
  };
}
