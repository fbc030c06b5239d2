/**
 * Whether the database answers, as a long-running server sees it. While Neo4j is down, the driver would make every
 * request wait for its connection attempts and retries (seconds each); here, once a request or a probe has found
 * it down, requests fail at once with the driver's own ServiceUnavailable error (the API answers it as
 * DATABASE_UNAVAILABLE), and a probe bounded by `PROBE_TIMEOUT_MS`, at most every `PROBE_INTERVAL_MS`, decides
 * when it is back: nothing needs restarting. `/health` is the same probe.
 */
import neo4j, { Neo4jError, type Driver, type Session } from 'neo4j-driver';
import type { Neo4jConnectionConfig } from '../config';
import { explainDriverError } from './connect';

/** /health answers within this bound, and a request waits at most this long for a verdict while Neo4j is down. */
export const PROBE_TIMEOUT_MS = 800;
/** While Neo4j is down, how often a request may pay for a probe (the others fail at once). */
export const PROBE_INTERVAL_MS = 500;

export type Health =
  | { ok: true; version: string; edition: string }
  | { ok: false; reason: string };

export interface Availability {
  /** The driver to serve requests with: the same driver, whose sessions fail at once while Neo4j is known down. */
  driver: Driver;
  /** Probes Neo4j (one probe at a time, shared by concurrent callers), bounded by PROBE_TIMEOUT_MS. */
  check(): Promise<Health>;
  /** Why Neo4j is known to be down, or undefined while it answers. */
  down(): string | undefined;
  /** Runs `work` (database work done otherwise than through `driver`) with the same fail-fast rule. */
  guard<T>(work: () => Promise<T>): Promise<T>;
}

/** The errors that mean "the database cannot be reached", as opposed to a failing query. */
function isConnectivityError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED;
}

function unavailable(reason: string): Neo4jError {
  return new Neo4jError(`The database is unavailable: ${reason}`, neo4j.error.SERVICE_UNAVAILABLE, '08000', 'error: connection exception');
}

export function watchAvailability(driver: Driver, connection: Neo4jConnectionConfig): Availability {
  let downReason: string | undefined;
  let probing: Promise<Health> | undefined;
  let lastProbeEnded = 0;

  const markDown = (error: unknown) => {
    downReason = (explainDriverError(error, connection) as Error)?.message ?? String(error);
  };

  async function probe(): Promise<Health> {
    const answer = (async (): Promise<Health> => {
      // An auto-commit query: the driver does not retry it, so a refused connection fails at once.
      const session = driver.session({ database: connection.database, defaultAccessMode: neo4j.session.READ });
      try {
        const { records } = await session.run(
          'CALL dbms.components() YIELD name, versions, edition WHERE name = "Neo4j Kernel" RETURN versions[0] AS version, edition',
        );
        downReason = undefined;
        return { ok: true, version: String(records[0]?.get('version')), edition: String(records[0]?.get('edition')) };
      } finally {
        await session.close().catch(() => undefined);
      }
    })().catch((error: unknown): Health => {
      markDown(error);
      return { ok: false, reason: downReason! };
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Health>((resolve) => {
      timer = setTimeout(() => {
        downReason = `Neo4j at ${connection.uri} did not answer within ${PROBE_TIMEOUT_MS} ms.`;
        resolve({ ok: false, reason: downReason });
      }, PROBE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  function check(): Promise<Health> {
    probing ??= probe().finally(() => {
      probing = undefined;
      lastProbeEnded = Date.now();
    });
    return probing;
  }

  /** Lets a request through while Neo4j answers; while it is down, throws at once unless a probe finds it back. */
  async function gate(): Promise<void> {
    if (downReason === undefined) return;
    if (probing || Date.now() - lastProbeEnded >= PROBE_INTERVAL_MS) {
      const health = await check();
      if (health.ok) return;
    }
    throw unavailable(downReason ?? 'it does not answer');
  }

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    await gate();
    try {
      return await run();
    } catch (error) {
      if (isConnectivityError(error)) markDown(error);
      throw error;
    }
  }

  /**
   * The session with its managed transactions guarded. A view of it, never a change to it: assigning to the session
   * would loop forever when the session is itself a proxy that calls through to its target (bench/profile.ts records
   * the Cypher that way), each call wrapping the next.
   */
  function guardSession(session: Session): Session {
    return new Proxy(session, {
      get(target, property) {
        if (property === 'executeRead' || property === 'executeWrite') {
          const run = (Reflect.get(target, property, target) as Session['executeRead']).bind(target);
          return ((work, config) => guarded(() => run(work, config))) as Session['executeRead'];
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  const guardedDriver = new Proxy(driver, {
    get(target, property) {
      if (property === 'session') return (config?: Parameters<Driver['session']>[0]) => guardSession(target.session(config));
      if (property === 'executeQuery') {
        return (...args: Parameters<Driver['executeQuery']>) => guarded(() => target.executeQuery(...args));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  return { driver: guardedDriver, check, down: () => downReason, guard: guarded };
}
