import type { CollectionConfig, Field } from 'payload'

const namedFields = (fields: Field[]): Map<string, Field> => {
  const byName = new Map<string, Field>()
  for (const field of fields) if ('name' in field && field.name) byName.set(field.name, field)
  return byName
}

/**
 * Merges our definition of a collection into the host's one with the same slug. The host
 * wins: its fields, access and admin settings are kept; we only add the fields it lacks
 * and append our hooks. A field of the same name but another type is a configuration error.
 */
export function mergeCollection(host: CollectionConfig, ours: CollectionConfig): CollectionConfig {
  const hostFields = namedFields(host.fields)
  const added: Field[] = []
  for (const field of ours.fields) {
    if (!('name' in field) || !field.name) {
      added.push(field)
      continue
    }
    const existing = hostFields.get(field.name)
    if (!existing) added.push(field)
    else if (existing.type !== field.type) {
      throw new Error(
        `[policy-posts] collection "${host.slug}" already has a field "${field.name}" of type "${existing.type}"; the plugin needs type "${field.type}". Rename the field or the plugin's collection slug.`,
      )
    }
  }
  const hooks: NonNullable<CollectionConfig['hooks']> = { ...(ours.hooks ?? {}) }
  for (const [key, list] of Object.entries(host.hooks ?? {})) {
    const name = key as keyof typeof hooks
    hooks[name] = [...((list as unknown[]) ?? []), ...((hooks[name] as unknown[]) ?? [])] as never
  }
  return {
    ...ours,
    ...host,
    access: { ...(ours.access ?? {}), ...(host.access ?? {}) },
    admin: { ...(ours.admin ?? {}), ...(host.admin ?? {}) },
    auth: host.auth ?? ours.auth,
    fields: [...host.fields, ...added],
    hooks,
    upload: host.upload ?? ours.upload,
  }
}
