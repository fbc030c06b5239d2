/**
 * Ports for the servers this project runs: a free one to listen on, or a clear error when a chosen one is busy.
 * Every chosen port is checked before anything starts, so a busy one costs no Neo4j start-up.
 */
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

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** `what` names the service ('Neo4j Bolt'); `variable` the setting that chooses another port. */
export function portBusyError(port: number, what: string, variable: string): UserError {
  return new UserError(
    `Port ${port} (${what}) is already in use by another program. Stop that program, or choose another port with ${variable}.`,
  );
}

/** Fails with `portBusyError` when `port` is taken on `host`; port 0 (any) is always free. */
export async function assertPortFree(port: number, what: string, variable: string, host = '127.0.0.1'): Promise<void> {
  if (port !== 0 && !(await isPortFree(port, host))) throw portBusyError(port, what, variable);
}
