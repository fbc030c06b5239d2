/**
 * The CoreNLP that extraction uses: the server CORENLP_URL names (never started or stopped here), or the managed
 * one, installed and started on first use and stopped by `close()`.
 */
import type { Config } from '../config';
import type { Log } from '../java/maven-install';
import { createCoreNLPClient, type CoreNLPClient } from './client';
import { ManagedCoreNLP } from './managed-corenlp';

export interface OpenCoreNLP {
  client: CoreNLPClient;
  /** The server's CoreNLP version, for the provenance of what is extracted with it. */
  version: string;
  /** The managed server, when this process started one. */
  managed: ManagedCoreNLP | undefined;
  /** Stops the managed server, if this process started one. */
  close(): Promise<void>;
}

export async function openCoreNLP(
  config: Readonly<Config>,
  log: Log,
  { preload }: { preload?: readonly string[] } = {},
): Promise<OpenCoreNLP> {
  const { corenlp } = config;
  if (corenlp.url) {
    const client = createCoreNLPClient({ url: corenlp.url, requestTimeoutMs: corenlp.requestTimeoutMs, maxChars: corenlp.maxChars });
    const version = await client.version();
    log(`Using CoreNLP ${version} at ${client.url}.`);
    return { client, version, managed: undefined, close: async () => undefined };
  }
  const managed = await ManagedCoreNLP.start({
    server: corenlp.managed,
    preload,
    requestTimeoutMs: corenlp.requestTimeoutMs,
    maxChars: corenlp.maxChars,
    log,
  });
  try {
    const client = managed.client();
    return { client, version: await client.version(), managed, close: () => managed.stop() };
  } catch (error) {
    await managed.stop();
    throw error;
  }
}
