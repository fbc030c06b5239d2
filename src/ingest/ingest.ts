/**
 * Ingests annotated articles: checks every file first, skips articles already ingested unchanged, and writes the
 * new ones in batches (one transaction per batch; when a batch fails, each of its articles is retried alone, so
 * a bad article is reported and the others load). A corrected article is retracted and rewritten in one
 * transaction. `npm run ingest` is a thin command line over `ingestFiles`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import { LOAD_TRANSACTION_TIMEOUT_MS } from '../db/cypher-scripts';
import type { AssertionSet } from './assertions';
import { ConflictCheck } from './conflict-lookup';
import type { Conflict } from './conflicts';
import { CollisionError, planArticle } from './plan';
import { Resolver } from './resolve';
import { validateFile, type Problem, type ValidArticle } from './validate';
import { retractAssertions, unpackAssertions, writeAssertions, type IngestionRecord, type Tx, type WriteCounts } from './write';

export const ARTICLE_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface IngestOptions {
  /** Check and plan everything, write in transactions that are rolled back, and report what would change. */
  dryRun?: boolean;
  /** Articles per transaction. */
  batchSize?: number;
  /** Re-ingest articles even when unchanged (after a merge is undone). */
  force?: boolean;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Who loads the articles, recorded on each source written (default: `cli:<os user>`). */
  loadedBy?: string;
  /**
   * Takes part in causal chaining: every session of the ingest starts after its bookmarks and leaves the bookmarks
   * of its writes there (what a client then reads after, on any replica).
   */
  bookmarkManager?: BookmarkManager;
}

/** Who loads articles from the command line: the operating-system user. */
export function cliLoader(): string {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER || 'unknown';
  }
  return `cli:${user}`;
}

export interface IngestSummary {
  dryRun: boolean;
  files: number;
  articles: { new: number; corrected: number; unchanged: number; failed: number };
  /** Every node: created (records, the ingestion and merge records, among them), matched, deleted. */
  nodes: { created: number; matched: number; deleted: number; records: number };
  relationships: { created: number; matched: number; deleted: number };
  /** Entities resolved to known ones, and unnamed office-holders linked to named ones. */
  merges: number;
  /** Facts (nodes and relationships) the loaded articles assert. */
  facts: number;
  failures: Array<{ file: string; problems: Problem[] }>;
  /**
   * Set when the database failed during the run (unreachable, stopped): what committed stays, nothing else was
   * written, and running the same ingest again resumes (what was written is skipped as unchanged).
   */
  interrupted?: { reason: string; written: number; notWritten: string[] };
  /**
   * Articles loaded by this run that likely contradict one another or what the graph held (the same event on other
   * dates, the same agreement with other signers): both are kept as their sources state them (src/ingest/conflicts.ts).
   */
  conflicts: Conflict[];
}

/** The database itself failed (unreachable, stopped, broken), rather than an article: no later write can succeed. */
export function isDatabaseFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.DatabaseError.') ||
    code === 'Neo.TransientError.General.DatabaseUnavailable'
  );
}

/** The article files among paths: files as given, folders searched (recursively) for .yaml, .yml and .json. */
export function listArticleFiles(paths: string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ARTICLE_EXTENSIONS.includes(path.extname(entry.name))) files.push(full);
    }
  };
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) problems.push({ file: given, path: '', reason: 'no such file or folder' });
    else if (stat.isDirectory()) walk(given);
    else files.push(given);
  }
  return { files: [...new Set(files)], problems };
}

/** What identifies an article's content: its annotations and its text. */
export function articleChecksum(valid: ValidArticle): string {
  return createHash('sha256').update(JSON.stringify(valid.article)).update('\n').update(valid.text).digest('hex');
}

/** Facts an assertion set writes: fact and evidence nodes, their relationships, citations. */
export function factCount(set: AssertionSet): number {
  return 1 + set.passages.length * 2 + set.nodes.length + set.relationships.length + set.citations.length + set.sameAs.length;
}

/** Nodes an assertion set writes: its source, passages, facts, ingestion record and merge records. */
const nodeCount = (set: AssertionSet) => 1 + set.passages.length + set.nodes.length + 1 + set.merges.length;
/** Relationships it writes besides facts': the ingestion record's link to its source. */
const recordLinks = 1;

export async function ingestFiles(driver: Driver, database: string, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const listed = listArticleFiles(paths);
  const failures = listed.problems.map((problem) => ({ file: problem.file, problems: [problem] }));
  // Every file is checked before anything is written.
  const valid: ValidArticle[] = [];
  for (const file of listed.files) {
    const result = validateFile(file);
    if (!result.ok) failures.push({ file, problems: result.problems });
    else valid.push(result.value);
  }
  return ingestValid(driver, database, { files: listed.files.length, valid, failures }, options);
}

/** Ingests articles already checked (an article posted over HTTP): the same writes as for files. */
export function ingestArticles(driver: Driver, database: string, articles: ValidArticle[], options: IngestOptions = {}): Promise<IngestSummary> {
  return ingestValid(driver, database, { files: articles.length, valid: articles, failures: [] }, options);
}

interface Checked {
  files: number;
  valid: ValidArticle[];
  failures: IngestSummary['failures'];
}

async function ingestValid(driver: Driver, database: string, checked: Checked, options: IngestOptions): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? 50;
  const loadedBy = options.loadedBy ?? cliLoader();
  const { bookmarkManager } = options;
  const summary: IngestSummary = {
    dryRun: options.dryRun ?? false,
    files: checked.files,
    articles: { new: 0, corrected: 0, unchanged: 0, failed: 0 },
    nodes: { created: 0, matched: 0, deleted: 0, records: 0 },
    relationships: { created: 0, matched: 0, deleted: 0 },
    merges: 0,
    facts: 0,
    failures: [...checked.failures],
    conflicts: [],
  };
  const fail = (file: string, reason: string, at = '') => summary.failures.push({ file, problems: [{ file, path: at, reason }] });
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.({ done, total: checked.files });
  };

  const valid: ValidArticle[] = [];
  const seen = new Map<string, string>();
  for (const article of checked.valid) {
    const id = article.article.source.id;
    if (seen.has(id)) fail(article.file, `source id '${id}' is also the id of ${seen.get(id)}`, 'source.id');
    else {
      seen.set(id, article.file);
      valid.push(article);
    }
  }
  progress(checked.files - valid.length);
  const record = (article: ValidArticle, assertions: AssertionSet) => ingestionRecord(article, assertions, loadedBy);
  const write = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(driver, database, { dryRun: options.dryRun, bookmarkManager }, work);

  // What committed, by file: a database failure stops the run and says what was written and what was not.
  const written = new Set<string>();
  // What the written articles assert, to look for conflicts once they are all in.
  const conflictCheck = new ConflictCheck();

  /** Writes the new and corrected articles (the database may fail midway: see the caller). */
  const writeArticles = async (): Promise<void> => {
    const previous = await previousIngestions(driver, database, valid.map((article) => article.article.source.id), bookmarkManager);
    const fresh: ValidArticle[] = [];
    const corrected: ValidArticle[] = [];
    for (const article of valid) {
      const before = previous.get(article.article.source.id);
      if (!before) fresh.push(article);
      else if (before.checksum === articleChecksum(article) && !options.force) summary.articles.unchanged += 1;
      else corrected.push(article);
    }
    progress(summary.articles.unchanged);

    const tally = (sets: AssertionSet[], counts: WriteCounts) => {
      const nodes = sets.reduce((sum, set) => sum + nodeCount(set), 0);
      const relationships = sets.reduce((sum, set) => sum + factCount(set) - (1 + set.passages.length + set.nodes.length) + recordLinks, 0);
      summary.nodes.created += counts.nodesCreated;
      summary.nodes.records += counts.recordsCreated;
      summary.nodes.matched += Math.max(0, nodes - counts.nodesCreated);
      summary.nodes.deleted += counts.nodesDeleted;
      summary.relationships.created += counts.relationshipsCreated;
      summary.relationships.matched += Math.max(0, relationships - counts.relationshipsCreated);
      summary.relationships.deleted += counts.relationshipsDeleted;
      summary.merges += sets.reduce((sum, set) => sum + set.merges.length, 0);
      summary.facts += sets.reduce((sum, set) => sum + factCount(set), 0);
    };

    // One resolver for the run, kept up to date by the articles written; loaded again when what it learnt from
    // an article was not written (a failure) or was retracted (a correction).
    let known: Resolver | undefined;
    const resolver = async () => (known ??= await Resolver.load(driver, database, bookmarkManager));
    const forget = () => {
      known = undefined;
    };

    interface Planned {
      batch: ValidArticle[];
      sets: AssertionSet[];
      failed: Array<{ file: string; problems: Problem[] }>;
    }
    const planBatch = async (articles: ValidArticle[]): Promise<Planned> => {
      const resolving = await resolver();
      const planned: Planned = { batch: [], sets: [], failed: [] };
      for (const article of articles) {
        try {
          planned.sets.push(planArticle(article, resolving));
          planned.batch.push(article);
        } catch (error) {
          // The resolver has seen this article: plan the others again without it.
          forget();
          const rest = await planBatch(articles.filter((other) => other !== article));
          const problems = error instanceof CollisionError ? error.problems : [{ file: article.file, path: '', reason: (error as Error).message }];
          return { ...rest, failed: [{ file: article.file, problems }, ...rest.failed] };
        }
      }
      return planned;
    };
    /** Writes a planned batch in one transaction; when it fails, each article alone. False when any failed. */
    const writeBatch = async ({ batch, sets, failed }: Planned): Promise<boolean> => {
      summary.failures.push(...failed);
      progress(failed.length);
      if (batch.length === 0) return failed.length === 0;
      try {
        const records = sets.map((set, i) => record(batch[i], set));
        const counts = await write((tx) => writeAssertions(tx, sets, records));
        tally(sets, counts);
        conflictCheck.add(sets);
        summary.articles.new += batch.length;
        for (const article of batch) written.add(article.file);
        progress(batch.length);
        return failed.length === 0;
      } catch (error) {
        forget();
        if (isDatabaseFailure(error)) throw error;
        if (batch.length === 1) {
          fail(batch[0].file, `not written: ${(error as Error).message}`);
          progress(1);
          return false;
        }
        for (const article of batch) await writeBatch(await planBatch([article]));
        return false;
      }
    };
    // The next batch is planned (CPU) while the last one is written (database): a pipeline of two.
    let writing: Promise<boolean> = Promise.resolve(true);
    for (let i = 0; i < fresh.length; i += batchSize) {
      const articles = fresh.slice(i, i + batchSize);
      let planned = await planBatch(articles);
      // What the resolver knew came from a batch that failed: plan again with what the database holds.
      if (!(await writing)) planned = await planBatch(articles);
      writing = writeBatch(planned);
      // A failure is awaited below; until then it must not count as unhandled.
      writing.catch(() => undefined);
    }
    await writing;

    for (const article of corrected) {
      try {
        const next = planArticle(article, await resolver());
        const old = await previousAssertions(driver, database, article.article.source.id, bookmarkManager);
        const counts = await write(async (tx) => {
          const retracted = await retractAssertions(tx, old, next);
          const written = await writeAssertions(tx, [next], [record(article, next)]);
          return add(retracted, written);
        });
        tally([next], counts);
        conflictCheck.add([next]);
        summary.articles.corrected += 1;
        written.add(article.file);
      } catch (error) {
        if (isDatabaseFailure(error)) throw error;
        if (error instanceof CollisionError) summary.failures.push({ file: article.file, problems: error.problems });
        else fail(article.file, `not written: ${(error as Error).message}`);
      }
      forget();
      progress(1);
    }
  };

  try {
    await writeArticles();
    summary.conflicts = await conflictCheck.run(driver, database);
  } catch (error) {
    if (!isDatabaseFailure(error)) throw error;
    const failed = new Set(summary.failures.map((failure) => failure.file));
    summary.interrupted = {
      reason: (error as Error).message.split('\n')[0],
      written: written.size,
      notWritten: valid.map((article) => article.file).filter((file) => !written.has(file) && !failed.has(file)),
    };
  }
  summary.articles.failed = summary.failures.length;
  return summary;
}

function ingestionRecord(article: ValidArticle, assertions: AssertionSet, loadedBy: string): IngestionRecord {
  return {
    sourceId: article.article.source.id,
    checksum: articleChecksum(article),
    file: article.origin ?? path.resolve(article.file),
    loadedBy,
    assertions,
  };
}

function add(a: WriteCounts, b: WriteCounts): WriteCounts {
  return {
    nodesCreated: a.nodesCreated + b.nodesCreated,
    relationshipsCreated: a.relationshipsCreated + b.relationshipsCreated,
    nodesDeleted: a.nodesDeleted + b.nodesDeleted,
    relationshipsDeleted: a.relationshipsDeleted + b.relationshipsDeleted,
    recordsCreated: a.recordsCreated + b.recordsCreated,
  };
}

/** The checksums of the articles ingested before, by source id. */
async function previousIngestions(
  driver: Driver,
  database: string,
  sourceIds: string[],
  bookmarkManager: BookmarkManager | undefined,
): Promise<Map<string, { checksum: string }>> {
  const { records } = await driver.executeQuery(
    'UNWIND $ids AS id MATCH (ingestion:Ingestion {sourceId: id}) RETURN id, ingestion.checksum AS checksum',
    { ids: sourceIds },
    { database, bookmarkManager },
  );
  return new Map(records.map((row) => [row.get('id') as string, { checksum: row.get('checksum') as string }]));
}

/** What an article's earlier version asserted. */
async function previousAssertions(driver: Driver, database: string, sourceId: string, bookmarkManager: BookmarkManager | undefined): Promise<AssertionSet> {
  const { records } = await driver.executeQuery(
    'MATCH (ingestion:Ingestion {sourceId: $id}) RETURN ingestion.assertions AS assertions',
    { id: sourceId },
    { database, bookmarkManager },
  );
  return unpackAssertions(records[0].get('assertions') as string);
}

/**
 * Runs work in one write transaction (a WRITE session: on a cluster, the leader), committed or, for a dry run,
 * rolled back.
 */
async function inTransaction<T>(
  driver: Driver,
  database: string,
  { dryRun, bookmarkManager }: { dryRun?: boolean; bookmarkManager?: BookmarkManager },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager });
  const tx = session.beginTransaction({ timeout: LOAD_TRANSACTION_TIMEOUT_MS });
  try {
    const result = await work(tx);
    if (dryRun) await tx.rollback();
    else await tx.commit();
    return result;
  } catch (error) {
    if (tx.isOpen()) await tx.rollback();
    throw error;
  } finally {
    await session.close();
  }
}
