/** The documentation of the format matches the code: the published JSON Schema and the example of docs/ingest.md. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { articleSchemaFile, renderArticleJsonSchema } from '../../src/ingest/format';
import { formatProblem, validateFile } from '../../src/ingest/validate';

describe('the documentation of the annotated-article format', () => {
  it('publishes the JSON Schema of the current format (npm run schema:article refreshes it)', () => {
    expect(fs.readFileSync(articleSchemaFile, 'utf8')).toBe(renderArticleJsonSchema());
    const schema = JSON.parse(renderArticleJsonSchema());
    expect(schema.required).toEqual(['source']);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['source', 'spans', 'countries', 'people', 'occupancies', 'agreements', 'exchanges', 'claims']),
    );
  });

  it('gives a complete example that is a valid article, with the errors it documents', () => {
    const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'ingest.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doc-')), 'tashkent.yaml');
    fs.writeFileSync(file, example);
    const valid = validateFile(file);
    expect(valid.ok ? [] : valid.problems.map(formatProblem)).toEqual([]);

    // Every other example of the page is a valid article too (format v2: what real reports say).
    for (const [index, other] of [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].slice(1).entries()) {
      const otherFile = path.join(path.dirname(file), `example-${index}.yaml`);
      fs.writeFileSync(otherFile, other[1]);
      const result = validateFile(otherFile);
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    }

    // The failure shown in the document is what the ingest says for that mistake.
    fs.writeFileSync(file, example.replace('[{quote: Transport Minister Timur Rashidov of Uzbekistan}]', '[{quote: Timur Rashidof}]'));
    const invalid = validateFile(file);
    expect(invalid.ok).toBe(false);
    const shown = invalid.ok ? '' : formatProblem(invalid.problems[0]).replace(file, 'corpus/tashkent.yaml');
    expect(doc).toContain(shown);
  });
});
