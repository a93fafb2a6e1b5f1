/** A TCP listener that counts connections and hangs up at once: a host that must not be contacted. */
import { createServer, type Socket } from 'node:net';
import { listenOnLoopback, stopper } from '../helpers/ports';

export interface Tripwire {
  port: number;
  connections(): number;
  stop(): Promise<void>;
}

export async function startTripwire(): Promise<Tripwire> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.destroy();
  });
  const port = await listenOnLoopback(server);
  return { port, connections: () => count, stop: stopper(server, sockets) };
}
