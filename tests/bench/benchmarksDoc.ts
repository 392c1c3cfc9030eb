import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const DOC = resolve(import.meta.dirname, '../../docs/BENCHMARKS.md');

/** Replaces (or appends) the section between `<!-- name:start -->` and `<!-- name:end -->`. */
export async function writeBenchmarkSection(name: string, body: string): Promise<string> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let doc = '';
  try {
    doc = await readFile(DOC, 'utf8');
  } catch {
    doc = '# Benchmarks\n\nFigures printed by the `bench:*` scripts; each run replaces its own section.\n';
  }
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const next =
    from >= 0 && to > from
      ? doc.slice(0, from) + section + doc.slice(to + end.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(DOC, next);
  return DOC;
}
