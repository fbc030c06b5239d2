/**
 * A source's text as far as the graph holds it: the passages its facts cite, laid at their offsets (Unicode code
 * points). Text no passage covers is not in the graph: it shows as a gap, never as made-up words.
 */
export interface PassageSpan {
  start: number;
  end: number;
  quote: string;
}

export type Segment = { gap: true } | { gap: false; text: string; start: number; highlighted: boolean };

export function sourceSegments(passages: PassageSpan[], highlights: Array<[number, number]>): Segment[] {
  const chars: Array<string | undefined> = [];
  for (const passage of passages) {
    Array.from(passage.quote).forEach((char, i) => (chars[passage.start + i] = char));
  }
  const highlighted = (position: number) => highlights.some(([start, end]) => position >= start && position < end);
  const segments: Segment[] = [];
  let current: Extract<Segment, { gap: false }> | undefined;
  for (let position = 0; position < chars.length; position++) {
    const char = chars[position];
    if (char === undefined) {
      current = undefined;
      if (segments.length === 0 || !segments[segments.length - 1].gap) segments.push({ gap: true });
      continue;
    }
    const mark = highlighted(position);
    if (!current || current.highlighted !== mark) {
      current = { gap: false, text: '', start: position, highlighted: mark };
      segments.push(current);
    }
    current.text += char;
  }
  return segments;
}

/** "1098-1319,1276-1318" <-> [[1098, 1319], [1276, 1318]]: highlights in a source page's URL. */
export function parseHighlights(text: string | null): Array<[number, number]> {
  return (text ?? '')
    .split(',')
    .map((range) => /^(\d+)-(\d+)$/.exec(range.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [Number(match[1]), Number(match[2])] as [number, number])
    .filter(([start, end]) => end > start);
}

export const formatHighlights = (ranges: Array<[number, number]>): string => ranges.map(([start, end]) => `${start}-${end}`).join(',');
