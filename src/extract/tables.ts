/**
 * Flattened tables of documents and their signers, as pages print them once copied to text: one cell per line under
 * a header of k lines ("No. / Title of the document / Signed for the Kazakh side / Signed for the Kyrgyz side"), or
 * one row per line with cells separated by tabs. Each row with a document and people in its side columns is an act;
 * the column header gives the side's country, a reading of the layout (TABLE_LAYOUT), never a statement of the text.
 */
import type { SigningVerb } from '../model/facts';
import { AnnotatedText, type Cited } from './document';
import { countryAt, DOCUMENT_HEADS } from './lexicon';
import { partiesOf } from './documents';
import { titlesBetween } from './people';
import type { XAct, XAgreement, XBody, XPerson, XSide, XTitle } from './reading';

interface Cell {
  start: number;
  end: number;
  text: string;
}

interface Table {
  header: Cell[];
  rows: Cell[][];
}

/** Lines of the text with their code-point offsets. */
function lines(text: AnnotatedText): Cell[] {
  const out: Cell[] = [];
  let offset = 0;
  for (const line of text.chars.join('').split('\n')) {
    const length = Array.from(line).length;
    out.push({ start: offset, end: offset + length, text: line });
    offset += length + 1;
  }
  return out;
}

const SIDE_HEADER = /\b(side|signed|signatory|signatories|signer)\b/i;

function splitTabs(line: Cell): Cell[] {
  const cells: Cell[] = [];
  let at = line.start;
  for (const part of line.text.split('\t')) {
    const length = Array.from(part).length;
    const lead = part.length - part.trimStart().length;
    cells.push({ start: at + lead, end: at + Array.from(part.trimEnd()).length, text: part.trim() });
    at += length + 1;
  }
  return cells;
}

export function findTables(text: AnnotatedText): Table[] {
  const all = lines(text);
  const tables: Table[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    // One row per line, cells separated by tabs.
    if (line.text.includes('\t') && SIDE_HEADER.test(line.text)) {
      const header = splitTabs(line);
      const rows: Cell[][] = [];
      let k = i + 1;
      for (; k < all.length && all[k].text.includes('\t'); k++) rows.push(splitTabs(all[k]));
      if (rows.length) tables.push({ header, rows });
      i = k - 1;
      continue;
    }
    // One cell per line: a header of short lines, two or more of them naming sides.
    const block: Cell[] = [];
    let k = i;
    while (k < all.length && all[k].text.trim() !== '' && all[k].text.trim().split(/\s+/).length <= 8) block.push(all[k++]);
    const headerEnd = block.findIndex((cell, index) => index > 0 && /^\d+\.?$/.test(cell.text.trim()));
    const header = headerEnd > 0 ? block.slice(0, headerEnd) : [];
    if (header.length >= 3 && header.filter((cell) => SIDE_HEADER.test(cell.text)).length >= 2) {
      const cells = all.slice(i + header.length).filter((cell) => cell.text.trim() !== '');
      const rows: Cell[][] = [];
      for (let at = 0; at + header.length <= cells.length; at += header.length) {
        const row = cells.slice(at, at + header.length);
        if (!/^\d+\.?$/.test(row[0].text.trim())) break;
        rows.push(row.map((cell) => ({ ...cell, text: cell.text.trim() })));
      }
      if (rows.length) {
        tables.push({ header: header.map((cell) => ({ ...cell, text: cell.text.trim() })), rows });
        i += header.length + rows.length * header.length - 1;
      }
    }
  }
  return tables;
}

function isDocument(cell: string): boolean {
  const first = cell.split(/\s+/).slice(0, 6).map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
  return /^\p{Lu}/u.test(cell) && first.some((word) => DOCUMENT_HEADS[word] !== undefined && word !== 'deal' && word !== 'pact');
}

function tokensIn(text: AnnotatedText, cell: Cell): number[] {
  const out: number[] = [];
  for (const token of text.tokens) if (token.start >= cell.start && token.end <= cell.end) out.push(token.index);
  return out;
}

/**
 * The acts of the tables: one per row that has a document cell and people or titled officials in side columns.
 * Documents are the report's when the row's title matches one found already, else new ones (titles as printed).
 */
export function tableActs(
  text: AnnotatedText,
  byToken: Map<number, XPerson>,
  agreements: XAgreement[],
  date: string | undefined,
  bodies: XBody[],
): { acts: XAct[]; unnamed: XTitle[] } {
  const acts: XAct[] = [];
  const unnamed: XTitle[] = [];
  // The words of the act: the side columns' verb ("Signed for"), else the report's own ("signed", "signing").
  const reportVerb = /\b(signed|signing|inked|exchanged)\b/i.exec(text.text);
  for (const table of findTables(text)) {
    const sideColumns = table.header.map((cell, index) => ({ cell, index })).filter(({ cell }) => SIDE_HEADER.test(cell.text) && !/\bdocument|title\b/i.test(cell.text));
    if (sideColumns.length < 2) continue;
    for (const [rowIndex, row] of table.rows.entries()) {
      const documentCell = row.find((cell) => isDocument(cell.text));
      if (!documentCell) continue;
      const cite = (cell: Cell): Cited => ({ start: cell.start, end: cell.end, quote: text.quote(cell.start, cell.end) });
      let agreement = agreements.find((a) => a.title === documentCell.text.replace(/\.$/, '') || a.title === documentCell.text);
      if (!agreement || agreements.filter((a) => a.title === agreement!.title).length > 1 || acts.some((act) => act.documents.includes(agreement!))) {
        const head = documentCell.text.split(/\s+/).map((w) => w.toLowerCase().replace(/[^a-z]/g, '')).find((w) => DOCUMENT_HEADS[w] !== undefined)!;
        const kind = DOCUMENT_HEADS[head];
        agreement = {
          title: documentCell.text,
          titleAsReported: true,
          kind,
          kindAsReported: kind === 'OTHER' || (kind === 'PROGRAMME' && head !== 'programme' && head !== 'program') ? documentCell.text.split(/\s+(for|on|of|between)\s+/i)[0] : undefined,
          topics: [],
          parties: (() => {
            const tokens = tokensIn(text, documentCell);
            return tokens.length ? partiesOf(text, tokens[0], tokens.at(-1)! + 1, bodies) : [];
          })(),
          signatories: [],
          signedOn: date,
          evidence: [cite(documentCell)],
          confidence: 0.75,
          from: tokensIn(text, documentCell)[0] ?? 0,
          to: (tokensIn(text, documentCell).at(-1) ?? 0) + 1,
        };
        agreements.push(agreement);
      }
      const sides: XSide[] = [];
      for (const { cell: headerCell, index } of sideColumns) {
        const cell = row[index];
        if (!cell || cell === documentCell) continue;
        const tokens = tokensIn(text, cell);
        const country = (() => {
          const words = headerCell.text.split(/\s+/);
          for (let w = 0; w < words.length; w++) {
            const match = countryAt(words, w);
            if (match) return match.entry.iso;
          }
          return undefined;
        })();
        const reading = { kind: 'TABLE_LAYOUT' as const, note: `row ${rowIndex + 1}, column "${headerCell.text}"` };
        const person = tokens.map((t) => byToken.get(t)).find(Boolean);
        const cellTitles = tokens.length ? titlesBetween(text, tokens[0], tokens.at(-1)! + 1) : [];
        if (person) for (const title of cellTitles) if (!person.titles.includes(title)) person.titles.push(title);
        if (!person && cellTitles.length === 0) continue;
        for (const title of cellTitles) {
          if (!title.country && country) {
            title.country = country;
            title.reading ??= reading;
          }
          if (!person && !unnamed.includes(title)) unnamed.push(title);
        }
        sides.push({
          person,
          titles: cellTitles,
          role: cellTitles.map((t) => t.position).join(' and ') || (person ? person.name : cell.text),
          country: cellTitles.find((t) => t.country)?.country ?? country,
          reading: country ? reading : undefined,
          evidence: cite(cell),
        });
      }
      if (sides.length === 0) continue;
      const headerVerb = sideColumns.map(({ cell }) => /\b(signed for|signed by|signed)\b/i.exec(cell.text)?.[0]).find(Boolean);
      const words = headerVerb ?? reportVerb?.[0] ?? 'signed';
      const verb: SigningVerb = /exchang/i.test(words) ? 'EXCHANGED' : 'SIGNED';
      acts.push({ verb, words, date, documents: [agreement], sides, evidence: cite(documentCell), confidence: 0.7 });
    }
  }
  return { acts, unnamed };
}
