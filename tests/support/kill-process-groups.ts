import type { ChildProcess } from "node:child_process";

/** Ends the process groups of children started with `detached: true` (a tsx child and its Node), emptying the list. */
export function killProcessGroups(children: ChildProcess[]): void {
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
