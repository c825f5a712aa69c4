import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '@llmguard/example-express-chat';

/** Start the demo app on a free loopback port. */
export async function startDemo(options: Parameters<typeof createApp>[0] = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createApp(options).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
