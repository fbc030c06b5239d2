/**
 * A TCP proxy in front of the test Neo4j that plays its faults without touching the server the other suites use:
 * `up` forwards, `down` drops every connection as a crashed server does, `hung` accepts and never answers, as a
 * frozen server does. It counts the connections it accepts: what a client tried.
 */
import net from 'node:net';

export type ProxyMode = 'up' | 'down' | 'hung';

export interface FaultProxy {
  port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  let mode: ProxyMode = 'up';
  let accepted = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    accepted += 1;
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'down') return client.destroy();
    if (mode === 'hung') return; // held, never answered
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(upstream);
    upstream.once('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get accepted() {
      return accepted;
    },
    setMode(next) {
      mode = next;
      // A crash drops every connection; a freeze stops every answer (pooled connections included).
      for (const socket of open) {
        if (next === 'hung') {
          socket.unpipe();
          socket.pause();
        } else {
          socket.destroy();
        }
      }
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
