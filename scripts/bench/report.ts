/** Prints benchmark figures as an aligned table, and as one `BENCH_JSON ` line for CI logs to grep. */

export interface Row {
  label: string;
  value: string;
  note?: string;
}

export interface Section {
  title: string;
  rows: Row[];
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}x`;
export const mb = (value: number): string => `${value.toFixed(1)} MB`;

export function formatTable(sections: readonly Section[]): string {
  const rows = sections.flatMap((s) => s.rows);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const out: string[] = [];
  for (const section of sections) {
    out.push('', section.title, '-'.repeat(section.title.length));
    for (const row of section.rows) {
      // Values are right-aligned so the units line up and numbers compare at a glance.
      const line = `  ${row.label.padEnd(labelWidth)}  ${row.value.padStart(valueWidth)}${row.note ? `  ${row.note}` : ''}`;
      out.push(line);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Rounds every number to 0.01 so the JSON line stays short and diff-friendly. */
export function benchJsonLine(figures: Record<string, unknown>): string {
  return `BENCH_JSON ${JSON.stringify(figures, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value))}\n`;
}
