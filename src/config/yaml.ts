import { LineCounter, parseDocument, visit, type Node } from 'yaml';
import { ConfigError } from '../errors.js';

/**
 * How many nodes aliases may copy in all. A real imops.yml needs a handful (one certificate block shared by two
 * apps); a "billion laughs" file needs millions, which would exhaust memory before anything is validated.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parse the YAML text of a config file into plain data. Every way a file can fail is a ConfigError naming the
 * file and the line, never a crash: an alias that contains itself (`a: &x [*x]`) would become a circular
 * object and overflow the stack in the code that walks it, and an alias bomb would exhaust memory.
 *
 * Messages quote the YAML library's first line only: the following lines print the source, which may hold a
 * secret.
 */
export function parseConfigYaml(text: string, source: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) => (offset === undefined ? '' : `line ${lineCounter.linePos(offset).line}`);

  const syntax = doc.errors[0];
  // The line is in the field already: drop the library's own " at line 2, column 1:" that introduces its excerpt.
  if (syntax)
    throw new ConfigError(source, lineOf(syntax.pos[0]), `is not valid YAML: ${firstLine(syntax.message).replace(/ at line \d+, column \d+:?$/, '')}`);

  visit(doc, {
    Alias(_key, alias, path) {
      const target = alias.resolve(doc);
      // Inside the node its anchor names: the value would have to contain itself.
      if (target && path.includes(target as Node)) {
        throw new ConfigError(
          source,
          lineOf(alias.range?.[0]),
          `the alias *${alias.source} is inside the node its anchor &${alias.source} names: aliases may not refer to themselves`,
          `point *${alias.source} at a node defined before and outside it, or write the value out`,
        );
      }
    },
  });

  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (err) {
    const message = firstLine(err instanceof Error ? err.message : String(err));
    if (/excessive alias count/i.test(message)) {
      throw new ConfigError(
        source,
        '',
        `its aliases expand too much (more than ${MAX_ALIAS_COUNT} copies in all; a file built to exhaust memory looks like this)`,
        'write the values out, or use fewer aliases of aliases',
      );
    }
    // For example an alias whose anchor is not defined before it.
    throw new ConfigError(source, '', `is not valid YAML: ${message}`);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
