/**
 * POST /extract over real HTTP, with a real Stanford CoreNLP: refused without a token key configured, without a
 * token and with a reader's token; bad input refused with a clear message before CoreNLP is started; the managed
 * CoreNLP started at the first text, an invented report drafted (the draft the ingest accepts, every quote the text
 * at its offsets), and stopped with the API. Then, through a proxy that freezes CoreNLP: one text at a time, a full
 * queue answered 503 with Retry-After, GraphQL served meanwhile, and a failed engine reported and recovered from.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { mintToken } from '../src/auth/mint';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { MAX_WAITING } from '../src/extract/service';
import { validateData } from '../src/ingest/validate';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { seededGraph } from './support/graph';
import { corenlpChildren, eventually } from './support/processes';
import { testConfig } from './support/test-neo4j';

const SLOW_MS = 900_000;
const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const REPORT = fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'review', 'oslo-fisheries.txt'), 'utf8');

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

async function postExtract(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/extract`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: JSON.parse(await response.text()) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const refusal = (answer: Answer) => ({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, message: answer.body.errors?.[0]?.message });

describe('POST /extract', () => {
  const config = testConfig({ AUTH_JWT_SECRET: SECRET });
  const servers = corenlpChildren;
  let driver: Driver;
  let api: TestApi;
  let curator: Record<string, string>;

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
    curator = bearer(await mintToken(config.auth, { subject: 'carol@desk', roles: ['curator'], expiresIn: '30m' }));
  });
  afterAll(async () => {
    await api?.close();
    // Whatever happened, no CoreNLP of this suite outlives it.
    for (const pid of servers()) process.kill(pid, 'SIGKILL');
    await driver?.close();
  }, SLOW_MS);

  it('is refused when no token key is configured, without a token, and with a reader token', async () => {
    const closed = await startTestApi(driver, testConfig());
    try {
      expect(refusal(await postExtract(closed.url, { text: REPORT }))).toEqual({
        status: 403,
        code: 'FORBIDDEN',
        message: expect.stringMatching(/^Writing over HTTP is off \(POST \/articles, and drafting with POST \/extract\): no token can be verified\. Set AUTH_JWT_SECRET/),
      });
    } finally {
      await closed.close();
    }
    const anonymous = await postExtract(api.url, { text: REPORT });
    expect(refusal(anonymous)).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: 'A bearer token is required (Authorization: Bearer <token>).' });
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="diplomatic-graph"');
    const reader = bearer(await mintToken(config.auth, { subject: 'rita@desk', roles: ['reader'], expiresIn: '10m' }));
    expect(refusal(await postExtract(api.url, { text: REPORT }, reader))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message: 'This needs the role curator; the token of rita@desk has reader (claim roles).',
    });
    const get = await fetch(`${api.url}/extract`, { headers: curator });
    expect({ status: get.status, allow: get.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
  });

  it('refuses bad input with what is wrong, before any CoreNLP is started', async () => {
    const cases: Array<[unknown, number, string, RegExp]> = [
      [{ text: '\n  \n' }, 400, 'INVALID_TEXT', /^POST \/extract: the text is empty\.$/],
      [{ text: `Pakistan and Belarus signed\u0000 an agreement on trade.` }, 400, 'INVALID_TEXT', /^POST \/extract: this is a binary file, not a text \(it contains NUL bytes\)\.$/],
      [{ text: 'Пакистан и Беларусь подписали соглашение о торговле в Минске в пятницу.' }, 400, 'INVALID_TEXT', /does not look like English/],
      [{ text: 'Signed.' }, 400, 'INVALID_TEXT', /the text has only 1 words/],
      [{ text: `${REPORT}\n`.repeat(Math.ceil((1024 * 1024) / REPORT.length) + 1) }, 413, 'PAYLOAD_TOO_LARGE', /^POST \/extract: the text is 1\.\d MB; the limit is 1 MB\./],
      [{ text: REPORT, published: 'June' }, 400, 'BAD_REQUEST', /^published must be a date as precise as known \(2025-04-11, 2025-04 or 2025\): got 'June'$/],
      [{ text: REPORT, url: 'ftp://example.org/x' }, 400, 'BAD_REQUEST', /^url must be an http\(s\) URL/],
      [{ text: REPORT, title: 'x' }, 400, 'BAD_REQUEST', /^Unknown field\(s\) title: the fields are text, published, source, url\.$/],
      [{ published: '2025-06-03' }, 400, 'BAD_REQUEST', /^text is missing/],
      ['{"text": ', 400, 'BAD_REQUEST', /^The body is not valid JSON/],
    ];
    for (const [body, status, code, message] of cases) {
      const answer = refusal(await postExtract(api.url, body, curator));
      expect(answer).toEqual({ status, code, message: expect.stringMatching(message) });
    }
    const plain = await fetch(`${api.url}/extract`, { method: 'POST', headers: { ...curator, 'content-type': 'text/plain' }, body: REPORT });
    expect(plain.status).toBe(415);
    expect(servers()).toEqual([]);
  });

  it('starts CoreNLP at the first text and drafts it: a valid article, every quote the text at its offsets', async () => {
    const answer = await postExtract(api.url, { text: REPORT, published: '2025-06-03', source: 'Invented Wire' }, curator);
    expect(answer.status).toBe(200);
    expect(servers()).toHaveLength(1);
    expect(api.errors.join('\n')).toMatch(/CoreNLP is up on http:\/\/127\.0\.0\.1:\d+/);
    const { draft, problems, furniture, corenlp } = answer.body;
    expect({ problems, corenlp }).toEqual({ problems: [], corenlp: '4.5.10' });
    expect(draft.source).toEqual({
      id: expect.stringMatching(/^text-[0-9a-f]+$/),
      name: 'Norway and Chile sign fisheries agreement in Oslo',
      publisher: 'Invented Wire',
      publishedOn: '2025-06-03',
      dateline: 'OSLO',
      text: REPORT,
    });
    expect(validateData('draft', draft).ok).toBe(true);
    const chars = Array.from(REPORT);
    for (const span of Object.values(draft.spans) as Array<{ start: number; end: number; quote: string }>) expect(chars.slice(span.start, span.end).join('')).toBe(span.quote);
    // The headline is furniture: never cited.
    expect(furniture).toEqual([[0, 49]]);
    expect(draft.people.map((p: { name: string }) => p.name).sort()).toEqual(['Ingrid Solheim Bakke', 'Tomás Rivas Ojeda']);
    expect(draft.agreements.map((a: { title: string }) => a.title)).toEqual(['Agreement on cooperation in fisheries and aquaculture', 'Memorandum of understanding on maritime research']);
    // The same text again: the same draft (and the same source id, so loading it twice changes nothing).
    const again = await postExtract(api.url, { text: REPORT, published: '2025-06-03', source: 'Invented Wire' }, curator);
    expect(again.body.draft).toEqual(draft);
    expect(servers()).toHaveLength(1);
  }, SLOW_MS);

  describe('through a CoreNLP that freezes', () => {
    let proxy: FaultProxy;
    let frozen: TestApi;

    beforeAll(async () => {
      const port = Number(/CoreNLP is up on http:\/\/127\.0\.0\.1:(\d+)/.exec(api.errors.join('\n'))![1]);
      proxy = await startFaultProxy(port);
      frozen = await startTestApi(driver, testConfig({ AUTH_JWT_SECRET: SECRET, CORENLP_URL: `http://127.0.0.1:${proxy.port}` }));
    });
    afterAll(async () => {
      await frozen?.close();
      await proxy?.close();
    });

    it('reads one text at a time: a full queue is 503 with Retry-After, GraphQL answers meanwhile, a failed engine is reported and the next text drafted', async () => {
      expect((await postExtract(frozen.url, { text: REPORT }, curator)).status).toBe(200);
      proxy.setMode('hung');
      const queued = Array.from({ length: MAX_WAITING + 1 }, () => postExtract(frozen.url, { text: REPORT }, curator));
      expect(await eventually(() => frozen.api.extraction.pending === MAX_WAITING + 1, 30_000)).toBe(true);
      const busy = await postExtract(frozen.url, { text: REPORT }, curator);
      expect(refusal(busy)).toEqual({ status: 503, code: 'EXTRACTOR_BUSY', message: expect.stringMatching(/^The extractor is busy with 3 texts \(one at a time\): try again in about \d+ s\.$/) });
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      const graphql = await postGraphQL(frozen.url, { query: '{ people(where: { name: { eq: "Viktor Khrenin" } }) { name } }' });
      expect(graphql.body).toEqual({ data: { people: [{ name: 'Viktor Khrenin' }] }, extensions: expect.anything() });
      proxy.setMode('down');
      for (const answer of await Promise.all(queued)) {
        expect(refusal(answer)).toEqual({ status: 503, code: 'EXTRACTOR_UNAVAILABLE', message: expect.stringMatching(/^The NLP engine failed: Cannot reach CoreNLP at http:\/\/127\.0\.0\.1:\d+/) });
      }
      expect(frozen.api.extraction.pending).toBe(0);
      proxy.setMode('up');
      expect((await postExtract(frozen.url, { text: REPORT }, curator)).status).toBe(200);
    }, SLOW_MS);
  });

  it('stops the managed CoreNLP with the API', async () => {
    await api.close();
    expect(await eventually(() => servers().length === 0, 30_000)).toBe(true);
    api = undefined as unknown as TestApi;
  }, SLOW_MS);
});
