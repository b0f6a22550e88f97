import { defineConfig, type Options } from 'tsup'

// The package as hosts install it: ESM JavaScript and bundled declarations in dist/. The source
// uses extensionless relative imports, which Node's ESM loader cannot follow, so each entry is
// bundled; every dependency and peer dependency stays an import (tsup externalises them).
const shared: Options = {
  dts: true,
  format: ['esm'],
  outDir: 'dist',
  platform: 'neutral',
  sourcemap: false,
  splitting: false,
  target: 'es2022',
  treeshake: false,
  tsconfig: 'tsconfig.build.json',
}

export default defineConfig([
  { ...shared, entry: { index: 'src/plugin/index.ts' } },
  // Components Payload's import map loads in the admin; the entry's 'use client' stays on the file.
  { ...shared, entry: { client: 'src/plugin/exports/client.ts' } },
])
