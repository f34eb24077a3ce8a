import { defineConfig } from 'vite';

/**
 * The UI is built from ui/ into ui/dist, which the server serves; `npm run dev` proxies the API.
 * Two pages: the app (index.html) and the form engine's development gallery (gallery.html).
 * Workers are ES modules named `assets/worker-*.js`: the server gives those files their own
 * Content-Security-Policy (server/http/content-security-policy.ts).
 */
export default defineConfig({
  root: 'ui',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { main: 'ui/index.html', gallery: 'ui/gallery.html' } },
  },
  worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'assets/worker-[name]-[hash].js' } } },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8000', '/docs': 'http://127.0.0.1:8000' },
  },
});
