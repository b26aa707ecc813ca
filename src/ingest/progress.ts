import { Presets, SingleBar } from 'cli-progress';

/** Counts the write batches of one file; a bar on stderr when asked, nothing otherwise. */
export interface Progress {
  tick(step: string): void;
  stop(): void;
}

export function createProgress(enabled: boolean, total: number, label: string): Progress {
  if (!enabled || total === 0) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} batches  {step}`, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  bar.start(total, 0, { step: '' });
  return {
    tick: (step) => bar.increment(1, { step }),
    stop: () => bar.stop(),
  };
}
