import type { Payload } from 'payload'

import fs from 'node:fs/promises'

import type { CliIO } from './importCli'

import { CitationLibraryError, importCitations } from 'payload-policy-posts'

const defaultIO: CliIO = {
  err: (line) => process.stderr.write(`${line}\n`),
  out: (line) => process.stdout.write(`${line}\n`),
}

const USAGE = 'Usage: npm run import:citations -- path/to/library.bib|.ris|.json'

/**
 * `npm run import:citations -- FILE`: imports a BibTeX, RIS or CSL-JSON library into `footnotes`.
 * Prints `{"created":[ids],"reused":[ids]}` on stdout. Exit codes: 0 imported, 1 refused or
 * failed (nothing written), 2 bad usage.
 */
export async function runImportCitationsCli(payload: Payload, args: string[], io: CliIO = defaultIO): Promise<number> {
  const files = args.filter((arg) => !arg.startsWith('-'))
  if (files.length !== 1 || files.length !== args.length) {
    io.err(USAGE)
    return 2
  }
  const [file] = files
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`)
    return 2
  }
  try {
    const result = await importCitations(payload, { context: { disableRevalidate: true }, fileName: file, text })
    io.err(`Imported ${file} (${result.format}): ${result.created.length} record(s) created, ${result.reused.length} reused.`)
    io.out(JSON.stringify({ created: result.created, reused: result.reused }))
    return 0
  } catch (error) {
    if (error instanceof CitationLibraryError) {
      io.err(`Refused: ${error.message} Nothing was imported.`)
      return 1
    }
    io.err(`Import failed: ${(error as Error).message}`)
    return 1
  }
}
