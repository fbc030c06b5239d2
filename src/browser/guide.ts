/**
 * The Neo4j Browser guide (`:play http://localhost:4000/browser/guide.html`): one slide per ready question of
 * cypher/questions/, each query runnable with a click.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const QUESTIONS_DIR = path.join(PROJECT_ROOT, 'cypher', 'questions');

export interface Question {
  name: string;
  title: string;
  cypher: string;
}

export function loadQuestions(): Question[] {
  return fs
    .readdirSync(QUESTIONS_DIR)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(QUESTIONS_DIR, file), 'utf8');
      const title = /^\/\/\s*(.*)$/m.exec(text)?.[1] ?? file;
      const cypher = text
        .split('\n')
        .filter((line) => !line.startsWith('//'))
        .join('\n')
        .trim();
      return { name: path.basename(file, '.cypher'), title, cypher };
    });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function guideHtml(): string {
  const slides = loadQuestions().map(
    (question) => `
  <slide class="row-fluid">
    <div class="col-sm-12">
      <h3>${escapeHtml(question.title)}</h3>
      <p>Click the query to put it in the editor, or its play icon to run it.</p>
      <pre class="pre-scrollable code runnable">${escapeHtml(question.cypher)}</pre>
    </div>
  </slide>`,
  );
  return `<title>Diplomatic graph</title>
<article class="guide">
<carousel class="deck container-fluid">
  <slide class="row-fluid">
    <div class="col-sm-12">
      <h3>The diplomatic graph</h3>
      <p>People, government bodies, countries and agreements of diplomatic news, and the events where agreements are
      signed and exchanged. Every fact cites the passages of the source that state it (EVIDENCED_BY a Passage, in a
      Source). The next slides hold ready questions.</p>
      <p>Connecting again later: the user is <code>neo4j</code>, and the managed server's password is generated for its
      data folder. <code>npm run db:password</code>, in the project folder, prints it (unless you set
      <code>NEO4J_PASSWORD</code>).</p>
      <pre class="pre-scrollable code runnable">MATCH picture = (:Fact)-[relationship]->(:Fact) RETURN picture</pre>
    </div>
  </slide>${slides.join('')}
</carousel>
</article>
`;
}
