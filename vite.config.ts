import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, loadEnv, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { LENS_CONFIG_PATH, type LensConfig } from './contract/lens-config.ts';

const CLOUD_API = 'https://api.clarifai.com';
const LOCAL_ENGINE = `http://127.0.0.1:${process.env.ENGINE_PORT ?? '4010'}`;

interface ProxySettings {
  target: string;
  pat: string | undefined;
  config: LensConfig;
}

/** Reads the proxy's settings from the environment (and `.env` files, server side only). */
function proxySettings(mode: string): ProxySettings {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const pat = env.CLARIFAI_PAT || undefined;
  const target = env.API_TARGET || (pat ? CLOUD_API : LOCAL_ENGINE);
  const cloud = target !== LOCAL_ENGINE && !/^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(target);
  return {
    target,
    pat,
    config: {
      mode: cloud ? 'cloud' : 'local',
      apiTarget: target,
      authenticated: pat !== undefined,
      userId: env.CLARIFAI_USER_ID || (cloud ? 'clarifai' : 'local'),
      appId: env.CLARIFAI_APP_ID || 'main',
    },
  };
}

function v2Proxy({ target, pat }: ProxySettings): ProxyOptions {
  return {
    target,
    changeOrigin: true,
    secure: true,
    configure(proxy) {
      proxy.on('proxyReq', (proxyReq) => {
        // The browser never holds the token: the proxy adds it on the way out, and drops any
        // Authorization header the page might have sent.
        proxyReq.removeHeader('authorization');
        if (pat) proxyReq.setHeader('authorization', `Key ${pat}`);
      });
      proxy.on('proxyRes', (proxyRes) => {
        delete proxyRes.headers['set-cookie'];
      });
    },
  };
}

/** Serves `/__lens/config` so the page can say which API it talks to, without the token. */
function lensConfigPlugin(settings: ProxySettings): Plugin {
  const handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== LENS_CONFIG_PATH) return next();
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(settings.config));
  };
  return {
    name: 'workflow-lens-config',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}

/**
 * The built app's Content-Security-Policy: no inline or foreign script. Styles may be inline
 * because overlays are positioned with style attributes; images and media may come from the URLs
 * a person gives. Served by `vite preview` (the dev server needs inline scripts for hot reload).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' data: blob: http: https:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export default defineConfig(({ mode }) => {
  const settings = proxySettings(mode);
  const proxy = { '/v2': v2Proxy(settings) };
  return {
    plugins: [react(), tailwindcss(), lensConfigPlugin(settings)],
    resolve: {
      alias: {
        '@': fileURLToPath(new URL('./src', import.meta.url)),
        '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
      },
    },
    // Only VITE_-prefixed variables may reach the bundle; nothing secret uses that prefix.
    envPrefix: 'VITE_',
    server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy, headers: SECURITY_HEADERS },
    build: { sourcemap: false, chunkSizeWarningLimit: 600 },
  };
});
