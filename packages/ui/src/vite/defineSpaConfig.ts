import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
// Node loads this file itself (the apps' Vite configs import it as a package), so relative
// imports name their extension.
import { antdStyles } from './antdStyles.ts';

/** The server (port 3000) hosts the API; in development Vite serves the SPA and forwards to it. */
const API = 'http://localhost:3000';
const proxy = { '/trpc': API, '/api': API };

/**
 * Brotli and gzip copies beside each built file, made once at build time: the server sends
 * the one the browser accepts (a phone on a slow network gets a third of the bytes) without
 * compressing anything per request.
 */
export const precompress = () => compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 });

/**
 * Build settings both SPAs share. They differ only in where the server mounts them
 * (`/console/`, `/portal/`) and the dev port.
 */
export function defineSpaConfig({ base, port }: { base: `/${string}/`; port: number }): UserConfig {
  return defineConfig({
    base,
    plugins: [react(), antdStyles(), precompress()],
    resolve: {
      alias: [
        // `antd/locale/*` are CommonJS re-exports of antd/lib: the ES copies share code with
        // the antd already loaded instead of bringing a second one into the first load.
        { find: /^antd\/locale\/(\w+)$/, replacement: 'antd/es/locale/$1' },
      ],
    },
    server: { port, proxy },
    preview: { port: port + 1000, proxy },
    build: {
      rolldownOptions: {
        treeshake: {
          // The @rc-component libraries (antd's internals) and the tRPC client have no
          // import-time side effects but do not say so; saying it for them keeps e.g. the
          // whole form library (and tRPC's unused WebSocket link) out of the first load.
          moduleSideEffects: (id) => !/[/\\](@rc-component|@trpc)[/\\]/.test(id),
        },
      },
    },
  });
}
