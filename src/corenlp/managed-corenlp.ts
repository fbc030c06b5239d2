/**
 * The managed Stanford CoreNLP server: one JVM running `edu.stanford.nlp.pipeline.StanfordCoreNLPServer` from the
 * jars corenlp/pom.xml installs, on 127.0.0.1 and a free port (or CORENLP_PORT), with a heap cap. It is ready once
 * it has loaded the models of the annotators it preloads and answers /ready; it stops when asked, on exit, Ctrl-C
 * and SIGTERM (through the entry point's shutdown), and a server that dies is reported with its last lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, type ManagedCoreNLPConfig } from '../config';
import { UserError } from '../errors';
import { findJava, type Java } from '../java/find-java';
import { ensureInstalled, pomProperty, type Log, type MavenPackage } from '../java/maven-install';
import { assertPortFree, freePort } from '../java/ports';
import { delay, exitOf, finishesWithin, isAlive, killWithThisProcess, OutputTail, terminate } from '../java/processes';
import { CoreNLPError, createCoreNLPClient, DEFAULT_ANNOTATORS, type CoreNLPClient } from './client';

export const CORENLP_POM = path.join(PROJECT_ROOT, 'corenlp', 'pom.xml');
/** The one class the install compiles (it keeps the server on loopback); part of the install's fingerprint. */
const LOOPBACK_SOURCE = path.join(PROJECT_ROOT, 'corenlp', 'src', 'main', 'java', 'local', 'diplomaticgraph', 'corenlp', 'LoopbackHttpServerProvider.java');

export const ENTRY_POINT = 'edu.stanford.nlp.pipeline.StanfordCoreNLPServer';
/** On the server's command line, with its private temporary folder: how a process is recognised as ours. */
export const PROCESS_MARKER = '-Ddiplomatic.graph.corenlp=';

/** The CoreNLP version the descriptor pins. */
export function pinnedCoreNLPVersion(): string {
  return pomProperty(CORENLP_POM, 'corenlp.version');
}

export function corenlpPackage(): MavenPackage {
  return {
    pom: CORENLP_POM,
    inputs: [LOOPBACK_SOURCE],
    homeProperty: 'corenlp.home',
    product: 'CoreNLP',
    version: pinnedCoreNLPVersion(),
    size: 'about 480 MB, most of it the English models',
    alternative: 'set CORENLP_URL to use a CoreNLP server you already run',
  };
}

function findCoreNLPJava(javaHome: string | undefined): Java {
  return findJava(javaHome, {
    server: 'the managed CoreNLP server',
    product: `CoreNLP ${pinnedCoreNLPVersion()}`,
    min: 11,
    wanted: '11 or later',
    alternative: 'set CORENLP_URL to use a CoreNLP server you already run',
  });
}

export interface ManagedCoreNLPOptions {
  server: ManagedCoreNLPConfig;
  /** Annotators whose models load before the server counts as ready (others load on their first request). */
  preload?: readonly string[];
  /** Bound of one request (the server's own default timeout too). */
  requestTimeoutMs: number;
  /** Bound of one text, in code points. */
  maxChars: number;
  log: Log;
}

const READY_POLL_MS = 250;
const STOP_GRACE_MS = 15_000;
const TAIL_LINES = 15;
/** A free port taken by another program between our look and the server's bind: try another this many times. */
const PORT_ATTEMPTS = 3;

class PortTaken extends Error {}

export class ManagedCoreNLP {
  private stopping = false;
  private ready = false;
  readonly exited: Promise<void>;

  private constructor(
    readonly options: ManagedCoreNLPOptions,
    readonly port: number,
    private readonly child: ChildProcess & { pid: number },
    private readonly output: OutputTail,
  ) {
    this.exited = exitOf(child);
  }

  get pid(): number {
    return this.child.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Installs CoreNLP on first use, starts it and resolves once it is ready; a failed start leaves no process. */
  static async start(options: ManagedCoreNLPOptions): Promise<ManagedCoreNLP> {
    const { server, log } = options;
    const java = findCoreNLPJava(server.javaHome);
    const fixedPort = server.port !== 0;
    if (fixedPort) await assertPortFree(server.port, 'CoreNLP server', 'CORENLP_PORT');
    await ensureInstalled(corenlpPackage(), server.distDir, log);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const port = fixedPort ? server.port : await freePort();
      const preload = options.preload ?? DEFAULT_ANNOTATORS;
      log(`Starting CoreNLP on http://127.0.0.1:${port} (memory ${server.memory}, loading ${preload.join(', ')})...`);
      const instance = ManagedCoreNLP.launch(java, options, port);
      try {
        await instance.waitUntilReady(started + server.startTimeoutMs);
      } catch (error) {
        await instance.stop();
        if (error instanceof PortTaken) {
          if (!fixedPort && attempt < PORT_ATTEMPTS) continue;
          throw new UserError(
            `Port ${port} (CoreNLP server) is already in use by another program. Stop that program, or ` +
              (fixedPort ? 'choose another port with CORENLP_PORT.' : 'try again.'),
          );
        }
        throw error;
      }
      log(`CoreNLP is up on ${instance.url} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return instance;
    }
  }

  private static launch(java: Java, options: ManagedCoreNLPOptions, port: number): ManagedCoreNLP {
    const { server, log } = options;
    const preload = options.preload ?? DEFAULT_ANNOTATORS;
    // Its own temporary folder: the server writes its shutdown key there, and other servers write theirs elsewhere.
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-corenlp-'));
    const args = [
      `-Xmx${server.memory}`,
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-Djava.net.preferIPv4Stack=true',
      `-Djava.io.tmpdir=${tmpDir}`,
      `${PROCESS_MARKER}${tmpDir}`,
      // Loopback only: see corenlp/src/main/java/.../LoopbackHttpServerProvider.java.
      '-Dcom.sun.net.httpserver.HttpServerProvider=local.diplomaticgraph.corenlp.LoopbackHttpServerProvider',
      '--add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED',
      '-cp',
      path.join(server.distDir, 'lib', '*'),
      ENTRY_POINT,
      ...['-port', String(port)],
      ...['-timeout', String(options.requestTimeoutMs)],
      ...['-preload', preload.join(',')],
      // The server sets coref.md.type=dep on every request that has coref without parse, but not on its preload:
      // the preloaded coreference would not match the requests' and would load again on the first of them.
      ...(preload.includes('coref') && !preload.includes('parse') ? ['-coref.md.type', 'dep'] : []),
      // The server counts UTF-16 units, the client code points (at most two units each): the client's bound rules.
      ...['-maxCharLength', String(options.maxChars * 2)],
      // Without it the server prints every text it receives.
      ...['-quiet', 'true'],
    ];
    const child = spawn(java.executable, args, { cwd: tmpDir, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      throw new UserError(`Could not launch ${java.executable}.`);
    }
    const output = new OutputTail();
    output.attach(child.stdout);
    output.attach(child.stderr);
    const instance = new ManagedCoreNLP(options, port, child as ChildProcess & { pid: number }, output);
    killWithThisProcess(child.pid, instance.exited);
    const removeTmp = () => fs.rmSync(tmpDir, { recursive: true, force: true });
    process.once('exit', removeTmp);
    void instance.exited.then(() => {
      process.removeListener('exit', removeTmp);
      removeTmp();
    });
    // Model loading takes a while: say what is loading.
    output.onLine((line) => {
      const loading = /Adding annotator (\S+)/.exec(line);
      if (loading && !instance.ready) log(`  ... loading ${loading[1]}`);
    });
    return instance;
  }

  private async waitUntilReady(deadline: number): Promise<void> {
    for (;;) {
      if (/BindException|Address already in use/.test(this.output.last(TAIL_LINES))) throw new PortTaken();
      if (!isAlive(this.pid) || this.child.exitCode !== null || this.child.signalCode !== null) {
        await this.exited;
        throw new UserError(this.deathMessage('stopped while starting'));
      }
      try {
        const response = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) {
          this.ready = true;
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new UserError(
          `CoreNLP did not answer on ${this.url} within ${this.options.server.startTimeoutMs / 1000} s ` +
            `(CORENLP_START_TIMEOUT). Its last lines:\n${this.output.last(TAIL_LINES)}`,
        );
      }
      await delay(READY_POLL_MS);
    }
  }

  private deathMessage(what: string): string {
    const { exitCode, signalCode } = this.child;
    const how = signalCode ? `signal ${signalCode}` : `exit code ${exitCode}`;
    const tail = this.output.last(TAIL_LINES);
    const memory = /OutOfMemoryError|Too small (maximum|initial) heap/.test(tail)
      ? ` It ran out of memory: CORENLP_MEMORY is ${this.options.server.memory}; the default annotators need about 3g.`
      : '';
    return `CoreNLP ${what} (${how}).${memory} Its last lines:\n${tail}`;
  }

  /**
   * Why requests fail, when the server is the reason: it was stopped, or it died (with its last lines). Waits a
   * moment for the exit to be seen, since a dropped connection can arrive before the news of the exit.
   */
  async failure(): Promise<CoreNLPError | undefined> {
    if (this.stopping) return new CoreNLPError('stopped', `The managed CoreNLP server on ${this.url} has been stopped.`);
    if (!(await finishesWithin(this.exited, 1_000))) return undefined;
    return this.died();
  }

  /** Settles when the server is gone: with what happened if it died, undefined if it was stopped on request. */
  async gone(): Promise<CoreNLPError | undefined> {
    await this.exited;
    return this.stopping ? undefined : this.died();
  }

  private died(): CoreNLPError {
    return new CoreNLPError('stopped', this.deathMessage(`(pid ${this.pid}, ${this.url}) stopped unexpectedly`));
  }

  /** A client of this server, whose errors say so when the server has died. */
  client(): CoreNLPClient {
    return createCoreNLPClient({
      url: this.url,
      requestTimeoutMs: this.options.requestTimeoutMs,
      maxChars: this.options.maxChars,
      explainFailure: () => this.failure(),
    });
  }

  /** Stops the server and waits until its process is gone (SIGKILL after 15 s). Safe to call twice. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      if (this.ready) this.options.log('Stopping CoreNLP...');
      await terminate(this.pid, this.exited, STOP_GRACE_MS);
    }
    await this.exited;
  }
}
