import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import postgres from "postgres";

// Helpers for the tests that run the production build's processes: tests/bundle, and the browser test
// of direct uploads, which starts a second server configured for a bucket.

export type RunningProcess = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `node <args>` in `cwd` with exactly `env` (nothing inherited but what is passed), output kept for failure messages. */
export function startNode(args: string[], cwd: string, env: Record<string, string | undefined>): RunningProcess {
  let output = "";
  const child = spawn(process.execPath, args, { cwd, env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

export async function stopAll(processes: RunningProcess[]): Promise<void> {
  for (const { child } of processes) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(processes.map(({ exited }) => exited));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, logs?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${logs ? `\n${logs()}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function waitForHealth(baseURL: string, server: RunningProcess): Promise<true> {
  return waitFor("the web server's /api/health", async () => ((await fetch(`${baseURL}/api/health`)).ok ? true : undefined), 180_000, server.output);
}

/** With DATABASE_URL, a database of the test's own on that server (dropped by `drop`); else none (PGlite). */
export async function scratchDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { url: undefined, drop: async () => {} };
  const name = `yozuv_bundle_${Date.now()}_${process.pid}`;
  const admin = () => postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const creator = admin();
  await creator.unsafe(`create database ${name}`);
  await creator.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = admin();
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Signs a new phone in over the API, reading the code from the development sender's page: the Authorization header. */
export async function signInOverHttp(baseURL: string): Promise<string> {
  const phone = `+99893${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const sent = await fetch(`${baseURL}/api/v1/auth/send_otp`, json({ phone_number: phone }));
  if (sent.status !== 200) throw new Error(`send_otp answered ${sent.status}: ${await sent.text()}`);
  const devSms = await (await fetch(`${baseURL}/dev/sms`)).text();
  const code = new RegExp(`data-testid="dev-sms-to">\\${phone}<[\\s\\S]*?data-testid="dev-sms-body">[^<]*?(\\d{6})`).exec(devSms)?.[1];
  if (!code) throw new Error(`No code for ${phone} on /dev/sms`);
  const verified = await fetch(`${baseURL}/api/v1/auth/verify_otp`, json({ phone_number: phone, otp_code: code }));
  if (verified.status !== 200) throw new Error(`verify_otp answered ${verified.status}: ${await verified.text()}`);
  return `Bearer ${((await verified.json()) as { access_token: string }).access_token}`;
}
