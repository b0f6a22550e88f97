/**
 * Editor operations through the Local API, as the admin performs them: create a draft post with
 * 30 endnotes, update it, publish it, create its Turkish translation (the plugin's
 * `createTranslation`); and the plugin's `importArticle` on a 5,000-word article with 50 notes.
 * Every operation runs as the corpus' editor user with access control on.
 */
import type { Payload, TypedUser } from 'payload'

import type { Summary } from './stats'

import { toRoman } from 'payload-policy-posts'
import { importArticle } from 'payload-policy-posts'
import { createTranslation } from 'payload-policy-posts'
import { endnoteNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { languageModel, Writer } from './corpus/text'
import { Random } from './random'
import { summarize, timed } from './stats'

export const BENCH_EDITOR_EMAIL = 'bench-editor@example.com'

export async function ensureEditor(payload: Payload): Promise<TypedUser> {
  const found = await payload.find({ collection: 'users', limit: 1, where: { email: { equals: BENCH_EDITOR_EMAIL } } })
  const user =
    found.docs[0] ??
    (await payload.create({
      collection: 'users',
      data: { email: BENCH_EDITOR_EMAIL, name: 'Bench Editor', password: 'bench-editor-password', roles: ['editor'] } as never,
    }))
  return { ...user, collection: 'users' } as TypedUser
}

function richBody(writer: Writer, words: number, footnotes: number[]) {
  const paragraphs = writer.paragraphs(words)
  const sentences = paragraphs.reduce((n, p) => n + p.length, 0)
  const every = Math.max(1, Math.floor(sentences / (footnotes.length + 1)))
  let index = 0
  let note = 0
  const children = paragraphs.map((sentencesOf) => {
    const inline = []
    let pending = ''
    for (const sentence of sentencesOf) {
      pending += (pending ? ' ' : '') + sentence
      index++
      if (index % every === 0 && note < footnotes.length) {
        inline.push(textNode(pending), endnoteNode(footnotes[note++]))
        pending = ''
      }
    }
    if (pending) inline.push(textNode(inline.length ? ` ${pending}` : pending))
    return paragraphNode(inline)
  })
  // any notes left over go at the end of the last paragraph
  while (note < footnotes.length) (children[children.length - 1].children as unknown[]).push(endnoteNode(footnotes[note++]))
  return rootNode(children)
}

export interface EditorResult {
  iterations: number
  create: Summary
  update: Summary
  publish: Summary
  createTranslation: Summary
}

export async function benchEditor(
  payload: Payload,
  { iterations = 20, log, seed, user }: { iterations?: number; log: (line: string) => void; seed: string; user: TypedUser },
): Promise<EditorResult> {
  const model = languageModel('en', seed)
  const random = new Random(`${seed}:editor`)
  const footnoteIds = (await payload.find({ collection: 'footnotes', depth: 0, limit: 500, pagination: false, select: {} })).docs.map(
    (d) => Number(d.id),
  )
  const times = { create: [] as number[], createTranslation: [] as number[], publish: [] as number[], update: [] as number[] }
  const warmups = 2
  for (let i = 0; i < iterations + warmups; i++) {
    const writer = new Writer(model, random, random.int(0, 150))
    const notes = random.sample(footnoteIds, 30)
    const title = `${writer.title()} ${i}`.slice(0, 280)
    const create = await timed(() =>
      payload.create({
        collection: 'posts',
        data: {
          _status: 'draft',
          authors: [random.int(1, 200), random.int(1, 200)].filter((v, k, a) => a.indexOf(v) === k),
          category: random.int(1, 20),
          content: richBody(writer, 1500, notes) as never,
          highlights: [{ text: writer.highlight() }, { text: writer.highlight() }, { text: writer.highlight() }],
          language: 'en',
          title,
        },
        draft: true,
        overrideAccess: false,
        user,
      }),
    )
    const id = create.result.id
    const update = await timed(() =>
      payload.update({
        collection: 'posts',
        data: { content: richBody(writer, 1500, notes) as never, title: `${title} (revised)`.slice(0, 300) },
        draft: true,
        id,
        overrideAccess: false,
        user,
      }),
    )
    const publish = await timed(() =>
      payload.update({ collection: 'posts', data: { _status: 'published' }, id, overrideAccess: false, user }),
    )
    const translation = await timed(() => createTranslation(payload, { language: 'tr', source: id }))
    if (i >= warmups) {
      times.create.push(create.ms)
      times.update.push(update.ms)
      times.publish.push(publish.ms)
      times.createTranslation.push(translation.ms)
    }
  }
  const result = {
    create: summarize(times.create),
    createTranslation: summarize(times.createTranslation),
    iterations,
    publish: summarize(times.publish),
    update: summarize(times.update),
  }
  log(
    `  editor p95: create ${result.create.p95} ms, update ${result.update.p95} ms, publish ${result.publish.p95} ms, translation ${result.createTranslation.p95} ms`,
  )
  return result
}

/** A plain-text article in the importer's format: title, category, key points, body with [i] markers, endnotes. */
const IMPORT_BODY_WORDS = 5000

export function importText(seed: string, iteration: number, words = IMPORT_BODY_WORDS, notes = 50): string {
  const model = languageModel('en', seed)
  const random = new Random(`${seed}:import:${iteration}`)
  const writer = new Writer(model, random, random.int(0, 150))
  const paragraphs = writer.paragraphs(words)
  const sentences = paragraphs.reduce((n, p) => n + p.length, 0)
  const every = Math.max(1, Math.floor(sentences / (notes + 1)))
  let index = 0
  let note = 0
  const body = paragraphs.map((list) =>
    list
      .map((sentence) => {
        index++
        return index % every === 0 && note < notes ? `${sentence}[${toRoman(++note)}]` : sentence
      })
      .join(' '),
  )
  const lines = [
    `${writer.title()} (${iteration})`,
    '',
    'Analysis',
    '',
    `• ${writer.highlight()}`,
    `• ${writer.highlight()}`,
    `• ${writer.highlight()}`,
    '',
    body.join('\n\n'),
    '',
    'Endnotes',
    '',
  ]
  for (let n = 1; n <= note; n++) {
    const day = String(random.int(1, 28)).padStart(2, '0')
    const month = String(random.int(1, 12)).padStart(2, '0')
    lines.push(
      `[${toRoman(n)}] ${writer.phrase(2, 3).replace(/[.,]/g, '')}, “${writer.phrase(5, 12).replace(/[“”"]/g, '')}”, Policy Review ${n}, https://import-bench.example.org/${iteration}/note-${n}, (Access Date: ${day}.${month}.2025).`,
    )
  }
  return lines.join('\n')
}

export interface ImportResult extends Summary {
  /** Words of the article's body (title, key points and the note list come on top). */
  bodyWords: number
  words: number
  notes: number
  footnotesCreatedPerImport: number
}

export async function benchImport(
  payload: Payload,
  { iterations = 8, log, seed, user }: { iterations?: number; log: (line: string) => void; seed: string; user: TypedUser },
): Promise<ImportResult> {
  const times: number[] = []
  let created = 0
  let words = 0
  const runTag = Date.now().toString(36)
  for (let i = 0; i < iterations + 1; i++) {
    // unique URLs per run, so every import creates its 50 footnote records (the costly case)
    const text = importText(seed, i).replace(/import-bench\.example\.org\/(\d+)\//g, `import-bench.example.org/${runTag}-$1/`)
    words = text.split(/\s+/).length
    const { ms, result } = await timed(() => importArticle(payload, { language: 'en', text, user }))
    if (!result.ok) throw new Error(`import refused: ${result.problems.map((p) => p.message).join('; ')}`)
    if (i > 0) {
      times.push(ms)
      created = result.created.footnotes
    }
  }
  const summary = { ...summarize(times), bodyWords: IMPORT_BODY_WORDS, footnotesCreatedPerImport: created, notes: 50, words }
  log(`  import: p50 ${summary.p50} ms, p95 ${summary.p95} ms (${words} words, ${created} notes created)`)
  return summary
}
