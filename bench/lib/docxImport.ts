/**
 * The .docx importer (`importDocx`) on a 10,000-word Word manuscript with 100 notes (half
 * footnotes, half endnotes), written with the `docx` library as in the tests.
 */
import type { Payload, TypedUser } from 'payload'

import type { Summary } from './stats'

import { importDocx } from '../../src/plugin/import/importDocx'
import { longManuscript } from '../../test/fixtures/docx/buildDocx'
import { summarize, timed } from './stats'

export const DOCX_WORDS = 10_000
export const DOCX_NOTES = 100

export interface DocxImportResult extends Summary {
  words: number
  notes: number
  fileBytes: number
  footnotesCreatedPerImport: number
}

export async function benchDocxImport(
  payload: Payload,
  { iterations = 8, log, user }: { iterations?: number; log: (line: string) => void; user: TypedUser },
): Promise<DocxImportResult> {
  const times: number[] = []
  let created = 0
  let fileBytes = 0
  const runTag = Date.now().toString(36)
  for (let i = 0; i < iterations + 1; i++) {
    // Unique URLs per import, so each creates its 100 footnote records (the costly case).
    const file = await longManuscript({ notes: DOCX_NOTES, urlTag: `docx-bench-${runTag}-${i}`, words: DOCX_WORDS })
    fileBytes = file.length
    const { ms, result } = await timed(() => importDocx(payload, { file, language: 'en', user }))
    if (!result.ok || 'preview' in result) throw new Error(`import refused: ${'problems' in result ? result.problems.map((p) => p.message).join('; ') : ''}`)
    if (i > 0) {
      times.push(ms)
      created = result.created.footnotes
    }
  }
  const summary = { ...summarize(times), fileBytes, footnotesCreatedPerImport: created, notes: DOCX_NOTES, words: DOCX_WORDS }
  log(`  .docx import: p50 ${summary.p50} ms, p95 ${summary.p95} ms (${DOCX_WORDS} words, ${created} notes created, ${Math.round(fileBytes / 1024)} KB)`)
  return summary
}
