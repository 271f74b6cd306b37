import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './deps';

const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  // Clarifai's default page size is 128 and its maximum 1000.
  per_page: z.coerce.number().int().min(1).max(1000).default(128),
});

export function readPage(c: Context<AppEnv>): { page: number; per_page: number } | string {
  const parsed = Page.safeParse({ page: c.req.query('page'), per_page: c.req.query('per_page') });
  return parsed.success
    ? parsed.data
    : 'page must be an integer from 1 and per_page an integer from 1 to 1000';
}

export function pageOf<T>(items: readonly T[], { page, per_page }: { page: number; per_page: number }): T[] {
  return items.slice((page - 1) * per_page, page * per_page);
}
