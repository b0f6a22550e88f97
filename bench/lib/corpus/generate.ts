/**
 * The benchmark corpus generator: deterministic for a seed, written with bulk SQL through the
 * Postgres adapter's Drizzle instance (`jsonb_to_recordset` batches), then indexed for full-text
 * search by the plugin's own `updateSearchIndex` so the vectors are exactly the product's.
 *
 * Shape: `posts` language versions; about 70 % of them in an en+tr translation group (the tr
 * one translated from the en one, same footnotes in the same order), the rest single-language;
 * 800–2,000 words of prose each, 3 highlights, 4–12 endnotes drawn (Zipf) from a shared pool
 * of footnote records; 20 categories (correlated with the topic), 200 authors (1–3 per post);
 * ~97 % published; one published version row per post in `_posts_v`, as Payload would keep.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { Lang, LanguageModel } from './text'

import { updateSearchIndex } from 'payload-policy-posts'
import { refreshTermStatistics } from '../../../src/plugin/search/termStatistics'
import { slugifyTitle } from 'payload-policy-posts'
import { endnoteNode, headingNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { toRoman } from 'payload-policy-posts'
import { Random, zipfTable } from '../random'
import { languageModel, TOPICS, Writer } from './text'
import { CATEGORY_NAMES, DOMAINS, FIRST_NAMES, OUTLETS, SURNAMES } from './vocabulary'

/** Bump when the corpus shape changes: stored corpora of another version are regenerated. */
export const GENERATOR_VERSION = 1
export const DEFAULT_SEED = 'policy-posts-bench-1'

export const AUTHORS = 200
export const CATEGORIES = CATEGORY_NAMES.length
const BATCH = 200

interface Db {
  execute: (query: ReturnType<typeof sql> | string) => Promise<{ rowCount?: null | number; rows: Record<string, unknown>[] }>
}

const drizzleOf = (payload: Payload): Db => (payload.db as unknown as { drizzle: Db }).drizzle

const iso = (ms: number) => new Date(ms).toISOString()

export interface GenerateResult {
  counts: Record<string, number>
  maxIds: Record<string, number>
  timings: Record<string, number>
}

export const footnotePoolSize = (posts: number) => Math.max(400, Math.min(60_000, Math.round(posts * 0.5)))

/** Empties every content table (and resets ids) so generation starts from nothing. */
export async function emptyContent(payload: Payload): Promise<void> {
  const result = await drizzleOf(payload).execute(
    `select tablename from pg_tables where schemaname = current_schema() and tablename not in ('payload_migrations')`,
  )
  const tables = result.rows.map((row) => `"${String(row.tablename)}"`)
  if (tables.length) await drizzleOf(payload).execute(`truncate ${tables.join(', ')} restart identity cascade`)
}

async function insertRecords(db: Db, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return
  const names = Object.keys(columns)
  const quoted = names.map((name) => `"${name}"`).join(', ')
  const definition = names.map((name) => `"${name}" ${columns[name]}`).join(', ')
  await db.execute(
    sql`insert into ${sql.raw(`"${table}"`)} (${sql.raw(quoted)}) select ${sql.raw(quoted)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(definition)})`,
  )
}

const POST_COLUMNS = {
  _status: 'enum_posts_status',
  category_id: 'integer',
  content: 'jsonb',
  created_at: 'timestamptz',
  id: 'integer',
  language: 'enum_posts_language',
  meta_description: 'varchar',
  published_at: 'timestamptz',
  slug: 'varchar',
  source_updated_at: 'timestamptz',
  title: 'varchar',
  translated_from_id: 'integer',
  translation_group_id: 'integer',
  translation_status: 'enum_posts_translation_status',
  updated_at: 'timestamptz',
}

interface PostRow {
  id: number
  title: string
  slug: string
  language: Lang
  category_id: number
  published_at: null | string
  content: unknown
  meta_description: string
  translation_status: string
  translation_group_id: null | number
  translated_from_id: null | number
  source_updated_at: null | string
  updated_at: string
  created_at: string
  _status: 'draft' | 'published'
}

interface Batch {
  posts: PostRow[]
  highlights: Record<string, unknown>[]
  endnotes: Record<string, unknown>[]
  rels: Record<string, unknown>[]
  groups: Record<string, unknown>[]
}

/** One unit = a single post or an en+tr pair; everything about it derives from (seed, unit). */
interface Plan {
  /** Units in order; each the ids of its posts. */
  units: { pair: boolean; firstId: number; lang: Lang }[]
  posts: number
  groups: number
}

function plan(posts: number, seed: string): Plan {
  const random = new Random(`${seed}:plan`)
  const units: Plan['units'] = []
  let id = 1
  let groups = 0
  // 70 % of posts in pairs: a unit is a pair with probability 0.7/2 / (0.7/2 + 0.3) = 7/13.
  while (id <= posts) {
    const pair = id + 1 <= posts && random.chance(7 / 13)
    units.push({ firstId: id, lang: pair ? 'en' : random.chance(0.6) ? 'en' : 'tr', pair })
    if (pair) groups++
    id += pair ? 2 : 1
  }
  return { groups, posts, units }
}

interface Context {
  seed: string
  models: Record<Lang, LanguageModel>
  footnotes: number
  footnoteZipf: Float64Array
  authorZipf: Float64Array
  /** Dates are anchored to a fixed day so a seed always yields the same corpus. */
  now: number
  slugs: Set<string>
}

function body(writer: Writer, random: Random, words: number, notes: number[]): { content: unknown; text: string } {
  const paragraphs = writer.paragraphs(words)
  const sentenceCount = paragraphs.reduce((sum, p) => sum + p.length, 0)
  // Each note follows a distinct sentence (never the very first), in reading order.
  const slots = new Set<number>()
  while (slots.size < Math.min(notes.length, sentenceCount - 1)) slots.add(random.int(1, sentenceCount - 1))
  const ordered = [...slots].sort((a, b) => a - b)
  const noteAt = new Map(ordered.map((slot, i) => [slot, notes[i]]))
  const children = []
  let index = 0
  let headings = 0
  for (let p = 0; p < paragraphs.length; p++) {
    if (p > 0 && p % 5 === 0 && headings < 3) {
      children.push(headingNode('h2', [textNode(writer.phrase(3, 7))]))
      headings++
    }
    const inline = []
    let pending = ''
    for (const sentence of paragraphs[p]) {
      pending += (pending ? ' ' : '') + sentence
      const note = noteAt.get(index++)
      if (note !== undefined) {
        inline.push(textNode(pending), endnoteNode(note))
        pending = ''
      }
    }
    if (pending) inline.push(textNode(pending.startsWith(' ') ? pending : inline.length ? ` ${pending}` : pending))
    children.push(paragraphNode(inline))
  }
  return { content: rootNode(children), text: paragraphs[0].join(' ') }
}

function uniqueSlug(ctx: Context, lang: Lang, title: string, id: number): string {
  let slug = slugifyTitle(title) || `post-${id}`
  if (ctx.slugs.has(`${lang}:${slug}`)) slug = `${slug.slice(0, 80)}-${id}`
  ctx.slugs.add(`${lang}:${slug}`)
  return slug
}

function buildUnit(ctx: Context, unit: Plan['units'][number], batch: Batch, posts: number): void {
  const random = new Random(`${ctx.seed}:unit:${unit.firstId}`)
  const topic = random.int(0, TOPICS - 1)
  const category = (random.chance(0.7) ? topic % CATEGORIES : random.int(0, CATEGORIES - 1)) + 1
  const authorCount = random.chance(0.6) ? 1 : random.chance(0.7) ? 2 : 3
  const authors = new Set<number>()
  while (authors.size < authorCount) authors.add(random.zipf(ctx.authorZipf) + 1)
  const noteCount = random.int(4, 12)
  const notes = new Set<number>()
  while (notes.size < noteCount) notes.add(random.zipf(ctx.footnoteZipf) + 1)
  const noteList = [...notes]
  const ageDays = random.next() * 8 * 365
  const published = ctx.now - ageDays * 86_400_000
  const updated = published + random.int(0, 20) * 3_600_000
  const languages: Lang[] = unit.pair ? ['en', 'tr'] : [unit.lang]
  const groupId = unit.pair ? unit.firstId : null // group id = id of its first post (unique, sparse)
  languages.forEach((lang, i) => {
    const id = unit.firstId + i
    if (id > posts) return
    const writer = new Writer(ctx.models[lang], random, topic)
    const title = writer.title()
    const words = random.int(800, 2000)
    const { content, text } = body(writer, random, words, noteList)
    const isPublished = random.chance(i === 0 ? 0.97 : 0.9)
    const created = published - random.int(1, 72) * 3_600_000
    const row: PostRow = {
      _status: isPublished ? 'published' : 'draft',
      category_id: category,
      content,
      created_at: iso(created),
      id,
      language: lang,
      meta_description: text.slice(0, 300),
      published_at: isPublished ? iso(published + i * 86_400_000) : null,
      slug: uniqueSlug(ctx, lang, title, id),
      source_updated_at: i > 0 ? iso(updated) : null,
      title,
      translated_from_id: i > 0 ? unit.firstId : null,
      translation_group_id: groupId,
      translation_status: i > 0 ? 'up-to-date' : 'source',
      updated_at: iso(updated + i * 86_400_000),
    }
    batch.posts.push(row)
    for (let h = 0; h < 3; h++) batch.highlights.push({ _order: h + 1, _parent_id: id, id: random.hexId(), text: writer.highlight() })
    noteList.forEach((footnote, n) =>
      batch.endnotes.push({ _order: n + 1, _parent_id: id, footnote_id: footnote, id: random.hexId(), label: toRoman(n + 1), number: n + 1 }),
    )
    ;[...authors].forEach((author, order) => batch.rels.push({ authors_id: author, order: order + 1, parent_id: id, path: 'authors' }))
    if (i === 0 && groupId !== null) batch.groups.push({ created_at: iso(created), id: groupId, label: title, updated_at: iso(updated) })
  })
}

async function writeBatch(db: Db, batch: Batch): Promise<void> {
  await insertRecords(db, 'translations', { created_at: 'timestamptz', id: 'integer', label: 'varchar', updated_at: 'timestamptz' }, batch.groups)
  await insertRecords(db, 'posts', POST_COLUMNS, batch.posts as unknown as Record<string, unknown>[])
  await insertRecords(db, 'posts_highlights', { _order: 'integer', _parent_id: 'integer', id: 'varchar', text: 'varchar' }, batch.highlights)
  await insertRecords(
    db,
    'posts_endnotes',
    { _order: 'integer', _parent_id: 'integer', footnote_id: 'integer', id: 'varchar', label: 'varchar', number: 'numeric' },
    batch.endnotes,
  )
  await insertRecords(db, 'posts_rels', { authors_id: 'integer', order: 'integer', parent_id: 'integer', path: 'varchar' }, batch.rels)
}

async function writeReferenceData(db: Db, ctx: Context, random: Random): Promise<number> {
  const now = iso(ctx.now)
  await insertRecords(
    db,
    'categories',
    { created_at: 'timestamptz', id: 'integer', slug: 'varchar', updated_at: 'timestamptz' },
    CATEGORY_NAMES.map((c, i) => ({ created_at: now, id: i + 1, slug: c.slug, updated_at: now })),
  )
  await insertRecords(
    db,
    'categories_locales',
    { _locale: '_locales', _parent_id: 'integer', name: 'varchar' },
    CATEGORY_NAMES.flatMap((c, i) => [
      { _locale: 'en', _parent_id: i + 1, name: c.en },
      { _locale: 'tr', _parent_id: i + 1, name: c.tr },
    ]),
  )
  const authors = []
  const authorLocales = []
  const names = new Set<string>()
  for (let i = 1; i <= AUTHORS; i++) {
    let name = ''
    do name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`
    while (names.has(name))
    names.add(name)
    authors.push({ created_at: now, id: i, name, slug: slugifyTitle(name), updated_at: now })
    const en = new Writer(ctx.models.en, random, i % TOPICS)
    const tr = new Writer(ctx.models.tr, random, i % TOPICS)
    authorLocales.push(
      { _locale: 'en', _parent_id: i, bio: en.sentence(20, 45).join(' '), role: 'Senior Fellow' },
      { _locale: 'tr', _parent_id: i, bio: tr.sentence(20, 45).join(' '), role: 'Kıdemli Araştırmacı' },
    )
  }
  await insertRecords(db, 'authors', { created_at: 'timestamptz', id: 'integer', name: 'varchar', slug: 'varchar', updated_at: 'timestamptz' }, authors)
  await insertRecords(db, 'authors_locales', { _locale: '_locales', _parent_id: 'integer', bio: 'varchar', role: 'varchar' }, authorLocales)

  const footnotes = []
  for (let i = 1; i <= ctx.footnotes; i++) {
    const writer = new Writer(ctx.models[random.chance(0.7) ? 'en' : 'tr'], random, random.int(0, TOPICS - 1))
    const accessed = iso(ctx.now - random.int(0, 8 * 365) * 86_400_000)
    if (random.chance(0.1)) {
      const note = writer.sentence(15, 45).join(' ')
      footnotes.push({ accessed_at: accessed, created_at: now, id: i, label: note.slice(0, 199), note, updated_at: now })
      continue
    }
    const outlet = random.int(0, OUTLETS.length - 1)
    const cited = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`
    const title = writer.phrase(5, 14)
    footnotes.push({
      accessed_at: accessed,
      cited_authors: cited,
      created_at: now,
      id: i,
      label: `${cited} — ${title} (${OUTLETS[outlet]})`.slice(0, 200),
      outlet: OUTLETS[outlet],
      published_at: random.chance(0.6) ? iso(ctx.now - random.int(30, 9 * 365) * 86_400_000) : null,
      title,
      updated_at: now,
      url: `https://${DOMAINS[outlet]}/${new Date(Date.parse(accessed)).getUTCFullYear()}/${slugifyTitle(title).slice(0, 60)}-${i}`,
    })
  }
  for (let i = 0; i < footnotes.length; i += 2000) {
    await insertRecords(
      db,
      'footnotes',
      {
        accessed_at: 'timestamptz',
        cited_authors: 'varchar',
        created_at: 'timestamptz',
        id: 'integer',
        label: 'varchar',
        note: 'varchar',
        outlet: 'varchar',
        published_at: 'timestamptz',
        title: 'varchar',
        updated_at: 'timestamptz',
        url: 'varchar',
      },
      footnotes.slice(i, i + 2000),
    )
  }
  return footnotes.length
}

/** Copies every post into `_posts_v` as its latest (published or draft) version, as Payload keeps them. */
async function writeVersions(db: Db): Promise<void> {
  await db.execute(`
    insert into _posts_v (id, parent_id, version_title, version_slug, version_language, version_category_id,
      version_published_at, version_content, version_meta_description, version_translation_status,
      version_translation_group_id, version_translated_from_id, version_source_updated_at, version_updated_at,
      version_created_at, version__status, created_at, updated_at, latest)
    select id, id, title, slug, language::text::enum__posts_v_version_language, category_id, published_at, content,
      meta_description, translation_status::text::enum__posts_v_version_translation_status, translation_group_id,
      translated_from_id, source_updated_at, updated_at, created_at, _status::text::enum__posts_v_version_status,
      updated_at, updated_at, true
    from posts`)
  await db.execute(`insert into _posts_v_version_highlights (_order, _parent_id, text, _uuid)
    select _order, _parent_id, text, id from posts_highlights`)
  await db.execute(`insert into _posts_v_version_endnotes (_order, _parent_id, number, label, footnote_id, _uuid)
    select _order, _parent_id, number, label, footnote_id, id from posts_endnotes`)
  await db.execute(`insert into _posts_v_rels ("order", parent_id, path, authors_id, posts_id)
    select "order", parent_id, 'version.' || path, authors_id, posts_id from posts_rels`)
}

async function resetSequences(db: Db): Promise<void> {
  const result = await db.execute(`
    select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
    from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = to_regnamespace(current_schema())::oid and c.relkind = 'r' and a.attnum > 0
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`)
  for (const row of result.rows) {
    await db.execute(
      `select setval('${String(row.seq)}', greatest((select coalesce(max("${String(row.column)}"), 0) from "${String(row.table)}"), 1))`,
    )
  }
}

/** Drops the GIN index on the vectors (rebuilt once at the end: far faster than row-by-row inserts). */
async function dropGin(db: Db): Promise<string[]> {
  const found = await db.execute(
    `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'posts_fts' and indexdef ilike '%using gin%'`,
  )
  for (const row of found.rows) await db.execute(`drop index "${String(row.indexname)}"`)
  return found.rows.map((row) => String(row.indexdef))
}

async function rebuildGin(db: Db, definitions: string[]): Promise<void> {
  await db.execute(`set maintenance_work_mem = '1GB'`)
  for (const definition of definitions) await db.execute(definition)
  await db.execute(`reset maintenance_work_mem`)
}

export async function generateCorpus(
  payload: Payload,
  { log = console.log, posts, seed = DEFAULT_SEED }: { log?: (line: string) => void; posts: number; seed?: string },
): Promise<GenerateResult> {
  const db = drizzleOf(payload)
  const timings: Record<string, number> = {}
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    const result = await work()
    timings[name] = Math.round(performance.now() - start)
    return result
  }
  const ctx: Context = {
    authorZipf: zipfTable(AUTHORS, 0.8),
    footnoteZipf: zipfTable(footnotePoolSize(posts), 0.7),
    footnotes: footnotePoolSize(posts),
    models: { en: languageModel('en', seed), tr: languageModel('tr', seed) },
    now: Date.parse('2025-12-01T09:00:00.000Z'),
    seed,
    slugs: new Set(),
  }
  await time('empty', () => emptyContent(payload))
  const footnotes = await time('reference', () => writeReferenceData(db, ctx, new Random(`${seed}:reference`)))
  const { groups, units } = plan(posts, seed)

  const started = Date.now()
  const gin = await dropGin(db)
  // Three streams at once: this process writes the prose of the next batch while Postgres
  // inserts the previous one and computes the full-text vectors of earlier ones, with the
  // plugin's own `updateSearchIndex` (two chains, one per core).
  let writing: Promise<void> = Promise.resolve()
  const indexing: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()]
  let batch: Batch = { endnotes: [], groups: [], highlights: [], posts: [], rels: [] }
  let written = 0
  let indexed = 0
  let batches = 0
  let words = 0
  const counts = { endnotes: 0, highlights: 0 }
  await time('posts', async () => {
    for (const unit of units) {
      buildUnit(ctx, unit, batch, posts)
      if (batch.posts.length >= BATCH || unit === units[units.length - 1]) {
        const full = batch
        batch = { endnotes: [], groups: [], highlights: [], posts: [], rels: [] }
        counts.endnotes += full.endnotes.length
        counts.highlights += full.highlights.length
        for (const post of full.posts) words += countWords(post.content)
        await writing
        written += full.posts.length
        const ids = full.posts.map((post) => post.id)
        const write = writeBatch(db, full)
        writing = write
        const chain = batches++ % 2
        indexing[chain] = Promise.all([indexing[chain], write]).then(async () => {
          await updateSearchIndex(payload, ids)
          indexed += ids.length
          if (indexed % 10_000 < BATCH) log(`  indexed ${indexed}/${posts} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
        })
        if (written % 10_000 < BATCH) log(`  posts ${written}/${posts} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
      }
    }
    await writing
  })
  await time('searchIndex', () => Promise.all(indexing))
  await time('versions', () => writeVersions(db))
  await time('sequences', () => resetSequences(db))
  await time('ginIndex', () => rebuildGin(db, gin))
  await time('termStatistics', () => refreshTermStatistics(payload))
  await time('analyze', () => db.execute('analyze'))

  const max = async (table: string) => Number((await db.execute(`select coalesce(max(id), 0) as m from "${table}"`)).rows[0].m)
  const maxIds = {
    _posts_v: await max('_posts_v'),
    authors: await max('authors'),
    footnotes: await max('footnotes'),
    posts: await max('posts'),
    translations: await max('translations'),
    users: 0,
  }
  const published = Number((await db.execute(`select count(*) as c from posts where _status = 'published'`)).rows[0].c)
  return {
    counts: {
      authors: AUTHORS,
      averageWords: Math.round(words / posts),
      categories: CATEGORIES,
      endnotes: counts.endnotes,
      footnotes,
      highlights: counts.highlights,
      posts,
      postsInTranslationGroups: groups * 2,
      published,
      translationGroups: groups,
    },
    maxIds,
    timings,
  }
}

function countWords(content: unknown): number {
  let count = 0
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { children?: unknown[]; text?: string; type?: string }
    if (n.type === 'text' && typeof n.text === 'string') {
      for (let i = 0, inWord = false; i < n.text.length; i++) {
        const space = n.text.charCodeAt(i) === 32
        if (!space && !inWord) count++
        inWord = !space
      }
    }
    if (Array.isArray(n.children)) for (const child of n.children) walk(child)
  }
  walk((content as { root?: unknown }).root)
  return count
}

/**
 * Removes what earlier benchmark runs added (editor operations, imports): every row above the
 * generated corpus' highest ids. Version rows of generated posts edited by a run are not kept
 * apart, so runs edit only the posts they create.
 */
export async function restoreCorpus(payload: Payload, maxIds: Record<string, number>): Promise<void> {
  const db = drizzleOf(payload)
  await db.execute(`delete from _posts_v where parent_id > ${maxIds.posts} or id > ${maxIds._posts_v}`)
  await db.execute(`delete from posts where id > ${maxIds.posts}`)
  await db.execute(`delete from translations where id > ${maxIds.translations}`)
  await db.execute(`delete from footnotes where id > ${maxIds.footnotes}`)
  await db.execute(`delete from payload_locked_documents`)
}
