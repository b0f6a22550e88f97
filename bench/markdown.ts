/**
 * `npx tsx bench/markdown.ts [posts-1k posts-10k posts-100k]`: the results in bench/results/
 * as one Markdown table (p50 / p95 / p99 in ms, throughput), for the README.
 */
import fs from 'node:fs'
import path from 'node:path'

const dir = path.resolve(import.meta.dirname, 'results')
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['posts-1k', 'posts-10k', 'posts-100k']
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const runs = names.map((name) => ({ name, r: JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as any }))

const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1))
const cell = (s?: { p50: number; p95: number; p99: number }, extra = '') =>
  s ? `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}${extra ? ` · ${extra}` : ''}` : 'not measured'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const weightCell = (w?: { htmlBytes: number; htmlGzipBytes: number; scripts: { count: number; bytes: number; gzipBytes: number } }) =>
  w ? `${kb(w.htmlBytes)} (${kb(w.htmlGzipBytes)}) · ${w.scripts.count} chunks, ${kb(w.scripts.bytes)} (${kb(w.scripts.gzipBytes)})` : 'not measured'

const rows: [string, (r: any) => string][] = [
  ['`findSimilarPosts` (GIN index)', (r) => cell(r.similar?.indexed, r.similar ? `${r.similar.indexed.throughputPerSec}/s (4 callers ${r.similar.indexed.concurrentThroughputPerSec}/s), n=${r.similar.indexed.samples}` : '')],
  ['same ranking, sequential scan (baseline)', (r) => (r.similar?.baseline?.p95 ? cell(r.similar.baseline, `n=${r.similar.baseline.samples}; index ${r.similar.speedupP95}× faster at p95`) : 'not measured')],
  ['post page (a) from the Next cache', (r) => cell(r.pages?.cached.latency, r.pages ? `${r.pages.cached.requestsPerSec} req/s` : '')],
  ['post page (b) forced dynamic render, 10 conn.', (r) => cell(r.pages?.dynamic.latency, r.pages ? `${r.pages.dynamic.requestsPerSec} req/s${r.pages.dynamic.errors || r.pages.dynamic.non2xx ? `; ${Object.entries(r.pages.dynamic.statuses ?? {}).filter(([code]) => code !== '200').map(([code, n]) => `${n} × ${code}`).join(', ')}, ${r.pages.dynamic.errors} timeouts` : ''}` : '')],
  ['post page (b) forced dynamic render, 1 conn.', (r) => cell(r.pages?.dynamicSingleConnection?.latency, r.pages?.dynamicSingleConnection ? `${r.pages.dynamicSingleConnection.requestsPerSec} req/s` : '')],
  ['post page (b) a post\'s first render in the process, 1 conn.', (r) => cell(r.pages?.dynamicFirstRenders?.latency, r.pages?.dynamicFirstRenders ? `${r.pages.dynamicFirstRenders.requestsPerSec} req/s` : '')],
  ['post page (b) with `npm start`\'s heap flags', (r) => cell(r.pages?.dynamicHeapCapped?.latency, r.pages?.dynamicHeapCapped ? `${r.pages.dynamicHeapCapped.requestsPerSec} req/s, peak RSS ${r.pages.dynamicHeapCapped.peakRssMb} MB (${(r.pages.dynamicHeapCapped.nodeArgs ?? []).join(' ')})` : '')],
  ['post page (c) static file (ceiling)', (r) => cell(r.pages?.static.latency, r.pages ? `${r.pages.static.requestsPerSec} req/s` : '')],
  ['cached ÷ static throughput', (r) => (r.pages ? `${(r.pages.cachedVsStatic * 100).toFixed(1)} %` : 'not measured')],
  ['post page HTML · JavaScript loaded (gzipped)', (r) => weightCell(r.pages?.weight?.post)],
  ['`/en` listing HTML · JavaScript loaded (gzipped)', (r) => weightCell(r.pages?.weight?.listing)],
  ['`npm start`, all processes: (a) cached', (r) => cell(r.processes?.cachedAll.latency, r.processes ? `${r.processes.cachedAll.requestsPerSec} req/s with ${r.processes.workers} processes, 1 process ${r.processes.cachedOne.requestsPerSec} req/s; ${r.processes.cachedSpeedup}× in turns` : '')],
  ['`npm start`, all processes: (b) forced dynamic render, 10 conn.', (r) => cell(r.processes?.dynamicAll.latency, r.processes ? `${r.processes.dynamicAll.requestsPerSec} req/s` : '')],
  ['`npm start`: RSS per process, peak during (b)', (r) => (r.processes ? `${r.processes.rssPerProcessMb.peakDuringDynamic.join(' / ')} MB (idle ${r.processes.rssPerProcessMb.idle.join(' / ')})` : 'not measured')],
  ['`npm start`: warm-up after start', (r) => (r.processes?.warmUp ? `${r.processes.warmUp.warmed.toLocaleString('en')} pages in ${r.processes.warmUp.seconds} s` : 'not measured')],
  ['server RSS idle → peak during (b)', (r) => (r.pages ? `${r.pages.serverRssMb.idle} → ${r.pages.serverRssMb.peakDuringDynamic} MB` : 'not measured')],
  ['editor: create post with 30 endnotes', (r) => cell(r.editor?.create)],
  ['editor: update', (r) => cell(r.editor?.update)],
  ['editor: publish', (r) => cell(r.editor?.publish)],
  ['editor: create translation', (r) => cell(r.editor?.createTranslation)],
  ['import 5,000 words, 50 notes', (r) => cell(r.import)],
  ['import .docx 10,000 words, 100 notes', (r) => cell(r.docxImport)],
  ['corpus generation', (r) => `${Math.round(r.corpus.generatedMs / 1000)} s`],
  ['load average (start → pages)', (r) => `${r.loadAverage?.start ?? '?'} → ${r.loadAverage?.pages ?? '?'}`],
  ['commit', (r) => `\`${String(r.machine.commit).slice(0, 7)}\`${r.machine.uncommittedChanges ? ` (+${r.machine.uncommittedChanges} files)` : ''}`],
]

const header = `| p50 / p95 / p99 ms | ${runs.map(({ r }) => `${r.corpus.posts.toLocaleString('en')} posts`).join(' | ')} |`
console.log(header)
console.log(`|---|${runs.map(() => '---').join('|')}|`)
for (const [label, get] of rows) console.log(`| ${label} | ${runs.map(({ r }) => get(r)).join(' | ')} |`)
