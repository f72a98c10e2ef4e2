import { z } from "zod";
import { MAX_ADMIN_PAGE_SIZE } from "../page-bounds";

export const pagingQuery = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(20).transform((limit) => Math.min(limit, MAX_ADMIN_PAGE_SIZE)),
});

export const pageJson = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item), total: z.number().int(), skip: z.number().int(), limit: z.number().int() });
