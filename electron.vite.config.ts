import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'train-worker': resolve(__dirname, 'src/main/workers/train.ts'),
          // Imports (manual and watched-folder) run here; src/main/core/import/worker-client.ts starts it.
          'import-worker': resolve(__dirname, 'src/main/workers/import.ts'),
          'analyse-worker': resolve(__dirname, 'src/main/workers/analyse.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron`: bundle everything else (zod, the API table).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // Minified: the shell loads in one ~0.5 MB chunk; each page (AG Grid, ECharts) when first opened.
      minify: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') }
      }
    }
  }
})
