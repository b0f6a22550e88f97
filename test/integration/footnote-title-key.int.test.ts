import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import { backfillFootnoteTitleKeys, fillTitleKeys } from '../../src/plugin/collections/footnotes/fillTitleKeys'
import { footnoteResolver } from '../../src/plugin/import/footnoteRecords'
import { asAdmin, createFootnote } from '../helpers/fixtures'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload('footnote-title-key')
}, 120_000)
afterAll(async () => t?.cleanup())

type Rows = { rows: Record<string, unknown>[] }
const query = async (text: string): Promise<Record<string, unknown>[]> =>
  ((await t.payload.db.drizzle.execute(text)) as unknown as Rows).rows
const keyOf = async (id: number | string): Promise<unknown> => (await query(`select title_key from footnotes where id = ${Number(id)}`))[0]?.title_key

// Records as bulk SQL (or a database from before the column) leaves them: no key.
async function insertWithoutKey(titles: (null | string)[]): Promise<number[]> {
  const values = titles.map((title) => `(${title === null ? 'null' : `'${title.replace(/'/g, "''")}'`}, 'x', 'Outlet K', now(), now())`)
  const rows = await query(`insert into footnotes (title, label, outlet, updated_at, created_at) values ${values.join(', ')} returning id`)
  return rows.map((row) => Number(row.id))
}

describe('footnotes title key', () => {
  it('is kept in step with the title on create and update, and is not part of API responses', async () => {
    const note = await createFootnote(t.payload, { title: '“Rail & Ports” of the Middle Corridor', url: 'https://example.org/title-key-1' })
    expect(await keyOf(note.id)).toBe('rail ports of the middle corridor')
    expect('titleKey' in note).toBe(false)
    await t.payload.update({ ...asAdmin, collection: 'footnotes', data: { outlet: 'Another outlet' }, id: note.id })
    expect(await keyOf(note.id)).toBe('rail ports of the middle corridor')
    await t.payload.update({ ...asAdmin, collection: 'footnotes', data: { title: 'Ports of Türkiye' }, id: note.id })
    expect(await keyOf(note.id)).toBe('ports of turkiye')
    await t.payload.update({ ...asAdmin, collection: 'footnotes', data: { title: null, url: 'https://example.org/title-key-1' }, id: note.id })
    expect(await keyOf(note.id)).toBeNull()
  })

  it('fills the keys of records written without one, across batches, past titles that fold to nothing', async () => {
    const titles = ['Caspian Freight, 2024', 'CASPIAN FREIGHT 2024', '— … —', null, 'Çelik yollar', 'Baku Ports', 'Zangezur']
    const ids = await insertWithoutKey(titles)
    expect(await keyOf(ids[0])).toBeNull()
    const table = { idType: 'integer', table: sql`"footnotes"` }
    expect(await fillTitleKeys(t.payload.db.drizzle as never, table, { batchSize: 2 })).toBe(5)
    expect(await Promise.all(ids.map(keyOf))).toEqual(['caspian freight 2024', 'caspian freight 2024', null, null, 'celik yollar', 'baku ports', 'zangezur'])
    // nothing left to fill, and the record whose title folds to nothing does not hold the walk up
    expect(await fillTitleKeys(t.payload.db.drizzle as never, table, { batchSize: 2 })).toBe(0)
    expect(await backfillFootnoteTitleKeys(t.payload)).toBe(0)
  })

  it('lets the importer reuse a record by its folded title + outlet, found through the key', async () => {
    const [old] = await insertWithoutKey(['The Middle Corridor’s “Second Wind”'])
    expect(await backfillFootnoteTitleKeys(t.payload)).toBe(1)
    const req = await createLocalReq({}, t.payload)
    const resolver = footnoteResolver(t.payload, { footnotesSlug: 'footnotes', overrideAccess: true, req })
    // other quotes, case and URL, same folded title and outlet: the same work
    expect(await resolver.resolve({ outlet: 'outlet k', title: 'THE MIDDLE CORRIDOR’S SECOND WIND', url: 'https://example.org/second-wind' })).toBe(old)
    // every word of the title but more: another work
    const longer = await resolver.resolve({ outlet: 'Outlet K', title: 'The Middle Corridor’s Second Wind Fades', url: 'https://example.org/fades' })
    expect(longer).not.toBe(old)
    // same title, other outlet: another work
    expect(await resolver.resolve({ outlet: 'Outlet L', title: 'The Middle Corridor’s Second Wind' })).not.toBe(old)
    expect([resolver.reused(), resolver.created()]).toEqual([1, 2])
  })
})
