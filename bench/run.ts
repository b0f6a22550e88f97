/**
 * `npm run bench -- --posts 10000`: generates (or reuses) a corpus of that many posts, measures
 * similar posts, the post page through `next start`, editor operations and the importer, prints
 * a table and writes bench/results/posts-<size>.json. See README "Performance".
 *
 * Options: --posts N (1000) · --seed S · --name NAME (posts-<size>) · --samples N (300)
 * · --duration S (20) · --warmup S (5) · --connections N (10) · --editor-iterations N (20)
 * · --import-iterations N (8) · --baseline-budget S (120) · --heap-cap MB (npm start's; 0 = skip)
 * · --workers N (server processes of `npm start`; the core count) · --warm-pages N (1000; 0 = skip)
 * · --only similar,editor,import,pages
 * · --skip … · --regenerate · --generate-only · --no-build
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { CorpusMarker } from './lib/database'
import type { EditorResult, ImportResult } from './lib/editor'
import type { ProcessesResult } from './lib/processes'
import type { PageResult } from './lib/site'
import type { SimilarResult } from './lib/similar'

import { DEFAULT_HEAP_CAP_MB } from '../src/lib/productionNodeFlags'
import { backfillFootnoteTitleKeys } from '../src/plugin/collections/footnotes/fillTitleKeys'
import { ensureUnaccent } from '../src/plugin/search/accentFolding'
import { recordVectorsSignature } from '../src/plugin/search/searchIndex'
import { refreshTermStatisticsIfStale } from '../src/plugin/search/termStatistics'
import { DEFAULT_SEED, GENERATOR_VERSION, generateCorpus, restoreCorpus } from './lib/corpus/generate'
import { benchServer, openBenchDatabase, pushSchema, schemaHash, sizeLabel, warmCaches, writeMarker } from './lib/database'
import { benchDocxImport, type DocxImportResult } from './lib/docxImport'
import { benchEditor, benchImport, ensureEditor } from './lib/editor'
import { machineInfo } from './lib/machine'
import { Random } from './lib/random'
import { benchSimilar } from './lib/similar'
import { formatWeight } from './lib/pageWeight'
import { benchProcesses } from './lib/processes'
import { benchPages, prepareSite } from './lib/site'

const root = path.resolve(import.meta.dirname, '..')

const { values: args } = parseArgs({
  options: {
    'baseline-budget': { default: '120', type: 'string' },
    connections: { default: '10', type: 'string' },
    duration: { default: '20', type: 'string' },
    'editor-iterations': { default: '20', type: 'string' },
    'generate-only': { default: false, type: 'boolean' },
    'heap-cap': { default: String(DEFAULT_HEAP_CAP_MB), type: 'string' },
    'import-iterations': { default: '8', type: 'string' },
    name: { type: 'string' },
    'no-build': { default: false, type: 'boolean' },
    only: { type: 'string' },
    posts: { default: '1000', type: 'string' },
    regenerate: { default: false, type: 'boolean' },
    samples: { default: '300', type: 'string' },
    seed: { default: DEFAULT_SEED, type: 'string' },
    skip: { type: 'string' },
    'warm-pages': { default: '1000', type: 'string' },
    warmup: { default: '5', type: 'string' },
    workers: { default: String(os.availableParallelism()), type: 'string' },
  },
  strict: true,
})

const posts = Number(args.posts)
if (!Number.isInteger(posts) || posts < 10) throw new Error('--posts must be an integer ≥ 10')
const seed = args.seed
const label = sizeLabel(posts)
const name = args.name ?? `posts-${label}`
const sections = ['similar', 'editor', 'import', 'pages']
const only = args.only ? args.only.split(',') : sections
const skip = new Set(args.skip ? args.skip.split(',') : [])
const wanted = (section: string) => only.includes(section) && !skip.has(section)

const started = Date.now()
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

interface Results {
  name: string
  createdAt: string
  machine: ReturnType<typeof machineInfo> & { postgres: string; postgresSharedBuffers?: string }
  corpus: { posts: number; seed: string; generatorVersion: number; reused: boolean; generatedMs: number; counts: Record<string, number>; database: string }
  similar?: SimilarResult
  editor?: EditorResult
  import?: ImportResult
  docxImport?: DocxImportResult
  pages?: PageResult
  /** `npm start` with several server processes (bench/lib/processes.ts). */
  processes?: ProcessesResult
  notMeasured: Record<string, string>
  /** 1-minute load average when each section started (the machine is shared). */
  loadAverage: Record<string, number>
  targets: { name: string; target: string; value: string; status: 'met' | 'missed' | 'n/a' }[]
  durationSeconds: number
}

async function main(): Promise<void> {
  const machine = machineInfo()
  log(`${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB; commit ${machine.commit.slice(0, 10)}${machine.uncommittedChanges ? ` (+${machine.uncommittedChanges} uncommitted)` : ''}`)
  const server = await benchServer()
  log(`database: ${server.description}`)
  const db = await openBenchDatabase(server, posts)
  const { payload } = db
  const drizzle = (payload.db as unknown as { drizzle: { execute: (q: string) => Promise<{ rows: Record<string, unknown>[] }> } }).drizzle
  const results: Partial<Results> = { loadAverage: {}, notMeasured: {} }
  const load = (section: string) => (results.loadAverage![section] = Math.round(os.loadavg()[0] * 100) / 100)
  load('start')
  try {
    // ——— corpus ———
    const hash = schemaHash(payload)
    let marker: CorpusMarker | null = db.marker
    const sameCorpus = !!marker && marker.version === GENERATOR_VERSION && marker.seed === seed && marker.posts === posts
    let reused = false
    if (sameCorpus && !args.regenerate) {
      if (marker!.schema === hash) reused = true
      else {
        log('schema changed since the corpus was generated: pushing the new schema onto it…')
        reused = await pushSchema(payload)
        if (reused) await writeMarker(payload, (marker = { ...marker!, schema: hash }))
        else log('  the change would lose data: regenerating')
      }
    }
    if (!reused) {
      await writeMarker(payload, null)
      log(`generating ${posts} posts into ${db.name} (seed "${seed}")…`)
      await drizzle.execute('drop schema if exists public cascade')
      await drizzle.execute('create schema public')
      if (!(await pushSchema(payload))) throw new Error('schema push refused on an empty database')
      // The dropped schema held the unaccent extension, which search folds accents with.
      await ensureUnaccent(drizzle as never)
      const t0 = Date.now()
      const generated = await generateCorpus(payload, { log, posts, seed })
      // the vectors were bulk-computed: without this the next start's backfill rebuilds them all
      await recordVectorsSignature(payload)
      const editorUser = await ensureEditor(payload)
      const generatedMs = Date.now() - t0
      marker = {
        counts: generated.counts,
        generatedAt: new Date().toISOString(),
        generatedMs,
        maxIds: { ...generated.maxIds, users: Number(editorUser.id) },
        posts,
        schema: hash,
        seed,
        version: GENERATOR_VERSION,
      }
      await writeMarker(payload, marker)
      log(`generated in ${(generatedMs / 1000).toFixed(1)} s: ${JSON.stringify(generated.counts)}; steps ms ${JSON.stringify(generated.timings)}`)
    } else {
      log(`reusing the ${posts}-post corpus generated ${marker!.generatedAt} (in ${(marker!.generatedMs / 1000).toFixed(0)} s)`)
      await restoreCorpus(payload, marker!.maxIds)
      // as the plugin does on start-up: a corpus from before the term statistics gets them now
      if (await refreshTermStatisticsIfStale(payload)) log('  rebuilt the term statistics of similar posts')
    }
    // Footnotes written by bulk SQL, or from before the column existed (the plugin's start-up
    // fill ran before the schema push above), get the folded title importers find them by.
    const keyed = await backfillFootnoteTitleKeys(payload)
    if (keyed > 0) log(`  keyed ${keyed} footnote titles for import matching`)
    const postgres = String((await drizzle.execute('select version() as v')).rows[0].v).split(' on ')[0]
    const sharedBuffers = String((await drizzle.execute('show shared_buffers')).rows[0].shared_buffers)
    results.machine = { ...machine, postgres, postgresSharedBuffers: sharedBuffers }
    results.corpus = {
      counts: marker!.counts,
      database: db.name,
      generatedMs: marker!.generatedMs,
      generatorVersion: GENERATOR_VERSION,
      posts,
      reused,
      seed,
    }
    if (args['generate-only']) return

    const user = await ensureEditor(payload)
    const warmStarted = Date.now()
    const warmedMb = await warmCaches(payload)
    log(`warmed PostgreSQL's cache (shared_buffers ${sharedBuffers}): ${warmedMb} MB of posts and full-text tables in ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`)

    // ——— similar posts ———
    if (wanted('similar')) {
      load('similar')
      log(`similar posts: findSimilarPosts over ${args.samples} random published posts, then the sequential-scan baseline…`)
      try {
        results.similar = await benchSimilar(payload, {
          baselineBudgetSeconds: Number(args['baseline-budget']),
          log,
          samples: Number(args.samples),
          seed,
        })
      } catch (error) {
        results.notMeasured!.similar = `failed: ${(error as Error).message}`
        log(`  similar posts failed: ${(error as Error).stack}`)
      }
    }

    // ——— editor operations and import ———
    if (wanted('editor')) {
      load('editor')
      log(`editor operations (${args['editor-iterations']} rounds of create with 30 endnotes, update, publish, create translation)…`)
      try {
        results.editor = await benchEditor(payload, { iterations: Number(args['editor-iterations']), log, seed, user })
      } catch (error) {
        results.notMeasured!.editor = `failed: ${(error as Error).message}`
        log(`  editor operations failed: ${(error as Error).stack}`)
      }
    }
    if (wanted('import')) {
      load('import')
      log(`import: a 5,000-word article with 50 notes, ${args['import-iterations']} times…`)
      try {
        results.import = await benchImport(payload, { iterations: Number(args['import-iterations']), log, seed, user })
      } catch (error) {
        results.notMeasured!.import = `failed: ${(error as Error).message}`
        log(`  import failed: ${(error as Error).stack}`)
      }
      log(`import: a 10,000-word .docx with 100 Word notes, ${args['import-iterations']} times…`)
      try {
        results.docxImport = await benchDocxImport(payload, { iterations: Number(args['import-iterations']), log, user })
      } catch (error) {
        results.notMeasured!.docxImport = `failed: ${(error as Error).message}`
        log(`  .docx import failed: ${(error as Error).stack}`)
      }
    }
    // leave the corpus as generated for the page measurements and the next run
    await restoreCorpus(payload, marker!.maxIds)

    // ——— pages ———
    if (wanted('pages')) {
      load('pages')
      log('post page through `next start`…')
      const site = await prepareSite({ allowBuild: !args['no-build'], log })
      if ('error' in site) {
        results.notMeasured!.pages = site.error
        log(`  not measured: ${site.error}`)
      } else {
        const main = (
          await drizzle.execute(`
          select p.language, p.slug from posts p
          join posts t on t.translation_group_id = p.translation_group_id and t.id <> p.id and t._status = 'published'
          where p._status = 'published' and p.language = 'en'
          order by p.id limit 1 offset ${Math.floor(posts / 4)}`)
        ).rows[0]
        const all = (await drizzle.execute(`select language, slug from posts where _status = 'published' order by id`)).rows
        const rotation = new Random(`${seed}:pages`).sample(all, 300).map((row) => `/${String(row.language)}/${String(row.slug)}`)
        const pagePaths = { main: `/${String(main.language)}/${String(main.slug)}`, rotation }
        // First, on the build's cold cache: the warm-up after a start is measured there.
        const workers = Number(args.workers)
        log(`\`npm start\` with ${workers} server processes (warm-up of ${args['warm-pages']} pages, then cached and dynamic pages), then with 1…`)
        try {
          results.processes = await benchProcesses({
            connections: Number(args.connections),
            databaseUrl: db.url,
            duration: Number(args.duration),
            log,
            paths: pagePaths,
            warmPages: Number(args['warm-pages']),
            warmup: Number(args.warmup),
            workers,
          })
        } catch (error) {
          results.notMeasured!.processes = `failed: ${(error as Error).message.slice(0, 1500)}`
          log(`  server processes failed: ${(error as Error).message}`)
        }
        log('post page through `next start` (one process)…')
        try {
          results.pages = await benchPages({
            buildId: site.buildId,
            connections: Number(args.connections),
            databaseUrl: db.url,
            duration: Number(args.duration),
            heapCapMb: Number(args['heap-cap']),
            log,
            paths: pagePaths,
            warmup: Number(args.warmup),
          })
        } catch (error) {
          results.notMeasured!.pages = `failed: ${(error as Error).message.slice(0, 1500)}`
          log(`  pages failed: ${(error as Error).message}`)
        }
      }
    }
    for (const section of sections) {
      if (!wanted(section) && !results.notMeasured![section]) results.notMeasured![section] = 'not selected (--only/--skip)'
    }
  } finally {
    await db.close()
    await server.stop().catch(() => undefined)
  }

  results.name = name
  results.createdAt = new Date().toISOString()
  results.durationSeconds = Math.round((Date.now() - started) / 1000)
  results.targets = evaluateTargets(results as Results)
  const file = path.join(root, 'bench/results', `${name}.json`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\n${renderTable(results as Results)}`)
  console.log(`\nwritten ${path.relative(root, file)} (${results.durationSeconds} s)`)
}

function previous(size: string): Results | null {
  const file = path.join(root, 'bench/results', `posts-${size}.json`)
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Results
  } catch {
    return null
  }
}

function evaluateTargets(r: Results): Results['targets'] {
  const out: Results['targets'] = []
  const add = (name: string, target: string, value: number | undefined, ok: (v: number) => boolean, applies = true, unit = '') =>
    out.push({
      name,
      status: value === undefined || Number.isNaN(value) ? 'n/a' : !applies ? 'n/a' : ok(value) ? 'met' : 'missed',
      target,
      value: value === undefined || Number.isNaN(value) ? 'not measured' : `${value}${unit}${applies ? '' : ' (target applies at another size)'}`,
    })
  const at100k = r.corpus.posts >= 100_000
  const similarP95 = r.similar?.indexed.p95
  add('similar posts p95 at 100k', '≤ 15 ms', similarP95, (v) => v <= 15, at100k, ' ms')
  const tenK = r.corpus.posts === 100_000 ? previous('10k') : null
  const growth = similarP95 !== undefined && tenK?.similar ? Math.round((similarP95 / tenK.similar.indexed.p95) * 100) / 100 : undefined
  add('similar posts p95 growth 10k → 100k', '≤ 2×', growth, (v) => v <= 2, at100k, '×')
  add('similar posts vs sequential-scan baseline (p95)', '≥ 20× at 100k', r.similar?.speedupP95, (v) => v >= 20, at100k, '×')
  add('cached page throughput / static ceiling', '≥ 70 %', r.pages ? Math.round(r.pages.cachedVsStatic * 1000) / 10 : undefined, (v) => v >= 70, true, ' %')
  add('dynamic render p95 at 10k', '≤ 80 ms', r.pages?.dynamic.latency.p95, (v) => v <= 80, r.corpus.posts === 10_000, ' ms')
  for (const op of ['create', 'update', 'publish'] as const) add(`editor ${op} p95`, '≤ 300 ms', r.editor?.[op].p95, (v) => v <= 300, true, ' ms')
  add('import 5,000 words / 50 notes p95', '≤ 2000 ms', r.import?.p95, (v) => v <= 2000, true, ' ms')
  add('import .docx 10,000 words / 100 notes p95', '≤ 3000 ms', r.docxImport?.p95, (v) => v <= 3000, true, ' ms')
  add('server peak RSS during dynamic render (default Node flags)', '≤ 500 MB', r.pages?.serverRssMb.peakDuringDynamic, (v) => v <= 500, true, ' MB')
  const processes = r.processes
  add(`cached page throughput, ${processes?.workers ?? 'all'} processes ÷ 1 process`, '≥ 1.6×', processes?.cachedSpeedup, (v) => v >= 1.6, true, '×')
  add(`dynamic render throughput, ${processes?.workers ?? 'all'} processes, 10 conn.`, '≥ 90 req/s', processes?.dynamicAll.requestsPerSec, (v) => v >= 90, true, ' req/s')
  add(`dynamic render p95, ${processes?.workers ?? 'all'} processes, 10 conn.`, '≤ 150 ms', processes?.dynamicAll.latency.p95, (v) => v <= 150, true, ' ms')
  add('RSS per server process (peak during the dynamic render)', '≤ 400 MB', processes?.rssPerProcessMb.max, (v) => v <= 400, true, ' MB')
  if (r.pages?.dynamicHeapCapped) {
    add(`server peak RSS during dynamic render (${r.pages.dynamicHeapCapped.nodeArgs.join(' ')})`, '≤ 500 MB', r.pages.dynamicHeapCapped.peakRssMb, (v) => v <= 500, true, ' MB')
  }
  return out
}

function renderTable(r: Results): string {
  const rows: string[][] = [['measurement', 'p50 ms', 'p95 ms', 'p99 ms', 'throughput', 'samples']]
  const f = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(v >= 100 ? 0 : 1))
  const line = (title: string, s: { p50: number; p95: number; p99: number; samples: number } | undefined, throughput = '') =>
    rows.push([title, f(s?.p50), f(s?.p95), f(s?.p99), throughput, s ? String(s.samples) : '—'])
  if (r.similar) {
    line('findSimilarPosts (GIN index)', r.similar.indexed, `${r.similar.indexed.throughputPerSec}/s (4 callers: ${r.similar.indexed.concurrentThroughputPerSec}/s)`)
    if ('p95' in r.similar.baseline) line('  baseline: same ranking, sequential scan', r.similar.baseline, `speed-up p95 ${r.similar.speedupP95}×`)
  }
  if (r.pages) {
    const p = r.pages
    line(`post page (a) cached [${p.cached.cacheHeader ?? '?'}]`, p.cached.latency, `${p.cached.requestsPerSec} req/s`)
    line(`post page (b) dynamic render (${p.dynamic.rotation} posts)`, p.dynamic.latency, `${p.dynamic.requestsPerSec} req/s`)
    line(`  (b) with 1 connection`, p.dynamicSingleConnection.latency, `${p.dynamicSingleConnection.requestsPerSec} req/s`)
    if (p.dynamicHeapCapped) line(`  (b) on a server with ${p.dynamicHeapCapped.nodeArgs.join(' ')}`, p.dynamicHeapCapped.latency, `${p.dynamicHeapCapped.requestsPerSec} req/s`)
    line('post page (c) static file (ceiling)', p.static.latency, `${p.static.requestsPerSec} req/s`)
  }
  if (r.processes) {
    const p = r.processes
    line(`npm start, ${p.workers} processes: (a) cached`, p.cachedAll.latency, `${p.cachedAll.requestsPerSec} req/s (${p.cachedSpeedup}× 1 process, in turns)`)
    line(`npm start, 1 process: (a) cached`, p.cachedOne.latency, `${p.cachedOne.requestsPerSec} req/s`)
    line(`npm start, ${p.workers} processes: (b) dynamic render`, p.dynamicAll.latency, `${p.dynamicAll.requestsPerSec} req/s`)
  }
  if (r.editor) {
    line('editor: create post, 30 endnotes', r.editor.create)
    line('editor: update', r.editor.update)
    line('editor: publish', r.editor.publish)
    line('editor: create translation', r.editor.createTranslation)
  }
  if (r.import) line(`import ${r.import.bodyWords}-word article, ${r.import.notes} notes`, r.import)
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)))
  const fmt = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
  const out = [
    `${r.name}: ${r.corpus.posts} posts (${r.corpus.reused ? 'reused' : 'generated'} corpus, generated in ${(r.corpus.generatedMs / 1000).toFixed(0)} s) — ${r.machine.cpuModel}, ${r.machine.cores} cores — commit ${r.machine.commit.slice(0, 10)}`,
    fmt(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(fmt),
  ]
  if (r.pages) {
    out.push(
      '',
      `cached / static ceiling: ${(r.pages.cachedVsStatic * 100).toFixed(1)} %   server RSS: idle ${r.pages.serverRssMb.idle} MB, peak during (b) ${r.pages.serverRssMb.peakDuringDynamic} MB${r.pages.dynamicHeapCapped ? ` (${r.pages.dynamicHeapCapped.peakRssMb} MB with ${r.pages.dynamicHeapCapped.nodeArgs.join(' ')})` : ''}   page ${r.pages.htmlBytes} bytes   ${r.pages.cached.connections} connections × ${r.pages.cached.durationSeconds} s   non-2xx/errors: a ${r.pages.cached.non2xx}/${r.pages.cached.errors}, b ${r.pages.dynamic.non2xx}/${r.pages.dynamic.errors}, c ${r.pages.static.non2xx}/${r.pages.static.errors}`,
    )
  }
  if (r.pages?.weight) {
    for (const [name, w] of Object.entries(r.pages.weight)) {
      out.push(`${name} page ${w.path}: HTML ${formatWeight(w.htmlBytes, w.htmlGzipBytes)}, JavaScript ${w.scripts.count} chunks ${formatWeight(w.scripts.bytes, w.scripts.gzipBytes)}`)
    }
  }
  if (r.processes) {
    const p = r.processes
    out.push(
      `npm start, ${p.workers} processes: RSS per process idle ${p.rssPerProcessMb.idle.join(' / ')} MB, peak during (b) ${p.rssPerProcessMb.peakDuringDynamic.join(' / ')} MB   warm-up after start: ${p.warmUp ? `${p.warmUp.warmed}/${p.warmUp.pages} pages in ${p.warmUp.seconds} s` : 'off'}`,
    )
  }
  out.push(`1-min load average at each section's start (shared machine): ${Object.entries(r.loadAverage).map(([k, v]) => `${k} ${v}`).join(', ')}`)
  for (const [section, reason] of Object.entries(r.notMeasured)) out.push(`not measured: ${section}: ${reason}`)
  out.push('', 'targets:')
  const tw = Math.max(...r.targets.map((t) => t.name.length))
  for (const t of r.targets) out.push(`  ${t.status === 'met' ? 'MET   ' : t.status === 'missed' ? 'MISSED' : 'n/a   '} ${t.name.padEnd(tw)}  ${t.target.padEnd(14)} ${t.value}`)
  return out.join('\n')
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
