// @ts-check
// The little Jinja a dbt project needs to compile here: ref, source, config, var, env_var,
// this and target. Everything else is left as written.
import { DbtError } from './errors.mjs';

const EXPRESSION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const STRING = String.raw`'([^']*)'|"([^"]*)"`;
const REF = new RegExp(
  String.raw`\bref\(\s*(?:${STRING})\s*(?:,\s*(?:${STRING})\s*)?(?:,\s*v(?:ersion)?\s*=\s*\S+\s*)?\)`,
  'g',
);
const SOURCE = new RegExp(String.raw`\bsource\(\s*(?:${STRING})\s*,\s*(?:${STRING})\s*\)`, 'g');

/**
 * The names a model refers to, in order: ref('x') or ref('package', 'x') gives x.
 * @param {string} code
 * @returns {string[]}
 */
export function findRefs(code) {
  return [...code.matchAll(REF)].map((m) => /** @type {string} */ (m[3] ?? m[4] ?? m[1] ?? m[2]));
}

/**
 * The sources a model reads, as [source name, table name].
 * @param {string} code
 * @returns {[string, string][]}
 */
export function findSources(code) {
  return [...code.matchAll(SOURCE)].map((m) => [
    /** @type {string} */ (m[1] ?? m[2]),
    /** @type {string} */ (m[3] ?? m[4]),
  ]);
}

/**
 * The keyword arguments of the first {{ config(...) }} call, for the keys the emulator uses.
 * @param {string} code
 * @returns {Record<string, unknown>}
 */
export function findConfig(code) {
  const call = /\{\{-?\s*config\(([\s\S]*?)\)\s*-?\}\}/.exec(code);
  if (!call) return {};
  /** @type {Record<string, unknown>} */
  const config = {};
  const kwarg = /(\w+)\s*=\s*('[^']*'|"[^"]*"|\[[^\]]*\]|\{[^}]*\}|[\w.-]+)/g;
  for (const [, key, raw] of (call[1] ?? '').matchAll(kwarg)) {
    config[/** @type {string} */ (key)] = parsePythonLiteral(/** @type {string} */ (raw));
  }
  return config;
}

/**
 * A Python/Jinja literal as written in config(...) or var(...): strings, booleans, None, numbers
 * and flat lists of those.
 * @param {string} raw
 * @returns {unknown}
 */
function parsePythonLiteral(raw) {
  const text = raw.trim();
  if (text === 'True' || text === 'true') return true;
  if (text === 'False' || text === 'false') return false;
  if (text === 'None' || text === 'none') return null;
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    return inner ? inner.split(',').map((item) => parsePythonLiteral(item)) : [];
  }
  return text;
}

/**
 * @typedef {object} RenderContext
 * @property {(name: string) => string} ref relation name of a model, seed or snapshot
 * @property {(source: string, table: string) => string} source relation name of a source table
 * @property {Record<string, unknown>} vars project vars overlaid with --vars
 * @property {string} self relation name of the node itself ({{ this }})
 * @property {{ name: string, schema: string, database: string, type: string }} target
 * @property {string} nodeLabel e.g. "model orders (models/orders.sql)" for error messages
 * @property {string} nodeName
 */

/**
 * Compiles a model's SQL: Jinja expressions the emulator knows are replaced, config() calls vanish
 * as in dbt's compiled output, unknown expressions stay as written.
 * @param {string} code
 * @param {RenderContext} context
 */
export function renderSql(code, context) {
  const withoutComments = code.replace(/\{#[\s\S]*?#\}/g, '');
  return withoutComments.replace(EXPRESSION, (whole, expression) => {
    const text = String(expression).trim();
    if (/^config\(/.test(text)) return '';
    if (/^ref\(/.test(text)) return context.ref(/** @type {string} */ (findRefs(text)[0]));
    if (/^source\(/.test(text)) {
      const [source, table] = /** @type {[string, string]} */ (findSources(text)[0]);
      return context.source(source, table);
    }
    if (text === 'this') return context.self;
    const target = /^target\.(\w+)$/.exec(text);
    if (target) return String(context.target[/** @type {'name'} */ (target[1])] ?? whole);
    const variable = /^var\(\s*(?:'([^']*)'|"([^"]*)")\s*(?:,\s*([\s\S]+))?\)$/.exec(text);
    if (variable) return renderVar(variable, context);
    return whole;
  });
}

/**
 * @param {RegExpExecArray} match
 * @param {RenderContext} context
 */
function renderVar(match, context) {
  const name = /** @type {string} */ (match[1] ?? match[2]);
  if (Object.hasOwn(context.vars, name)) return String(context.vars[name]);
  if (match[3] !== undefined) {
    const fallback = parsePythonLiteral(match[3].trim());
    return String(fallback);
  }
  throw new DbtError(
    `Compilation Error in ${context.nodeLabel}`,
    `Required var '${name}' not found in config:\nVars supplied to ${context.nodeName} = ${JSON.stringify(context.vars, null, 4)}`,
  );
}

/**
 * Renders {{ env_var('NAME') }} and {{ env_var('NAME', 'default') }} in profiles.yml and
 * dbt_project.yml, as dbt does before parsing them.
 * @param {string} text
 * @param {Record<string, string | undefined>} env
 */
export function renderEnvVars(text, env) {
  const call =
    /\{\{\s*env_var\(\s*(?:'([^']*)'|"([^"]*)")\s*(?:,\s*(?:'([^']*)'|"([^"]*)"|(\w+))\s*)?\)\s*(?:\|\s*(?:int|as_number|as_text)\s*)?\}\}/g;
  return text.replace(call, (_whole, a, b, c, d, e) => {
    const name = String(a ?? b);
    const value = env[name];
    if (value !== undefined) return value;
    const fallback = c ?? d ?? e;
    if (fallback !== undefined) return String(fallback);
    throw new DbtError('Parsing Error', `Env var required but not provided: '${name}'`);
  });
}
