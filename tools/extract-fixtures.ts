/**
 * `npm run extract:fixtures`: stores CoreNLP's annotation of every gold text (seed and dev set) in
 * test/fixtures/extract, for the unit tests of the rules. Run it after changing a dev text or the annotators.
 */
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { openCoreNLP } from '../src/corenlp/open';
import { runCli } from '../src/errors';
import { loadGold, saveAnnotation } from '../src/extract/dev-set';
import { annotateCached } from '../src/extract/extract';

async function main(): Promise<void> {
  const corenlp = await openCoreNLP(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    for (const gold of loadGold()) {
      const annotation = await annotateCached(corenlp.client, corenlp.version, gold.text, gold.article.source.publishedOn, path.join(PROJECT_ROOT, '.corenlp', 'cache'));
      saveAnnotation(gold, corenlp.version, annotation);
      process.stderr.write(`stored ${gold.name}\n`);
    }
  } finally {
    await corenlp.close();
  }
}

void runCli(main);
