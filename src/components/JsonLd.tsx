import type { Thing, WithContext } from 'schema-dts'

/** JSON for a `<script>` element: `<` escaped so "</script>" in content cannot end it early. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

export function JsonLd<T extends Thing>({ data }: { data: WithContext<T> }) {
  return <script dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} type="application/ld+json" />
}
