/** Polls until `done` holds, failing after `timeoutMs` with the last value read. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `condition not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
