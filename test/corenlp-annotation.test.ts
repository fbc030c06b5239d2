/**
 * The typed annotation and the client's own checks, without a server: CoreNLP's JSON (hand-written here in the
 * server's shape, for an invented text) becomes tokens, mentions, dependencies and chains with code-point offsets.
 */
import { toAnnotation, utf16ToCodePoints, type RawDocument } from '../src/corenlp/annotation';
import { createCoreNLPClient } from '../src/corenlp/client';
import { freePort } from '../src/java/ports';

// Java offsets (UTF-16): “=0-1 Lea=1-4 Tamm=5-9 🤝=10-12 met=13-16 Ivo=17-20 .=20-21 ”=21-22 She=23-26 left=27-31 .=31-32
const TEXT = '“Lea Tamm 🤝 met Ivo.” She left.';

function token(index: number, word: string, begin: number, end: number, ner = 'O') {
  return { index, word, originalText: word, characterOffsetBegin: begin, characterOffsetEnd: end, before: ' ', after: ' ', lemma: word.toLowerCase(), pos: 'NN', ner };
}

function document(): RawDocument {
  return {
    sentences: [
      {
        index: 0,
        tokens: [
          token(1, '“', 0, 1),
          token(2, 'Lea', 1, 4, 'PERSON'),
          token(3, 'Tamm', 5, 9, 'PERSON'),
          token(4, '🤝', 10, 12),
          token(5, 'met', 13, 16),
          token(6, 'Ivo', 17, 20, 'PERSON'),
          token(7, '.', 20, 21),
          token(8, '”', 21, 22),
        ],
        basicDependencies: [
          { dep: 'ROOT', governor: 0, dependent: 5 },
          { dep: 'nsubj', governor: 5, dependent: 3 },
          { dep: 'obj', governor: 5, dependent: 6 },
        ],
        enhancedPlusPlusDependencies: [{ dep: 'ROOT', governor: 0, dependent: 5 }],
        entitymentions: [
          { docTokenBegin: 1, docTokenEnd: 3, text: 'Lea Tamm', characterOffsetBegin: 1, characterOffsetEnd: 9, ner: 'PERSON', nerConfidences: { PERSON: 0.99 } },
          { docTokenBegin: 5, docTokenEnd: 6, text: 'Ivo', characterOffsetBegin: 17, characterOffsetEnd: 20, ner: 'PERSON' },
        ],
      },
      {
        index: 1,
        tokens: [token(1, 'She', 23, 26), token(2, 'left', 27, 31), token(3, '.', 31, 32)],
        basicDependencies: [
          { dep: 'ROOT', governor: 0, dependent: 2 },
          { dep: 'nsubj', governor: 2, dependent: 1 },
        ],
        entitymentions: [],
      },
    ],
    corefs: {
      '4': [
        // CoreNLP lists the representative mention anywhere in the chain; the client puts mentions in text order.
        { text: 'She', type: 'PRONOMINAL', number: 'SINGULAR', gender: 'FEMALE', animacy: 'ANIMATE', startIndex: 1, endIndex: 2, headIndex: 1, sentNum: 2, isRepresentativeMention: false },
        { text: 'Lea Tamm', type: 'PROPER', number: 'SINGULAR', gender: 'FEMALE', animacy: 'ANIMATE', startIndex: 2, endIndex: 4, headIndex: 3, sentNum: 1, isRepresentativeMention: true },
      ],
    },
  };
}

const codePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('utf16ToCodePoints', () => {
  const toPoints = utf16ToCodePoints('a🤝b');

  it('counts a character outside the BMP once', () => {
    expect([0, 1, 3, 4].map(toPoints)).toEqual([0, 1, 2, 3]);
  });

  it('refuses an offset inside a surrogate pair or past the end', () => {
    expect(() => toPoints(2)).toThrow('offset 2 is not a character boundary of the text (4 UTF-16 units)');
    expect(() => toPoints(5)).toThrow('offset 5 is not a character boundary');
  });
});

describe('toAnnotation', () => {
  const annotation = toAnnotation(TEXT, ['tokenize', 'ssplit', 'pos', 'lemma', 'ner', 'depparse', 'coref'], document());

  it('numbers tokens across the document, with code-point offsets that cite the text exactly', () => {
    expect(annotation.tokens.map((t) => [t.index, t.sentence, t.originalText, t.start, t.end])).toEqual([
      [0, 0, '“', 0, 1],
      [1, 0, 'Lea', 1, 4],
      [2, 0, 'Tamm', 5, 9],
      [3, 0, '🤝', 10, 11],
      [4, 0, 'met', 12, 15],
      [5, 0, 'Ivo', 16, 19],
      [6, 0, '.', 19, 20],
      [7, 0, '”', 20, 21],
      [8, 1, 'She', 22, 25],
      [9, 1, 'left', 26, 30],
      [10, 1, '.', 30, 31],
    ]);
    for (const t of annotation.tokens) expect(codePoints(TEXT, t.start, t.end)).toBe(t.originalText);
  });

  it('gives sentences their span and token range, and dependencies by document token', () => {
    expect(annotation.sentences).toEqual([
      {
        index: 0,
        start: 0,
        end: 21,
        tokenStart: 0,
        tokenEnd: 8,
        dependencies: [
          { relation: 'ROOT', governor: null, dependent: 4 },
          { relation: 'nsubj', governor: 4, dependent: 2 },
          { relation: 'obj', governor: 4, dependent: 5 },
        ],
        enhancedDependencies: [{ relation: 'ROOT', governor: null, dependent: 4 }],
      },
      {
        index: 1,
        start: 22,
        end: 31,
        tokenStart: 8,
        tokenEnd: 11,
        dependencies: [
          { relation: 'ROOT', governor: null, dependent: 9 },
          { relation: 'nsubj', governor: 9, dependent: 8 },
        ],
        enhancedDependencies: [],
      },
    ]);
  });

  it('gives entity mentions with their class, confidence and code-point span', () => {
    expect(annotation.mentions).toEqual([
      { text: 'Lea Tamm', ner: 'PERSON', start: 1, end: 9, sentence: 0, tokenStart: 1, tokenEnd: 3, confidence: 0.99 },
      { text: 'Ivo', ner: 'PERSON', start: 16, end: 19, sentence: 0, tokenStart: 5, tokenEnd: 6 },
    ]);
    for (const m of annotation.mentions) expect(codePoints(TEXT, m.start, m.end)).toBe(m.text);
  });

  it('gives coreference chains in text order, with their representative mention', () => {
    expect(annotation.corefChains).toEqual([
      {
        id: 4,
        representative: 0,
        mentions: [
          { text: 'Lea Tamm', sentence: 0, tokenStart: 1, tokenEnd: 3, head: 2, start: 1, end: 9, type: 'PROPER', number: 'SINGULAR', gender: 'FEMALE', animacy: 'ANIMATE' },
          { text: 'She', sentence: 1, tokenStart: 8, tokenEnd: 9, head: 8, start: 22, end: 25, type: 'PRONOMINAL', number: 'SINGULAR', gender: 'FEMALE', animacy: 'ANIMATE' },
        ],
      },
    ]);
  });

  it('refuses offsets that do not cite the text sent', () => {
    expect(() => toAnnotation(TEXT.replace('Lea', 'Ana'), [], document())).toThrow(
      'token 1 "Lea" is not the text at its offsets 1-4 ("Ana"): the server did not annotate the text that was sent',
    );
  });

  it('refuses a dependency on a token the sentence does not have', () => {
    const broken = document();
    broken.sentences[1].basicDependencies!.push({ dep: 'obj', governor: 2, dependent: 9 });
    expect(() => toAnnotation(TEXT, [], broken)).toThrow('sentence 1: a dependency names token 9 of 3');
  });

  it('refuses JSON of another shape, saying where', () => {
    const broken = document() as unknown as { sentences: Array<{ tokens: Array<{ word: unknown }> }> };
    broken.sentences[0].tokens[0].word = 7;
    expect(() => toAnnotation(TEXT, [], broken)).toThrow(/^unexpected JSON at sentences\.0\.tokens\.0\.word: /);
  });
});

describe('the CoreNLP client, before any request', () => {
  let client: ReturnType<typeof createCoreNLPClient>;
  let closedPort: number;

  beforeAll(async () => {
    closedPort = await freePort();
    client = createCoreNLPClient({ url: `http://127.0.0.1:${closedPort}/`, requestTimeoutMs: 5_000, maxChars: 10 });
  });

  it('refuses a text over the limit, in characters (code points)', async () => {
    // Ten emoji are 20 UTF-16 units but ten characters: within the limit, so sent (and no server answers).
    await expect(client.annotate('🤝'.repeat(10))).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(client.annotate('🤝'.repeat(11))).rejects.toMatchObject({
      kind: 'too-long',
      message: 'The text has 11 characters, over the limit of 10 for one CoreNLP request (CORENLP_MAX_CHARS): split it, by paragraphs for instance, or raise the limit.',
    });
  });

  it('refuses binary text and a malformed document date', async () => {
    await expect(client.annotate('a\u0000b')).rejects.toMatchObject({ kind: 'bad-input', message: 'The text contains a NUL character: it looks binary, not text.' });
    await expect(client.annotate('text', { date: '11/04/2025' })).rejects.toMatchObject({
      kind: 'bad-input',
      message: "The document date must be YYYY-MM-DD, got '11/04/2025'.",
    });
  });

  it('says when no server answers', async () => {
    expect(client.url).toBe(`http://127.0.0.1:${closedPort}`);
    await expect(client.version()).rejects.toMatchObject({
      kind: 'unreachable',
      message: `Cannot reach CoreNLP at http://127.0.0.1:${closedPort}: ECONNREFUSED. Check CORENLP_URL, or unset it to let the project run its own server.`,
    });
  });
});
