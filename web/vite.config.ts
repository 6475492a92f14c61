// Builds the dashboard into web/dist with relative asset paths, so `downballot serve --web`
// can serve it from any folder; everything (the US atlas too) is bundled, nothing is fetched
// from outside the machine.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    // `npm run dev` forwards /api to a running `downballot serve --port 8080`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
