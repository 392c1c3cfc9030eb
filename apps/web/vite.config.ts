import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev --workspace @innograph/web` serves the app with hot reload and sends /api to the
 *  API of `npm start` (API_URL, default http://127.0.0.1:8080). `npm start` serves the built app. */
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:8080' },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
});
