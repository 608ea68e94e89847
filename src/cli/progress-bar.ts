/**
 * A progress bar for long imports, drawn on standard error only when it is a terminal (so logs and
 * pipes get no control characters). Redraws at most ten times a second.
 */
export interface ProgressReport {
  phase: string;
  done: number;
  total: number;
}

/** Rows below which no bar is drawn: short files finish before one would be seen. */
const MIN_ROWS = 2000;
const WIDTH = 30;

export function progressBar(stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr): {
  update(p: ProgressReport): void;
  done(): void;
} {
  let last = 0;
  let drawn = false;
  const enabled = stream.isTTY === true;
  return {
    update(p) {
      if (!enabled || p.total < MIN_ROWS) return;
      const now = Date.now();
      if (p.done < p.total && now - last < 100) return;
      last = now;
      const filled = Math.round((p.done / p.total) * WIDTH);
      stream.write(
        `\r${p.phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.done}/${p.total}\u001b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
