/**
 * The dbHits budget of the contract queries (bench/dbhits-budget.json), checked by test/query-budget.test.ts. The
 * check is always against the budget as committed; recording new figures never makes that run pass:
 * - `UPDATE_DBHITS_BUDGET=lower` writes the measured figures (plus a margin) where they are below the committed
 *   budget, and adds queries that have none; it never raises one, so it cannot hide a regression;
 * - `UPDATE_DBHITS_BUDGET=raise` also raises budgets, for a deliberate change; the run still fails against the
 *   committed budget, so the raise shows as a failed run and a reviewed diff of the budget file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import type { QueryHits } from './profile';

export const BUDGET_FILE = path.join(PROJECT_ROOT, 'bench', 'dbhits-budget.json');

export type Budget = Record<string, { graphql: number; cypher: number }>;
export type BudgetMode = 'check' | 'lower' | 'raise';

export function budgetMode(value: string | undefined): BudgetMode {
  if (value === undefined || value === '') return 'check';
  if (value === 'lower' || value === 'raise') return value;
  throw new Error(`UPDATE_DBHITS_BUDGET must be 'lower' or 'raise', got '${value}'.`);
}

export function readBudget(file = BUDGET_FILE): Budget {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Budget;
}

/** The measured figure with its margin: 25% plus 10 hits, for the small differences between runs and plans. */
const withMargin = (hits: number) => Math.ceil(hits * 1.25) + 10;

/** The budget to record after a run in `mode` ('check' records nothing and returns the committed budget). */
export function updatedBudget(committed: Budget, measured: QueryHits[], mode: BudgetMode): Budget {
  if (mode === 'check') return committed;
  const next: Budget = {};
  for (const hit of measured) {
    const before = committed[hit.name];
    const proposed = { graphql: withMargin(hit.graphql), cypher: withMargin(hit.cypher) };
    next[hit.name] =
      !before || mode === 'raise'
        ? proposed
        : { graphql: Math.min(before.graphql, proposed.graphql), cypher: Math.min(before.cypher, proposed.cypher) };
  }
  return next;
}

/** The queries whose measured hits are above the committed budget (or that have none). */
export function overBudget(committed: Budget, measured: QueryHits[]): Array<QueryHits & { budget: Budget[string] | null }> {
  return measured
    .filter((hit) => !committed[hit.name] || hit.graphql > committed[hit.name].graphql || hit.cypher > committed[hit.name].cypher)
    .map((hit) => ({ ...hit, budget: committed[hit.name] ?? null }));
}

export function writeBudget(budget: Budget, file = BUDGET_FILE): void {
  fs.writeFileSync(file, `${JSON.stringify(budget, null, 2)}\n`);
}
