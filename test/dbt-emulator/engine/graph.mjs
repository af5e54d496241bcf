// @ts-check
// The execution graph: dependencies between nodes, with `dbt build`'s extra test edges, and the
// order in which dbt's GraphQueue hands nodes out.

/**
 * @typedef {import('./manifest.mjs').Manifest} Manifest
 * @typedef {import('./manifest.mjs').Node} Node
 * @typedef {{ children: Map<string, string[]>, depth: Map<string, number> }} Graph
 */

/**
 * @param {Manifest} manifest
 * @param {{ testEdges: boolean }} options testEdges: `dbt build` makes a node wait for the data
 *   tests of its upstream nodes (Linker.add_test_edges), so a failing test skips what is downstream
 * @returns {Graph}
 */
export function buildGraph(manifest, { testEdges }) {
  /** @type {Map<string, string[]>} */
  const children = new Map();
  for (const [id, list] of manifest.children) children.set(id, [...list]);
  if (testEdges) {
    const baseDepth = depths(manifest, children);
    for (const test of manifest.nodes.values()) {
      if (test.resourceType !== 'test') continue;
      const parents = test.dependsOn.filter((id) => manifest.nodes.has(id));
      for (const parent of parents) {
        for (const child of manifest.children.get(parent) ?? []) {
          const node = manifest.nodes.get(child);
          if (!node || node.resourceType === 'test') continue;
          const covered = parents.every(
            (p) => p === parent || isAncestor(manifest, p, child, baseDepth),
          );
          const list = children.get(test.uniqueId) ?? [];
          if (covered && !list.includes(child)) children.set(test.uniqueId, [...list, child]);
        }
      }
    }
  }
  return { children, depth: depths(manifest, children) };
}

/**
 * Longest-path depth of every node (dbt's topological generations), by Kahn's algorithm.
 * @param {Manifest} manifest
 * @param {Map<string, string[]>} children
 */
function depths(manifest, children) {
  /** @type {Map<string, number>} */
  const incoming = new Map();
  for (const id of manifest.nodes.keys()) incoming.set(id, 0);
  for (const [parent, list] of children) {
    if (!manifest.nodes.has(parent)) continue;
    for (const child of list) incoming.set(child, (incoming.get(child) ?? 0) + 1);
  }
  /** @type {Map<string, number>} */
  const depth = new Map();
  let frontier = [...incoming].filter(([, n]) => n === 0).map(([id]) => id);
  for (let level = 0; frontier.length > 0; level++) {
    /** @type {string[]} */
    const next = [];
    for (const id of frontier) {
      depth.set(id, level);
      for (const child of children.get(id) ?? []) {
        const left = (incoming.get(child) ?? 1) - 1;
        incoming.set(child, left);
        if (left === 0) next.push(child);
      }
    }
    frontier = next;
  }
  return depth;
}

/**
 * Whether `ancestor` is upstream of `node`; the search stops at nodes not deeper than `ancestor`.
 * @param {Manifest} manifest
 * @param {string} ancestor
 * @param {string} node
 * @param {Map<string, number>} depth
 */
function isAncestor(manifest, ancestor, node, depth) {
  const floor = depth.get(ancestor) ?? 0;
  const stack = [node];
  const seen = new Set(stack);
  while (stack.length > 0) {
    const current = /** @type {string} */ (stack.pop());
    for (const parent of manifest.nodes.get(current)?.dependsOn ?? []) {
      if (parent === ancestor) return true;
      if (seen.has(parent) || (depth.get(parent) ?? 0) <= floor) continue;
      seen.add(parent);
      stack.push(parent);
    }
  }
  return false;
}

/**
 * The selected nodes in queue order: by depth, then unique_id (GraphQueue's priority).
 * @param {Manifest} manifest
 * @param {Graph} graph
 * @param {Set<string>} selected
 * @returns {Node[]}
 */
export function queueOrder(manifest, graph, selected) {
  return [...selected]
    .map((id) => /** @type {Node} */ (manifest.nodes.get(id)))
    .sort((a, b) => {
      const d = (graph.depth.get(a.uniqueId) ?? 0) - (graph.depth.get(b.uniqueId) ?? 0);
      return d !== 0 ? d : a.uniqueId < b.uniqueId ? -1 : a.uniqueId > b.uniqueId ? 1 : 0;
    });
}

/**
 * Every node downstream of `id`, added to `into`.
 * @param {Graph} graph
 * @param {string} id
 * @param {Set<string>} into
 */
export function addDescendants(graph, id, into) {
  const stack = [id];
  while (stack.length > 0) {
    const current = /** @type {string} */ (stack.pop());
    for (const child of graph.children.get(current) ?? []) {
      if (into.has(child)) continue;
      into.add(child);
      stack.push(child);
    }
  }
}
