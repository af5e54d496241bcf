/**
 * A free port on 127.0.0.1 for a server that needs its port before it starts (the App's setup
 * page names its own URL; Redis is restarted on the same port).
 */
import { createServer } from 'node:net';

/** A port nothing listens on now: the system's choice for a listener that is closed again. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
