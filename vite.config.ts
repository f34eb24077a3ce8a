import { defineConfig } from 'vite';

/** The UI is built from ui/ into ui/dist, which the server serves; `npm run dev` proxies the API. */
export default defineConfig({
  root: 'ui',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8000', '/docs': 'http://127.0.0.1:8000' },
  },
});
