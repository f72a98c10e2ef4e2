import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * The process in `rootPid`'s tree that owns the socket listening on 127.0.0.1:`port` (Linux /proc).
 * `next start` may hand the server to a child process, and the process that accepts the connections
 * is the one whose memory an upload can grow, so that is the one to measure.
 */
export function findListeningProcess(rootPid: number, port: number): number {
  const inodes = listeningSocketInodes(port);
  for (const pid of processTree(rootPid)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // exited meanwhile
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? "")) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  throw new Error(`No process under pid ${rootPid} listens on port ${port}`);
}

function listeningSocketInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const columns = line.trim().split(/\s+/);
      const [, local, , state, , , , , , inode] = columns;
      if (state === "0A" && local?.endsWith(`:${portHex}`) && inode) inodes.add(inode);
    }
  }
  return inodes;
}

/** `rootPid` and all its descendants, parents first. */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) is in parentheses and may contain spaces: the ppid follows the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}
