export const MAX_ADMIN_PAGE_SIZE = 100;

export type Page<Item> = { items: Item[]; total: number; skip: number; limit: number };

/** Clamps paging input the same way for every admin list. */
export function pageBounds(options: { skip: number; limit: number }): { skip: number; limit: number } {
  return { skip: Math.max(Math.floor(options.skip), 0), limit: Math.min(Math.max(Math.floor(options.limit), 1), MAX_ADMIN_PAGE_SIZE) };
}
