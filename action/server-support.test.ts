import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { assertSupportedServer, isEnterpriseServer } from './server-support.js';
import { examples } from '../test/support/examples.js';

describe('supported servers', () => {
  examples(isEnterpriseServer, [
    ['https://github.com', false],
    ['https://acme.ghe.com', false],
    ['http://github.localhost:3000', false],
    ['https://github.acme.internal', true],
    ['https://10.0.0.5', true],
  ]);

  it('refuses Enterprise Server in one line naming why', () => {
    expect(() => {
      assertSupportedServer('https://github.acme.internal');
    }).toThrow(UserError);
    expect(() => {
      assertSupportedServer('https://github.acme.internal');
    }).toThrow(
      /not on GitHub Enterprise Server \(https:\/\/github\.acme\.internal\).*@actions\/artifact/,
    );
    expect(() => {
      assertSupportedServer('https://github.com');
    }).not.toThrow();
  });
});
