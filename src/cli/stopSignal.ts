import { constants } from 'node:os';

/** The signals that ask a long-running command to stop: Ctrl-C, `kill`, the terminal closing. */
const STOPPING = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

type Stopping = (typeof STOPPING)[number];

export interface StopSignal {
  /** Aborted at the first signal: work under way (an import at start) hears it and stops. */
  signal: AbortSignal;
  /** Resolves at the first signal, with the exit status a shell expects for it (128 + its number). */
  stopped: Promise<number>;
  /** Gives the signals back to Node. */
  dispose(): void;
}

/**
 * Listens for the stopping signals from the very start of a command, so a Ctrl-C during
 * its start (reading a large file) closes the engine and removes its folder as one while
 * it serves does. A second signal while that clean-up runs ends the process at once; the
 * native engine's 'exit' hook still closes its database and removes its folder.
 */
export function stopSignal(): StopSignal {
  const controller = new AbortController();
  let stop: (status: number) => void = () => undefined;
  const stopped = new Promise<number>((ok) => {
    stop = ok;
  });
  const handler = (name: Stopping) => {
    const status = 128 + constants.signals[name];
    if (controller.signal.aborted) process.exit(status);
    controller.abort();
    stop(status);
  };
  for (const name of STOPPING) process.on(name, handler);
  return {
    signal: controller.signal,
    stopped,
    dispose() {
      for (const name of STOPPING) process.off(name, handler);
    },
  };
}
