import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type ServerProcess = {
  pid: number;
  /** Resolves with the first output line `match` returns a value for (past lines included). */
  waitForLine<T>(match: (line: string) => T | undefined, timeoutMs: number): Promise<T>;
  /** The last lines of output, for error messages. */
  tail(): string;
  hasExited(): boolean;
  /** Stops the whole process group (a server's own children too) and waits for it to exit. */
  stop(): Promise<void>;
};

const KEPT_LINES = 2000;

/**
 * Starts a server in its own process group (detached), so stopping it also stops whatever it spawned.
 * Its stdout and stderr are read line by line: servers block once a pipe nobody reads is full, and the
 * lines are how the benchmark learns the port or a sign-in code.
 */
export function spawnServer(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ServerProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`Could not start ${command}`);
  const pid = child.pid;
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? 128 : null);
      resolve();
    }),
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      for (const listener of listeners) listener(line);
    });
  }

  const tail = () => lines.slice(-40).join("\n");

  return {
    pid,
    tail,
    hasExited: () => exitCode !== undefined,
    waitForLine<T>(match: (line: string) => T | undefined, timeoutMs: number) {
      return new Promise<T>((resolve, reject) => {
        const done = (error: Error | null, value?: T) => {
          clearTimeout(timer);
          listeners.delete(listener);
          if (error) reject(error);
          else resolve(value as T);
        };
        const listener = (line: string) => {
          const value = match(line);
          if (value !== undefined) done(null, value);
        };
        const timer = setTimeout(() => done(new Error(`Timed out waiting for ${command}'s output. Last lines:\n${tail()}`)), timeoutMs);
        for (const line of lines) {
          const value = match(line);
          if (value !== undefined) return done(null, value);
        }
        if (exitCode !== undefined) return done(new Error(`${command} exited (${exitCode}). Last lines:\n${tail()}`));
        listeners.add(listener);
        void exited.then(() => done(new Error(`${command} exited (${exitCode}). Last lines:\n${tail()}`)));
      });
    },
    async stop() {
      if (exitCode !== undefined) return;
      signalGroup(pid, "SIGTERM");
      const killTimer = setTimeout(() => signalGroup(pid, "SIGKILL"), 5000);
      await exited;
      clearTimeout(killTimer);
      // The group may outlive its leader (a server's own child): make sure nothing of it is left.
      signalGroup(pid, "SIGKILL");
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

