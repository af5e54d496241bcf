// Writes the inputs and outputs tables of action.yml between the `action-docs` markers of the docs,
// so the documented interface never drifts from the real one. `--check` only compares (for tests/CI).
//
//   node scripts/action-docs.mjs [--check] [--action action.yml] [FILE…]
// Default FILEs: docs/action.md, and README.md once it has the markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import * as prettier from 'prettier';
import { parse } from 'yaml';

const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

/** One table cell: a single line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
}

/** The generated Markdown for an action.yml's text. */
export function renderActionTables(actionYaml) {
  const action = parse(actionYaml);
  const lines = [
    '### Inputs',
    '',
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const fallback = input.default === undefined ? '' : `\`${cell(input.default)}\``;
    lines.push(
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`,
    );
  }
  lines.push('', '### Outputs', '', '| output | description |', '| --- | --- |');
  for (const [name, output] of Object.entries(action.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  }
  return lines.join('\n');
}

/** The document with its marked region replaced by `tables`; throws when the markers are missing. */
export function replaceMarkedRegion(doc, tables, file = 'document') {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start === -1 || end === -1 || end < start)
    throw new Error(`${file} has no ${START} … ${END} region`);
  return `${doc.slice(0, start + START.length)}\n${tables}\n${doc.slice(end)}`;
}

async function main(argv) {
  const check = argv.includes('--check');
  const actionAt = argv.indexOf('--action');
  const actionFile = actionAt === -1 ? 'action.yml' : argv[actionAt + 1];
  const files = argv.filter((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--action');
  const tables = renderActionTables(readFileSync(actionFile, 'utf8'));
  let stale = 0;
  const defaults = ['docs/action.md', 'README.md'].filter(
    (file) =>
      file === 'docs/action.md' || (existsSync(file) && readFileSync(file, 'utf8').includes(START)),
  );
  for (const file of files.length === 0 ? defaults : files) {
    const doc = readFileSync(file, 'utf8');
    // Formatted as Prettier formats the repository, so `npm run format` never makes the docs stale.
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const updated = await prettier.format(replaceMarkedRegion(doc, tables, file), options);
    if (updated === doc) continue;
    if (check) {
      stale++;
      process.stderr.write(
        `${file} does not match ${actionFile}; run: node scripts/action-docs.mjs ${file}\n`,
      );
    } else {
      writeFileSync(file, updated);
      process.stdout.write(`updated ${file}\n`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = await main(process.argv.slice(2));
