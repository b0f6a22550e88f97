import type { TextField } from 'payload'

interface SlugFieldArgs {
  /** Field the slug is generated from when left empty. */
  from: string
  /** Extra admin description. */
  description?: string
}

/** The `slug` text field; generation and uniqueness live in collection hooks (they need the whole doc). */
export const slugField = ({ description, from }: SlugFieldArgs): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  maxLength: 120,
  admin: {
    description: description ?? `Used in the URL. Left empty, it is made from the ${from}.`,
    position: 'sidebar',
  },
})
