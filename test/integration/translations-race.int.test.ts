import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { linkTranslation } from '../../src/plugin/index'
import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

// One version per language per group, for draft saves racing each other: the hooks' check
// cannot see the other save's uncommitted draft; the database must decide.

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editor: { token: string }
let watcher: pg.Client

const fieldErrors = (body: any): { message: string; path: string }[] => body?.errors?.[0]?.data?.errors ?? []

let counter = 0
async function post(data: Record<string, unknown>, { draft = false } = {}) {
  counter += 1
  return t.payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { _status: draft ? 'draft' : 'published', title: `Race ${counter}`, ...data } as never,
    draft,
  })
}

/** An English post in a fresh group, and two Turkish posts outside it (one published, one a draft). */
async function scene() {
  const en = await post({ language: 'en', title: `Source ${counter}` })
  const de = await post({ language: 'tr', title: `Geçici ${counter}` })
  const { group } = await linkTranslation(t.payload, { source: en.id, target: de.id })
  // Leave the group with only its English version.
  await t.payload.update({ ...asAdmin, collection: 'posts', id: de.id, data: { translationGroup: null } })
  const first = await post({ language: 'tr', title: `Birinci ${counter}` })
  const second = await post({ language: 'tr', title: `İkinci ${counter}` }, { draft: true })
  return { en, first, group: group as number, second }
}

const draftSave = (payload: Payload, id: number, group: number, req?: PayloadRequest) =>
  payload.update({ ...asAdmin, collection: 'posts', data: { translationGroup: group }, draft: true, id, req })

/** The Turkish versions the group's members show editors (published rows and latest drafts). */
async function turkishMembers(group: number): Promise<number[]> {
  const ids = new Set<number>()
  for (const draft of [true, false]) {
    const found = await t.payload.find({
      ...asAdmin,
      collection: 'posts',
      draft,
      limit: 0,
      pagination: false,
      where: { and: [{ translationGroup: { equals: group } }, { language: { equals: 'tr' } }] },
    })
    for (const doc of found.docs) ids.add(doc.id as number)
  }
  return [...ids]
}

/** Whether a statement of this test's database comes to wait for a lock another transaction holds. */
async function someoneWaitsForALock(): Promise<boolean> {
  // Returns as soon as one waits; the long limit only matters on a busy machine.
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const { rows } = await watcher.query(
      "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    )
    if (rows[0].waiting > 0) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

/**
 * Saves `first` into the group in a transaction held open while `race` saves the other post:
 * that save's hooks cannot see the uncommitted draft, so only the database can stop it — by
 * making it wait for the first and then refusing it.
 */
async function raceAgainstHeldDraft<T>(first: number, group: number, race: () => Promise<T>): Promise<{ outcome: T; waited: boolean }> {
  const held = await createLocalReq({}, t.payload)
  await initTransaction(held)
  try {
    await draftSave(t.payload, first, group, held)
    const pending = race()
    const waited = await someoneWaitsForALock()
    await commitTransaction(held)
    return { outcome: await pending, waited }
  } catch (error) {
    await killTransaction(held)
    throw error
  }
}

beforeAll(async () => {
  t = await startTestPayload('translations_race')
  rest = restClient(t.payload)
  const user = await createUser(t.payload, 'editor')
  editor = { token: await rest.login(user.email, user.password) }
  watcher = new pg.Client({ connectionString: t.databaseUrl })
  await watcher.connect()
})

afterAll(async () => {
  await watcher?.end()
  await t?.cleanup()
})

describe('the database', () => {
  it('has the unique (group, language) index over published rows and latest drafts', async () => {
    const { rows } = await watcher.query<{ indexdef: string }>(
      "select indexdef from pg_indexes where tablename = 'posts_translation_group_languages' and indexdef ilike 'create unique%'",
    )
    expect(rows.map((row) => row.indexdef)).toEqual([expect.stringMatching(/\(group_id, language\)$/)])
  })

  it('refuses a second holder of a language of a group, whatever writes it', async () => {
    const { en, first, group } = await scene()
    await draftSave(t.payload, first.id, group)
    await expect(
      watcher.query('insert into posts_translation_group_languages (post_id, group_id, language) values ($1, $2, $3)', [
        en.id,
        group,
        'tr',
      ]),
    ).rejects.toMatchObject({ code: '23505', constraint: 'posts_translation_group_languages_group_language_idx' })
  })
})

describe('two draft saves racing for one language of a group', () => {
  it('Local API: the second, waiting on the first, gets the 400 naming translationGroup', async () => {
    const { first, group, second } = await scene()
    const { outcome, waited } = await raceAgainstHeldDraft(first.id, group, () =>
      draftSave(t.payload, second.id, group).then(
        () => 'saved',
        (error: unknown) => error,
      ),
    )
    expect(waited).toBe(true)
    expect(outcome).toMatchObject({
      data: { errors: [{ message: `This piece already has a Türkçe version: ${first.title}`, path: 'translationGroup' }] },
      status: 400,
    })
    expect(await turkishMembers(group)).toEqual([first.id])
  })

  it('REST ?draft=true: the second gets the same 400 the sequential case gives', async () => {
    const { first, group, second } = await scene()
    const { outcome: response, waited } = await raceAgainstHeldDraft(first.id, group, () =>
      rest.patch(`/posts/${second.id}?draft=true`, { ...editor, body: { translationGroup: group } }),
    )
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(waited).toBe(true)
    expect(fieldErrors(response.body)).toEqual([
      { message: `This piece already has a Türkçe version: ${first.title}`, path: 'translationGroup' },
    ])
    expect(await turkishMembers(group)).toEqual([first.id])

    // The sequential case, for comparison: the hooks see the committed draft.
    const again = await rest.patch(`/posts/${second.id}?draft=true`, { ...editor, body: { translationGroup: group } })
    expect(again.status).toBe(400)
    expect(fieldErrors(again.body)).toEqual(fieldErrors(response.body))
  })

  it('Local API and REST at once: exactly one wins, the other gets the 400', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { first, group, second } = await scene()
      const [local, viaRest] = await Promise.all([
        draftSave(t.payload, first.id, group).then(
          () => ({ status: 200, errors: [] as { message: string; path: string }[] }),
          (error: { data?: { errors?: { message: string; path: string }[] }; status?: number }) => ({
            errors: error.data?.errors ?? [],
            status: error.status ?? 500,
          }),
        ),
        rest
          .patch(`/posts/${second.id}?draft=true`, { ...editor, body: { translationGroup: group } })
          .then((res) => ({ errors: fieldErrors(res.body), status: res.status })),
      ])
      expect([local.status, viaRest.status].sort(), JSON.stringify([local, viaRest])).toEqual([200, 400])
      const [winner, loser] = local.status === 200 ? [first, viaRest] : [second, local]
      expect(loser.errors).toEqual([
        { message: `This piece already has a Türkçe version: ${winner.title}`, path: 'translationGroup' },
      ])
      expect(await turkishMembers(group)).toEqual([winner.id])
    }
  })

  it('a draft that moves out of the group frees its language for another post', async () => {
    const { first, group, second } = await scene()
    await draftSave(t.payload, first.id, group)
    await t.payload.update({ ...asAdmin, collection: 'posts', data: { translationGroup: null }, draft: true, id: first.id })
    await draftSave(t.payload, second.id, group)
    expect(await turkishMembers(group)).toEqual([second.id])
    const { rows } = await watcher.query(
      'select post_id from posts_translation_group_languages where group_id = $1 and language = $2',
      [group, 'tr'],
    )
    expect(rows).toEqual([{ post_id: second.id }])
  })
})
