import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expandWord, findFlagValue, parseCommandLine, quoteWords } from './command-line.js';
import { joinRelativePath } from '../relative-path.js';
import { examples } from '../../../test/support/examples.js';

describe('parseCommandLine', () => {
  it.each([
    {
      command: 'FOO=1 uv run --with x dbt --debug run -s a',
      prefix: ['FOO=1', 'uv', 'run', '--with', 'x'],
      programName: 'dbt',
      args: ['--debug', 'run', '-s', 'a'],
    },
    {
      command: 'env -u HOME A=2 npx -y playwright test',
      prefix: ['env', '-u', 'HOME', 'A=2', 'npx', '-y'],
      programName: 'playwright',
      args: ['test'],
    },
    {
      command: 'python3.12 -X dev -m pytest -q',
      prefix: ['python3.12', '-X', 'dev', '-m'],
      programName: 'pytest',
      args: ['-q'],
    },
    { command: 'python script.py', prefix: [], programName: 'python', args: ['script.py'] },
    { command: 'npx', prefix: [], programName: 'npx', args: [] },
    { command: 'poetry install', prefix: [], programName: 'poetry', args: ['install'] },
  ])('takes $command apart', ({ command, prefix, programName, args }) => {
    const line = parseCommandLine(command);
    expect(line.compound).toBeNull();
    expect(line.first?.prefix).toEqual(prefix);
    expect(line.first?.programName).toBe(programName);
    expect(line.first?.args).toEqual(args);
  });

  it.each([
    ['dbt run && dbt test', 'uses the shell operator "&&"'],
    ['pytest | tee out.txt', 'uses the shell operator "|"'],
    ['dbt run; dbt test', 'uses the shell operator ";"'],
    ['pytest > out.txt', 'uses the shell operator ">"'],
    ['echo $(date)', 'uses command substitution'],
    ['(cd x; make)', 'uses the shell operator "("'],
    ['echo "$(date)"', 'uses command substitution'],
    ['echo `date`', 'uses command substitution'],
    ['dbt run\ndbt test', 'spans several lines'],
  ])('%j is compound: %s', (command, reason) => {
    expect(parseCommandLine(command).compound).toBe(reason);
  });

  it('keeps the first simple command of a compound line and notes comments', () => {
    const line = parseCommandLine('cd dbt && dbt run');
    expect(line.first?.programName).toBe('cd');
    expect(parseCommandLine('pytest -q # nightly').hasComment).toBe(true);
    expect(parseCommandLine('pytest -q').hasComment).toBe(false);
    expect(parseCommandLine('dbt \\\n  run').compound).toBeNull();
  });

  it('reads no command in a line it cannot split, and leaves it to the shell', () => {
    expect(parseCommandLine('echo ${')).toEqual({
      first: null,
      compound: 'cannot be split into words (as in "${")',
      hasComment: false,
    });
  });

  it('records assignments for the program', () => {
    const words = parseCommandLine('DBT_TARGET_PATH=out env X="$HOME/y" dbt run').first;
    expect(words?.assignments.get('DBT_TARGET_PATH')).toBe('out');
    expect(expandWord(words?.assignments.get('X') ?? '', { HOME: '/home/me' })).toBe('/home/me/y');
  });
});

describe('quoteWords and expandWord', () => {
  /** The words of a command, quoted back for a shell and expanded with VARS and HOME. */
  function quotedAndExpanded(command: string): [quoted: string, expanded: string] {
    const words = parseCommandLine(command).first;
    const all = words === null ? [] : [...words.prefix, words.program, ...words.args];
    const env = { VARS: '{"x":2}', HOME: '/home/me' };
    return [quoteWords(all), all.map((word) => expandWord(word, env)).join(' ')];
  }
  examples(quotedAndExpanded, [
    ['dbt run --vars \'{"a": 1}\'', ['dbt run --vars \'{"a": 1}\'', 'dbt run --vars {"a": 1}']],
    ['dbt run --vars "$VARS"', ['dbt run --vars "${VARS}"', 'dbt run --vars {"x":2}']],
    [
      'dbt run --project-dir "$HOME/my dir"',
      ['dbt run --project-dir "${HOME}/my dir"', 'dbt run --project-dir /home/me/my dir'],
    ],
    ['pytest tests/*.py', ['pytest tests/*.py', 'pytest tests/*.py']],
    ['echo "it\'s"', ["echo 'it'\\''s'", "echo it's"]],
    ['A="x y" dbt run', ["A='x y' dbt run", 'A=x y dbt run']],
  ]);
});

describe('quoteWords through a real shell', () => {
  const words = [
    'plain',
    'with space',
    "it's",
    'say "hi"',
    'back\\slash',
    'dollar $HOME literal',
    '{"a": [1, 2]}',
    'semi;colon && pipe |',
    'star*',
    '',
    'A=1',
    'tab\there',
  ];
  it('gives the shell back exactly the words', () => {
    const quoted = quoteWords(words);
    const output = execFileSync('sh', ['-c', `printf '%s\\0' ${quoted}`], { encoding: 'utf8' });
    expect(output.split('\0').slice(0, -1)).toEqual(words);
  });

  it('keeps variables for the shell to expand, and assignments as assignments', () => {
    const line = parseCommandLine('GREETING="hello $WHO" env');
    const first = line.first!;
    const quoted = quoteWords([...first.prefix, first.program]);
    expect(quoted).toBe('GREETING="hello ${WHO}" env');
    const output = execFileSync('sh', ['-c', quoted], {
      encoding: 'utf8',
      env: { WHO: 'world', PATH: process.env['PATH'] },
    });
    expect(output.split('\n')).toContain('GREETING=hello world');
  });
});

describe('findFlagValue', () => {
  it.each([
    [['--target-path', 'out'], 'out'],
    [['--target-path=out'], 'out'],
    [['--target-path=a', '--target-path', 'b'], 'b'],
    [['--target-path'], null],
    [['--target-paths', 'x'], null],
  ])('%j → %s', (words, value) => {
    expect(findFlagValue(words, ['--target-path'])).toBe(value);
  });
});

describe('joinRelativePath', () => {
  it.each([
    [['.', 'target', 'run_results.json'], 'target/run_results.json'],
    [['./proj/', 'out', 'run_results.json'], 'proj/out/run_results.json'],
    [['a/../b', 'c'], 'b/c'],
    [['/abs', 'target'], null],
    [['proj', '/tmp/target'], null],
    [['..', 'x'], null],
    [['a', '../../x'], null],
    [['~/x'], null],
    [['C:/x'], null],
    [['a\\b'], null],
    [['.'], null],
  ])('%j → %s', (parts, path) => {
    expect(joinRelativePath(...parts)).toBe(path);
  });
});
