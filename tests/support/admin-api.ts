import type { ApiUser } from "./api-users";

export const noParams = { params: Promise.resolve({}) };
export const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** A JSON request to an admin route, as the given user, with an optional body. */
export function adminRequest(caller: ApiUser, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost/api/v1/admin${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: caller.authorization, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
