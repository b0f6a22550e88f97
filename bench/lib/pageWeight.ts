/**
 * What a page weighs for a reader: its HTML (raw and gzipped) and the JavaScript it loads —
 * the `<script src>` chunks of the response plus the client chunks its RSC data names (the
 * runtime loads those before hydrating) — counted and sized from the build's real files.
 * Gzip at level 6, what the server's `compress` sends.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export interface PageWeight {
  path: string
  htmlBytes: number
  htmlGzipBytes: number
  scripts: { count: number; bytes: number; gzipBytes: number; files: string[] }
}

const gzipSize = (data: Buffer | string) => zlib.gzipSync(data, { level: 6 }).length

/** Every `/_next/static/….js` file the HTML loads or its RSC data names, in order of first mention. */
export function scriptChunks(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)(?:\?[^"]*)?"/g)) {
    const src = match[1]!
    if (src.includes('/_next/static/')) found.add(src.slice(src.indexOf('/_next/static/')))
  }
  // RSC rows name chunks as "static/chunks/…js" (escaped inside the inline flight scripts)
  for (const match of html.matchAll(/(?:\/_next\/)?static\/chunks\/[A-Za-z0-9._~\/-]+?\.js/g)) {
    const name = match[0].startsWith('/_next/') ? match[0] : `/_next/${match[0]}`
    found.add(name)
  }
  return [...found]
}

/** Weighs `pagePath` as served by `baseUrl`; chunks are read from `distDir` (the served `.next`). */
export async function measurePageWeight({ baseUrl, distDir, headers = {}, pagePath }: { baseUrl: string; distDir: string; headers?: Record<string, string>; pagePath: string }): Promise<PageWeight> {
  const response = await fetch(`${baseUrl}${pagePath}`, { headers: { ...headers, 'accept-encoding': 'identity' } })
  if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`)
  const html = Buffer.from(await response.arrayBuffer())
  const files = scriptChunks(html.toString('utf8'))
  let bytes = 0
  let gzipBytes = 0
  for (const file of files) {
    const onDisk = path.join(distDir, decodeURIComponent(file.slice('/_next/'.length)))
    const content = fs.readFileSync(onDisk)
    bytes += content.length
    gzipBytes += gzipSize(content)
  }
  return { htmlBytes: html.length, htmlGzipBytes: gzipSize(html), path: pagePath, scripts: { bytes, count: files.length, files, gzipBytes } }
}

/** "92.1 KB (21.3 KB gz)" */
export function formatWeight(bytes: number, gzipBytes: number): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  return `${kb(bytes)} (${kb(gzipBytes)} gz)`
}
