/**
 * Fails when `src/payload-types.ts` or the admin import map is stale: regenerates both and
 * compares with the files on disk (in CI, the committed ones), restoring them afterwards.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const files = ['src/payload-types.ts', 'src/app/(payload)/admin/importMap.js'].map((file) => path.join(root, file))
const before = new Map(files.map((file) => [file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '']))
const env = { ...process.env, NODE_OPTIONS: '--no-deprecation', PAYLOAD_CONFIG_PATH: 'payload.config.ts' }
const payloadBin = path.join(root, 'node_modules/.bin/payload')

let stale: string[] = []
try {
  execFileSync(payloadBin, ['generate:types'], { cwd: root, env, stdio: 'pipe' })
  execFileSync(payloadBin, ['generate:importmap'], { cwd: root, env, stdio: 'pipe' })
  // The import map generator skips writing when nothing is new, so compare entries too.
  stale = files.filter((file) => fs.readFileSync(file, 'utf8') !== before.get(file))
} finally {
  for (const [file, content] of before) fs.writeFileSync(file, content)
}
if (stale.length > 0) {
  console.error(`Generated files are stale: ${stale.map((f) => path.relative(root, f)).join(', ')}`)
  console.error('Run `npm run generate` and commit the result.')
  process.exit(1)
}
console.log('Generated files are current (payload-types.ts, importMap.js).')
