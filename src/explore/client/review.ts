/**
 * Draft review (/explore/review): paste or upload a report, draft it with POST /extract (a curator's token), see
 * every cited passage highlighted in the text and every fact as a sentence with its confidence; untick wrong facts
 * (review-model.ts says what goes with them), then download the reviewed article as YAML or load it with POST
 * /articles. The token stays in this tab (sessionStorage), never in localStorage. A chunk of its own: the YAML
 * writer is loaded by this page only.
 */
import { stringify } from 'yaml';
import { clear, h } from './dom';
import { entityHref } from './model';
import {
  COLLECTION_HEADINGS,
  REVIEW_ORDER,
  reviewedArticle,
  reviewFacts,
  textSegments,
  tick,
  untick,
  type Draft,
  type ReviewFact,
} from './review-model';

const TOKEN_KEY = 'diplomatic-graph.curator-token';

interface Extracted {
  draft: Draft;
  problems: Array<{ path: string; reason: string }>;
  furniture: Array<[number, number]>;
  corenlp: string;
}

interface ErrorBody {
  errors?: Array<{ message: string }>;
  problems?: Array<{ path: string; reason: string }>;
}

/** The first error message of a JSON error answer, or what the status says. */
async function answerOf<T>(response: Response): Promise<{ ok: boolean; status: number; body: T & ErrorBody; message: string }> {
  let body = {} as T & ErrorBody;
  try {
    body = (await response.json()) as T & ErrorBody;
  } catch {
    // not JSON: the status speaks
  }
  return { ok: response.ok, status: response.status, body, message: body.errors?.map((e) => e.message).join(' ') || `The server answered ${response.status}.` };
}

const tokenHint = (status: number) =>
  status === 401 || status === 403 ? ' A curator token is minted with: npm run token -- <you> --role curator (the API needs AUTH_JWT_SECRET).' : '';

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  const id = input.id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

export function reviewView(): { element: HTMLElement; rendered: Promise<void> } {
  const text = h('textarea', { id: 'review-text', rows: 12, spellcheck: 'false', required: true, 'aria-describedby': 'review-text-hint' });
  const file = h('input', { id: 'review-file', type: 'file', accept: '.txt,text/plain' });
  const published = h('input', { id: 'review-published', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', autocomplete: 'off' });
  const source = h('input', { id: 'review-source', type: 'text', autocomplete: 'off' });
  const url = h('input', { id: 'review-url', type: 'url', placeholder: 'https://...', autocomplete: 'off' });
  const token = h('input', { id: 'review-token', type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'review-token-hint' });
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  token.addEventListener('input', () => {
    if (token.value) sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
  });
  const draftButton = h('button', { type: 'submit', class: 'primary' }, 'Draft the article');
  const formStatus = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'review-results' });

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > 1024 * 1024) {
      formStatus.textContent = `${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MB: the limit is 1 MB. Split the report.`;
      return;
    }
    text.value = await chosen.text();
    formStatus.textContent = `${chosen.name} read (${text.value.length} characters).`;
  });

  const form = h(
    'form',
    { class: 'review-form', novalidate: true },
    field('Report text', text, 'Plain text. A header at the top (--- published: 2025-04-11, source: NAME, url: URL ---) also gives the fields below.'),
    field('Or upload a .txt file', file),
    h(
      'fieldset',
      { class: 'review-about' },
      h('legend', null, 'About the report (optional)'),
      field('Published (YYYY-MM-DD)', published),
      field('Source name', source),
      field('URL', url),
    ),
    field('Curator token', token, 'Drafting and loading need a token with the role curator. It is kept in this tab only (sessionStorage) and forgotten when the tab closes.'),
    h('div', { class: 'actions' }, draftButton),
    formStatus,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (text.value.trim() === '') {
      formStatus.textContent = 'Paste a report, or upload a .txt file, first.';
      text.focus();
      return;
    }
    if (!published.checkValidity()) {
      formStatus.textContent = 'Published must be a date as precise as known: 2025-04-11, 2025-04 or 2025.';
      published.focus();
      return;
    }
    draftButton.disabled = true;
    clear(results);
    formStatus.textContent = 'Drafting... The first draft starts the NLP engine, which takes up to a minute or two.';
    try {
      const response = await fetch('/extract', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token.value.trim() ? { authorization: `Bearer ${token.value.trim()}` } : {}) },
        body: JSON.stringify({ text: text.value, published: published.value, source: source.value, url: url.value }),
      });
      const answer = await answerOf<Extracted>(response);
      if (!answer.ok) {
        const retry = response.headers.get('retry-after');
        formStatus.textContent = `No draft: ${answer.message}${tokenHint(answer.status)}${retry && !answer.message.includes('try again') ? ` Try again in ${retry} s.` : ''}`;
        return;
      }
      results.append(reviewPanel(answer.body, () => token.value.trim()));
      formStatus.textContent = `Drafted: ${reviewFacts(answer.body.draft).length} facts. Review them below.`;
      results.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      formStatus.textContent = `No draft: the server could not be reached (${(error as Error).message}).`;
    } finally {
      draftButton.disabled = false;
    }
  });

  const element = h(
    'article',
    { class: 'entity review' },
    h('h1', { tabindex: -1 }, 'Review a draft'),
    h(
      'p',
      { class: 'lead' },
      'Paste a news report: the extractor drafts the article, every fact citing its words. Untick the facts that are wrong, then download the article or load it into the graph. Nothing is written until you load it.',
    ),
    form,
    results,
  );
  return { element, rendered: Promise.resolve() };
}

/** The drafted text highlighted, the facts with their checkboxes, and the two ways out. */
function reviewPanel(extracted: Extracted, token: () => string): HTMLElement {
  const { draft } = extracted;
  const facts = reviewFacts(draft);
  const byKey = new Map(facts.map((fact) => [fact.key, fact]));
  let kept = new Set(facts.map((fact) => fact.key));
  let current: string | undefined;

  // Scrolls on its own: focusable, so that it scrolls with the keyboard too.
  const textPane = h('div', { class: 'source-text review-text', tabindex: 0, role: 'region', 'aria-label': 'The report, cited words highlighted' });
  const changeStatus = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const count = h('p', { class: 'review-count' });
  const rows = new Map<string, { row: HTMLElement; box: HTMLInputElement; sentence: HTMLElement }>();
  const loadResult = h('div', { class: 'load-result', role: 'status', 'aria-live': 'polite' });

  const reviewed = () => reviewedArticle(draft, facts, kept);

  const showText = () => {
    const article = reviewed();
    // Kept facts cite what the reviewed article keeps of them; unticked ones what the draft gave them.
    const citing = [...reviewFacts(article), ...facts.filter((fact) => !kept.has(fact.key))];
    clear(textPane);
    for (const segment of textSegments(draft.source.text, draft.spans, citing, kept, extracted.furniture)) {
      if (segment.kept.length) {
        const classes = [segment.kept.length > 1 ? 'many' : '', current && segment.kept.includes(current) ? 'current' : ''].filter(Boolean).join(' ');
        const mark = h('mark', { 'data-facts': segment.kept.join(' '), 'data-start': segment.start, class: classes || null }, segment.text);
        mark.addEventListener('click', () => selectFromText(segment.kept));
        textPane.append(mark);
      } else if (segment.unticked.length) textPane.append(h('span', { class: 'unticked-cite', 'data-start': segment.start }, segment.text));
      else if (segment.furniture) textPane.append(h('span', { class: 'furniture' }, segment.text));
      else textPane.append(segment.text);
    }
  };

  const refresh = () => {
    const sentences = new Map(reviewFacts(reviewed()).map((fact) => [fact.key, fact.sentence]));
    for (const [key, { row, box, sentence }] of rows) {
      box.checked = kept.has(key);
      row.classList.toggle('unticked', !kept.has(key));
      sentence.textContent = sentences.get(key) ?? byKey.get(key)!.sentence;
    }
    count.textContent = `${kept.size} of ${facts.length} facts kept.`;
    showText();
  };

  const labels = (keys: string[]) => keys.map((key) => byKey.get(key)?.label ?? key).join('; ');

  const toggle = (fact: ReviewFact, on: boolean) => {
    const change = on ? tick(facts, kept, fact.key) : untick(facts, kept, fact.key);
    kept = change.kept;
    const parts = [`${on ? 'Ticked' : 'Unticked'}: ${fact.label}.`];
    if (change.also.length) parts.push(`${on ? 'Ticked with it, as it cannot be stated without them' : 'Unticked with it, as they cannot be stated without it'}: ${labels(change.also)}.`);
    if (change.mentioning.length) parts.push(`${on ? 'Mentioned again by' : 'No longer mentioned by'}: ${labels(change.mentioning)}.`);
    changeStatus.textContent = parts.join(' ');
    refresh();
  };

  const show = (fact: ReviewFact) => {
    current = fact.key;
    for (const { row } of rows.values()) row.classList.remove('current');
    rows.get(fact.key)?.row.classList.add('current');
    showText();
    const marks = Array.from(textPane.querySelectorAll<HTMLElement>('mark.current'));
    const target = marks[0] ?? textPane.querySelector<HTMLElement>(`.unticked-cite[data-start="${draft.spans[fact.spans[0]]?.start}"]`);
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    changeStatus.textContent = marks.length ? `${fact.label}: ${marks.length} highlighted passage${marks.length === 1 ? '' : 's'} in the text.` : `${fact.label} is unticked: its words are underlined in the text.`;
  };

  const selectFromText = (keys: string[]) => {
    const first = byKey.get(keys[0]);
    if (!first) return;
    show(first);
    rows.get(first.key)?.row.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    rows.get(first.key)?.box.focus({ preventScroll: true });
  };

  const groups = REVIEW_ORDER.map((collection) => {
    const members = facts.filter((fact) => fact.collection === collection);
    if (members.length === 0) return null;
    return h(
      'section',
      { class: 'review-group', 'aria-labelledby': `review-${collection}` },
      h('h3', { id: `review-${collection}` }, `${COLLECTION_HEADINGS[collection]} (${members.length})`),
      h(
        'ul',
        { class: 'facts review-list' },
        members.map((fact) => {
          const id = `fact-${fact.key}`;
          const box = h('input', { type: 'checkbox', id, checked: true, 'aria-labelledby': `${id}-sentence` });
          const sentence = h('span', { class: 'sentence', id: `${id}-sentence` }, fact.sentence);
          const showButton = h('button', { type: 'button', class: 'cite', 'aria-label': `Show in the text: ${fact.label}` }, 'Show');
          const confidence = fact.confidence === undefined ? null : h('span', { class: `confidence${fact.confidence < 0.7 ? ' low' : ''}` }, `confidence ${fact.confidence.toFixed(2)}`);
          const row = h('li', { class: 'fact review-fact', 'data-key': fact.key }, box, h('div', { class: 'review-fact-body' }, sentence, ' ', confidence, ' ', showButton));
          box.addEventListener('change', () => toggle(fact, box.checked));
          showButton.addEventListener('click', () => show(fact));
          row.addEventListener('click', (event) => {
            if (!(event.target as Element).closest('input, button, a')) show(fact);
          });
          rows.set(fact.key, { row, box, sentence });
          return row;
        }),
      ),
    );
  });

  const yamlOf = () =>
    `# Drafted with CoreNLP ${extracted.corenlp} and reviewed in the Explorer: ${kept.size} of ${facts.length} facts kept.\n${stringify(reviewed(), { lineWidth: 0 })}`;

  const download = h('button', { type: 'button', class: 'primary' }, 'Download article');
  download.addEventListener('click', () => {
    const blob = new Blob([yamlOf()], { type: 'application/yaml' });
    const link = h('a', { href: URL.createObjectURL(blob), download: `${draft.source.id}.yaml` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });

  const load = h('button', { type: 'button' }, 'Load into graph');
  load.addEventListener('click', async () => {
    load.disabled = true;
    clear(loadResult);
    loadResult.append(h('p', null, 'Loading into the graph...'));
    try {
      const response = await fetch('/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/yaml', ...(token() ? { authorization: `Bearer ${token()}` } : {}) },
        body: yamlOf(),
      });
      const answer = await answerOf<{ source: string; summary: { articles: { new: number; corrected: number }; facts: number; merges: number } }>(response);
      clear(loadResult);
      if (answer.ok) {
        const { summary, source } = answer.body;
        const outcome = summary.articles.new ? 'loaded as a new article' : summary.articles.corrected ? 'loaded as a correction of the article' : 'already in the graph, unchanged';
        loadResult.append(
          h('p', { class: 'success' }, `${source}: ${outcome}, ${summary.facts} facts, ${summary.merges} merge${summary.merges === 1 ? '' : 's'} with what the graph knew. `, h('a', { href: entityHref('Source', source) }, 'Open the source')),
        );
      } else {
        loadResult.append(h('p', { class: 'error' }, `Not loaded: ${answer.message}${tokenHint(answer.status)}`));
        if (answer.body.problems?.length) loadResult.append(h('ul', { class: 'problems' }, answer.body.problems.map((p) => h('li', null, h('code', null, p.path), `: ${p.reason}`))));
      }
    } catch (error) {
      clear(loadResult);
      loadResult.append(h('p', { class: 'error' }, `Not loaded: the server could not be reached (${(error as Error).message}).`));
    } finally {
      load.disabled = false;
    }
  });

  const meta = [draft.source.name, draft.source.publisher, draft.source.publishedOn].filter(Boolean).join(' · ');
  const panel = h(
    'section',
    { class: 'review-draft', 'aria-labelledby': 'review-draft-title' },
    h('h2', { id: 'review-draft-title', tabindex: -1 }, 'The draft'),
    h('p', { class: 'source-meta' }, meta || `Source ${draft.source.id}`, ` (id ${draft.source.id}; drafted with CoreNLP ${extracted.corenlp})`),
    extracted.problems.length
      ? h('div', { class: 'error', role: 'alert' }, 'The ingest refuses this draft (an extractor bug, please report it):', h('ul', null, extracted.problems.map((p) => h('li', null, `${p.path}: ${p.reason}`))))
      : null,
    h(
      'div',
      { class: 'review-layout' },
      h('section', { class: 'review-text-pane', 'aria-labelledby': 'review-text-title' }, h('h3', { id: 'review-text-title' }, 'The text'), h('p', { class: 'hint' }, 'Highlighted: words the kept facts cite; underlined: words only unticked facts cite; grey: page furniture, never cited.'), textPane),
      h('section', { class: 'review-facts', 'aria-labelledby': 'review-facts-title' }, h('h3', { id: 'review-facts-title' }, 'Facts'), count, changeStatus, groups),
    ),
    h('div', { class: 'actions review-actions' }, download, load),
    loadResult,
  );
  refresh();
  return panel;
}
