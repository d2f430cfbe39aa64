// The shape every benchmark returns, and the Markdown writer for BENCHMARKS.md. Each benchmark
// says what it measured and how, gives its tables, and reports every target as met or not.
import os from 'node:os';
import { format } from 'prettier';

/** One benchmark's part of the report. */
export interface BenchSection {
  /** The registry id (`--only=<id>`). */
  id: string;
  title: string;
  /** What was measured, in a sentence or two. */
  what: string;
  /** How: the set-up, sizes, clock, what counts as the start and the end. */
  how: string;
  tables: { caption?: string; columns: string[]; rows: string[][] }[];
  /** Each target of the issue this benchmark answers: the goal, the measured value, met or not. */
  targets: { goal: string; actual: string; met: boolean }[];
  notes?: string[];
}

/** A benchmark: `smoke` asks for tiny sizes (a check that it still runs, not a measurement). */
export type Benchmark = (options: {
  smoke: boolean;
  log: (line: string) => void;
}) => Promise<BenchSection>;

/** The machine the numbers were measured on. */
export interface MachineFacts {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
  /** The 1-minute load average when the run started: other work on the machine slows timings. */
  load: string;
}

/** Reads the machine's facts from Node (and /etc/os-release on Linux, for the distribution). */
export async function machineFacts(): Promise<MachineFacts> {
  const cpus = os.cpus();
  let distro = '';
  try {
    const { readFile } = await import('node:fs/promises');
    const release = await readFile('/etc/os-release', 'utf8');
    distro = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? '';
  } catch {
    // Not Linux, or no os-release: the kernel line below is enough.
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: [distro, `${os.type()} ${os.release()} ${os.arch()}`].filter(Boolean).join(', '),
    load: os.loadavg()[0]!.toFixed(1),
  };
}

/** A section for a benchmark that crashed: the report still says so, with the error. */
export function crashedSection(id: string, error: unknown): BenchSection {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    id,
    title: id,
    what: 'This benchmark crashed; no figures.',
    how: '—',
    tables: [],
    targets: [],
    notes: [`Error: ${message.split('\n').slice(0, 6).join(' | ')}`],
  };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(t: BenchSection['tables'][number]): string {
  const lines = [
    ...(t.caption ? [`_${t.caption}_`, ''] : []),
    `| ${t.columns.map(cell).join(' | ')} |`,
    `| ${t.columns.map(() => '---').join(' | ')} |`,
    ...t.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Writes the whole report as Markdown, formatted by the project's Prettier settings. */
export async function renderReport(input: {
  sections: BenchSection[];
  machine: MachineFacts;
  startedAt: Date;
  durationMs: number;
  command: string;
}): Promise<string> {
  const { sections, machine } = input;
  const allTargets = sections.flatMap((s) => s.targets.map((t) => ({ ...t, section: s })));
  const parts = [
    '# Benchmarks',
    '',
    `Written by \`${input.command}\` on ${input.startedAt.toISOString()}; the whole run took ` +
      `${(input.durationMs / 1000).toFixed(0)} s. Targets are the issue's goals, reported as met or ` +
      'not; a missed one is a finding, never a reason to change the measurement.',
    '',
    '## Machine',
    '',
    table({
      columns: ['CPU', 'Cores', 'RAM', 'Node.js', 'OS', 'Load average at start'],
      rows: [
        [
          machine.cpu,
          String(machine.cores),
          machine.memory,
          machine.node,
          machine.os,
          machine.load,
        ],
      ],
    }),
    '',
    '## Targets',
    '',
    table({
      columns: ['Benchmark', 'Goal', 'Measured', 'Met'],
      rows: allTargets.map((t) => [
        `[${t.section.title}](#${anchor(t.section.title)})`,
        t.goal,
        t.actual,
        t.met ? 'yes' : '**no**',
      ]),
    }),
  ];
  for (const section of sections) {
    parts.push('', `## ${section.title}`, '', `**What.** ${section.what}`, '');
    parts.push(`**How.** ${section.how}`);
    for (const t of section.tables) parts.push('', table(t));
    if (section.targets.length) {
      parts.push('', 'Targets:', '');
      for (const t of section.targets) {
        parts.push(`- ${t.met ? 'Met' : '**Not met**'}: ${t.goal} — measured ${t.actual}.`);
      }
    }
    if (section.notes?.length) {
      parts.push('');
      for (const note of section.notes) parts.push(`- ${note}`);
    }
  }
  return format(`${parts.join('\n')}\n`, {
    parser: 'markdown',
    singleQuote: true,
    printWidth: 100,
    trailingComma: 'all',
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}
