import { readdirSync } from "node:fs";
import path from "node:path";

const apiRoot = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

export type ApiRoute = { file: string; template: string; methods: string[]; match: (pathname: string) => Record<string, string> | null };

type RouteModule = Partial<Record<(typeof METHODS)[number], (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>>;

/** Every route file under app/api/v1, as the OpenAPI path it serves (`[id]` → `{id}`). */
export function listApiRouteFiles(): { file: string; template: string }[] {
  return (readdirSync(apiRoot, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => ({ file: path.join(apiRoot, file), template: `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}") }));
}

/** The route files with their exported methods, static segments matched before dynamic ones, as Next does. */
export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const routes = await Promise.all(
    listApiRouteFiles().map(async ({ file, template }) => {
      const handlers = (await import(file)) as RouteModule;
      const names: string[] = [];
      const pattern = new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
      return {
        file,
        template,
        methods: METHODS.filter((method) => typeof handlers[method] === "function"),
        module: handlers,
        match: (pathname: string) => {
          const found = pattern.exec(pathname);
          return found ? Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)])) : null;
        },
      };
    }),
  );
  return routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
}

/**
 * A `fetch` that calls the real route handlers in this process, so a client written against HTTP
 * runs unchanged in integration tests. Unknown paths and methods answer 404 and 405 as Next would.
 */
export async function createHandlerFetch(): Promise<(input: string, init?: RequestInit) => Promise<Response>> {
  const routes = (await loadApiRoutes()) as (ApiRoute & { module: RouteModule })[];
  return async (input, init = {}) => {
    const request = new Request(new URL(input, "http://localhost"), { ...init, ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
    const pathname = new URL(request.url).pathname;
    for (const route of routes) {
      const params = route.match(pathname);
      if (!params) continue;
      const handler = route.module[request.method as (typeof METHODS)[number]];
      if (!handler) return new Response(null, { status: 405 });
      return handler(request, { params: Promise.resolve(params) });
    }
    return new Response(null, { status: 404 });
  };
}
