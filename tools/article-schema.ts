/** `npm run schema:article`: writes schema/article.schema.json from the format's zod schema (src/ingest/format.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { articleSchemaFile, renderArticleJsonSchema } from '../src/ingest/format';

fs.mkdirSync(path.dirname(articleSchemaFile), { recursive: true });
fs.writeFileSync(articleSchemaFile, renderArticleJsonSchema());
process.stdout.write(`Wrote ${path.relative(PROJECT_ROOT, articleSchemaFile)}\n`);
