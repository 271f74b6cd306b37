/**
 * What the thin proxy tells the app about itself (`GET /__lens/config`): which API it forwards to
 * and which user/app to use by default. Never carries the access token.
 */
import { z } from 'zod';

export const LensConfig = z.object({
  mode: z.enum(['local', 'cloud']),
  /** Where `/v2` is forwarded, for display ("local engine at http://127.0.0.1:4010"). */
  apiTarget: z.string(),
  /** Whether the proxy adds an `Authorization` header (the token itself stays on the server). */
  authenticated: z.boolean(),
  userId: z.string(),
  appId: z.string(),
});
export type LensConfig = z.infer<typeof LensConfig>;

export const LENS_CONFIG_PATH = '/__lens/config';
