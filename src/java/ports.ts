/** Loopback ports for the managed servers: a free one to listen on, or a clear error when a chosen one is busy. */
import net from 'node:net';
import { UserError } from '../errors';

/** A port that nothing listens on now (the kernel's choice); another program may take it before we do. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** `what` names the service ('Neo4j Bolt'); `variable` the setting that chooses another port. */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new UserError(
      `Port ${port} (${what}) is already in use by another program. Stop that program, or choose another port with ${variable}.`,
    );
  }
}
