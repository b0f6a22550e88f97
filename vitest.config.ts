import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      'payload-policy-posts/client': path.join(root, 'src/plugin/exports/client.ts'),
      'payload-policy-posts': path.join(root, 'src/plugin/index.ts'),
      '@': path.join(root, 'src'),
    },
  },
  test: {
    environment: 'node',
    fileParallelism: false,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/setup/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
})
