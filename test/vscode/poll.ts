/** Polls a condition outside the browser (a file on disk, say) until it holds, with a timeout. */
export async function pollUntil<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The parsed JSON file, or undefined while it is missing or half-written. */
export function readJsonIfComplete(path: string, read: (path: string) => string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(read(path)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
