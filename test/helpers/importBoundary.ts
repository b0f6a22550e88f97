import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import ts from 'typescript'

/** One import that crosses the line between the plugin and the site. */
export interface BoundaryViolation {
  file: string
  specifier: string
  reason: string
}

interface PackageManifest {
  name: string
  dependencies?: Record<string, string>
  exports?: Record<string, unknown>
  peerDependencies?: Record<string, string>
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** Module specifiers of a file: static imports, re-exports, `import()` and `require()`. */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
  return info.importedFiles.map((imported) => imported.fileName)
}

// 'payload/shared' → 'payload', '@payloadcms/ui/x' → '@payloadcms/ui'
const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]

const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(packageName(specifier))

const inside = (dir: string, target: string): boolean => {
  const relative = path.relative(dir, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * The plugin (`src/plugin`) may import only its own files, Node's built-ins and the packages its
 * manifest declares as dependencies or peer dependencies. The site (the rest of `src/`) may reach
 * the plugin only by the package's name and through a subpath the manifest exports.
 */
export function boundaryViolations(root: string): BoundaryViolation[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageManifest
  const pluginDir = path.join(root, 'src', 'plugin')
  const srcDir = path.join(root, 'src')
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})])
  const exported = new Set(Object.keys(manifest.exports ?? {}).map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)))
  const violations: BoundaryViolation[] = []

  for (const file of sourceFiles(srcDir)) {
    const relativeFile = path.relative(root, file)
    const inPlugin = inside(pluginDir, file)
    for (const specifier of importsOf(file)) {
      const add = (reason: string) => violations.push({ file: relativeFile, reason, specifier })
      const isRelative = specifier.startsWith('.')
      const target = isRelative ? path.resolve(path.dirname(file), specifier) : undefined
      if (inPlugin) {
        if (target) {
          if (!inside(pluginDir, target)) add('the plugin imports a file outside src/plugin')
        } else if (specifier.startsWith('@/') || specifier === '@payload-config') {
          add('the plugin imports site code through a path alias')
        } else if (packageName(specifier) === manifest.name) {
          add('the plugin imports itself by name')
        } else if (!isBuiltin(specifier) && !declared.has(packageName(specifier))) {
          add(`"${packageName(specifier)}" is neither a dependency nor a peer dependency`)
        }
        continue
      }
      if (target && inside(pluginDir, target)) add('the site imports a plugin file instead of the package')
      else if (specifier === '@/plugin' || specifier.startsWith('@/plugin/')) add('the site imports a plugin file through @/plugin')
      else if (packageName(specifier) === manifest.name && !exported.has(specifier)) add('not a subpath the package exports')
    }
  }
  return violations
}
