import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { runImportCitationsCli } from '../../src/lib/importCitationsCli'
import { importCitations } from '../../src/plugin/import/citations/importCitations'
import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

const fixtures = path.join(import.meta.dirname, '../fixtures/citations')
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string

const footnoteCount = async () => (await t.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs

beforeAll(async () => {
  t = await startTestPayload('citation_library')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
})

afterAll(async () => {
  await t?.cleanup()
})

describe('importCitations', () => {
  let bib: Awaited<ReturnType<typeof importCitations>>

  it('imports a BibTeX library as footnote records', async () => {
    bib = await importCitations(t.payload, { fileName: 'library.bib', text: read('library.bib') })
    expect(bib.format).toBe('bibtex')
    expect(bib.created).toHaveLength(3)
    expect(bib.reused).toEqual([])
    const cepa = await t.payload.findByID({ ...asAdmin, collection: 'footnotes', id: bib.created[1] })
    expect(cepa).toMatchObject({ citedAuthors: 'Emil Avdaliani', outlet: 'CEPA', title: 'Putin Seeks to Solve His Azerbaijan Problem', url: 'https://cepa.org/article/putin-azerbaijan' })
    expect(cepa.accessedAt?.slice(0, 10)).toBe('2025-12-24')
    expect(cepa.publishedAt?.slice(0, 10)).toBe('2025-12-20')
  })

  it('reuses records with the same DOI (RIS) or the same title (CSL-JSON) and creates the rest', async () => {
    const ris = await importCitations(t.payload, { text: read('library.ris') })
    // The DOI differs only in case from the BibTeX entry's.
    expect(ris.reused).toEqual([bib.created[0]])
    expect(ris.created).toHaveLength(1)
    const csl = await importCitations(t.payload, { text: read('library.json') })
    expect(csl.reused).toEqual([bib.created[2]])
    expect(csl.created).toHaveLength(1)
    expect(await footnoteCount()).toBe(5)
  })

  it('writes nothing for a file that is not a citation library', async () => {
    const before = await footnoteCount()
    await expect(importCitations(t.payload, { fileName: 'notes.txt', text: 'Just a few notes.' })).rejects.toThrow(/not a citation library/)
    expect(await footnoteCount()).toBe(before)
  })
})

describe('POST /api/footnotes/import', () => {
  it('imports a multipart file for staff, 400 naming the file otherwise', async () => {
    const form = (text: string, name: string) => {
      const body = new FormData()
      body.append('file', new Blob([text]), name)
      return body
    }
    expect((await rest.post('/footnotes/import', { form: form(read('library.ris'), 'library.ris') })).status).toBe(403)
    const ok = await rest.post('/footnotes/import', { form: form(read('library.ris'), 'library.ris'), token: editorToken })
    expect(ok.status).toBe(201)
    expect(ok.body).toMatchObject({ created: [], format: 'ris' })
    expect(ok.body.reused).toHaveLength(2)
    const bad = await rest.post('/footnotes/import', { form: form('hello', 'hello.txt'), token: editorToken })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0]).toEqual({ message: expect.stringMatching(/not a citation library/), path: 'file' })
  })
})

describe('npm run import:citations', () => {
  it('prints the created and reused footnote ids', async () => {
    const out: string[] = []
    const err: string[] = []
    const file = path.join(os.tmpdir(), `extra-${process.pid}.bib`)
    fs.writeFileSync(file, `${read('library.bib')}\n@misc{new1, title={A New Entry on Corridors}, url={https://example.org/new-entry}}\n`)
    const code = await runImportCitationsCli(t.payload, [file], { err: (line) => err.push(line), out: (line) => out.push(line) })
    fs.rmSync(file)
    expect(code).toBe(0)
    const printed = JSON.parse(out[0])
    expect(printed.reused).toHaveLength(3)
    expect(printed.created).toHaveLength(1)
    expect(err[0]).toMatch(/\(bibtex\): 1 record\(s\) created, 3 reused\./)
  })
})
