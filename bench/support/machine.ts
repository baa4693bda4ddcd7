import { cpus, platform, release, totalmem } from 'node:os';

/** What ran a benchmark; printed above its figures, since absolute timings mean little without it. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
}

export function describeMachine(now = new Date()): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() || 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: now.toISOString(),
  };
}

export function machineMarkdown(machine: Machine): string {
  return [
    `- date: ${machine.date}`,
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Node.js: ${machine.node}`,
  ].join('\n');
}
