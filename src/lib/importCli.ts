import type { Payload } from 'payload'

import fs from 'node:fs/promises'

import type { DocxImportSucceeded, ImportArticleResult, ImportDocxResult } from 'payload-policy-posts'

import { DocxImportError, getPolicyPostsOptions, importArticle, importDocx, sniffFile } from 'payload-policy-posts'

export interface CliIO {
  /** Standard output: the created post as JSON. */
  out: (line: string) => void
  /** Standard error: problems, warnings, usage. */
  err: (line: string) => void
}

const defaultIO: CliIO = {
  err: (line) => process.stderr.write(`${line}\n`),
  out: (line) => process.stdout.write(`${line}\n`),
}

const USAGE = 'Usage: npm run import -- --lang <code> path/to/article.txt|article.docx [--force]'

interface CliArgs {
  file?: string
  force: boolean
  language?: string
  unknown: string[]
}

function parseArgs(args: string[]): CliArgs {
  const parsed: CliArgs = { force: false, unknown: [] }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--force' || arg === '-f') parsed.force = true
    else if (arg === '--lang' || arg === '--language' || arg === '-l') parsed.language = args[++i]
    else if (arg.startsWith('--lang=') || arg.startsWith('--language=')) parsed.language = arg.slice(arg.indexOf('=') + 1)
    else if (arg.startsWith('-')) parsed.unknown.push(arg)
    else if (parsed.file === undefined) parsed.file = arg
    else parsed.unknown.push(arg)
  }
  return parsed
}

/**
 * `npm run import -- --lang en path/to/article.txt [--force]`: imports the article as a draft.
 * Prints `{"id":…,"slug":"…"}` on stdout; problems and warnings go to stderr one per line.
 * Exit codes: 0 imported, 1 refused (problems without --force) or failed, 2 bad usage.
 */
export async function runImportCli(payload: Payload, args: string[], io: CliIO = defaultIO): Promise<number> {
  const parsed = parseArgs(args)
  const languages = getPolicyPostsOptions(payload).languages.map((language) => language.code)
  if (parsed.unknown.length > 0) {
    io.err(`Unknown argument(s): ${parsed.unknown.join(' ')}`)
    io.err(USAGE)
    return 2
  }
  if (!parsed.language || !languages.includes(parsed.language)) {
    io.err(parsed.language ? `Unknown language "${parsed.language}"; use one of: ${languages.join(', ')}` : 'Missing --lang.')
    io.err(USAGE)
    return 2
  }
  if (!parsed.file) {
    io.err('Missing the path of the article file.')
    io.err(USAGE)
    return 2
  }
  let bytes: Buffer
  try {
    bytes = await fs.readFile(parsed.file)
  } catch (error) {
    io.err(`Cannot read ${parsed.file}: ${(error as Error).message}`)
    return 2
  }

  try {
    // The bytes decide, not the name: a .docx renamed .txt is still read as Word.
    const kind = sniffFile(bytes)
    const asDocx = kind !== 'text' && kind !== 'binary'
    if (!asDocx && /\.docx$/i.test(parsed.file)) {
      throw new DocxImportError('not-docx', `${parsed.file} is not a .docx (Word) document: it is ${kind === 'text' ? 'plain text' : 'a binary file of another kind'}.`)
    }
    if (kind === 'binary') {
      throw new DocxImportError('not-text', `${parsed.file} is neither plain UTF-8 text nor a .docx: it is a binary file of another kind.`)
    }
    const options = { context: { disableRevalidate: true }, force: parsed.force, language: parsed.language }
    const result: ImportArticleResult | ImportDocxResult = asDocx
      ? await importDocx(payload, { ...options, file: bytes })
      : await importArticle(payload, { ...options, text: bytes.toString('utf8') })
    if ('preview' in result) return 1
    for (const problem of result.problems) io.err(problem.message)
    if (!result.ok) {
      io.err(`Refused: ${result.problems.length} problem(s) in ${parsed.file}; nothing was imported. Fix the text or pass --force.`)
      return 1
    }
    for (const warning of result.warnings) io.err(`Warning: ${warning}`)
    io.err(
      `Imported as a draft: ${result.created.footnotes} citation record(s) created, ${result.created.reused} reused.`,
    )
    const media = (result as Partial<DocxImportSucceeded>).media
    if (media && (media.created > 0 || media.skipped.length > 0)) {
      io.err(`Images: ${media.created} stored as media, ${media.skipped.length} skipped.`)
    }
    io.out(JSON.stringify({ id: result.post.id, slug: result.post.slug }))
    return 0
  } catch (error) {
    if (error instanceof DocxImportError) {
      io.err(`Refused: ${error.message} Nothing was imported.`)
      return 1
    }
    const data = (error as { data?: { errors?: { message: string; path: string }[] } }).data
    io.err(`Import failed: ${(error as Error).message}`)
    for (const detail of data?.errors ?? []) io.err(`  ${detail.path}: ${detail.message}`)
    return 1
  }
}
