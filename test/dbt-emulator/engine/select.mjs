// @ts-check
// Node selection: --select/--exclude with dbt's methods (name/fqn, path:, tag:, source:,
// resource_type:, test_name:, config.materialized:), graph operators (+, n+, @) and indirect
// selection of data tests.
import { EmulatorError } from './errors.mjs';

/**
 * @typedef {import('./manifest.mjs').Manifest} Manifest
 * @typedef {import('./manifest.mjs').Node} Node
 */

/**
 * @param {{ manifest: Manifest, select: string[], exclude: string[],
 *   resourceTypes: string[], indirectSelection: string }} input
 * @returns {{ selected: Set<string>, unmatched: string[] }} selected unique_ids, and the criteria
 *   that matched nothing (dbt warns about each)
 */
export function selectNodes({ manifest, select, exclude, resourceTypes, indirectSelection }) {
  /** @type {string[]} */
  const unmatched = [];
  const all = [...manifest.nodes.keys()];
  const chosen = select.length === 0 ? new Set(all) : resolveCriteria(manifest, select, unmatched);
  const excluded = exclude.length === 0 ? new Set() : resolveCriteria(manifest, exclude, []);
  addIndirectTests(manifest, chosen, indirectSelection);
  if (excluded.size > 0) addIndirectTests(manifest, excluded, 'eager');
  const wanted = new Set(resourceTypes);
  const selected = new Set(
    all.filter(
      (id) =>
        chosen.has(id) &&
        !excluded.has(id) &&
        wanted.has(manifest.nodes.get(id)?.resourceType ?? ''),
    ),
  );
  return { selected, unmatched };
}

/**
 * Union of space-separated criteria; a comma inside one criterion intersects.
 * @param {Manifest} manifest
 * @param {string[]} criteria
 * @param {string[]} unmatched
 */
function resolveCriteria(manifest, criteria, unmatched) {
  /** @type {Set<string>} */
  const result = new Set();
  for (const criterion of criteria) {
    /** @type {Set<string> | null} */
    let intersection = null;
    for (const part of criterion.split(',')) {
      const ids = resolveOne(manifest, part);
      intersection =
        intersection === null ? ids : new Set([...intersection].filter((id) => ids.has(id)));
    }
    if (!intersection || intersection.size === 0) unmatched.push(criterion);
    for (const id of intersection ?? []) result.add(id);
  }
  return result;
}

/**
 * @param {Manifest} manifest
 * @param {string} criterion e.g. "2+tag:nightly+", "@orders", "source:raw.orders+"
 */
function resolveOne(manifest, criterion) {
  const parsed = /^(@)?(?:(\d*)\+)?(.*?)(?:\+(\d*))?$/.exec(criterion);
  const [, at, parentDepth, body = '', childDepth] = parsed ?? [];
  const base = matchMethod(manifest, body);
  const result = new Set(base);
  const depth = (/** @type {string | undefined} */ d) => (d ? Number(d) : Infinity);
  if (parentDepth !== undefined)
    walk(base, (id) => parentsOf(manifest, id), depth(parentDepth), result);
  if (childDepth !== undefined || at) {
    const descendants = new Set();
    walk(
      base,
      (id) => manifest.children.get(id) ?? [],
      at ? Infinity : depth(childDepth),
      descendants,
    );
    for (const id of descendants) result.add(id);
    if (at) walk(descendants, (id) => parentsOf(manifest, id), Infinity, result);
  }
  return result; // may hold source ids: they select tests and children, and are never run
}

/**
 * @param {Manifest} manifest
 * @param {string} id
 */
const parentsOf = (manifest, id) => manifest.nodes.get(id)?.dependsOn ?? [];

/**
 * Breadth-first walk up to `maxDepth` steps, adding every reached id to `into`.
 * @param {Iterable<string>} start
 * @param {(id: string) => Iterable<string>} next
 * @param {number} maxDepth
 * @param {Set<string>} into
 */
function walk(start, next, maxDepth, into) {
  let frontier = [...start];
  const seen = new Set(frontier);
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const following = [];
    for (const id of frontier) {
      for (const n of next(id)) {
        if (seen.has(n)) continue;
        seen.add(n);
        into.add(n);
        following.push(n);
      }
    }
    frontier = following;
  }
}

/**
 * @param {Manifest} manifest
 * @param {string} body "method:value" or a bare name/fqn/path
 * @returns {Set<string>}
 */
function matchMethod(manifest, body) {
  const colon = body.indexOf(':');
  let method = colon === -1 ? '' : body.slice(0, colon);
  const value = colon === -1 ? body : body.slice(colon + 1);
  if (!method) method = value.includes('/') || /\.(sql|csv|yml)$/.test(value) ? 'path' : 'fqn';
  if (method === 'source') {
    const pattern = globRegExp(value.includes('.') ? value : `${value}.*`);
    const prefix = `source.${manifest.projectName}.`;
    return new Set(
      [...manifest.sources.keys()].filter((id) => pattern.test(id.slice(prefix.length))),
    );
  }
  /** @type {(node: Node) => boolean} */
  const test = nodeMatcher(method, value);
  return new Set([...manifest.nodes.values()].filter(test).map((n) => n.uniqueId));
}

/**
 * @param {string} method
 * @param {string} value
 * @returns {(node: Node) => boolean}
 */
function nodeMatcher(method, value) {
  const glob = globRegExp(value);
  switch (method) {
    case 'fqn':
      return (node) =>
        glob.test(node.name) || fqnMatches(node.fqn, value) || fqnMatches(node.fqn.slice(1), value);
    case 'tag':
      return (node) => node.tags.some((tag) => glob.test(tag));
    case 'path': {
      const prefix = value.replace(/\/+$/, '');
      return (node) =>
        node.path === prefix || node.path.startsWith(`${prefix}/`) || glob.test(node.path);
    }
    case 'resource_type':
      return (node) => node.resourceType === value;
    case 'test_name':
      return (node) => node.testType !== null && glob.test(node.testType);
    case 'config.materialized':
      return (node) => node.materialized === value;
    default:
      throw new EmulatorError(`selector method '${method}:' is not emulated`);
  }
}

/**
 * dbt's is_selected_node: each dot-separated part matches the fqn part at the same position.
 * @param {string[]} fqn
 * @param {string} selector
 */
function fqnMatches(fqn, selector) {
  const parts = selector.split('.');
  const flat = fqn.flatMap((segment) => segment.split('.'));
  if (parts.length > flat.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = /** @type {string} */ (parts[i]);
    if (part === '*') return true;
    if (!globRegExp(part).test(/** @type {string} */ (flat[i]))) return false;
  }
  return true;
}

/**
 * Data tests whose parents are selected (eager: any parent; cautious/buildable: all parents).
 * @param {Manifest} manifest
 * @param {Set<string>} chosen updated in place
 * @param {string} mode
 */
function addIndirectTests(manifest, chosen, mode) {
  if (mode === 'empty') return;
  for (const node of manifest.nodes.values()) {
    if (node.resourceType !== 'test' || chosen.has(node.uniqueId)) continue;
    const parents = node.dependsOn;
    if (parents.length === 0) continue;
    const hit =
      mode === 'eager' ? parents.some((p) => chosen.has(p)) : parents.every((p) => chosen.has(p));
    if (hit) chosen.add(node.uniqueId);
  }
}

/** @param {string} pattern fnmatch-style: * and ? */
function globRegExp(pattern) {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
