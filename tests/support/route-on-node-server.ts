import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type RouteHandler = (request: Request) => Promise<Response>;

export type RouteServer = { server: Server; url: string; settled: () => Promise<void>; close: () => Promise<void> };

/**
 * Serves route handlers from a real `node:http` server, so tests exercise what happens at the socket
 * (peer address, timeouts) the way `next start` would, with the same server-level hooks installed.
 */
export async function serveRoutesOnNode(routes: Record<string, RouteHandler>, options: ServerOptions = {}): Promise<RouteServer> {
  const pending = new Set<Promise<void>>();
  const server = createServer(options, (req, res) => {
    const handling = handle(routes, req, res).finally(() => pending.delete(handling));
    pending.add(handling);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(routes: Record<string, RouteHandler>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = routes[new URL(req.url ?? "/", "http://x").pathname];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The IncomingMessage itself as the body, as Next.js passes it: a web stream that reads only when read.
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (req as unknown as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await route(request);
  if (res.destroyed) return;
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
