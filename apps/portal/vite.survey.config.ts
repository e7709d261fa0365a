import { precompress } from '@wenming/ui/vite';
import { defineConfig } from 'vite';

/** The server (port 3000) hosts the API; in development Vite serves the page and forwards to it. */
const API = 'http://localhost:3000';

/**
 * The public answer page (`/s/<token>`), built apart from the portal SPA: plain TypeScript and
 * CSS, no React or antd, so a respondent's phone loads a few kilobytes. The server serves
 * `dist/s/index.html` for every path below `/s/`; the page reads its token from the path.
 */
export default defineConfig({
  // Relative to the package directory, where its scripts run.
  root: 'public-survey',
  base: '/s/',
  plugins: [precompress()],
  server: { port: 5184, proxy: { '/trpc': API, '/api': API } },
  preview: { port: 6184, proxy: { '/trpc': API, '/api': API } },
  build: {
    outDir: '../dist/s',
    emptyOutDir: true,
    // Old phone browsers still answer surveys.
    target: ['es2020', 'safari14', 'chrome87'],
    modulePreload: { polyfill: false },
  },
});
