/**
 * GitHub's filter patterns for `branches`, `tags` and `paths` (docs "Workflow syntax", filter
 * pattern cheat sheet): `*` matches anything but `/`, `**` anything, `?` makes the preceding
 * character optional, `+` repeats it, `[…]` is a character class, `\` escapes, and a leading `!`
 * excludes what earlier patterns included. Patterns apply in order: the last one that matches wins.
 */

function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if ((char === '?' || char === '+') && source !== '') source += char;
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/[\\^\]]/g, '\\$&')}]`;
        i = end;
      }
    } else if (char === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += pattern.charAt(i).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether the ordered pattern list selects the value (a later `!pattern` deselects it). */
export function patternsMatch(patterns: readonly string[], value: string): boolean {
  let selected = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (patternToRegExp(negated ? pattern.slice(1) : pattern).test(value)) selected = !negated;
  }
  return selected;
}

/** A `name`/`name-ignore` filter pair of one event configuration. */
export function filterAllows(
  config: Readonly<Record<string, unknown>>,
  key: string,
  value: string,
): boolean {
  const include = config[key];
  const exclude = config[`${key}-ignore`];
  if (Array.isArray(include)) return patternsMatch(include.map(String), value);
  if (Array.isArray(exclude)) return !patternsMatch(exclude.map(String), value);
  return true;
}

/**
 * `paths`/`paths-ignore`: with `paths`, at least one changed file must be selected; with
 * `paths-ignore`, at least one changed file must not be ignored.
 */
export function pathsAllow(config: Readonly<Record<string, unknown>>, files: readonly string[]) {
  const include = config.paths;
  const exclude = config['paths-ignore'];
  if (Array.isArray(include)) return files.some((file) => patternsMatch(include.map(String), file));
  if (Array.isArray(exclude))
    return files.some((file) => !patternsMatch(exclude.map(String), file));
  return true;
}
