import { defineConfig } from 'vitest/config';

// The console is served by Keycloak at /realms/{realm}/access-console/: files are addressed relative to the page,
// and the build lands in target/dist, which the providers module packs under access-console/ in its jar.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
