/**
 * Deterministic prose for the benchmark corpus, per language. A word-bigram chain trained on
 * the repository's own demo articles (src/lib/seed/content, test/fixtures/articles) gives
 * natural sentence shapes; a per-topic vocabulary and a long tail of generated words (with
 * language-like syllables and, for Turkish, vowel-harmonised suffixes) give the corpus the
 * vocabulary size and the topical overlap a real archive has, so full-text ranking works on
 * realistic statistics rather than on one repeated sentence.
 */
import fs from 'node:fs'
import path from 'node:path'

import { articles } from '../../../src/lib/seed/content/articles'
import { Random, zipfTable } from '../random'

export type Lang = 'en' | 'tr'

const root = path.resolve(import.meta.dirname, '../../..')

const END = '\u0000'

interface Chain {
  starts: string[]
  next: Map<string, string[]>
  /** Content words of the training text (≥ 6 letters), for topic vocabularies. */
  contentWords: string[]
  /** Capitalised words that also occur capitalised mid-sentence (names): never lower-cased. */
  properNames: Set<string>
}

function trainingText(lang: Lang): string[] {
  const blocks: string[] = []
  for (const article of articles) {
    const version = article[lang]
    blocks.push(version.title, ...version.highlights, version.metaDescription)
    for (const block of version.body) {
      if (block.startsWith('## ')) continue
      blocks.push(block.replace(/^>\s*/, '').replace(/^-\s*/gm, ''))
    }
  }
  const fixtures = path.join(root, 'test/fixtures/articles')
  if (fs.existsSync(fixtures)) {
    for (const file of fs.readdirSync(fixtures).sort()) {
      if (!file.endsWith(`.${lang}.txt`) || file.startsWith('malformed')) continue
      const text = fs.readFileSync(path.join(fixtures, file), 'utf8')
      // body paragraphs only: long lines before the notes heading
      const body = text.split(/\n(?:Endnotes|Notes|Dipnotlar|Kaynakça|Sonnotlar)\s*\n/i)[0]
      for (const line of body.split(/\n+/)) if (line.length > 120) blocks.push(line)
    }
  }
  return blocks.map((block) =>
    block
      .replace(/\[\[fn:[^\]]+\]\]/g, '')
      .replace(/\[[ivxlcdm]+\]/g, '')
      .replace(/\*\*|__|\*/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

const isEnd = (word: string) => /[.!?]["”’)]?$/.test(word)

function train(lang: Lang): Chain {
  const starts: string[] = []
  const next = new Map<string, string[]>()
  const content = new Set<string>()
  const properNames = new Set<string>()
  const add = (from: string, to: string) => {
    const list = next.get(from)
    if (list) list.push(to)
    else next.set(from, [to])
  }
  for (const block of trainingText(lang)) {
    const words = block.split(' ').filter(Boolean)
    let atStart = true
    for (let i = 0; i < words.length; i++) {
      const word = words[i]
      if (atStart && /^\p{Lu}/u.test(word)) starts.push(word)
      else if (/^\p{Lu}/u.test(word)) properNames.add(word)
      atStart = false
      const bare = word.replace(/[^\p{L}]/gu, '')
      if (bare.length >= 6 && bare === word.replace(/[,;:]$/, '') && /^\p{Ll}+$/u.test(bare)) content.add(bare)
      if (isEnd(word)) {
        add(word, END)
        atStart = true
      } else if (i + 1 < words.length) add(word, words[i + 1])
      else add(word, END)
    }
  }
  return { contentWords: [...content].sort(), next, properNames, starts }
}

// ——— generated vocabulary ———

const SYLLABLES = {
  en: {
    onsets: ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'],
    codas: ['', '', 'n', 'r', 'l', 's', 'st', 'nd', 'rk', 'm', 't', 'x'],
    suffixes: ['', '', 'ation', 'ism', 'ity', 'ment', 'ance', 'ive', 'al', 'ing', 'ed', 's', 'ers', 'ian', 'ology'],
  },
  tr: {
    onsets: ['b', 'c', 'ç', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'ş', 't', 'v', 'y', 'z'],
    vowels: ['a', 'e', 'ı', 'i', 'o', 'ö', 'u', 'ü'],
    codas: ['', '', 'n', 'r', 'l', 'k', 'm', 'ş', 'z', 't', 'y'],
    suffixes: [],
  },
} as const

const BACK = new Set(['a', 'ı', 'o', 'u'])
const TR_SUFFIXES_BACK = ['', '', 'lar', 'ın', 'da', 'dan', 'ı', 'a', 'lık', 'sız', 'cı', 'ları', 'ların', 'daki']
const TR_SUFFIXES_FRONT = ['', '', 'ler', 'in', 'de', 'den', 'i', 'e', 'lik', 'siz', 'ci', 'leri', 'lerin', 'deki']

function generatedWord(lang: Lang, random: Random): string {
  const s = SYLLABLES[lang]
  const count = random.int(2, 3)
  let word = ''
  let lastVowel = 'a'
  for (let i = 0; i < count; i++) {
    lastVowel = random.pick(s.vowels)
    word += random.pick(s.onsets) + lastVowel + (i === count - 1 || random.chance(0.3) ? random.pick(s.codas) : '')
  }
  if (lang === 'en') return word + random.pick(s.suffixes)
  const suffixes = BACK.has(lastVowel.slice(-1)) ? TR_SUFFIXES_BACK : TR_SUFFIXES_FRONT
  return word + random.pick(suffixes)
}

const capitalise = (word: string, lang: Lang) => word.charAt(0).toLocaleUpperCase(lang) + word.slice(1)

export interface LanguageModel {
  lang: Lang
  chain: Chain
  /** topic → words (both training words and generated ones); topic k is the same subject in every language. */
  topics: string[][]
  topicZipf: Float64Array
  /** Generated long-tail vocabulary (proper names and terms), Zipf-distributed. */
  tail: string[]
  tailZipf: Float64Array
}

export const TOPICS = 160
const TOPIC_WORDS = 60
const TAIL_WORDS = 40_000

export function languageModel(lang: Lang, seed: string): LanguageModel {
  const random = new Random(`${seed}:vocabulary:${lang}`)
  const chain = train(lang)
  const tailSet = new Set<string>()
  while (tailSet.size < TAIL_WORDS) tailSet.add(generatedWord(lang, random))
  const tail = [...tailSet].map((word, i) => (i % 3 === 0 ? capitalise(word, lang) : word))
  const topics: string[][] = []
  for (let t = 0; t < TOPICS; t++) {
    const words = random.sample(chain.contentWords, Math.min(TOPIC_WORDS / 2, chain.contentWords.length))
    while (words.length < TOPIC_WORDS) {
      const word = generatedWord(lang, random)
      words.push(random.chance(0.4) ? capitalise(word, lang) : word)
    }
    topics.push(words)
  }
  return { chain, lang, tail, tailZipf: zipfTable(TAIL_WORDS, 1.05), topicZipf: zipfTable(TOPIC_WORDS, 0.9), topics }
}

/** Writes prose for one post of `topic`: sentences, with a share of topical and long-tail words. */
export class Writer {
  constructor(
    private readonly model: LanguageModel,
    private readonly random: Random,
    private readonly topic: number,
  ) {}

  private swap(word: string): string {
    const r = this.random.next()
    if (r > 0.11) return word
    const bare = word.replace(/[,;:]$/, '')
    if (bare.length < 5 || !/^\p{Ll}+$/u.test(bare)) return word
    const tailPunct = word.slice(bare.length)
    const replacement =
      r < 0.085
        ? this.model.topics[this.topic][this.random.zipf(this.model.topicZipf)]
        : this.model.tail[this.random.zipf(this.model.tailZipf)]
    return replacement + tailPunct
  }

  /** One sentence of `min`–`max` words (ends with a full stop). */
  sentence(min = 8, max = 34): string[] {
    const { next, starts } = this.model.chain
    const words: string[] = []
    let word = this.random.pick(starts)
    for (;;) {
      words.push(this.swap(word))
      if (words.length >= max) break
      const successors = next.get(word)
      const following: string = successors ? this.random.pick(successors) : END
      if (following === END) {
        if (words.length >= min) break
        // too short: continue with a fresh clause
        word = this.random.pick(starts)
        words[words.length - 1] = words[words.length - 1].replace(/[.!?]+(["”’)]?)$/, ',$1')
        // lower-case a common word opening the clause, never an acronym or a name's second capital
        if (/^\p{Lu}\p{Ll}/u.test(word) && !this.model.chain.properNames.has(word)) {
          word = word.charAt(0).toLocaleLowerCase(this.model.lang) + word.slice(1)
        }
        continue
      }
      word = following
    }
    const last = words.length - 1
    if (!isEnd(words[last])) words[last] = `${words[last].replace(/[,;:]$/, '')}.`
    words[0] = capitalise(words[0], this.model.lang)
    return words
  }

  /** Paragraphs totalling about `totalWords` words; each paragraph is a list of sentences. */
  paragraphs(totalWords: number): string[][] {
    const paragraphs: string[][] = []
    let written = 0
    while (written < totalWords) {
      const target = Math.min(this.random.int(50, 140), Math.max(20, totalWords - written))
      const sentences: string[] = []
      let count = 0
      while (count < target) {
        const words = this.sentence()
        sentences.push(words.join(' '))
        count += words.length
      }
      written += count
      paragraphs.push(sentences)
    }
    return paragraphs
  }

  title(): string {
    const words = this.sentence(6, 13)
    const name = this.model.topics[this.topic][this.random.int(0, 9)]
    words.splice(Math.min(words.length, this.random.int(1, 4)), 0, capitalise(name, this.model.lang))
    return words.join(' ').replace(/[.,;:]+$/, '').slice(0, 280)
  }

  highlight(): string {
    return this.sentence(14, 40).join(' ').slice(0, 480)
  }

  /** A short phrase (citation titles, outlets). */
  phrase(min: number, max: number): string {
    return this.sentence(min, max).join(' ').replace(/[.,;:]+$/, '')
  }
}
