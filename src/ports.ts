/** Ports are checked before anything starts, so a busy one costs no Neo4j start-up. */
import net from 'node:net';
import { UserError } from './errors';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Fails with a message naming the port, what needs it and the variable that moves it. Port 0 (any) is always free. */
export async function assertPortFree(port: number, what: string, remedy: string, host = '127.0.0.1'): Promise<void> {
  if (port === 0 || (await isPortFree(port, host))) return;
  throw new UserError(`Port ${port} (${what}) is already in use by another program. ${remedy}`);
}
