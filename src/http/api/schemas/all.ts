/** Every named schema of the API; importing the modules registers their schemas. */
import './diff.ts';
import './nodes.ts';
import './programmes.ts';
import './regions.ts';

export { namedJsonSchemas } from './registry.ts';
