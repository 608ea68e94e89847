/** Parses the text of a YAML or JSON input file, naming the file and the line of every syntax error. */
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { invalidFile } from '#src/domain/errors.ts';

/** JSON when the name ends in `.json`, else YAML (a superset of JSON). */
export function parseYamlOrJson(text: string, fileName: string): unknown {
  if (extname(fileName).toLowerCase() === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw invalidFile(fileName, [`not valid JSON: ${(error as Error).message}`]);
    }
  }
  // linePos is only filled in with prettyErrors, which also rewrites the message; count lines ourselves.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    throw invalidFile(
      fileName,
      doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        return `not valid YAML at line ${at.line}, column ${at.col}: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  return doc.toJS();
}
