/** Every named schema of the API; importing the modules registers their schemas. */
import './alignment.ts';
import './consultation.ts';
import './diff.ts';
import './indicators.ts';
import './nodes.ts';
import './programmes.ts';
import './projects.ts';
import './regions.ts';

export { namedJsonSchemas } from './registry.ts';
