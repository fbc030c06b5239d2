/** What every view of the Explorer shares: the schema's fields, the queries, the colours, navigation, evidence. */
import type { Queries, Selections } from './queries';
import type { ExplorerSettings, Schema } from './settings';
import type { FactRef } from './model';

export interface Context {
  schema: Schema;
  q: Queries;
  s: Selections;
  colours: ExplorerSettings['colours'];
  /** Goes to an Explorer URL (pushes it on the history). */
  navigate(url: string): void;
  /** Opens the evidence of facts: their sources' text with the passages highlighted. */
  openEvidence(facts: FactRef[], about: string, trigger?: HTMLElement): void;
  /** Marks a point of the page's life for tests and benchmarks (performance marks, data-state). */
  signal(name: 'page-rendered' | 'network-rendered' | 'timeline-rendered' | 'path-rendered' | 'evidence-rendered'): void;
}
