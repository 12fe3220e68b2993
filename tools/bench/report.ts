// What the benchmark measured: one figure per line, each beside its reference, their ratio and
// the target it is held to, printed as a table and written to bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';

export interface Target {
  text: string;
  met: boolean;
}

export interface Figure {
  scenario: string;
  measure: string;
  value: number;
  unit: string;
  reference?: { label: string; value: number };
  target?: Target;
  note?: string;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  database: string;
  /** 1-minute load average when the run started: anything else running skews every figure. */
  loadAverage: number;
}

export interface BenchReport {
  startedAt: string;
  wallSeconds: number;
  machine: Machine;
  dataset: Record<string, number>;
  figures: Figure[];
  /** What helps explain a figure (e.g. the SQL of the N+1 check). */
  details?: Record<string, unknown>;
}

export function machine(database: string): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    database,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function ratio(figure: Figure): number | null {
  return figure.reference && figure.reference.value !== 0
    ? figure.value / figure.reference.value
    : null;
}

function number(value: number, unit: string): string {
  if (unit === 'ms' && value < 10) return `${value.toFixed(1)} ms`;
  const digits = value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`;
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['scenario', 'figure', 'value', 'reference', 'ratio', 'target'];
  const lines = figures.map((f) => {
    const r = ratio(f);
    return [
      f.scenario,
      f.measure,
      number(f.value, f.unit),
      f.reference ? `${f.reference.label}: ${number(f.reference.value, f.unit)}` : '',
      r === null ? '' : `×${r >= 10 ? r.toFixed(0) : r.toFixed(2)}`,
      f.target ? `${f.target.met ? 'met' : 'MISSED'} (${f.target.text})` : '',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        [2, 4].includes(column)
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...lines.map(format),
  ].join('\n');
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  const figures = report.figures.map((f) => ({ ...f, ratio: ratio(f) }));
  writeFileSync(path, `${JSON.stringify({ ...report, figures }, null, 2)}\n`);
}
