import type { CollectionBeforeChangeHook } from 'payload'

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** A one-line label for pickers and lists: "Author — Title (Outlet)" or the note's start. */
export const setFootnoteLabelHook: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const pick = (key: string): string => {
    const value = key in data ? data[key] : originalDoc?.[key]
    return typeof value === 'string' ? value.trim() : ''
  }
  const author = pick('citedAuthors')
  const title = pick('title')
  const outlet = pick('outlet')
  const note = pick('note')
  const head = [author, title].filter(Boolean).join(' — ')
  const label = head ? `${head}${outlet ? ` (${outlet})` : ''}` : outlet || note || pick('url')
  data.label = clip(label || 'Untitled note', 200)
  return data
}
